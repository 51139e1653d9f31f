"""What a reader sees, in Debian's chromium, on the real site served from 127.0.0.1."""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

import pytest

from tests import browser
from tests.conftest import ROOT
from tests.html_inspect import parse_page

SCREENSHOTS = ROOT / "tests" / "artifacts" / "screenshots"
TEMPLATES = browser.PAGE_TEMPLATES
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def site(real_site):
    with browser.serve(real_site.site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def chromium():
    with browser.browser() as instance:
        yield instance


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_the_home_page_loads(page, site):
    response = page.goto(site)
    assert response.status == 200
    assert page.title() == "About this handbook - Handbook of GH, incretin peptides and insulin resistance"
    assert page.locator("article h1").inner_text().rstrip("¶") == "About this handbook"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ibutamoren", "peptides/mk-677/"),
        ("tesamorelin", "peptides/tesamorelin/"),
        ("Ozempic", "peptides/semaglutide/"),
        ("Egrifta", "peptides/tesamorelin/"),
    ],
)
def test_search_finds_the_page_of_an_agent_by_any_of_its_names(page, site, query, expected):
    page.goto(site)
    results = browser.search(page, query)
    assert urlsplit(results[0]).path == "/" + expected, results


def first_citation_tooltip(page, address: str) -> str:
    """The text of the tooltip shown on hovering the first citation at ``address``."""
    page.goto(address)
    page.locator("article a.footnote-ref").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    return tooltip.inner_text()


def test_hovering_a_citation_shows_the_reference(page, site):
    text = first_citation_tooltip(page, site + "peptides/tesamorelin/")
    assert re.search(r"Falutz.*\b20\d\d\b", text, re.DOTALL)


def test_hovering_an_abbreviation_shows_its_definition(page, site):
    page.goto(site + "peptides/tesamorelin/")
    abbreviation = page.locator("article abbr", has_text=re.compile(r"^GH$")).first
    abbreviation.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip() == "growth hormone"


def test_dark_mode_toggles_and_persists_across_pages(page, site):
    page.goto(site)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.evaluate(scheme)
    assert {before, after} == {"default", "slate"}
    page.goto(site + "mechanisms/")
    assert page.evaluate(scheme) == after


@pytest.mark.parametrize("kind", TEMPLATES)
def test_no_page_scrolls_sideways_on_a_phone(chromium, site, kind):
    context = chromium.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    page.goto(site + TEMPLATES[kind])
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert widths[0] <= widths[1], f"{kind}: the page is {widths[0]} px wide on a {widths[1]} px screen"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", TEMPLATES)
def test_no_serious_or_critical_accessibility_violation(chromium, site, kind, scheme):
    context = chromium.new_context(viewport=DESKTOP, color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.goto(site + TEMPLATES[kind])
    page.wait_for_load_state("networkidle")
    violations = browser.accessibility_violations(page)
    context.close()
    assert violations == []


def test_axe_reports_what_it_should(chromium, site):
    """The accessibility check can fail: an image without a name is a critical violation."""
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site)
    page.evaluate(
        "document.querySelector('article').append(Object.assign(document.createElement('img'), {src: 'x.png'}))"
    )
    violations = browser.accessibility_violations(page)
    context.close()
    assert any("image-alt" in violation for violation in violations), violations


def test_a_reader_meets_no_content_security_policy_refusal(page, site):
    page.add_init_script(browser.RECORD_POLICY_VIOLATIONS)
    page.goto(site)
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    refused = list(browser.policy_violations(page))
    for address in TEMPLATES.values():
        page.goto(site + address)
        page.wait_for_load_state("networkidle")
        refused += browser.policy_violations(page)
    page.goto(site + TEMPLATES["peptide"])
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    page.locator("article a.footnote-ref").first.hover()
    page.locator(".md-tooltip2--active").wait_for(timeout=5_000)
    assert browser.search(page, "tesamorelin")  # the search worker
    page.keyboard.press("Escape")
    page.goto(site + TEMPLATES["peptide"])
    page.locator("article a[href*='/mechanisms/']").first.click()  # instant navigation
    page.wait_for_load_state("networkidle")
    assert "/mechanisms/" in page.url
    refused += browser.policy_violations(page)
    assert refused == []


def test_the_policy_refuses_an_inline_script_it_has_no_hash_for(page, site):
    def with_an_unknown_script(route):
        html = route.fetch().text()
        route.fulfill(
            body=html.replace("</body>", "<script>window.__ranUnhashed = true</script></body>"),
            content_type="text/html",
        )

    page.add_init_script(browser.RECORD_POLICY_VIOLATIONS)
    page.route(site, with_an_unknown_script)
    page.goto(site)
    assert page.evaluate("window.__ranUnhashed === undefined")
    assert [line for line in browser.policy_violations(page) if line.startswith("script-src")], "nothing refused"


def page_address(site: str, site_dir: Path, html: Path) -> str:
    """The served address of a built ``index.html``."""
    folder = html.parent.relative_to(site_dir).as_posix()
    return site if folder == "." else f"{site}{folder}/"


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status
    except HTTPError as error:
        return error.code


def addresses_not_answering_200(site: str, site_dir: Path) -> dict[str, int]:
    """Every built page and everything it links to or loads on this site, by status if not 200."""
    seen: dict[str, int] = {}
    for html in site_dir.rglob("index.html"):
        address = page_address(site, site_dir, html)
        seen[address] = status(address)
        read = parse_page(html.read_text(encoding="utf-8"))
        for target in [href for href, _ in read.links] + read.resources:
            url = urljoin(address, target).split("#")[0]
            if url.startswith(site) and url not in seen:
                seen[url] = status(url)
    return {url: code for url, code in seen.items() if code != 200}


def test_every_page_and_every_internal_link_answers_200(site, real_site):
    assert len(list(real_site.site_dir.rglob("index.html"))) > 60
    assert addresses_not_answering_200(site, real_site.site_dir) == {}


def test_a_full_browse_sends_no_request_off_this_machine(page, site, real_site):
    requests = browser.watch_requests(page)
    for html in sorted(real_site.site_dir.rglob("index.html")):
        page.goto(page_address(site, real_site.site_dir, html))
        page.wait_for_load_state("networkidle")
    assert len(requests.urls) > 100
    assert requests.leaving(site) == []


@pytest.mark.parametrize("kind", ["home", "mechanism", "comparison"])
@pytest.mark.parametrize(("device", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_for_a_person_to_look_at(chromium, site, kind, device, viewport):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site + TEMPLATES[kind])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{kind}-{device}.png"
    page.screenshot(path=str(target), full_page=False)
    context.close()
    assert target.stat().st_size > 10_000


@pytest.fixture(scope="module")
def broken_site(real_site, tmp_path_factory) -> Path:
    """A copy of the built site with an empty search index, one page's reference list
    missing and one page deleted: what the checks above must catch."""
    root = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(real_site.site_dir, root)
    index = root / "search" / "search_index.json"
    contents = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps({**contents, "docs": []}), encoding="utf-8")
    page = root / "peptides" / "tesamorelin" / "index.html"
    html, removed = re.subn(
        r'<div class="footnote"[^>]*>.*?</ol>\s*</div>', "", page.read_text(encoding="utf-8"), flags=re.DOTALL
    )
    assert removed == 1
    page.write_text(html, encoding="utf-8")
    (root / "peptides" / "mk-677" / "index.html").unlink()
    return root


def test_the_checks_fail_on_a_broken_site(page, broken_site):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with browser.serve(broken_site) as base:
        page.goto(base)
        with pytest.raises(PlaywrightTimeout):
            browser.search(page, "tesamorelin", attempts=2)
        with pytest.raises(PlaywrightTimeout):
            first_citation_tooltip(page, base + "peptides/tesamorelin/")
        assert addresses_not_answering_200(base, broken_site) == {base + "peptides/mk-677/": 404}
