"""evaluations: published and planned evaluations of programmes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 22:40:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Adds the evaluation table (a versioned entity like the others)."""
    op.create_table('evaluation',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('programme', sa.Text(), nullable=False),
    sa.Column('service_ids', sa.Text(), nullable=False),
    sa.Column('commissioner', sa.Text(), nullable=True),
    sa.Column('evaluator', sa.Text(), nullable=True),
    sa.Column('commissioned_by', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('due', sa.String(length=10), nullable=True),
    sa.Column('design', sa.Text(), nullable=True),
    sa.Column('design_level', sa.String(length=40), nullable=True),
    sa.Column('outcome_measure', sa.Text(), nullable=True),
    sa.Column('finding_summary', sa.Text(), nullable=False),
    sa.Column('effect_figure', sa.Text(), nullable=True),
    sa.Column('cost_per_participant_gbp', sa.Float(), nullable=True),
    sa.Column('cost_note', sa.Text(), nullable=True),
    sa.Column('participants', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['dataset_version.id'], name=op.f('fk_evaluation_version_id_dataset_version')),
    )
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.create_index('ix_evaluation_version', ['version_id'], unique=False)


def downgrade() -> None:
    """Removes it."""
    with op.batch_alter_table('evaluation', schema=None) as batch_op:
        batch_op.drop_index('ix_evaluation_version')
    op.drop_table('evaluation')
