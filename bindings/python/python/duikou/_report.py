"""The report of a check: summary, findings, rejected rows and receipt, as objects, a
DataFrame or JSON."""

from __future__ import annotations

import datetime
import decimal
import json
from typing import Any, Dict, List, Optional

from ._data import Frame, relocate
from ._types import Finding, Rejected, Summary

#: The columns of :meth:`Report.to_pandas` before the group keys.
FINDING_COLUMNS = [
    "rule",
    "article",
    "kind",
    "severity",
    "message",
    "cause",
    "why",
    "winner",
    "reason",
    "record",
    "file",
    "line",
    "value",
]


def json_default(value: Any) -> Any:
    """JSON for what ``json`` cannot write: exact decimals and dates as text."""
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


class Report:
    """Everything a check of data found.

    ``summary`` counts rows and, per rule, its outcomes; ``findings`` lists every violation,
    undetermined and overridden case (rules in declaration order, records in data order,
    groups in key order); ``rejected`` lists rows that were rejected, each where it is;
    ``receipt`` names the engine and each data source's SHA-256.
    """

    def __init__(
        self,
        raw: Dict[str, Any],
        key_types: Dict[str, Dict[str, str]],
        frames: Dict[str, Frame],
        group_exact: Optional[List[Dict[str, Any]]] = None,
    ):
        relocate(raw["findings"], frames)
        relocate(raw["rejected"], frames)
        self._raw = raw
        self.summary: Summary = Summary.from_json(raw["summary"])
        exact = group_exact or [{} for _ in raw["findings"]]
        self.findings: List[Finding] = [
            Finding.from_json(f, key_types, e) for f, e in zip(raw["findings"], exact)
        ]
        self.rejected: List[Rejected] = [Rejected(**r) for r in raw["rejected"]]
        self.receipt: Dict[str, Any] = raw["receipt"]

    def to_json(self, indent: int = 2) -> str:
        """The report as JSON: ``summary``, ``findings``, ``rejected`` and ``receipt``."""
        return json.dumps(self._raw, ensure_ascii=False, indent=indent, default=json_default)

    def to_dict(self) -> Dict[str, Any]:
        """The report as JSON values."""
        return json.loads(self.to_json())

    def to_pandas(self) -> Any:
        """One row per finding with every field of its JSON, the cause spread over ``cause``,
        ``why``, ``winner`` and ``reason``, and each group key in a column ``group.<key>``.
        Columns hold Python values of their exact types (``object`` dtype): a year stays an
        ``int`` beside a missing value, a date a ``datetime.date``."""
        import pandas as pd

        keys: List[str] = []
        for f in self.findings:
            keys.extend(k for k in f.group if k not in keys)
        rows = []
        for f in self.findings:
            row = [getattr(f, c) for c in FINDING_COLUMNS]
            row.extend(f.group.get(k) for k in keys)
            rows.append(row)
        columns = FINDING_COLUMNS + [f"group.{k}" for k in keys]
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def rejected_to_pandas(self) -> Any:
        """One row per rejected row or unusable source."""
        import pandas as pd

        columns = list(Rejected.__dataclass_fields__)
        rows = [[getattr(r, c) for c in columns] for r in self.rejected]
        return pd.DataFrame(rows, columns=columns, dtype=object)

    def __repr__(self) -> str:
        s = self.summary
        return (
            f"<duikou.Report: {s.rows_checked} of {s.rows_read} rows checked, "
            f"{len(self.findings)} findings, {s.rows_rejected} rows rejected>"
        )
