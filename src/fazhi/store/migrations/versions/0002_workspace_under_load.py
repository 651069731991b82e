"""workspace under load: analysis status, versions, received date, soft delete, holds, session versions

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as b:
        # done | queued | analysing | failed | too_large; rows from before this migration were analysed in the request
        b.add_column(sa.Column("status", sa.String(20), nullable=False, server_default="done"))
        b.add_column(sa.Column("status_reason", sa.Text(), nullable=False, server_default=""))
        b.add_column(sa.Column("received_date", sa.String(10), nullable=True))
        b.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("deleted_by", sa.Integer(), nullable=True))
        b.add_column(sa.Column("version_no", sa.Integer(), nullable=False, server_default="1"))
        b.add_column(sa.Column("superseded_by", sa.Integer(), nullable=True))
        b.add_column(sa.Column("hold_reason", sa.Text(), nullable=False, server_default=""))
        b.create_index("ix_reports_status", ["status"])
    with op.batch_alter_table("users") as b:
        b.add_column(sa.Column("session_version", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("finding_states") as b:
        b.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("finding_states") as b:
        b.drop_column("revision")
    with op.batch_alter_table("users") as b:
        b.drop_column("session_version")
    with op.batch_alter_table("reports") as b:
        b.drop_index("ix_reports_status")
        for c in (
            "hold_reason",
            "superseded_by",
            "version_no",
            "deleted_by",
            "deleted_at",
            "received_date",
            "status_reason",
            "status",
        ):
            b.drop_column(c)
