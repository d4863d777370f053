"""Callbacks: the London Crime Prevention Fund (LCPF) page (controls in, map, scatter, table and URL out)."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update

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
        Output(ids.LCPF_MESSAGES, "children"),
        Output(ids.LCPF_SUMMARY, "children"),
        Output(ids.LCPF_TOTALS, "children"),
        Output(ids.LCPF_MAP, "figure"),
        Output(ids.LCPF_SCATTER, "figure"),
        Output(ids.LCPF_TABLE, "children"),
        Output(ids.LCPF_DOWNLOAD, "href"),
        Output(ids.PAGE_STATE, "data", allow_duplicate=True),
        Input({"type": ids.LCPF_PRESET, "index": ALL}, "n_clicks"),
        Input({"type": ids.LCPF_WEIGHT, "index": ALL}, "value"),
        Input(ids.LCPF_YEAR, "value"),
        Input(ids.LCPF_CATEGORY, "value"),
        Input(ids.LCPF_MEASURE, "value"),
        Input(ids.LCPF_POT, "value"),
        State(ids.LCPF_BASIS, "data"),
        prevent_initial_call=True,
    )
    def update_lcpf(_clicks, weights, year, category, measure, pot, basis):
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
        update = render_update(build_view(snapshot, query, notices), snapshot.boundaries_geojson, factors, presets)
        return (*update[:-1], no_update if drawn_anew(ctx.triggered) else update[-1])
