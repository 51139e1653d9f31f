"""references.bib checked entry by entry: required fields, identifiers, duplicates, use.

Every entry must say where it was verified (``verified``: the record's URL) and carry
a DOI, a PMID or an official URL. An entry nothing cites is an error unless it is
declared further reading with ``keywords = {further-reading}``.
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


def check_uncited(references: dict[str, Reference], cited: Iterable[str], path: str, report: Diagnostics) -> None:
    """Report entries that no page and no data file cites, unless declared further reading."""
    cited = set(cited)
    for reference in sorted(references.values(), key=lambda entry: entry.line):
        keywords = {word.strip().lower() for word in reference.get("keywords").split(",")}
        if reference.key in cited or FURTHER_READING in keywords:
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
