"""Peptide summary boxes: ``<!-- hooks/infobox.py PEPTIDE-ID -->`` renders one agent's box from data/peptides.yml."""

from __future__ import annotations

from hooks.data_tables import TEMPLATES, cell, cite, fact, status, unknown_value
from hooks.handbook_data import HandbookData

REGIONS = (("us", "United States (FDA)"), ("eu", "European Union (EMA)"), ("cn", "China (NMPA)"))


def render_infobox(data: HandbookData, peptide_id: str | None, page_uri: str) -> str | None:
    peptides = data.by_id("peptides")
    if peptide_id not in peptides:
        return None
    peptide = peptides[peptide_id]
    classes = data.by_id("peptide-classes")
    names = [*peptide.get("aliases", []), *peptide.get("brands", [])]
    half_life = peptide["half_life"]
    rows: list[tuple[str, str]] = [
        ("Class", classes.get(peptide["class"], {}).get("name", peptide["class"])),
        ("Molecular target", fact(peptide["target"])),
        ("Hormone mimicked", fact(peptide["mimics"])),
        ("Route", peptide["route"].capitalize()),
        ("Half-life", fact(half_life) if isinstance(half_life, dict) else unknown_value(half_life)),
        *((label, status(peptide["regulatory"][region])) for region, label in REGIONS),
        (
            "Evidence level",
            f"**{peptide['evidence']['level']}** for: {peptide['evidence']['claim']}"
            f"{cite(peptide['evidence']['cite'])}",
        ),
    ]
    if names:
        rows.append(("Other names", ", ".join(names)))
    return TEMPLATES.get_template("infobox.md.j2").render(
        name=peptide["name"], rows=[(label, cell(value)) for label, value in rows]
    )


def peptide_ids(data: HandbookData) -> list[str]:
    return sorted(data.by_id("peptides"))
