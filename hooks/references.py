"""references.bib, read once per build: entries with the line each starts on, formatted for readers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pybtex.database import parse_string
from pybtex.scanner import PybtexError, PybtexSyntaxError

from hooks.diagnostics import Diagnostics

ENTRY_START = re.compile(r"^@(?P<type>\w+)\s*\{\s*(?P<key>[^,\s]+)\s*,", re.MULTILINE)


@dataclass(frozen=True)
class Reference:
    key: str
    type: str
    line: int
    fields: dict[str, str] = field(hash=False)
    authors: tuple[str, ...] = ()

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def keywords(self) -> set[str]:
        return {word.strip().lower() for word in self.get("keywords").split(",") if word.strip()}


def parse_references(text: str, path: str, report: Diagnostics) -> dict[str, Reference]:
    """Every entry by key; a syntax error is reported with its line and yields no entries.

    A repeated key is reported at its second entry, which is then left out, so that
    the rest of the file is still checked in the same run.
    """
    text = _without_repeated_keys(text, path, report)
    try:
        database = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        detail = re.sub(r"^syntax error in line [0-9]+: ", "", str(error))
        starts = [
            match for match in ENTRY_START.finditer(text) if text.count("\n", 0, match.start()) < (error.lineno or 1)
        ]
        entry = starts[-1] if starts else None
        report.error(
            path,
            text.count("\n", 0, entry.start()) + 1 if entry else error.lineno or 1,
            1,
            "bib-syntax",
            f"BibTeX syntax error in the entry '{entry.group('key')}': {detail}"
            if entry
            else f"BibTeX syntax error: {detail}",
            "each entry is @type{key, field = {value}, ...}; check that every brace in this entry is closed",
        )
        return {}
    except PybtexError as error:
        line = _line_of_key(text, _quoted(str(error))) or 1
        report.error(path, line, 1, "bib-syntax", f"BibTeX: {error}", "see the BibTeX entry format")
        return {}
    lines = {match.group("key"): text.count("\n", 0, match.start()) + 1 for match in ENTRY_START.finditer(text)}
    references = {}
    for key, entry in database.entries.items():
        if REPEATED in key:
            continue
        authors = tuple(_person(person) for person in entry.persons.get("author", []))
        references[key] = Reference(key, entry.type, lines.get(key, 1), dict(entry.fields), authors)
    return references


REPEATED = "-repeated-line-"


def _without_repeated_keys(text: str, path: str, report: Diagnostics) -> str:
    first_line: dict[str, int] = {}
    repeats: list[re.Match[str]] = []
    for match in ENTRY_START.finditer(text):
        key, line = match.group("key"), text.count("\n", 0, match.start()) + 1
        if key.lower() not in first_line:
            first_line[key.lower()] = line
            continue
        repeats.append(match)
        report.error(
            path,
            line,
            match.start("key") - match.start() + 1,
            "bib-duplicate-key",
            f"the key '{key}' is already used by the entry on line {first_line[key.lower()]}",
            "merge the two entries, or give this one its own authorYEARword key",
        )
    for match in reversed(repeats):
        renamed = f"{match.group('key')}{REPEATED}{match.start()}"
        text = text[: match.start("key")] + renamed + text[match.end("key") :]
    return text


def _quoted(message: str) -> str:
    match = re.search(r'"([^"]+)"|\'([^\']+)\'', message)
    return next((group for group in match.groups() if group), "") if match else ""


def _line_of_key(text: str, key: str) -> int | None:
    for match in ENTRY_START.finditer(text):
        if match.group("key") == key:
            return text.count("\n", 0, match.start()) + 1
    return None


def _person(person) -> str:
    last = " ".join(person.prelast_names + person.last_names)
    initials = "".join(part[0] for name in person.first_names + person.middle_names for part in name.split("-") if part)
    name = f"{last} {initials}".strip()
    return _plain(name)


def _plain(text: str) -> str:
    """BibTeX markup removed: braces that protect case, and the escapes used in this file."""
    text = re.sub(r"\\[\"'`^~]\{?(\w)\}?", r"\1", text) if "\\" in text else text
    return text.replace("{", "").replace("}", "").replace("\\&", "&").replace("--", "–")


def format_reference(reference: Reference) -> str:
    """One reference in Vancouver-like style, as Markdown, with DOI, PubMed, PMC and URL links."""
    authors = [name for name in reference.authors if name != "others"]
    if len(authors) > 6 or len(authors) < len(reference.authors):
        authors = [*authors[:6], "et al"]
    parts = [", ".join(authors) + "." if authors else ""]
    parts.append(_plain(reference.get("title")).rstrip(".") + ".")
    container = (
        reference.get("journal")
        or reference.get("booktitle")
        or reference.get("howpublished")
        or reference.get("organization")
        or reference.get("publisher")
    )
    details = reference.get("year")
    if reference.get("volume"):
        details += f";{reference.get('volume')}"
        if reference.get("number"):
            details += f"({reference.get('number')})"
    if reference.get("pages"):
        details += f":{_plain(reference.get('pages'))}"
    if container:
        parts.append(f"*{_plain(container)}*. {details}.")
    else:
        parts.append(f"{details}.")
    if reference.get("note"):
        parts.append(_plain(reference.get("note")).rstrip(".") + ".")
    links = []
    if reference.get("doi"):
        links.append(f"[doi:{reference.get('doi')}](https://doi.org/{reference.get('doi')})")
    if reference.get("pmid"):
        links.append(f"[PMID {reference.get('pmid')}](https://pubmed.ncbi.nlm.nih.gov/{reference.get('pmid')}/)")
    if reference.get("pmcid"):
        links.append(f"[{reference.get('pmcid')}](https://pmc.ncbi.nlm.nih.gov/articles/{reference.get('pmcid')}/)")
    if reference.get("url") and not reference.get("doi"):
        links.append(f"[record]({reference.get('url')})")
    if links:
        # Identifiers are links, not words a reader searches for; they stay out of the search index.
        parts.append(f'<span class="reference__links" data-search-exclude>{" · ".join(links)}</span>')
    return " ".join(part for part in parts if part)
