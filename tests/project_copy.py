"""A copy of the files a build reads, for tests and benchmarks that change or publish it."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "data", "hooks", "mkdocs.yml", "references.bib")


def copy_project(destination: Path) -> Path:
    """The files a build reads, copied to ``destination``, so a test may break them."""
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, destination / name)
    return destination
