"""The desk: staff, and where a ticket waits, since when, recalls and priority; the quota index.

Revision ID: 0002desk
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import kiosk.store.models

revision = "0002desk"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", kiosk.store.models.UTCDateTime(), nullable=True),
        sa.Column("created_at", kiosk.store.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("name", name=op.f("uq_staff_name")),
    )
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.add_column(sa.Column("current_poli", sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column("queued_at", kiosk.store.models.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("recalls", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("priority_reason", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("counter", sa.String(length=30), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_ticket_current_poli_poli"), "poli", ["current_poli"], ["code"]
        )
        batch_op.create_index("ix_ticket_desk_queue", ["current_poli", "service_date", "status"])
        batch_op.create_index("ix_ticket_schedule_day", ["schedule_id", "service_date"])
    # Tickets issued before the desk existed wait at the poli that issued them.
    op.execute("UPDATE ticket SET current_poli = poli_code, queued_at = created_at")


def downgrade() -> None:
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_schedule_day")
        batch_op.drop_index("ix_ticket_desk_queue")
        batch_op.drop_constraint(batch_op.f("fk_ticket_current_poli_poli"), type_="foreignkey")
        for column in ("counter", "priority_reason", "recalls", "queued_at", "current_poli"):
            batch_op.drop_column(column)
    op.drop_table("staff")
