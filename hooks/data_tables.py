"""Tables generated from data: ``<!-- hooks/data_tables.py TABLE-ID -->`` renders a table of data/tables.yml.

A table definition names its data file, an optional filter and its columns; each column
says which field it shows and in which format. Citations are written as ``[@key]`` so
that mkdocs-bibtex, which runs later, turns them into footnotes.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

import jinja2

from hooks.diagnostics import Diagnostics
from hooks.handbook_data import HandbookData

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=False,  # the output is Markdown, escaped cell by cell below
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def cite(keys: list[str]) -> str:
    return f" [{'; '.join('@' + key for key in keys)}]" if keys else ""


def page_link(from_page: str, to_page: str) -> str:
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def fact(value: dict[str, Any]) -> str:
    return f"{value['text']}{cite(value['cite'])}"


def status(value: dict[str, Any]) -> str:
    words = value["status"].capitalize()
    if value.get("year"):
        words += f" ({value['year']})"
    if value.get("indication"):
        words += f": {value['indication']}"
    if value.get("note"):
        words += f". {value['note']}"
    return f"{words}{cite(value.get('cite', []))}; checked {value['as_of']}"


def field_value(entry: dict[str, Any], path: str) -> Any:
    value: Any = entry
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


# How the placeholder words of data/peptides.yml read on a page.
UNKNOWN_VALUE_WORDS = {
    "not established": "Not established",
    "not verified": "Not checked against a primary record for this edition",
}


def unknown_value(value: str) -> str:
    return UNKNOWN_VALUE_WORDS.get(value, value.capitalize())


def format_cell(
    value: Any, kind: str, entry: dict[str, Any], page_uri: str, data: HandbookData, titles: dict[str, str]
) -> str:
    if value is None:
        return "—"
    if kind == "fact":
        return fact(value) if isinstance(value, dict) else unknown_value(str(value))
    if kind == "cited":
        return f"{value}{cite(entry.get('cite', []))}"
    if kind == "facts":
        return "; ".join(fact(item) for item in value)
    if kind == "status":
        return status(value)
    if kind == "list":
        return ", ".join(value) or "—"
    if kind == "name-link":
        return f"[{value}]({page_link(page_uri, entry['page'])})" if "page" in entry else str(value)
    if kind == "page-links":
        return ", ".join(f"[{titles.get(page, page)}]({page_link(page_uri, page)})" for page in value) or "—"
    if kind == "class":
        classes = data.by_id("peptide-classes")
        return classes[value]["name"] if value in classes else str(value)
    if kind == "evidence":
        return f"**{value['level']}**: {value['claim']}{cite(value['cite'])}"
    if kind == "trial-list":
        return "; ".join(f"{trial['name']} ({trial['duration']}){cite(trial['cite'])}" for trial in value) or "—"
    return str(value)


def render_table(
    data: HandbookData, table_id: str | None, page_uri: str, titles: dict[str, str] | None = None
) -> str | None:
    """The table ``table_id`` as Markdown for ``page_uri``; ``titles`` names pages for page-links cells."""
    tables = data.by_id("tables")
    if table_id not in tables:
        return None
    table = tables[table_id]
    entries = [
        entry
        for entry in data.entries(table["source"])
        if all(field_value(entry, key) == value for key, value in table.get("where", {}).items())
    ]
    rows = [
        [
            cell(
                format_cell(
                    field_value(entry, column["field"]),
                    column.get("format", "text"),
                    entry,
                    page_uri,
                    data,
                    titles or {},
                )
            )
            for column in table["columns"]
        ]
        for entry in entries
    ]
    return TEMPLATES.get_template("data_table.md.j2").render(
        headers=[cell(column["header"]) for column in table["columns"]],
        rows=rows,
        caption=table["caption"],
        searchable=table.get("searchable", True),
    )


def check_tables(data: HandbookData, report: Diagnostics) -> None:
    """A table shows at least one entry, and each of its columns names a field some entry has."""
    if "tables" not in data.files:
        return
    file = data.files["tables"]
    for index, table in enumerate(data.entries("tables")):
        if table["source"] not in data.files:
            continue  # that file's own problems are reported already
        entries = [
            entry
            for entry in data.entries(table["source"])
            if all(field_value(entry, key) == value for key, value in table.get("where", {}).items())
        ]
        if not entries:
            report.error(
                file.path,
                *file.place((index, "where")),
                "data-table",
                f"table '{table['id']}' selects no entry of data/{table['source']}.yml",
                "check the field and value under 'where'",
            )
            continue
        for column_index, column in enumerate(table["columns"]):
            missing = [entry for entry in entries if field_value(entry, column["field"]) is None]
            if column.get("optional") and len(missing) < len(entries):
                continue
            if len(missing) == len(entries):
                report.error(
                    file.path,
                    *file.place((index, "columns", column_index, "field")),
                    "data-table",
                    f"no entry of data/{table['source']}.yml has the field '{column['field']}'",
                    f"fields of the first entry: {', '.join(sorted(entries[0]))}",
                )
                continue
            source = data.files[table["source"]]
            for entry in missing:
                position = data.entries(table["source"]).index(entry)
                report.error(
                    source.path,
                    *source.place((position, "id") if "id" in entry else (position,)),
                    "data-table",
                    f"'{entry.get('id', f'entry {position + 1}')}' lacks '{column['field']}',"
                    f" which table '{table['id']}' shows",
                    f"add '{column['field']}' to this entry, or drop the column from data/tables.yml",
                )


def table_ids(data: HandbookData) -> list[str]:
    return sorted(data.by_id("tables"))
