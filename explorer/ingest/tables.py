"""Ingest layer: table-level checks with pandera (columns present, no extra columns, unique keys, plain text).

Row-level checks (types, ranges, shapes) are the pydantic record types' job; this module looks
at a whole table at once, column by column, which is what makes 100,000 rows quick to check.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from explorer.domain.problems import Problem, shorten
from explorer.ingest.files import FORMULA, RULE_FORMULA, ROW_KEY

#: Text that a browser would read as markup: a tag, a comment or an entity-like tag opener.
HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?/?>|<!--|<\s*(?:script|iframe|img)\b", re.IGNORECASE)

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
    # Plain object columns: pandas' own string type checks for missing values one by one.
    frame = pd.DataFrame(rows, dtype=object)
    numbers = frame.pop(ROW_KEY) if ROW_KEY in frame.columns else pd.Series(range(2, len(frame) + 2))
    for key in keys:
        if key in frame.columns:
            frame[key] = frame[key].map(_key_text)
    schema = _schema(tuple(columns.items()), tuple(keys))
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        problems, rows_checkable = _problems(exc.failure_cases, frame, numbers, keys, label)
        return problems, rows_checkable
    return [], True


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


def _rule_broken(value: str) -> str | None:
    if HTML.search(value):
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
