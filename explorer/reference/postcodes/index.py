"""Reference layer: the London postcode index read from its cache, and the look-ups on it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import numpy as np

from explorer.domain.geography import PostcodeMatch
from explorer.reference.postcodes.build import INDEX_FILE, read_or_build
from explorer.reference.postcodes.text import (
    _FULL,
    _LONGEST_POSTCODE,
    PostcodeNotFound,
    _malformed,
    _partial_candidates,
    _shown,
    _tokens,
    looks_like_postcode,
)

_DECIMALS = 6  # about 0.1 m; the float32 cache holds about 0.5 m, so more digits would be noise.


@dataclass(frozen=True, eq=False)
class PostcodeIndex:
    """Every London postcode with its WGS84 point and borough, plus sector and district centroids.

    Build it with :meth:`load`; the arrays are read-only.

    Attributes:
        keys: Sorted postcodes without spaces, as ASCII bytes (``b"SE154AB"``).
        latitudes: WGS84 latitude of each postcode, aligned with ``keys``.
        longitudes: WGS84 longitude of each postcode, aligned with ``keys``.
        borough_index: Index into ``borough_codes`` for each postcode.
        borough_codes: The London borough codes that ``borough_index`` refers to.
        sectors: Sector label (``"SE15 4"``) to its centroid match.
        districts: District label (``"SE15"``) to its centroid match; also the undivided
            names of split districts (``"SW1"`` for SW1A, SW1E… and ``"W1"`` for W1A, W1B…).
        source: Attribution, with the directory's version.
    """

    keys: np.ndarray
    latitudes: np.ndarray
    longitudes: np.ndarray
    borough_index: np.ndarray
    borough_codes: tuple[str, ...]
    sectors: Mapping[str, PostcodeMatch]
    districts: Mapping[str, PostcodeMatch]
    source: str

    @classmethod
    def load(cls, cache_dir: Path) -> PostcodeIndex:
        """Reads the index from ``cache_dir``, building it first if it is missing or stale.

        Args:
            cache_dir: The directory holding generated caches (created if missing).

        Returns:
            The index.
        """
        return _index_from_arrays(read_or_build(cache_dir, INDEX_FILE, "the postcode index"))

    def __len__(self) -> int:
        return int(self.keys.shape[0])

    def lookup(self, text: str) -> PostcodeMatch:
        """Finds a London postcode, sector or district, whatever its case and spacing.

        ``"se154ab"``, ``" SE15  4AB "`` and ``"SE15 4AB"`` are the same postcode. A sector is
        the district and the first digit of the inward code (``"SE15 4"``); without a space,
        ``"N12"`` is the district N12 while ``"SE154"`` (no such district) is the sector SE15 4.

        Args:
            text: What someone typed.

        Returns:
            The match, with its point and borough.

        Raises:
            PostcodeNotFound: The text is empty, not shaped like a postcode, or not one in London.
            TypeError: ``text`` is not a string.
        """
        if not isinstance(text, str):
            raise TypeError(f"a postcode must be given as text (str), not {type(text).__name__}")
        shown = _shown(text)
        tokens = _tokens(text)
        if not tokens:
            raise PostcodeNotFound(
                "No postcode was given: type one like SE15 4AB, a sector like SE15 4 or a district like SE15",
                text=shown,
                reason="empty",
            )
        compact = "".join(tokens)
        if len(compact) > _LONGEST_POSTCODE:
            raise _malformed(shown)
        full = _FULL.fullmatch(compact)
        if full:
            return self._postcode(full.group(1), full.group(2), shown)
        candidates = _partial_candidates(tokens)
        for kind, label in candidates:
            table = self.districts if kind == "district" else self.sectors
            if label in table:
                return table[label]
        if candidates:
            raise PostcodeNotFound(
                f'"{shown}" is not a London postcode {candidates[0][0]}', text=shown, reason="not_london"
            )
        raise _malformed(shown)

    def looks_like_postcode(self, text: str) -> bool:
        """Tells whether a text is shaped like a UK postcode, sector or district (in London or not).

        Args:
            text: Any text, such as a search box query.

        Returns:
            True for shapes like ``SE15 4AB``, ``se154ab``, ``SE15 4`` and ``SE15``.
        """
        return looks_like_postcode(text)

    def district_centroid(self, outcode: str) -> tuple[float, float] | None:
        """Returns the (latitude, longitude) centroid of a London postcode district.

        Args:
            outcode: The district, e.g. ``"SE15"`` (any case, surrounding spaces ignored).

        Returns:
            The mean WGS84 point of the district's London postcodes, or None if it has none.
        """
        if not isinstance(outcode, str):
            return None
        match = self.districts.get("".join(_tokens(outcode)))
        return None if match is None else (match.latitude, match.longitude)

    def _postcode(self, outward: str, inward: str, shown: str) -> PostcodeMatch:
        key = (outward + inward).encode("ascii")
        position = int(np.searchsorted(self.keys, key))
        if position >= len(self.keys) or self.keys[position] != key:
            raise PostcodeNotFound(f'"{shown}" is not a London postcode', text=shown, reason="not_london")
        return PostcodeMatch(
            kind="postcode",
            label=f"{outward} {inward}",
            latitude=round(float(self.latitudes[position]), _DECIMALS),
            longitude=round(float(self.longitudes[position]), _DECIMALS),
            borough_code=self.borough_codes[int(self.borough_index[position])],
        )



def _index_from_arrays(arrays: dict[str, np.ndarray]) -> PostcodeIndex:
    codes = tuple(str(code) for code in arrays["borough_codes"])
    levels: dict[str, Mapping[str, PostcodeMatch]] = {}
    for level in ("sector", "district"):
        labels = arrays[f"{level}_labels"].tolist()
        latitudes = arrays[f"{level}_latitudes"].tolist()
        longitudes = arrays[f"{level}_longitudes"].tolist()
        boroughs = arrays[f"{level}_borough_index"].tolist()
        levels[level] = MappingProxyType(
            {
                label: PostcodeMatch(
                    level,  # type: ignore[arg-type]
                    label,
                    round(lat, _DECIMALS),
                    round(lon, _DECIMALS),
                    codes[borough],
                )
                for label, lat, lon, borough in zip(labels, latitudes, longitudes, boroughs, strict=True)
            }
        )
    return PostcodeIndex(
        keys=arrays["keys"],
        latitudes=arrays["latitudes"],
        longitudes=arrays["longitudes"],
        borough_index=arrays["borough_index"],
        borough_codes=codes,
        sectors=levels["sector"],
        districts=levels["district"],
        source=str(arrays["source"]),
    )
