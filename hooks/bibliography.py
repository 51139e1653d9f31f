"""The bibliography page: ``<!-- hooks/bibliography.py -->`` lists every entry of references.bib.

Each entry has a stable anchor (its key), DOI, PubMed and PMC links, and links back to
every page that cites it. mkdocs-bibtex's ``\\full_bibliography`` is not used: it emits
footnotes whose anchors fail strict validation and it knows nothing of back-links.
"""

from __future__ import annotations

from hooks.bib_lint import SECONDARY_RECORD
from hooks.citations import BRACKETS, citation_keys
from hooks.data_tables import TEMPLATES, page_link
from hooks.markdown_source import mask_code
from hooks.references import Reference, format_reference


def cited_keys(markdown: str) -> list[str]:
    """Keys cited as ``[@key]`` or ``[@a; @b]`` outside code, in order of first citation."""
    masked = mask_code(markdown)
    keys: dict[str, None] = {}
    for block in BRACKETS.finditer(markdown):
        if masked[block.start()] == "[":
            keys.update(dict.fromkeys(citation_keys(block.group("body")) or []))
    return list(keys)


def sort_key(reference: Reference) -> tuple[str, str, str]:
    first = reference.authors[0].lower() if reference.authors else reference.get("author").strip("{}").lower()
    return first, reference.get("year"), reference.key


def render_bibliography(
    references: dict[str, Reference], citing_pages: dict[str, list[tuple[str, str]]], page_uri: str
) -> str:
    """``citing_pages`` maps a key to (page path, page title) pairs, in nav order."""
    entries = [
        {
            "key": reference.key,
            "text": format_reference(reference),
            "secondary": SECONDARY_RECORD in reference.keywords,
            "cited_on": [
                f"[{title}]({page_link(page_uri, page)})" for page, title in citing_pages.get(reference.key, [])
            ],
        }
        for reference in sorted(references.values(), key=sort_key)
    ]
    return TEMPLATES.get_template("bibliography.md.j2").render(
        entries=entries, policy=page_link(page_uri, "start/editorial-policy.md")
    )
