"""The nav in mkdocs.yml names only pages that exist, and every page is in the nav."""

from __future__ import annotations

import difflib

from hooks.diagnostics import Diagnostics
from hooks.site_sources import Site


def check_navigation(site: Site, report: Diagnostics) -> None:
    pages = {page.uri for page in site.pages}
    named = {entry.target for entry in site.nav}
    for entry in site.nav:
        if entry.target in site.files:
            continue
        nearest = difflib.get_close_matches(entry.target, sorted(pages), n=1, cutoff=0.6)
        report.error(
            site.config_path,
            entry.line,
            entry.column,
            "nav-missing",
            f"the nav names '{entry.target}', which is not a file in the {site.docs_prefix} folder",
            f"did you mean '{nearest[0]}'?" if nearest else "nav paths are relative to the docs folder",
        )
    if not site.nav:
        return
    for page in site.pages:
        if page.uri not in named:
            report.error(
                page.path,
                1,
                1,
                "nav-omitted",
                "the page is not in the nav, so readers can reach it only by a link",
                f"list '{page.uri}' under nav: in {site.config_path}",
            )
