"""Services layer: which page addresses exist, so an unknown path or id is answered with a 404."""

from __future__ import annotations

from urllib.parse import unquote

from explorer.services.funding import opportunity_by_id
from explorer.services.snapshot import Snapshot

#: The pages at fixed addresses (``explorer/pages/router.page_for`` draws each one; a test keeps the two lists alike).
FIXED_PAGES = frozenset(
    {"/", "/embed", "/funding", "/performance", "/performance/report", "/lcpf", "/data", "/accessibility",
     "/embed/builder", "/staying-safe"}
)


def page_exists(snapshot: Snapshot, pathname: str | None) -> bool:
    """Whether the explorer has a page at ``pathname``: a fixed page, or a service or opportunity it holds."""
    path = (pathname or "/").rstrip("/") or "/"
    if path in FIXED_PAGES:
        return True
    if path.startswith("/service/"):
        return snapshot.service(unquote(path.removeprefix("/service/"))) is not None
    if path.startswith("/funding/"):
        return opportunity_by_id(snapshot, unquote(path.removeprefix("/funding/"))) is not None
    return False
