"""Ingest layer: fetching a published register file over HTTP and loading it like ``ingest`` (for cron).

The ETag and Last-Modified a server sends are kept in the store; the next run sends them back
(``If-None-Match`` / ``If-Modified-Since``), so an unchanged file costs one small request and
does nothing. A file whose content equals the current version is not published again either.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlparse

import requests

from explorer.domain.problems import ValidationReport
from explorer.ingest.files import MAX_BYTES
from explorer.ingest.publish import PublishResult, ingest_path, problem_for
from explorer.store.store import Store
from explorer.store.sync_state import SyncState, get_sync_state, save_sync_state

TIMEOUT_SECONDS = 60
_SUFFIXES = {
    "text/csv": ".csv",
    "application/json": ".json",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


@dataclass(frozen=True)
class SyncResult:
    """What one sync did.

    Attributes:
        outcome: ``published``, ``unchanged`` (nothing new), ``rejected`` (the file has errors)
            or ``failed`` (it could not be fetched).
        result: The ingest result, when the file was read.
        message: One sentence for the log.
    """

    outcome: str
    message: str
    result: PublishResult | None = None

    @property
    def report(self) -> ValidationReport:
        """The validation report (empty when the file was not read)."""
        return self.result.report if self.result else ValidationReport()


def sync(
    store: Store,
    url: str,
    entity: str,
    postcode_lookup: Callable[[str], tuple[float, float, str]],
    *,
    session: requests.Session | None = None,
    max_bytes: int = MAX_BYTES,
    published_by: str = "sync",
    clock: Callable[[], dt.datetime] | None = None,
    **ingest_options: Any,
) -> SyncResult:
    """Fetches ``url`` unless it is unchanged, then validates and publishes it as ``entity``.

    Args:
        store: Where to publish and keep the URL's validators.
        url: An http(s) address of a CSV, XLSX or JSON file.
        entity: The entity the file holds.
        postcode_lookup: As for :func:`explorer.ingest.publish.ingest_path`.
        session: The HTTP session (tests may pass one).
        max_bytes: The largest download accepted.
        published_by: Who the version is recorded as published by.
        clock: Returns the current UTC time.
        **ingest_options: Passed on to :func:`ingest_path` (``today``, ``borough_code``, ``fmt``...).
    """
    now = (clock or (lambda: dt.datetime.now(dt.timezone.utc)))()
    if urlparse(url).scheme not in {"http", "https"}:
        return SyncResult("failed", f"{url} is not an http(s) address")
    previous = get_sync_state(store, url)
    headers = {"User-Agent": "london-services-explorer sync"}
    if previous and previous.entity == entity:
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
    http = session or requests.Session()
    try:
        with http.get(url, headers=headers, stream=True, timeout=TIMEOUT_SECONDS) as response:
            if response.status_code == 304:
                _save(store, url, entity, previous and previous.etag, previous and previous.last_modified,
                      now, "unchanged", previous and previous.version_id, "not modified since the last sync")
                return SyncResult("unchanged", f"{url}: not modified since the last sync; nothing to do")
            if response.status_code != 200:
                message = f"{url}: the server answered {response.status_code} {response.reason}"
                _save(store, url, entity, None, None, now, "failed", None, message)
                return SyncResult("failed", message)
            body = _read_limited(response, max_bytes)
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
            suffix = _suffix(url, response.headers.get("Content-Type", ""))
    except _TooLarge:
        message = f"{url}: the file is over the limit of {max_bytes // (1024 * 1024)} MB"
        _save(store, url, entity, None, None, now, "failed", None, message)
        return SyncResult("failed", message, PublishResult(entity, problem_for(message, url), None))
    except requests.RequestException as exc:
        message = f"{url}: could not be fetched ({exc.__class__.__name__}: {exc})"
        _save(store, url, entity, None, None, now, "failed", None, message)
        return SyncResult("failed", message)

    with tempfile.TemporaryDirectory(prefix="explorer-sync-") as folder:
        path = Path(folder) / ("download" + suffix)
        path.write_bytes(body)
        result = ingest_path(
            store, entity, path, postcode_lookup, published_by=published_by, max_bytes=max_bytes,
            source=url, source_url=ingest_options.pop("source_url", None) or url, skip_unchanged=True,
            **ingest_options,
        )
    if not result.report.ok:
        message = f"{url}: rejected, {len(result.report.errors)} errors; nothing published"
        # Validators are not kept, so the next run fetches and reports the file again.
        _save(store, url, entity, None, None, now, "rejected", None, message)
        return SyncResult("rejected", message, result)
    if result.unchanged:
        message = f"{url}: the content equals the current version; nothing published"
        _save(store, url, entity, etag, modified, now, "unchanged", None, message)
        return SyncResult("unchanged", message, result)
    message = f"{url}: published as version {result.version_id}"
    _save(store, url, entity, etag, modified, now, "published", result.version_id, message)
    return SyncResult("published", message, result)


class _TooLarge(Exception):
    pass


def _read_limited(response: requests.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _TooLarge()
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=1 << 16):
        size += len(chunk)
        if size > max_bytes:
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def _suffix(url: str, content_type: str) -> str:
    suffix = Path(urlparse(url).path).suffix.lower()
    if suffix in {".csv", ".json", ".xlsx"}:
        return suffix
    return _SUFFIXES.get(content_type.split(";")[0].strip().lower(), ".csv")


def _save(store, url, entity, etag, modified, now, outcome, version_id, message) -> None:
    save_sync_state(store, SyncState(url, entity, etag, modified, now, outcome, version_id, message))
