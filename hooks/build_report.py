"""Build hook: start every build with no problems, and fail once at its end.

Registered first in ``mkdocs.yml``. Every other hook adds to
``diagnostics.build_diagnostics``; this one prints them all after the build and then
aborts, so a maintainer sees every problem from a single run.
"""

from __future__ import annotations

import os

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from hooks.diagnostics import build_diagnostics


@event_priority(100)
def on_config(config):
    build_diagnostics.clear()
    return config


@event_priority(-100)
def on_post_build(config):
    if not len(build_diagnostics):
        return
    build_diagnostics.report(github_actions=bool(os.environ.get("GITHUB_ACTIONS")))
    if build_diagnostics.fails(strict=bool(config.strict)):
        raise Abort(f"Aborted: {build_diagnostics.summary()}.")
