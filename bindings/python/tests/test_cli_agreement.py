"""Every golden data case of the command line gives the same findings and rejected rows here."""

import json

import pytest

import duikou

from conftest import ROOT

CASES = sorted(
    p for p in (ROOT / "tests" / "data_cases").iterdir() if (p / "expected.json").exists() and not (p / "args").exists()
)
DECIDED = ("violation", "undetermined", "overridden")


def expected(case):
    found = json.loads((case / "expected.json").read_text(encoding="utf-8"))["findings"]
    findings = sorted(
        json.dumps([f["kind"], f["rule"], f["message"], f["record"], f["group"] or {}, f["value"]], ensure_ascii=False)
        for f in found
        if f["kind"] in DECIDED
    )
    rejected = sorted(
        json.dumps([f["code"], f["message"], f["location"]["file"], f["location"]["line"], f["location"]["column"], f["field"]], ensure_ascii=False)
        for f in found
        if f["kind"] == "rejected_row"
    )
    others = {f["code"] for f in found if f["kind"] == "diagnostic"}
    return findings, rejected, others


def place(rejected):
    """The file as the command line names it: `FILE#sheet` for a workbook's sheet."""
    sheet = rejected["sheet"]
    return rejected["file"] + (f"#{sheet}" if sheet else "")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_golden_data_case_agrees_with_the_command_line(case, monkeypatch):
    monkeypatch.chdir(case)
    rules = duikou.load("rules.dk")
    want_findings, want_rejected, want_others = expected(case)
    try:
        report = rules.check("data")
        raised = set()
    except duikou.DataError as e:
        report = e.report
        raised = {d.code for d in e.diagnostics}
    except duikou.RuleError as e:
        assert want_others >= {d.code for d in e.diagnostics}
        return
    j = report.to_dict()
    findings = sorted(
        json.dumps([f["kind"], f["rule"], f["message"], f["record"], f["group"], f["value"]], ensure_ascii=False)
        for f in j["findings"]
    )
    rejected = sorted(
        json.dumps([r["code"], r["message"], place(r), r["line"], r["column"], r["field"]], ensure_ascii=False)
        for r in j["rejected"]
        if r["row"]
    )
    assert findings == want_findings
    assert rejected == want_rejected
    sources = {r["code"] for r in j["rejected"] if not r["row"]} | raised
    assert sources | {d.code for d in rules.diagnostics} >= want_others
