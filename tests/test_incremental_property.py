"""Property: whatever an editor does between builds (edits a body, a title, a summary, moves an event to another
date, adds, removes or renames events, renames or adds actors, changes a roll call), a rebuild that keeps the
last build's cache and output writes exactly the files a build from scratch on one worker writes, byte for byte.

Hypothesis draws a few rounds of a few changes each, on a small synthetic record with roll calls; the site is
rebuilt after every round, on every core, and compared with a cold build of the final content at the end.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from benchmarks.synthetic import write_sites
from conftest import ROOT, build
from edits import KINDS, change

LIMITS = {"TIMELINE_HOME_LIMIT": 6, "TIMELINE_PAGE_LIMIT": 5}
CHANGE = st.tuples(st.sampled_from(KINDS), st.integers(0, 10**6))
ROUNDS = st.lists(st.lists(CHANGE, min_size=1, max_size=3), min_size=1, max_size=3)
# An editor writing: mostly words of bodies, now and then another change.
WRITING = st.lists(st.lists(st.tuples(st.sampled_from(["body"] * 8 + list(KINDS)), st.integers(0, 10**6)),
                            min_size=1, max_size=3), min_size=1, max_size=4)
ONE_PROCESS = Path(__file__).with_name("one_process_builds.py")


def files(output: Path) -> dict[str, bytes]:
    return {str(path.relative_to(output)): path.read_bytes() for path in output.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> Path:
    """A small record and its first build (output and cache) in `work/`, kept whole in `first/` to be put back
    in `work/` for each example: the cache holds the paths of the files it was made from, and the settings
    (the cache's own path among them) are in every page's digest, so each example builds where the first did."""
    root = tmp_path_factory.mktemp("incremental")
    write_sites(root / "work" / "site", events=16, actors=8, roll_calls=True)
    assert build(root / "work" / "site" / "timeline", root / "work" / "output", **LIMITS).returncode == 0
    shutil.copytree(root / "work", root / "first", symlinks=True)
    restore(root)
    again = build(root / "work" / "site" / "timeline", root / "work" / "output", **LIMITS)
    assert re.search(r": 0 pages written", again.log), "a copy of the first build is not one a rebuild can keep"
    return root


def restore(root: Path) -> None:
    """Put the first build back in `work/`, files with their times, as the cache recorded them."""
    shutil.rmtree(root / "work")
    shutil.copytree(root / "first", root / "work", symlinks=True)


@settings(max_examples=settings().max_examples // 5 or 1)
@given(rounds=ROUNDS)
# A state with a file of its own moved to another group: its group shows on the pages of the votes it took part
# in and in the open data, though its file is as it was (a rebuild once left them as they were).
@example(rounds=[[("member-group", 0)]])
def test_a_rebuild_after_any_changes_writes_what_a_build_from_scratch_writes(first_build, tmp_path_factory, rounds):
    restore(first_build)
    work = first_build / "work"
    content = work / "site" / "timeline"
    for changes in rounds:
        for kind, number in changes:
            change(content, kind, number)
        rebuilt = build(content, work / "output", **LIMITS)
        assert rebuilt.returncode == 0, rebuilt.log
    fresh = build(content, work / "fresh", **LIMITS, TIMELINE_WORKERS=1)
    assert fresh.returncode == 0, fresh.log
    assert files(work / "output") == files(work / "fresh")


@settings(max_examples=settings().max_examples // 5 or 1)
@given(rounds=WRITING)
@example(rounds=[[("body", 0)], [("body", 1), ("body", 5)], [("title", 2)], [("body", 2)]])
def test_a_process_that_keeps_its_model_between_builds_writes_what_a_build_from_scratch_writes(first_build, rounds):
    """As `invoke livereload` builds: one process, which keeps the checked record and the plan between builds and
    draws again only the pages that show a body when bodies alone changed; any other change builds everything."""
    restore(first_build)
    work = first_build / "work"
    content = work / "site" / "timeline"
    done = in_one_process(content, work / "output", {**LIMITS, "TIMELINE_EDITIONS": {}}, rounds)
    used = done.stdout.split()[-len(rounds):]
    # A round that changed the words of bodies alone is drawn from the model kept since the build before it.
    assert all(kept == "kept" for kept, changes in zip(used, rounds) if {kind for kind, _ in changes} == {"body"}), used
    fresh = build(content, work / "fresh", **LIMITS, TIMELINE_WORKERS=1)
    assert fresh.returncode == 0, fresh.log
    assert files(work / "output") == files(work / "fresh")


def in_one_process(content: Path, output: Path, overrides: dict, rounds: list) -> subprocess.CompletedProcess:
    """Build `content`, then again after each round of changes, in one process that keeps its model (see
    one_process_builds.py); the build must succeed."""
    done = subprocess.run([sys.executable, str(ONE_PROCESS), str(content), str(output), json.dumps(overrides),
                           json.dumps(rounds)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parent)})
    assert done.returncode == 0, done.stdout + done.stderr
    return done
