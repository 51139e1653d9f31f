"""Build hook: the whole handbook as one PDF, ``handbook.pdf`` beside the site's home page.

Off unless ``extra.pdf`` is true (``HANDBOOK_PDF=1``, set by ``make pdf`` and the
edition deploy), so that ``make serve`` and most tests stay fast. Thin adapter: it
collects each page's rendered article in nav order; ``print_book`` makes the book's
HTML and ``pdf_book`` lays it out with WeasyPrint. On the home page, the placeholder
``<!-- hooks/pdf_export.py -->`` becomes the download link in builds that make the PDF
and disappears in the others, so the site never links to a file it does not have.
"""

from __future__ import annotations

import datetime
import os
import time
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from hooks import print_book

PDF_NAME = "handbook.pdf"

log = get_plugin_logger("pdf_export")
_pages: dict[str, print_book.BookPage] = {}
_order: list[str] = []


def enabled(config) -> bool:
    return str(config.extra.get("pdf", "")).lower() in {"1", "true", "yes"}


def on_nav(nav, config, files):
    _pages.clear()
    _order[:] = [page.url for page in nav.pages]
    return nav


@event_priority(-90)  # after every hook that changes the article (external_links adds rel)
def on_page_content(html, page, config, files):
    if not enabled(config):
        return html.replace(print_book.DOWNLOAD_MARKER, "")
    sections = tuple(section.title for section in reversed(page.ancestors))
    _pages[page.url] = print_book.BookPage(page.url, page.title, sections, html.replace(print_book.DOWNLOAD_MARKER, ""))
    return html.replace(print_book.DOWNLOAD_MARKER, download_link(page.url))


def download_link(page_url: str) -> str:
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    href = "../" * depth + PDF_NAME
    return (
        f'<p class="handbook-download"><a href="{href}" download>The whole handbook as one PDF</a>'
        " (this edition, for reading offline or printing)</p>"
    )


def on_post_build(config):
    if not enabled(config):
        return
    # Imported here: WeasyPrint needs Pango, and only PDF builds should need it.
    from hooks import pdf_book

    started = time.perf_counter()
    pages = [_pages[url] for url in _order if url in _pages]
    target = Path(config.site_dir) / PDF_NAME
    pdf_book.write_book(pages, book_info(config), target)
    log.info("Wrote %s (%d pages of the site, %.1f s)", target, len(pages), time.perf_counter() - started)


def book_info(config) -> print_book.BookInfo:
    # SOURCE_DATE_EPOCH makes the date, and so the file, reproducible.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch else datetime.datetime.now(datetime.UTC)
    return print_book.BookInfo(
        title=config.site_name,
        subtitle=config.site_description or "",
        edition=str(config.extra.get("edition") or "unreleased"),
        built=built.date().isoformat(),
        notice=config.copyright or "",
        site_url=config.site_url or "",
        asset_base=Path(config.site_dir).resolve().as_uri(),
    )
