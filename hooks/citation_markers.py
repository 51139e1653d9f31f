"""Citation numbers set as in print: against the word they follow, ascending, with commas.

mkdocs-bibtex turns ``[@a; @b]`` into footnote references next to each other, numbered in
the order the page first cites each work. Printed as they come, 1 and 2 read as "12", a
group can come out as 17, 2, and the space written before ``[@a]`` in Markdown stands
between the word and its number. So each run of adjacent markers loses the space before
it and is put in ascending order with a comma between its numbers, as in Vancouver style.
A CSS rule could not add the commas: its sibling combinator ignores text, so it also put a
comma before a lone citation that followed another one anywhere in the same paragraph.
"""

from __future__ import annotations

import re

# A footnote reference as Python-Markdown writes it (``fnref2:`` for a repeated citation),
# with any attribute another hook has added to the <sup>.
MARKER = r'<sup\b[^>]*\bid="fnref\d*:[^"]+"[^>]*><a class="footnote-ref" href="#fn:[^"]+">\d+</a></sup>'
NUMBERED_MARKER = re.compile(MARKER.replace(r">\d+<", r">(?P<number>\d+)<"))
MARKER_RUN = re.compile(rf"\s*(?P<run>{MARKER}(?:\s*{MARKER})*)")
SEPARATOR = '<sup class="citation-separator" data-search-exclude>,</sup>'


def set_citation_markers(html: str) -> str:
    def rewrite(run: re.Match[str]) -> str:
        markers = sorted(NUMBERED_MARKER.finditer(run.group("run")), key=lambda marker: int(marker.group("number")))
        return SEPARATOR.join(marker.group(0) for marker in markers)

    return MARKER_RUN.sub(rewrite, html)


def on_page_content(html, page, config, files):
    return set_citation_markers(html)
