"""The outbox's claim finds a participant's earlier items from an index (issue 15, item 7): an
Antrean item waits while an earlier one of the same participant, of any ticket, is unanswered,
so the pump may keep calls in flight together. The live-ticket index is partial (cancelled
tickets are not in it), and a cancelled ticket's batal is exactly the item to wait for.

Revision ID: 0009drain23
Revises: 0008take22
"""

from __future__ import annotations

from alembic import op

revision = "0009drain23"
down_revision = "0008take22"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ticket_participant", "ticket", ["participant_id"])


def downgrade() -> None:
    op.drop_index("ix_ticket_participant", table_name="ticket")
