"""Every check of the handbook's sources, run once over the whole site, in the build or without it.

``check_site`` knows nothing of MkDocs: the build hook ``build_checks.py`` and the
command ``python -m hooks.check`` both hand it a ``Site`` and print what it reports.
"""

from __future__ import annotations

from hooks import bib_lint, citations, handbook_data, site_content
from hooks.anchors import page_anchors
from hooks.diagnostics import Diagnostics, position
from hooks.front_matter import check_front_matter
from hooks.handbook_data import HandbookData, cite_lists
from hooks.html_safety import check_html
from hooks.links import check_links
from hooks.navigation import check_navigation
from hooks.site_content import SiteContent
from hooks.site_sources import Site


def check_site(site: Site, report: Diagnostics) -> tuple[HandbookData, SiteContent]:
    """Load and check the data, fill every placeholder, and check every page; all problems go to ``report``."""
    data = handbook_data.load(site.root, {page.uri for page in site.pages}, report)
    bib_file = site.root / data.bib_path
    bib_text = bib_file.read_text(encoding="utf-8") if bib_file.exists() else ""
    bib_lint.check_entries(data.references, bib_text, data.bib_path, report)
    bib_lint.check_record_kind(data.references, bib_text, data.bib_path, report)
    content = site_content.generate(site.pages, data, report)
    anchors = {uri: page_anchors(text) for uri, text in content.expanded.items()}
    monographs = _monograph_pages(data)
    cited: set[str] = {key for file in data.files.values() for _, key in cite_lists(file.content)}
    for page in site.pages:
        check_front_matter(page.path, page.text, report)
        check_html(page.path, page.text, report)
        own = citations.check_citations(page.path, page.text, data.references, report)
        citations.check_snippets(page.path, page.text, site.snippet_paths, report)
        if page.uri in monographs:
            citations.check_reference_count(page.path, own, report)
        check_links(page.path, page.uri, page.text, site.files, anchors, report)
        for piece in content.generated.get(page.uri, []):
            check_links(
                page.path,
                page.uri,
                piece.markdown,
                site.files,
                anchors,
                report,
                placed_at=position(page.text, piece.placeholder.start),
                origin=f"in what {piece.placeholder.hook} generates here: ",
            )
        cited.update(content.citations.get(page.uri, []))
    if data.references:
        bib_lint.check_uncited(data.references, cited, data.bib_path, report)
    check_navigation(site, report)
    return data, content


def _monograph_pages(data: HandbookData) -> set[str]:
    """Pages that data names as a peptide's or a mechanism's own page."""
    return {entry["page"] for name in ("peptides", "mechanisms") for entry in data.entries(name) if "page" in entry}
