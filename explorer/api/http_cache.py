"""API layer: HTTP caching of API responses and downloads from the published version.

Every response that depends only on the published register carries a weak ETag made from the
version and a Last-Modified from its publish time, so browsers, directories that poll the API
and a CDN can revalidate cheaply: a conditional request for an unchanged version gets 304
without the body being built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from flask import Response, request
from werkzeug.http import http_date

from explorer.services.exports import published_at
from explorer.services.snapshot import Snapshot

__all__ = ["VALIDATORS", "Validators", "cached", "etag_for", "not_modified", "published_at"]

#: Bump when the shape of the API's output changes, so cached copies of the old shape expire.
FORMAT_VERSION = "1"
CACHE_CONTROL = "public, max-age=60, must-revalidate"


def etag_for(snapshot: Snapshot, variant: str = "") -> str:
    """The entity tag of a response built from this snapshot (without quotes)."""
    return f"v{snapshot.version_key}-f{FORMAT_VERSION}" + (f"-{variant}" if variant else "")


@dataclass(frozen=True)
class Validators:
    """One version's validators: its publish time (whole seconds, as HTTP dates go) and that time
    as the ``Last-Modified`` header. Made once per version (:data:`VALIDATORS` among the
    provider's derived values) so that a response does not work them out again."""

    version_key: int
    modified: dt.datetime
    last_modified: str

    @classmethod
    def of(cls, snapshot: Snapshot) -> "Validators":
        modified = published_at(snapshot).replace(microsecond=0)
        return cls(snapshot.version_key, modified, http_date(modified))


#: The name the validators are kept under among the snapshot provider's derived values.
VALIDATORS = "http-validators"


def cached(snapshot: Snapshot, build: Callable[[], Response], *, variant: str = "",
           validators: Validators | None = None) -> Response:
    """Answers 304 when the client's copy is current, else builds the response and tags it.

    Args:
        snapshot: The version the response is built from.
        build: Makes the full response (only called when needed).
        variant: Distinguishes representations of one URL that differ by more than the version.
        validators: The version's :class:`Validators` when the caller holds them (ignored when they
            are another version's, as when a publish lands between two look-ups).
    """
    if validators is None or validators.version_key != snapshot.version_key:
        validators = Validators.of(snapshot)
    tag = etag_for(snapshot, variant)
    environ = request.environ
    conditional = "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ
    if conditional and not_modified(tag, validators.modified):
        response = Response(status=304)
    else:
        response = build()
        if response.status_code != 200:
            return response
    response.set_etag(tag, weak=True)
    headers = response.headers
    headers["Last-Modified"] = validators.last_modified  # what ``response.last_modified = modified`` writes
    headers["Cache-Control"] = CACHE_CONTROL
    return response


def not_modified(tag: str, modified: dt.datetime) -> bool:
    """Whether the current request's validators match (If-None-Match wins over If-Modified-Since)."""
    if request.if_none_match:
        return request.if_none_match.contains_weak(tag) or request.if_none_match.star_tag
    since = request.if_modified_since
    return since is not None and modified <= _utc(since)


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)
