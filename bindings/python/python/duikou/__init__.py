"""duikou (对口): the counterpart-support rules engine, in Python.

>>> import duikou
>>> rules = duikou.load("rules/")              # rule files; problems in rules.diagnostics
>>> report = rules.check("rules/data/")        # or {"project": DataFrame}, or a list of dicts
>>> report.summary.rows_checked, len(report.findings)
>>> report.to_pandas()                         # one row per finding
>>> rules.score()                              # a DataFrame of scores, grades and ranks

Money, percent and decimal values are ``decimal.Decimal``, dates ``datetime.date``. Problems
raise :class:`RuleError` or :class:`DataError`, both carrying ``diagnostics``.
"""

from ._duikou import __version__
from ._errors import DataError, Error, RuleError
from ._report import Report
from ._rules import RecordReport, Rules, from_sources, load
from ._types import Diagnostic, Explanation, Finding, Rejected, RuleSummary, Summary

__all__ = [
    "DataError",
    "Diagnostic",
    "Error",
    "Explanation",
    "Finding",
    "RecordReport",
    "Rejected",
    "Report",
    "RuleError",
    "RuleSummary",
    "Rules",
    "Summary",
    "__version__",
    "from_sources",
    "load",
]
