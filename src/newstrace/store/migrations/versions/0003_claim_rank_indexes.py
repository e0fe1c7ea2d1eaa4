"""claims: indexes in search order, so a claim search neither sorts nor reads past its page

Claim search returns claims most check-worthy first (``checkworthy DESC, id``). Without an
index in that order the database sorted every matching claim before returning the first;
these hold the claims in that order, as a whole and within each value of the equality filters
(source kind, certainty level, kind). They replace the single-column indexes on those three,
which a database could prefer and then sort again.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FILTERS = ("source_kind", "certainty_level", "kind")
_RANK = (sa.text("checkworthy DESC"), "id")


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in _FILTERS:
            batch_op.drop_index(f"ix_claims_{column}")
        batch_op.create_index("ix_claims_rank", list(_RANK), unique=False)
        for column in _FILTERS:
            batch_op.create_index(f"ix_claims_{column}_rank", [column, *_RANK], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in _FILTERS:
            batch_op.drop_index(f"ix_claims_{column}_rank")
        batch_op.drop_index("ix_claims_rank")
        for column in _FILTERS:
            batch_op.create_index(f"ix_claims_{column}", [column], unique=False)
