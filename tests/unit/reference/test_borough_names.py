"""Unit tests: the other names councils write for a borough ("LBTH", "RBKC", "H&F")."""

from __future__ import annotations

import pytest

from explorer.domain.geography import LONDON_BOROUGH_CODES
from explorer.reference.borough_names import BOROUGH_NAMES_FILE, BoroughNameError, load_borough_names
from tests.unit.reference.conftest import write_table

HEADER = "name,borough_code,source\n"


def _table(tmp_path, rows: str):
    return write_table(tmp_path, BOROUGH_NAMES_FILE, HEADER + rows)


def test_the_bundled_table_names_each_only_one_borough_with_a_source(paths):
    names = load_borough_names(paths.data)
    assert ("LBTH", "E09000030") in names and ("RBKC", "E09000020") in names and ("H&F", "E09000013") in names
    assert all(code in LONDON_BOROUGH_CODES for _name, code in names)
    assert "LBH" not in {name for name, _code in names}  # six boroughs start with H


def test_no_file_means_no_other_names(tmp_path):
    assert load_borough_names(tmp_path) == ()


@pytest.mark.parametrize("rows, message", [
    ("LBTH,E09000099,src\n", "row 2, borough_code='E09000099': must be a London borough code"),
    ("!!,E09000030,src\n", "row 2, name='!!': must have at least one letter or digit"),
    ("LBTH,E09000030,\n", "row 2, source='': must say where the name comes from"),
    ("LBTH,E09000030,src\nlbth,E09000030,src\n", "row 3, name='lbth': repeats row 2"),
])
def test_a_bad_row_is_refused_with_its_row_column_and_value(tmp_path, rows, message):
    with pytest.raises(BoroughNameError, match=message.replace("(", r"\(")):
        load_borough_names(_table(tmp_path, rows))


def test_a_wrong_header_is_refused(tmp_path):
    path = tmp_path / BOROUGH_NAMES_FILE
    path.parent.mkdir(parents=True)
    path.write_text("name,code\nLBTH,E09000030\n", encoding="utf-8")
    with pytest.raises(BoroughNameError, match="the columns must be name, borough_code, source"):
        load_borough_names(tmp_path)
