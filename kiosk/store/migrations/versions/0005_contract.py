"""contract: PCare's participant fields kept, and the central link's "credentials refused"

Revision ID: 0005contract
Revises: 0005edges
Create Date: 2026-11-29 20:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005contract"
down_revision = "0005edges"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("central_link", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("denied", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dental_fktp_code", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("dental_fktp_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("kind_code", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("kind_name", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("valid_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("programmes", sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        for name in (
            "programmes",
            "valid_until",
            "kind_name",
            "kind_code",
            "dental_fktp_name",
            "dental_fktp_code",
        ):
            batch_op.drop_column(name)
    with op.batch_alter_table("central_link", schema=None) as batch_op:
        batch_op.drop_column("denied")
