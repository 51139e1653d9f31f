"""Every link of a page resolves: to a file of the site, to an anchor of that page, or to a permitted outside address.

Links are checked on the Markdown as written (with its lines and columns) and on the
Markdown that placeholders generate (reported at the placeholder). MkDocs' own
``validation:`` sees only links Python-Markdown produced, and names no line.
"""

from __future__ import annotations

import difflib
import posixpath
from urllib.parse import unquote, urlsplit

from hooks.diagnostics import Diagnostics, position
from hooks.external_links import external_link_problem, is_external
from hooks.markdown_source import find_links

SCRIPT_SCHEMES = ("javascript", "vbscript", "data")  # reported by html_safety


def resolve(page_uri: str, target: str) -> str | None:
    """The docs-relative path a relative link points to, or None for external and same-page links."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return path.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))


def check_links(
    path: str,
    page_uri: str,
    text: str,
    site_files: set[str],
    anchors: dict[str, set[str]],
    report: Diagnostics,
    *,
    placed_at: tuple[int, int] | None = None,
    origin: str = "",
) -> None:
    """Report every link in ``text`` (of the page ``page_uri``) that does not resolve.

    ``anchors`` maps each page to the anchors it will have. For generated Markdown,
    ``placed_at`` is the placeholder's line and column and ``origin`` names it.
    """
    for link in find_links(text):
        where = placed_at or position(text, link.offset)
        kind = "image" if link.is_image else "link"
        subject = f"{origin}{kind} target '{link.target}'"
        parts = urlsplit(link.target)
        if parts.scheme.lower() in SCRIPT_SCHEMES:
            continue
        if is_external(link.target):
            problem = external_link_problem(link.target)
            if problem:
                report.error(path, *where, "link-external", f"{origin}{problem[0]}", problem[1])
            continue
        resolved = resolve(page_uri, link.target)
        target_page = page_uri if resolved is None else _page_for(resolved, site_files)
        if resolved is not None and target_page is None:
            report.error(
                path,
                *where,
                "link-missing",
                f"{subject} is not a file in the docs folder",
                _file_suggestion(page_uri, resolved, site_files),
            )
            continue
        fragment = unquote(parts.fragment)
        if not fragment or target_page not in anchors or fragment in anchors[target_page]:
            continue
        nearest = difflib.get_close_matches(fragment, sorted(anchors[target_page]), n=1, cutoff=0.6)
        report.error(
            path,
            *where,
            "link-anchor",
            f"{subject}: '{target_page}' has no anchor '#{fragment}'",
            f"did you mean '#{nearest[0]}'?"
            if nearest
            else "anchors are heading slugs (lowercase, hyphens), '{ #id }' attributes or glossary/bibliography ids",
        )


def _page_for(resolved: str, site_files: set[str]) -> str | None:
    if resolved in site_files:
        return resolved
    index = posixpath.join(resolved.rstrip("/"), "index.md") if resolved not in ("", ".") else "index.md"
    return index if index in site_files else None


def _file_suggestion(page_uri: str, resolved: str, site_files: set[str]) -> str:
    nearest = difflib.get_close_matches(resolved, sorted(site_files), n=1, cutoff=0.6)
    if not nearest:
        return "links are relative to the page and end in '.md', for example '../mechanisms/amylin.md'"
    relative = posixpath.relpath(nearest[0], posixpath.dirname(page_uri) or ".")
    return f"did you mean '{relative}'?"
