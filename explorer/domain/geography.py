"""Domain layer: the plain geographic types (borough, place, postcode match) and distance on the globe."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal, Sequence

import numpy as np

LONDON_BOROUGH_CODES: tuple[str, ...] = tuple(f"E09{n:06d}" for n in range(1, 34))
"""The ONS codes of the 33 London local authorities (32 boroughs and the City), in code order."""

CENSUS_DAYS = {2011: dt.date(2011, 3, 27), 2021: dt.date(2021, 3, 21)}
"""Census days in England and Wales: the populations the register holds are counted on these days."""

CENSUS_2011_SOURCE = ("https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates/"
                      "bulletins/2011censuspopulationandhouseholdestimatesforenglandandwales/2012-07-16")
"""Where ONS published the Census 2011 usual resident populations."""

_FINANCIAL_YEAR = re.compile(r"^(\d{4})-\d{2}$")

EARTH_RADIUS_KM = 6371.0088
"""The mean radius of the Earth (IUGG), used by :func:`haversine_km`."""

InnerOuter = Literal["Inner", "Outer"]
PostcodeKind = Literal["postcode", "sector", "district"]


@dataclass(frozen=True)
class Borough:
    """One London local authority (a borough or the City of London).

    Attributes:
        code: The ONS code, ``E09000001`` to ``E09000033``.
        name: The name as ONS publishes it, e.g. ``Kensington and Chelsea``.
        inner_outer: ``Inner`` or ``Outer`` London, by the ONS statistical definition.
        population: Usual residents at Census 2021 (rounded to the nearest 100 by ONS).
        hectares: The area in hectares.
        source_url: Where the population and area figures were published.
        population_2011: Usual residents at Census 2011 (exact, ONS), when the table has them.
    """

    code: str
    name: str
    inner_outer: InnerOuter
    population: int
    hectares: float
    source_url: str
    population_2011: int | None = None

    def population_at(self, census: int) -> int | None:
        """Usual residents counted at that census (2011 or 2021), or None when not held."""
        return {2021: self.population, 2011: self.population_2011}.get(census)


@dataclass(frozen=True)
class Place:
    """A named London neighbourhood, located approximately by its postcode district.

    Attributes:
        name: The place name, e.g. ``Peckham``.
        borough_code: The ONS code of the borough the place is in.
        outcode: The postcode district the place is in, e.g. ``SE15``.
        latitude: WGS84 latitude of the district's centroid (not the place's own centre).
        longitude: WGS84 longitude of the district's centroid.
        source: Where the name, borough and district were taken from.
    """

    name: str
    borough_code: str
    outcode: str
    latitude: float
    longitude: float
    source: str


@dataclass(frozen=True)
class PostcodeMatch:
    """The result of looking up a full postcode, a postcode sector or a postcode district.

    Attributes:
        kind: ``postcode`` (``SE15 4AB``), ``sector`` (``SE15 4``) or ``district`` (``SE15``).
        label: The normalised text, upper case with one space before the inward part.
        latitude: WGS84 latitude: the postcode's own point, or the mean of a sector's or
            district's London postcodes.
        longitude: WGS84 longitude, as for ``latitude``.
        borough_code: The borough of the postcode; for a sector or district, the borough most
            of its London postcodes are in.
    """

    kind: PostcodeKind
    label: str
    latitude: float
    longitude: float
    borough_code: str


def haversine_km(lat1, lon1, lat2, lon2, *, radians: bool = False):
    """Returns the great-circle distance between WGS84 points, in kilometres: the one distance rule.

    Takes numbers or numpy arrays (one point against many, as the search does); gives a float
    for numbers and an array for arrays. ``radians=True`` says the angles are already in radians
    (the search converts its points once, not on every query).

    Args:
        lat1: Latitude of the first point(s), in degrees.
        lon1: Longitude of the first point(s), in degrees.
        lat2: Latitude of the second point(s), in degrees.
        lon2: Longitude of the second point(s), in degrees.

    Returns:
        The distance along a sphere of the Earth's mean radius (good to about 0.5% anywhere,
        far better over the few kilometres that matter in London).
    """
    if not radians:
        lat1, lon1, lat2, lon2 = np.radians(lat1), np.radians(lon1), np.radians(lat2), np.radians(lon2)
    phi1, phi2 = lat1, lat2
    d_phi = phi2 - phi1
    d_lambda = np.subtract(lon2, lon1)
    a = np.sin(d_phi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(d_lambda / 2) ** 2
    # minimum() guards against a value a hair above 1 from rounding, which arcsin cannot take.
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return float(km) if np.ndim(km) == 0 else km


def censuses_held(boroughs: Sequence[Borough]) -> tuple[int, ...]:
    """The censuses whose population every borough of the table holds (2021 always; 2011 when loaded)."""
    return tuple(c for c in sorted(CENSUS_DAYS) if boroughs and all(b.population_at(c) is not None for b in boroughs))


def nearest_census(financial_year: str | None, held: Sequence[int] = (2011, 2021)) -> int | None:
    """The census nearest the middle of a financial year (``2013-14`` -> 2011; ``2016-17`` -> 2021).

    A year's population is the count of the census nearest it, named as such, never an estimate
    made between two censuses. The middle of a financial year is 1 October of its first year; a
    year exactly between two censuses takes the later one. None for no year or no census held.
    """
    found = _FINANCIAL_YEAR.match(financial_year or "")
    if not found or not held:
        return None
    middle = dt.date(int(found.group(1)), 10, 1)
    return min(held, key=lambda c: (abs((CENSUS_DAYS[c] - middle).days), -c))
