"""Shared fixtures: the project's shipped rules and data."""

import re
from pathlib import Path

import pytest

import duikou

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "rules"
DATA = RULES / "data"
SCORE_CASES = ROOT / "tests" / "score_cases"


@pytest.fixture(scope="session")
def rules():
    loaded = duikou.load(RULES)
    assert not loaded.has_errors, [d.short() for d in loaded.diagnostics]
    return loaded


@pytest.fixture(scope="session")
def csv_report(rules):
    return rules.check(DATA)


PLACE = re.compile(r"<\w+ (?:DataFrame|rows)>(?:\.loc\[[^\]]*\]|:\d+:\d+)|\S+:\d+:\d+")


def unplaced(text):
    return None if text is None else PLACE.sub("<place>", text)


def place_free(findings):
    """Findings without their place, which differs between a file and a DataFrame."""
    return [
        (f.rule, f.kind, f.severity, unplaced(f.message), f.cause, unplaced(f.why), f.winner,
         f.record, f.value, tuple(f.group.items()))
        for f in findings
    ]
