"""The real handbook, built strict, read back as HTML."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import ROOT
from tests.html_inspect import read_page

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


def test_build_prints_no_warning(real_site):
    assert not [line for line in real_site.lines if line.startswith("WARNING") or ": warning:" in line]


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
    import shutil

    from tests.conftest import run_mkdocs_build

    for name in ("docs", "hooks", "data", "mkdocs.yml", "references.bib"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy(source, tmp_path / name)
    target = tmp_path / "docs" / page
    lines = target.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("Also see [a page that does not exist](no-such-page.md).")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run_mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")

    assert result.returncode != 0
    expected = f"docs/{page}:{len(lines)}:39: error: link target 'no-such-page.md' is not a file in the docs folder"
    assert any(line.startswith(expected) for line in result.lines), result.output
