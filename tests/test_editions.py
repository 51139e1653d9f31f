"""Editions published with mike into a local git repository, as ``hooks/editions.py`` does it.

A copy of the handbook becomes a temporary repository (no remote). Two editions are
deployed into its gh-pages branch exactly as a maintainer would, by the command line;
the branch is then read back with git and checked with lychee.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import browser
from tests.conftest import run_lychee
from tests.project_copy import copy_project

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Handbook tests",
    "GIT_AUTHOR_EMAIL": "tests@handbook.invalid",
    "GIT_COMMITTER_NAME": "Handbook tests",
    "GIT_COMMITTER_EMAIL": "tests@handbook.invalid",
}
# The PDF is tested on its own (test_pdf.py); leaving it out here saves a minute per edition.
DEPLOY_ENV = {**GIT_IDENTITY, "HANDBOOK_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}
CHANGELOG = "docs/reference/changelog.md"


def git(repository: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", *arguments],
        cwd=repository,
        env={**os.environ, **GIT_IDENTITY},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def deploy(repository: Path, edition: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hooks.editions", "deploy", edition],
        cwd=repository,
        env={**os.environ, **DEPLOY_ENV},
        capture_output=True,
        text=True,
        timeout=600,
    )


def record_edition(repository: Path, edition: str) -> None:
    changelog = repository / CHANGELOG
    text = changelog.read_text(encoding="utf-8").replace("(in preparation)", "(published 21 November 2026)")
    if f"## Edition {edition}" not in text:
        text = text.replace(
            "## Edition ", f"## Edition {edition} (published 1 December 2026)\n\nCorrections.\n\n## Edition ", 1
        )
    changelog.write_text(text, encoding="utf-8")
    git(repository, "commit", "--quiet", "--all", "--message", f"Record edition {edition}")


def tree(repository: Path, folder: str) -> dict[str, str]:
    """Path to blob id of every file under ``folder`` of gh-pages."""
    listing = git(repository, "ls-tree", "-r", "gh-pages", folder)
    return {line.split("\t")[1]: line.split()[2] for line in listing.splitlines()}


def shown(repository: Path, path: str) -> str:
    return git(repository, "show", f"gh-pages:{path}")


@dataclass
class Published:
    repository: Path
    first_edition_before: dict[str, str]
    checkout: Path


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Published:
    repository = copy_project(tmp_path_factory.mktemp("editions") / "handbook")
    git(repository, "init", "--quiet", "--initial-branch", "main")
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "--message", "The handbook")
    record_edition(repository, "2026.11")
    first = deploy(repository, "2026.11")
    assert first.returncode == 0, first.stdout + first.stderr
    before = tree(repository, "2026.11")
    record_edition(repository, "2026.12")
    second = deploy(repository, "2026.12")
    assert second.returncode == 0, second.stdout + second.stderr
    checkout = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=repository, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive, check=True)
    return Published(repository, before, checkout)


def test_versions_json_lists_both_editions_and_the_alias(published):
    versions = json.loads(shown(published.repository, "versions.json"))
    assert [(entry["version"], entry["aliases"]) for entry in versions] == [("2026.12", ["latest"]), ("2026.11", [])]


def test_the_first_edition_is_byte_identical_after_the_second_is_deployed(published):
    assert len(published.first_edition_before) > 60
    assert tree(published.repository, "2026.11") == published.first_edition_before


def test_the_root_redirects_to_latest_and_latest_to_the_newest_edition(published):
    root = shown(published.repository, "index.html")
    assert '<meta http-equiv="refresh" content="0; url=latest/">' in root
    latest_pages = [path for path in tree(published.repository, "latest") if path.endswith(".html")]
    assert len(latest_pages) > 60
    for path in latest_pages:
        page = path.removeprefix("latest/")
        depth = page.count("/")
        target = "../" * (depth + 1) + "2026.12/" + page.removesuffix("index.html")
        assert f'url={target}"' in shown(published.repository, path), path


def test_no_redirect_needs_a_script(published):
    # The Content-Security-Policy allows no inline script; mike's own template has one.
    for path in ["index.html", "latest/index.html", "latest/peptides/mk-677/index.html", "404.html"]:
        assert "<script" not in shown(published.repository, path), path


def test_the_root_404_page_sends_readers_to_the_latest_edition(published):
    page = shown(published.repository, "404.html")
    assert 'href="/latest/"' in page
    assert 'content="5; url=/latest/"' in page
    assert (published.checkout / "latest" / "index.html").is_file()


def test_canonical_urls_point_at_latest_and_the_selector_reads_versions_json(published):
    page = shown(published.repository, "2026.11/peptides/mk-677/index.html")
    assert '<link rel="canonical" href="http://127.0.0.1:8000/latest/peptides/mk-677/">' in page
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page).group(1))
    assert config["version"] == {"provider": "mike", "default": "latest"}


@pytest.mark.parametrize("edition", ["2026.11", "2026.12"])
def test_each_edition_passes_the_link_checks(published, edition):
    # An edition's own 404.html is never served (hosts serve the root one) and links to
    # '/latest/assets/...', which the redirect alias does not hold; the root 404 is checked below.
    completed = run_lychee(published.checkout / edition, root=published.checkout, exclude=(r"404\.html$",))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert re.search(r"\b0 Errors\b", completed.stdout + completed.stderr), completed.stdout


def test_an_edition_missing_from_the_changelog_is_not_deployed(published):
    result = deploy(published.repository, "2027.01")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{CHANGELOG}:1:1: error: edition 2027.01 is not recorded in the changelog [edition-unrecorded]"
    )
    assert "2027.01" not in shown(published.repository, "versions.json")


def test_an_edition_name_outside_the_scheme_is_refused(published):
    result = deploy(published.repository, "v1.0")
    assert result.returncode == 1
    assert "'v1.0' is not an edition name; editions are YYYY.MM, or YYYY.MM.N for a correction [edition-name]" in (
        result.stderr
    )


def test_the_edition_selector_lists_both_editions_in_a_browser(published):
    with browser.serve(published.checkout) as base, browser.browser() as chromium:
        page = chromium.new_page()
        page.goto(base)
        # The root sends readers to latest/, which sends them on to the newest edition.
        page.wait_for_url(base + "2026.12/", timeout=10_000)
        page.locator(".md-version__current").wait_for(timeout=10_000)
        assert page.locator(".md-version__current").inner_text() == "2026.12"
        listed = [item.inner_text() for item in page.locator(".md-version__link").all()]
        assert listed[:2] == ["2026.12", "2026.11"]
