"""Reference layer: London geography (boroughs, postcode lookup, borough boundaries, place names)."""

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
