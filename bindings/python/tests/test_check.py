"""Checking data given as a path, DataFrames, or lists of dicts: the same findings every way."""

import datetime
import io
import json
from decimal import Decimal

import pandas as pd
import pytest

import duikou
from duikou._report import FINDING_COLUMNS

from conftest import DATA, ROOT, place_free


RECORDS = ["plan", "project", "rating", "revenue", "transfer"]


def frames():
    return {name: pd.read_csv(DATA / f"{name}.csv") for name in RECORDS}


def test_the_shipped_data_gives_findings(csv_report):
    s = csv_report.summary
    assert s.rows_read == s.rows_checked + s.rows_rejected > 50
    assert s.files_failed == 0
    # the shipped data keeps one row with a mistake, rejected where it is
    assert [(r.code, r.row) for r in csv_report.rejected] == [("duikou::data::bad_value", True)]
    assert s.violations == sum(1 for f in csv_report.findings if f.kind == "violation") > 0
    assert {r.rule for r in s.rules} >= {"超支", "民生投入"}
    assert "rows checked" in repr(csv_report)


def test_no_data_reads_the_data_folder_beside_the_rules(rules, csv_report):
    assert rules.check().findings == csv_report.findings


def test_a_dataframe_and_the_same_csv_give_identical_findings(rules, csv_report):
    report = rules.check(frames())
    assert place_free(report.findings) == place_free(csv_report.findings)
    assert report.summary == csv_report.summary
    # the shipped data's one bad row, at CSV line 58: index label 56, named so in messages
    assert [(r.line, r.field) for r in report.rejected] == [(56, "planned")]
    assert any("<project DataFrame>.loc[56]" in (f.why or "") for f in report.findings)
    for by_frame, by_file in zip(report.findings, csv_report.findings):
        if by_file.line is not None:
            assert by_frame.file == "<project DataFrame>"
            assert by_frame.line == by_file.line - 2  # the row's index label; line 1 is the header


def test_a_dataframe_of_exact_types_gives_the_same_findings(rules, csv_report):
    project = pd.read_csv(DATA / "project.csv", dtype=str, keep_default_na=False)
    # the shipped data's bad amount `12o.50` stays text among the Decimals, and is rejected
    project["planned"] = project["planned"].map(lambda t: t if "o" in t else Decimal(t))
    project["spent"] = project["spent"].map(Decimal)
    project["year"] = project["year"].astype(int)
    project["livelihood"] = project["livelihood"] == "true"
    data = frames()
    data["project"] = project
    report = rules.check(data)
    assert place_free(report.findings) == place_free(csv_report.findings)


def test_a_list_of_dicts_gives_the_same_findings(rules, csv_report):
    data = {name: df.to_dict("records") for name, df in frames().items()}
    report = rules.check(data)
    assert place_free(report.findings) == place_free(csv_report.findings)
    located = [f for f in report.findings if f.line is not None]
    assert located and all(f.file == "<project rows>" for f in located)


def test_a_bare_list_or_frame_needs_its_record_type_when_there_are_several(rules):
    rows = pd.read_csv(DATA / "project.csv")
    with pytest.raises(duikou.DataError) as e:
        rules.check(rows.to_dict("records"))
    assert "record=" in e.value.diagnostics[0].help
    with pytest.raises(duikou.DataError):
        rules.check(rows)
    report = rules.check(rows, record="project")
    assert report.summary.rows_read == len(rows)
    listed = rules.check(rows.to_dict("records"), record="project")
    assert {f.file for f in listed.findings if f.record} == {"<project rows>"}


def test_a_cell_of_the_wrong_type_is_rejected_like_a_csv_cell_at_its_index_label(rules, tmp_path):
    project = pd.read_csv(DATA / "project.csv", dtype=str, keep_default_na=False)
    project.index = [f"row-{i}" for i in range(len(project))]
    project.loc["row-3", "planned"] = "many"
    project.loc["row-5", "year"] = "2017.5"
    report = rules.check({"project": project}, record="project")
    bad = {(r.line, r.field): r for r in report.rejected}
    assert set(bad) == {("row-3", "planned"), ("row-5", "year"), ("row-56", "planned")}
    assert report.summary.rows_rejected == 3
    assert bad["row-3", "planned"].column == list(project.columns).index("planned") + 1
    project.to_csv(tmp_path / "project.csv", index=False)
    from_file = rules.check({"project": tmp_path / "project.csv"})
    assert [(r.code, r.message, r.field) for r in from_file.rejected] == [
        (r.code, r.message, r.field) for r in report.rejected
    ]
    assert [r.line - 2 for r in from_file.rejected] == [3, 5, 56]


def test_a_numeric_dtype_for_a_text_or_money_column_is_read_exactly(rules):
    rows = [{"id": "A", "program": "援疆", "supporter": "北京市", "recipient": "和田地区",
             "year": 2017, "category": 5, "livelihood": True, "county_or_below": False,
             "planned": Decimal("100.005"), "spent": 0.1, "completed": True, "note": None}]
    report = rules.check({"project": pd.DataFrame(rows)})
    assert report.rejected == [] and report.summary.rows_checked == 1


def test_a_missing_column_raises_data_error_with_the_report(rules):
    project = pd.read_csv(DATA / "project.csv").drop(columns=["spent"])
    with pytest.raises(duikou.DataError) as e:
        rules.check({"project": project})
    assert e.value.diagnostics[0].code == "duikou::data::missing_column"
    assert isinstance(e.value.report, duikou.Report)


def test_an_unknown_record_type_raises_data_error(rules):
    with pytest.raises(duikou.DataError) as e:
        rules.check({"projects": []})
    d = e.value.diagnostics[0]
    assert d.code == "duikou::data::unbound"
    assert "project" in d.help


def test_an_unreadable_path_raises_data_error(rules, tmp_path):
    with pytest.raises(duikou.DataError) as e:
        rules.check({"project": tmp_path / "missing.csv"})
    assert e.value.diagnostics[0].code == "duikou::data::unreadable"


def test_data_of_no_known_shape_raises_data_error(rules):
    with pytest.raises(duikou.DataError):
        rules.check(42)
    with pytest.raises(duikou.DataError):
        rules.check({"project": 42})


def test_invalid_utf8_is_reported_not_raised_as_a_crash(rules, tmp_path):
    path = tmp_path / "project.csv"
    text = (DATA / "project.csv").read_bytes().replace("北京市".encode(), b"\xff\xfe", 1)
    path.write_bytes(text)
    try:
        report = rules.check({"project": path})
        codes = {r.code for r in report.rejected}
    except duikou.DataError as e:
        codes = {d.code for d in e.diagnostics}
    # read as the command line reads it: not UTF-8, so decoded as GB 18030, and its rows rejected
    assert codes and all(c.startswith("duikou::data::") for c in codes)


def test_to_pandas_has_one_row_per_finding_with_every_field(csv_report):
    df = csv_report.to_pandas()
    assert len(df) == len(csv_report.findings)
    assert list(df.columns[: len(FINDING_COLUMNS)]) == FINDING_COLUMNS
    assert {"group.supporter", "group.recipient", "group.year"} <= set(df.columns)
    as_json = json.loads(csv_report.to_json())["findings"]
    for (_, row), j in zip(df.iterrows(), as_json):
        for k in ("rule", "article", "kind", "severity", "message", "record", "file", "value"):
            assert (row[k] if not pd.isna(row[k]) else None) == j[k]
        for k, v in j["group"].items():
            assert row[f"group.{k}"] == v
    years = df["group.year"].dropna()
    # a year is an int; a plan period (`2011–2015`, of rules/funding.dk's 规划完成) stays text
    assert len(years) and all(isinstance(y, int) or "–" in y for y in years)
    assert any(isinstance(y, int) for y in years)


def test_to_json_is_the_library_report(csv_report):
    j = json.loads(csv_report.to_json())
    assert set(j) == {"summary", "findings", "rejected", "receipt"}
    assert j["summary"]["rows_checked"] == csv_report.summary.rows_checked
    assert len(j["findings"]) == len(csv_report.findings)
    assert j["receipt"]["engine"].startswith("duikou ")
    assert csv_report.to_dict() == j


def test_to_json_is_deterministic(rules):
    assert rules.check(frames()).to_json() == rules.check(frames()).to_json()


def test_group_keys_and_dates_arrive_typed():
    rules = duikou.from_sources({"d.dk": """
        record payment { id: text key, day: date time, amount: money(元) }
        rule 当日上限 { over payment per day  require sum(amount) <= 100元 }
    """})
    rows = [
        {"id": "a", "day": datetime.date(2020, 1, 2), "amount": Decimal("60")},
        {"id": "b", "day": datetime.date(2020, 1, 2), "amount": Decimal("40.01")},
        {"id": "c", "day": datetime.date(2020, 1, 3), "amount": Decimal("100")},
    ]
    report = rules.check(rows)
    assert [f.group for f in report.findings] == [{"day": datetime.date(2020, 1, 2)}]
    assert report.to_pandas()["group.day"][0] == datetime.date(2020, 1, 2)
    # a float never passes through: 40.01 + 60 is 100.01 exactly, over 100
    assert report.findings[0].value is not None and "100.01" in report.findings[0].value


def test_check_record_is_the_fast_path(rules):
    row = pd.read_csv(DATA / "project.csv").to_dict("records")[0]
    one = rules.check_record("project", row)
    assert one.rejected == [] and "findings" in repr(one)
    bad = rules.check_record("project", dict(row, planned="many"))
    assert bad.rejected[0].field == "planned"
    with pytest.raises(duikou.DataError) as e:
        rules.check_record("projekt", row)
    assert e.value.diagnostics[0].code == "duikou::data::unbound"
    assert "project" in e.value.diagnostics[0].help


PERIODS = """
actor 江苏省 { kind: government, level: province }
record transfer { id: text key, supporter: actor, year: year time, amount: money(亿元) }
record plan { supporter: actor, year: year time, amount: money(亿元) }
rule 规划完成 {
  over transfer
  per supporter, period(year, 2011..2015, 2016..2020)
  require sum(amount) >= sum(plan.amount)
}
rule 规划进度 {
  over transfer
  per supporter, period(year, 2011..2015, 2016..2020)
  require cumulative sum(amount) >= 60% * sum(plan.amount)
}
"""


def test_a_plan_period_is_a_group_key_and_a_total_to_date_a_year():
    rules = duikou.from_sources({"periods.dk": PERIODS})
    transfers = [
        {"id": f"t{y}", "supporter": "江苏省", "year": y, "amount": Decimal("100")}
        for y in (2011, 2012, 2013)
    ]
    report = rules.check({"transfer": transfers, "plan": [{"supporter": "江苏省", "year": 2011, "amount": Decimal("500")}]})
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f.group["year"])
    assert by_rule["规划完成"] == ["2011–2015"]
    # to date: 100, 200 and 300 against 60% of 500
    assert sorted(by_rule["规划进度"]) == [2011, 2012]


def test_money_and_percent_group_keys_arrive_as_exact_decimals():
    rules = duikou.from_sources({"k.dk": """
        record grant { id: text key, ceiling: money(万元), share: percent, day: date, amount: money(元) }
        rule 同档合计 { over grant per ceiling, share, day  require sum(amount) <= 100元 }
    """})
    rows = [
        {"id": "a", "ceiling": "1234.5", "share": "12.5%", "day": "2021-03-04", "amount": "60"},
        {"id": "b", "ceiling": "1234.5", "share": "12.5%", "day": "2021-03-04", "amount": "41"},
    ]
    report = rules.check(rows)
    [finding] = report.findings
    # money in 元 and a percent as a fraction, every digit kept; a date as a date
    assert finding.group == {
        "ceiling": Decimal("12345000"),
        "share": Decimal("0.125"),
        "day": datetime.date(2021, 3, 4),
    }
    assert all(type(v) is Decimal for v in (finding.group["ceiling"], finding.group["share"]))
    frame = report.to_pandas()
    assert frame["group.ceiling"][0] == Decimal("12345000")
    assert frame["group.share"][0] == Decimal("0.125")
    assert frame["group.day"][0] == datetime.date(2021, 3, 4)
    # the JSON report keeps the command line's natural forms
    [j] = report.to_dict()["findings"]
    assert j["group"] == {"ceiling": "1,234.50万元", "share": "12.5%", "day": "2021-03-04"}


def verdicts(report):
    """What a check decided, without where: rule, kind, record, group, and the counts."""
    found = [(f.rule, f.kind, f.record, tuple(f.group.items())) for f in report.findings]
    s = report.summary
    return found, (s.rows_read, s.rows_checked, s.rows_rejected, s.files_failed), s.rules


BOOK = ROOT / "web" / "test" / "project.xlsx"  # the shipped project.csv saved as a workbook


def test_a_workbook_path_gives_the_findings_of_the_same_csv(rules, tmp_path):
    by_csv = rules.check({"project": str(DATA / "project.csv")})
    report = rules.check({"project": str(BOOK)})
    assert report.summary.rows_checked > 50
    assert verdicts(report) == verdicts(by_csv)
    # a workbook named after its record type, given on its own, and one sheet of it by name
    named = tmp_path / "project.xlsx"
    named.write_bytes(BOOK.read_bytes())
    assert verdicts(rules.check(named)) == verdicts(by_csv)
    assert verdicts(rules.check({"project": f"{BOOK}#project"})) == verdicts(by_csv)


def test_a_workbook_as_bytes_gives_the_findings_of_the_same_file(rules):
    by_csv = rules.check({"project": str(DATA / "project.csv")})
    with open(BOOK, "rb") as f:
        from_file = rules.check({"project": f})
    assert verdicts(from_file) == verdicts(by_csv)
    from_bytes = rules.check({"project": io.BytesIO(BOOK.read_bytes())})
    assert verdicts(from_bytes) == verdicts(by_csv)
    [rejected] = from_bytes.rejected
    assert (rejected.code, rejected.field, rejected.file) == (
        "duikou::data::bad_value", "planned", "<project bytes>")
    # CSV bytes are told apart from a workbook's
    csv_bytes = rules.check({"project": io.BytesIO((DATA / "project.csv").read_bytes())})
    assert verdicts(csv_bytes) == verdicts(by_csv)


def test_a_damaged_workbook_raises_data_error_with_the_cli_code(rules):
    with pytest.raises(duikou.DataError) as e:
        rules.check({"project": io.BytesIO(b"PK\x03\x04 not really a workbook")})
    assert [d.code for d in e.value.diagnostics] == ["duikou::data::format"]
    assert "cannot open the workbook" in e.value.diagnostics[0].message
