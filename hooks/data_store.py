"""The handbook's data files, loaded with the place of every value and checked against their schemas.

Each ``data/NAME.yml`` has a JSON Schema ``data/schemas/NAME.schema.json``. Values keep
their line and column, so a schema violation is reported where the maintainer typed it:
``data/peptides.yml:42:12: error: 'route' must be one of [...], got 'subq' [data-schema]``.
"""

from __future__ import annotations

import datetime
import difflib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource

from hooks.diagnostics import Diagnostics

Pointer = tuple[str | int, ...]


@dataclass
class DataFile:
    """One YAML file: its content as plain Python values, and where each value stands."""

    name: str
    path: str  # as shown in diagnostics, e.g. "data/peptides.yml"
    content: Any
    places: dict[Pointer, tuple[int, int]] = field(default_factory=dict)
    key_places: dict[Pointer, tuple[int, int]] = field(default_factory=dict)

    def place(self, pointer: Pointer) -> tuple[int, int]:
        """The (line, column) of the value at ``pointer``, or of its nearest enclosing value."""
        while pointer not in self.places and pointer:
            pointer = pointer[:-1]
        return self.places.get(pointer, (1, 1))

    def key_place(self, pointer: Pointer) -> tuple[int, int]:
        """Where the key of the entry at ``pointer`` is written (its value's place for list items)."""
        return self.key_places.get(pointer) or self.place(pointer)


# libyaml, when present, composes the data files several times faster; both keep positions.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(name: str, path: str, text: str, report: Diagnostics) -> DataFile | None:
    """Parse YAML text keeping places; duplicate keys and syntax errors are reported."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(error, "problem", None) or str(error)
        report.error(
            path,
            line,
            column,
            "data-yaml",
            f"YAML syntax: {problem}",
            "check indentation, and quote values that contain ': ' or start with a special character",
        )
        return None
    data = DataFile(name, path, None)
    if root is not None:
        data.content = _Converter(data, report).convert(root, ())
    return data


class _Converter:
    def __init__(self, data: DataFile, report: Diagnostics) -> None:
        self.data = data
        self.report = report
        self.scalars = yaml.SafeLoader("")

    def convert(self, node: yaml.Node, pointer: Pointer) -> Any:
        self.data.places[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, pointer)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*pointer, index)) for index, item in enumerate(node.value)]
        try:
            value = self.scalars.construct_object(node)
        except (ValueError, yaml.constructor.ConstructorError):
            return node.value  # an impossible date such as 2026-13-01: the schema's format check reports it
        # Dates stay ISO strings, so that JSON Schema's "format": "date" checks them.
        return value.isoformat() if isinstance(value, datetime.date) else value

    def _mapping(self, node: yaml.MappingNode, pointer: Pointer) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(self.scalars.construct_object(key_node))
            place = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                first_line = self.data.key_places[(*pointer, key)][0]
                self.report.error(
                    self.data.path,
                    *place,
                    "data-duplicate-key",
                    f"key '{key}' appears twice in one mapping",
                    f"the first '{key}' is on line {first_line}; YAML would silently keep only the last",
                )
                continue
            self.data.key_places[(*pointer, key)] = place
            result[key] = self.convert(value_node, (*pointer, key))
        return result


def schema_registry(schema_dir: Path) -> Registry:
    """Every schema in ``schema_dir``, addressable by file name from ``$ref``."""
    resources = []
    for schema_file in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        resources.append((schema_file.name, Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def validate(data: DataFile, schema_name: str, registry: Registry, report: Diagnostics) -> bool:
    """Check ``data`` against its schema; report every violation at the offending value. True when valid."""
    schema = registry.contents(schema_name)
    validator = jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    valid = True
    for error in _leaf_errors(validator.iter_errors(data.content)):
        valid = False
        pointer = tuple(error.absolute_path)
        message, hint, at_key = _explain(error)
        line, column = data.key_place(pointer) if at_key else data.place(pointer)
        report.error(data.path, line, column, "data-schema", message, hint)
    return valid


def _leaf_errors(errors) -> Iterator[jsonschema.ValidationError]:
    """The most specific errors: for a failed oneOf/anyOf, the errors of the branch that came closest."""
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            yield from _leaf_errors([jsonschema.exceptions.best_match(error.context)])
        else:
            yield error


def _field_name(error: jsonschema.ValidationError) -> str:
    """The name of the value at fault: its key, or 'entry N' for a list item, or 'the file'."""
    path = list(error.absolute_path)
    if not path:
        return "the file"
    last = path[-1]
    return f"entry {last + 1}" if isinstance(last, int) else str(last)


def _explain(error: jsonschema.ValidationError) -> tuple[str, str, bool]:
    """(message, hint, whether to point at the key rather than the value)."""
    name = _field_name(error)
    description = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    kind = error.validator
    if kind == "enum":
        allowed = ", ".join(repr(value) for value in error.validator_value)
        nearest = _nearest(str(error.instance), [str(value) for value in error.validator_value])
        hint = f"did you mean '{nearest}'?" if nearest else description
        return f"'{name}' must be one of [{allowed}], got {error.instance!r}", hint, False
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"'{missing}' is required in {_quoted(name)}", _property_description(error, missing), False
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        unknown = [key for key in error.instance if key not in error.schema.get("properties", {})]
        hints = [f"'{u}': did you mean '{m[0]}'?" for u in unknown if (m := difflib.get_close_matches(u, known, 1))]
        return (
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(repr(u) for u in unknown)} in {_quoted(name)}",
            "; ".join(hints) or f"allowed fields: {', '.join(known)}",
            False,
        )
    if kind == "type":
        expected = (
            error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        )
        return (
            f"'{name}' must be {expected}, got {type(error.instance).__name__} {error.instance!r}",
            description,
            False,
        )
    if kind == "pattern":
        return (
            f"'{name}' does not match the expected form: {error.instance!r}",
            description or error.validator_value,
            False,
        )
    if kind == "format":
        return f"'{name}' must be a {error.validator_value} (YYYY-MM-DD), got {error.instance!r}", description, False
    if kind in ("minItems", "minLength"):
        return f"'{name}' must not be empty", description, False
    return f"'{name}': {error.message}", description, False


def _nearest(value: str, choices: list[str]) -> str | None:
    """The choice most like ``value``: a close spelling, else the longest shared start of 3+ letters."""
    close = difflib.get_close_matches(value, choices, n=1)
    if close:
        return close[0]
    best = max(choices, key=lambda choice: len(os.path.commonprefix([choice, value])), default="")
    return best if len(os.path.commonprefix([best, value])) >= 3 else None


def _quoted(name: str) -> str:
    return name if name.startswith(("entry ", "the file")) else f"'{name}'"


def _property_description(error: jsonschema.ValidationError, name: str) -> str:
    prop = error.schema.get("properties", {}).get(name, {}) if isinstance(error.schema, dict) else {}
    return prop.get("description", "") if isinstance(prop, dict) else ""
