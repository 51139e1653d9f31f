"""Repairs to Material's own markup that the W3C validator or axe-core rejects.

Two repairs remove an attribute that has no effect, so pages behave exactly as before:

- ``tabindex=""`` on section labels in the navigation: an empty tabindex is not a number,
  and browsers treat it as absent.
- ``for="__toc"`` on the contents title of a section's index page: the theme writes the
  toggle it points at only on pages that are not a section's index, so there it names
  nothing.

One adds what assistive technology needs: the search dialog gets a name, so a screen
reader announces "Search" when it opens.

Material's toggles also carry ``autocomplete="off"`` on checkboxes, which the validator
rejects too; that one stays, because it stops Firefox from restoring a drawer's open state
on back navigation (tests/test_html_validity.py lists it).
"""

from __future__ import annotations

import re

EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
UNNAMED_SEARCH_DIALOG = re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")>')
TOGGLE_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="(?P<target>__toc)"')


def repair(html: str) -> str:
    html = EMPTY_TABINDEX.sub("", html)
    html = UNNAMED_SEARCH_DIALOG.sub(r'\1 aria-label="Search">', html)
    if 'id="__toc"' not in html:
        html = TOGGLE_LABEL.sub(r"\1", html)
    return html


def on_post_page(output, page, config):
    return repair(output)


def on_post_template(output_content, template_name, config):
    # 404.html is rendered from a static template, not as a page.
    return repair(output_content)
