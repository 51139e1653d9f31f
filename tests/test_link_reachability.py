"""The opt-in reachability check, against a real HTTP server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hooks.diagnostics import Diagnostics
from hooks.link_reachability import Place, check_reachability, collect_urls


class Handler(BaseHTTPRequestHandler):
    def answer(self, with_body: bool) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif self.path == "/get-only" and self.command == "HEAD":
            self.send_error(405)
        elif self.path == "/slow":
            time.sleep(1.5)
            self.send_response(200)
            self.end_headers()
        elif self.path in ("/ok", "/get-only"):
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            if with_body:
                self.wfile.write(b"ok")
        else:
            self.send_error(404, "Not Found")

    def do_HEAD(self):  # noqa: N802 - the name http.server calls
        self.answer(with_body=False)

    def do_GET(self):  # noqa: N802
        self.answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def places(base: str, *paths: str) -> dict[str, Place]:
    return {f"{base}{path}": Place("docs/index.md", line, 5) for line, path in enumerate(paths, start=1)}


def test_failures_are_reported_where_the_address_is_written(server, tmp_path):
    urls = places(server, "/ok", "/moved", "/get-only", "/gone", "/slow")
    report = Diagnostics()
    asked = check_reachability(urls, report, cache_file=tmp_path / "cache.json", timeout=0.5)
    assert asked == 5
    assert [d.format().splitlines()[0] for d in report] == [
        f"docs/index.md:4:5: error: '{server}/gone' did not answer: HTTP 404 Not Found [link-unreachable]",
        f"docs/index.md:5:5: error: '{server}/slow' did not answer: no answer (timed out) [link-unreachable]",
    ]


def test_answers_are_cached_for_a_week(server, tmp_path):
    urls = places(server, "/ok", "/gone")
    cache = tmp_path / "cache.json"
    clock = [1_000_000.0]
    assert check_reachability(urls, Diagnostics(), cache_file=cache, now=lambda: clock[0]) == 2
    clock[0] += 3600
    second = Diagnostics()
    assert check_reachability(urls, second, cache_file=cache, now=lambda: clock[0]) == 0
    assert [d.rule for d in second] == ["link-unreachable"]  # the cached failure is still reported
    clock[0] += 8 * 24 * 3600
    assert check_reachability(urls, Diagnostics(), cache_file=cache, now=lambda: clock[0]) == 2


def test_addresses_are_collected_from_pages_data_and_the_bibliography(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nSee [label](https://www.fda.gov/x) and [p](page.md).\n")
    (tmp_path / "data" / "peptides.yml").write_text("- id: a\n  note: record at https://www.ema.europa.eu/y.\n")
    (tmp_path / "references.bib").write_text("@article{a2020b,\n  doi = {10.1000/xyz},\n  url = {https://a.org/}\n}\n")
    assert collect_urls(tmp_path) == {
        "https://www.fda.gov/x": Place("docs/index.md", 3, 13),
        "https://www.ema.europa.eu/y": Place("data/peptides.yml", 2, 19),
        "https://doi.org/10.1000/xyz": Place("references.bib", 2, 10),
        "https://a.org/": Place("references.bib", 3, 10),
    }
