"""Ingest layer: table-level checks with pandera (columns present, no extra columns, unique keys, plain text).

Row-level checks (types, ranges, shapes) are the pydantic record types' job; this module looks
at a whole table at once, column by column, which is what makes 100,000 rows quick to check.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

import nh3
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from explorer.domain.problems import Problem, shorten
from explorer.ingest.files import FORMULA, RULE_FORMULA, ROW_KEY


RULE_HTML = "must be plain text, not HTML: remove the tags"



def check_table(
    rows: Sequence[Mapping[str, Any]],
    *,
    columns: Mapping[str, bool],
    keys: Sequence[str],
    label: str,
) -> tuple[list[Problem], bool]:
    """Checks one table as a whole.

    Args:
        rows: The rows as read (text values; may carry their row number under ``_row``).
        columns: Each expected column and whether it is required.
        keys: The columns that together must be unique.
        label: The file (or sheet) name used in problems.

    Returns:
        The problems found, and whether the rows can be checked one by one (False when a
        required column is missing, so every row would fail the same way).
    """
    if not rows:
        return [], True
    if len(rows) <= CHECK_CHUNK:
        return _check_part(rows, None, 0, columns=columns, keys=keys, unique=True, label=label)
    # A large table is checked a part at a time (a frame of 100,000 rows and its checks cost hundreds
    # of MB at once), every part with the whole table's columns; keys are checked across the whole.
    names = list(dict.fromkeys(name for row in rows for name in row))
    problems: list[Problem] = []
    checkable = True
    for start in range(0, len(rows), CHECK_CHUNK):
        found, ok = _check_part(rows[start:start + CHECK_CHUNK], names, start, columns=columns, keys=keys,
                                unique=False, label=label)
        problems.extend(p for p in found if not (p.row == 1 and p in problems))  # a column: once
        checkable = checkable and ok
    if all(key in names for key in keys):
        problems.extend(_duplicates(rows, keys, label))
    problems.sort(key=lambda p: (p.row, p.field))
    return problems, checkable


#: Rows checked at once; larger tables are checked in parts of this size.
CHECK_CHUNK = 20_000


def _check_part(rows, names, offset, *, columns, keys, unique, label) -> tuple[list[Problem], bool]:
    # Plain object columns: pandas' own string type checks for missing values one by one.
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    numbers = (frame.pop(ROW_KEY) if ROW_KEY in frame.columns
               else pd.Series(range(offset + 2, offset + len(frame) + 2)))
    for key in keys:
        if key in frame.columns:
            frame[key] = frame[key].map(_key_text)
    schema = _schema(tuple(columns.items()), tuple(keys) if unique else ())
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        problems, rows_checkable = _problems(exc.failure_cases, frame, numbers, keys, label)
        return problems, rows_checkable
    return [], True


def _duplicates(rows, keys, label) -> list[Problem]:
    """Rows whose key repeats an earlier row's (the first of each is not reported), as pandera's
    ``unique`` check with ``report_duplicates="exclude_first"`` finds them."""
    seen: set[tuple] = set()
    found = []
    for position, row in enumerate(rows):
        key = tuple(_key_text(row.get(k)) for k in keys)
        if key in seen:
            found.append(
                Problem(label, int(row.get(ROW_KEY, position + 2)), keys[0], shorten("/".join(k or "" for k in key)),
                        "must be unique: this " + " + ".join(keys) + " appears more than once")
            )
        else:
            seen.add(key)
    return found


@lru_cache(maxsize=64)
def _schema(columns: tuple[tuple[str, bool], ...], keys: tuple[str, ...]) -> pa.DataFrameSchema:
    checks = [pa.Check(_plain_text, name="plain_text")]
    return pa.DataFrameSchema(
        {name: pa.Column(None, nullable=True, required=required, checks=checks) for name, required in columns},
        strict=True,
        unique=list(keys) or None,
        report_duplicates="exclude_first",
    )


def _plain_text(values: pd.Series) -> pd.Series | bool:
    """True for each value that is neither markup nor a spreadsheet formula.

    A column whose joined text has no ``<`` and no value starting like a formula (nearly every
    column) is cleared by two searches of one string; only the others are checked value by value.
    """
    try:
        joined = "\x00" + "\x00".join(values.tolist())
    except TypeError:  # missing values among the text
        joined = "\x00" + "\x00".join(str(v) for v in values.tolist() if isinstance(v, str))
    if "<" not in joined and not _FORMULA_START.search(joined):
        return True
    return values.map(lambda v: not (isinstance(v, str) and _rule_broken(v)))


def is_markup(value: str) -> bool:
    """Whether a browser would read part of ``value`` as markup (a tag, a comment, a declaration).

    Decided by an HTML tokenizer (nh3's, from html5ever), not a pattern: ``<svg/onload=...>``,
    ``<a/href=...>`` and ``<x:y ...>`` are tags to a browser, so they are tags here; ``a < b``
    and ``5<10`` are text.
    """
    return "<" in value and nh3.is_html(value)


def _rule_broken(value: str) -> str | None:
    if is_markup(value):
        return RULE_HTML
    if FORMULA.search(value):
        return RULE_FORMULA
    return None


_FORMULA_START = re.compile(r"\x00[=@+\-\s]")


def _problems(failures: pd.DataFrame, frame, numbers, keys, label) -> tuple[list[Problem], bool]:
    problems: list[Problem] = []
    rows_checkable = True
    duplicate_rows: set[int] = set()
    for case in failures.to_dict("records"):
        check, column, value, index = case["check"], case["column"], case["failure_case"], case["index"]
        if check == "column_in_dataframe":
            problems.append(Problem(label, 1, str(value), "", "is a required column but is missing from the header"))
            rows_checkable = False
        elif check == "column_in_schema":
            problems.append(Problem(label, 1, str(value), "", "is not a column of this table: remove it or fix its name"))
        elif check in ("multiple_fields_uniqueness", "field_uniqueness"):
            position = int(index)
            if position in duplicate_rows:
                continue
            duplicate_rows.add(position)
            key_value = "/".join(_key_text(frame.at[position, k]) or "" for k in keys)
            problems.append(
                Problem(label, int(numbers.iloc[position]), keys[0], shorten(key_value),
                        "must be unique: this " + " + ".join(keys) + " appears more than once")
            )
        elif check == "plain_text":
            problems.append(
                Problem(label, int(numbers.iloc[int(index)]), str(column), shorten(value), _rule_broken(str(value)) or "")
            )
        else:  # a check this module did not expect: report it rather than hide it
            row = int(numbers.iloc[int(index)]) if index is not None and index == index else 1
            problems.append(Problem(label, row, str(column or ""), shorten(value), f"failed the {check} check"))
    problems.sort(key=lambda p: (p.row, p.field))
    return problems, rows_checkable


def _key_text(value: Any) -> Any:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None
