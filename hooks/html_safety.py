"""Raw HTML in Markdown must not run code: no scripts, frames, objects, event handlers or javascript: URLs.

The site's Content-Security-Policy forbids such code anyway; this check tells the
maintainer where it is, instead of letting it fail silently in a reader's browser.
"""

from __future__ import annotations

import re

from hooks.diagnostics import Diagnostics, position
from hooks.markdown_source import mask_code

UNSAFE_ELEMENT = re.compile(r"<(?P<name>script|iframe|object|embed|frame|frameset|applet|base|form)\b", re.IGNORECASE)
TAG = re.compile(r"<[A-Za-z][\w:-]*(?:\s[^<>]*)?>", re.DOTALL)
EVENT_ATTRIBUTE = re.compile(r"\s(?P<name>on[a-z]+)\s*=", re.IGNORECASE)
SCRIPT_URL = re.compile(r"(?P<url>(?:java|vb)script\s*:|data\s*:\s*text/html)", re.IGNORECASE)


def check_html(path: str, text: str, report: Diagnostics) -> None:
    masked = mask_code(text)
    for match in UNSAFE_ELEMENT.finditer(masked):
        report.error(
            path,
            *position(text, match.start()),
            "html-unsafe",
            f"raw HTML <{match.group('name').lower()}> can run code or load other sites",
            "the handbook's pages hold no scripts or embedded frames; link to the resource instead",
        )
    for tag in TAG.finditer(masked):
        for attribute in EVENT_ATTRIBUTE.finditer(tag.group(0)):
            report.error(
                path,
                *position(text, tag.start() + attribute.start("name")),
                "html-unsafe",
                f"the '{attribute.group('name')}' attribute runs code when the reader interacts with the page",
                "remove the event handler; interactive behaviour belongs in the theme, not in a page",
            )
    for match in SCRIPT_URL.finditer(masked):
        report.error(
            path,
            *position(text, match.start()),
            "html-unsafe",
            f"a '{match.group('url').split(':')[0].strip().lower()}:' URL runs code when followed",
            "link to an https:// address or a page of the handbook",
        )
