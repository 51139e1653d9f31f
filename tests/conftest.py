"""Shared fixtures: the project's paths, a strict build of the real site, and tiny sites."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.project_copy import ROOT


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()


def run_mkdocs_build(config_file: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None) -> BuildResult:
    """Build with the MkDocs command line, as a maintainer would; no network is needed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("GITHUB_ACTIONS", None)
    completed = subprocess.run(
        [
            # The command a maintainer runs, not `python -m mkdocs`: under MkDocs 1.6 only the
            # command logs the Python warnings that hooks raise, which test_site.py looks for.
            str(Path(sys.executable).parent / "mkdocs"),
            "build",
            "--strict",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(site_dir),
            *extra,
        ],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


# What `make deploy` sets; the date is fixed so that the cover can be asserted.
PUBLISHED_BUILD = {"HANDBOOK_PDF": "1", "HANDBOOK_EDITION": "2026.11", "SOURCE_DATE_EPOCH": "1795219200"}


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real handbook, built strict once per test session as an edition is: with its PDF."""
    result = run_mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site", env=PUBLISHED_BUILD)
    assert result.returncode == 0, result.output
    return result


def run_lychee(site: Path, root: Path | None = None, exclude: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """lychee over a built site, offline, fragments included; ``root`` is where '/' points (the site)."""
    lychee = Path(sys.executable).parent / "lychee"
    return subprocess.run(
        [str(lychee), "--offline", "--include-fragments", "--no-progress", "--index-files", "index.html"]
        + ["--root-dir", str(root or site), "--format", "compact"]
        + [argument for pattern in exclude for argument in ("--exclude-path", pattern)]
        + ["."],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


HOOKS = ["build_report.py", "build_checks.py", "external_links.py"]


@dataclass
class Project:
    """A small handbook in a temporary folder, using the real hooks."""

    root: Path

    def write(self, files: dict[str, str]) -> Project:
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return self

    def configure(self, nav: list | None = None, **settings) -> Project:
        config = {
            "site_name": "Fixture",
            "strict": True,
            "hooks": [str(ROOT / "hooks" / name) for name in HOOKS],
            **({"nav": nav} if nav is not None else {}),
            **settings,
        }
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        return self

    def check(self) -> list[str]:
        """What ``python -m hooks.check`` reports, as the first line of each diagnostic."""
        from hooks.diagnostics import Diagnostics
        from hooks.site_checks import check_site
        from hooks.site_sources import load_site

        report = Diagnostics()
        check_site(load_site(self.root / "mkdocs.yml"), report)
        return [diagnostic.format().splitlines()[0] for diagnostic in sorted(report)]

    def build(self, env: dict[str, str] | None = None) -> BuildResult:
        return run_mkdocs_build(self.root / "mkdocs.yml", self.root / "site", env=env)


@pytest.fixture
def project(tmp_path) -> Project:
    """A tiny project; ``configure`` writes its mkdocs.yml (nav optional)."""
    return Project(tmp_path / "project")
