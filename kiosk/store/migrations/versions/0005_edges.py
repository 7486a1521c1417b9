"""Desk sign-in: successive locks grow, and each lock is in the staff audit.

Revision ID: 0005edges
Revises: 0004sync
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0005edges"
down_revision = "0004sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locks", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "staff_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_event")),
    )
    op.create_index("ix_staff_event_at", "staff_event", ["at"])


def downgrade() -> None:
    op.drop_index("ix_staff_event_at", table_name="staff_event")
    op.drop_table("staff_event")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("locks")
