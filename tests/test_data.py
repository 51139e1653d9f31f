"""Bad data fails with its file, line and a hint; good data renders every kind of generated content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from hooks import handbook_data, site_content
from hooks.diagnostics import Diagnostics
from hooks.markdown_source import front_matter
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "handbook"


@pytest.fixture
def handbook(tmp_path) -> Path:
    """A copy of the small fixture handbook, with the real schemas."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture {name} lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def generate(root: Path) -> tuple[site_content.SiteContent, list[str]]:
    report = Diagnostics()
    docs = sorted(path.relative_to(root / "docs").as_posix() for path in (root / "docs").rglob("*.md"))
    data = handbook_data.load(root, set(docs), report)
    pages = []
    for uri in docs:
        text = (root / "docs" / uri).read_text(encoding="utf-8")
        pages.append(site_content.SourcePage(uri, f"docs/{uri}", text, front_matter(text)["title"]))
    content = site_content.generate(pages, data, report)
    return content, [diagnostic.format() for diagnostic in report]


def test_the_fixture_is_clean(handbook):
    assert generate(handbook)[1] == []


BAD_DATA = [
    pytest.param(
        "data/peptides.yml",
        "  route: oral",
        "  route: subq",
        "data/peptides.yml:9:10: error: 'route' must be one of ['subcutaneous', 'oral', 'intravenous', 'intranasal',"
        " 'subcutaneous or oral', 'not established'], got 'subq' [data-schema]\n  hint: did you mean 'subcutaneous'?",
        id="enum",
    ),
    pytest.param(
        "data/peptides.yml",
        "    us: {status: not approved, as_of: 2026-11-21}",
        "    us: {status: not approved}",
        "data/peptides.yml:12:9: error: 'as_of' is required in 'us' [data-schema]\n"
        "  hint: the day this status was last checked",
        id="missing-as-of",
    ),
    pytest.param(
        "data/peptides.yml",
        "  aliases: [ibutamoren]",
        "  aliasses: [ibutamoren]",
        "data/peptides.yml:1:3: error: unknown field 'aliasses' in entry 1 [data-schema]\n"
        "  hint: 'aliasses': did you mean 'aliases'?",
        id="unknown-field",
    ),
    pytest.param(
        "data/peptides.yml",
        "year: 2008,",
        "year: '2008',",
        "data/peptides.yml:40:38: error: 'year' must be integer, got str '2008' [data-schema]",
        id="type",
    ),
    pytest.param(
        "data/peptides.yml",
        "cn: {status: not confirmed, as_of: 2026-11-21}\n  evidence: {level: B",
        "cn: {status: not confirmed, as_of: 2026-13-21}\n  evidence: {level: B",
        "data/peptides.yml:14:40: error: 'as_of' must be a date (YYYY-MM-DD), got '2026-13-21' [data-schema]\n"
        "  hint: a date written YYYY-MM-DD",
        id="impossible-date",
    ),
    pytest.param(
        "data/peptides.yml",
        "us: {status: discontinued, year: 2008, as_of: 2026-11-21, cite: [fda2013geref]}",
        "us: {status: discontinued, as_of: 2026-11-21}",
        "data/peptides.yml:40:9: error: 'year' is required in 'us' [data-schema]",
        id="approval-needs-year-and-cite",
    ),
    pytest.param(
        "data/peptides.yml",
        "target: {text: Ghrelin receptor, cite: [nass2008effects]}",
        "target: {text: Ghrelin receptor, cite: [nass2008effect]}",
        "data/peptides.yml:7:43: error: unknown citation key 'nass2008effect' [citation-unknown]\n"
        "  hint: did you mean 'nass2008effects'?",
        id="unknown-citation",
    ),
    pytest.param(
        "data/peptides.yml",
        "{mechanism: ghrelin-receptor, cite",
        "{mechanism: ghrelin-receptors, cite",
        "data/peptides.yml:29:19: error: unknown mechanism 'ghrelin-receptors' [data-reference]\n"
        "  hint: did you mean 'ghrelin-receptor'?",
        id="unknown-mechanism",
    ),
    pytest.param(
        "data/peptides.yml",
        "- id: sermorelin",
        "- id: mk-677",
        "data/peptides.yml:30:7: error: 'mk-677' is used twice [data-duplicate-id]\n"
        "  hint: the first 'mk-677' is on line 1; ids must be unique in data/peptides.yml",
        id="duplicate-id",
    ),
    pytest.param(
        "data/peptides.yml",
        "  route: oral\n",
        "  route: oral\n  route: oral\n",
        "data/peptides.yml:10:3: error: key 'route' appears twice in one mapping [data-duplicate-key]\n"
        "  hint: the first 'route' is on line 9; YAML would silently keep only the last",
        id="duplicate-key",
    ),
    pytest.param(
        "data/peptides.yml",
        "  name: MK-677",
        "  name: [MK-677",
        "data/peptides.yml:3:10: error: YAML syntax: "
        # libyaml (used when PyYAML has it) and the pure-Python parser word this differently.
        + ("did not find expected ',' or ']'" if yaml.__with_libyaml__ else "expected ',' or ']', but got ':'")
        + " [data-yaml]\n"
        "  hint: check indentation, and quote values that contain ': ' or start with a special character",
        id="yaml-syntax",
    ),
    pytest.param(
        "data/peptides.yml",
        "page: peptides/mk-677.md",
        "page: peptides/mk677.md",
        "data/peptides.yml:4:9: error: page 'peptides/mk677.md' does not exist under docs/ [data-page]\n"
        "  hint: did you mean 'peptides/mk-677.md'?",
        id="missing-page",
    ),
    pytest.param(
        "data/mechanisms.yml",
        "- {mechanism: gh-receptor,",
        "- {mechanism: ghrelin-receptor,",
        "data/mechanisms.yml:6:19: error: 'ghrelin-receptor' leads to itself [data-reference]\n"
        "  hint: a relation joins two different mechanisms",
        id="self-relation",
    ),
    pytest.param(
        "data/tables.yml",
        "field: glucose_effect",
        "field: glucose_efect",
        "data/tables.yml:7:32: error: no entry of data/peptides.yml has the field 'glucose_efect' [data-table]",
        id="table-field",
    ),
    pytest.param(
        "docs/index.md",
        "<!-- hooks/data_tables.py gh-agents -->",
        "<!-- hooks/data_tables.py gh-agent -->",
        "docs/index.md:7:1: error: hooks/data_tables.py has nothing called 'gh-agent' [placeholder-unknown]\n"
        "  hint: did you mean 'gh-agents'?",
        id="unknown-placeholder",
    ),
    pytest.param(
        "docs/peptides/mk-677.md",
        "<!-- hooks/infobox.py mk-677 -->",
        "",
        "data/peptides.yml:1:7: error: peptide 'mk-677' has no summary box on peptides/mk-677.md [placeholder-unused]\n"
        "  hint: add '<!-- hooks/infobox.py mk-677 -->' on its own line to peptides/mk-677.md",
        id="unused-infobox",
    ),
    pytest.param(
        "docs/index.md",
        "<!-- hooks/data_tables.py every-format -->",
        "",
        "data/tables.yml:9:7: error: table 'every-format' is shown on no page [placeholder-unused]\n"
        "  hint: add '<!-- hooks/data_tables.py every-format -->' on its own line to a page",
        id="unused-table",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BAD_DATA)
def test_bad_data_is_reported_at_its_place_with_a_hint(handbook, file, old, new, expected):
    edit(handbook, file, old, new)
    problems = generate(handbook)[1]
    assert any(problem.startswith(expected) for problem in problems), "\n".join(problems)


def test_every_problem_in_several_files_is_reported_in_one_run(handbook):
    edit(handbook, "data/peptides.yml", "  route: oral", "  route: subq")
    edit(handbook, "data/glossary.yml", "cite: [moller2009effects]", "cite: [moller2009]")
    edit(handbook, "data/tables.yml", "- id: gh-agents", "- id: gh-agents\n  colour: red")
    rules = sorted(problem.split("[")[-1].split("]")[0] for problem in generate(handbook)[1])
    assert rules == ["data-schema", "data-schema", "data-schema"], "glossary key, route, unknown table field"


def test_missing_schema_is_an_error(handbook):
    (handbook / "data" / "extra.yml").write_text("- a\n", encoding="utf-8")
    assert "data/extra.yml:1:1: error: no schema for data/extra.yml [data-schema-missing]" in "\n".join(
        generate(handbook)[1]
    )


def test_table_renders_links_citations_and_dated_statuses(handbook):
    index = generate(handbook)[0].expanded["index.md"]
    assert "| Agent | Glucose | US |\n| --- | --- | --- |" in index
    assert (
        "| [MK-677](peptides/mk-677.md) | Fasting glucose rose [@nass2008effects] | Not approved; checked 2026-11-21 |"
        in index
    )
    assert (
        "| Sermorelin | No data found [@moller2009effects] | Discontinued (2008) [@fda2013geref]; checked 2026-11-21 |"
        in index
    )


def test_every_cell_format_renders(handbook):
    index = generate(handbook)[0].expanded["index.md"]
    assert (
        "| ibutamoren | Ghrelin-receptor agonists | **B**: Raises fasting glucose [@nass2008effects] "
        "| Nass 2008 (12 months) [@nass2008effects] | Fasting glucose rose [@nass2008effects] | Not established |"
    ) in index
    assert "| Geref | GHRH analogues | **C**: Raises GH [@fda2013geref] | — |" in index


def test_a_row_without_a_cell_that_a_table_shows_is_reported(handbook):
    edit(handbook, "data/peptides.yml", "  aliases: [Geref]\n", "")
    assert (
        "data/peptides.yml:30:7: error: 'sermorelin' lacks 'aliases', which table 'every-format' shows "
        "[data-table]" in "\n".join(generate(handbook)[1])
    )


def test_infobox_related_box_and_glossary_render_from_data(handbook):
    expanded = generate(handbook)[0].expanded
    monograph = expanded["peptides/mk-677.md"]
    assert '!!! abstract "MK-677 at a glance"' in monograph
    assert "    | Half-life | Not established |" in monograph
    assert "    | Evidence level | **B** for: Raises fasting glucose [@nass2008effects] |" in monograph
    assert "    - [Ghrelin receptor signalling](../mechanisms/ghrelin-receptor.md) [@nass2008effects]" in monograph
    mechanism = expanded["mechanisms/ghrelin-receptor.md"]
    assert "    - [MK-677](../peptides/mk-677.md) [@nass2008effects]" in mechanism, "relation shown on its other end"
    assert "    - GH receptor signalling [@moller2009effects]" in mechanism
    assert "Growth hormone { #growth-hormone }\n:   A pituitary hormone. [@moller2009effects]" in expanded["index.md"]
    assert "| GH | [growth hormone](#growth-hormone) |" in expanded["index.md"]


def test_bibliography_lists_every_entry_with_anchor_identifiers_and_back_links(handbook):
    bibliography = generate(handbook)[0].expanded["bibliography.md"]
    assert (
        bibliography.index('id="moller2009effects"')
        < bibliography.index('id="nass2008effects"')
        < bibliography.index('id="fda2013geref"')
        or 'id="fda2013geref"' in bibliography
    )
    assert "[PMID 19240267](https://pubmed.ncbi.nlm.nih.gov/19240267/)" in bibliography
    assert "Nass R, Pezzoli SS, et al." in bibliography
    assert (
        "Cited on: [Home](index.md), [Ghrelin receptor signalling](mechanisms/ghrelin-receptor.md), "
        "[MK-677](peptides/mk-677.md)" in bibliography
    )
    assert "Cited on: [Home](index.md)</span>" in bibliography.split('id="fda2013geref"')[1]


def test_body_returns_the_expanded_text_after_front_matter(handbook):
    content = generate(handbook)[0]
    text = (handbook / "docs" / "index.md").read_text(encoding="utf-8")
    body = text[text.index("# Home") :]
    assert content.body("index.md", text, body).startswith('# Home\n\n<div class="data-table" markdown>')
    assert content.body("index.md", text, "changed by another plugin") == "changed by another plugin"
