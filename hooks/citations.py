"""Citations in Markdown, checked as written, before mkdocs-bibtex rewrites them.

mkdocs-bibtex 4.4.0 treats any ``[...]`` holding an ``@`` as a citation: it drops
unknown keys with a warning that names no page, deletes brackets that only look like
citations, rewrites them inside code, and never sees citations in snippet-included
files. Each of these is reported here with its file, line and column.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from pathlib import Path

from hooks.diagnostics import Diagnostics, position
from hooks.markdown_source import mask_code

# Brackets holding an '@', as mkdocs-bibtex finds them, except that a citation may wrap
# onto the next line (editors wrap long lines): the build joins it before mkdocs-bibtex,
# which would otherwise leave it as raw text.
BRACKETS = re.compile(r"\[(?P<body>(?:[^\[\]\n]|\n(?![ \t]*\n))*@(?:[^\[\]\n]|\n(?![ \t]*\n))*)\]")
# Only bare keys: mkdocs-bibtex's simple mode rejects prefixes and locators ("[@key, p. 3]").
CITATION = re.compile(r"\s*@(?P<key>[\w-]+)\s*")
SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}[ \t]+[\"'](?P<file>[^\"'\n]+)[\"']", re.MULTILINE)
MINIMUM_REFERENCES = 2


def citation_keys(body: str) -> list[str] | None:
    """The keys of a citation block's inside, or None when it is not a well-formed citation."""
    items = " ".join(body.split()).split(";")
    matches = [CITATION.fullmatch(item) for item in items]
    if not all(matches):
        return None
    return [match.group("key") for match in matches if match]


def check_citations(path: str, text: str, known: Iterable[str], report: Diagnostics) -> list[str]:
    """Report malformed and unknown citations in ``text``; return the known keys cited, in order."""
    known = set(known)
    masked = mask_code(text)
    cited: dict[str, None] = {}
    for match in BRACKETS.finditer(text):
        line, column = position(text, match.start())
        if masked[match.start()] != "[":
            report.error(
                path,
                line,
                column,
                "citation-in-code",
                f"'{match.group(0)}' is inside code, where mkdocs-bibtex still rewrites it",
                "write the '@' as '&#64;' or leave out the brackets inside code",
            )
            continue
        keys = citation_keys(match.group("body"))
        if keys is None:
            report.error(
                path,
                line,
                column,
                "citation-malformed",
                f"'{match.group(0)}' holds '@' but is not a citation; mkdocs-bibtex would delete it",
                "cite as '[@key]' or '[@key1; @key2]'; to show an '@' inside brackets write '&#64;'",
            )
            continue
        for key in keys:
            if key in known:
                cited.setdefault(key, None)
                continue
            at = re.search(rf"@{re.escape(key)}(?![\w-])", match.group(0))
            key_offset = match.start() + (at.start() + 1 if at else 0)
            report.error(
                path,
                *position(text, key_offset),
                "citation-unknown",
                f"unknown citation key '{key}'{_did_you_mean(key, known)}",
                "keys are entries of references.bib; add the entry only after checking it against a public record",
            )
    return list(cited)


def _did_you_mean(key: str, known: set[str]) -> str:
    nearest = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    prefixed = sorted(candidate for candidate in known if candidate.startswith(key))
    suggestion = nearest or prefixed[:1]
    return f" (did you mean '{suggestion[0]}'?)" if suggestion else ""


def prepare_for_bibtex(markdown: str, known: Iterable[str]) -> str:
    """``markdown`` with each citation on one line and unknown keys (already reported) removed.

    mkdocs-bibtex sees only citations written on one line, and warns about unknown keys
    without naming the page.
    """
    known = set(known)

    def rewrite(match: re.Match[str]) -> str:
        keys = citation_keys(match.group("body"))
        if keys is None:
            return match.group(0)
        kept = [f"@{key}" for key in keys if key in known]
        return f"[{'; '.join(kept)}]" if kept else ""

    return BRACKETS.sub(rewrite, markdown)


def check_snippets(path: str, text: str, base_paths: list[Path], report: Diagnostics) -> None:
    """Report snippet includes (``--8<-- "file"``) whose file holds a citation mkdocs-bibtex will not see."""
    masked = mask_code(text)
    for match in SNIPPET.finditer(masked):
        name = text[match.start("file") : match.end("file")]
        included = next((base / name for base in base_paths if (base / name).is_file()), None)
        if included is None:
            continue
        body = included.read_text(encoding="utf-8")
        if any(citation_keys(block.group("body")) for block in BRACKETS.finditer(body)):
            report.error(
                path,
                *position(text, match.start("file")),
                "citation-in-snippet",
                f"the included file '{name}' cites references, which mkdocs-bibtex does not process in snippets",
                "move the cited text into the page itself, or into data/*.yml and a placeholder",
            )


def check_reference_count(path: str, cited: list[str], report: Diagnostics) -> None:
    """A mechanism or peptide page must rest on at least two distinct references of its own."""
    if len(cited) < MINIMUM_REFERENCES:
        report.error(
            path,
            1,
            1,
            "citation-too-few",
            f"this page cites {len(cited)} distinct reference{'s' if len(cited) != 1 else ''} in its own text;"
            f" mechanism and peptide pages need at least {MINIMUM_REFERENCES}",
            "cite the records behind the page's claims with [@key]; generated boxes do not count",
        )
