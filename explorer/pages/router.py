"""Pages layer: which view model answers which address (the one place a URL becomes a page)."""

from __future__ import annotations

from urllib.parse import unquote

from explorer.pages import data, embed, funding, home, lcpf, performance, service, static
from explorer.pages.context import PageContext, first, query_values

#: One address of each kind of page, rendered once at start-up so Dash can validate callbacks.
VALIDATION_PATHS = (
    "/", "/service/", "/funding", "/performance", "/performance/report", "/lcpf", "/data", "/embed/builder"
)


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
        return service.service_page(provider.current(), unquote(path.removeprefix("/service/")),
                                    first(query, "back"), today)
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
    return static.NotFoundPage(path)
