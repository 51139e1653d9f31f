"""references.bib checked entry by entry: required fields, identifiers, duplicates, use.

Every entry must say where it was verified (``verified``: the record's URL) and carry
a DOI, a PMID or an official URL. An entry nothing cites is an error unless it is
declared further reading with ``keywords = {further-reading}``.

An entry checked only against a copy of its record (a PubMed mirror, an article PDF
reposted elsewhere, an institutional repository) rather than PubMed, PMC, the publisher or
a regulator must say so with ``keywords = {secondary-record}``; the bibliography then tells
readers, and a maintainer who later reads the primary record replaces the URL and drops
the keyword.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hooks.diagnostics import Diagnostics
from hooks.references import Reference

REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "techreport": ("title", "institution", "year"),
    "misc": ("title", "year", "url"),
    "online": ("title", "year", "url"),
}
HANDBOOK_REQUIRED = ("verified",)
IDENTIFIERS = ("doi", "pmid", "url")
FORMATS = {
    "doi": (re.compile(r"10\.\d{4,9}/[^\s{}]+"), "a DOI such as 10.1210/jc.2008-1234, without 'https://doi.org/'"),
    "pmid": (re.compile(r"[1-9]\d{0,8}"), "digits only, as on pubmed.ncbi.nlm.nih.gov"),
    "pmcid": (re.compile(r"PMC\d+"), "'PMC' followed by digits"),
    "url": (re.compile(r"https://[^\s{}]+"), "an https:// address"),
    "verified": (
        re.compile(r"https?://[^\s{};]+(?:\s*;\s*https?://[^\s{};]+)*"),
        "the address of each record you checked, separated by ' ; '",
    ),
}
FURTHER_READING = "further-reading"
SECONDARY_RECORD = "secondary-record"
# Hosts whose pages are the record itself: PubMed and PMC, publishers and journals,
# regulators and the bodies that issued a document. Any other host holds a copy.
PRIMARY_RECORD_HOSTS = frozenset(
    {
        "pubmed.ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "pubmed.gov",
        "dailymed.nlm.nih.gov", "accessdata.fda.gov", "fda.gov", "api.fda.gov", "nctr-crs.fda.gov",
        "content.govdelivery.com", "gpo.gov", "sec.gov", "ema.europa.eu", "ec.europa.eu",
        "wada-ama.org", "list.wada-ama.org", "nature.com", "nejm.org", "jamanetwork.com",
        "jama.jamanetwork.com", "jci.org", "frontiersin.org", "journal.frontiersin.org",
        "thieme-connect.de", "link.springer.com", "springermedizin.de", "onlinelibrary.wiley.com",
        "joe.bioscientifica.com", "eje.bioscientifica.com", "thelancet.com", "journals.ed.ac.uk",
        "bjsm.bmj.com", "gut.bmj.com", "science.sciencemag.org",
        "portlandpress.com", "ajpendo.physiology.org", "intl-physrev.physiology.org",
        "informahealthcare.com", "minervamedica.it", "actaps.sinh.ac.cn", "reactome.org",
        "the-scientist.com", "aidsmap.com", "pharmaceutical-business-review.com",
    }
)  # fmt: skip


def check_entries(references: dict[str, Reference], text: str, path: str, report: Diagnostics) -> None:
    """Fields, identifiers and duplicate DOIs of every entry; ``text`` is the file, for field lines."""
    seen_dois: dict[str, str] = {}
    lines = text.splitlines()
    for reference in sorted(references.values(), key=lambda entry: entry.line):
        line_of = _field_lines(lines, reference)
        required = REQUIRED.get(reference.type)
        if required is None:
            report.error(
                path,
                reference.line,
                1,
                "bib-entry-type",
                f"'{reference.key}' has entry type '@{reference.type}', which the handbook does not use",
                f"use one of {', '.join('@' + name for name in REQUIRED)}",
            )
            required = ()
        present = {name.lower() for name in reference.fields} | ({"author"} if reference.authors else set())
        missing = [name for name in (*required, *HANDBOOK_REQUIRED) if name not in present]
        if not any(name in present for name in IDENTIFIERS):
            missing.append("doi, pmid or url")
        for name in missing:
            report.error(
                path,
                reference.line,
                1,
                "bib-field-missing",
                f"'{reference.key}' (@{reference.type}) has no {name}",
                _missing_hint(name),
            )
        for name, (pattern, hint) in FORMATS.items():
            value = reference.get(name)
            if value and not pattern.fullmatch(value.strip()):
                report.error(
                    path,
                    *line_of(name),
                    f"bib-{name}",
                    f"'{reference.key}' has a malformed {name}: '{value}'",
                    f"write {hint}",
                )
        doi = reference.get("doi").lower()
        if doi and doi in seen_dois:
            report.error(
                path,
                *line_of("doi"),
                "bib-duplicate-doi",
                f"'{reference.key}' has the same DOI as '{seen_dois[doi]}'",
                "two entries describe one record: keep one key and cite it everywhere",
            )
        elif doi:
            seen_dois[doi] = reference.key


def record_host(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?", "", url.strip()).split("/")[0].lower()


def check_record_kind(references: dict[str, Reference], text: str, path: str, report: Diagnostics) -> None:
    """An entry verified only on copies of its record must be marked secondary, and only then."""
    lines = text.splitlines()
    for reference in sorted(references.values(), key=lambda entry: entry.line):
        hosts = {record_host(url) for url in reference.get("verified").split(";") if url.strip()}
        if not hosts:
            continue
        primary = bool(hosts & PRIMARY_RECORD_HOSTS)
        if primary == (SECONDARY_RECORD in reference.keywords):
            line, column = _field_lines(lines, reference)("keywords" if primary else "verified")
            message, hint = (
                (
                    f"'{reference.key}' was verified on {', '.join(sorted(hosts & PRIMARY_RECORD_HOSTS))}"
                    f" but is marked '{SECONDARY_RECORD}'",
                    f"remove '{SECONDARY_RECORD}' from its keywords",
                )
                if primary
                else (
                    f"'{reference.key}' was verified only on copies of its record ({', '.join(sorted(hosts))})",
                    f"read its PubMed, PMC, publisher or regulator page and put that URL in 'verified',"
                    f" or add 'keywords = {{{SECONDARY_RECORD}}}' so readers are told",
                )
            )
            report.error(path, line, column, "bib-record-kind", message, hint)


def check_uncited(references: dict[str, Reference], cited: Iterable[str], path: str, report: Diagnostics) -> None:
    """Report entries that no page and no data file cites, unless declared further reading."""
    cited = set(cited)
    for reference in sorted(references.values(), key=lambda entry: entry.line):
        if reference.key in cited or FURTHER_READING in reference.keywords:
            continue
        report.error(
            path,
            reference.line,
            1,
            "bib-uncited",
            f"'{reference.key}' is cited by no page and no data file",
            f"cite it where it supports a claim, remove it, or add 'keywords = {{{FURTHER_READING}}}'",
        )


def _field_lines(lines: list[str], reference: Reference):
    """A function giving (line, column) of a field of ``reference`` in the file's ``lines`` (its start if absent)."""

    def line_of(name: str) -> tuple[int, int]:
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*=", re.IGNORECASE)
        for number in range(reference.line, len(lines)):
            line = lines[number]
            if line.lstrip().startswith("@"):
                break
            if pattern.match(line):
                return number + 1, len(line) - len(line.lstrip()) + 1
        return reference.line, 1

    return line_of


def _missing_hint(name: str) -> str:
    if name == "verified":
        return "add 'verified = {URL of the PubMed, PMC, publisher or regulator record you checked}'"
    if name == "doi, pmid or url":
        return "add the DOI or PMID as shown in its PubMed record, or the regulator's URL"
    return f"add {name} as the public record gives it"
