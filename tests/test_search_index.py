"""The search index: reference lists and links between pages stay out, every name of an agent stays in."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from hooks.search_index import exclude_citations
from tests.conftest import ROOT

PEPTIDES = yaml.safe_load((ROOT / "data" / "peptides.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def index(real_site) -> list[dict]:
    return json.loads((real_site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def page_text(index: list[dict], page: str) -> str:
    location = page.removesuffix(".md") + "/"
    return " ".join(doc["title"] + " " + doc["text"] for doc in index if doc["location"].split("#")[0] == location)


@pytest.mark.parametrize("peptide", PEPTIDES, ids=[peptide["id"] for peptide in PEPTIDES])
def test_every_name_of_an_agent_is_searchable_on_its_own_page(index, peptide):
    text = page_text(index, peptide["page"]).lower()
    names = [*peptide.get("aliases", []), *peptide.get("brands", [])]
    assert [name for name in names if name.lower() not in text] == []


def test_reference_lists_citation_numbers_and_identifiers_are_left_out(index):
    text = " ".join(doc["text"] for doc in index)
    assert "doi:" not in text and "PMID" not in text
    assert not re.search(r"<sup>\d+</sup>", text)
    assert "Cited on:" not in text
    assert "None recorded in the handbook's data." not in text  # the related-pages boxes
    assert not [doc for doc in index if doc["location"].startswith("start/source-map/")]


def test_each_reference_is_still_found_once_on_the_bibliography_page(index):
    bibliography = page_text(index, "reference/bibliography.md").lower()
    assert "pulsatile secretion of growth hormone (gh) persists during continuous stimulation" in bibliography
    elsewhere = " ".join(
        doc["text"].lower() for doc in index if not doc["location"].startswith("reference/bibliography/")
    )
    assert "persists during continuous stimulation" not in elsewhere


def test_the_reference_list_and_citation_numbers_are_marked_for_exclusion():
    html = (
        '<p>GH<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></p>'
        '<div class="footnote"><ol></ol></div>'
    )
    assert exclude_citations(html) == (
        '<p>GH<sup data-search-exclude id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></p>'
        '<div class="footnote" data-search-exclude><ol></ol></div>'
    )
