"""published outcomes as a versioned entity

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 22:20:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Adds programmes' published figures (money, people reached, findings) as the outcomes entity."""
    op.create_table('published_outcome',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('programme', sa.Text(), nullable=False),
    sa.Column('commissioner', sa.Text(), nullable=True),
    sa.Column('invested_gbp', sa.Float(), nullable=True),
    sa.Column('people', sa.Integer(), nullable=True),
    sa.Column('people_basis', sa.Text(), nullable=True),
    sa.Column('period', sa.Text(), nullable=True),
    sa.Column('finding', sa.Text(), nullable=True),
    sa.Column('source_date', sa.Text(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['dataset_version.id'], name=op.f('fk_published_outcome_version_id_dataset_version'))
    )
    with op.batch_alter_table('published_outcome', schema=None) as batch_op:
        batch_op.create_index('ix_published_outcome_version', ['version_id'], unique=False)


def downgrade() -> None:
    """Drops the outcomes entity's table."""
    with op.batch_alter_table('published_outcome', schema=None) as batch_op:
        batch_op.drop_index('ix_published_outcome_version')
    op.drop_table('published_outcome')
