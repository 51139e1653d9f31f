"""Reading built HTML with the standard library: what a page loads, says and links to."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src", "link": "href"}


@dataclass
class Page:
    title: str = ""
    description: str | None = None
    h1: str = ""
    text: str = ""
    resources: list[str] = field(default_factory=list)
    links: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "meta" and attributes.get("name") == "description":
            self.page.description = attributes.get("content", "")
        source = attributes.get(RESOURCE_ATTRIBUTES.get(tag, ""))
        loads = tag != "link" or set(attributes.get("rel", "").split()) & {
            "stylesheet",
            "preload",
            "icon",
            "preconnect",
            "modulepreload",
            "manifest",
        }
        if source and loads:
            self.page.resources.append(source)
        if tag == "a" and "href" in attributes:
            self.page.links.append((attributes["href"], attributes))
        if tag not in {"meta", "link", "img", "br", "hr", "input", "source"}:
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "title" in self._stack and "head" in self._stack:
            self.page.title += data
        if "h1" in self._stack:
            self.page.h1 += data
        if not {"script", "style", "head"} & set(self._stack):
            self._text.append(data)

    def close(self):
        super().close()
        self.page.text = " ".join(" ".join(self._text).split())


def read_page(path: Path) -> Page:
    return parse_page(path.read_text(encoding="utf-8"))


def parse_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.page.title = reader.page.title.strip()
    reader.page.h1 = reader.page.h1.replace("¶", "").strip()
    return reader.page
