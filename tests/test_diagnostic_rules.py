"""One tiny project per kind of diagnostic, with the exact lines reported.

Each case is checked twice: by ``python -m hooks.check``'s code in-process, and by a
real strict MkDocs build, which must fail and print the same lines.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

# Every page below starts with these five lines, so its body begins on line 6.
FRONT = "---\ntitle: Page\ndescription: A page of the fixture.\nreviewed: 2026-01-01\n---\n"

BIB = """\
@article{moller2009effects,
  author   = {M{\\o}ller, Niels and J{\\o}rgensen, Jens Otto Lunde},
  title    = {Effects of growth hormone on glucose, lipid, and protein metabolism in human subjects},
  journal  = {Endocrine Reviews},
  year     = {2009},
  volume   = {30},
  number   = {2},
  pages    = {152--177},
  doi      = {10.1210/er.2008-0027},
  pmid     = {19240267},
  verified = {https://pubmed.ncbi.nlm.nih.gov/19240267/}
}

@article{kahn2006mechanisms,
  author   = {Kahn, Steven E. and Hull, Rebecca L. and Utzschneider, Kristina M.},
  title    = {Mechanisms linking obesity to insulin resistance and type 2 diabetes},
  journal  = {Nature},
  year     = {2006},
  volume   = {444},
  pages    = {840--846},
  doi      = {10.1038/nature05482},
  pmid     = {17167471},
  verified = {https://pubmed.ncbi.nlm.nih.gov/17167471/}
}
"""

# Both entries cited, so that no case reports them as uncited unless it means to.
CITES_BOTH = FRONT + "# Home\n\nGH opposes insulin [@moller2009effects; @kahn2006mechanisms].\n"


def case(files: dict[str, str], expected: list[str], nav: list | None = None):
    return pytest.param(files, nav, expected)


CASES = {
    "link-missing": case(
        {"docs/index.md": FRONT + "# Home\n\nSee [insulin](insluin.md).\n", "docs/insulin.md": FRONT + "# Insulin\n"},
        ["docs/index.md:8:15: error: link target 'insluin.md' is not a file in the docs folder [link-missing]"],
    ),
    "link-anchor": case(
        {
            "docs/index.md": FRONT + "# Home\n\nSee [steps](insulin.md#step) and [top](#homes).\n",
            "docs/insulin.md": FRONT + "# Insulin\n\n## Steps\n",
        },
        [
            "docs/index.md:8:13: error: link target 'insulin.md#step': 'insulin.md' has no anchor '#step'"
            " [link-anchor]",
            "docs/index.md:8:40: error: link target '#homes': 'index.md' has no anchor '#homes' [link-anchor]",
        ],
    ),
    "link-anchor-kinds": case(
        {
            "docs/index.md": FRONT + "# Home\n\nSee [a](other.md#custom), [b](other.md#fn:1), [c](other.md#raw),"
            " [d](other.md#a-b-code), [e](other.md#a-b-code_1).\n",
            "docs/other.md": FRONT + '# Other { #custom }\n\nText.[^1]\n\n[^1]: A note.\n\n<span id="raw"></span>\n\n'
            "## A & B `code`\n\n## A & B `code`\n",
        },
        [],
    ),
    "link-external": case(
        {"docs/index.md": FRONT + "# Home\n\n[a](http://example.org/) [b](https://127.0.0.1:8000/)\n"},
        [
            "docs/index.md:8:5: error: 'http://example.org/' uses 'http' scheme; outside links must use https"
            " [link-external]",
            "docs/index.md:8:30: error: 'https://127.0.0.1:8000/' points to this machine or a private network"
            " [link-external]",
        ],
    ),
    "nav-missing": case(
        {"docs/index.md": FRONT + "# Home\n"},
        ["mkdocs.yml:9:12: error: the nav names 'insulin.md', which is not a file in the docs folder [nav-missing]"],
        nav=[{"Home": "index.md"}, {"Insulin": "insulin.md"}],
    ),
    "nav-omitted": case(
        {"docs/index.md": FRONT + "# Home\n", "docs/orphan.md": FRONT + "# Orphan\n"},
        ["docs/orphan.md:1:1: error: the page is not in the nav, so readers can reach it only by a link [nav-omitted]"],
        nav=[{"Home": "index.md"}],
    ),
    "citation-unknown": case(
        {"references.bib": BIB, "docs/index.md": CITES_BOTH + "\nMore [@moller2009].\n"},
        [
            "docs/index.md:10:8: error: unknown citation key 'moller2009' (did you mean 'moller2009effects'?)"
            " [citation-unknown]"
        ],
    ),
    "citation-malformed": case(
        {"references.bib": BIB, "docs/index.md": CITES_BOTH + "\nWrite to [editor@example.org] or [see @kahn].\n"},
        [
            "docs/index.md:10:10: error: '[editor@example.org]' holds '@' but is not a citation;"
            " mkdocs-bibtex would delete it [citation-malformed]",
            "docs/index.md:10:34: error: '[see @kahn]' holds '@' but is not a citation;"
            " mkdocs-bibtex would delete it [citation-malformed]",
        ],
    ),
    "citation-in-code": case(
        {"references.bib": BIB, "docs/index.md": CITES_BOTH + "\n```text\nSee [@kahn2006mechanisms].\n```\n"},
        [
            "docs/index.md:11:5: error: '[@kahn2006mechanisms]' is inside code, where mkdocs-bibtex still rewrites it"
            " [citation-in-code]"
        ],
    ),
    "citation-in-snippet": case(
        {
            "references.bib": BIB,
            "docs/index.md": CITES_BOTH + '\n--8<-- "note.md"\n',
            "snippets/note.md": "Cited here [@moller2009effects].\n",
        },
        [
            "docs/index.md:10:9: error: the included file 'note.md' cites references, which mkdocs-bibtex does not"
            " process in snippets [citation-in-snippet]"
        ],
    ),
    "bib-duplicate-key": case(
        {"references.bib": BIB + BIB.split("\n\n")[0] + "\n", "docs/index.md": CITES_BOTH},
        [
            "references.bib:25:10: error: the key 'moller2009effects' is already used by the entry on line 1"
            " [bib-duplicate-key]"
        ],
    ),
    "bib-duplicate-doi": case(
        {
            "references.bib": BIB + BIB.split("\n\n")[1].replace("kahn2006mechanisms", "kahn2006obesity") + "\n",
            "docs/index.md": CITES_BOTH + "\nAgain [@kahn2006obesity].\n",
        },
        ["references.bib:32:3: error: 'kahn2006obesity' has the same DOI as 'kahn2006mechanisms' [bib-duplicate-doi]"],
    ),
    "bib-field-missing": case(
        {
            "references.bib": BIB.replace("  journal  = {Nature},\n", "").replace(
                "  verified = {https://pubmed.ncbi.nlm.nih.gov/17167471/}\n", "  note = {}\n"
            ),
            "docs/index.md": CITES_BOTH,
        },
        [
            "references.bib:14:1: error: 'kahn2006mechanisms' (@article) has no journal [bib-field-missing]",
            "references.bib:14:1: error: 'kahn2006mechanisms' (@article) has no verified [bib-field-missing]",
        ],
    ),
    "bib-identifiers": case(
        {
            "references.bib": BIB.replace("{10.1038/nature05482}", "{https://doi.org/10.1038/nature05482}").replace(
                "{17167471}", "{PMID17167471}"
            ),
            "docs/index.md": CITES_BOTH,
        },
        [
            "references.bib:21:3: error: 'kahn2006mechanisms' has a malformed doi:"
            " 'https://doi.org/10.1038/nature05482' [bib-doi]",
            "references.bib:22:3: error: 'kahn2006mechanisms' has a malformed pmid: 'PMID17167471' [bib-pmid]",
        ],
    ),
    "bib-record-kind": case(
        {
            "references.bib": BIB.replace(
                "{https://pubmed.ncbi.nlm.nih.gov/17167471/}", "{https://studylib.net/doc/17167471/}"
            ).replace(
                "  verified = {https://pubmed.ncbi.nlm.nih.gov/19240267/}\n",
                "  verified = {https://pubmed.ncbi.nlm.nih.gov/19240267/},\n  keywords = {secondary-record}\n",
            ),
            "docs/index.md": CITES_BOTH,
        },
        [
            "references.bib:12:3: error: 'moller2009effects' was verified on pubmed.ncbi.nlm.nih.gov but is marked"
            " 'secondary-record' [bib-record-kind]",
            "references.bib:24:3: error: 'kahn2006mechanisms' was verified only on copies of its record"
            " (studylib.net) [bib-record-kind]",
        ],
    ),
    "bib-uncited": case(
        {"references.bib": BIB, "docs/index.md": FRONT + "# Home\n\nCited [@moller2009effects].\n"},
        ["references.bib:14:1: error: 'kahn2006mechanisms' is cited by no page and no data file [bib-uncited]"],
    ),
    "bib-syntax": case(
        {"references.bib": BIB.replace("  year     = {2006},", "  year     = {2006,"), "docs/index.md": CITES_BOTH},
        [
            "docs/index.md:8:22: error: unknown citation key 'moller2009effects' [citation-unknown]",
            "docs/index.md:8:42: error: unknown citation key 'kahn2006mechanisms' [citation-unknown]",
            "references.bib:14:1: error: BibTeX syntax error in the entry 'kahn2006mechanisms': premature end of file"
            " [bib-syntax]",
        ],
    ),
    "html-unsafe": case(
        {
            "docs/index.md": FRONT
            + '# Home\n\n<script>alert(1)</script>\n\n<p onclick="go()">x</p> [y](javascript:go())\n\n'
            '<iframe src="https://example.org/"></iframe>\n'
        },
        [
            "docs/index.md:8:1: error: raw HTML <script> can run code or load other sites [html-unsafe]",
            "docs/index.md:10:4: error: the 'onclick' attribute runs code when the reader interacts with the page"
            " [html-unsafe]",
            "docs/index.md:10:29: error: a 'javascript:' URL runs code when followed [html-unsafe]",
            "docs/index.md:12:1: error: raw HTML <iframe> can run code or load other sites [html-unsafe]",
        ],
    ),
    "front-matter": case(
        {
            "docs/index.md": "---\ntitle: Home\nreviewed: 21 November 2026\n---\n# Home\n",
            "docs/bare.md": "# Bare\n",
            "docs/future.md": "---\ntitle: Future\ndescription: Later.\nreviewed: 2999-01-01\n---\n# Future\n",
        },
        [
            "docs/bare.md:1:1: error: the page has no front matter [front-matter]",
            "docs/future.md:4:1: error: 'reviewed' is 2999-01-01, a date in the future [front-matter]",
            "docs/index.md:3:1: error: 'reviewed' must be a date written YYYY-MM-DD, got '21 November 2026'"
            " [front-matter]",
            "docs/index.md:4:1: error: the front matter has no 'description' [front-matter]",
        ],
    ),
    "placeholder-unknown": case(
        {"docs/index.md": FRONT + "# Home\n\n<!-- hooks/data_table.py gh-axis -->\n"},
        [
            "docs/index.md:8:1: error: no hook renders 'hooks/data_table.py' [placeholder-unknown]",
        ],
    ),
}
SNIPPETS = {"markdown_extensions": [{"pymdownx.snippets": {"base_path": ["snippets"], "check_paths": True}}]}


def make(project, files, nav):
    project.write(files)
    return project.configure(nav=nav, **(SNIPPETS if any(name.startswith("snippets/") for name in files) else {}))


@pytest.mark.parametrize(("files", "nav", "expected"), CASES.values(), ids=CASES.keys())
def test_the_check_command_reports_exactly(project, files, nav, expected):
    assert make(project, files, nav).check() == expected


@pytest.mark.parametrize(("files", "nav", "expected"), CASES.values(), ids=CASES.keys())
def test_a_strict_build_fails_with_the_same_lines(project, files, nav, expected):
    result = make(project, files, nav).build()
    reported = [line for line in result.lines if ": error: " in line or ": warning: " in line]
    if expected:
        assert result.returncode != 0
    else:
        assert result.returncode == 0, result.output
    assert reported == expected


def test_every_mistake_of_a_badly_edited_project_is_reported_in_one_run(project):
    make(
        project,
        {
            "references.bib": BIB.replace("{17167471}", "{x1}") + BIB.split("\n\n")[0] + "\n",
            "docs/index.md": "---\ntitle: Home\n---\n# Home\n\n"
            "See [insulin](insulin.md#step), [gone](gone.md) and [old](http://example.org/).\n\n"
            'GH opposes insulin [@moller2009effect; @kahn2006mechanisms] <b onmouseover="x()">!</b>\n\n'
            "<!-- hooks/infobx.py mk-677 -->\n",
            "docs/insulin.md": FRONT + "# Insulin\n\n## Steps\n\n[Back](index.md#home) [mail](me@example.org)\n",
            "docs/stray.md": FRONT + "# Stray [@kahn2006mechanisms]\n",
        },
        [{"Home": "index.md"}, {"Insulin": "insulin.md"}, {"Gone": "missing.md"}],
    )
    expected = [
        "docs/index.md:3:1: error: the front matter has no 'description' [front-matter]",
        "docs/index.md:3:1: error: the front matter has no 'reviewed' [front-matter]",
        "docs/index.md:6:15: error: link target 'insulin.md#step': 'insulin.md' has no anchor '#step' [link-anchor]",
        "docs/index.md:6:40: error: link target 'gone.md' is not a file in the docs folder [link-missing]",
        "docs/index.md:6:59: error: 'http://example.org/' uses 'http' scheme; outside links must use https"
        " [link-external]",
        "docs/index.md:8:22: error: unknown citation key 'moller2009effect' (did you mean 'moller2009effects'?)"
        " [citation-unknown]",
        "docs/index.md:8:64: error: the 'onmouseover' attribute runs code when the reader interacts with the page"
        " [html-unsafe]",
        "docs/index.md:10:1: error: no hook renders 'hooks/infobx.py' [placeholder-unknown]",
        "docs/insulin.md:10:30: error: link target 'me@example.org' is not a file in the docs folder [link-missing]",
        "docs/stray.md:1:1: error: the page is not in the nav, so readers can reach it only by a link [nav-omitted]",
        "mkdocs.yml:10:9: error: the nav names 'missing.md', which is not a file in the docs folder [nav-missing]",
        "references.bib:1:1: error: 'moller2009effects' is cited by no page and no data file [bib-uncited]",
        "references.bib:22:3: error: 'kahn2006mechanisms' has a malformed pmid: 'x1' [bib-pmid]",
        "references.bib:25:10: error: the key 'moller2009effects' is already used by the entry on line 1"
        " [bib-duplicate-key]",
    ]
    assert project.check() == expected
    result = project.build()
    assert result.returncode != 0
    assert [line for line in result.lines if ": error: " in line] == expected
    assert f"{len(expected)} errors and 0 warnings found by the handbook's checks" in result.lines


def test_the_check_command_exits_non_zero_and_prints_hints(project):
    make(project, {"docs/index.md": FRONT + "# Home\n\n[x](y.md)\n"}, None)
    completed = subprocess.run(
        [sys.executable, "-m", "hooks.check", "--config-file", str(project.root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert completed.stderr.splitlines() == [
        "docs/index.md:8:5: error: link target 'y.md' is not a file in the docs folder [link-missing]",
        "  hint: links are relative to the page and end in '.md', for example '../mechanisms/amylin.md'",
        "1 error and 0 warnings found by the handbook's checks",
    ]


def test_the_check_command_passes_a_clean_project(project):
    make(project, {"references.bib": BIB, "docs/index.md": CITES_BOTH}, None)
    completed = subprocess.run(
        [sys.executable, "-m", "hooks.check", "-f", str(project.root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (completed.returncode, completed.stdout) == (0, "No problems found by the handbook's checks.\n")


def test_github_actions_annotations_accompany_the_diagnostics(project, monkeypatch):
    import tests.conftest as conftest

    real_run = conftest.subprocess.run

    def run_with_github_env(*args, **kwargs):
        kwargs["env"] = {**kwargs["env"], "GITHUB_ACTIONS": "true"}
        return real_run(*args, **kwargs)

    monkeypatch.setattr(conftest.subprocess, "run", run_with_github_env)
    result = make(project, {"docs/index.md": FRONT + "[x](y.md)\n"}, None).build()
    assert (
        "::error file=docs/index.md,line=6,col=5,title=link-missing::link target 'y.md' is not a file in the docs "
        "folder (links are relative to the page and end in '.md', for example '../mechanisms/amylin.md')"
        in result.lines
    )


def test_a_citation_wrapped_onto_two_lines_is_checked_and_rendered(project):
    make(
        project,
        {
            "references.bib": BIB,
            "docs/index.md": FRONT
            + "# Home\n\nGH opposes insulin [@moller2009effects;\n@kahn2006mechanisms; @kahn2006].\n",
        },
        None,
    )
    assert project.check() == [
        "docs/index.md:9:23: error: unknown citation key 'kahn2006' (did you mean 'kahn2006mechanisms'?)"
        " [citation-unknown]"
    ]
    project.write({"docs/index.md": FRONT + "# Home\n\nGH opposes [@moller2009effects;\n@kahn2006mechanisms].\n"})
    project.configure(
        plugins=[{"bibtex": {"bib_file": "references.bib", "enable_inline_citations": False}}],
        markdown_extensions=["footnotes"],
    )
    result = project.build()
    assert result.returncode == 0, result.output
    html = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    assert "[@" not in html and html.count('class="footnote-ref"') == 2


def test_a_monograph_page_must_cite_two_references_of_its_own():
    from hooks.citations import check_reference_count
    from hooks.diagnostics import Diagnostics

    report = Diagnostics()
    check_reference_count("docs/peptides/bpc-157.md", ["fda2023bulk"], report)
    check_reference_count("docs/peptides/mk-677.md", ["nass2008effects", "murphy1998mk677"], report)
    assert [d.format() for d in report] == [
        "docs/peptides/bpc-157.md:1:1: error: this page cites 1 distinct reference in its own text; mechanism and"
        " peptide pages need at least 2 [citation-too-few]\n"
        "  hint: cite the records behind the page's claims with [@key]; generated boxes do not count"
    ]


def test_the_bibliography_counts_wrapped_citations_and_ignores_code():
    from hooks.bibliography import cited_keys

    text = "A [@moller2009effects;\n@kahn2006mechanisms] and `[@ignored2000code]` [email@example.org]."
    assert cited_keys(text) == ["moller2009effects", "kahn2006mechanisms"]


def test_a_locator_is_malformed_because_mkdocs_bibtex_rejects_it():
    from hooks.citations import citation_keys

    assert citation_keys("@moller2009effects, p. 3") is None
    assert citation_keys(" @moller2009effects; @kahn2006mechanisms ") == ["moller2009effects", "kahn2006mechanisms"]
