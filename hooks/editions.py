"""Publish an edition of the handbook with mike: ``python -m hooks.editions deploy 2026.11``.

Editions are named by the year and month their content was checked, ``YYYY.MM``, with
``YYYY.MM.N`` for corrections published within that month. An edition is deployed only
when the changelog records it. The deploy:

1. builds the site strict, with its PDF, into ``<edition>/`` of the local ``gh-pages``
   branch (mike), and points the ``latest`` alias at it with redirect pages;
2. makes the site root redirect to ``latest/`` (mike's default version);
3. writes a root ``404.html`` that sends readers of a dead address to the latest edition.

Nothing is pushed: the workflow in ``.github/workflows/editions.yml`` pushes the branch.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from hooks.diagnostics import Diagnostics
from hooks.site_sources import read_config

EDITION = re.compile(r"^(?P<year>20\d\d)\.(?P<month>0[1-9]|1[0-2])(?:\.(?P<correction>[1-9]\d*))?$")
CHANGELOG = Path("docs/reference/changelog.md")
ALIAS = "latest"
TEMPLATES = Path(__file__).parent / "templates"


def edition_problem(edition: str) -> str | None:
    if EDITION.match(edition):
        return None
    return f"'{edition}' is not an edition name; editions are YYYY.MM, or YYYY.MM.N for a correction"


def check_recorded(edition: str, changelog: str, path: str, report: Diagnostics) -> None:
    """The changelog must have ``## Edition <edition>``, no longer marked as in preparation."""
    heading = re.compile(rf"^## Edition {re.escape(edition)}\b(?P<rest>.*)$", re.MULTILINE)
    match = heading.search(changelog)
    if match is None:
        report.error(
            path,
            1,
            1,
            "edition-unrecorded",
            f"edition {edition} is not recorded in the changelog",
            f"add a section '## Edition {edition}' saying what the edition adds, corrects and removes",
        )
    elif "in preparation" in match.group("rest").lower():
        line = changelog.count("\n", 0, match.start()) + 1
        report.error(
            path,
            line,
            1,
            "edition-unrecorded",
            f"edition {edition} is still marked as in preparation",
            "replace '(in preparation)' with the date of publication before deploying",
        )


def root_404(site_name: str, site_url: str) -> str:
    base = urlsplit(site_url).path or "/"
    environment = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True)
    template = environment.get_template("root_404.html.j2")
    return template.render(site_name=site_name, latest=f"{base.rstrip('/')}/{ALIAS}/")


def deploy(edition: str, root: Path, branch: str = "gh-pages") -> Diagnostics:
    report = Diagnostics()
    problem = edition_problem(edition)
    if problem:
        report.error("<command line>", 1, 1, "edition-name", problem, "for example 2026.11 or 2026.11.1")
        return report
    changelog = root / CHANGELOG
    check_recorded(edition, changelog.read_text(encoding="utf-8"), str(CHANGELOG), report)
    if len(report):
        return report

    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        # mike runs `mkdocs build`; the venv's copy must be the one found.
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        # Every edition carries its PDF; tests set HANDBOOK_PDF=0 to deploy faster.
        "HANDBOOK_PDF": os.environ.get("HANDBOOK_PDF", "1"),
        "HANDBOOK_EDITION": edition,
        "NO_MKDOCS_2_WARNING": "1",
    }
    mike = [str(Path(sys.executable).parent / "mike")]
    subprocess.run(
        [*mike, "deploy", "--branch", branch, "--update-aliases", edition, ALIAS], cwd=root, env=env, check=True
    )
    subprocess.run([*mike, "set-default", "--branch", branch, ALIAS], cwd=root, env=env, check=True)
    write_root_404(root, branch)
    return report


def write_root_404(root: Path, branch: str) -> None:
    from mike import git_utils

    _, config = read_config(root / "mkdocs.yml")
    site_url = os.environ.get("HANDBOOK_SITE_URL", "http://127.0.0.1:8000/")
    page = root_404(config["site_name"], site_url)
    cwd = os.getcwd()
    os.chdir(root)  # mike's git helpers work on the current directory's repository
    try:
        with git_utils.Commit(branch, "Root 404 page sends dead addresses to the latest edition") as commit:
            commit.add_file(git_utils.FileInfo("404.html", page))
    except git_utils.GitEmptyCommit:
        pass  # the page is already there, unchanged
    finally:
        os.chdir(cwd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.editions", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    deploy_command = commands.add_parser("deploy", help="build an edition into the local gh-pages branch")
    deploy_command.add_argument("edition", help="YYYY.MM, or YYYY.MM.N for a correction")
    deploy_command.add_argument("--branch", default="gh-pages")
    arguments = parser.parse_args(argv)
    report = deploy(arguments.edition, Path.cwd(), arguments.branch)
    for diagnostic in sorted(report):
        print(diagnostic.format(), file=sys.stderr)
    return 1 if len(report) else 0


if __name__ == "__main__":
    sys.exit(main())
