"""Debian's chromium, driven by Playwright: no browser download, no network.

Chromium is started the way this machine's network allows: without the background
services that would call Google's hosts. Every request a page makes is recorded, so a
test can assert that none left the machine.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.project_copy import ROOT

# One page of each kind the site has.
PAGE_TEMPLATES = {
    "home": "",
    "foundation": "foundations/insulin-resistance/",
    "mechanism": "mechanisms/gh-receptor-signalling/",
    "peptide": "peptides/mk-677/",
    "comparison": "peptides/compare-gh-secretagogues/",
    "glossary": "reference/glossary/",
    "bibliography": "reference/bibliography/",
}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Listens before any page script runs, so a refused inline script is recorded too.
RECORD_POLICY_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__policyViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""

CHROMIUM_FLAGS = [
    "--no-sandbox",  # the tests may run as root in CI containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def chromium_path() -> str:
    path = os.environ.get("HANDBOOK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium (see README.md)")
    return path


@dataclass
class Requests:
    urls: list[str] = field(default_factory=list)

    def leaving(self, *allowed_prefixes: str) -> list[str]:
        return [url for url in self.urls if not url.startswith(allowed_prefixes)]


@contextmanager
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            yield instance
        finally:
            instance.close()


def watch_requests(page) -> Requests:
    requests = Requests()
    page.on("request", lambda request: requests.urls.append(request.url))
    return requests


def search(page, query: str, attempts: int = 6) -> list[str]:
    """Type ``query`` into Material's search box; the addresses of the results, best first."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():  # phone widths hide the box behind a button
        toggle.click()
    box = page.locator("input.md-search__input")
    box.click()
    first_result = page.locator("li.md-search-result__item > a").first
    # Material reads the box on keyup, not on input events, so the query is typed key by key.
    # A query typed before the search worker has built its index is dropped; a reader
    # types again, and so does this helper.
    for attempt in range(attempts):
        box.press("Control+A")
        box.press("Backspace")
        box.press_sequentially(query)
        try:
            first_result.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
    return [link.get_attribute("href") for link in page.query_selector_all("li.md-search-result__item > a")]


def accessibility_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's findings on the loaded page at ``impacts``, one line each.

    The script is injected inline, so the page's context must bypass the site's policy.
    """
    if not AXE.exists():
        pytest.fail("axe-core is missing: run 'make test', which installs it with npm ci (see README.md)")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['impact']} {violation['id']}: {node['html'][:120]!r} ({violation['help']})"
        for violation in result["violations"]
        if violation["impact"] in impacts
        for node in violation["nodes"]
    ]


def policy_violations(page) -> list[str]:
    """What the Content-Security-Policy refused on this page (needs RECORD_POLICY_VIOLATIONS)."""
    return page.evaluate("window.__policyViolations")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass

    def list_directory(self, path):
        # A static host answers a folder without index.html with 404, not a listing.
        self.send_error(404)
        return None


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page that navigates away drops its open requests: not a fault worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, handler_class: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """``folder`` served over HTTP on 127.0.0.1, as a static host would; yields the base address."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        thread.join()
