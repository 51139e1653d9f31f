"""The real handbook, built strict, read back as HTML."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import ROOT, run_lychee, run_mkdocs_build
from tests.html_inspect import read_page
from tests.project_copy import copy_project

DOCS = ROOT / "docs"


def nav_pages(entries) -> list[str]:
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            pages.extend(nav_pages(value))
        elif not urlsplit(value).scheme:
            pages.append(value)
    return pages


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)
NAV = nav_pages(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["nav"])


def front_matter(page: str) -> dict:
    text = (DOCS / page).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match, f"{page} has no front matter"
    return yaml.safe_load(match.group(1))


def built_html(site_dir: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    return site_dir / (f"{stem.removesuffix('index')}index.html" if stem.endswith("index") else f"{stem}/index.html")


# MkDocs logs a Python warning raised in a hook (a DeprecationWarning, say) at INFO level,
# where --strict does not see it.
PYTHON_WARNING = re.compile(r"\b[A-Z]\w*Warning: ")


def test_build_prints_no_warning(real_site):
    assert not [
        line
        for line in real_site.lines
        if line.startswith("WARNING") or ": warning:" in line or PYTHON_WARNING.search(line)
    ]


def test_every_markdown_file_is_in_the_nav():
    on_disk = {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    assert on_disk == set(NAV)


@pytest.mark.parametrize("page", NAV)
def test_front_matter_has_title_description_and_reviewed_date(page):
    meta = front_matter(page)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("description"), str) and len(meta["description"]) >= 40
    assert isinstance(meta.get("reviewed"), datetime.date)


@pytest.mark.parametrize("page", NAV)
def test_nav_page_is_built_with_its_title_and_description(real_site, page):
    html = read_page(built_html(real_site.site_dir, page))
    meta = front_matter(page)
    assert html.h1 == meta["title"]
    assert html.title.startswith(meta["title"])
    assert html.description == meta["description"]


@pytest.mark.parametrize("page", NAV)
def test_no_unrendered_citation_or_template_syntax(real_site, page):
    text = read_page(built_html(real_site.site_dir, page)).text
    for leftover in ("[@", "{{", "{%", "\\bibliography"):
        assert leftover not in text, f"{page} shows '{leftover}'"


def test_no_built_page_loads_anything_from_another_host(real_site):
    pages = list(real_site.site_dir.rglob("*.html"))
    assert len(pages) >= len(NAV)
    for path in pages:
        for resource in read_page(path).resources:
            parts = urlsplit(resource)
            assert not parts.scheme and not parts.netloc, f"{path.relative_to(real_site.site_dir)} loads {resource}"
    for stylesheet in real_site.site_dir.rglob("*.css"):
        css = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", css), stylesheet.name


@pytest.mark.parametrize("page", [NAV[0], NAV[-1]])
def test_a_broken_link_added_to_a_real_page_fails_the_build_naming_file_and_line(tmp_path, page):
    copy_project(tmp_path)
    target = tmp_path / "docs" / page
    lines = target.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("Also see [a page that does not exist](no-such-page.md).")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run_mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")

    assert result.returncode != 0
    expected = f"docs/{page}:{len(lines)}:39: error: link target 'no-such-page.md' is not a file in the docs folder"
    assert any(line.startswith(expected) for line in result.lines), result.output


def append_line(path: Path, line: str) -> int:
    """Append ``line`` to the file; returns its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, "", line]) + "\n", encoding="utf-8")
    return len(lines) + 2


def break_anchor(root: Path) -> str:
    line = append_line(root / "docs/index.md", "See [the levels](#evidence-level).")
    return f"docs/index.md:{line}:18: error: link target '#evidence-level': 'index.md' has no anchor"


def break_citation(root: Path) -> str:
    line = append_line(root / "docs/start/editorial-policy.md", "A claim [@moller2009effect].")
    return f"docs/start/editorial-policy.md:{line}:11: error: unknown citation key 'moller2009effect'"


def break_bib_entry(root: Path) -> str:
    bib = root / "references.bib"
    text = bib.read_text(encoding="utf-8")
    bib.write_text(text.replace("= {19240267}", "= {PMID 19240267}", 1), encoding="utf-8")
    line = text[: text.index("{19240267}")].count("\n") + 1
    return f"references.bib:{line}:3: error: 'moller2009effects' has a malformed pmid"


def break_data_reference(root: Path) -> str:
    data = root / "data/peptides.yml"
    text = data.read_text(encoding="utf-8")
    offset = text.index("mechanism: ghrh-receptor-signalling")
    data.write_text(text.replace("mechanism: ghrh-receptor-signalling", "mechanism: ghrh-receptor", 1))
    line = text[:offset].count("\n") + 1
    return f"data/peptides.yml:{line}:"


def break_raw_html(root: Path) -> str:
    line = append_line(root / "docs/reference/glossary.md", '<img src="x.png" onerror="alert(1)">')
    return f"docs/reference/glossary.md:{line}:18: error: the 'onerror' attribute runs code"


def add_orphan_page(root: Path) -> str:
    (root / "docs/foundations/orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: Not in the nav.\nreviewed: 2026-01-01\n---\n# Orphan\n", encoding="utf-8"
    )
    return "docs/foundations/orphan.md:1:1: error: the page is not in the nav"


def strip_citations_from_a_monograph(root: Path) -> str:
    page = root / "docs/peptides/bpc-157.md"
    page.write_text(re.sub(r" ?\[@[^\]]*\]", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    return "docs/peptides/bpc-157.md:1:1: error: this page cites 0 distinct references in its own text"


@pytest.mark.parametrize(
    "mistake",
    [
        break_anchor,
        break_citation,
        break_bib_entry,
        break_data_reference,
        break_raw_html,
        add_orphan_page,
        strip_citations_from_a_monograph,
    ],
)
def test_each_kind_of_mistake_in_the_real_site_is_reported_at_its_place(tmp_path, mistake):
    from hooks.diagnostics import Diagnostics
    from hooks.site_checks import check_site
    from hooks.site_sources import load_site

    root = copy_project(tmp_path)
    clean = Diagnostics()
    check_site(load_site(root / "mkdocs.yml"), clean)
    assert not len(clean), [d.format() for d in clean]
    expected = mistake(root)
    report = Diagnostics()
    check_site(load_site(root / "mkdocs.yml"), report)
    reported = [d.format() for d in report]
    assert any(line.startswith(expected) for line in reported), reported


def test_lychee_finds_no_broken_link_or_fragment_in_the_built_site(real_site):
    completed = run_lychee(real_site.site_dir)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert re.search(r"\b0 Errors", completed.stdout + completed.stderr)


def test_lychee_would_report_a_broken_fragment(real_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(real_site.site_dir, site)
    page = site / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="#evidence-levels"', 'href="#nowhere"'), "utf-8")
    completed = run_lychee(site)
    assert completed.returncode != 0
    assert "#nowhere" in completed.stdout + completed.stderr


def content_links(site_dir: Path) -> dict[str, set[str]]:
    """For each built page (by its folder, e.g. 'mechanisms/amylin-signalling'), the pages its article links to."""
    links: dict[str, set[str]] = {}
    for html in site_dir.rglob("index.html"):
        page = html.parent.relative_to(site_dir).as_posix().strip(".")
        text = html.read_text(encoding="utf-8")
        article = text[text.find("<article") : text.find("</article>")]
        targets = set()
        for href in re.findall(r'href="([^"#]+)', article):
            if urlsplit(href).scheme:
                continue
            target = (html.parent / href).resolve()
            if target.is_relative_to(site_dir.resolve()):
                targets.add(target.relative_to(site_dir.resolve()).as_posix().removesuffix("index.html").strip("/"))
        links[page] = targets - {page}
    return links


def test_mechanism_pages_link_to_and_are_linked_from_at_least_two_pages(real_site):
    links = content_links(real_site.site_dir)
    mechanisms = [page for page in links if page.startswith("mechanisms/")]
    assert len(mechanisms) >= 16
    for page in mechanisms:
        linking = {source for source, targets in links.items() if page in targets}
        assert len(linking) >= 2, f"{page} is linked from {sorted(linking)}"
        assert len({t for t in links[page] if t.startswith("mechanisms/")}) >= 2, page


def test_no_page_is_an_orphan(real_site):
    links = content_links(real_site.site_dir)
    orphans = [page for page in links if page and not any(page in targets for targets in links.values())]
    assert orphans == []


def test_each_peptide_page_links_to_the_mechanisms_it_acts_through(real_site):
    links = content_links(real_site.site_dir)
    peptides = yaml.safe_load((ROOT / "data" / "peptides.yml").read_text(encoding="utf-8"))
    for peptide in peptides:
        page = peptide["page"].removesuffix(".md")
        for link in peptide["acts_through"]:
            assert f"mechanisms/{link['mechanism']}" in links[page], (page, link["mechanism"])


def test_every_outside_link_in_the_built_pages_opens_with_noopener(real_site):
    outside = 0
    for html in real_site.site_dir.rglob("*.html"):
        for tag in re.findall(r"<a\s[^>]*href=\"https?://[^>]*>", html.read_text(encoding="utf-8")):
            outside += 1
            assert re.search(r'rel="[^"]*\bnoopener\b', tag), f"{html.name}: {tag}"
    assert outside > 100  # the bibliography alone links every DOI and PubMed record
