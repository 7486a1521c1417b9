"""The day's report: polis that give no numbers (the pharmacy), the central link's state changes,
and an index to read a day's events by kind.

Revision ID: 0004report
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.store.models

revision = "0004report"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every poli so far gave numbers at the kiosk and to the phone. A plain ADD COLUMN: a batch
    # would copy and drop `poli` on SQLite, which a used store's tickets refuse.
    op.add_column(
        "poli", sa.Column("bookable", sa.Boolean(), nullable=False, server_default=sa.true())
    )
    op.create_table(
        "link_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", kiosk.store.models.UTCDateTime(), nullable=False),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_event")),
    )
    op.create_index("ix_link_event_at", "link_event", ["at"])
    op.create_index("ix_ticket_event_kind_at", "ticket_event", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_ticket_event_kind_at", table_name="ticket_event")
    op.drop_index("ix_link_event_at", table_name="link_event")
    op.drop_table("link_event")
    with op.batch_alter_table("poli", schema=None) as batch_op:
        batch_op.drop_column("bookable")
