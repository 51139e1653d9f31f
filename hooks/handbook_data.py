"""All of the handbook's data, loaded and cross-checked: schemas, ids, relations, citation keys, pages.

``load`` returns only the files that passed their schema, so renderers can trust their shape;
every problem found on the way is reported with its file and line.
"""

from __future__ import annotations

import difflib
import hashlib
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.data_store import DataFile, Pointer, parse_yaml, schema_registry, validate
from hooks.diagnostics import Diagnostic, Diagnostics
from hooks.references import Reference, parse_references

# Files whose entries are lists of records with an "id".
LISTS_WITH_IDS = (
    "peptides",
    "mechanisms",
    "peptide-classes",
    "monitoring",
    "hormone-actions",
    "meal-timing",
    "gh-inhibitors",
    "source-corrections",
    "tables",
)


@dataclass
class HandbookData:
    files: dict[str, DataFile] = field(default_factory=dict)
    references: dict[str, Reference] = field(default_factory=dict)
    bib_path: str = "references.bib"

    def entries(self, name: str) -> list[dict[str, Any]]:
        content = self.files[name].content if name in self.files else None
        return content if isinstance(content, list) else []

    def by_id(self, name: str) -> dict[str, dict[str, Any]]:
        return {entry["id"]: entry for entry in self.entries(name)}

    @property
    def glossary(self) -> dict[str, Any]:
        content = self.files["glossary"].content if "glossary" in self.files else None
        return content if isinstance(content, dict) else {"terms": [], "abbreviations": []}


# The last load, kept in memory and in .cache/handbook/, by a fingerprint of everything it was
# made from (the bibliography, the data, the schemas, the page list and the hooks' own code):
# most builds and every ``mkdocs serve`` rebuild after a page edit leave all of these alone.
CACHE_FILE = Path(".cache/handbook/data-load.pickle")
_last_load: tuple[str, HandbookData, list[Diagnostic]] | None = None


def load(root: Path, docs_files: set[str], report: Diagnostics) -> HandbookData:
    """Read references.bib and every data/*.yml under ``root``; check each against schema and each other.

    Loading the same contents again returns the same data and reports the same problems.
    """
    global _last_load
    fingerprint = _fingerprint(root, docs_files)
    cache_file = root / CACHE_FILE
    if _last_load is None or _last_load[0] != fingerprint:
        _last_load = _read_cache(cache_file, fingerprint)
    if _last_load is None:
        found = Diagnostics()
        handbook = _load(root, docs_files, found)
        _last_load = (fingerprint, handbook, list(found))
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(pickle.dumps(_last_load))
    for diagnostic in _last_load[2]:
        report.add(diagnostic)
    return _last_load[1]


def _fingerprint(root: Path, docs_files: set[str]) -> str:
    inputs = [root / "references.bib", *sorted((root / "data").glob("*.yml"))]
    inputs += sorted((root / "data" / "schemas").glob("*.json"))
    inputs += sorted(Path(__file__).parent.glob("*.py"))
    digest = hashlib.sha256()
    for path in inputs:
        if path.exists():
            digest.update(f"{path.name}\0".encode() + path.read_bytes() + b"\0")
    digest.update("\0".join(sorted(docs_files)).encode())
    return digest.hexdigest()


def last_loaded() -> HandbookData:
    """The data of the latest ``load`` in this process, for hooks that run after build_checks.py.

    build_checks.py loads it at ``on_nav``, before any page event, so a later hook reads the
    same parse instead of reading references.bib or data/ again.
    """
    if _last_load is None:
        raise RuntimeError("the handbook's data is not loaded: hooks/build_checks.py must be among mkdocs.yml's hooks")
    return _last_load[1]


def _read_cache(cache_file: Path, fingerprint: str) -> tuple[str, HandbookData, list[Diagnostic]] | None:
    try:
        cached = pickle.loads(cache_file.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return cached if isinstance(cached, tuple) and cached[0] == fingerprint else None


def _load(root: Path, docs_files: set[str], report: Diagnostics) -> HandbookData:
    bib_file = root / "references.bib"
    handbook = HandbookData(
        references=parse_references(bib_file.read_text(encoding="utf-8"), "references.bib", report)
        if bib_file.exists()
        else {}
    )
    data_dir = root / "data"
    registry = schema_registry(data_dir / "schemas")
    for yml in sorted(data_dir.glob("*.yml")):
        path = yml.relative_to(root).as_posix()
        schema = f"{yml.stem}.schema.json"
        try:
            registry.contents(schema)
        except LookupError:
            report.error(
                path,
                1,
                1,
                "data-schema-missing",
                f"no schema for {path}",
                f"add data/schemas/{schema}; every data file is checked against its schema",
            )
            continue
        data = parse_yaml(yml.stem, path, yml.read_text(encoding="utf-8"), report)
        if data is not None and validate(data, schema, registry, report):
            handbook.files[yml.stem] = data
    check_ids(handbook, report)
    check_citations(handbook, report)
    check_relations(handbook, docs_files, report)
    return handbook


def check_ids(handbook: HandbookData, report: Diagnostics) -> None:
    """Ids are unique within each file, and abbreviations within the glossary."""
    for name in LISTS_WITH_IDS:
        _unique(
            handbook, name, [((index, "id"), entry["id"]) for index, entry in enumerate(handbook.entries(name))], report
        )
    glossary = handbook.glossary
    _unique(
        handbook, "glossary", [(("terms", i, "id"), term["id"]) for i, term in enumerate(glossary["terms"])], report
    )
    _unique(
        handbook,
        "glossary",
        [(("abbreviations", i, "abbr"), a["abbr"]) for i, a in enumerate(glossary["abbreviations"])],
        report,
    )


def _unique(handbook: HandbookData, name: str, values: list[tuple[Pointer, str]], report: Diagnostics) -> None:
    if name not in handbook.files:
        return
    data = handbook.files[name]
    first: dict[str, Pointer] = {}
    for pointer, value in values:
        if value in first:
            line = data.place(first[value])[0]
            report.error(
                data.path,
                *data.place(pointer),
                "data-duplicate-id",
                f"'{value}' is used twice",
                f"the first '{value}' is on line {line}; ids must be unique in {data.path}",
            )
        else:
            first[value] = pointer


def cite_lists(content: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, str]]:
    """Every citation key in data, with the pointer to the key's place."""
    if isinstance(content, dict):
        for key, value in content.items():
            if key == "cite" and isinstance(value, list):
                yield from (((*pointer, key, index), cite) for index, cite in enumerate(value))
            else:
                yield from cite_lists(value, (*pointer, key))
    elif isinstance(content, list):
        for index, item in enumerate(content):
            yield from cite_lists(item, (*pointer, index))


def unknown_key_hint(key: str, known: dict[str, Reference]) -> str:
    nearest = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    if nearest:
        return f"did you mean '{nearest[0]}'?"
    return "add the entry to references.bib after checking it against PubMed, PMC, the publisher or a regulator"


def check_citations(handbook: HandbookData, report: Diagnostics) -> None:
    for data in handbook.files.values():
        for pointer, key in cite_lists(data.content):
            if key not in handbook.references:
                report.error(
                    data.path,
                    *data.place(pointer),
                    "citation-unknown",
                    f"unknown citation key '{key}'",
                    unknown_key_hint(key, handbook.references),
                )


def check_relations(handbook: HandbookData, docs_files: set[str], report: Diagnostics) -> None:
    """Ids that point elsewhere name something that exists; pages named in data exist under docs/."""
    mechanisms = handbook.by_id("mechanisms")
    classes = handbook.by_id("peptide-classes")
    terms = {term["id"] for term in handbook.glossary["terms"]}

    def expect(name: str, pointer: Pointer, value: str, known, what: str) -> None:
        if value not in known:
            data = handbook.files[name]
            nearest = difflib.get_close_matches(value, sorted(known), n=1)
            report.error(
                data.path,
                *data.place(pointer),
                "data-reference",
                f"unknown {what} '{value}'",
                f"did you mean '{nearest[0]}'?" if nearest else f"add it to the {what} data first",
            )

    for index, peptide in enumerate(handbook.entries("peptides")):
        if "peptide-classes" in handbook.files:
            expect("peptides", (index, "class"), peptide["class"], classes, "peptide class")
        if "mechanisms" in handbook.files:
            for link_index, link in enumerate(peptide["acts_through"]):
                expect(
                    "peptides",
                    (index, "acts_through", link_index, "mechanism"),
                    link["mechanism"],
                    mechanisms,
                    "mechanism",
                )
    for index, mechanism in enumerate(handbook.entries("mechanisms")):
        for link_index, link in enumerate(mechanism.get("leads_to", [])):
            expect(
                "mechanisms", (index, "leads_to", link_index, "mechanism"), link["mechanism"], mechanisms, "mechanism"
            )
            if link["mechanism"] == mechanism["id"]:
                data = handbook.files["mechanisms"]
                report.error(
                    data.path,
                    *data.place((index, "leads_to", link_index, "mechanism")),
                    "data-reference",
                    f"'{mechanism['id']}' leads to itself",
                    "a relation joins two different mechanisms",
                )
    for index, abbreviation in enumerate(handbook.glossary["abbreviations"]):
        if "term" in abbreviation:
            expect("glossary", ("abbreviations", index, "term"), abbreviation["term"], terms, "glossary term")
    for name in ("peptides", "mechanisms"):
        for index, entry in enumerate(handbook.entries(name)):
            if "page" in entry:
                _expect_page(handbook.files[name], (index, "page"), entry["page"], docs_files, report)
    for index, section in enumerate(handbook.entries("source-map")):
        for page_index, page in enumerate(section["pages"]):
            _expect_page(handbook.files["source-map"], (index, "pages", page_index), page, docs_files, report)
    for index, term in enumerate(handbook.glossary["terms"]):
        if "see" in term:
            _expect_page(handbook.files["glossary"], ("terms", index, "see"), term["see"], docs_files, report)


def _expect_page(data: DataFile, pointer: Pointer, page: str, docs_files: set[str], report: Diagnostics) -> None:
    if page not in docs_files:
        nearest = difflib.get_close_matches(page, sorted(docs_files), n=1)
        report.error(
            data.path,
            *data.place(pointer),
            "data-page",
            f"page '{page}' does not exist under docs/",
            f"did you mean '{nearest[0]}'?" if nearest else "create the page, or correct the path",
        )
