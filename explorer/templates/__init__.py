"""Templates: the HTML that is not a Dash component (the report's block, the feeds' entries, the embed code).

One Jinja2 environment with autoescaping on, so every value from the register is escaped by the
template engine and no module escapes HTML by hand. The environment is configured once and never
changed; it sits beside ``explorer/domain`` (it imports nothing from the project).
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

_ENVIRONMENT = Environment(
    loader=PackageLoader("explorer", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(name: str, **values) -> str:
    """The template ``name`` (a file in this folder) filled with ``values``, every value escaped."""
    return _ENVIRONMENT.get_template(name).render(**values)
