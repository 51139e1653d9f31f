"""Compiler-style diagnostics shared by every hook.

Checks report problems here instead of raising or logging, so that one build lists
every problem at once. The build hook ``build_report.py`` prints them after the build
and then fails once. Nothing in this module imports MkDocs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Literal, TextIO

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at a place in a file; lines and columns count from 1."""

    path: str
    line: int
    column: int
    severity: Severity
    rule: str
    message: str
    hint: str = field(default="", compare=False)

    def format(self) -> str:
        head = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"
        return f"{head}\n  hint: {self.hint}" if self.hint else head

    def github_annotation(self) -> str:
        """The workflow command that shows this problem on a pull request's diff."""
        properties = ",".join(
            f"{name}={_escape_property(value)}"
            for name, value in (
                ("file", self.path),
                ("line", str(self.line)),
                ("col", str(self.column)),
                ("title", self.rule),
            )
        )
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        return f"::{self.severity} {properties}::{_escape_data(text)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Diagnostics:
    """An ordered, de-duplicated collection of problems for one build or one check run."""

    def __init__(self) -> None:
        self._items: dict[Diagnostic, None] = {}

    def error(self, path: str, line: int, column: int, rule: str, message: str, hint: str = "") -> None:
        self.add(Diagnostic(path, line, column, "error", rule, message, hint))

    def warning(self, path: str, line: int, column: int, rule: str, message: str, hint: str = "") -> None:
        self.add(Diagnostic(path, line, column, "warning", rule, message, hint))

    def add(self, diagnostic: Diagnostic) -> None:
        self._items.setdefault(diagnostic, None)

    def clear(self) -> None:
        self._items.clear()

    def __iter__(self):
        return iter(sorted(self._items))

    def __len__(self) -> int:
        return len(self._items)

    @property
    def error_count(self) -> int:
        return sum(1 for d in self._items if d.severity == "error")

    @property
    def warning_count(self) -> int:
        return sum(1 for d in self._items if d.severity == "warning")

    def fails(self, *, strict: bool) -> bool:
        """Whether these problems fail the build: any error, or any warning when strict."""
        return self.error_count > 0 or (strict and self.warning_count > 0)

    def report(self, stream: TextIO = sys.stderr, *, github_actions: bool = False) -> None:
        """Print every problem, sorted by place, and a one-line summary."""
        for diagnostic in self:
            print(diagnostic.format(), file=stream)
            if github_actions:
                print(diagnostic.github_annotation(), file=stream)
        if self._items:
            print(self.summary(), file=stream)

    def summary(self) -> str:
        counts = f"{_plural(self.error_count, 'error')} and {_plural(self.warning_count, 'warning')}"
        return f"{counts} found by the handbook's checks"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def project_path(path: str, config_file: str) -> str:
    """``path`` as a maintainer types it: relative to the folder that holds mkdocs.yml."""
    root = os.path.dirname(os.path.abspath(config_file))
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


# The problems of the build in progress; ``build_report`` clears it when a build starts.
build_diagnostics = Diagnostics()
