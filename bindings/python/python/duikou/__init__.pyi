"""Type stubs of the public ``duikou`` API."""

import datetime
import os
from typing import Any, BinaryIO, Dict, Iterable, List, Mapping, Optional, Union

import pandas as pd

from ._errors import DataError as DataError, Error as Error, RuleError as RuleError
from ._types import (
    Diagnostic as Diagnostic,
    Explanation as Explanation,
    Finding as Finding,
    Rejected as Rejected,
    RuleSummary as RuleSummary,
    Summary as Summary,
)

__version__: str

PathLike = Union[str, "os.PathLike[str]"]
#: A path, ``{record type: DataFrame | list of dicts | path}``, a DataFrame or a list of dicts.
DataArg = Union[
    None,
    PathLike,
    Mapping[str, Union[pd.DataFrame, List[Mapping[str, Any]], PathLike, BinaryIO]],
    pd.DataFrame,
    List[Mapping[str, Any]],
    BinaryIO,
]

class Report:
    summary: Summary
    findings: List[Finding]
    rejected: List[Rejected]
    receipt: Dict[str, Any]
    def to_json(self, indent: int = 2) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def to_pandas(self) -> pd.DataFrame: ...
    def rejected_to_pandas(self) -> pd.DataFrame: ...

class RecordReport:
    findings: List[Finding]
    rejected: List[Rejected]

class Rules:
    @property
    def diagnostics(self) -> List[Diagnostic]: ...
    @property
    def has_errors(self) -> bool: ...
    @property
    def records(self) -> Dict[str, Dict[str, str]]: ...
    def check(self, data: DataArg = None, *, record: Optional[str] = None) -> Report: ...
    def check_record(self, record: str, row: Mapping[str, Any]) -> RecordReport: ...
    def score(
        self,
        data: DataArg = None,
        evaluation: Optional[str] = None,
        *,
        record: Optional[str] = None,
    ) -> pd.DataFrame: ...
    def explain(
        self,
        rule: str,
        *,
        group: Optional[Mapping[str, Any]] = None,
        record: Optional[str] = None,
        data: DataArg = None,
    ) -> Explanation: ...
    def gaps(
        self, year: Optional[int] = None, *, as_of: Optional[datetime.date] = None
    ) -> List[Diagnostic]: ...
    def conflicts(self) -> List[Diagnostic]: ...

def load(path: Union[PathLike, Iterable[PathLike]] = "rules", *more: PathLike) -> Rules: ...
def from_sources(sources: Union[Mapping[str, str], Iterable[Any]]) -> Rules: ...
