"""A maintainer's checks on publishing: no placeholder address, and nothing deployed from a failed build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, SITEURL, build

PROJECT_FILES = ("pelicanconf.py", "publishconf.py", "tasks.py")
UNKNOWN_ACTOR = """---
title: A meeting with a misspelt actor
date: 2023-01-05
type: meeting
summary: Names an actor that has no file.
actors: [ukriane]
sources:
  - {title: A source, publisher: A publisher, date: unknown, url: "https://example.org/x"}
---
Body.
"""


def test_publishconf_refuses_to_build_without_siteurl(tmp_path):
    result = build(FIXTURES / "site", tmp_path / "output", "publishconf.py", env={"SITEURL": ""})
    assert result.returncode != 0
    assert "set SITEURL to the site's address" in result.log
    assert not (tmp_path / "output").exists()


@pytest.fixture
def project(tmp_path):
    """A fresh git checkout of the project with the fixture content, and a way to run its tasks."""
    for name in PROJECT_FILES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, tmp_path / name)
    shutil.copytree(FIXTURES / "site", tmp_path / "content")
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@timeline.test",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@timeline.test"}
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "SITEURL": SITEURL, **identity}

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=tmp_path, env=env, capture_output=True, text=True)

    def invoke(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True)

    git("init", "--quiet", "--initial-branch=main")
    git("add", ".")
    git("commit", "--quiet", "-m", "The project")
    return tmp_path, git, invoke


def test_publish_commits_the_published_build_to_the_gh_pages_branch(project):
    _, git, invoke = project
    result = invoke("publish", "--no-push")
    assert result.returncode == 0, result.stdout + result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages").stdout.split()
    assert {"index.html", ".nojekyll", "data/events.json", "sitemap.xml", "feeds/all.atom.xml"} <= set(files)
    home = git("show", "gh-pages:index.html").stdout
    assert f'<link rel="canonical" href="{SITEURL}/">' in home


def test_publish_deploys_nothing_when_the_content_does_not_validate(project):
    path, git, invoke = project
    (path / "content" / "events" / "2023-01-05-typo.md").write_text(UNKNOWN_ACTOR)
    result = invoke("publish", "--no-push")
    assert result.returncode != 0
    assert "no actor `ukriane`" in result.stdout + result.stderr
    assert git("rev-parse", "--verify", "--quiet", "gh-pages").returncode != 0
