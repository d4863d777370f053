"""Callbacks: the explorer home page (search box, filters, map clicks, service areas)."""

from __future__ import annotations


from callbacks.controls import register_show_area


def register(app, provider, context) -> None:
    """Registers the home page's callbacks on ``app``; ``context.today`` is the clock."""

    register_show_area(app, provider, allow_duplicate=True)

