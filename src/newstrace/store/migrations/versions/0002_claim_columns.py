"""claims: the columns of the one claim-row definition (newstrace.serialize.claim_rows)

The claims table, the Parquet claims table and the CSV/JSON claim export now share their
column names: ``claim`` becomes ``claim_id``, ``level`` ``certainty_level``, ``score``
``certainty_score``; the attribution's ``cue`` and the ``hedge_cues`` are added (empty for
claims stored before).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_level")
        batch_op.alter_column("claim", new_column_name="claim_id", existing_type=sa.String(16))
        batch_op.alter_column(
            "level", new_column_name="certainty_level", existing_type=sa.String(16)
        )
        batch_op.alter_column("score", new_column_name="certainty_score", existing_type=sa.Float())
        batch_op.add_column(sa.Column("cue", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("hedge_cues", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_certainty_level", ["certainty_level"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_certainty_level")
        batch_op.drop_column("hedge_cues")
        batch_op.drop_column("cue")
        batch_op.alter_column("certainty_score", new_column_name="score", existing_type=sa.Float())
        batch_op.alter_column(
            "certainty_level", new_column_name="level", existing_type=sa.String(16)
        )
        batch_op.alter_column("claim_id", new_column_name="claim", existing_type=sa.String(16))
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_level", ["level"], unique=False)
