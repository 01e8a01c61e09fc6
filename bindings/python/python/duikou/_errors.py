"""The exceptions of duikou: rules that cannot be applied, and data that cannot be used."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional

if TYPE_CHECKING:
    from ._report import Report
    from ._types import Diagnostic


class Error(Exception):
    """A duikou call that cannot give its answer.

    ``diagnostics`` lists every problem, each with its stable ``code``, ``severity``,
    ``message``, place (``file``, ``line``, ``column``) and ``help``.
    """

    def __init__(self, message: str, diagnostics: Optional[List["Diagnostic"]] = None):
        self.diagnostics: List["Diagnostic"] = list(diagnostics or [])
        lines = [message]
        for d in self.diagnostics[:10]:
            lines.append("  " + d.short())
        if len(self.diagnostics) > 10:
            lines.append(f"  … and {len(self.diagnostics) - 10} more")
        super().__init__("\n".join(lines))
        self.message = message


class RuleError(Error):
    """The rules have errors (or do not declare what was asked for), so they cannot be applied."""


class DataError(Error):
    """Data that cannot be used: unreadable, of no declared record type, or of the wrong shape.

    When a check ran, ``report`` holds what it found in the rest of the data.
    """

    def __init__(
        self,
        message: str,
        diagnostics: Optional[List["Diagnostic"]] = None,
        report: Optional["Report"] = None,
    ):
        super().__init__(message, diagnostics)
        self.report = report
