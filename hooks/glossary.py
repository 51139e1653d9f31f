"""The glossary page and the abbreviation tooltips, both from data/glossary.yml.

``<!-- hooks/glossary.py terms -->`` renders the definitions, ``<!-- hooks/glossary.py
abbreviations -->`` the table of abbreviations. ``abbreviation_definitions`` writes the
``*[GH]: growth hormone`` lines that pymdownx.snippets appends to every page, so that
Python-Markdown's abbr extension shows a tooltip wherever an abbreviation is used.
"""

from __future__ import annotations

from hooks.data_tables import TEMPLATES, cell, cite, page_link
from hooks.handbook_data import HandbookData

SECTIONS = ("terms", "abbreviations")


def render_glossary(
    data: HandbookData, section: str | None, page_uri: str, titles: dict[str, str], terms_page: str
) -> str | None:
    """``terms_page`` is the page that shows the definitions; abbreviations link to it."""
    glossary = data.glossary
    if section == "terms":
        terms = [
            {
                "id": term["id"],
                "term": term["term"],
                "definition": " ".join(term["definition"].split()) + cite(term["cite"]),
                "see": page_link(page_uri, term["see"]) if "see" in term else "",
                "see_title": titles.get(term.get("see", ""), ""),
            }
            for term in sorted(glossary["terms"], key=lambda term: term["term"].lower())
        ]
        return TEMPLATES.get_template("glossary_terms.md.j2").render(terms=terms)
    if section == "abbreviations":
        terms = {term["id"]: term for term in glossary["terms"]}
        rows = ["| Abbreviation | Meaning |", "| --- | --- |"]
        for abbreviation in sorted(glossary["abbreviations"], key=lambda a: a["abbr"].lower()):
            meaning = cell(abbreviation["expansion"])
            if abbreviation.get("term") in terms:
                target = page_link(page_uri, terms_page) if terms_page != page_uri else ""
                meaning = f"[{meaning}]({target}#{abbreviation['term']})"
            rows.append(f"| {cell(abbreviation['abbr'])} | {meaning} |")
        return "\n".join(rows) + "\n"
    return None


def abbreviation_definitions(data: HandbookData) -> str:
    return "".join(f"*[{a['abbr']}]: {a['expansion']}\n" for a in data.glossary["abbreviations"])
