from hooks.diagnostics import position
from hooks.markdown_source import find_links, front_matter_end, mask_code


def test_mask_code_blanks_fences_and_spans_but_keeps_offsets():
    text = "a `[x](y.md)` b\n```\n[z](w.md)\n```\nc"
    masked = mask_code(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "y.md" not in masked and "w.md" not in masked
    assert masked.startswith("a ") and masked.endswith("c")


def test_unclosed_fence_masks_to_the_end():
    assert "late.md" not in mask_code("text\n~~~\n[l](late.md)\n")


def test_find_links_reports_target_offsets_that_map_to_lines():
    text = "---\ntitle: T\n---\n\nSee [one](one.md) and ![pic](img/p.png 'Title').\n\n[ref]: <two words.md>\n"
    links = find_links(text)
    assert [(link.target, link.is_image) for link in links] == [
        ("one.md", False),
        ("img/p.png", True),
        ("two words.md", False),
    ]
    assert position(text, links[0].offset) == (5, 11)
    assert position(text, links[2].offset) == (7, 9)


def test_find_links_ignores_links_in_code_and_footnote_definitions():
    text = "`[a](a.md)`\n\n    \n```md\n[b](b.md)\n```\n[^note]: a footnote\n"
    assert find_links(text) == []


def test_link_text_may_hold_brackets_and_targets_may_hold_parentheses():
    (link,) = find_links("[see [1]](pages/a_(b).md)")
    assert link.target == "pages/a_(b).md"


def test_front_matter_end():
    assert front_matter_end("---\na: 1\n---\nbody") == len("---\na: 1\n---\n")
    assert front_matter_end("no front matter") == 0
