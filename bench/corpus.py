"""A synthetic handbook of any size, for measuring how the hooks' cost grows with pages and links."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

REFERENCES = 40
LINKS_PER_PAGE = 12
SECTIONS_PER_PAGE = 6


def bib_entry(number: int) -> str:
    return (
        f"@article{{author{2000 + number % 25}paper{number},\n"
        f"  author = {{Author, Ann and Writer, Will}},\n"
        f"  title = {{Synthetic record number {number}}},\n"
        f"  journal = {{Journal of Benchmarks}},\n"
        f"  year = {{{2000 + number % 25}}},\n"
        f"  doi = {{10.5555/bench.{number}}},\n"
        f"  verified = {{https://example.org/record/{number}}}\n"
        f"}}\n"
    )


def write_corpus(root: Path, pages: int, seed: int = 1) -> int:
    """Write ``pages`` linked, cited pages and their mkdocs.yml under ``root``; return the number of links."""
    rng = random.Random(seed)
    keys = [f"author{2000 + number % 25}paper{number}" for number in range(REFERENCES)]
    (root / "references.bib").write_text("\n".join(bib_entry(number) for number in range(REFERENCES)))
    docs = root / "docs"
    links = 0
    for number in range(pages):
        folder = docs / f"section-{number % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        lines = [
            "---",
            f"title: Page {number}",
            f"description: Synthetic page {number} of the benchmark corpus.",
            "reviewed: 2026-01-01",
            "---",
            f"# Page {number}",
            "",
        ]
        for section in range(SECTIONS_PER_PAGE):
            lines += [f"## Section {section} of page {number}", ""]
            for _ in range(LINKS_PER_PAGE // SECTIONS_PER_PAGE):
                target, anchor = rng.randrange(pages), rng.randrange(SECTIONS_PER_PAGE)
                cited = rng.sample(keys, 2)
                lines.append(
                    f"A statement about pathway {section} [@{cited[0]}; @{cited[1]}], see "
                    f"[page {target}](../section-{target % 10}/page-{target}.md#section-{anchor}-of-page-{target})."
                )
                links += 1
            lines.append("")
        (folder / f"page-{number}.md").write_text("\n".join(lines), encoding="utf-8")
    index_links = [f"- [Page {number}](section-{number % 10}/page-{number}.md)" for number in range(REFERENCES)]
    front = "---\ntitle: Home\ndescription: The corpus.\nreviewed: 2026-01-01\n---\n"
    cites = "".join(f"[@{key}]" for key in keys)
    (docs / "index.md").write_text(f"{front}# Home\n\nAll records {cites}.\n\n" + "\n".join(index_links) + "\n")
    nav = ["index.md", *(f"section-{number % 10}/page-{number}.md" for number in range(pages))]
    config = {"site_name": "Benchmark corpus", "nav": nav}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return links + len(index_links)
