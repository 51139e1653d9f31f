"""Abbreviations carry their tooltip at first use on a page only."""

from __future__ import annotations

import re

from hooks.abbreviations import first_uses_only

GH = '<abbr title="growth hormone">GH</abbr>'
IGF = '<abbr title="insulin-like growth factor 1">IGF-1</abbr>'


def test_only_the_first_use_of_each_abbreviation_stays_marked():
    html = f"<p>{GH} raises {IGF}.</p><p>{GH} and {IGF} again; {GH}.</p>"
    assert first_uses_only(html) == f"<p>{GH} raises {IGF}.</p><p>GH and IGF-1 again; GH.</p>"


def test_every_built_page_marks_each_abbreviation_once(real_site):
    marked_pages = 0
    for path in real_site.site_dir.rglob("index.html"):
        article = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.DOTALL)
        uses = re.findall(r"<abbr title=\"[^\"]*\">([^<]*)</abbr>", article.group(0) if article else "")
        assert len(uses) == len(set(uses)), path
        marked_pages += bool(uses)
    assert marked_pages > 40
