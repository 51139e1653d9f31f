"""Each page's reference list reads as the bibliography does: one formatter for both."""

from __future__ import annotations

import re

from hooks.diagnostics import Diagnostics
from hooks.reference_lists import in_bibliography_style
from hooks.references import format_reference, parse_references

BIB = """@article{moller2009effects,
  author = {Møller, Niels and Jørgensen, Jens Otto Lunde},
  title = {Effects of growth hormone on glucose, lipid, and protein metabolism in human subjects},
  journal = {Endocrine Reviews}, year = {2009}, volume = {30}, number = {2}, pages = {152--177},
  doi = {10.1210/er.2008-0027}, pmid = {19240267}
}
"""


def test_footnotes_holding_a_reference_take_the_bibliography_style_and_others_stay():
    references = parse_references(BIB, "references.bib", Diagnostics())
    markdown = (
        "GH opposes insulin[^moller2009effects].\n\n"
        "[^note]: A note written by hand.\n"
        "[^moller2009effects]: Niels Møller and Jens Otto Lunde Jørgensen. Effects of growth hormone. 2009.\n"
    )
    restyled = in_bibliography_style(markdown, references)
    assert restyled == (
        "GH opposes insulin[^moller2009effects].\n\n"
        "[^note]: A note written by hand.\n"
        f"[^moller2009effects]: {format_reference(references['moller2009effects'])}\n"
    )
    assert "Møller N, Jørgensen JOL. Effects of growth hormone" in restyled
    assert "[PMID 19240267](https://pubmed.ncbi.nlm.nih.gov/19240267/)" in restyled


def unmarked(html: str) -> str:
    return re.sub(r"<abbr [^>]*>([^<]*)</abbr>", r"\1", html)


def test_every_reference_list_entry_matches_its_bibliography_entry(real_site):
    bibliography = (real_site.site_dir / "reference" / "bibliography" / "index.html").read_text(encoding="utf-8")
    entries = dict(
        re.findall(
            r'<div class="reference" id="([^"]+)">\s*<p>(.*?)(?: <span class="reference__record"|</p>)', bibliography
        )
    )
    compared = 0
    for path in real_site.site_dir.rglob("index.html"):
        listed = re.findall(
            r'<li id="fn:([^"]+)">\s*<p>(.*?)&#160;<a class="footnote-backref"', path.read_text("utf-8")
        )
        for key, text in listed:
            # An abbreviation is marked at its first use on each page, so marks may differ.
            assert unmarked(text) == unmarked(entries[key]), f"{path.relative_to(real_site.site_dir)}: {key}"
            compared += 1
    assert compared > 500
