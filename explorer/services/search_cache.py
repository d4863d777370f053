"""Services layer: the search index persisted per published version, so ``explorer search`` is fast.

Building a :class:`SearchIndex` means reading the whole register from the store, loading the
reference geography (geopandas, boundaries) and indexing every service: seconds at 10,000
services. The CLI instead keeps the built index in ``data/cache/search-index-<STORE>-v<VERSION>-....pickle``
and reuses it while the store's newest version id is unchanged; any publish or rollback makes a
new version id, so the next search rebuilds the file (and removes the old ones).

The file is written by this program into its own cache folder and read only from there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from explorer.services.search import SearchGeography, SearchIndex

#: Bump when the cache file's layout changes. The key also holds a digest of the search code and
#: the thesaurus (:func:`code_digest`), so a file built by other code is never read.
FORMAT = 3


def code_sources() -> list[Path]:
    """The source files that shape a built index: every module of the search package and the
    domain modules it reads text with."""
    import explorer.domain.home_place as home_place
    import explorer.domain.postcode_in_text as postcode_in_text
    import explorer.domain.query as query
    import explorer.domain.spelling as spelling
    import explorer.domain.text as text
    import explorer.domain.thesaurus as thesaurus
    import explorer.domain.written as written
    import explorer.services.search as search

    package = sorted(Path(search.__file__).parent.glob("*.py"))
    domain = (home_place, postcode_in_text, query, spelling, text, thesaurus, written)
    return [*package, *(Path(m.__file__) for m in domain)]


def code_digest(data_dir: Path | None = None) -> str:
    """A digest of what shapes a built index: the search modules' source, the thesaurus, the
    common words, the gazetteer (its order chooses among places of one name), the boroughs'
    other names and the places outside London."""
    digest = hashlib.sha256()
    for path in code_sources():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    if data_dir is not None:  # as explorer.reference.geography reads them
        for name in ("thesaurus.csv", "common_words.txt", "places.csv", "borough_names.csv",
                     "places_outside_london.csv"):
            path = Path(data_dir) / "reference" / name
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def cache_path(cache_dir: Path, url: str, version: int | None, stamp: str = "", code: str = "") -> Path:
    """Where the index of one store's ``version`` is kept (``stamp``: when it was published;
    ``code``: :func:`code_digest`)."""
    key = hashlib.sha256(f"{url}|{stamp}|{code}".encode()).hexdigest()[:10]
    return Path(cache_dir) / f"search-index-{_store_key(url)}-v{version or 0}-{key}-f{FORMAT}.pickle"


def _store_key(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:10]


def load_or_build(settings: Any) -> tuple[SearchIndex, bool]:
    """The search index of the store's current version, from the cache when it is there.

    Args:
        settings: :class:`explorer.settings.Settings` (store URL, data and cache folders).

    Returns:
        The index and whether it came from the cache.
    """
    from explorer.store.probe import latest_version

    version, stamp = latest_version(settings.store_url)
    path = cache_path(settings.cache_dir, settings.store_url, version, stamp, code_digest(settings.data_dir))
    if path.is_file():
        index = _read(path, settings.cache_dir)
        if index is not None and index.snapshot.version_key == (version or 0):
            return index, True
    index = _build(settings)
    if index.snapshot.version_key == (version or 0):  # nothing was published while it was built
        save(index, path, settings.store_url)
    return index, False


def save(index: SearchIndex, path: Path, url: str) -> Path:
    """Writes the index atomically and removes the files of the same store's other versions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".search-index-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    for old in path.parent.glob(f"search-index-{_store_key(url)}-v*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def _read(path: Path, cache_dir: Path) -> SearchIndex | None:
    try:
        with open(path, "rb") as source:
            index = pickle.load(source)
    except Exception:  # a half-written or older file: rebuild it
        return None
    if not isinstance(index, SearchIndex):
        return None
    lite = index.geography
    index.geography = SearchGeography(lite.boroughs, lite.places, _LazyPostcodes(cache_dir))
    return index


class _LazyPostcodes:
    """The postcode index, read from its cache only when a query holds something like a postcode."""

    def __init__(self, cache_dir: Path):
        self._cache_dir = cache_dir
        self._index = None

    def lookup(self, text: str):
        """As :meth:`PostcodeIndex.lookup`."""
        if self._index is None:
            from explorer.reference.postcodes import PostcodeIndex

            self._index = PostcodeIndex.load(self._cache_dir)
        return self._index.lookup(text)


def _build(settings: Any) -> SearchIndex:
    from explorer.reference import load_geography
    from explorer.services.snapshot import SnapshotProvider
    from explorer.store.store import Store

    geography = load_geography(settings.data_dir, settings.cache_dir)
    store = Store.open(settings.store_url)
    try:
        snapshot = SnapshotProvider(store, geography).current()
    finally:
        store.dispose()
    return SearchIndex(snapshot, geography)
