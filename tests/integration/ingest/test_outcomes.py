"""Published programme outcomes: an ingest entity (versioned, in the snapshot), no longer a file read at start-up.

Replaces the unit test that read ``published_outcomes.csv`` directly (issue 13: the figures
now come through the one ingest path and the snapshot).
"""

from __future__ import annotations

import csv
import io

from explorer.cli import main
from explorer.services.performance import published_outcomes
from explorer.services.snapshot import SnapshotProvider
from explorer.settings import ROOT
from explorer.store.store import Store

SAMPLE = ROOT / "data" / "sample" / "published_outcomes.csv"


def test_the_sample_outcomes_are_published_and_in_the_snapshot(sample_store, geography):
    assert "outcomes" in sample_store.current_versions()
    outcomes = published_outcomes(SnapshotProvider(sample_store, geography).current())
    with SAMPLE.open(newline="", encoding="utf-8") as handle:
        assert [o.programme for o in outcomes] == [r["programme"] for r in csv.DictReader(handle)]
    assert all(o.source_url.startswith("http") for o in outcomes)
    ylf = next(o for o in outcomes if o.programme == "Young Londoners Fund")
    assert round(ylf.cost_per_person) == 291 and ylf.source_date == "2019-10-01"


def _env(monkeypatch, settings):
    monkeypatch.setenv("EXPLORER_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(settings.cache_dir))


def test_outcomes_load_as_a_new_version_and_a_bad_row_publishes_nothing(sample_settings, monkeypatch, tmp_path, capsys):
    _env(monkeypatch, sample_settings)
    store = Store.open(sample_settings.store_url)
    before = store.current_versions()["outcomes"]
    good = tmp_path / "published_outcomes.csv"
    good.write_text(SAMPLE.read_text(encoding="utf-8").replace("23300000", "23400000"), encoding="utf-8")
    assert main(["ingest", "outcomes", str(good)]) == 0
    after = store.current_versions()["outcomes"]
    assert after != before

    text = SAMPLE.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    rows[1][3] = "-5"  # people
    bad = tmp_path / "bad.csv"
    with bad.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    assert main(["ingest", "outcomes", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "row 2, people='-5'" in out and "nothing published" in out
    assert store.current_versions()["outcomes"] == after
    store.dispose()
