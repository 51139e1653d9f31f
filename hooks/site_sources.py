"""What a check of the whole site reads: mkdocs.yml's nav with positions, and every page's source.

The build hands MkDocs' own file list to ``Site``; ``python -m hooks.check`` reads the
same things straight from disk, so both see the site alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hooks.markdown_source import front_matter

# MkDocs leaves out of the site any file or folder whose name starts with a dot.
HIDDEN_PREFIX = "."


@dataclass(frozen=True)
class SourcePage:
    uri: str  # path under docs/, as MkDocs names it
    path: str  # path shown in diagnostics
    text: str  # the file as written, front matter included
    title: str


@dataclass(frozen=True)
class NavEntry:
    target: str
    line: int
    column: int


@dataclass
class Site:
    root: Path
    config_path: str  # as shown in diagnostics
    docs_prefix: str  # the docs folder relative to the root, e.g. "docs"
    pages: list[SourcePage]  # nav order first
    files: set[str]  # every file of the docs folder, by its path under it
    nav: list[NavEntry] = field(default_factory=list)
    snippet_paths: list[Path] = field(default_factory=list)


def source_page(uri: str, path: str, text: str) -> SourcePage:
    return SourcePage(uri, path, text, str(front_matter(text).get("title", Path(uri).stem)))


def read_config(config_file: Path) -> tuple[yaml.Node | None, dict]:
    """mkdocs.yml as a node tree (for positions) and as plain data; MkDocs' own tags are left unresolved."""
    node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return node, _plain(node)


def defining_config(config_file: Path) -> Path:
    """The file whose settings a build reads: ``config_file``, or what it INHERITs when it names no nav.

    mkdocs.offline.yml only adds to mkdocs.yml; the nav, its positions and the Markdown
    settings the checks need are in the file it inherits from.
    """
    node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    parent = _mapping_value(node, "INHERIT")
    if _mapping_value(node, "nav") is None and isinstance(parent, yaml.ScalarNode):
        return defining_config(config_file.parent / parent.value)
    return config_file


def _plain(node: yaml.Node | None):
    if isinstance(node, yaml.MappingNode):
        return {_plain(key): _plain(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return None


def nav_entries(config_node: yaml.Node | None) -> list[NavEntry]:
    """Every page path named in the config's ``nav``, with its line and column in mkdocs.yml."""
    nav = _mapping_value(config_node, "nav")
    entries: list[NavEntry] = []

    def walk(node: yaml.Node | None) -> None:
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)
        elif isinstance(node, yaml.ScalarNode) and "://" not in node.value:
            entries.append(NavEntry(node.value, node.start_mark.line + 1, node.start_mark.column + 1))

    walk(nav)
    return entries


def _mapping_value(node: yaml.Node | None, name: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return value
    return None


def snippet_paths(root: Path, config: dict) -> list[Path]:
    for extension in config.get("markdown_extensions") or []:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            options = extension["pymdownx.snippets"] or {}
            base = options.get("base_path", ["."])
            return [root / path for path in ([base] if isinstance(base, str) else base)]
    return []


def load_site(config_file: Path) -> Site:
    """The site as ``python -m hooks.check`` sees it, read from disk without building."""
    root = config_file.parent
    node, config = read_config(config_file)
    docs_prefix = config.get("docs_dir", "docs")
    docs_dir = root / docs_prefix
    files = {
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*")
        if path.is_file() and not any(part.startswith(HIDDEN_PREFIX) for part in path.relative_to(docs_dir).parts)
    }
    nav = nav_entries(node)
    in_nav = [entry.target for entry in nav if entry.target in files]
    ordered = list(dict.fromkeys([*in_nav, *sorted(uri for uri in files if uri.endswith(".md"))]))
    pages = [source_page(uri, f"{docs_prefix}/{uri}", (docs_dir / uri).read_text(encoding="utf-8")) for uri in ordered]
    return Site(root, config_file.name, docs_prefix, pages, files, nav, snippet_paths(root, config))
