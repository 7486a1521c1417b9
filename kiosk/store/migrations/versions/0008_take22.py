"""The take's reads under the counter's lock, answered from indexes (issue 15, item 7): when the
last ticket joined a poli's queue (an index on where a ticket waits and when it joined, the two
COALESCEs of kiosk/store/queues.py), and a shift's quota count without reading the rows (the
status joins the shift/day index).

Revision ID: 0008take22
Revises: 0007pcare
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008take22"
down_revision = "0007pcare"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ticket_waiting",
        "ticket",
        [
            sa.text("coalesce(current_poli, poli_code)"),
            "service_date",
            sa.text("coalesce(queued_at, checked_in_at, created_at)"),
        ],
    )
    op.create_index("ix_ticket_shift_day", "ticket", ["schedule_id", "service_date", "status"])
    op.drop_index("ix_ticket_schedule_day", table_name="ticket")


def downgrade() -> None:
    op.create_index("ix_ticket_schedule_day", "ticket", ["schedule_id", "service_date"])
    op.drop_index("ix_ticket_shift_day", table_name="ticket")
    op.drop_index("ix_ticket_waiting", table_name="ticket")
