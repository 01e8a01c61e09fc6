"""A loaded rule set and everything that can be asked of it."""

from __future__ import annotations

import datetime
import json
import os
from decimal import Decimal
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Union

from . import _duikou
from ._data import Prepared, cell_text, prepare, relocate
from ._errors import DataError, Error, RuleError
from ._report import Report
from ._types import Diagnostic, Explanation, Finding, Rejected, exact, typed

PathLike = Union[str, "os.PathLike[str]"]

_RULE_CODES = {
    "unknown_rule": "duikou::name::unknown_rule",
    "unknown_evaluation": "duikou::name::unknown_evaluation",
}
_DATA_CODES = {
    "unknown_record": "duikou::data::unbound",
    "not_json": "duikou::data::bad_row",
}


def _answer(text: str) -> Any:
    return json.loads(text, parse_float=Decimal)


class Rules:
    """Rule files, parsed and checked once, then applied to data as often as needed.

    Made by :func:`duikou.load` or :func:`duikou.from_sources`; loading never raises: every
    problem is in :attr:`diagnostics`. A call that needs rules without errors raises
    :class:`RuleError` carrying them.
    """

    def __init__(self, native: "_duikou.NativeRules"):
        self._native = native
        self._records: Optional[List[Dict[str, Any]]] = None

    def _call(self, method: Callable[..., str], *args: Any) -> Any:
        try:
            return _answer(method(*args))
        except _duikou.NativeError as e:
            kind, message, help = e.args
            raise self._error(kind, message, help) from None

    def _error(self, kind: str, message: str, help: Optional[str]) -> Error:
        if kind == "rules":
            errors = [d for d in self.diagnostics if d.severity == "error"]
            return RuleError(message, errors)
        code = _RULE_CODES.get(kind) or _DATA_CODES.get(kind)
        one = [Diagnostic(code=code, severity="error", message=message, help=help)]
        if kind in _RULE_CODES:
            return RuleError(message, one)
        if kind == "internal":
            return Error(message, one)
        return DataError(message, one)

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """Every problem found in the rule files, in the order found, as the command line
        reports them: code, severity, message, file, line, column, help."""
        return [Diagnostic.from_json(d) for d in self._call(self._native.diagnostics)]

    @property
    def has_errors(self) -> bool:
        """Whether a diagnostic is an error, so the rules cannot be applied to data."""
        return self._native.has_errors()

    @property
    def records(self) -> Dict[str, Dict[str, str]]:
        """Each record type and its fields' types: ``{"project": {"id": "text", …}}``."""
        if self._records is None:
            self._records = self._call(self._native.records)
        return {r["name"]: {f["name"]: f["type"] for f in r["fields"]} for r in self._records}

    def _prepare(self, data: Any, record: Optional[str]) -> Prepared:
        return prepare(data, list(self.records), record)

    def check(self, data: Any = None, *, record: Optional[str] = None) -> Report:
        """Checks ``data`` against every rule and returns the :class:`Report`.

        ``data`` is a path (a folder of ``NAME.csv|json|jsonl|xlsx`` files, or one file named
        after its record type, a workbook with ``#sheet`` for a sheet), a dict of record type →
        pandas DataFrame, list of dicts, path or binary file object (``open("book.xlsx",
        "rb")``, ``io.BytesIO``: CSV, JSON, JSON Lines or a workbook, told by its name or its
        bytes), or a DataFrame, list of dicts or file object of ``record`` (needed when the
        rules declare more than one record type). ``None`` reads the ``data/`` folder beside the rules.

        Rejected rows are in ``report.rejected``; data that cannot be used at all (unreadable,
        of no declared record type, missing a column) raises :class:`DataError`, whose
        ``report`` holds what the rest of the data gave.
        """
        prepared = self._prepare(data, record)
        answer = self._call(self._native.check, prepared.entries)
        report = Report(
            answer["report"], answer["key_types"], prepared.frames, answer.get("group_exact")
        )
        _raise_unusable(report.rejected, report)
        return report

    def check_record(self, record: str, row: Mapping[str, Any]) -> "RecordReport":
        """Checks one record (a dict) against the record-level rules, without threads or
        tables: the fast path for a form checked as it is filled in."""
        from ._data import json_value

        text = json.dumps(json_value(dict(row)), ensure_ascii=False)
        answer = self._call(self._native.check_record, record, text)
        return RecordReport(
            findings=[Finding.from_json(f, {}) for f in answer["findings"]],
            rejected=[Rejected(**r) for r in answer["rejected"]],
        )

    def score(
        self,
        data: Any = None,
        evaluation: Optional[str] = None,
        *,
        record: Optional[str] = None,
    ) -> Any:
        """Scores the groups of ``evaluation`` (the first declared when ``None``) on ``data``
        (as for :meth:`check`) and returns a pandas DataFrame in rank order.

        Columns: the group keys, then per indicator ``<name> value`` and ``<name> attainment``
        (exact ``Decimal``: percent as a fraction, money in 元, attainment 0–100), then
        ``score``, ``grade`` and ``rank``. An undetermined value is ``None``, and so is the
        group's score, grade and rank. Columns hold Python values (``object`` dtype). ``df.attrs`` holds ``evaluation``, ``undetermined`` (why, per group and
        indicator) and ``rejected``.
        """
        import pandas as pd

        prepared = self._prepare(data, record)
        answer = self._call(self._native.score, prepared.entries, evaluation)
        relocate(answer["rejected"], prepared.frames)
        rejected = [Rejected(**r) for r in answer["rejected"]]
        _raise_unusable(rejected, None)
        types = answer["key_types"]
        keys = [k for k, _ in answer["rows"][0]["group"]] if answer["rows"] else list(types)
        columns = list(keys)
        for name in answer["indicators"]:
            columns += [f"{name} value", f"{name} attainment"]
        columns += ["score", "grade", "rank"]
        rows, undetermined = [], []
        for r in answer["rows"]:
            row = [typed(v, types.get(k)) for k, v in r["group"]]
            for s in r["indicators"]:
                row += [exact(s["value"]), exact(s["attainment"])]
                if s["why"] is not None:
                    undetermined.append({"group": dict(zip(keys, row)), "indicator": s["name"], "why": s["why"]})
            row += [exact(r["score"]), r["grade"], r["rank"]]
            rows.append(row)
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        frame.attrs.update(
            evaluation=answer["evaluation"], undetermined=undetermined, rejected=rejected
        )
        return frame

    def explain(
        self,
        rule: str,
        *,
        group: Optional[Mapping[str, Any]] = None,
        record: Optional[str] = None,
        data: Any = None,
    ) -> Explanation:
        """Explains ``rule`` for one group (its ``per`` keys: ``{"supporter": "河北省",
        "recipient": "巴州", "year": 2017}``) or one record (its key), step by step, on
        ``data`` (as for :meth:`check`). Its outcome is the finding :meth:`check` gives."""
        if (group is None) == (record is None):
            raise TypeError("explain takes either group= or record=")
        keys = None if group is None else [(str(k), cell_text(v)) for k, v in group.items()]
        prepared = self._prepare(data, None)
        answer = self._call(self._native.explain, rule, prepared.entries, keys, record)
        finding = answer["finding"]
        if finding is not None:
            relocate([finding], prepared.frames)
            finding = Finding.from_json(finding, answer["key_types"])
        return Explanation(text=answer["text"], finding=finding)

    def gaps(
        self, year: Optional[int] = None, *, as_of: Optional[datetime.date] = None
    ) -> List[Diagnostic]:
        """Responsibility gaps (codes ``G001``–``G009``) in ``year``, on the day ``as_of``, or
        in every year; each with the ``years`` concerned."""
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise TypeError(f"year must be an int, not {type(year).__name__}")
        if as_of is not None and not isinstance(as_of, datetime.date):
            raise TypeError(f"as_of must be a datetime.date, not {type(as_of).__name__}")
        day = None if as_of is None else cell_text(as_of)[:10]
        return [Diagnostic.from_json(d) for d in self._call(self._native.gaps, year, day)]

    def conflicts(self) -> List[Diagnostic]:
        """Conflicts between the rules (codes ``C001``–``C006``), each with the provision that
        prevails and why (``resolution``) and a ``test`` block that shows the clash
        (``witness``)."""
        return [Diagnostic.from_json(d) for d in self._call(self._native.conflicts)]

    def __repr__(self) -> str:
        d = self.diagnostics
        errors = sum(1 for x in d if x.severity == "error")
        return f"<duikou.Rules: {len(self.records)} record types, {errors} errors, {len(d) - errors} other diagnostics>"


class RecordReport:
    """What the record-level rules found in one record, or why it was rejected."""

    def __init__(self, findings: List[Finding], rejected: List[Rejected]):
        self.findings = findings
        self.rejected = rejected

    def __repr__(self) -> str:
        return f"<duikou.RecordReport: {len(self.findings)} findings, {len(self.rejected)} rejected>"


def _raise_unusable(rejected: List[Rejected], report: Optional[Report]) -> None:
    unusable = [r for r in rejected if not r.row and r.severity == "error"]
    if unusable:
        raise DataError(
            "the data could not be used: " + unusable[0].message,
            [r.diagnostic() for r in unusable],
            report,
        )


def _paths(path: Union[PathLike, Iterable[PathLike]]) -> List[bytes]:
    if isinstance(path, (str, bytes, os.PathLike)):
        return [os.fsencode(path)]
    return [os.fsencode(p) for p in path]


def load(path: Union[PathLike, Iterable[PathLike]] = "rules", *more: PathLike) -> Rules:
    """Loads ``.dk`` rule files and folders (searched recursively). Never raises for bad
    rules: see :attr:`Rules.diagnostics`. Their ``data/`` folders are the default data."""
    paths = _paths(path) + [os.fsencode(p) for p in more]
    try:
        return Rules(_duikou.NativeRules.load(paths))
    except _duikou.NativeError as e:
        raise Error(e.args[1]) from None


def from_sources(sources: Union[Mapping[str, str], Iterable[Any]]) -> Rules:
    """Builds rules from text in memory: ``{"file name.dk": "rule text", …}`` (or pairs)."""
    pairs = list(sources.items()) if isinstance(sources, Mapping) else list(sources)
    for name, text in pairs:
        if not isinstance(name, str) or not isinstance(text, str):
            raise TypeError("from_sources takes {file name: rule text}, both str")
    try:
        return Rules(_duikou.NativeRules.from_sources(pairs))
    except _duikou.NativeError as e:
        raise Error(e.args[1]) from None
