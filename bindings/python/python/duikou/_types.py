"""Typed values of duikou answers: diagnostics, findings, rejected rows and summaries.

Values keep their exact type: money, percent and decimal values are ``decimal.Decimal``,
dates are ``datetime.date``, years and integers are ``int``.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

_DECIMAL_TYPES = ("decimal", "percent", "money")


def typed(value: Any, type_name: Optional[str]) -> Any:
    """A JSON value of a duikou type as its exact Python value."""
    if value is None:
        return None
    if type_name == "date" and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    if type_name in ("year", "int") and isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return value
    if type_name in _DECIMAL_TYPES and isinstance(value, (int, str)):
        try:
            return decimal.Decimal(value)
        except decimal.InvalidOperation:
            return value
    return value


def exact(text: Optional[str]) -> Optional[decimal.Decimal]:
    """An exact decimal string as a ``Decimal``."""
    return None if text is None else decimal.Decimal(text)


@dataclass(frozen=True)
class Diagnostic:
    """A problem in the rule files, a responsibility gap or a conflict, as the command line reports it.

    ``kind`` is ``diagnostic``, ``gap`` or ``conflict``; ``code`` is stable
    (``duikou::type::mismatch``, ``G001``, ``C001`` …). ``file``, ``line`` and ``column`` are
    1-based (0 when the problem concerns a whole file); ``years``, ``resolution`` and
    ``witness`` are set for gaps and conflicts.
    """

    code: Optional[str]
    severity: str
    message: str
    file: Optional[str] = None
    line: Optional[Any] = None
    column: Optional[int] = None
    help: Optional[str] = None
    kind: str = "diagnostic"
    related: List[Dict[str, Any]] = field(default_factory=list)
    years: Optional[Any] = None
    resolution: Optional[Dict[str, Any]] = None
    witness: Optional[str] = None
    field: Optional[str] = None

    @classmethod
    def from_json(cls, j: Dict[str, Any]) -> "Diagnostic":
        loc = j.get("location") or {}
        return cls(
            code=j.get("code"),
            severity=j["severity"],
            message=j["message"],
            file=loc.get("file"),
            line=loc.get("line"),
            column=loc.get("column"),
            help=j.get("help"),
            kind=j.get("kind", "diagnostic"),
            related=list(j.get("related") or []),
            years=j.get("years"),
            resolution=j.get("resolution"),
            witness=j.get("witness"),
        )

    def short(self) -> str:
        """``severity[code]: file:line:column: message``, as ``duikou check --format short``."""
        place = ""
        if self.file is not None:
            place = f"{self.file}:{self.line}:{self.column}: "
        code = f"[{self.code}]" if self.code else ""
        return f"{self.severity}{code}: {place}{self.message}"


@dataclass(frozen=True)
class Rejected:
    """A rejected row, or data that could not be read or bound.

    ``line`` is the 1-based line of a file, the 1-based position of a row in a list of dicts,
    or the index label of a DataFrame row; 0 for the data as a whole.
    """

    code: str
    severity: str
    message: str
    help: Optional[str]
    file: str
    sheet: Optional[str]
    line: Any
    column: int
    field: Optional[str]
    row: bool

    def diagnostic(self) -> Diagnostic:
        """The same problem as a :class:`Diagnostic`."""
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            message=self.message,
            file=self.file,
            line=self.line,
            column=self.column,
            help=self.help,
            kind="diagnostic",
            field=self.field,
        )


@dataclass(frozen=True)
class Finding:
    """A record or group that a rule does not accept, or cannot decide.

    ``kind`` is ``violation``, ``undetermined`` or ``overridden``. ``cause`` is ``undetermined``
    (with ``why``) or ``yields`` (with ``winner`` and ``reason``) when the finding is not a
    plain violation. A group rule's finding has ``group`` (each ``per`` key and its typed
    value); a record rule's has ``record``, ``file`` and ``line``.
    """

    rule: str
    article: Optional[str]
    kind: str
    severity: str
    message: str
    cause: Optional[str]
    why: Optional[str]
    winner: Optional[str]
    reason: Optional[str]
    group: Dict[str, Any]
    record: Optional[str]
    file: Optional[str]
    line: Any
    value: Optional[str]

    @classmethod
    def from_json(
        cls,
        j: Dict[str, Any],
        key_types: Dict[str, Dict[str, str]],
        exact: Optional[Dict[str, Any]] = None,
    ) -> "Finding":
        """A finding from its JSON; ``exact`` gives its group keys with every digit (money in
        元, a percent as a fraction), which become ``Decimal``."""
        cause = j.get("cause") or {}
        types = key_types.get(j["rule"], {})
        group = dict(j.get("group") or {})
        for k, v in (exact or {}).items():
            if types.get(k) in _DECIMAL_TYPES:
                group[k] = v
        return cls(
            rule=j["rule"],
            article=j.get("article"),
            kind=j["kind"],
            severity=j["severity"],
            message=j["message"],
            cause=cause.get("cause"),
            why=cause.get("why"),
            winner=cause.get("winner"),
            reason=cause.get("reason"),
            group={k: typed(v, types.get(k)) for k, v in group.items()},
            record=j.get("record"),
            file=j.get("file"),
            line=j.get("line"),
            value=j.get("value"),
        )


@dataclass(frozen=True)
class RuleSummary:
    """What one rule did with the data."""

    rule: str
    article: Optional[str]
    checked: int
    passed: int
    violations: int
    undetermined: int
    exempted: int
    not_in_force: int
    overridden: int


@dataclass(frozen=True)
class Summary:
    """The counts of a check: rows read, checked and rejected, sources that failed, and per rule."""

    rows_read: int
    rows_checked: int
    rows_rejected: int
    files_failed: int
    rules: List[RuleSummary]

    @classmethod
    def from_json(cls, j: Dict[str, Any]) -> "Summary":
        return cls(
            rows_read=j["rows_read"],
            rows_checked=j["rows_checked"],
            rows_rejected=j["rows_rejected"],
            files_failed=j["files_failed"],
            rules=[RuleSummary(**r) for r in j["rules"]],
        )

    @property
    def violations(self) -> int:
        """Violations of every rule."""
        return sum(r.violations for r in self.rules)


@dataclass(frozen=True)
class Explanation:
    """One rule's computation for one group or record.

    ``finding`` is what :meth:`Rules.check` decided for it (``None`` when the rule passed,
    exempted it or does not apply); ``text`` shows each step. ``print(explanation)`` shows it.
    """

    text: str
    finding: Optional[Finding]

    def __str__(self) -> str:
        return self.text

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(self.text)
