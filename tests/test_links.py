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


def run(text: str, page: str = "peptides/mk-677.md") -> list:
    report = Diagnostics()
    check_links(f"docs/{page}", page, text, SITE, report)
    return list(report)


def test_existing_pages_folders_and_images_pass():
    assert run("[a](../mechanisms/amylin.md) [b](../mechanisms/) ![c](../img/a.png) [d](#x) [e](https://x.org)") == []


def test_missing_page_is_reported_with_place_rule_and_suggestion():
    (problem,) = run("Intro.\n\nSee [amylin](../mechanism/amylin.md).\n")
    assert problem.format() == (
        "docs/peptides/mk-677.md:3:14: error: link target '../mechanism/amylin.md' is not a file in the docs folder"
        " [link-missing]\n  hint: did you mean '../mechanisms/amylin.md'?"
    )


def test_missing_image_is_named_as_an_image_and_every_problem_is_reported():
    problems = run("![x](../img/b.png)\n[y](nowhere-near-anything.md)\n")
    assert [p.message.split()[0] for p in problems] == ["image", "link"]
    assert problems[1].hint.startswith("links are relative to the page")
