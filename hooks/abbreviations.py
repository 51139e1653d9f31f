"""Abbreviations are marked at their first use on a page, not at every use.

The ``abbr`` extension wraps every occurrence, and Material gives each wrapped word its
own tooltip: on a mechanism page that was some seventy tooltips, most of the theme's
start-up work on a phone (see the Lighthouse figures in CONTRIBUTING.md). Defining a
term at first use is also the usual editorial convention; the glossary holds every term.
"""

from __future__ import annotations

import re

ABBREVIATION = re.compile(r'<abbr title="[^"]*">(?P<text>[^<]*)</abbr>')


def first_uses_only(html: str) -> str:
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        if match.group("text") in seen:
            return match.group("text")
        seen.add(match.group("text"))
        return match.group(0)

    return ABBREVIATION.sub(keep_first, html)


def on_page_content(html, page, config, files):
    return first_uses_only(html)
