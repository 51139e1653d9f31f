"""Whether the handbook's outside links still answer: ``python -m hooks.link_reachability``.

Opt-in and never part of a build: it needs the network. It collects every https
address from the pages, the data files and references.bib (DOIs as doi.org links),
asks each once with a timeout, and remembers answers in a cache so that a weekly CI
job does not ask again for a week. Problems are printed as diagnostics at the first
place each address appears.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from hooks.diagnostics import Diagnostics, position
from hooks.external_links import is_external
from hooks.markdown_source import find_links

URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'`{}|\\^\[\]]+[^\s<>\"'`{}|\\^\[\].,;:!?)]")
BIB_FIELD = re.compile(r"^\s*(?P<name>url|doi)\s*=\s*\{(?P<value>[^{}]+)\}", re.MULTILINE | re.IGNORECASE)
DEFAULT_CACHE = Path(".cache/handbook/external-links.json")
WEEK = 7 * 24 * 3600
USER_AGENT = "handbook-link-check/1 (+https://github.com/; weekly reachability check)"


@dataclass(frozen=True)
class Place:
    path: str
    line: int
    column: int


def collect_urls(root: Path) -> dict[str, Place]:
    """Every outside address of the project with the first place it appears."""
    found: dict[str, Place] = {}

    def add(url: str, path: str, text: str, offset: int) -> None:
        found.setdefault(url, Place(path, *position(text, offset)))

    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        path = page.relative_to(root).as_posix()
        for link in find_links(text):
            if is_external(link.target) and link.target.startswith("http"):
                add(link.target, path, text, link.offset)
    for data_file in sorted((root / "data").glob("*.yml")):
        text = data_file.read_text(encoding="utf-8")
        for match in URL_IN_TEXT.finditer(text):
            add(match.group(0), data_file.relative_to(root).as_posix(), text, match.start())
    bib = root / "references.bib"
    if bib.exists():
        text = bib.read_text(encoding="utf-8")
        for match in BIB_FIELD.finditer(text):
            value = match.group("value").strip()
            url = f"https://doi.org/{value}" if match.group("name").lower() == "doi" else value
            add(url, "references.bib", text, match.start("value"))
    return found


def ask(url: str, timeout: float) -> str | None:
    """None when ``url`` answers with a success or a redirect to one; else what went wrong."""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return f"HTTP {error.code} {error.reason}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            return f"no answer ({reason})"
    return "no answer to HEAD or GET"


def check_reachability(
    urls: dict[str, Place],
    report: Diagnostics,
    *,
    cache_file: Path | None,
    timeout: float = 10.0,
    max_age: float = WEEK,
    now: Callable[[], float] = time.time,
    workers: int = 8,
) -> int:
    """Ask every address not answered within ``max_age``; report failures. Returns how many were asked."""
    cache: dict[str, dict] = _read_cache(cache_file)
    due = [url for url in urls if now() - cache.get(url, {}).get("checked", -max_age - 1) > max_age]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for url, problem in zip(due, pool.map(lambda url: ask(url, timeout), due), strict=True):
            cache[url] = {"checked": now(), "problem": problem}
    for url, place in urls.items():
        problem = cache.get(url, {}).get("problem")
        if problem:
            report.error(
                place.path,
                place.line,
                place.column,
                "link-unreachable",
                f"'{url}' did not answer: {problem}",
                "find the record's current address (a DOI or PubMed link lasts longest)",
            )
    if cache_file is not None:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    return len(due)


def _read_cache(cache_file: Path | None) -> dict[str, dict]:
    if cache_file is None or not cache_file.exists():
        return {}
    try:
        return json.loads(cache_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.link_reachability", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: .)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"default: {DEFAULT_CACHE}")
    parser.add_argument("--no-cache", action="store_true", help="ask every address again")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default: 10)")
    arguments = parser.parse_args(list(argv) if argv is not None else None)
    urls = collect_urls(arguments.root)
    report = Diagnostics()
    cache = None if arguments.no_cache else arguments.root / arguments.cache
    asked = check_reachability(urls, report, cache_file=cache, timeout=arguments.timeout)
    report.report()
    print(f"{len(urls)} outside addresses, {asked} asked now, {report.error_count} not answering.", file=sys.stderr)
    return 1 if report.error_count else 0


if __name__ == "__main__":
    sys.exit(main())
