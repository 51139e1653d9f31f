"""Tooltips: citations, and abbreviations at first use; back-links and permalinks are labelled instead."""

from __future__ import annotations

import re

from hooks.tooltips import first_uses_only, labels_instead_of_titles

GH = '<abbr title="growth hormone">GH</abbr>'
IGF = '<abbr title="insulin-like growth factor 1">IGF-1</abbr>'


def test_only_the_first_use_of_each_abbreviation_stays_marked():
    html = f"<p>{GH} raises {IGF}.</p><p>{GH} and {IGF} again; {GH}.</p>"
    assert first_uses_only(html) == f"<p>{GH} raises {IGF}.</p><p>GH and IGF-1 again; GH.</p>"


def test_back_links_and_permalinks_are_labelled_not_titled():
    html = (
        '<a class="footnote-backref" href="#fnref:a" title="Jump back to footnote 1 in the text">↩</a>'
        '<a class="headerlink" href="#gh" title="Permanent link">¶</a><a href="x" title="kept">x</a>'
    )
    assert labels_instead_of_titles(html) == (
        '<a class="footnote-backref" href="#fnref:a" aria-label="Jump back to footnote 1 in the text">↩</a>'
        '<a class="headerlink" href="#gh" aria-label="Permanent link">¶</a><a href="x" title="kept">x</a>'
    )


def test_every_built_page_marks_each_abbreviation_once_and_titles_no_back_link(real_site):
    marked_pages = 0
    for path in real_site.site_dir.rglob("index.html"):
        article = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.DOTALL)
        content = article.group(0) if article else ""
        uses = re.findall(r"<abbr title=\"[^\"]*\">([^<]*)</abbr>", content)
        assert len(uses) == len(set(uses)), path
        assert not re.search(r'class="(?:footnote-backref|headerlink)"[^>]*\btitle=', content), path
        marked_pages += bool(uses)
    assert marked_pages > 40
