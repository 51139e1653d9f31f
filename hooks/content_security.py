"""Content-Security-Policy: the site runs only its own script files and the theme's hashed inline scripts.

Material writes a few small inline scripts into every page (the colour palette, the
storage scope, tab restoring). Their SHA-256 hashes, collected over the whole built site,
go into one policy that forbids every other inline script, event handler and outside
host. The policy reaches readers as a ``<meta http-equiv>`` element at the top of each
page's head, because GitHub Pages (where mike publishes) cannot send headers. A host
that can may send the same policy as a header: ``python -m hooks.content_security site``
prints it. Markdown cannot add scripts at all (``hooks/html_safety.py``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.IGNORECASE | re.DOTALL)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.IGNORECASE)
# Types a browser executes; anything else (Material's JSON configuration) is data.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
CHARSET_META = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
POLICY_META = re.compile(r"""<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*""", re.IGNORECASE)

# 'self' covers the search worker, versions.json and instant navigation's fetches. Styles
# are files only: Material sets positions through the CSSOM, which a policy does not
# restrict. data: images are the icons Material's CSS embeds. frame-ancestors is left out
# because browsers ignore it (and log an error) in a <meta> policy.
BASE_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts in ``html`` that a browser would run."""
    bodies = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        declared = SCRIPT_TYPE.search(attrs)
        if (declared.group("type").lower() if declared else "") in EXECUTABLE_TYPES:
            bodies.append(match.group("body"))
    return bodies


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def site_policy(pages: Iterable[str]) -> str:
    """One policy for every page of the site: the base directives plus each inline script's hash."""
    hashes = sorted({script_hash(body) for html in pages for body in inline_scripts(html)})
    directives = {**BASE_DIRECTIVES, "script-src": [*BASE_DIRECTIVES["script-src"], *hashes]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str, policy: str) -> str:
    """``html`` with ``policy`` as the first thing its head declares after the character set.

    A <meta> policy governs only what follows it, so it must precede every script.
    """
    html = POLICY_META.sub("", html)
    element = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    anchor = CHARSET_META.search(html) or HEAD_START.search(html)
    if anchor is None:
        return html
    return f"{html[: anchor.end()]}\n    {element}{html[anchor.end() :]}"


def apply_to_site(site_dir: Path) -> str:
    """Write the site-wide policy into every HTML page under ``site_dir``; returns the policy."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    policy = site_policy(pages.values())
    for path, html in pages.items():
        path.write_text(with_policy(html, policy), encoding="utf-8")
    return policy


def on_post_build(config):
    # The offline build is opened from file://, where 'self' matches nothing; it has no host to defend.
    if config.extra.get("content_security_policy", True):
        apply_to_site(Path(config.site_dir))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m hooks.content_security SITE_DIR   (prints the policy a host may send as a header)")
    print(site_policy(path.read_text(encoding="utf-8") for path in Path(sys.argv[1]).rglob("*.html")))
