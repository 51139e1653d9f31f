"""The anchors a page will have once rendered, found from its Markdown.

Headings get the id Python-Markdown's toc extension gives them; ids written with
attr_list (``{ #id }``), footnotes and raw HTML ``id``/``name`` attributes count too.
The tests compare ``heading_slug`` with the toc extension on arbitrary headings.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import markdown
from markdown.extensions.toc import slugify, strip_tags, unique

from hooks.markdown_source import front_matter_end, mask_code

# As Python-Markdown reads them: no indent, no space needed after the marks, closing marks dropped.
ATX_HEADING = re.compile(r"^(?P<marks>#{1,6})(?P<text>.*)$", re.MULTILINE)
SETEXT_HEADING = re.compile(r"^(?P<text>[^\n]*\S)[ \t]*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
CLOSING_HASHES = re.compile(r"(?<!\\)#+[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?P<attrs>[^{}\n]*)\}[ \t]*$")
ATTR_ID = re.compile(r"(?:^|\s)#(?P<id>[^\s}]+)")
ATTR_BLOCK_ID = re.compile(r"\{:?[ \t]*[^{}\n]*?(?<![^\s{:])#(?P<id>[^\s}]+)[^{}\n]*\}")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\n]+)\]:", re.MULTILINE)
HTML_ID = re.compile(r"<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*[\"']?(?P<id>[^\"'\s>]+)", re.DOTALL)
# Characters that make a heading's rendered text differ from its source text.
MARKUP = re.compile(r"[\\`*_\[\]<>&!{}:]")

_inline = markdown.Markdown(extensions=["attr_list"])


def heading_slug(text: str) -> str:
    """The slug toc gives a heading whose Markdown source is ``text`` (before de-duplication)."""
    if MARKUP.search(text):
        _inline.reset()
        rendered = _inline.convert(f"# {text}")
        start, end = rendered.find(">") + 1, rendered.rfind("<")
        text = strip_tags(rendered[start:end] if 0 < start <= end else "")
    return slugify(html.unescape(text), "-")


def _heading_texts(masked: str, body: str) -> Iterable[tuple[int, str]]:
    """Headings found outside code in ``masked``, with their text read from ``body`` (code spans kept)."""

    def line_from(start: int) -> str:
        end = body.find("\n", start)
        return body[start : len(body) if end == -1 else end].strip()

    for match in ATX_HEADING.finditer(masked):
        yield match.start(), line_from(match.end("marks"))
    for match in SETEXT_HEADING.finditer(masked):
        text = line_from(match.start("text"))
        if not ATX_HEADING.match(text) and not text.startswith(("-", "*", "+", "|", ">")):
            yield match.start(), text


def page_anchors(text: str) -> set[str]:
    """Every anchor the page whose Markdown source is ``text`` will have."""
    body_start = front_matter_end(text)
    body = text[body_start:]
    masked = mask_code(text)[body_start:]
    explicit = {match.group("id") for match in ATTR_BLOCK_ID.finditer(masked)}
    explicit |= {match.group("id") for match in HTML_ID.finditer(masked)}
    for match in FOOTNOTE_DEFINITION.finditer(masked):
        explicit |= {f"fn:{match.group('label')}", f"fnref:{match.group('label')}"}
    used = set(explicit)
    anchors = set(explicit)
    for _, raw in sorted(_heading_texts(masked, body)):
        raw = CLOSING_HASHES.sub("", raw.strip())
        attrs = ATTR_LIST.search(raw)
        if attrs and ATTR_ID.search(attrs.group("attrs")):
            continue  # its id is already among the explicit ones
        if attrs:
            raw = raw[: attrs.start()]
        anchors.add(unique(heading_slug(raw.strip()), used))
    return anchors
