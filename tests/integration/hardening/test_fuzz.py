"""Fuzzing in CI (issue 17, 5): schemathesis with every check over every API operation, and a
property-based fuzz of Dash's callback endpoint (a malformed body gets a 400, never a 500)."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

FUZZ = settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def openapi_schema(hard_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", hard_app.server)


def _operations():
    from explorer.api.openapi import openapi_document

    return [
        (path, mode)
        for path, item in openapi_document()["paths"].items()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        # Invalid requests need a query parameter to be invalid in (a path id is any text).
        if mode is GenerationMode.POSITIVE or any("$ref" in p for p in item["get"].get("parameters", []))
    ]


#: Real London postcodes, sectors and districts, and real service areas: whether a postcode or a
#: taxonomy term exists is data, not schema, so valid requests use these (a made-up one gets a
#: documented 400 naming the parameter, which the invalid requests check).
LONDON_POSTCODES = ["SE15 4", "SE15", "E8", "N17", "SW2 1", "IG11 7LU", "EC1A"]
TERMS = ["vawg", "youth-violence", "community-safety", "vawg,youth-violence"]


def _real_data(case, index):
    query = case.query or {}
    if query.get("postcode") not in (None, ""):
        query["postcode"] = LONDON_POSTCODES[index % len(LONDON_POSTCODES)]
    if "taxonomy_term_id" in query:
        query["taxonomy_term_id"] = TERMS[index % len(TERMS)]
    return case


def _needs_what_it_lacks(case) -> bool:
    """A request the API must refuse though the schema language cannot say so: ``proximity``
    without ``postcode`` (OpenAPI 3.0 has no way to make one parameter need another; the
    parameter's description says it)."""
    query = case.query or {}
    return "proximity" in query and not str(query.get("postcode") or "").strip()


@pytest.mark.parametrize("path, mode", _operations())
def test_every_operation_passes_every_check(openapi_schema, path, mode):
    """Every built-in schemathesis check, on valid and (where there are parameters) invalid requests."""
    operation = openapi_schema[path]["GET"]
    strategy = operation.as_strategy(generation_mode=mode)
    if mode is GenerationMode.POSITIVE:
        strategy = st.builds(_real_data, strategy, st.integers(0, 100)).filter(
            lambda case: not _needs_what_it_lacks(case)
        )

    @given(case=strategy)
    @FUZZ
    def check(case):
        # No checks= argument: schemathesis runs all of its checks.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    check()


# -- the Dash callback endpoint ---------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


def _bodies(callback_map):
    outputs = sorted(callback_map)
    known = st.sampled_from(outputs)
    wrong_shapes = st.fixed_dictionaries(
        {"output": known},
        optional={
            "outputs": JSON,
            "inputs": JSON,
            "state": JSON,
            "changedPropIds": JSON,
        },
    ).filter(lambda body: not isinstance(body.get("outputs"), (dict, list)) or not isinstance(body.get("inputs"), list))
    wrong_ids = st.builds(
        lambda output, ids: {"output": output, "outputs": {"id": "x", "property": "children"},
                             "inputs": [{"id": i, "property": "value", "value": 1} for i in ids], "changedPropIds": []},
        known, st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4),
    )
    raw = st.binary(max_size=200).map(lambda b: b)
    text = JSON.map(lambda value: json.dumps(value).encode())
    nested = st.integers(min_value=40, max_value=5000).map(lambda n: b"[" * n + b"]" * n)
    objects = st.one_of(wrong_shapes, wrong_ids, st.fixed_dictionaries({"output": st.text(max_size=30)}))
    return st.one_of(raw, text, nested, objects.map(lambda body: json.dumps(body).encode()))


@pytest.mark.parametrize("path", ["/_dash-update-component", "/embed/_dash-update-component"])
def test_malformed_callback_bodies_get_400_never_500(hard_app, client, path):
    from explorer.api.callback_guard import BadCallback, check_callback_body

    callback_map = hard_app.server.extensions["callback_guard"][path].callback_map

    @given(body=_bodies(callback_map))
    @FUZZ
    def check(body):
        with pytest.raises(BadCallback):
            check_callback_body(body, callback_map)  # each generated body is malformed
        response = client.post(path, data=body, content_type="application/json")
        assert response.status_code == 400, (body[:200], response.status_code)
        assert response.mimetype == "text/plain"

    check()


def test_a_wellformed_callback_still_runs(client):
    """The guard lets Dash's own requests through: the router draws the data page."""
    router = next(d for d in client.get("/_dash-dependencies").get_json() if "page.children" in d["output"])
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
        for part in router["output"].strip(".").split("...")
    ]
    body = {
        "output": router["output"],
        "outputs": outputs,
        "inputs": [{"id": "url", "property": "pathname", "value": "/data"}, {"id": "url", "property": "search", "value": ""}],
        "state": [{"id": s["id"], "property": s["property"], "value": None} for s in router.get("state", [])],
        "changedPropIds": ["url.pathname"],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
