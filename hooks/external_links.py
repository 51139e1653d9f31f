"""Links that leave the site: well-formed, https only, never to this machine or a private network.

Built pages open every external link with ``rel="noopener"``, so a linked page cannot
reach back into the handbook's window. Whether the targets still answer is checked by
``python -m hooks.link_reachability``, never during a build.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

LOCAL_HOSTS = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa")
ANCHOR_TAG = re.compile(r"<a\s(?P<attrs>[^>]*?)>", re.IGNORECASE | re.DOTALL)
EXTERNAL_HREF = re.compile(r"""\bhref\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
REL = re.compile(r"""\brel\s*=\s*(?P<quote>["'])(?P<value>.*?)(?P=quote)""", re.IGNORECASE | re.DOTALL)


def is_external(target: str) -> bool:
    return bool(urlsplit(target).scheme) or target.startswith("//")


def external_link_problem(url: str) -> tuple[str, str] | None:
    """(message, hint) when ``url`` breaks the site's rules for outside links, else None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        return f"'{url}' is not a well-formed URL ({error})", "check the address for stray characters"
    if parts.scheme == "mailto":
        return None
    if parts.scheme != "https":
        return (
            f"'{url}' uses '{parts.scheme or 'no'}' scheme; outside links must use https",
            "link the https:// address of the same record",
        )
    if _is_local(host):
        return (
            f"'{url}' points to this machine or a private network",
            "readers cannot reach it; link a public record instead",
        )
    if not host or " " in url or "." not in host.strip("[]") and ":" not in host:
        return f"'{url}' has no valid host name", "write the full address, for example https://pubmed.ncbi.nlm.nih.gov/"
    return None


def _is_local(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(LOCAL_HOSTS):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not address.is_global


def add_noopener(html: str) -> str:
    """``html`` with ``rel="noopener"`` on every link to another host."""

    def with_rel(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        if not EXTERNAL_HREF.search(attrs):
            return match.group(0)
        rel = REL.search(attrs)
        if rel is None:
            return f'<a {attrs} rel="noopener">'
        values = rel.group("value").split()
        if "noopener" in values:
            return match.group(0)
        quote = rel.group("quote")
        attrs = f"{attrs[: rel.start()]}rel={quote}{' '.join([*values, 'noopener'])}{quote}{attrs[rel.end() :]}"
        return f"<a {attrs}>"

    return ANCHOR_TAG.sub(with_rel, html)


def on_page_content(html, page, config, files):
    return add_noopener(html)
