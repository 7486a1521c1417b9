"""Visits registered in PCare (issue 13): each poli's PCare code and auto-register switch, the
visit's kind (kunjSakit) on the ticket, and one registration record per visit.

Revision ID: 0007pcare
Revises: 0006board2
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0007pcare"
down_revision = "0006board2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch: on SQLite a batch copies and drops `poli`, which the foreign
    # keys of a used store's tickets refuse (a clinic upgrading mid-week has tickets).
    op.add_column("poli", sa.Column("pcare_code", sa.String(length=3), nullable=True))
    op.add_column(
        "poli",
        sa.Column("pcare_auto_register", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("ticket", sa.Column("visit_sick", sa.Boolean(), nullable=True))
    op.create_table(
        "visit_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("pcare_poli", sa.String(length=3), nullable=False),
        sa.Column("vitals", sa.JSON(), nullable=False),
        sa.Column("visit_sick", sa.Boolean(), nullable=False),
        sa.Column("no_urut", sa.String(length=10), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("registered_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=40), nullable=False),
        sa.Column("add_item_id", sa.Integer(), nullable=True),
        sa.Column("delete_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_visit_registration_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_registration")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_visit_registration_ticket_id")),
    )
    op.create_index(
        op.f("ix_visit_registration_state"), "visit_registration", ["state"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_visit_registration_state"), table_name="visit_registration")
    op.drop_table("visit_registration")
    with op.batch_alter_table("ticket") as batch:
        batch.drop_column("visit_sick")
    with op.batch_alter_table("poli") as batch:
        batch.drop_column("pcare_auto_register")
        batch.drop_column("pcare_code")
