"""Generated content for every page at once: placeholders expanded, citations indexed.

All pages are expanded before any is rendered, because the bibliography lists the
pages that cite each entry. Unused data (a table no page shows, a peptide without its
summary box) is reported as well as unknown placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hooks import bibliography, data_tables, glossary, infobox, print_book, related
from hooks.data_store import DataFile
from hooks.diagnostics import Diagnostics
from hooks.handbook_data import HandbookData
from hooks.placeholders import Generated, Renderer, expand, find_placeholders
from hooks.site_sources import SourcePage

BIBLIOGRAPHY_MARK = "\x00bibliography\x00"


@dataclass
class SiteContent:
    expanded: dict[str, str] = field(default_factory=dict)
    citations: dict[str, list[str]] = field(default_factory=dict)
    generated: dict[str, list[Generated]] = field(default_factory=dict)

    def body(self, uri: str, text: str, markdown: str) -> str:
        """The expanded form of ``markdown``, the part of the page ``text`` after its front matter."""
        expanded = self.expanded.get(uri)
        if expanded is None or not text.endswith(markdown):
            return markdown
        return expanded[len(text) - len(markdown) :]


def generate(pages: list[SourcePage], data: HandbookData, report: Diagnostics) -> SiteContent:
    titles = {page.uri: page.title for page in pages}
    terms_page = next(
        (
            page.uri
            for page in pages
            if any((p.hook, p.argument) == ("hooks/glossary.py", "terms") for p in find_placeholders(page.text))
        ),
        "",
    )
    loaded = set(data.files)
    table_sources = {table["source"] for table in data.entries("tables")}
    renderers = {
        "hooks/data_tables.py": Renderer(
            lambda arg, uri: data_tables.render_table(data, arg, uri, titles),
            lambda: data_tables.table_ids(data),
            {"tables", "peptide-classes"} | table_sources <= loaded,
        ),
        "hooks/infobox.py": Renderer(
            lambda arg, uri: infobox.render_infobox(data, arg, uri),
            lambda: infobox.peptide_ids(data),
            {"peptides", "peptide-classes"} <= loaded,
        ),
        "hooks/related.py": Renderer(
            lambda arg, uri: related.render_related(data, arg, uri),
            lambda: related.subject_ids(data),
            {"peptides", "mechanisms"} <= loaded,
        ),
        "hooks/glossary.py": Renderer(
            lambda arg, uri: glossary.render_glossary(data, arg, uri, titles, terms_page or uri),
            lambda: list(glossary.SECTIONS),
            "glossary" in loaded,
        ),
        "hooks/bibliography.py": Renderer(lambda arg, uri: BIBLIOGRAPHY_MARK if arg is None else None, lambda: []),
        "hooks/pdf_export.py": Renderer(
            lambda arg, uri: print_book.DOWNLOAD_MARKER + "\n" if arg is None else None, lambda: []
        ),
    }
    data_tables.check_tables(data, report)
    placed: set[tuple[str, str | None]] = set()
    content = SiteContent()
    for page in pages:
        pieces: list[Generated] = []
        expanded = expand(page.text, page.uri, page.path, renderers, report, placed, pieces)
        content.expanded[page.uri] = expanded
        content.generated[page.uri] = pieces
        content.citations[page.uri] = bibliography.cited_keys(expanded)
    citing: dict[str, list[tuple[str, str]]] = {}
    for page in pages:
        for key in content.citations[page.uri]:
            citing.setdefault(key, []).append((page.uri, page.title))
    for uri, expanded in content.expanded.items():
        if BIBLIOGRAPHY_MARK in expanded:
            rendered = bibliography.render_bibliography(data.references, citing, uri)
            content.expanded[uri] = expanded.replace(BIBLIOGRAPHY_MARK, rendered)
            content.generated[uri] = [
                Generated(piece.placeholder, rendered) if piece.markdown == BIBLIOGRAPHY_MARK else piece
                for piece in content.generated[uri]
            ]
    _report_unplaced(data, renderers, placed, report)
    return content


def _report_unplaced(
    data: HandbookData, renderers: dict[str, Renderer], placed: set[tuple[str, str | None]], report: Diagnostics
) -> None:
    def missing(name: str, hook: str, hint: str, *, only_with_page: bool) -> None:
        """Report entries of data/NAME.yml that no placeholder of ``hook`` shows.

        Peptides and mechanisms need their boxes only once they have a page of their own.
        """
        if name not in data.files or not renderers[hook].available:
            return
        file: DataFile = data.files[name]
        for index, entry in enumerate(data.entries(name)):
            if only_with_page and "page" not in entry or (hook, entry["id"]) in placed:
                continue
            where = entry.get("page", "a page")
            report.error(
                file.path,
                *file.place((index, "id")),
                "placeholder-unused",
                hint.format(id=entry["id"], page=where),
                f"add '<!-- {hook} {entry['id']} -->' on its own line to {where}",
            )

    missing("tables", "hooks/data_tables.py", "table '{id}' is shown on no page", only_with_page=False)
    missing("peptides", "hooks/infobox.py", "peptide '{id}' has no summary box on {page}", only_with_page=True)
    missing("peptides", "hooks/related.py", "peptide '{id}' has no related-pages box on {page}", only_with_page=True)
    missing(
        "mechanisms", "hooks/related.py", "mechanism '{id}' has no related-pages box on {page}", only_with_page=True
    )
    if renderers["hooks/glossary.py"].available:
        for section in glossary.SECTIONS:
            if ("hooks/glossary.py", section) not in placed:
                report.error(
                    data.files["glossary"].path,
                    1,
                    1,
                    "placeholder-unused",
                    f"the glossary's {section} are shown on no page",
                    f"add '<!-- hooks/glossary.py {section} -->' to the glossary page",
                )
