"""Internal links written in Markdown must resolve to a file of the site.

MkDocs' own ``validation:`` reports a broken link without its line; this check names
the file, line and column, and suggests the nearest existing file.
"""

from __future__ import annotations

import difflib
import posixpath
from urllib.parse import unquote, urlsplit

from hooks.diagnostics import Diagnostics, build_diagnostics, position, project_path
from hooks.markdown_source import find_links


def resolve(page_uri: str, target: str) -> str | None:
    """The docs-relative path a relative link points to, or None for external and same-page links."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return path.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))


def check_links(path: str, page_uri: str, text: str, site_files: set[str], report: Diagnostics) -> None:
    """Report every link in ``text`` (the page ``page_uri``) whose target is not in ``site_files``."""
    for link in find_links(text):
        resolved = resolve(page_uri, link.target)
        if resolved is None or resolved in site_files or resolved.rstrip("/") + "/index.md" in site_files:
            continue
        line, column = position(text, link.offset)
        kind = "image" if link.is_image else "link"
        report.error(
            path,
            line,
            column,
            "link-missing",
            f"{kind} target '{link.target}' is not a file in the docs folder",
            _suggestion(page_uri, resolved, site_files),
        )


def _suggestion(page_uri: str, resolved: str, site_files: set[str]) -> str:
    nearest = difflib.get_close_matches(resolved, sorted(site_files), n=1, cutoff=0.6)
    if not nearest:
        return "links are relative to the page and end in '.md', for example '../mechanisms/amylin.md'"
    relative = posixpath.relpath(nearest[0], posixpath.dirname(page_uri) or ".")
    return f"did you mean '{relative}'?"


def on_page_markdown(markdown, page, config, files):
    site_files = {file.src_uri for file in files}
    path = project_path(page.file.abs_src_path, config.config_file_path)
    check_links(path, page.file.src_uri, page.file.content_string, site_files, build_diagnostics)
    return markdown
