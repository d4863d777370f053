"""Fixtures for the hardening tests: one app on a private copy of the sample register per module."""

from __future__ import annotations

import shutil

import pytest

from explorer.settings import Settings
from tests.conftest import CACHE_DIR, DATA_DIR


@pytest.fixture(scope="module")
def hard_settings(sample_db, tmp_path_factory) -> Settings:
    path = tmp_path_factory.mktemp("hard") / "app.db"
    shutil.copy(sample_db, path)
    return Settings(database_url=f"sqlite:///{path}", data_dir=DATA_DIR, cache_dir=CACHE_DIR, check_interval=0.0)


@pytest.fixture(scope="module")
def hard_app(hard_settings):
    from explorer.app import create_app

    return create_app(hard_settings)


@pytest.fixture(scope="module")
def client(hard_app):
    return hard_app.server.test_client()
