"""API layer: refusing malformed requests to Dash's callback endpoint with a 400 before Dash reads them.

Dash trusts the body of ``POST /_dash-update-component`` (its own front end writes it): a
body that is not JSON, names an output no callback has, or sends inputs that do not match
the callback's own list would reach the callback machinery and end in a 500. This checks the
body's shape against the app's ``callback_map`` first, so a malformed body gets a plain 400.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from flask import Flask, Response, request

from explorer.domain.limits import json_depth_exceeds

#: The largest nesting of a callback body (Dash's own are a few levels deep).
MAX_DEPTH = 32


class BadCallback(ValueError):
    """A callback request that no callback of the app could answer."""


def check_callback_body(data: bytes, callback_map: Mapping[str, Mapping[str, Any]]) -> dict:
    """Parses a callback request body and checks it matches one of the app's callbacks.

    Returns:
        The parsed body.

    Raises:
        BadCallback: Saying what is wrong with the body.
    """
    if json_depth_exceeds(data, MAX_DEPTH):
        raise BadCallback(f"the body is nested more than {MAX_DEPTH} levels deep")
    try:
        body = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise BadCallback("the body is not JSON") from exc
    if not isinstance(body, dict):
        raise BadCallback("the body must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        raise BadCallback("'output' names no callback of this app")
    callback = callback_map[output]
    for key, declared in (("inputs", callback.get("inputs", [])), ("state", callback.get("state", []))):
        sent = body.get(key, [])
        if not isinstance(sent, list) or len(sent) != len(declared):
            raise BadCallback(f"'{key}' must list the callback's {len(declared)} {key}")
        for given, expected in zip(sent, declared):
            _check_dependency(given, expected, key)
    outputs = body.get("outputs")
    if not isinstance(outputs, (dict, list)):
        raise BadCallback("'outputs' must be an object or a list")
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise BadCallback("'changedPropIds' must be a list of text")
    return body


def _check_dependency(given: Any, expected: Mapping[str, Any], key: str) -> None:
    expected_id = _component_id(expected.get("id"))
    wildcards = [v for v in expected_id.values() if isinstance(v, list)] if isinstance(expected_id, dict) else []
    many = any(v in (["ALL"], ["ALLSMALLER"]) for v in wildcards)  # MATCH sends one, ALL a list
    if many and not isinstance(given, list):
        raise BadCallback(f"'{key}' must send a list for a pattern that matches several components")
    for item in given if many else [given]:
        if not isinstance(item, dict) or not isinstance(item.get("property"), str):
            raise BadCallback(f"each of '{key}' must be an object with an id and a property")
        if item["property"] != expected.get("property"):
            raise BadCallback(f"'{key}' names the property {item['property'][:40]!r}, not the callback's")
        if not _same_component(item.get("id"), expected_id):
            raise BadCallback(f"'{key}' names a component that is not the callback's")


def _same_component(given_id: Any, expected_id: Any) -> bool:
    if not isinstance(expected_id, dict):
        return given_id == expected_id
    if not isinstance(given_id, dict) or set(given_id) != set(expected_id):
        return False
    return all(isinstance(v, list) or given_id[k] == v for k, v in expected_id.items())


def _component_id(value: Any) -> Any:
    """A component id as the callback map keeps it: pattern-matching ids are JSON text there."""
    if isinstance(value, str) and value.startswith("{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def register(server: Flask, apps: Mapping[str, Any]) -> None:
    """Checks every callback request to the Dash apps in ``apps`` (callback path -> Dash app).

    The mapping is kept as ``server.extensions["callback_guard"]``.
    """
    server.extensions["callback_guard"] = dict(apps)

    @server.before_request
    def _guard_callbacks():
        app = apps.get(request.path)
        if app is None or request.method != "POST":
            return None
        try:
            check_callback_body(request.get_data(cache=True), app.callback_map)
        except BadCallback as exc:
            server.logger.info("refused a callback request to %s: %s", request.path, exc)
            return Response(f"Bad request: {exc}.\n", status=400, mimetype="text/plain")
        return None
