"""The offline build (mkdocs.offline.yml), opened from disk in a real browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests import browser
from tests.conftest import ROOT, run_mkdocs_build


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    result = run_mkdocs_build(ROOT / "mkdocs.offline.yml", tmp_path_factory.mktemp("offline") / "site")
    assert result.returncode == 0, result.output
    return result.site_dir


def test_pages_link_to_files_not_folders(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="peptides/mk-677.html"' in home or "peptides/mk-677.html" in home
    assert (offline_site / "peptides" / "mk-677.html").is_file()
    assert (offline_site / "search" / "search_index.js").is_file()


@pytest.mark.parametrize(
    ("query", "expected"), [("ibutamoren", "peptides/mk-677.html"), ("tesamorelin", "peptides/tesamorelin.html")]
)
def test_search_works_from_disk_and_nothing_is_fetched_from_elsewhere(offline_site, query, expected):
    with browser.browser() as chromium:
        page = chromium.new_page()
        requests = browser.watch_requests(page)
        page.goto((offline_site / "index.html").as_uri())
        assert page.title().startswith("About this handbook")
        results = browser.search(page, query)
        assert results and urlsplit(results[0]).path.endswith(expected), results
        page.click("li.md-search-result__item > a")
        page.wait_for_load_state()
        assert page.url.startswith("file://") and expected in page.url
        assert requests.leaving("file://", "data:") == []
