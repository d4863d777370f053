"""register facts: commissioners as data, variations, coverage over time, link sources

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 22:20:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Adds the commissioner table, a service's funder of record and parent contract, dated
    coverage, and a source column on the link tables (blank: the row inherits its service's)."""
    op.create_table('commissioner',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.String(length=100), nullable=True),
    sa.Column('website', sa.Text(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['dataset_version.id'], name=op.f('fk_commissioner_version_id_dataset_version'))
    )
    with op.batch_alter_table('commissioner', schema=None) as batch_op:
        batch_op.create_index('ix_commissioner_version', ['version_id'], unique=False)
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('funder_of_record', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('variation_of', sa.String(length=100), nullable=True))
    with op.batch_alter_table('service_area', schema=None) as batch_op:
        batch_op.add_column(sa.Column('from_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('to_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('source_url', sa.Text(), nullable=True))
    with op.batch_alter_table('service_taxonomy', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_url', sa.Text(), nullable=True))
    with op.batch_alter_table('service_at_location', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_url', sa.Text(), nullable=True))


def downgrade() -> None:
    """Removes them."""
    with op.batch_alter_table('service_at_location', schema=None) as batch_op:
        batch_op.drop_column('source_url')
    with op.batch_alter_table('service_taxonomy', schema=None) as batch_op:
        batch_op.drop_column('source_url')
    with op.batch_alter_table('service_area', schema=None) as batch_op:
        batch_op.drop_column('source_url')
        batch_op.drop_column('to_date')
        batch_op.drop_column('from_date')
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('variation_of')
        batch_op.drop_column('funder_of_record')
    with op.batch_alter_table('commissioner', schema=None) as batch_op:
        batch_op.drop_index('ix_commissioner_version')
    op.drop_table('commissioner')
