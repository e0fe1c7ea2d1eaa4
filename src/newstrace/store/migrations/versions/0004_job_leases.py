"""jobs: owned by the server that runs them, under a lease; counts read from the articles

A job now names the server that holds it (``owner``) and until when (``lease_until``): that
server renews the lease while the job is queued or running, and another server marks the job
failed only once the lease has run out, never while its owner lives. ``started_at`` dates the
start of the work (for an estimate of the time left), ``upload_bytes`` is what its upload holds
on disk (for the store's upload quota), ``truncated_from``/``truncated_to`` the cut of a posted
article analysed as a job. ``done`` goes: how many articles a job has finished, and how many
failed, are counted from its stored articles, which cannot go stale.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("upload_bytes", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("truncated_from", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("truncated_to", sa.Integer(), nullable=True))
        batch_op.drop_column("done")


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("done", sa.Integer(), nullable=False, server_default="0"))
        batch_op.drop_column("truncated_to")
        batch_op.drop_column("truncated_from")
        batch_op.drop_column("upload_bytes")
        batch_op.drop_column("started_at")
        batch_op.drop_column("lease_until")
        batch_op.drop_column("owner")
