"""rate limit counter

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 22:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Adds the per-sender counter the report-a-change rate limit updates in one statement."""
    op.create_table('rate_limit',
    sa.Column('client_key', sa.String(length=64), nullable=False),
    sa.Column('window_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('client_key', name=op.f('pk_rate_limit'))
    )


def downgrade() -> None:
    """Removes it."""
    op.drop_table('rate_limit')
