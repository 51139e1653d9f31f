import io

from hooks.diagnostics import Diagnostic, Diagnostics, position, project_path


def test_format_puts_place_severity_message_and_rule_on_one_line_and_hint_below():
    diagnostic = Diagnostic(
        "docs/a.md",
        14,
        5,
        "error",
        "citation-unknown",
        "unknown citation key 'nass2008'",
        "did you mean 'nass2008effects'?",
    )
    assert diagnostic.format() == (
        "docs/a.md:14:5: error: unknown citation key 'nass2008' [citation-unknown]\n"
        "  hint: did you mean 'nass2008effects'?"
    )


def test_format_without_hint_is_a_single_line():
    assert Diagnostic("x.md", 1, 1, "warning", "r", "m").format() == "x.md:1:1: warning: m [r]"


def test_github_annotation_escapes_data_and_properties():
    diagnostic = Diagnostic("docs/a,b.md", 3, 7, "error", "link-missing", "100% wrong\nreally", "fix: it")
    assert diagnostic.github_annotation() == (
        "::error file=docs/a%2Cb.md,line=3,col=7,title=link-missing::100%25 wrong%0Areally (fix: it)"
    )


def test_report_sorts_by_place_drops_duplicates_and_summarises():
    report = Diagnostics()
    report.error("b.md", 2, 1, "r", "second")
    report.error("a.md", 9, 1, "r", "first")
    report.error("b.md", 2, 1, "r", "second")
    report.warning("a.md", 10, 3, "w", "third")
    stream = io.StringIO()
    report.report(stream)
    assert stream.getvalue().splitlines() == [
        "a.md:9:1: error: first [r]",
        "a.md:10:3: warning: third [w]",
        "b.md:2:1: error: second [r]",
        "2 errors and 1 warning found by the handbook's checks",
    ]


def test_report_adds_annotations_only_for_github_actions():
    report = Diagnostics()
    report.error("a.md", 1, 2, "r", "m")
    plain, annotated = io.StringIO(), io.StringIO()
    report.report(plain)
    report.report(annotated, github_actions=True)
    assert "::error" not in plain.getvalue()
    assert "::error file=a.md,line=1,col=2,title=r::m" in annotated.getvalue().splitlines()


def test_report_of_nothing_prints_nothing():
    stream = io.StringIO()
    Diagnostics().report(stream)
    assert stream.getvalue() == ""


def test_warnings_fail_only_strict_builds_and_errors_always_fail():
    warnings_only = Diagnostics()
    warnings_only.warning("a.md", 1, 1, "w", "m")
    assert warnings_only.fails(strict=True)
    assert not warnings_only.fails(strict=False)
    errors = Diagnostics()
    errors.error("a.md", 1, 1, "e", "m")
    assert errors.fails(strict=False)
    assert not Diagnostics().fails(strict=True)


def test_clear_empties_the_collection():
    report = Diagnostics()
    report.error("a.md", 1, 1, "e", "m")
    report.clear()
    assert len(report) == 0


def test_position_counts_lines_and_columns_from_one():
    text = "first\nsecond line\nthird"
    assert position(text, 0) == (1, 1)
    assert position(text, text.index("line")) == (2, 8)
    assert position(text, text.index("third")) == (3, 1)


def test_project_path_is_relative_to_the_folder_of_the_config(tmp_path):
    config = tmp_path / "mkdocs.yml"
    assert project_path(str(tmp_path / "docs" / "x.md"), str(config)) == "docs/x.md"
