"""The board's running text, set by staff (issue 14): an append-only table, newest row shown.

Revision ID: 0006board2
Revises: 0005contract
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kiosk.store.models import UTCDateTime

revision = "0006board2"
down_revision = "0005contract"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "board_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_text")),
    )


def downgrade() -> None:
    op.drop_table("board_text")
