"""Every page states its title, a one-sentence description and the date it was last reviewed."""

from __future__ import annotations

import datetime as dt

import yaml

from hooks.diagnostics import Diagnostics
from hooks.markdown_source import FRONT_MATTER, SAFE_LOADER

REQUIRED = {
    "title": "the page's title, as in its first heading",
    "description": "one sentence saying what the page covers (search engines and link previews show it)",
    "reviewed": "the date the page was last checked against its references, as YYYY-MM-DD",
}
EXAMPLE = "---\\ntitle: ...\\ndescription: ...\\nreviewed: YYYY-MM-DD\\n---"


def check_front_matter(path: str, text: str, report: Diagnostics, today: dt.date | None = None) -> None:
    match = FRONT_MATTER.match(text)
    if match is None:
        report.error(path, 1, 1, "front-matter", "the page has no front matter", f"start the file with {EXAMPLE}")
        return
    try:
        meta = yaml.load(match.group(0).strip().strip("-").strip("."), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1  # the mark counts from the line after the opening '---'
        report.error(path, line + 1, 1, "front-matter", f"the front matter is not valid YAML: {error}", EXAMPLE)
        return
    meta = meta if isinstance(meta, dict) else {}
    end_line = match.group(0).count("\n")
    for name, meaning in REQUIRED.items():
        value = meta.get(name)
        if value is None or isinstance(value, str) and not value.strip():
            report.error(
                path, end_line, 1, "front-matter", f"the front matter has no '{name}'", f"add {name}: {meaning}"
            )
    reviewed = meta.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, dt.date):
        report.error(
            path,
            _line_of(match.group(0), "reviewed"),
            1,
            "front-matter",
            f"'reviewed' must be a date written YYYY-MM-DD, got '{reviewed}'",
            REQUIRED["reviewed"],
        )
    elif isinstance(reviewed, dt.date) and reviewed > (today or dt.date.today()):
        report.error(
            path,
            _line_of(match.group(0), "reviewed"),
            1,
            "front-matter",
            f"'reviewed' is {reviewed.isoformat()}, a date in the future",
            "write the date on which the page was checked",
        )


def _line_of(front_matter: str, name: str) -> int:
    for number, line in enumerate(front_matter.splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
    return 1
