"""sync with the central: outbox claims, the link's state, the registry's membership note

Revision ID: 0004sync
Revises: 0004report
Create Date: 2026-11-24 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime, natural_key

revision = "0004sync"
down_revision = "0004report"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("claimed_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("natural_key", sa.String(length=40), nullable=True))
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_note", sa.String(length=60), nullable=True))
    link = op.create_table(
        "central_link",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reachable", sa.Boolean(), nullable=False),
        sa.Column("last_contact_at", UTCDateTime(), nullable=True),
        sa.Column("last_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_central_link")),
    )
    # One row, there from the start: pumps on several terminals only ever update it.
    op.bulk_insert(link, [{"id": 1, "reachable": False}])
    # The pump's question, "what is the next item of each ticket", reads by ticket and order.
    op.create_index("ix_outbox_ticket_order", "outbox", ["ticket_id", "id"])
    op.create_index("ix_outbox_natural_key", "outbox", ["natural_key", "id"])
    # Items already waiting get their key from their payload.
    outbox = sa.table(
        "outbox",
        sa.column("id", sa.Integer),
        sa.column("payload", sa.JSON),
        sa.column("state", sa.String),
        sa.column("natural_key", sa.String),
    )
    connection = op.get_bind()
    waiting = connection.execute(
        sa.select(outbox.c.id, outbox.c.payload).where(outbox.c.state != "sent")
    ).all()
    for item_id, payload in waiting:
        if isinstance(payload, dict):
            connection.execute(
                outbox.update()
                .where(outbox.c.id == item_id)
                .values(natural_key=natural_key(payload))
            )


def downgrade() -> None:
    op.drop_index("ix_outbox_natural_key", table_name="outbox")
    op.drop_index("ix_outbox_ticket_order", table_name="outbox")
    op.drop_table("central_link")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("status_note")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("natural_key")
        batch_op.drop_column("claimed_at")
        batch_op.drop_column("claimed_by")
