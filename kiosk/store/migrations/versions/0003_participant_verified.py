"""participant.verified: patients known only from a phone registration

Revision ID: 0003
Revises: 0002desk
Create Date: 2026-11-23 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every participant stored so far came from the registry (or the demo standing in for it).
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("verified", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("verified")
