"""Unit tests: the CLI's cached search index is keyed by every module of the search package, so a
file built by other search code is never read."""

from __future__ import annotations

import shutil
from pathlib import Path

import explorer.services.search as search
from explorer.services import search_cache


def test_the_key_reads_every_module_of_the_search_package():
    package = sorted(Path(search.__file__).parent.glob("*.py"))
    assert len(package) >= 6
    assert set(package) <= set(search_cache.code_sources())


def test_the_key_changes_when_any_search_module_changes(tmp_path, monkeypatch):
    copies = []
    for i, path in enumerate(search_cache.code_sources()):
        copy = tmp_path / str(i) / path.name
        copy.parent.mkdir()
        shutil.copy(path, copy)
        copies.append(copy)
    monkeypatch.setattr(search_cache, "code_sources", lambda: copies)
    before = search_cache.code_digest()
    seen = {before}
    for copy in copies:
        original = copy.read_bytes()
        copy.write_bytes(original + b"\n# changed\n")
        seen.add(search_cache.code_digest())
        copy.write_bytes(original)
    assert search_cache.code_digest() == before
    assert len(seen) == len(copies) + 1


def test_the_key_changes_when_the_thesaurus_the_common_words_or_the_gazetteer_change(tmp_path):
    reference = tmp_path / "reference"
    reference.mkdir()
    digests = {search_cache.code_digest(tmp_path)}
    for name in ("thesaurus.csv", "common_words.txt", "places.csv"):
        (reference / name).write_text("first\n", encoding="utf-8")
        digests.add(search_cache.code_digest(tmp_path))
        (reference / name).write_text("second\n", encoding="utf-8")
        digests.add(search_cache.code_digest(tmp_path))
    assert len(digests) == 7


def test_the_key_reads_the_domain_modules_that_find_postcodes_and_homes_in_text_and_clean_it():
    import explorer.domain.home_place as home_place
    import explorer.domain.postcode_in_text as postcode_in_text
    import explorer.domain.written as written

    assert Path(postcode_in_text.__file__) in search_cache.code_sources()
    assert Path(home_place.__file__) in search_cache.code_sources()
    assert Path(written.__file__) in search_cache.code_sources()


def test_the_common_words_file_is_a_sorted_list_of_lower_case_words():
    from explorer.reference.geography import read_common_words

    path = Path(__file__).resolve().parents[3] / "data" / "reference" / "common_words.txt"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(lines) > 20_000 and lines == sorted(set(lines))
    assert all(line.isascii() and line.isalpha() and line.islower() for line in lines)
    words = read_common_words(path)
    assert {"black", "party", "brother", "counseling"} <= words and "cuckooing" not in words
    assert read_common_words(path.parent / "no-such-file.txt") == frozenset()
