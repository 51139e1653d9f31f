"""What a reader sees, in Debian's chromium, on the real site served from 127.0.0.1."""

from __future__ import annotations

import re
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


def test_hovering_a_citation_shows_the_reference(page, site):
    page.goto(site + "peptides/tesamorelin/")
    page.locator("article a.footnote-ref").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert re.search(r"Falutz.*\b20\d\d\b", tooltip.inner_text(), re.DOTALL)


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


def test_every_page_and_every_internal_link_answers_200(site, real_site):
    pages = [path for path in real_site.site_dir.rglob("index.html")]
    assert len(pages) > 60
    seen: dict[str, int] = {}
    for html in pages:
        address = page_address(site, real_site.site_dir, html)
        with urllib.request.urlopen(address) as response:  # noqa: S310 - 127.0.0.1 only
            assert response.status == 200
            read = parse_page(response.read().decode("utf-8"))
        for target in [href for href, _ in read.links] + read.resources:
            url = urljoin(address, target).split("#")[0]
            if url.startswith(site) and url not in seen:
                try:
                    with urllib.request.urlopen(url) as linked:  # noqa: S310
                        seen[url] = linked.status
                except HTTPError as error:
                    seen[url] = error.code
    assert {url: status for url, status in seen.items() if status != 200} == {}


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
