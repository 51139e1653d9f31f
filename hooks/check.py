"""Run every check of the handbook without building the site: ``python -m hooks.check``.

Prints the same diagnostics as the build and exits non-zero on any error, for
pre-commit and editors. Anchors come from the Markdown, links from the sources.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from hooks.diagnostics import Diagnostics
from hooks.site_checks import check_site
from hooks.site_sources import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.check", description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", "-f", type=Path, default=Path("mkdocs.yml"), help="default: mkdocs.yml")
    arguments = parser.parse_args(argv)
    config_file = arguments.config_file.resolve()
    if not config_file.is_file():
        print(f"{arguments.config_file}: error: no such configuration file", file=sys.stderr)
        return 2
    report = Diagnostics()
    check_site(load_site(config_file), report)
    if len(report):
        report.report(github_actions=bool(os.environ.get("GITHUB_ACTIONS")))
        return 1 if report.error_count else 0
    print("No problems found by the handbook's checks.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
