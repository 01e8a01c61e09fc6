"""Loading rules: from files and from text, with every diagnostic and its place."""

import pytest

import duikou

from conftest import RULES

BAD = """
record project { id: text key, planned: money }
rule 有计划 { over project  require planned > "many" }
"""


def test_shipped_rules_load_without_errors(rules):
    assert not rules.has_errors
    assert set(rules.records) == {"plan", "project", "rating", "revenue", "transfer"}
    assert rules.records["project"]["planned"] == "money"
    assert rules.records["project"]["year"] == "year"
    assert all(isinstance(d, duikou.Diagnostic) for d in rules.diagnostics)
    assert "record types" in repr(rules)


def test_load_takes_several_paths_and_path_objects():
    one = duikou.load([RULES / "records.dk", RULES / "actors.dk"], str(RULES / "programs.dk"))
    assert "project" in one.records


def test_a_type_error_is_a_diagnostic_with_its_place():
    rules = duikou.from_sources({"bad.dk": BAD})
    assert rules.has_errors
    d = [d for d in rules.diagnostics if d.severity == "error"][0]
    assert d.code == "duikou::type::mismatch"
    assert (d.file, d.line) == ("bad.dk", 3)
    assert d.column > 1
    assert d.kind == "diagnostic"
    assert d.short().startswith("error[duikou::type::mismatch]: bad.dk:3:")


def test_a_syntax_error_is_a_diagnostic_with_help():
    rules = duikou.from_sources([("bad.dk", "record project { id: text key")])
    codes = [d.code for d in rules.diagnostics]
    assert any(c.startswith("duikou::parse::") for c in codes), codes


def test_a_missing_path_is_a_diagnostic_not_an_exception(tmp_path):
    rules = duikou.load(tmp_path / "nowhere")
    assert rules.has_errors
    d = rules.diagnostics[0]
    assert d.code == "duikou::io::unreadable"
    assert d.file.endswith("nowhere")


def test_rules_with_errors_raise_rule_error_carrying_them():
    rules = duikou.from_sources({"bad.dk": BAD})
    for call in (
        lambda: rules.check([{"id": "A", "planned": "1"}]),
        lambda: rules.score([]),
        lambda: rules.explain("有计划", record="A", data=[]),
        lambda: rules.gaps(),
        lambda: rules.conflicts(),
        lambda: rules.check_record("project", {"id": "A"}),
    ):
        with pytest.raises(duikou.RuleError) as e:
            call()
        assert [d.code for d in e.value.diagnostics] == ["duikou::type::mismatch"]
        assert "duikou::type::mismatch" in str(e.value)


def test_from_sources_wants_text():
    with pytest.raises(TypeError):
        duikou.from_sources({"a.dk": b"bytes"})


def test_deep_nesting_is_a_diagnostic_not_a_crash():
    deep = "rule r { over project require " + "(" * 5000 + "1" + ")" * 5000 + " > 0 }"
    rules = duikou.from_sources({"deep.dk": "record project { id: text key }\n" + deep})
    assert any(d.code == "duikou::parse::nesting" for d in rules.diagnostics)


def test_a_panic_in_the_engine_reaches_python_as_an_error_not_a_crash(rules):
    from duikou import _duikou

    with pytest.raises(_duikou.NativeError) as e:
        _duikou._boundary_check()
    kind, message, help = e.value.args
    assert (kind, message) == ("internal", "internal error in duikou: boundary check")
    mapped = rules._error(kind, message, help)
    assert type(mapped) is duikou.Error and "boundary check" in str(mapped)
