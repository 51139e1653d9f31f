"""The handbook's PDF: its chapters laid out by WeasyPrint in several processes at once.

WeasyPrint lays out one document on one core, and the book is about 200 pages. So the
chapters are cut into runs (``print_book.runs``), one per core, each laid out and written
by a process of its own. Then the frame (cover, contents, and an empty page with its
header and footer over each page of the runs) is laid out, now that the runs' pages are
known, while pypdf copies the runs' pages into the book; last, the frame's first pages go
in front and its other pages over the runs' pages, the links between runs jump within the
book, and the bookmarks of every run make one outline.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, Fit, NameObject, TextStringObject
from weasyprint import CSS, HTML

from hooks import print_book

# The processes that lay out runs; more than a few would cost more in the frame and in
# putting the book together than they save.
MOST_PROCESSES = 4
# WeasyPrint's CSS pixels in PDF points.
PT_PER_PX = 0.75


@dataclass(frozen=True)
class Bookmark:
    page: int
    level: int
    label: str
    # Where it points on its page, in CSS pixels from the top left.
    x: float
    y: float


@dataclass(frozen=True)
class LaidOut:
    """One document as a PDF file, with what the frame and the outline need to know of it."""

    path: str
    pages: int
    # The page (from 0) of every anchor, its first occurrence.
    anchors: dict[str, int]
    bookmarks: tuple[Bookmark, ...]


def write_book(pages: list[print_book.BookPage], info: print_book.BookInfo, target: Path) -> None:
    """Write the book to ``target``, beside the site's pages (relative addresses start there)."""
    chapters = print_book.chapters(pages, info.site_url, info.asset_base)
    processes = max(1, min(MOST_PROCESSES, os.cpu_count() or 1))
    runs = [print_book.render_run(run, info) for run in print_book.runs(chapters, processes)]
    stylesheet, base_url = print_book.print_stylesheet(), str(target.parent)
    with tempfile.TemporaryDirectory() as folder:
        paths = [str(Path(folder) / f"run-{number}.pdf") for number in range(len(runs))]
        with ProcessPoolExecutor(len(runs), mp_context=multiprocessing.get_context(start_method())) as pool:
            laid_out = list(pool.map(lay_out, runs, [stylesheet] * len(runs), [base_url] * len(runs), paths))
            anchors, offset = {}, 0
            for run in laid_out:
                anchors.update({name: offset + page for name, page in run.anchors.items()})
                offset += run.pages
            frame_html = print_book.render_frame(chapters, info, anchors, offset)
            # The frame is laid out in the pool while this process copies the runs.
            frame = pool.submit(lay_out, frame_html, stylesheet, base_url, str(Path(folder) / "frame.pdf"))
            book = copy_runs(laid_out)
            finish(book, frame.result(), laid_out, target)


def start_method() -> str:
    """How the pool starts its processes: forked where that is safe, a second sooner than spawned.

    A forked process has WeasyPrint loaded already; a spawned one imports it again. But a
    fork of a process with other threads (``mkdocs serve``) can hang on a lock one of them
    held, and macOS's system libraries may crash in a forked process (Python spawns there).
    """
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def lay_out(document: str, stylesheet: str, base_url: str, path: str) -> LaidOut:
    """Lay out one HTML document and write it to ``path`` (in a process of the pool)."""
    # Layout makes millions of short-lived objects that never form cycles; the cyclic
    # collector walking them costs about a sixth of the time (bench/run.py).
    gc.disable()
    try:
        laid_out = HTML(string=document, base_url=base_url).render(stylesheets=[CSS(string=stylesheet)])
        laid_out.write_pdf(path)
    finally:
        gc.enable()
    anchors: dict[str, int] = {}
    bookmarks = []
    for number, page in enumerate(laid_out.pages):
        for name in page.anchors:
            anchors.setdefault(name, number)
        bookmarks.extend(Bookmark(number, level, label, x, y) for level, label, (x, y), _ in page.bookmarks)
    return LaidOut(path, len(laid_out.pages), anchors, tuple(bookmarks))


def copy_runs(runs: list[LaidOut]) -> PdfWriter:
    """A pypdf writer with the runs' pages, and their named destinations in one name tree.

    pypdf's own ``append`` merges names and links one by one against all those already
    there, which takes longer than copying the pages.
    """
    writer = PdfWriter()
    destinations: dict[str, ArrayObject] = {}
    for run in runs:
        reader = PdfReader(run.path)
        copies = {page.indirect_reference.idnum: writer.add_page(page).indirect_reference for page in reader.pages}
        for name, destination in reader.named_destinations.items():
            array = destination.dest_array
            array[0] = copies[array[0].idnum]
            destinations.setdefault(name, array)
    names = ArrayObject()
    for name in sorted(destinations):
        names.extend([TextStringObject(name), destinations[name]])
    dests = DictionaryObject({NameObject("/Names"): names})
    writer.root_object[NameObject("/Names")] = DictionaryObject({NameObject("/Dests"): dests})
    return writer


def finish(book: PdfWriter, frame: LaidOut, runs: list[LaidOut], target: Path) -> None:
    """The frame's first pages in front, its other pages over the runs' pages; links, outline, file."""
    reader = PdfReader(frame.path)
    front = len(reader.pages) - len(book.pages)
    # The same few bytes draw the frame's form on every page (pypdf adds a stream only privately).
    stream = DecodedStreamObject()
    stream.set_data(b"q /BookFrame Do Q")
    draw = book._add_object(stream)
    for page, furniture in zip(book.pages, reader.pages[front:], strict=True):
        lay_over(book, page, furniture, draw)
    for number in reversed(range(front)):
        book.insert_page(reader.pages[number], 0)
    link_across_runs(book)
    bookmarks, offset = list(frame.bookmarks), front
    for run in runs:
        bookmarks.extend(Bookmark(offset + mark.page, mark.level, mark.label, mark.x, mark.y) for mark in run.bookmarks)
        offset += run.pages
    add_outline(book, bookmarks)
    book.add_metadata(reader.metadata)
    book.root_object[NameObject("/Lang")] = reader.root_object["/Lang"]
    # Given a path, pypdf writes without a buffer: a system call for every token.
    with target.open("wb") as file:
        book.write(file)


def lay_over(book: PdfWriter, page, furniture, draw) -> None:
    """Draw ``furniture`` (a page of the frame) on ``page``, as a form drawn before the page's own content.

    pypdf's ``merge_page`` would parse both pages' content to rename clashing resources;
    a form keeps the frame's resources apart, and each page gets resources of its own
    (WeasyPrint shares one dictionary between all pages).
    """
    form = furniture["/Contents"].get_object().clone(book)
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): furniture.mediabox,
            NameObject("/Resources"): furniture["/Resources"].clone(book),
        }
    )
    resources = DictionaryObject(page["/Resources"].get_object())
    forms = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    forms[NameObject("/BookFrame")] = form.indirect_reference
    resources[NameObject("/XObject")] = forms
    page[NameObject("/Resources")] = resources
    page[NameObject("/Contents")] = ArrayObject([draw, page.raw_get("/Contents")])


def link_across_runs(book: PdfWriter) -> None:
    """Links that ``print_book`` sent out of their run through ``ELSEWHERE`` jump within the book again."""
    for page in book.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            uri = str(annotation.get("/A", {}).get("/URI", ""))
            if uri.startswith(print_book.ELSEWHERE):
                del annotation["/A"]
                annotation[NameObject("/Dest")] = TextStringObject(unquote(uri.removeprefix(print_book.ELSEWHERE)))


def add_outline(book: PdfWriter, bookmarks: list[Bookmark]) -> None:
    """Bookmarks in page order, nested by level as WeasyPrint nests them in one document."""
    parents: list[tuple[int, object]] = [(0, None)]
    for bookmark in bookmarks:
        while parents[-1][0] >= bookmark.level:
            parents.pop()
        height = float(book.pages[bookmark.page].mediabox.height)
        fit = Fit.xyz(left=bookmark.x * PT_PER_PX, top=height - bookmark.y * PT_PER_PX)
        item = book.add_outline_item(title=bookmark.label, page_number=bookmark.page, parent=parents[-1][1], fit=fit)
        parents.append((bookmark.level, item))
