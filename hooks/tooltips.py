"""Which words and links Material gives a tooltip: citations, and abbreviations at first use.

Material mounts a tooltip for every abbreviation and every element with a ``title`` in a
page, and mounting them was most of the theme's start-up work on a phone (Lighthouse's
total blocking time; figures in CONTRIBUTING.md). So:

- an abbreviation is marked at its first use on a page only, the usual editorial
  convention; the glossary holds every term;
- the footnote back-links (↩) and heading permalinks (¶) name themselves with
  ``aria-label`` instead of ``title``: screen readers announce the same words, and no
  tooltip is mounted for an arrow or a pilcrow.
"""

from __future__ import annotations

import re

ABBREVIATION = re.compile(r'<abbr title="[^"]*">(?P<text>[^<]*)</abbr>')
LINK_TITLE = re.compile(r'(<a class="(?:footnote-backref|headerlink)"[^>]*?) title="')


def first_uses_only(html: str) -> str:
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        if match.group("text") in seen:
            return match.group("text")
        seen.add(match.group("text"))
        return match.group(0)

    return ABBREVIATION.sub(keep_first, html)


def labels_instead_of_titles(html: str) -> str:
    return LINK_TITLE.sub(r'\1 aria-label="', html)


def on_page_content(html, page, config, files):
    return labels_instead_of_titles(first_uses_only(html))
