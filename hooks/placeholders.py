"""Placeholders in Markdown that name the hook which fills them: ``<!-- hooks/data_tables.py gh-axis -->``.

A placeholder stands alone on its line. Its first word is the file of the hook that
renders it; the optional second word says what to render (a table id, a peptide id).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from hooks.diagnostics import Diagnostics, position
from hooks.markdown_source import mask_code

PLACEHOLDER = re.compile(r"^<!--\s*(?P<hook>hooks/[\w.-]+)(?:[ \t]+(?P<argument>[\w.-]+))?\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Renderer:
    """What fills a hook's placeholders.

    ``render(argument, page_uri)`` returns Markdown, or None when it knows no such argument;
    ``known()`` lists the arguments it knows, for hints. When the data a renderer needs
    failed to load (``available`` is false), its placeholders are emptied without a
    further error: the data's own diagnostics already say what is wrong.
    """

    render: Callable[[str | None, str], str | None]
    known: Callable[[], list[str]]
    available: bool = True


@dataclass(frozen=True)
class Placeholder:
    hook: str
    argument: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Generated:
    """What one placeholder was replaced with."""

    placeholder: Placeholder
    markdown: str


def find_placeholders(text: str) -> list[Placeholder]:
    masked = mask_code(text)
    return [Placeholder(m.group("hook"), m.group("argument"), m.start(), m.end()) for m in PLACEHOLDER.finditer(masked)]


def expand(
    text: str,
    page_uri: str,
    path: str,
    renderers: dict[str, Renderer],
    report: Diagnostics,
    placed: set[tuple[str, str | None]],
    generated: list[Generated] | None = None,
) -> str:
    """``text`` with each placeholder replaced by its rendering.

    Every placement is added to ``placed``, and every rendering to ``generated``.
    """
    pieces: list[str] = []
    cursor = 0
    for placeholder in find_placeholders(text):
        pieces.append(text[cursor : placeholder.start])
        cursor = placeholder.end
        line, column = position(text, placeholder.start)
        renderer = renderers.get(placeholder.hook)
        if renderer is None:
            nearest = difflib.get_close_matches(placeholder.hook, sorted(renderers), n=1)
            report.error(
                path,
                line,
                column,
                "placeholder-unknown",
                f"no hook renders '{placeholder.hook}'",
                f"did you mean '{nearest[0]}'?" if nearest else f"hooks that render: {', '.join(sorted(renderers))}",
            )
            continue
        if not renderer.available:
            continue
        rendered = renderer.render(placeholder.argument, page_uri)
        if rendered is None:
            known = renderer.known()
            nearest = difflib.get_close_matches(placeholder.argument or "", known, n=1)
            report.error(
                path,
                line,
                column,
                "placeholder-unknown",
                f"{placeholder.hook} has nothing called '{placeholder.argument}'",
                f"did you mean '{nearest[0]}'?" if nearest else f"known: {', '.join(known) or 'none'}",
            )
            continue
        placed.add((placeholder.hook, placeholder.argument))
        if generated is not None:
            generated.append(Generated(placeholder, rendered))
        pieces.append(rendered)
    pieces.append(text[cursor:])
    return "".join(pieces)
