"""The whole handbook as printable HTML documents, ready for WeasyPrint.

Each page's rendered article becomes a chapter, in nav order, under the nav's section
titles as parts. Ids are prefixed with the chapter's id so that they stay unique in one
book, and every link between pages is rewritten to point inside it: footnote back-links,
the bibliography's back-links and cross-references all jump within the PDF.

The book is laid out as several documents at once (``pdf_book.py``): the chapters in a few
runs of about equal length, then the frame, which holds the cover, the contents and each
page's header and footer, once the pages of every run are known. Nothing here knows
MkDocs; ``pdf_export.py`` hands over the pages.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent / "templates"
TAG = re.compile(r"<[a-zA-Z][^<>]*>")
ATTRIBUTE = re.compile(r"""(?P<lead>\s(?P<name>id|href|src)=")(?P<value>[^"]*)(?P<tail>")""")
# Permalink pilcrows after headings mean nothing on paper.
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')
FIRST_HEADING = re.compile(r"<h1\b[^>]*>.*?</h1>\s*", re.DOTALL)
DETAILS = re.compile(r"<details\b(?![^>]*\bopen\b)")
# An abbreviation explains itself in a tooltip on screen, in the glossary on paper; each
# <abbr> costs WeasyPrint an inline box of its own (3,400 of them: a tenth of the layout).
ABBR = re.compile(r"</?abbr\b[^>]*>")
ID = re.compile(r'\sid="([^"]*)"')
HREF = re.compile(r'\shref="#([^"]*)"')
# A link to a place laid out in another run: WeasyPrint would drop it, so it leaves as an
# outside link with this scheme, and pdf_book.py turns it back into a jump within the PDF.
ELSEWHERE = "book:"
# What the placeholder <!-- hooks/pdf_export.py --> becomes in Markdown; pdf_export.py
# replaces it with the download link in builds that make the PDF, or removes it.
DOWNLOAD_MARKER = '<p class="handbook-download" hidden></p>'


@dataclass(frozen=True)
class BookPage:
    """One page as built: its URL within the site, its nav sections, its rendered article."""

    url: str
    title: str
    sections: tuple[str, ...]
    content: str


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    depth: int
    parts_opened: tuple[tuple[int, str], ...]
    body: str


@dataclass(frozen=True)
class BookInfo:
    title: str
    subtitle: str
    edition: str
    built: str
    notice: str
    site_url: str
    # Where images and other files of the built site are read from (a file:// URL).
    asset_base: str = ""


def chapter_id(url: str) -> str:
    """A readable id for the page at ``url``: ``mechanisms/socs-cish/`` becomes ``mechanisms-socs-cish``."""
    slug = url.strip("/").removesuffix(".html").removesuffix("/index").replace("/", "-")
    return slug or "home"


def chapters(pages: list[BookPage], site_url: str = "", asset_base: str = "") -> list[Chapter]:
    """The pages as chapters, with every id made unique and every internal link resolved."""
    ids = {page.url: chapter_id(page.url) for page in pages}
    result: list[Chapter] = []
    previous: tuple[str, ...] = ()
    for page in pages:
        common = 0
        while common < min(len(previous), len(page.sections)) and previous[common] == page.sections[common]:
            common += 1
        opened = tuple((level, title) for level, title in enumerate(page.sections) if level >= common)
        previous = page.sections
        body = rewrite_page(page, ids, site_url, asset_base)
        result.append(Chapter(ids[page.url], page.title, len(page.sections), opened, body))
    return result


def rewrite_page(page: BookPage, ids: dict[str, str], site_url: str = "", asset_base: str = "") -> str:
    """The article of ``page`` with its own h1 removed (the chapter heading replaces it) and ids prefixed."""
    own = ids[page.url]
    content = HEADERLINK.sub("", page.content)
    content = FIRST_HEADING.sub("", content, count=1)
    content = DETAILS.sub("<details open", content)
    content = ABBR.sub("", content)

    def attribute(match: re.Match[str]) -> str:
        name, value = match.group("name"), html.unescape(match.group("value"))
        if name == "id":
            value = f"{own}--{value}"
        elif name == "href":
            value = internal_target(page.url, value, ids, site_url)
        elif asset_base and not urlsplit(value).scheme:
            value = f"{asset_base.rstrip('/')}/{resolve(page.url, value)}"
        return f"{match.group('lead')}{html.escape(value, quote=True)}{match.group('tail')}"

    return TAG.sub(lambda tag: ATTRIBUTE.sub(attribute, tag.group(0)), content)


def internal_target(page_url: str, href: str, ids: dict[str, str], site_url: str = "") -> str:
    """Where a link from ``page_url`` goes in the book: ``#chapter--fragment``, or an outside address."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
        return href
    if not parts.path:
        return f"#{ids[page_url]}--{parts.fragment}" if parts.fragment else f"#{ids[page_url]}"
    target = resolve(page_url, parts.path)
    candidates = [target + "/", target, target.removesuffix("index.html")]
    for candidate in candidates:
        if candidate in ids:
            chapter = ids[candidate]
            return f"#{chapter}--{parts.fragment}" if parts.fragment else f"#{chapter}"
    # A file that is not a page (an image, a download): the published copy.
    return f"{site_url.rstrip('/')}/{target}" if site_url else href


def resolve(page_url: str, path: str) -> str:
    """``path`` written on the page at ``page_url``, as a path from the site's root."""
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    target = posixpath.normpath(posixpath.join(folder, path))
    return "" if target == "." else target


def runs(chapters: list[Chapter], count: int) -> list[list[Chapter]]:
    """``chapters`` in at most ``count`` runs, in order, each about as long as the others.

    Length is the chapter's HTML, which follows the time its layout takes closely enough.
    """
    total = sum(len(chapter.body) for chapter in chapters) or 1
    result: list[list[Chapter]] = [[] for _ in range(count)]
    done = 0
    for chapter in chapters:
        # The run in which the middle of the chapter falls.
        result[min(count - 1, int((done + len(chapter.body) / 2) * count / total))].append(chapter)
        done += len(chapter.body)
    return [run for run in result if run]


def render_run(run: list[Chapter], info: BookInfo) -> str:
    """The HTML document of one run of chapters; links to places outside it go through ``ELSEWHERE``."""
    here = {chapter.id for chapter in run} | {name for chapter in run for name in ID.findall(chapter.body)}

    def link(match: re.Match[str]) -> str:
        return match.group(0) if match.group(1) in here else f' href="{ELSEWHERE}{match.group(1)}"'

    run = [replace(chapter, body=HREF.sub(link, chapter.body)) for chapter in run]
    return template("print_run.html.j2").render(info=info, chapters=run)


def render_frame(chapters: list[Chapter], info: BookInfo, anchors: dict[str, int], pages: int) -> str:
    """The frame: cover, contents, and one empty page for each of the ``pages`` pages of the runs.

    ``anchors`` gives the page (from 0, among the runs' pages) of each anchor. The page on
    which a chapter starts carries the chapter's id, for the contents' page numbers, and
    its title, for the running header.
    """
    starting = {anchors[chapter.id]: chapter for chapter in chapters}
    return template("print_frame.html.j2").render(
        info=info, chapters=chapters, pages=[starting.get(number) for number in range(pages)]
    )


def template(name: str):
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template(name)


def print_stylesheet() -> str:
    return (TEMPLATES / "print.css").read_text(encoding="utf-8")
