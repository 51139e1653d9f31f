"""The Content-Security-Policy: which scripts it hashes, where it goes, and that the built site carries it."""

from __future__ import annotations

import re

import pytest

from hooks.content_security import inline_scripts, script_hash, site_policy, with_policy
from tests.conftest import HOOKS, ROOT

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>alert(1)</script>
<script src="bundle.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body><script type="module">run()</script></body></html>"""
POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')


def test_only_scripts_a_browser_would_run_inline_are_collected():
    assert inline_scripts(PAGE) == ["alert(1)", "run()"]


def test_a_script_hash_is_the_base64_sha256_a_browser_computes():
    # echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_the_policy_allows_own_files_and_hashed_scripts_only():
    policy = site_policy([PAGE, "<script>alert(1)</script>"])
    directives = dict(directive.split(" ", 1) for directive in policy.split("; "))
    assert directives["script-src"] == " ".join(["'self'", *sorted([script_hash("alert(1)"), script_hash("run()")])])
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors" not in policy  # ignored, with a console error, in a <meta> policy


def test_the_policy_precedes_every_script_and_is_not_written_twice():
    once = with_policy(PAGE, "default-src 'self'")
    twice = with_policy(once, "default-src 'none'")
    assert POLICY_META.findall(twice) == ["default-src 'none'"]
    assert twice.index("Content-Security-Policy") < twice.index("<script")
    assert twice.index("<meta charset") < twice.index("Content-Security-Policy")


def test_every_built_page_carries_one_policy_that_hashes_each_of_its_inline_scripts(real_site):
    pages = sorted(real_site.site_dir.rglob("*.html"))
    policies = set()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        [policy] = POLICY_META.findall(html)
        policies.add(policy)
        scripts = inline_scripts(html)
        assert scripts, f"{path}: the theme's inline scripts are gone; is the policy still needed?"
        assert all(script_hash(body) in policy for body in scripts), path
    assert len(policies) == 1, "one policy for the whole site, the same a host would send as a header"


@pytest.mark.parametrize(("extra", "carries_policy"), [({}, True), ({"content_security_policy": False}, False)])
def test_a_build_carries_the_policy_unless_the_offline_configuration_switches_it_off(project, extra, carries_policy):
    project.write({"docs/index.md": "---\ntitle: Home\ndescription: Home.\nreviewed: 2026-11-21\n---\n# Home\n"})
    project.configure(hooks=[str(ROOT / "hooks" / name) for name in [*HOOKS, "content_security.py"]], extra=extra)
    assert project.build().returncode == 0
    html = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    assert bool(POLICY_META.search(html)) is carries_policy
