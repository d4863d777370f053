"""Layout layer: a small stand-in of every page, for Dash to check callback ids against.

Dash sends ``validation_layout`` to every browser in the page's config, so it must be small: this
keeps each component that has an id (same type, id only) and the components that lead to one, and
drops everything else (data, figures, text).
"""

from __future__ import annotations

from typing import Any

from dash.development.base_component import Component


def skeleton(tree: Any) -> Any:
    """The components of ``tree`` that have ids, with only their ids, nested as before.

    Returns None when nothing in ``tree`` has an id.
    """
    if isinstance(tree, (list, tuple)):
        kept = [s for s in (skeleton(t) for t in tree) if s is not None]
        return kept or None
    if not isinstance(tree, Component):
        return None
    children = skeleton(getattr(tree, "children", None))
    has_id = getattr(tree, "id", None) is not None
    if not has_id and children is None:
        return None
    props: dict[str, Any] = {}
    if has_id:
        props["id"] = tree.id
    if children is not None and "children" in tree._prop_names:
        props["children"] = children
    elif children is not None:
        # A component whose nested ids live in other props (rare): keep the children list around it.
        return children
    return type(tree)(**props)
