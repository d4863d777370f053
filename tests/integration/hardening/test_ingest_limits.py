"""Ingest limits checked before the rest is parsed (issue 17, 8 and 9): JSON nesting depth and CSV
width. Each is a clear report, nothing is published, and the command exits 2 ("could not read")."""

from __future__ import annotations

import shutil

import pytest

from explorer.cli import main
from explorer.ingest.files import COULD_NOT_READ, MAX_COLUMNS, MAX_JSON_DEPTH, read_csv_bytes, read_json_bytes
from explorer.ingest.files import UnreadableFileError
from explorer.store.store import Store, sqlite_url
from tests.conftest import CACHE_DIR, DATA_DIR
from tests.integration.ingest.test_sync import server  # noqa: F401 (a fixture)


@pytest.fixture()
def env(monkeypatch, sample_db, tmp_path):
    path = tmp_path / "cli.db"
    shutil.copy(sample_db, path)
    monkeypatch.setenv("EXPLORER_DATABASE_URL", sqlite_url(path))
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(DATA_DIR))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(CACHE_DIR))
    return path


def deep_json(levels: int) -> bytes:
    return b'{"services": ' + b"[" * levels + b"]" * levels + b"}"


def wide_csv(columns: int) -> bytes:
    header = ",".join(f"c{i}" for i in range(columns))
    # The second row is ragged: were it read, the report would name it instead of the width.
    return (header + "\n" + ",".join(["x"] * (columns + 5)) + "\n").encode()


def test_json_nested_past_the_limit_is_refused_before_parsing():
    with pytest.raises(UnreadableFileError) as caught:
        read_json_bytes(deep_json(200_000), "deep.json")
    assert caught.value.rule.startswith(COULD_NOT_READ) and str(MAX_JSON_DEPTH) in caught.value.rule
    # Depth at the limit is fine, and brackets inside strings do not count.
    assert read_json_bytes(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH, "ok.json") is not None
    assert read_json_bytes(b'{"a": "' + b"[" * 500 + b'"}', "text.json") == {"a": "[" * 500}


def test_a_csv_wider_than_the_limit_is_refused_from_its_header():
    with pytest.raises(UnreadableFileError) as caught:
        read_csv_bytes(wide_csv(200_000), "wide.csv")
    assert caught.value.row == 1 and "200,000 columns" in caught.value.rule
    assert len(read_csv_bytes(wide_csv(MAX_COLUMNS)[: wide_csv(MAX_COLUMNS).index(b"\n") + 1], "ok.csv")) == 0


@pytest.mark.parametrize(
    "name, body, words",
    [
        ("services.json", deep_json(100_000), "levels deep"),
        ("spend.csv", wide_csv(200_000), "200,000 columns"),
    ],
)
def test_ingest_reports_it_and_exits_2(env, tmp_path, capsys, name, body, words):
    path = tmp_path / name
    path.write_bytes(body)
    before = Store.open(sqlite_url(env)).current_versions()
    entity = "services" if name.endswith(".json") else "spend"
    assert main(["ingest", entity, str(path)]) == 2
    out = capsys.readouterr().out
    assert COULD_NOT_READ in out and words in out and "nothing published" in out
    assert "Traceback" not in out
    assert Store.open(sqlite_url(env)).current_versions() == before


def test_sync_of_a_wide_file_exits_2(env, server, capsys):  # noqa: F811 (the fixture)
    server.body = wide_csv(200_000)
    assert main(["sync", server.url, "spend"]) == 2
    out = capsys.readouterr().out
    assert "200,000 columns" in out and COULD_NOT_READ in out
