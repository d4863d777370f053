"""Pages layer: which view model answers which address (the one place a URL becomes a page)."""

from __future__ import annotations

from urllib.parse import unquote

from explorer import ids
from explorer.pages import data, embed, funding, home, lcpf, performance, service, static
from explorer.pages.context import PageContext, first, query_values

#: One address of each kind of page, rendered once at start-up so Dash can validate callbacks.
VALIDATION_PATHS = (
    "/", "/service/", "/funding", "/performance", "/performance/report", "/lcpf", "/data", "/embed/builder"
)


def page_already_shows(triggered, search: str | None, shown: str | None) -> bool:
    """Whether an address change is one the page on screen made itself (so nothing to render).

    Args:
        triggered: The address properties that changed (Dash's ``ctx.triggered_prop_ids``).
        search: The address's query string now.
        shown: The query string the page on screen last reported (``None`` before the first page).
    """
    changed = set(triggered or ())
    return shown is not None and changed == {f"{ids.URL}.search"} and (search or "") == (shown or "")


def page_for(provider, pathname: str | None, search: str | None, context: PageContext):
    """The view model of the page at ``pathname`` with the state in ``search``.

    Args:
        provider: The :class:`SnapshotProvider` (the current snapshot and its search index).
        pathname: The address's path.
        search: The address's query string.
        context: Settings and the clock.
    """
    path = (pathname or "/").rstrip("/") or "/"
    query = query_values(search)
    today = context.today()
    if path == "/":
        return home.home_page(provider, query, context)
    if path.startswith("/service/"):
        page = service.service_page(provider.current(), unquote(path.removeprefix("/service/")),
                                    first(query, "back"), today)
        return page if page.service is not None else static.NotFoundPage(path, "service")
    if path == "/funding":
        return funding.funding_page(provider, query, today)
    if path.startswith("/funding/"):
        return funding.opportunity_page(provider, unquote(path.removeprefix("/funding/")), query, today)
    if path == "/performance":
        return performance.performance_page(provider.current(), query, today)
    if path == "/performance/report":
        return performance.report_page(provider.current(), query, today)
    if path == "/lcpf":
        return lcpf.lcpf_page(provider.current(), query)
    if path == "/embed/builder":
        return embed.builder_page(provider.current(), query)
    if path == "/data":
        return data.data_page(provider.current(), today)
    if path == "/accessibility":
        return static.AccessibilityPage()
    if path == "/staying-safe":
        return static.StayingSafePage()
    return static.NotFoundPage(path)
