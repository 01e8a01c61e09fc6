"""The package README's notebook tour runs, and prints what the README shows."""

import doctest

from conftest import ROOT

README = ROOT / "bindings" / "python" / "README.md"


def test_the_readme_tour_prints_what_it_shows(monkeypatch):
    monkeypatch.chdir(ROOT)
    text = README.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "README.md", str(README), 0)
    assert len(test.examples) > 20
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.REPORT_NDIFF
    )
    report = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
