"""Tiny sites built in a temporary folder with the handbook's hooks; exact output asserted."""


def test_broken_link_fails_the_build_naming_file_line_and_column(tiny_site):
    result = tiny_site(
        {
            "index.md": """
                # Home

                Read about [insulin](insulin.md) and
                the [GH axis](gh-axis.md) next.
            """,
            "insulin.md": "# Insulin\n",
        },
        hooks=["links.py"],
    )
    assert result.returncode != 0
    assert "docs/index.md:4:15: error: link target 'gh-axis.md' is not a file in the docs folder [link-missing]" in (
        result.lines
    )
    assert "1 error and 0 warnings found by the handbook's checks" in result.lines


def test_the_same_site_with_the_link_fixed_builds(tiny_site):
    result = tiny_site(
        {"index.md": "# Home\n\nRead about [insulin](insulin.md).\n", "insulin.md": "# Insulin\n"},
        hooks=["links.py"],
    )
    assert result.returncode == 0, result.output
    assert "handbook's checks" not in result.output


def test_github_actions_annotations_accompany_the_diagnostics(tiny_site, monkeypatch):
    import tests.conftest as conftest

    real_run = conftest.subprocess.run

    def run_with_github_env(*args, **kwargs):
        kwargs["env"] = {**kwargs["env"], "GITHUB_ACTIONS": "true"}
        return real_run(*args, **kwargs)

    monkeypatch.setattr(conftest.subprocess, "run", run_with_github_env)
    result = tiny_site({"index.md": "[x](y.md)\n"}, hooks=["links.py"])
    assert (
        "::error file=docs/index.md,line=1,col=5,title=link-missing::link target 'y.md' is not a file in the docs "
        "folder (links are relative to the page and end in '.md', for example '../mechanisms/amylin.md')"
        in result.lines
    )
