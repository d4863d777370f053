"""Layout layer: which builder draws which page's view model (the view models come from explorer/pages)."""

from __future__ import annotations

from dash import html

from explorer.layout import accessibility, data, embed, funding, home, not_found, pages, performance, safety
from explorer.layout import contracts as contracts_layout
from explorer.layout import lcpf as lcpf_layout
from explorer.pages.data import DataPage
from explorer.pages.embed import BuilderChoice
from explorer.pages.funding import FundingPage, OpportunityPage
from explorer.pages.home import HomePage
from explorer.pages.lcpf import LcpfPage
from explorer.pages.performance import PerformancePage, ReportPage
from explorer.pages.service import ServicePage
from explorer.pages.static import AccessibilityPage, NotFoundPage, StayingSafePage


def draw(page) -> html.Div:
    """The components of a page's view model (from :func:`explorer.pages.router.page_for`)."""
    return _BUILDERS[type(page)](page)


def _home(page: HomePage) -> html.Div:
    return home.build_home(
        page.snapshot, page.found, tile_url=page.tile_url, tile_attribution=page.tile_attribution, today=page.today,
    )


def _service(page: ServicePage) -> html.Div:
    sections = []
    if page.service is not None:
        sections.append(performance.build_service_performance_block(page.performance, page.today))
        sections.append(funding.build_service_opportunities(page.service, page.opportunities))
        sections.append(contracts_layout.build_service_contracts(page.contracts))
    return pages.build_service_page(page.snapshot, page.service, page.back_search, sections, today=page.today)


_BUILDERS = {
    HomePage: _home,
    ServicePage: _service,
    FundingPage: lambda page: funding.build_funding_page(page.snapshot, page.result),
    OpportunityPage: funding.build_opportunity_page,
    PerformancePage: performance.build_performance_page,
    ReportPage: performance.build_report_page,
    LcpfPage: lcpf_layout.build_lcpf_page,
    BuilderChoice: embed.build_embed_builder,
    DataPage: data.build_data_page,
    AccessibilityPage: lambda _page: accessibility.build_accessibility_page(),
    StayingSafePage: lambda _page: safety.build_staying_safe_page(),
    NotFoundPage: lambda page: not_found.build_not_found(page.path, page.kind),
}
