"""Data given to a check, as the native core reads it.

A path is read as the command line reads ``--data``. A pandas DataFrame is written as CSV
text, each cell as it would stand in a CSV file, so it is validated exactly like a CSV file:
a column of the wrong dtype is rejected cell by cell, and each rejected row is located by its
index label. A list of dicts is sent as JSON Lines, its values exact: ``Decimal`` and dates
as text, never through a float.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
import math
import os
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._errors import DataError
from ._types import Diagnostic

Entry = Tuple[str, str, str, bytes]


@dataclass
class Frame:
    """Where the rows of one DataFrame went: CSV line → index label, and its columns."""

    lines: Dict[int, Any]
    columns: List[str]


@dataclass
class Prepared:
    """The entries for the native core, and the DataFrames among them by source name."""

    entries: List[Entry] = field(default_factory=list)
    frames: Dict[str, Frame] = field(default_factory=dict)


def _is_frame(value: Any) -> bool:
    return type(value).__name__ == "DataFrame" and hasattr(value, "itertuples")


def _is_path(value: Any) -> bool:
    return isinstance(value, (str, bytes, os.PathLike))


def _plain(value: Any) -> Any:
    """A numpy or pandas scalar as the Python value it stands for."""
    if value is None:
        return None
    module = type(value).__module__
    if module.startswith("pandas") and repr(value) in ("<NA>", "NaT"):
        return None
    if module.startswith("numpy") and hasattr(value, "item"):
        if type(value).__name__ == "datetime64":
            return None if str(value) == "NaT" else datetime.date.fromisoformat(str(value)[:10])
        return value.item()
    return value


def cell_text(value: Any) -> str:
    """A value as the text of its CSV cell: exact, and empty for a missing value."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        # An integral float (a year column with gaps) is written as the integer it holds.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, decimal.Decimal):
        return "" if value.is_nan() else format(value, "f")
    if isinstance(value, datetime.datetime):
        midnight = value.time() == datetime.time(0) and value.tzinfo is None
        return value.date().isoformat() if midnight else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def json_value(value: Any) -> Any:
    """A value of a row dict as exact JSON: decimals and dates as text, NaN as missing."""
    value = _plain(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, decimal.Decimal):
        return None if value.is_nan() else format(value, "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return cell_text(value)
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def frame_entry(record: str, frame: Any, prepared: Prepared) -> None:
    """A DataFrame of ``record`` rows, as CSV text located by its index labels."""
    name = f"<{record} DataFrame>"
    columns = [str(c) for c in frame.columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    line = 2 + sum(c.count("\n") for c in columns)
    lines: Dict[int, Any] = {}
    for row in frame.itertuples(index=True, name=None):
        cells = [cell_text(v) for v in row[1:]]
        writer.writerow(cells)
        lines[line] = _plain(row[0])
        line += 1 + sum(c.count("\n") for c in cells)
    prepared.entries.append(("csv", record, name, out.getvalue().encode("utf-8")))
    prepared.frames[name] = Frame(lines, columns)


def rows_entry(record: str, rows: Sequence[Any], prepared: Prepared) -> None:
    """A list of dicts of ``record``, one JSON object a line; a row is located by position."""
    text = "".join(
        json.dumps(json_value(r), ensure_ascii=False, allow_nan=False) + "\n" for r in rows
    )
    prepared.entries.append(("jsonl", record, f"<{record} rows>", text.encode("utf-8")))


#: The format of a file object's bytes, from the extension of its name.
_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xls": "xlsx",
    ".ods": "xlsx",
}


def _is_stream(value: Any) -> bool:
    return hasattr(value, "read") and not _is_path(value)


def stream_entry(record: str, stream: Any, prepared: Prepared) -> None:
    """A file object's bytes (``open(path, "rb")``, ``io.BytesIO``) of ``record`` rows: its
    format from the extension of its ``name``, else a workbook when the bytes are one (a zip
    or an old ``.xls``), else CSV."""
    payload = stream.read()
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    name = getattr(stream, "name", None)
    name = os.path.basename(name) if isinstance(name, str) else f"<{record} bytes>"
    kind = _FORMATS.get(os.path.splitext(name)[1].lower())
    if kind is None:
        if payload[:4] == b"PK\x03\x04":
            kind = "xlsx"
        elif payload[:4] == b"\xd0\xcf\x11\xe0":
            kind, name = "xlsx", name + ".xls"
        else:
            kind = "csv"
    prepared.entries.append((kind, record, name, bytes(payload)))


def _bad(message: str, help: Optional[str] = None) -> DataError:
    return DataError(
        message,
        [Diagnostic(code="duikou::data::format", severity="error", message=message, help=help)],
    )


def _one(record: str, value: Any, prepared: Prepared) -> None:
    if _is_frame(value):
        frame_entry(record, value, prepared)
    elif _is_path(value):
        prepared.entries.append(("file", record, "", os.fsencode(value)))
    elif _is_stream(value):
        stream_entry(record, value, prepared)
    elif isinstance(value, (list, tuple)):
        rows_entry(record, value, prepared)
    else:
        raise _bad(
            f"data of `{record}` is a {type(value).__name__}",
            "give a pandas DataFrame, a list of dicts, a path or a binary file object",
        )


def _default_record(record: Optional[str], records: List[str], what: str) -> str:
    if record is not None:
        return record
    if len(records) == 1:
        return records[0]
    raise _bad(
        f"{what} has no record type",
        f"name it: `record=\"{records[0] if records else 'project'}\"`, or pass "
        f"{{\"record type\": data}}; record types are: {', '.join(records)}",
    )


def prepare(data: Any, records: List[str], record: Optional[str] = None) -> Prepared:
    """The entries for ``data``: ``None`` (each rule folder's ``data/``), a path, a dict of
    record type → DataFrame, list of dicts, path or binary file object, or a DataFrame, list of
    dicts or binary file object of ``record`` (the only record type when there is one)."""
    prepared = Prepared()
    if data is None:
        return prepared
    if _is_path(data):
        prepared.entries.append(("dir", "", "", os.fsencode(data)))
    elif isinstance(data, dict):
        for name, value in data.items():
            _one(str(name), value, prepared)
    elif _is_frame(data):
        frame_entry(_default_record(record, records, "a DataFrame"), data, prepared)
    elif _is_stream(data):
        stream_entry(_default_record(record, records, "a file object"), data, prepared)
    elif isinstance(data, (list, tuple)) and data and all(_is_path(d) for d in data):
        for d in data:
            prepared.entries.append(("dir", "", "", os.fsencode(d)))
    elif isinstance(data, (list, tuple)):
        rows_entry(_default_record(record, records, "a list of dicts"), data, prepared)
    else:
        raise _bad(
            f"cannot check data of type `{type(data).__name__}`",
            "give a path, a dict of record type → DataFrame or list of dicts, or a list of dicts",
        )
    return prepared


def _place(name: str, frame: Frame, text: str) -> str:
    """``<project DataFrame>:58:9`` in a message as ``<project DataFrame>.loc[56]``."""

    def label(m: "re.Match[str]") -> str:
        line = int(m.group(1))
        return f"{name}.loc[{frame.lines[line]!r}]" if line in frame.lines else m.group(0)

    return re.sub(re.escape(name) + r":(\d+):\d+", label, text)


def relocate(items: List[Dict[str, Any]], frames: Dict[str, Frame]) -> None:
    """Places findings and rejected rows of DataFrames by index label and column position,
    in their fields and in the text of their messages."""
    for name, frame in frames.items():
        for item in items:
            for key in ("message", "why"):
                if isinstance(item.get(key), str) and name in item[key]:
                    item[key] = _place(name, frame, item[key])
            cause = item.get("cause")
            if isinstance(cause, dict) and name in (cause.get("why") or ""):
                cause["why"] = _place(name, frame, cause["why"])
            if item.get("file") != name:
                continue
            line = item.get("line")
            if line in frame.lines:
                item["line"] = frame.lines[line]
            if "column" in item:
                f = item.get("field")
                item["column"] = frame.columns.index(f) + 1 if f in frame.columns else 0
