"""Callbacks: the performance page (filters in, results and address out) and the report's print button."""

from __future__ import annotations


from dash import Input, Output

from callbacks.controls import each
from explorer import ids
from explorer.layout.controls import chosen
from explorer.layout.performance import build_measure_detail, build_performance_view
from explorer.pages.performance import measure_detail, portfolio_page
from explorer.services.performance import PortfolioFilters

FILTERS = tuple(each(Input, "value", ids.PERF_COMMISSIONER, ids.PERF_PROGRAMME, ids.PERF_BOROUGH, ids.PERF_AREA,
                     ids.PERF_PERIOD, ids.PERF_EVIDENCE))


def parse_filters(commissioner, programme, borough, area, period, evidence=None) -> PortfolioFilters:
    """The dropdowns' values as filters (an empty dropdown is no filter)."""
    return PortfolioFilters.from_values(
        commissioner=chosen(commissioner), programme=chosen(programme), borough=chosen(borough),
        area=chosen(area), period=chosen(period), evidence=chosen(evidence),
    )


def register(app, provider, context) -> None:
    """Registers the performance page's callbacks on ``app``.

    Args:
        app: The Dash app.
        provider: Hands out the current snapshot.
        context: The page context (its ``today`` clock).
    """

    @app.callback(
        *each(Output, "children", ids.PERF_RESULTS, ids.PERF_DASHBOARD_INTRO, ids.PERF_REACH_MAP, ids.PERF_REACH_KEY,
              ids.PERF_DASHBOARD),
        Output(ids.PERF_MEASURE_PICK, "options"),
        Output(ids.PERF_MEASURE_PICK, "value"),
        *FILTERS,
        prevent_initial_call=True,  # the page is drawn with its results (pages.performance_page)
    )
    def update_performance_results(*values):
        view = build_performance_view(portfolio_page(provider.current(), parse_filters(*values), context.today()))
        return view.outputs()

    @app.callback(Output(ids.PAGE_STATE, "data", allow_duplicate=True), *FILTERS, prevent_initial_call=True)
    def on_filter_change(*values):
        return parse_filters(*values).to_search()

    @app.callback(Output(ids.PERF_MEASURE_DETAIL, "children"), Input(ids.PERF_MEASURE_PICK, "value"),
                  prevent_initial_call=True)
    def update_measure_detail(measure_id):
        return build_measure_detail(measure_detail(provider.current(), measure_id, context.today()))

    app.clientside_callback(
        "function (clicks) { if (clicks) { window.print(); } return ''; }",
        Output(ids.PERF_PRINT_DONE, "children"),
        Input(ids.PERF_PRINT, "n_clicks"),
        prevent_initial_call=True,
    )
