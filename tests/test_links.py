import pytest

from hooks.diagnostics import Diagnostics
from hooks.links import check_links, resolve

SITE = {"index.md", "mechanisms/amylin.md", "mechanisms/index.md", "peptides/mk-677.md", "img/a.png"}


@pytest.mark.parametrize(
    ("page", "target", "expected"),
    [
        ("peptides/mk-677.md", "../mechanisms/amylin.md#steps", "mechanisms/amylin.md"),
        ("index.md", "mechanisms/", "mechanisms"),
        ("index.md", "/peptides/mk-677.md", "peptides/mk-677.md"),
        ("index.md", "peptides/mk%2D677.md", "peptides/mk-677.md"),
        ("index.md", "https://pubmed.ncbi.nlm.nih.gov/1/", None),
        ("index.md", "mailto:editor@example.org", None),
        ("index.md", "#evidence-levels", None),
    ],
)
def test_resolve(page, target, expected):
    assert resolve(page, target) == expected


ANCHORS = {"mechanisms/amylin.md": {"steps", "summary"}, "peptides/mk-677.md": {"x"}}


def run(text: str, page: str = "peptides/mk-677.md") -> list:
    report = Diagnostics()
    check_links(f"docs/{page}", page, text, SITE, ANCHORS, report)
    return list(report)


def test_existing_pages_folders_and_images_pass():
    assert run("[a](../mechanisms/amylin.md) [b](../mechanisms/) ![c](../img/a.png) [d](#x) [e](https://x.org)") == []


def test_missing_page_is_reported_with_place_rule_and_suggestion():
    (problem,) = run("Intro.\n\nSee [amylin](../mechanism/amylin.md).\n")
    assert problem.format() == (
        "docs/peptides/mk-677.md:3:14: error: link target '../mechanism/amylin.md' is not a file in the docs folder"
        " [link-missing]\n  hint: did you mean '../mechanisms/amylin.md'?"
    )


def test_a_missing_anchor_is_reported_with_the_nearest_one():
    (problem,) = run("[a](../mechanisms/amylin.md#step) [b](../mechanisms/amylin.md#steps)")
    assert problem.format() == (
        "docs/peptides/mk-677.md:1:5: error: link target '../mechanisms/amylin.md#step': 'mechanisms/amylin.md'"
        " has no anchor '#step' [link-anchor]\n  hint: did you mean '#steps'?"
    )


def test_same_page_anchors_are_checked():
    assert [p.rule for p in run("[a](#x) [b](#y)")] == ["link-anchor"]


def test_links_in_raw_html_are_checked():
    (problem,) = run('<a href="../mechanisms/amylin.md#nope">a</a> <img src="../img/a.png">')
    assert problem.rule == "link-anchor" and (problem.line, problem.column) == (1, 10)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "http://pubmed.ncbi.nlm.nih.gov/1/",
            "'http://pubmed.ncbi.nlm.nih.gov/1/' uses 'http' scheme; outside links must use https",
        ),
        ("https://localhost:8000/x", "'https://localhost:8000/x' points to this machine or a private network"),
        ("https://192.168.1.4/", "'https://192.168.1.4/' points to this machine or a private network"),
        ("https://[::1]/", "'https://[::1]/' points to this machine or a private network"),
        ("https://intranet/", "'https://intranet/' has no valid host name"),
        (
            "https://example.org:port/",
            "'https://example.org:port/' is not a well-formed URL (Port could not be cast to integer value as 'port')",
        ),
        ("ftp://example.org/file", "'ftp://example.org/file' uses 'ftp' scheme; outside links must use https"),
    ],
)
def test_outside_links_must_be_public_https(target, message):
    (problem,) = run(f"[a]({target})")
    assert (problem.rule, problem.message) == ("link-external", message)


def test_public_https_and_mailto_links_pass():
    assert run("[a](https://pubmed.ncbi.nlm.nih.gov/8675698/) [b](mailto:editor@example.org)") == []


def test_missing_image_is_named_as_an_image_and_every_problem_is_reported():
    problems = run("![x](../img/b.png)\n[y](nowhere-near-anything.md)\n")
    assert [p.message.split()[0] for p in problems] == ["image", "link"]
    assert problems[1].hint.startswith("links are relative to the page")
