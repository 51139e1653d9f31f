"""The hooks' anchors equal those Python-Markdown's toc extension gives the rendered page."""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import unique

from hooks.anchors import heading_slug, page_anchors

EXTENSIONS = ["toc", "attr_list", "footnotes", "md_in_html", "def_list", "tables", "abbr"]
IDS = re.compile(r'\bid="([^"]+)"')

words = st.text(
    alphabet=st.characters(
        categories=["L", "N", "Zs", "P", "S"],
        exclude_characters="\n\r\\`*_[]<>{}#|!",
        max_codepoint=0x2FFF,
    ),
    min_size=1,
    max_size=20,
)
inline = st.one_of(
    words,
    words.map(lambda text: f"`{text.replace('`', '')}`"),
    words.map(lambda text: f"*{text.strip()}*" if text.strip() else text),
    words.map(lambda text: f"**{text.strip()}**" if text.strip() else text),
    words.map(lambda text: f"[{text}](page.md)"),
    st.sampled_from(["&amp;", "&lt;", "&copy;", "&#8211;", "<span>x</span>", "<em>y</em>", "α-β", "IGF‑1"]),
)
heading_text = st.lists(inline, min_size=1, max_size=4).map(" ".join).filter(lambda text: text.strip())


def toc_ids(text: str) -> set[str]:
    return set(IDS.findall(markdown.markdown(text, extensions=EXTENSIONS)))


@settings(max_examples=300, deadline=None)
@given(heading_text)
def test_heading_slug_equals_the_toc_extension(text):
    (toc_id,) = toc_ids(f"## {text}")
    assert unique(heading_slug(text), set()) == toc_id


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), heading_text, st.sampled_from(["", " #", " ##", "#"])), min_size=1, max_size=6
    )
)
def test_page_anchors_equal_the_toc_extension_with_repeated_headings(headings):
    text = "\n\n".join(f"{'#' * level}{heading}{closing}\n\nText." for level, heading, closing in headings)
    text += "\n\n## " + headings[0][1]  # a repeat, which toc numbers _1
    assert page_anchors(text) == toc_ids(text) - {""}


def test_explicit_ids_footnotes_and_raw_html_count():
    text = '# Title { #custom }\n\nNote.[^a]\n\n[^a]: Text.\n\n<div id="box" markdown>\n\n## Inside\n\n</div>\n'
    assert page_anchors(text) == toc_ids(text) == {"custom", "fn:a", "fnref:a", "box", "inside"}


def test_headings_inside_code_are_not_anchors():
    assert page_anchors("# Real\n\n```md\n# Not a heading\n```\n") == {"real"}
