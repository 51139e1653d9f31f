"""Build hook: load and check the data, then fill every placeholder before mkdocs-bibtex runs.

Thin adapter: the work is done by ``handbook_data.load`` and ``site_content.generate``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from hooks import glossary, handbook_data, site_content
from hooks.diagnostics import build_diagnostics, project_path
from hooks.markdown_source import front_matter

# Where pymdownx.snippets finds the generated abbreviations (see mkdocs.yml).
ABBREVIATIONS_FILE = Path(".cache/handbook/abbreviations.md")

_content = site_content.SiteContent()


def on_nav(nav, config, files):
    global _content
    root = Path(config.config_file_path).parent
    documentation = files.documentation_pages()
    data = handbook_data.load(root, {file.src_uri for file in documentation}, build_diagnostics)
    abbreviations = root / ABBREVIATIONS_FILE
    abbreviations.parent.mkdir(parents=True, exist_ok=True)
    abbreviations.write_text(glossary.abbreviation_definitions(data), encoding="utf-8")
    in_nav = [page.file for page in nav.pages]
    ordered = in_nav + [file for file in documentation if file not in in_nav]
    pages = [
        site_content.SourcePage(
            file.src_uri,
            project_path(file.abs_src_path, config.config_file_path),
            file.content_string,
            str(front_matter(file.content_string).get("title", file.name)),
        )
        for file in ordered
    ]
    _content = site_content.generate(pages, data, build_diagnostics)
    return nav


@event_priority(60)  # before mkdocs-bibtex (priority 0) turns [@key] into footnotes
def on_page_markdown(markdown, page, config, files):
    return _content.body(page.file.src_uri, page.file.content_string, markdown)
