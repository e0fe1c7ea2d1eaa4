"""claims: their article's upload, outlet and publication day beside them, for search filters

Claim search filters by the corpus (the upload, i.e. the job, an article came from), the
outlet and a range of publication days. Those are the article's, so each claim row now
carries a copy (``job_id``, ``outlet``, ``published_on``: the day of the article's ISO
``published``, null when it has none or it is not a date), filled in here for the claims
already stored. The outlet and the corpus get indexes in search order, like the other
equality filters; the day, a range filter, a plain index.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.trace.dates import parse_published

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_FILTERS = ("job_id", "outlet")
_RANK = (sa.text("checkworthy DESC"), "id")


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("job_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("outlet", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("published_on", sa.Date(), nullable=True))
    _copy_article_fields()
    with op.batch_alter_table("claims", schema=None) as batch_op:
        for column in _FILTERS:
            batch_op.create_index(f"ix_claims_{column}_rank", [column, *_RANK], unique=False)
        batch_op.create_index("ix_claims_published_on", ["published_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_published_on")
        for column in _FILTERS:
            batch_op.drop_index(f"ix_claims_{column}_rank")
        batch_op.drop_column("published_on")
        batch_op.drop_column("outlet")
        batch_op.drop_column("job_id")


def _copy_article_fields() -> None:
    """Each stored claim gets its article's job and outlet (in SQL) and publication day (read
    by the trace's own date reader, as new claims are)."""
    bind = op.get_bind()
    fields = ("id", "job_id", "outlet", "published")
    articles = sa.table("articles", *(sa.column(name) for name in fields))
    claims = sa.table(
        "claims",
        sa.column("article_id"),
        sa.column("job_id"),
        sa.column("outlet"),
        sa.column("published_on", sa.Date()),
    )

    def of_article(column: str) -> sa.ScalarSelect:
        return (
            sa.select(articles.c[column])
            .where(articles.c.id == claims.c.article_id)
            .scalar_subquery()
        )

    bind.execute(claims.update().values(job_id=of_article("job_id"), outlet=of_article("outlet")))
    dated = bind.execute(
        sa.select(articles.c.id, articles.c.published).where(articles.c.published.is_not(None))
    )
    for article_id, published in dated.all():
        day = parse_published(published)[0]
        if day is not None:
            bind.execute(
                claims.update().where(claims.c.article_id == article_id).values(published_on=day)
            )
