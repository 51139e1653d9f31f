"""Reading Markdown source as a maintainer wrote it: code masked, links found with their places.

Every check that reports a line and column works on the raw file text, so offsets
found here map straight back to what the maintainer sees in an editor.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml

# libyaml's loader when PyYAML has it: front matter is read for every page.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.DOTALL)
FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})", re.MULTILINE)
# A code span ends at its closing backticks and never runs across a blank line.
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.DOTALL)
INLINE_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
)
HTML_LINK = re.compile(
    r"<(?P<tag>a|img|link|source)\b[^>]*?\s(?P<attr>href|src)\s*=\s*(?P<quote>[\"']?)(?P<target>[^\"'\s>]*)(?P=quote)",
    re.IGNORECASE | re.DOTALL,
)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]\n^]+)\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.MULTILINE)


@dataclass(frozen=True)
class Link:
    target: str
    offset: int  # of the target's first character in the file text
    is_image: bool = False


@functools.lru_cache(maxsize=512)
def mask_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked out, offsets unchanged.

    Cached: every check of a page masks the same text.
    """
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    position = 0
    while match := FENCE_OPEN.search(text, position):
        fence = match.group("fence")
        closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        line_end = text.find("\n", match.end())
        body_start = len(text) if line_end == -1 else line_end + 1
        close = closing.search(text, body_start)
        end = len(text) if close is None else close.end()
        blank(match.start(), end)
        position = end
    masked = "".join(chars)
    for span in CODE_SPAN.finditer(masked):
        blank(span.start(), span.end())
    return "".join(chars)


def front_matter_end(text: str) -> int:
    """Offset of the first character after the YAML front matter (0 when there is none)."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


def find_links(text: str) -> list[Link]:
    """Inline links, images, raw HTML links and reference definitions outside code, in file order."""
    masked = mask_code(text)
    links: list[Link] = []
    for match in INLINE_LINK.finditer(masked):
        target = match.group("target")
        offset = match.start("target")
        if target.startswith("<"):
            target, offset = target[1:-1], offset + 1
        links.append(Link(target, offset, is_image=bool(match.group("image"))))
    for match in HTML_LINK.finditer(masked):
        links.append(Link(match.group("target"), match.start("target"), is_image=match.group("tag").lower() == "img"))
    for match in REFERENCE_DEFINITION.finditer(masked):
        target = match.group("target")
        offset = match.start("target")
        if target.startswith("<"):
            target, offset = target[1:-1], offset + 1
        links.append(Link(target, offset))
    return sorted(links, key=lambda link: link.offset)


def front_matter(text: str) -> dict:
    """The page's YAML front matter as a mapping ({} when absent or not a mapping)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        meta = yaml.load(match.group(0).strip().strip("-").strip("."), Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}
