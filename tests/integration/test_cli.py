"""Integration tests: the ``explorer`` command against a copy of the sample store."""

from __future__ import annotations

import json
import shutil

import pytest

from explorer.cli import main
from explorer.settings import ROOT

DATA_DIR = ROOT / "data"
CACHE_DIR = DATA_DIR / "cache"


@pytest.fixture()
def env(monkeypatch, sample_db, tmp_path, geography):
    path = tmp_path / "cli.db"
    shutil.copy(sample_db, path)
    monkeypatch.setenv("EXPLORER_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(DATA_DIR))
    # A cache folder of its own (the reference caches linked in), so the search index that
    # ``explorer search`` keeps per store and version stays with this test.
    cache = tmp_path / "cache"
    cache.mkdir()
    for f in CACHE_DIR.iterdir():
        if f.is_file() and not f.name.startswith("search-index-"):
            (cache / f.name).symlink_to(f)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(cache))
    return path


def test_search_json_gives_the_same_results_as_the_search_index(env, capsys, geography):
    from explorer.services.search import SearchIndex
    from explorer.services.snapshot import SnapshotProvider
    from explorer.store.store import Store, sqlite_url

    assert main(["search", "domestic abuse Peckham", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = SearchIndex(SnapshotProvider(Store.open(sqlite_url(env)), geography).current(), geography).search(
        "domestic abuse Peckham"
    )
    assert [r["id"] for r in printed["results"]] == [i.service.id for i in expected.items]
    assert printed["understood"] == expected.summary and "Peckham" in printed["understood"]


def test_search_nonsense_prints_a_message_and_succeeds(env, capsys):
    assert main(["search", "asdfgh"]) == 0
    assert "No services match" in capsys.readouterr().out


def test_search_lists_the_nearest_elsewhere_when_nothing_covers_the_place(env, capsys):
    """As the page and the API: no drugs service in the sample covers Hackney."""
    assert main(["search", "drug treatment Hackney"]) == 0
    out = capsys.readouterr().out
    assert "0 services." in out and "The nearest 3 elsewhere in London, closest first" in out
    assert "Tower Hamlets LCPF: drugs and alcohol" in out.split("The nearest 3 elsewhere")[1]
    assert main(["search", "drug treatment Hackney", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["total"] == 0 and len(printed["nearest_elsewhere"]) == 3
    distances = [r["distance_km"] for r in printed["nearest_elsewhere"]]
    assert distances == sorted(distances)
    assert main(["search", "domestic abuse Peckham", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nearest_elsewhere"] == []


def test_search_names_the_other_place_of_a_shared_name_and_its_search(env, capsys):
    assert main(["search", "youth club hayes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Hayes (Hillingdon)" in out[0]
    assert out[1] == 'There is also a Hayes in Bromley: search "youth club Hayes, Bromley".'


def test_versions_lists_the_sample_publishes(env, capsys):
    assert main(["versions"]) == 0
    out = capsys.readouterr().out
    assert "services" in out and "sample register" in out and out.count("*") >= 6


def test_rollback_of_a_missing_version_fails_honestly(env, capsys):
    assert main(["rollback", "999"]) == 1
    assert "no version 999" in capsys.readouterr().err


def test_rollback_makes_an_old_version_current(env, capsys):
    from explorer.store.store import Store, sqlite_url

    store = Store.open(sqlite_url(env))
    first = store.current_versions()["spend"]
    store.publish("spend", {"spend": []}, source="empty.csv")
    assert main(["rollback", str(first)]) == 0
    current = store.current_versions()["spend"]
    assert current > first and store.version(current).restored_from == first


@pytest.mark.parametrize("argv", [["ingest", "nonsense", "."], ["ingest", "spend", "/no/such/file.csv"], ["frobnicate"], []])
def test_usage_errors_exit_2(env, argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    assert code == 2


def test_ingest_dry_run_of_a_bad_file_reports_and_publishes_nothing(env, tmp_path, capsys):
    from explorer.store.store import Store, sqlite_url

    bad = tmp_path / "spend.csv"
    bad.write_text("service_id,period,budget_gbp,actual_gbp,source_url,illustrative\n"
                   "svc-london-havens,2025-Q9,-5,,https://example.org,true\n", encoding="utf-8")
    before = Store.open(sqlite_url(env)).current_versions()
    assert main(["ingest", "spend", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "row 2" in out and "period" in out and "budget_gbp" in out and "nothing published" in out
    assert Store.open(sqlite_url(env)).current_versions() == before


def test_search_says_which_topic_nothing_covers_at_the_place(env, capsys):
    """As the page and the API: family support covers Croydon, no drugs service does."""
    assert main(["search", "family support group when loved one on drugs in croydon"]) == 0
    out = capsys.readouterr().out
    assert "No drugs and alcohol service covers Croydon or is within 3 km" in out
    assert main(["search", "family support group when loved one on drugs in croydon", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    (gap,) = printed["topics_elsewhere"]
    assert gap["topic"] == "substance-misuse" and len(gap["nearest"]) == 3
    assert main(["search", "domestic abuse Peckham", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["topics_elsewhere"] == []
