"""Scores as a DataFrame: exact decimals, the same numbers, grades and ranks as the command line."""

import datetime
import json
from decimal import Decimal

import pandas as pd
import pytest

import duikou

from conftest import DATA, SCORE_CASES


def case(name):
    rules = duikou.load(SCORE_CASES / name / "rules.dk")
    expected = json.loads((SCORE_CASES / name / "expected.json").read_text(encoding="utf-8"))
    return rules, SCORE_CASES / name / "data", expected


def two(d):
    return None if d is None else float(round(d, 2))


@pytest.mark.parametrize("name", ["rank_ties", "rated_missing", "ratio_of_sums", "clamp_bounds"])
def test_scores_agree_with_the_command_line_golden_cases(name):
    rules, data, expected = case(name)
    df = rules.score(data, expected["evaluation"])
    assert df.attrs["evaluation"] == expected["evaluation"]
    assert len(df) == len(expected["rows"])
    for (_, row), want in zip(df.iterrows(), expected["rows"]):
        for key, value in want["group"].items():
            assert row[key] == value
        for name_, ind in want["indicators"].items():
            attainment = row[f"{name_} attainment"]
            assert two(attainment) == ind["attainment"]
            assert (row[f"{name_} value"] is None) == (ind["value"] is None)
        assert two(row["score"]) == want["score"]
        assert row["grade"] == want["grade"]
        assert row["rank"] == want["rank"]
    assert len(df.attrs["undetermined"]) == len(expected["findings"])


def test_score_values_are_exact_decimals():
    rules, data, _ = case("rank_ties")
    df = rules.score(data)
    assert list(df.columns) == ["supporter", "recipient", "year", "完成率 value", "完成率 attainment", "score", "grade", "rank"]
    assert df["完成率 value"][0] == Decimal("0.9")  # a percent, as a fraction
    assert isinstance(df["score"][0], Decimal)
    assert df["score"].tolist() == [Decimal(90), Decimal(80), Decimal(80), Decimal(60)]
    assert df["rank"].tolist() == [1, 2, 2, 4]
    assert isinstance(df["year"][0], int)


def test_the_shipped_evaluation_scores_a_dataframe_as_its_csv(rules):
    by_file = rules.score(DATA)
    by_frame = rules.score({"project": pd.read_csv(DATA / "project.csv"), "rating": pd.read_csv(DATA / "rating.csv")})
    assert by_file.equals(by_frame)
    assert by_file.attrs["evaluation"] == "援疆考核"
    scored = by_file["score"].dropna()
    assert len(scored) and all(Decimal(0) <= s <= Decimal(100) for s in scored)


def test_an_unknown_evaluation_raises_rule_error_with_a_suggestion(rules):
    with pytest.raises(duikou.RuleError) as e:
        rules.score(DATA, "援疆考")
    d = e.value.diagnostics[0]
    assert d.code == "duikou::name::unknown_evaluation"
    assert "援疆考核" in d.help


def test_rules_without_evaluations_raise_rule_error():
    rules = duikou.from_sources({"r.dk": "record project { id: text key }"})
    with pytest.raises(duikou.RuleError) as e:
        rules.score([])
    assert "no evaluation" in e.value.message


def test_rejected_rows_of_a_score_are_in_attrs(rules):
    project = pd.read_csv(DATA / "project.csv", dtype=str, keep_default_na=False)
    project.loc[2, "spent"] = "lots"
    df = rules.score({"project": project, "rating": DATA / "rating.csv"})
    rejected = df.attrs["rejected"]
    assert [(r.line, r.field, r.code) for r in rejected] == [
        (2, "spent", "duikou::data::bad_value"),
        (56, "planned", "duikou::data::bad_value"),
    ]


def test_score_of_unusable_data_raises_data_error(rules):
    with pytest.raises(duikou.DataError):
        rules.score({"project": pd.DataFrame({"id": ["a"]})})


def test_money_percent_and_date_group_keys_of_a_score_are_exact():
    rules = duikou.from_sources({"e.dk": """
        record grant { id: text key, ceiling: money(万元), share: percent, day: date, planned: money(万元), spent: money(万元) }
        evaluation 执行 {
          over grant
          per ceiling, share, day
          indicator 完成率 { kind: social, weight: 100%, target: >= 100%,
                             value: sum(spent) / sum(planned) }
          grade { A: 90, B: 0 }
        }
    """})
    rows = [
        {"id": "a", "ceiling": "1234.5", "share": "12.5%", "day": "2021-03-04", "planned": "10", "spent": "9"},
        {"id": "b", "ceiling": "0.01", "share": "100%", "day": "2021-03-05", "planned": "10", "spent": "5"},
    ]
    df = rules.score(rows).sort_values("day", key=lambda c: c.map(str))
    assert list(df.columns[:3]) == ["ceiling", "share", "day"]
    assert df["ceiling"].tolist() == [Decimal("12345000"), Decimal("100")]
    assert df["share"].tolist() == [Decimal("0.125"), Decimal("1")]
    assert df["day"].tolist() == [datetime.date(2021, 3, 4), datetime.date(2021, 3, 5)]
    assert all(type(v) is Decimal for v in df["ceiling"].tolist() + df["share"].tolist())
    assert all(type(v) is datetime.date for v in df["day"])
