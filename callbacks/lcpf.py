"""Callbacks: the London Crime Prevention Fund (LCPF) page (controls in; map and scatter as SVG, table and URL out)."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from callbacks.controls import each
from explorer import ids
from explorer.layout.controls import drawn_anew
from explorer.layout.lcpf import render_update
from explorer.services.lcpf import build_view, controls_query


def register(app, provider) -> None:
    """Registers the LCPF page's callback on ``app``; data comes from ``provider``'s snapshot."""

    @app.callback(
        Output({"type": ids.LCPF_WEIGHT, "index": ALL}, "value"),
        Output({"type": ids.LCPF_PRESET, "index": ALL}, "className"),
        Output(ids.LCPF_BASIS, "data"),
        *each(Output, "children", ids.LCPF_MESSAGES, ids.LCPF_SUMMARY, ids.LCPF_TOTALS, ids.LCPF_MAP,
              ids.LCPF_SCATTER, ids.LCPF_TABLE),
        Output(ids.LCPF_DOWNLOAD, "href"),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),
        Input({"type": ids.LCPF_PRESET, "index": ALL}, "n_clicks"),
        Input({"type": ids.LCPF_WEIGHT, "index": ALL}, "value"),
        *each(Input, "value", ids.LCPF_YEAR, ids.LCPF_CATEGORY, ids.LCPF_MEASURE, ids.LCPF_POT),
        State(ids.LCPF_BASIS, "data"),
        prevent_initial_call=True,
    )
    def update_lcpf(_clicks, weights, year, category, measure, pot, basis):
        if drawn_anew(ctx.triggered):  # the page was just drawn from the same address: nothing to redo
            raise PreventUpdate
        snapshot = provider.current()
        presets = [item["id"]["index"] for item in ctx.inputs_list[0]]
        factors = [item["id"]["index"] for item in ctx.inputs_list[1]]
        trigger = ctx.triggered_id
        if isinstance(trigger, dict):
            trigger = trigger["index"] if trigger.get("type") == ids.LCPF_PRESET else "weight"
        query, notices = controls_query(
            snapshot, trigger=trigger, weights=dict(zip(factors, weights)), year=year,
            category=category, measure=measure, pot=pot, basis=basis,
        )
        return render_update(build_view(snapshot, query, notices), snapshot.boundaries_geojson, factors, presets)
