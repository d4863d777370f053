"""Reference layer: London's reference geography as one read-only value, and the set-up that caches it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.domain.geography import Borough, Place
from explorer.reference.borough_names import load_borough_names
from explorer.reference.boroughs import borough_by_code, borough_by_name, load_boroughs
from explorer.reference.boundaries import BUNDLED_FILE, Boundaries, load_boundaries
from explorer.reference.places import load_places
from explorer.reference.places_outside import load_places_outside
from explorer.reference.postcodes import PostcodeIndex


@dataclass(frozen=True, eq=False)
class Geography:
    """The boroughs, place names, postcode index and borough boundaries, loaded together.

    Attributes:
        boroughs: The 33 boroughs in code order.
        places: The gazetteer of place names.
        postcodes: The London postcode index.
        boundaries: The borough boundaries (an imported official file, else the bundled official
            file, else approximate ones derived from postcodes), named from the borough table.
        thesaurus_text: The search thesaurus (``reference/thesaurus.csv``) as text; empty if absent.
        common_words: Common English words (``reference/common_words.txt``), which the search does
            not "correct" to other words; empty if absent.
        borough_names: The boroughs' other names that councils write, ``(name, code)`` pairs
            (``reference/borough_names.csv``: "LBTH", "RBKC"); empty if absent.
        places_outside: Names of places outside London, cleaned (``reference/places_outside_london.csv``:
            "leeds", "kent"); empty if absent.
    """

    boroughs: tuple[Borough, ...]
    places: tuple[Place, ...]
    postcodes: PostcodeIndex
    boundaries: Boundaries
    thesaurus_text: str = ""
    common_words: frozenset[str] = frozenset()
    borough_names: tuple[tuple[str, str], ...] = ()
    places_outside: frozenset[str] = frozenset()

    def borough_by_code(self, code: str) -> Borough | None:
        """Finds a borough by its ONS code (any case), or returns None."""
        return borough_by_code(self.boroughs, code)

    def borough_by_name(self, name: str) -> Borough | None:
        """Finds a borough by name (any case; ``&`` matches ``and``), or returns None."""
        return borough_by_name(self.boroughs, name)


def load_geography(data_dir: Path, cache_dir: Path) -> Geography:
    """Loads the reference geography, building any missing cache first.

    With the caches in place this takes well under a second; without them, about ten (see
    :func:`prepare`, which a deployment runs once at set-up).

    Args:
        data_dir: The project's data directory (holding ``reference/boroughs.csv``,
            ``reference/places.csv`` and ``reference/london_boroughs.geojson``).
        cache_dir: The directory for generated caches, e.g. ``data/cache``.

    Returns:
        The geography.
    """
    boroughs = load_boroughs(data_dir)
    names = {borough.code: borough.name for borough in boroughs}
    postcodes = PostcodeIndex.load(cache_dir)
    return Geography(
        boroughs=boroughs,
        places=load_places(data_dir, postcodes),
        postcodes=postcodes,
        boundaries=load_boundaries(cache_dir, names, official=Path(data_dir) / BUNDLED_FILE).with_names(names),
        thesaurus_text=_read_text(Path(data_dir) / THESAURUS_FILE),
        common_words=read_common_words(Path(data_dir) / COMMON_WORDS_FILE),
        borough_names=load_borough_names(Path(data_dir)),
        places_outside=load_places_outside(Path(data_dir)),
    )


THESAURUS_FILE = Path("reference") / "thesaurus.csv"
COMMON_WORDS_FILE = Path("reference") / "common_words.txt"


def read_common_words(path: Path) -> frozenset[str]:
    """The words of a word list (one a line, ``#`` lines are comments); empty if there is no file."""
    return frozenset(line for line in _read_text(path).split("\n") if line and not line.startswith("#"))


def _read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def prepare(data_dir: Path, cache_dir: Path) -> None:
    """Builds every reference cache that is missing (postcode index, boundaries); quick when all exist.

    Args:
        data_dir: The project's data directory, for the borough names.
        cache_dir: The directory for generated caches, created if missing.
    """
    load_geography(data_dir, cache_dir)
