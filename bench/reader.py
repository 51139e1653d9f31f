"""What a reader downloads and how fast it shows: page weight, the search index, Lighthouse.

The site is built as an edition and served the way GitHub Pages serves it: under its
edition folder, beside mike's versions.json, with text files gzip-compressed. Served
without compression, the theme's CSS and JavaScript would weigh three times as much as
any reader receives, and Lighthouse would score a host nobody uses.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests import browser
from tests.project_copy import ROOT, copy_project

EDITION = "2026.11"
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
LIGHTHOUSE_PAGES = ("home", "mechanism", "comparison")
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


class GzipHandler(browser.QuietHandler):
    """A static host that compresses text, as GitHub Pages does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirects to the folder's address
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and wants_gzip and content_type.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def build(project: Path, site: Path, site_url: str = "http://127.0.0.1/") -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_SITE_URL": site_url, "HANDBOOK_EDITION": EDITION},
        cwd=project,  # the hooks import the copy's `hooks` package, not the working tree's
        check=True,
        capture_output=True,
    )


@contextmanager
def published_edition(project: Path, folder: Path) -> Iterator[str]:
    """The site built as edition ``EDITION`` and hosted under its folder; yields the edition's address."""
    with browser.serve(folder, GzipHandler) as base:
        address = f"{base}{EDITION}/"
        build(project, folder / EDITION, site_url=address)
        versions = [{"version": EDITION, "title": EDITION, "aliases": ["latest"]}]
        (folder / "versions.json").write_text(json.dumps(versions), encoding="utf-8")
        yield address


def transferred_bytes(chromium, url: str) -> dict[str, int]:
    """Bytes over the wire for ``url`` with an empty cache, by kind of resource."""
    context = chromium.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    transferred: dict[str, int] = {}
    for response in responses:
        sizes = response.request.sizes()
        kind = "fetch" if response.request.resource_type in ("xhr", "fetch") else response.request.resource_type
        transferred[kind] = transferred.get(kind, 0) + sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return transferred


def page_weight(address: str) -> None:
    print("5. Bytes a reader's browser transfers per page, gzip as the host sends it (fresh cache)")
    kinds = ("document", "stylesheet", "script", "font", "image", "fetch")
    print(f"   {'page':<13}" + "".join(f"{kind:>12}" for kind in kinds) + f"{'total':>12}")
    with browser.browser() as chromium:
        for name, path in browser.PAGE_TEMPLATES.items():
            transferred = transferred_bytes(chromium, address + path)
            cells = "".join(f"{transferred.get(kind, 0) / 1024:>10.1f}KB" for kind in kinds)
            print(f"   {name:<13}{cells}{sum(transferred.values()) / 1024:>10.1f}KB")
    print("   (fetch: the search index, which Material's search loads with the first page, sitemap.xml")
    print("   for instant navigation and versions.json for the edition selector; no fonts or images)")


def without_search_exclusions(project: Path) -> None:
    """Undo every way the handbook keeps text out of the index: the stock index for the same pages."""
    for path in [*project.joinpath("hooks").rglob("*"), *project.joinpath("docs").rglob("*.md")]:
        if path.is_file() and path.suffix in (".py", ".j2", ".md"):
            text = path.read_text(encoding="utf-8")
            text = text.replace("data-search-exclude", "data-search-kept").replace("\n  exclude: true", "")
            path.write_text(text, encoding="utf-8")


def search_index(folder: Path) -> None:
    sizes = {}
    for variant in ("handbook", "stock"):
        copy = copy_project(folder / f"{variant}-project")
        if variant == "stock":
            without_search_exclusions(copy)
        build(copy, folder / f"{variant}-site")
        raw = (folder / f"{variant}-site" / "search" / "search_index.json").read_bytes()
        sizes[variant] = (len(raw), len(gzip.compress(raw, compresslevel=9)))
    ours, stock = sizes["handbook"], sizes["stock"]
    print("6. Search index, the largest file a reader downloads (target: at most half the stock size)")
    print(f"   stock Material, same pages: {stock[0] / 1024:7.1f} KB ({stock[1] / 1024:.1f} KB gzip)")
    print(
        f"   the handbook:               {ours[0] / 1024:7.1f} KB ({ours[1] / 1024:.1f} KB gzip):"
        f" {ours[0] / stock[0]:.0%} of stock ({ours[1] / stock[1]:.0%} gzip)"
    )
    print("   every alias and brand name still found on its agent's page: tests/test_search_index.py")


def lighthouse_run(address: str, report: Path) -> dict:
    subprocess.run(
        [str(ROOT / "node_modules" / ".bin" / "lighthouse"), address, "--quiet", "--output=json"]
        + [f"--output-path={report}", f"--chrome-path={browser.chromium_path()}"]
        + [f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}"]
        + [f"--chrome-flags=--headless=new {' '.join(browser.CHROMIUM_FLAGS)}"],
        check=True,
        capture_output=True,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def lighthouse(address: str, folder: Path, runs: int) -> None:
    print(f"7. Lighthouse 12, mobile preset (simulated slow 4G, 4x CPU slowdown), Debian's chromium, median of {runs}")
    print(f"   targets: {', '.join(f'{name} {target}' for name, target in TARGETS.items())}")
    for name in LIGHTHOUSE_PAGES:
        results = [
            lighthouse_run(address + browser.PAGE_TEMPLATES[name], folder / "lighthouse.json") for _ in range(runs)
        ]
        results.sort(key=lambda result: result["categories"]["performance"]["score"])
        median = results[len(results) // 2]
        scores = "  ".join(
            f"{key} {statistics.median(round(result['categories'][key]['score'] * 100) for result in results):.0f}"
            for key in LIGHTHOUSE_CATEGORIES
        )
        blocking = [result["audits"]["total-blocking-time"]["numericValue"] for result in results]
        print(
            f"   {name:<11}{scores}   (FCP {median['audits']['first-contentful-paint']['displayValue']},"
            f" LCP {median['audits']['largest-contentful-paint']['displayValue']},"
            f" TBT {', '.join(f'{value:.0f}' for value in sorted(blocking))} ms)"
        )
        for category in median["categories"].values():
            for reference in category["auditRefs"]:
                audit = median["audits"][reference["id"]]
                if reference.get("weight") and audit["score"] is not None and audit["score"] < 1:
                    print(f"      below full marks: {category['id']} {reference['id']} {audit.get('displayValue', '')}")


def bench_reader(skip_lighthouse: bool = False, lighthouse_runs: int = 3) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = copy_project(folder / "project")
        with published_edition(project, folder / "host") as address:
            page_weight(address)
            search_index(folder)
            if shutil.which("node") and not skip_lighthouse:
                lighthouse(address, folder, lighthouse_runs)
            elif not skip_lighthouse:
                print("7. Lighthouse: skipped, Node.js is not installed")
