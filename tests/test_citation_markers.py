"""Citation numbers: against the word before them, ascending, with commas; a lone one gets none."""

from __future__ import annotations

import re

from hooks.citation_markers import SEPARATOR, set_citation_markers


def marker(key: str, number: int, repeat: str = "") -> str:
    return f'<sup id="fnref{repeat}:{key}"><a class="footnote-ref" href="#fn:{key}">{number}</a></sup>'


def test_adjacent_markers_are_sorted_and_separated():
    html = f"<td>Rose{marker('b', 17)}{marker('a', 2, '2')} {marker('c', 9)}.</td>"
    assert set_citation_markers(html) == (
        f"<td>Rose{marker('a', 2, '2')}{SEPARATOR}{marker('c', 9)}{SEPARATOR}{marker('b', 17)}.</td>"
    )


def test_the_space_before_a_citation_goes():
    assert set_citation_markers(f"<p>in 1993\n   {marker('c', 4)}.</p>") == f"<p>in 1993{marker('c', 4)}.</p>"
    assert set_citation_markers(f"<li>STAT5 {marker('a', 1)} {marker('b', 2)}</li>") == (
        f"<li>STAT5{marker('a', 1)}{SEPARATOR}{marker('b', 2)}</li>"
    )


def test_markers_with_words_between_them_stay_apart():
    html = f"<p>Each other {marker('a', 1)}{marker('b', 2)}. Found in 1993 {marker('c', 4)}.</p>"
    assert set_citation_markers(html) == (
        f"<p>Each other{marker('a', 1)}{SEPARATOR}{marker('b', 2)}. Found in 1993{marker('c', 4)}.</p>"
    )


def test_attributes_added_by_other_hooks_are_kept():
    excluded = marker("b", 3).replace("<sup ", "<sup data-search-exclude ")
    assert set_citation_markers(excluded + marker("a", 1)) == marker("a", 1) + SEPARATOR + excluded


def test_in_every_built_page_adjacent_citations_are_ascending_and_each_separator_sits_between_two(real_site):
    numbers = re.compile(r'<a class="footnote-ref" href="#fn:[^"]+">(\d+)</a></sup>(?=<sup class="citation-separator")')
    following = re.compile(r'citation-separator[^>]*>,</sup><sup[^>]*id="fnref\d*:[^"]+"[^>]*><a[^>]*>(\d+)<')
    separated_pages = 0
    for path in real_site.site_dir.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        separators = html.count('class="citation-separator"')
        pairs = list(zip(numbers.findall(html), following.findall(html), strict=True))
        assert len(pairs) == separators, f"{path}: a separator without a citation on each side"
        assert all(int(before) < int(after) for before, after in pairs), f"{path}: {pairs}"
        assert not re.search(r"</a></sup>\s*<sup[^>]*id=\"fnref", html), f"{path}: adjacent citations without a comma"
        assert not re.search(r"\s<sup[^>]*id=\"fnref", html), f"{path}: a space before a citation"
        separated_pages += bool(separators)
    assert separated_pages > 30
