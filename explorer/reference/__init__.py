"""Reference layer: London geography (boroughs, postcode lookup, borough boundaries, place names)."""

import importlib
from typing import TYPE_CHECKING

#: Where each public name lives. Imported on first use (PEP 562), so a caller that needs only
#: the postcode index (the CLI's fast search) does not pay for geopandas.
_HOMES = {
    "BoroughTableError": "boroughs", "borough_by_code": "boroughs", "borough_by_name": "boroughs",
    "load_boroughs": "boroughs",
    "Boundaries": "boundaries", "BoundaryImportError": "boundaries", "derive_boundaries": "boundaries",
    "import_boundaries": "boundaries", "load_boundaries": "boundaries",
    "Geography": "geography", "load_geography": "geography", "prepare": "geography",
    "PlaceTableError": "places", "load_places": "places",
    "PostcodeIndex": "postcodes", "PostcodeNotFound": "postcodes", "build_london_index": "postcodes",
    "looks_like_postcode": "postcodes",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


if TYPE_CHECKING:  # pragma: no cover
    from explorer.reference.boroughs import BoroughTableError, borough_by_code, borough_by_name, load_boroughs
    from explorer.reference.boundaries import (
        Boundaries,
        BoundaryImportError,
        derive_boundaries,
        import_boundaries,
        load_boundaries,
    )
    from explorer.reference.geography import Geography, load_geography, prepare
    from explorer.reference.places import PlaceTableError, load_places
    from explorer.reference.postcodes import (
        PostcodeIndex,
        PostcodeNotFound,
        build_london_index,
        looks_like_postcode,
    )

__all__ = [
    "BoroughTableError",
    "Boundaries",
    "BoundaryImportError",
    "Geography",
    "PlaceTableError",
    "PostcodeIndex",
    "PostcodeNotFound",
    "borough_by_code",
    "borough_by_name",
    "build_london_index",
    "derive_boundaries",
    "import_boundaries",
    "load_boroughs",
    "load_boundaries",
    "load_geography",
    "load_places",
    "looks_like_postcode",
    "prepare",
]
