"""Benchmarks of the handbook's hooks. Prints its figures; asserts nothing.

    python bench/run.py [--runs 5] [--skip-serve] [--skip-pdf] [--only-reader] [--skip-lighthouse]

1. Build time of the real site with and without the hooks: runs alternate, the median
   ratio is printed (target: the hooks add at most 10%). The warm-up build fills the
   data-load cache (.cache/handbook/), as any earlier build or serve does; without it
   the hooks add about 0.15 s more (last measured: +10.5% cold against +6.2% warm).
2. The hooks' own cost (every check and all generated content, without MkDocs) on
   synthetic corpora of 150, 600 and 3,000 pages: time per page should stay flat.
3. Edit-to-refresh under ``mkdocs serve`` for the real site: one page is edited and the
   served HTML polled until it changes (target: 1 s or less), full and ``--dirty``; the
   edit also adds a broken link, which the hooks must still report.
4. The PDF (``HANDBOOK_PDF=1``), built three times: the median and every time of the PDF
   step as the hook logs it, the whole build, the file's size and its pages (target: the
   PDF in 15 s or less).
5-7. What a reader downloads (bench/reader.py): bytes per page template, the search index
   against stock Material's for the same pages (target: at most half), and Lighthouse
   scores on three pages (targets: performance 95, the others 100).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from bench.reader import bench_reader  # noqa: E402
from hooks.citations import prepare_for_bibtex  # noqa: E402
from hooks.diagnostics import Diagnostics  # noqa: E402
from hooks.site_checks import check_site  # noqa: E402
from hooks.site_sources import load_site  # noqa: E402
from tests.project_copy import copy_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def without_hooks(config: Path, docs_dir: str = "docs") -> Path:
    """A copy of ``config`` beside it, with the hooks list emptied and ``docs_dir`` as the docs folder."""
    lines = config.read_text(encoding="utf-8").splitlines()
    kept, skipping = [f"docs_dir: {docs_dir}"], False
    for line in lines:
        if line.startswith("hooks:"):
            kept.append("hooks: []")
            skipping = True
            continue
        if skipping and line.startswith("  "):
            continue
        skipping = False
        kept.append(line)
    plain = config.with_name(f"mkdocs-without-hooks-{docs_dir}.yml")
    plain.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return plain


def write_expanded_docs(project: Path) -> str:
    """The pages as the hooks hand them to MkDocs (placeholders filled), in a folder of their own."""
    report = Diagnostics()
    data, content = check_site(load_site(project / "mkdocs.yml"), report)
    assert not len(report), [d.format() for d in report][:5]
    for uri, text in content.expanded.items():
        target = project / "docs-expanded" / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(prepare_for_bibtex(text, data.references), encoding="utf-8")
    return "docs-expanded"


def timed_build(config: Path, site: Path, *, strict: bool) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    subprocess.run([*command, *(["--strict"] if strict else [])], env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_build(runs: int) -> None:
    """The hooks' cost: the real site built with them, against MkDocs given the same Markdown already filled in."""
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        config = project / "mkdocs.yml"
        timed_build(config, project / "warm", strict=True)  # imports, caches and the abbreviations file
        same_content = without_hooks(config, write_expanded_docs(project))
        sources_only = without_hooks(config)
        with_hooks, stock, unfilled = [], [], []
        for _ in range(runs):
            with_hooks.append(timed_build(config, project / "site", strict=True))
            stock.append(timed_build(same_content, project / "site", strict=False))
            unfilled.append(timed_build(sources_only, project / "site", strict=False))
        ratio = statistics.median(w / s for w, s in zip(with_hooks, stock, strict=True))
        pages = sum(1 for _ in (project / "docs").rglob("*.md"))
        print(f"1. Real site ({pages} pages), {runs} alternating runs each")
        print(
            f"   with the hooks:                      median {statistics.median(with_hooks):.2f} s  {_list(with_hooks)}"
        )
        print(f"   without, same Markdown pre-filled:   median {statistics.median(stock):.2f} s  {_list(stock)}")
        print(f"   median ratio: {ratio:.3f} (the hooks add {(ratio - 1) * 100:+.1f}%; target at most +10%)")
        print(
            f"   for reference, without hooks and with placeholders left empty: median"
            f" {statistics.median(unfilled):.2f} s {_list(unfilled)} (less content to render: no tables,"
            " boxes, glossary or bibliography)"
        )


def bench_growth(sizes: tuple[int, ...]) -> None:
    print("2. The hooks' own cost (check_site: data, placeholders, every check), synthetic corpora")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            links = write_corpus(Path(folder), size)
            site = load_site(Path(folder) / "mkdocs.yml")
            timings = []
            for _ in range(3):
                report = Diagnostics()
                start = time.perf_counter()
                check_site(site, report)
                timings.append(time.perf_counter() - start)
            assert not len(report), [d.format() for d in report][:5]
            best = min(timings)
            print(
                f"   {size:>5} pages, {links:>6} links: {best:6.2f} s"
                f"  = {best / size * 1000:5.2f} ms/page, {best / links * 1e6:5.1f} µs/link"
            )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def bench_serve(dirty: bool, edits: int = 3) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder))
        port = free_port()
        # MkDocs warns that a dirty build is one, so --dirty cannot be strict; the hooks fail it on errors anyway.
        mode = ["--dirty", "--no-strict"] if dirty else ["--strict"]
        command = [sys.executable, "-m", "mkdocs", "serve", *mode, "-a", f"127.0.0.1:{port}"]
        log_path = Path(folder) / "serve.log"
        log = log_path.open("w", encoding="utf-8")
        server = subprocess.Popen(command, cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        page = project / "docs" / "mechanisms" / "amylin-signalling.md"
        url = f"http://127.0.0.1:{port}/mechanisms/amylin-signalling/"
        try:
            deadline = time.time() + 120
            while "Amylin" not in fetch(url):
                if time.time() > deadline:
                    raise RuntimeError("mkdocs serve did not start")
                time.sleep(0.2)
            original = page.read_text(encoding="utf-8")
            delays = []
            for number in range(edits):
                marker = f"benchmark-edit-{number}-{time.time_ns()}"
                page.write_text(f"{original}\nEdited: {marker}.\n", encoding="utf-8")
                start = time.perf_counter()
                while marker not in fetch(url):
                    if time.perf_counter() - start > 60:
                        raise RuntimeError("the edit never appeared")
                    time.sleep(0.05)
                delays.append(time.perf_counter() - start)
            page.write_text(f"{original}\nA [broken link](no-such-page.md).\n", encoding="utf-8")
            start = time.perf_counter()
            reported = False
            while not reported and time.perf_counter() - start < 60:
                time.sleep(0.1)
                reported = any(
                    "[link-missing]" in line and "amylin-signalling.md" in line
                    for line in log_path.read_text(encoding="utf-8").splitlines()
                )
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        label = "--dirty" if dirty else "--strict, full rebuild"
        print(f"3. mkdocs serve ({label}): edit-to-refresh median {statistics.median(delays):.2f} s {_list(delays)}")
        print(f"   broken link added by an edit reported by the hooks during serve: {'yes' if reported else 'NO'}")


def bench_pdf(runs: int = 3) -> None:
    """The PDF built ``runs`` times: on a shared two-core machine one build varies by a few seconds."""
    from pypdf import PdfReader

    pdf_seconds, whole_seconds = [], []
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
        for _ in range(runs):
            start = time.perf_counter()
            completed = subprocess.run(
                command, env={**ENV, "HANDBOOK_PDF": "1"}, check=True, capture_output=True, text=True
            )
            whole_seconds.append(time.perf_counter() - start)
            logged = next(line for line in completed.stderr.splitlines() if "pdf_export: Wrote" in line)
            pdf_seconds.append(float(logged.rsplit(", ", 1)[1].removesuffix(" s)")))
        pdf = site / "handbook.pdf"
        pages = len(PdfReader(pdf).pages)
        print(f"4. PDF: {pages} pages, {pdf.stat().st_size / 1e6:.2f} MB; PDF step median")
        print(f"   {statistics.median(pdf_seconds):.1f} s of {_list(pdf_seconds)} (target 15 s),")
        print(f"   whole build with the PDF {statistics.median(whole_seconds):.1f} s ({os.cpu_count()} cores)")


def _list(values: list[float]) -> str:
    return "[" + ", ".join(f"{value:.2f}" for value in values) + "]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[150, 600, 3000])
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--only-reader", action="store_true", help="only sections 5-7")
    parser.add_argument("--skip-lighthouse", action="store_true")
    arguments = parser.parse_args()
    if arguments.only_reader:
        bench_reader(arguments.skip_lighthouse)
        return
    bench_build(arguments.runs)
    bench_growth(tuple(arguments.sizes))
    if not arguments.skip_serve:
        bench_serve(dirty=False)
        bench_serve(dirty=True)
    if not arguments.skip_pdf:
        bench_pdf()
    bench_reader(arguments.skip_lighthouse)


if __name__ == "__main__":
    main()
