"""API layer: the Open Referral UK API (``/api/v1/``), a Flask blueprint over the current snapshot.

Reads the register only through ``current_app.config["EXPLORER_PROVIDER"]``. Every answer is
JSON: a bad parameter is a 400 with ``{"error", "message", "parameter"}``, an unknown id a 404,
never a stack trace. Responses carry an ETag and Last-Modified from the published version.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any, Callable

import orjson
from flask import Blueprint, Response, current_app, request
from sqlalchemy.exc import DBAPIError
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from explorer.api.http_cache import VALIDATORS, Validators, cached, published_at
from explorer.api.openapi import openapi_document
from explorer.api.unavailable import unavailable_response
from explorer.api.urls import CONFIG_KEY, public_base
from explorer.domain.records import BOROUGH_CODE
from explorer.services import oruk, oruk_pages
from explorer.services.search import search_index
from explorer.services.snapshot import Snapshot

API_PREFIX = "/api/v1"
MAX_SEARCH_CHARS = 500
MAX_PROXIMITY_M = 50_000

blueprint = Blueprint("oruk", __name__, url_prefix=API_PREFIX)


class ApiError(Exception):
    """A request the API cannot answer, with the status and a message for the caller."""

    def __init__(self, status: int, message: str, parameter: str | None = None, error: str = "bad_request"):
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.error = error


def json_response(body: Any, status: int = 200) -> Response:
    """A JSON response in the order the record was built (not sorted), compact UTF-8."""
    return Response(json_bytes(body), status=status, mimetype="application/json")


def json_bytes(body: Any) -> bytes:
    """``body`` as JSON with ``orjson`` (a page of services in a few microseconds, where the standard
    library takes a fifth of a millisecond); anything orjson refuses (an integer beyond 64 bits)
    falls back to the standard library."""
    try:
        return orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)
    except TypeError:
        return json.dumps(body, ensure_ascii=False).encode("utf-8")


def provider():
    """The app's snapshot provider."""
    return current_app.config["EXPLORER_PROVIDER"]


@blueprint.errorhandler(ApiError)
def api_error_response(exc: ApiError) -> Response:
    """The JSON answer to an :class:`ApiError` (shared with the downloads)."""
    body = {"error": exc.error, "message": exc.message}
    if exc.parameter:
        body["parameter"] = exc.parameter
    return json_response(body, exc.status)


@blueprint.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    return json_response({"error": (exc.name or "error").lower().replace(" ", "_"), "message": exc.description}, exc.code or 500)


@blueprint.errorhandler(DBAPIError)
def _database_down(exc: DBAPIError) -> Response:
    return unavailable_response()


@blueprint.errorhandler(Exception)
def _unexpected(exc: Exception) -> Response:  # pragma: no cover - a safety net, tests make sure it is not reached
    current_app.logger.exception("API error")
    return json_response({"error": "internal_error", "message": "Something went wrong on our side."}, 500)


# -- endpoints ------------------------------------------------------------------------------------


@blueprint.get("/")
def meta() -> Response:
    """The API's HSDS version and profile."""
    snapshot = provider().current()
    return _cached(snapshot, lambda: {
        "version": oruk.HSDS_VERSION,
        "profile": oruk.PROFILE_URL,
        "openapi_url": public_base() + API_PREFIX + "/openapi.json",
    })


@blueprint.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI document of this API."""
    snapshot = provider().current()
    return _cached(snapshot, lambda: openapi_document(public_base()))


@blueprint.get("/services")
def services() -> Response:
    """A page of services matching the filters, in the explorer page's order.

    The version's :class:`oruk_pages.SearchPages` keeps the latest pages by query string and base
    address (a kept query string was read without error before, so it is not read again) and each
    listed service's JSON, so a page joins written fragments.
    """
    pages = provider().derived(oruk_pages.SEARCH_PAGES, oruk_pages.SearchPages)
    snapshot = pages.snapshot
    host = request.host
    base = current_app.config.get(CONFIG_KEY) or pages.base_url(
        (request.scheme, host, request.root_path), lambda: request.host_url.rstrip("/"))
    key = (request.query_string, base)
    body = pages.kept(key)
    if body is None:
        args = request.args
        page, per_page = _paging(args)
        query, origin = _service_query(snapshot, args)

        def build() -> Response:
            found = oruk.search_services(search_index(provider()), query, modified=pages.modified, origin=origin)
            contents, paging = oruk.paginate(found.services, page, per_page)
            made = pages.page_json(paging, found, contents, base) or json_bytes(oruk_pages.search_page(
                paging, found, contents,
                lambda services: [oruk.service_summary(snapshot, s, pages.modified, base) for s in services]))
            pages.keep(key, made)
            return Response(made, mimetype="application/json")
    else:
        def build() -> Response:
            return Response(body, mimetype="application/json")

    return cached(snapshot, build, variant=host, validators=_validators())


def _search_page(items, summary) -> Response:
    """A page of the services search's answer: ``items`` turns the services into what is listed,
    ``summary`` writes one listed item."""
    snapshot = provider().current()
    page, per_page = _paging()
    query, origin = _service_query(snapshot)
    modified = published_at(snapshot)
    base = public_base()

    def build() -> dict:
        found = oruk.search_services(search_index(provider()), query, modified=modified, origin=origin).services
        contents, paging = oruk.paginate(items(found), page, per_page)
        return {**paging, "contents": [summary(snapshot, item, modified, base) for item in contents]}

    return _cached(snapshot, build)


@blueprint.get("/services/<service_id>")
def service(service_id: str) -> Response:
    """One service, fully nested."""
    snapshot = provider().current()
    found = snapshot.service(_ids(snapshot).services.get(service_id, ""))
    if found is None:
        raise ApiError(404, f"There is no service with the id {service_id!r}.", error="not_found")
    modified = published_at(snapshot)
    base = public_base()
    return _cached(snapshot, lambda: oruk.service_record(snapshot, found, modified, base))


@blueprint.get("/service_at_locations")
def service_at_locations() -> Response:
    """A page of services at their public delivery points (confidential services have none)."""
    return _search_page(
        oruk.service_at_locations,
        lambda snapshot, pair, modified, base: oruk.service_at_location_summary(snapshot, *pair, modified, base),
    )


@blueprint.get("/service_at_locations/<pair_id>")
def service_at_location(pair_id: str) -> Response:
    """One service at one delivery point, fully nested."""
    snapshot = provider().current()
    pair = _ids(snapshot).service_at_locations.get(pair_id)
    found = snapshot.service(pair[0]) if pair else None
    point = next((p for p in found.points if p.location_id == pair[1]), None) if found else None
    if found is None or point is None:
        raise ApiError(404, f"There is no service at location with the id {pair_id!r}.", error="not_found")
    modified = published_at(snapshot)
    base = public_base()
    return _cached(snapshot, lambda: oruk.service_at_location_record(snapshot, found, point, modified, base))


@blueprint.get("/taxonomies")
def taxonomies() -> Response:
    """The one taxonomy, as a page."""
    snapshot = provider().current()
    page, per_page = _paging()

    def build() -> dict:
        contents, paging = oruk.paginate([oruk.taxonomy_record(snapshot)], page, per_page)
        return {**paging, "contents": list(contents)}

    return _cached(snapshot, build)


@blueprint.get("/taxonomies/<taxonomy_id>")
def taxonomy(taxonomy_id: str) -> Response:
    """The taxonomy with its terms."""
    snapshot = provider().current()
    if taxonomy_id not in {oruk.oruk_id("taxonomy", oruk.TAXONOMY_KEY), oruk.TAXONOMY_KEY}:
        raise ApiError(404, f"There is no taxonomy with the id {taxonomy_id!r}.", error="not_found")
    return _cached(snapshot, lambda: oruk.taxonomy_record(snapshot, with_terms=True))


@blueprint.get("/taxonomy_terms")
def taxonomy_terms() -> Response:
    """A page of the service areas."""
    snapshot = provider().current()
    page, per_page = _paging()

    def build() -> dict:
        terms = [oruk.taxonomy_term_record(snapshot, t.id) for t in snapshot.terms]
        contents, paging = oruk.paginate(terms, page, per_page)
        return {**paging, "contents": list(contents)}

    return _cached(snapshot, build)


@blueprint.get("/taxonomy_terms/<term_id>")
def taxonomy_term(term_id: str) -> Response:
    """One service area."""
    snapshot = provider().current()
    found = _ids(snapshot).terms.get(term_id)
    if found is None:
        raise ApiError(404, f"There is no taxonomy term with the id {term_id!r}.", error="not_found")
    return _cached(snapshot, lambda: oruk.taxonomy_term_record(snapshot, found))


@blueprint.route("/<path:rest>")
def not_found(rest: str) -> Response:
    """Any other address under the API is a JSON 404 (not the explorer's HTML page)."""
    raise ApiError(404, f"There is no API endpoint at {API_PREFIX}/{rest}.", error="not_found")


# -- parameters -----------------------------------------------------------------------------------


def _paging(args: MultiDict | None = None) -> tuple[int, int]:
    """The page and page size asked for (``args``: the request's query parameters, read once)."""
    args = request.args if args is None else args
    page = _int_arg(args, "page", 1, minimum=1)
    per_page = _int_arg(args, "per_page", oruk.DEFAULT_PER_PAGE, minimum=1)
    # Larger pages are served at the maximum; total_pages tells the caller how many to fetch.
    return page, min(per_page, oruk.MAX_PER_PAGE)


def _ended_arg(args: MultiDict) -> bool:
    if "ended" not in args:
        return False
    value = args["ended"]
    if value not in ("include", "exclude"):  # exactly, as the OpenAPI document's enum says
        raise ApiError(400, f"ended must be include or exclude (got {value!r}).", "ended")
    return value == "include"


def _service_query(snapshot: Snapshot, args: MultiDict | None = None) -> tuple[oruk.ServiceQuery, tuple[float, float] | None]:
    """The checked filters of a services request; each parameter is checked in the same order, so
    a request with several bad ones is always told about the same one first."""
    args = request.args if args is None else args
    search = args.get("search", "").strip()
    if len(search) > MAX_SEARCH_CHARS:
        raise ApiError(400, f"search must be at most {MAX_SEARCH_CHARS} characters.", "search")
    terms = []
    if "taxonomy_term_id" in args:
        ids = _ids(snapshot)
        for value in _list_arg(args, "taxonomy_term_id"):
            if value not in ids.terms:
                raise ApiError(400, f"Unknown taxonomy_term_id {value!r}: see {API_PREFIX}/taxonomy_terms.", "taxonomy_term_id")
            terms.append(ids.terms[value])
    boroughs = []
    if "borough" in args:
        codes = {b.code for b in snapshot.boroughs}
        for value in _list_arg(args, "borough"):
            code = value.upper()
            if not BOROUGH_CODE.match(code) or code not in codes:
                raise ApiError(400, f"borough must be a London borough code, E09000001 to E09000033 (got {value!r}).", "borough")
            boroughs.append(code)
    postcode, origin = "", None
    if args.get("postcode", "").strip():
        try:
            match = provider().geography.postcodes.lookup(args["postcode"])
        except (ValueError, TypeError) as exc:
            raise ApiError(400, f"postcode: {exc}", "postcode") from exc
        postcode, origin = match.label, (match.latitude, match.longitude)
    proximity = _number_arg(args, "proximity", minimum=1, maximum=MAX_PROXIMITY_M)
    if proximity is not None and not postcode:
        raise ApiError(400, "proximity needs a postcode to measure from.", "proximity")
    minimum_age = _number_arg(args, "minimum_age", minimum=0, maximum=120)
    maximum_age = _number_arg(args, "maximum_age", minimum=0, maximum=120)
    return (
        oruk.ServiceQuery(
            search=search,
            term_ids=tuple(dict.fromkeys(terms)),
            boroughs=tuple(dict.fromkeys(boroughs)),
            postcode=postcode,
            proximity_m=proximity,
            minimum_age=minimum_age,
            maximum_age=maximum_age,
            modified_after=_datetime_arg(args, "modified_after"),
            include_ended=_ended_arg(args),
        ),
        origin,
    )


#: A number as JSON writes it (ASCII digits; no "+", "_" or "inf"), and an ISO 8601 date or an
#: RFC 3339 date-time: what the OpenAPI document declares, so what it calls invalid is refused.
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2}))?"
)


#: The spaces a parameter may carry around its value (the OpenAPI patterns say the same; other
#: characters, control characters included, make the value invalid).
SPACES = " \t"


def _raw_arg(args: MultiDict, name: str) -> str | None:
    """A query parameter's text; None when it is absent. Present but blank is a 400."""
    if name not in args:
        return None
    raw = args.get(name, "").strip(SPACES)
    if not raw:
        raise ApiError(400, f"{name} is empty: give a value or leave it out.", name)
    return raw


def _int_arg(args: MultiDict, name: str, default: int, *, minimum: int) -> int:
    if name not in args:  # the usual case, answered before any other look
        return default
    value = int(_shaped_arg(args, name, _INTEGER, "a whole number"))
    if value < minimum:
        raise ApiError(400, f"{name} must be at least {minimum} (got {value}).", name)
    return value


def _number_arg(args: MultiDict, name: str, *, minimum: float, maximum: float) -> float | None:
    if name not in args:
        return None
    raw = _shaped_arg(args, name, _NUMBER, "a number")
    value = float(raw)
    if not math.isfinite(value) or not minimum <= value <= maximum:
        raise ApiError(400, f"{name} must be between {minimum:g} and {maximum:g} (got {raw[:40]!r}).", name)
    return value


def _shaped_arg(args: MultiDict, name: str, shape: re.Pattern, kind: str) -> str | None:
    """A query parameter's text when it has the shape of its kind; None when absent."""
    raw = _raw_arg(args, name)
    if raw is not None and not shape.fullmatch(raw):
        raise ApiError(400, f"{name} must be {kind} (got {raw[:40]!r}).", name)
    return raw


def _datetime_arg(args: MultiDict, name: str) -> dt.datetime | None:
    if name not in args:
        return None
    raw = _raw_arg(args, name)
    text = raw.replace(" ", "+")  # a "+" in a query string arrives as a space
    try:
        if not _DATE_TIME.fullmatch(text):
            raise ValueError(text)
        value = dt.datetime.fromisoformat(text.upper())
    except ValueError:
        raise ApiError(400, f"{name} must be an ISO 8601 date or date-time like 2026-01-31T09:00:00Z (got {raw[:40]!r}).", name) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _list_arg(args: MultiDict, name: str) -> list[str]:
    out: list[str] = []
    for value in args.getlist(name):
        out.extend(part.strip(SPACES) for part in value.split(",") if part.strip(SPACES))
    return out


def _ids(snapshot: Snapshot) -> oruk.IdIndex:
    return provider().derived(oruk.ID_INDEX, oruk.id_index)


def _validators() -> Validators:
    return provider().derived(VALIDATORS, Validators.of)


def _cached(snapshot: Snapshot, build: Callable[[], Any]) -> Response:
    return cached(snapshot, lambda: json_response(build()), variant=request.host, validators=_validators())


def register(server) -> None:
    """Registers the API on the Flask server."""
    server.register_blueprint(blueprint)
