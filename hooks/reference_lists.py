"""Build hook: each page's reference list in the bibliography's style.

mkdocs-bibtex writes each cited work as a footnote in pybtex's style ("Niels Møller and
Jens Otto Lunde Jørgensen. … Endocrine Reviews, 30(2):152–177, 2009."), with no PubMed
link, while the bibliography page uses ``references.format_reference``. The same work
then read two ways. After mkdocs-bibtex has added the footnotes, each one that holds a
reference is rewritten with the bibliography's formatter, so a reference reads, and
links, the same wherever it appears: page, tooltip, bibliography and PDF.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

from hooks import handbook_data
from hooks.references import Reference, format_reference

# A footnote definition as mkdocs-bibtex writes it: one line, labelled with the key.
FOOTNOTE = re.compile(r"^\[\^(?P<key>[^\]\s]+)\]: .*$", re.MULTILINE)


def in_bibliography_style(markdown: str, references: dict[str, Reference]) -> str:
    """Footnotes labelled with a reference's key, restyled; any other footnote is left as written."""

    def restyle(footnote: re.Match[str]) -> str:
        reference = references.get(footnote.group("key"))
        return f"[^{reference.key}]: {format_reference(reference)}" if reference else footnote.group(0)

    return FOOTNOTE.sub(restyle, markdown)


@event_priority(-10)  # after mkdocs-bibtex (priority 0) has added the footnotes
def on_page_markdown(markdown, page, config, files):
    # The references build_checks.py parsed for this build: references.bib is read once.
    return in_bibliography_style(markdown, handbook_data.last_loaded().references)
