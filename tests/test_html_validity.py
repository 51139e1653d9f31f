"""The built site against the W3C Nu validator (npm vnu-jar, run with the machine's Java)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hooks.theme_markup import repair
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors that come from Material's templates and stay, each with why (see hooks/theme_markup.py).
THEME_ERRORS = {
    "toggle-autocomplete": (
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-(?:toggle|option)'),
        "Material's drawer, search and palette toggles carry autocomplete=off so that Firefox does not"
        " restore their state on back navigation; removing it would change behaviour",
    ),
}


def validate(folder: Path) -> list[dict]:
    """The validator's errors for every HTML file under ``folder``."""
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("the HTML validator needs Java and vnu-jar: run 'make test', which installs it (see README.md)")
    completed = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return [message for message in json.loads(completed.stderr)["messages"] if message["type"] == "error"]


def explained_by_theme(error: dict) -> str | None:
    for name, (message, extract, _why) in THEME_ERRORS.items():
        if message.search(error["message"]) and extract.search(error.get("extract", "")):
            return name
    return None


def test_the_built_site_has_no_validation_error_of_its_own(real_site):
    errors = validate(real_site.site_dir)
    own = [
        f"{error['url'].removeprefix('file:')}:{error.get('lastLine')}: {error['message']}"
        for error in errors
        if explained_by_theme(error) is None
    ]
    assert own == []
    # An explanation that no longer matches anything is out of date: remove it.
    assert {explained_by_theme(error) for error in errors} == set(THEME_ERRORS)


def test_the_validator_finds_an_error_a_page_could_make(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><p>a<table><tr><td tabindex="">b</td></tr></table></body></html>',
        encoding="utf-8",
    )
    errors = validate(tmp_path)
    assert any("tabindex" in error["message"] for error in errors), errors
    assert all(explained_by_theme(error) is None for error in errors)


def test_the_theme_repairs_remove_only_attributes_without_effect():
    theme = (
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
        '<label class="md-nav__title" for="__toc">'
    )
    assert repair(theme) == (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
        '<label class="md-nav__title">'
    )
    # Where the table-of-contents toggle exists, its label keeps pointing at it.
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label for="__toc">'
    assert repair(with_toggle) == with_toggle
