"""The READMEs' Python examples run, and print what they show."""

import doctest

import pytest

from conftest import ROOT


def section(path, start=None, end=None):
    text = path.read_text(encoding="utf-8")
    if start is not None:
        text = text[text.index(start) : text.index(end)]
    return text


@pytest.mark.parametrize(
    "name,text",
    [
        ("bindings/python/README.md", lambda: section(ROOT / "bindings" / "python" / "README.md")),
        ("README.md", lambda: section(ROOT / "README.md", "## In Python", "## Layout")),
    ],
)
def test_the_readme_examples_print_what_they_show(monkeypatch, name, text):
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(text(), {}, name, name, 0)
    assert len(test.examples) >= 5
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.REPORT_NDIFF
    )
    report = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
