"""Related-pages boxes: ``<!-- hooks/related.py ID -->`` on a mechanism or peptide page.

A relation is declared once in data (a mechanism's ``leads_to``, a peptide's
``acts_through``) and shown here on both of its ends, each with its citations.
"""

from __future__ import annotations

from typing import Any

from hooks.data_tables import TEMPLATES, cite, page_link
from hooks.handbook_data import HandbookData


def _link(page_uri: str, entry: dict[str, Any], keys: list[str]) -> str:
    name = f"[{entry['name']}]({page_link(page_uri, entry['page'])})" if "page" in entry else entry["name"]
    return f"{name}{cite(keys)}"


def render_related(data: HandbookData, subject_id: str | None, page_uri: str) -> str | None:
    mechanisms = data.by_id("mechanisms")
    peptides = data.by_id("peptides")
    if subject_id in mechanisms:
        mechanism = mechanisms[subject_id]
        upstream = [
            _link(page_uri, other, link["cite"])
            for other in mechanisms.values()
            for link in other.get("leads_to", [])
            if link["mechanism"] == subject_id
        ]
        downstream = [
            _link(page_uri, mechanisms[link["mechanism"]], link["cite"])
            for link in mechanism.get("leads_to", [])
            if link["mechanism"] in mechanisms
        ]
        acting = [
            _link(page_uri, peptide, link["cite"])
            for peptide in peptides.values()
            for link in peptide["acts_through"]
            if link["mechanism"] == subject_id
        ]
        groups = [("Upstream", upstream), ("Downstream", downstream), ("Peptides acting here", acting)]
    elif subject_id in peptides:
        peptide = peptides[subject_id]
        through = [
            _link(page_uri, mechanisms[link["mechanism"]], link["cite"])
            for link in peptide["acts_through"]
            if link["mechanism"] in mechanisms
        ]
        same_class = [
            _link(page_uri, other, [])
            for other in peptides.values()
            if other["class"] == peptide["class"] and other["id"] != subject_id
        ]
        groups = [("Acts through", through), ("Same class", same_class)]
    else:
        return None
    return TEMPLATES.get_template("related.md.j2").render(groups=groups)


def subject_ids(data: HandbookData) -> list[str]:
    return sorted([*data.by_id("mechanisms"), *data.by_id("peptides")])
