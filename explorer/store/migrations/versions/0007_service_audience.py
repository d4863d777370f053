"""service audience

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 22:40:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Adds who each service is for (``public`` for every existing row)."""
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('audience', sa.String(length=40), nullable=False, server_default='public'))


def downgrade() -> None:
    """Removes it."""
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('audience')
