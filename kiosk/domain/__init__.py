"""Pure clinic rules: identity, eligibility, numbering, waiting, slip payloads.

Nothing here imports Textual, SQLAlchemy or httpx (an import-linter contract checks it), so each
rule can be read and tested on its own.
"""
