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

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()


def run_mkdocs_build(config_file: Path, site_dir: Path, *extra: str) -> BuildResult:
    """Build with the MkDocs command line, as a maintainer would; no network is needed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
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


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuildResult:
    """The real handbook, built strict once per test session."""
    result = run_mkdocs_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def tiny_site(tmp_path):
    """Write a small site that uses the handbook's hooks; returns a function that builds it."""

    def make(pages: dict[str, str], *, hooks: list[str], nav: list | None = None, **config) -> BuildResult:
        docs = tmp_path / "docs"
        for name, text in pages.items():
            path = docs / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        settings = {
            "site_name": "Fixture",
            "strict": True,
            "hooks": [str(ROOT / "hooks" / "build_report.py"), *(str(ROOT / "hooks" / h) for h in hooks)],
            **({"nav": nav} if nav is not None else {}),
            **config,
        }
        config_file = tmp_path / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(settings), encoding="utf-8")
        return run_mkdocs_build(config_file, tmp_path / "site")

    return make
