"""Explanations agree with check; gaps and conflicts come as diagnostics with their codes."""

import datetime

import pytest

import duikou

from conftest import DATA, ROOT


def test_explain_gives_the_finding_check_gave_for_a_record(rules, csv_report):
    f = next(f for f in csv_report.findings if f.record is not None)
    explained = rules.explain(f.rule, record=f.record)
    assert explained.finding == f
    assert f.rule in str(explained)


def test_explain_gives_the_finding_check_gave_for_a_group(rules, csv_report):
    groups = [f for f in csv_report.findings if f.group]
    assert groups
    for f in groups[:5]:
        explained = rules.explain(f.rule, group=f.group, data=DATA)
        assert explained.finding == f


def test_explain_an_unknown_rule_raises_rule_error_with_a_suggestion(rules):
    with pytest.raises(duikou.RuleError) as e:
        rules.explain("超 支", record="XJ2017-001")
    d = e.value.diagnostics[0]
    assert d.code == "duikou::name::unknown_rule"
    assert "超支" in d.help


def test_explain_a_missing_record_raises_data_error(rules):
    with pytest.raises(duikou.DataError) as e:
        rules.explain("超支", record="XJ1999-999")
    assert "XJ1999-999" in e.value.message


def test_explain_wants_a_group_or_a_record(rules):
    with pytest.raises(TypeError):
        rules.explain("超支")
    with pytest.raises(TypeError):
        rules.explain("超支", group={"year": 2017}, record="x")


def test_gaps_are_diagnostics_with_codes_and_years(rules):
    gaps = rules.gaps()
    assert all(g.kind == "gap" and g.code.startswith("G") for g in gaps)
    in_2017 = rules.gaps(2017)
    assert len(in_2017) <= len(gaps)
    assert rules.gaps(as_of=datetime.date(2017, 6, 1)) is not None


def test_gaps_agree_with_the_command_line_golden_case():
    rules = duikou.load(ROOT / "tests" / "cases" / "gaps" / "unheld_partial.dk")
    gaps = rules.gaps()
    assert [g.code for g in gaps] == ["G001", "G006", "G008"]
    g = gaps[0]
    assert (g.severity, g.line, g.column) == ("error", 9, 9)
    assert g.message == "no one holds `总体规划` on the central side of program 援疆 in 2020–2030"
    assert g.help.startswith("assign it in the document responsible")
    assert g.years and g.related
    assert rules.gaps(2015) == []
    assert [g.code for g in rules.gaps(2021)] == ["G001", "G008"]
    assert rules.gaps(as_of=datetime.date(2019, 12, 31)) == []


def test_gaps_check_their_arguments(rules):
    with pytest.raises(TypeError):
        rules.gaps("2017")
    with pytest.raises(TypeError):
        rules.gaps(as_of="2017-01-01")


def test_conflicts_carry_resolution_and_witness(rules):
    conflicts = rules.conflicts()
    assert conflicts
    assert all(c.kind == "conflict" and c.code.startswith("C") for c in conflicts)
    resolved = [c for c in conflicts if c.resolution]
    assert resolved
    assert any(c.witness and "test" in c.witness for c in conflicts)
