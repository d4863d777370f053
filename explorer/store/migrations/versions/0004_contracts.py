"""public contract notices (OCDS) as the contracts entity

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 22:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Adds MOPAC's and the GLA's published contracts, matched to the register's services."""
    op.create_table('contract',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('ocid', sa.String(length=120), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('buyer_name', sa.Text(), nullable=False),
    sa.Column('buyer_id', sa.Text(), nullable=True),
    sa.Column('supplier_name', sa.Text(), nullable=True),
    sa.Column('supplier_id', sa.Text(), nullable=True),
    sa.Column('supplier_scheme', sa.Text(), nullable=True),
    sa.Column('value_gbp', sa.Float(), nullable=True),
    sa.Column('value_basis', sa.String(length=20), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=True),
    sa.Column('release_date', sa.Date(), nullable=True),
    sa.Column('parent_ocid', sa.String(length=120), nullable=True),
    sa.Column('service_id', sa.String(length=100), nullable=True),
    sa.Column('match', sa.Text(), nullable=True),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['dataset_version.id'], name=op.f('fk_contract_version_id_dataset_version'))
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index('ix_contract_version', ['version_id'], unique=False)


def downgrade() -> None:
    """Drops the contracts entity's table."""
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_index('ix_contract_version')
    op.drop_table('contract')
