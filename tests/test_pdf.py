"""The whole handbook as one PDF, read back the way a reader and a printer meet it.

The real site is built once as an edition is (``real_site``); its ``handbook.pdf`` is read
with poppler's command-line tools (text, fonts, word boxes) and pypdf (links, outline).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file
from pypdf import PdfReader
from pypdf.generic import Destination

from hooks import print_book, site_sources
from tests.conftest import HOOKS, ROOT
from tests.html_inspect import read_page

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (installed by .ci/run)")
A4 = (595.28, 841.89)


def squash(text: str) -> str:
    """Letters and digits only: hyphenation and line breaks in the PDF do not matter."""
    return re.sub(r"[\W_]+", "", text.casefold())


@pytest.fixture(scope="module")
def pdf_path(real_site) -> Path:
    if shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
        pytest.fail("poppler-utils is needed to read the PDF back: apt-get install poppler-utils (see README.md)")
    path = real_site.site_dir / "handbook.pdf"
    assert path.is_file(), real_site.output
    return path


@pytest.fixture(scope="module")
def reader(pdf_path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="module")
def pages_text(pdf_path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True)
    return text.stdout.split("\f")[:-1]


@pytest.fixture(scope="module")
def whole_text(pages_text) -> str:
    return squash(" ".join(pages_text))


def nav_titles() -> list[str]:
    site = site_sources.load_site(ROOT / "mkdocs.yml")
    in_nav = {entry.target for entry in site.nav}
    return [page.title for page in site.pages if page.uri in in_nav]


def test_page_count_is_in_the_expected_range(reader):
    # About 200 A4 pages for 61 pages of the site; far fewer means chapters went missing,
    # far more means a table or the bibliography broke apart.
    assert 120 <= len(reader.pages) <= 320


def test_the_cover_names_the_handbook_its_edition_and_build_date(pages_text):
    cover = pages_text[0]
    assert "Handbook of GH, incretin peptides and insulin resistance" in " ".join(cover.split())
    assert re.search(r"Edition\s+2026\.11", cover)
    assert re.search(r"Built\s+2026-11-21", cover)


def test_the_contents_lists_every_page_with_its_page_number(pages_text):
    contents = " ".join(" ".join(pages_text[1:4]).split())
    assert "Contents Introduction" in contents
    for title in nav_titles():
        assert re.search(re.escape(title) + r"[ .]+\d+", contents), f"{title!r} has no page number in the contents"


def _outline(reader: PdfReader, items=None, level=0):
    """(level, title, page number) of every bookmark, in order."""
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from _outline(reader, item, level + 1)
        else:
            yield level, item.title, reader.get_destination_page_number(item)


def test_every_page_of_the_nav_is_a_chapter_in_nav_order(reader, pages_text):
    chapters = {title: page for level, title, page in _outline(reader) if level > 0}
    titles = nav_titles()
    assert set(titles) <= set(chapters)
    starts = [chapters[title] for title in titles]
    assert starts == sorted(starts)
    for title, start in zip(titles, starts, strict=True):
        assert squash(title) in squash(pages_text[start]), f"{title!r} does not start on page {start + 1}"


def test_every_generated_table_header_row_is_in_the_text(whole_text):
    tables = yaml.safe_load((ROOT / "data/tables.yml").read_text(encoding="utf-8"))
    for table in tables:
        # Cells of a row run together in the text only when the row fits one line; look for each in turn.
        for column in table["columns"]:
            assert squash(column["header"]) in whole_text, f"{table['id']}: header {column['header']!r} missing"


def test_every_bibliography_entry_is_in_the_text(real_site, whole_text):
    entries = parse_file(str(ROOT / "references.bib")).entries
    # Each entry on the bibliography page is anchored by its key.
    listed = read_page(real_site.site_dir / "reference/bibliography/index.html").ids & set(entries.keys())
    assert len(listed) > 100
    missing = [
        key
        for key in sorted(listed)
        if squash(entries[key].fields["title"].replace("{", "").replace("}", "")) not in whole_text
    ]
    assert missing == []


def test_glossary_terms_are_in_the_text(whole_text):
    glossary = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))
    terms = [entry["term"] for entry in glossary["terms"]]
    assert terms and all(squash(term) in whole_text for term in terms)


def _link_annotations(reader: PdfReader):
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link":
                yield number, annotation


def test_internal_links_jump_to_places_inside_the_document(reader):
    named = reader.named_destinations
    internal = 0
    for _, annotation in _link_annotations(reader):
        target = annotation.get("/Dest")
        action = annotation.get("/A")
        if target is None and action is not None and action.get("/S") == "/GoTo":
            target = action["/D"]
        if target is None:
            continue
        internal += 1
        if isinstance(target, str):
            assert target in named, f"link to unknown destination {target!r}"
            destination = named[target]
        else:
            destination = target
        page = destination.page if isinstance(destination, Destination) else destination[0]
        assert reader.get_page_number(page.get_object()) >= 0
    # Contents, cross-references, citations and their back-links: thousands of them.
    assert internal > 1000


def test_external_links_are_clickable(reader):
    uris = [
        annotation["/A"]["/URI"]
        for _, annotation in _link_annotations(reader)
        if annotation.get("/A") is not None and annotation["/A"].get("/S") == "/URI"
    ]
    assert any(uri.startswith("https://doi.org/") for uri in uris)
    assert any(uri.startswith("https://pubmed.ncbi.nlm.nih.gov/") for uri in uris)


def test_bookmarks_follow_the_nav_sections(reader):
    top = [title for level, title, _ in _outline(reader) if level == 0]
    assert top == ["Contents", "Introduction", "Foundations", "Mechanisms", "Peptides", "Clinical context", "Reference"]
    subsections = [title for level, title, _ in _outline(reader) if title in {"Insulin action", "Gut peptides"}]
    assert subsections == ["Insulin action", "Gut peptides"]


def test_fonts_are_embedded(pdf_path):
    listing = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows
    for row in rows:
        # name type encoding emb sub uni object ID: "emb" is the fourth column from the right.
        assert row.split()[-5] == "yes", row


def test_no_page_is_wider_than_the_sheet_and_nothing_runs_off_it(pdf_path, reader):
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    right_edges = [float(value) for value in re.findall(r'<word xMin="[^"]+" yMin="[^"]+" xMax="([^"]+)"', boxes)]
    assert right_edges and max(right_edges) <= A4[0]


def test_no_page_is_blank(pages_text):
    blank = [number + 1 for number, text in enumerate(pages_text) if not text.strip()]
    assert blank == []


def test_every_page_after_the_cover_carries_its_number(pages_text):
    total = len(pages_text)
    for number, text in enumerate(pages_text[1:], start=2):
        assert f"{number} / {total}" in text, f"page {number} has no page number"


def test_the_home_page_links_the_pdf_of_its_own_edition(real_site):
    home = (real_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="handbook.pdf"' in home
    assert print_book.DOWNLOAD_MARKER not in home


FRONT = "---\ntitle: {title}\ndescription: A page of the fixture.\nreviewed: 2026-01-01\n---\n# {title}\n\n"


@pytest.mark.parametrize("makes_pdf", [True, False])
def test_the_download_link_appears_only_where_the_pdf_is_made(project, makes_pdf):
    project.write(
        {
            "docs/index.md": FRONT.format(title="Home")
            + "Intro.\n\n<!-- hooks/pdf_export.py -->\n\nSee [notes](notes.md).\n",
            "docs/notes.md": FRONT.format(title="Notes") + "Back [home](index.md).\n",
        }
    )
    project.configure(
        nav=["index.md", "notes.md"],
        hooks=[str(ROOT / "hooks" / name) for name in [*HOOKS, "pdf_export.py"]],
        extra={"pdf": makes_pdf},
    )
    result = project.build()
    assert result.returncode == 0, result.output
    home = (result.site_dir / "index.html").read_text(encoding="utf-8")
    assert print_book.DOWNLOAD_MARKER not in home
    assert ('href="handbook.pdf"' in home) is makes_pdf
    assert (result.site_dir / "handbook.pdf").is_file() is makes_pdf
    if makes_pdf:
        assert PdfReader(result.site_dir / "handbook.pdf").outline[1].title == "Home"


# -- the book's plain functions -------------------------------------------------------


def test_links_between_pages_become_links_inside_the_book():
    ids = {"": "home", "peptides/mk-677/": "peptides-mk-677", "mechanisms/socs-cish/": "mechanisms-socs-cish"}
    page = "peptides/mk-677/"
    assert print_book.internal_target(page, "../../mechanisms/socs-cish/#jak2", ids) == "#mechanisms-socs-cish--jak2"
    assert print_book.internal_target(page, "../../", ids) == "#home"
    assert print_book.internal_target(page, "#fn:1", ids) == "#peptides-mk-677--fn:1"
    assert print_book.internal_target(page, "https://doi.org/10.1/x", ids) == "https://doi.org/10.1/x"
    assert print_book.internal_target("", "peptides/mk-677/", ids) == "#peptides-mk-677"


def test_ids_are_prefixed_and_the_page_heading_is_left_to_the_chapter():
    content = (
        '<h1 id="mk-677">MK-677<a class="headerlink" href="#mk-677" aria-label="Permanent link">&para;</a></h1>\n'
        '<p>See <a href="#fn:a">1</a> and <a href="../socs/">SOCS</a>.</p><li id="fn:a">x</li>'
    )
    page = print_book.BookPage("peptides/mk-677/", "MK-677", ("Peptides",), content)
    (chapter,) = print_book.chapters([page])
    assert "<h1" not in chapter.body and "headerlink" not in chapter.body
    assert 'id="peptides-mk-677--fn:a"' in chapter.body
    assert 'href="#peptides-mk-677--fn:a"' in chapter.body


def test_a_part_heading_opens_once_for_its_pages():
    pages = [
        print_book.BookPage("a/", "A", ("Start",), ""),
        print_book.BookPage("b/", "B", ("Mechanisms", "Insulin action"), ""),
        print_book.BookPage("c/", "C", ("Mechanisms", "Insulin action"), ""),
        print_book.BookPage("d/", "D", ("Mechanisms", "GH action"), ""),
    ]
    opened = [chapter.parts_opened for chapter in print_book.chapters(pages)]
    assert opened == [((0, "Start"),), ((0, "Mechanisms"), (1, "Insulin action")), (), ((1, "GH action"),)]


def test_runs_keep_the_nav_order_and_links_out_of_a_run_are_marked_for_the_assembly():
    pages = [
        print_book.BookPage("a/", "A", ("Start",), '<p id="x">' + "a" * 300 + '</p><a href="../b/#y">B</a>'),
        print_book.BookPage("b/", "B", ("Start",), '<p id="y">' + "b" * 300 + '</p><a href="#y">here</a>'),
        print_book.BookPage("c/", "C", ("End",), '<p id="z">' + "c" * 300 + '</p><a href="../a/#x">A</a>'),
    ]
    runs = print_book.runs(print_book.chapters(pages), 2)
    assert [[chapter.id for chapter in run] for run in runs] == [["a"], ["b", "c"]]
    info = print_book.BookInfo("T", "S", "1", "2026-01-01", "", "")
    first, second = (print_book.render_run(run, info) for run in runs)
    assert f'href="{print_book.ELSEWHERE}b--y"' in first
    assert 'href="#b--y"' in second and f'href="{print_book.ELSEWHERE}a--x"' in second


def test_no_permalink_sign_is_printed(pages_text):
    assert not [number for number, text in enumerate(pages_text, 1) if "¶" in text]
