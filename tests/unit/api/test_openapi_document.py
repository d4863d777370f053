"""Unit tests: the OpenAPI document is valid OpenAPI 3.1 and its schemas come from the response models."""

from __future__ import annotations

import typing

from openapi_spec_validator import validate

from explorer.api import models
from explorer.api.openapi import openapi_document


def test_the_document_is_valid_openapi():
    validate(openapi_document("https://explorer.example"))


def test_every_schema_is_a_response_model_and_every_record_is_closed():
    schemas = openapi_document()["components"]["schemas"]
    assert set(schemas) >= {m.__name__ for m in models.RESPONSES}
    assert all(hasattr(models, name) for name in schemas)
    for name in ("Service", "ServiceSummary", "Organization", "Location", "TaxonomyTerm", "ServicePage", "Commissioning"):
        assert schemas[name]["additionalProperties"] is False, name


def test_a_field_is_declared_once_in_its_model():
    """Each model's fields are exactly the document's properties."""
    schemas = openapi_document()["components"]["schemas"]
    for model in (models.Service, models.Commissioning, models.Evaluation, models.QueryUnderstood):
        hints = typing.get_type_hints(model)
        assert set(schemas[model.__name__]["properties"]) == set(hints), model.__name__


def test_nullable_and_optional_fields_keep_their_meaning():
    schemas = openapi_document()["components"]["schemas"]
    stream = schemas["Commissioning"]["properties"]["funding_stream"]
    assert {"type": "null"} in stream["anyOf"] and "funding_stream" in schemas["Commissioning"]["required"]
    url = schemas["ServiceSummary"]["properties"]["url"]
    assert url == {"type": "string", "format": "uri"} and "url" not in schemas["ServiceSummary"]["required"]
    assert not any("title" in s for s in schemas.values())
