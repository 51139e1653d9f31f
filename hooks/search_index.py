"""What the search index leaves out: reference lists and citation numbers.

Every page ends with the full entries of the references it cites, and together those lists
were about three fifths of the search index, the largest file a reader downloads. The
same entries are held once on the bibliography page, which stays indexed, so a search by
author, title or DOI still finds them. A citation number means nothing once cut from its
list, so the numbers go too. Material's search skips any element marked
``data-search-exclude``; the bibliography's "Cited on" lines are marked in its template,
and the maintainers' source map by its front matter.
"""

from __future__ import annotations

import re

REFERENCE_LIST = re.compile(r'<div class="footnote">')
CITATION_NUMBER = re.compile(r'<sup id="fnref')


def exclude_citations(html: str) -> str:
    html = REFERENCE_LIST.sub('<div class="footnote" data-search-exclude>', html)
    return CITATION_NUMBER.sub('<sup data-search-exclude id="fnref', html)


def on_page_content(html, page, config, files):
    return exclude_citations(html)
