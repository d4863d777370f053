"""Fixtures for the API tests: one app on a private copy of the sample register per module."""

from __future__ import annotations

import json
import shutil

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from explorer.settings import Settings
from tests.conftest import CACHE_DIR, DATA_DIR

EMBED_ORIGIN = "https://www.hackney.gov.uk"


@pytest.fixture(scope="module")
def api_settings(sample_db, tmp_path_factory) -> Settings:
    path = tmp_path_factory.mktemp("api") / "api.db"
    shutil.copy(sample_db, path)
    return Settings(
        database_url=f"sqlite:///{path}",
        data_dir=DATA_DIR,
        cache_dir=CACHE_DIR,
        check_interval=0.0,
        embed_origins=(EMBED_ORIGIN,),
    )


@pytest.fixture(scope="module")
def api_app(api_settings):
    from explorer.app import create_app

    return create_app(api_settings)


@pytest.fixture(scope="module")
def client(api_app):
    return api_app.server.test_client()


@pytest.fixture(scope="module")
def provider(api_app):
    return api_app.server.config["EXPLORER_PROVIDER"]


@pytest.fixture(scope="session")
def oruk_schema(schemas_dir):
    """A validator factory for the official Open Referral UK profile's compiled JSON Schemas."""

    def validator(name: str) -> Draft202012Validator:
        schema = json.loads((schemas_dir / "oruk" / name).read_text())
        return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    return validator


@pytest.fixture(scope="session")
def grant_validator(schemas_dir) -> Draft202012Validator:
    """The 360Giving Data Standard's grant schema, with formats checked (its dates need them)."""
    schema = json.loads((schemas_dir / "360giving" / "360-giving-schema.json").read_text())
    # The schema names its dialect with http://, which `referencing` does not recognise by itself.
    registry = Registry().with_resource(schema["$id"], Resource(contents=schema, specification=DRAFT202012))
    return Draft202012Validator(schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def all_pages(client, url: str, per_page: int = 100) -> list[dict]:
    """Every item of a paged endpoint."""
    items, page = [], 1
    while True:
        sep = "&" if "?" in url else "?"
        body = client.get(f"{url}{sep}page={page}&per_page={per_page}").get_json()
        items += body["contents"]
        if body["last_page"]:
            return items
        page += 1


def walk(value, path=""):
    """Yields (path, key, value) for every key in a JSON tree."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield path, k, v
            yield from walk(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}/{i}")
