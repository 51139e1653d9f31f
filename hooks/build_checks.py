"""Build hook: check the whole site and fill every placeholder before any page is rendered.

Thin adapter: ``site_checks.check_site`` does the work on a ``Site`` made of MkDocs'
file list; each page's Markdown is then swapped for its expanded form, before
mkdocs-bibtex turns ``[@key]`` into footnotes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from hooks import citations, glossary, site_content, site_sources
from hooks.diagnostics import build_diagnostics, project_path
from hooks.site_checks import check_site

# Where pymdownx.snippets finds the generated abbreviations (see mkdocs.yml).
ABBREVIATIONS_FILE = Path(".cache/handbook/abbreviations.md")

_content = site_content.SiteContent()
_known_keys: set[str] = set()


def on_nav(nav, config, files):
    global _content, _known_keys
    config_file = site_sources.defining_config(Path(config.config_file_path))
    root = config_file.parent
    node, plain_config = site_sources.read_config(config_file)
    documentation = files.documentation_pages()
    in_nav = [page.file for page in nav.pages]
    ordered = in_nav + [file for file in documentation if file not in in_nav]
    site = site_sources.Site(
        root=root,
        config_path=project_path(str(config_file), str(config_file)),
        docs_prefix=project_path(config.docs_dir, str(config_file)),
        pages=[
            site_sources.source_page(
                file.src_uri, project_path(file.abs_src_path, str(config_file)), file.content_string
            )
            for file in ordered
        ],
        files={file.src_uri for file in files},
        nav=site_sources.nav_entries(node),
        snippet_paths=site_sources.snippet_paths(root, plain_config),
    )
    data, _content = check_site(site, build_diagnostics)
    _known_keys = set(data.references)
    abbreviations = root / ABBREVIATIONS_FILE
    abbreviations.parent.mkdir(parents=True, exist_ok=True)
    abbreviations.write_text(glossary.abbreviation_definitions(data), encoding="utf-8")
    return nav


@event_priority(60)  # before mkdocs-bibtex (priority 0) turns [@key] into footnotes
def on_page_markdown(markdown, page, config, files):
    body = _content.body(page.file.src_uri, page.file.content_string, markdown)
    return citations.prepare_for_bibtex(body, _known_keys)
