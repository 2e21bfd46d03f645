"""Builds that meet: two at once on the same cache or output/, a build killed half-way, one cache shared by
different content. Each either works or stops at once with one line saying why and what to do."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SITEURL, build, invoke, leftovers, project_copy, snapshot

# A build at work, as far as a lock can tell: a process that took it through the plugin's own code, and
# holds it until told to stop.
HOLDER = """
import sys
from pathlib import Path
from pelican.plugins.timeline.lock import take
lock = take(Path(sys.argv[1]), "the test's lock")
print("held", flush=True)
sys.stdin.read()
"""


@contextmanager
def another_process_holding(lock_file: Path) -> Iterator[int]:
    """Another process holding the lock while the block runs; yields its id."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock_file)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        yield holder.pid
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


@contextmanager
def this_process_holding(lock_file: Path) -> Iterator[int]:
    """The test itself holding the lock while the block runs, as a build at work would; yields its id."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with lock_file.open("w") as file:
        fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        file.write(f"{os.getpid()}\n")
        file.flush()
        yield os.getpid()


HOLDERS = [another_process_holding, this_process_holding]
Holder = Callable[[Path], AbstractContextManager[int]]


def busy(guarded: str, process: int) -> re.Pattern:
    """The line that says another build is at work."""
    return re.compile(rf"Another build is using {re.escape(guarded)} \(process {process}\); "
                      r"wait for it to finish, or stop it\.")


@pytest.mark.parametrize("holding", HOLDERS)
def test_a_build_stops_at_once_while_another_uses_its_cache_naming_that_process(tmp_path, holding: Holder):
    cache = tmp_path / "cache"
    with holding(cache / "build.lock") as process:
        refused = build(FIXTURES / "site", tmp_path / "output", CACHE_PATH=str(cache))

    assert refused.returncode == 1
    lines = [line for line in refused.log.splitlines() if line.strip()]
    assert len(lines) == 1 and busy(f"the cache {cache}/", process).search(lines[0]), refused.log
    assert not refused.output.exists()
    assert build(FIXTURES / "site", tmp_path / "output", CACHE_PATH=str(cache)).returncode == 0


def test_builds_with_different_caches_do_not_stop_each_other(tmp_path):
    with another_process_holding(tmp_path / "cache-a" / "build.lock"):
        result = build(FIXTURES / "site", tmp_path / "output", CACHE_PATH=str(tmp_path / "cache-b"))
    assert result.returncode == 0, result.log


def test_one_cache_serves_builds_of_different_content_into_different_folders(tmp_path):
    cache = str(tmp_path / "cache")
    runs = [(FIXTURES / "site", "a"), (ROOT / "content", "b"), (FIXTURES / "site", "a")]

    results = [build(content, tmp_path / output, CACHE_PATH=cache) for content, output in runs]

    assert [result.returncode for result in results] == [0, 0, 0], results[-1].log
    assert "Traceback" not in "".join(result.log for result in results)
    assert (tmp_path / "a" / "events" / "2025-12-03-children-vote" / "index.html").is_file()
    assert not (tmp_path / "a" / "actors" / "albania").exists(), "a page of the other content was left"
    assert (tmp_path / "b" / "actors" / "albania" / "index.html").is_file()


def last_build(root: Path) -> dict[str, bytes]:
    """Give the project an output/ and a cache as a build leaves them; return output/'s files."""
    (root / "output" / "events").mkdir(parents=True)
    (root / "output" / "index.html").write_text("the last build")
    (root / ".cache").mkdir()
    (root / ".cache" / "TimelineGenerator-pages.json").write_text("{}")
    return snapshot(root / "output")


@pytest.mark.parametrize("task", ["build", "check", "preview", "clean"])
def test_a_task_stops_at_once_while_another_holds_output_touching_nothing(tmp_path, task):
    root = project_copy(tmp_path)
    before = last_build(root)
    (root / ".build-k1ll3d").mkdir()  # would be removed by a task that went ahead

    with another_process_holding(root / ".build.lock") as process:
        refused = invoke(root, task, env={"SITEURL": SITEURL})

    assert refused.returncode == 1
    assert refused.stdout == ""
    assert busy("output/", process).fullmatch(refused.stderr.strip()), refused.stderr
    assert snapshot(root / "output") == before
    assert leftovers(root) == [".build-k1ll3d"]


def test_invoke_build_stops_while_a_pelican_run_holds_the_cache_and_goes_ahead_after(tmp_path):
    root = project_copy(tmp_path)
    before = last_build(root)

    with another_process_holding(root / ".cache" / "build.lock") as process:
        refused = invoke(root, "build")

    assert refused.returncode == 1
    assert busy("the cache .cache/", process).search(refused.stdout + refused.stderr), refused.stdout
    assert refused.stderr.strip().endswith("The build stopped; output/ is left as it was.")
    assert "Traceback" not in refused.stdout + refused.stderr
    assert snapshot(root / "output") == before and leftovers(root) == []
    assert invoke(root, "build").returncode == 0
    assert (root / "output" / "events" / "2022-03" / "index.html").is_file()


def test_a_killed_build_leaves_its_staging_folder_and_no_lock_and_the_next_build_removes_it(tmp_path):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    killed = subprocess.Popen([sys.executable, "-m", "invoke", "build"], cwd=root, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not leftovers(root) and killed.poll() is None:
        time.sleep(0.005)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    assert leftovers(root), "the build ended before it could be killed"
    assert (root / "output" / "index.html").is_file()

    result = invoke(root, "build")

    assert result.returncode == 0, result.stderr
    assert leftovers(root) == []


def test_the_next_build_removes_every_kind_of_leftover_beside_output(tmp_path):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    # A staging folder and a replaced output as killed builds leave them, and the name older builds used.
    for name in (".build-k1ll3d", ".build-replaced-k1ll3d", "output.previous"):
        shutil.copytree(root / "output", root / name)

    result = invoke(root, "build")

    assert result.returncode == 0, result.stderr
    assert "Could not" not in result.stderr
    assert leftovers(root) == []
    assert (root / "output" / "index.html").is_file()


def test_invoke_clean_removes_output_cache_and_leftovers_saying_so_one_line_each(tmp_path):
    root = project_copy(tmp_path)
    last_build(root)
    for name in (".build-k1ll3d", "output.previous"):
        (root / name).mkdir()
        (root / name / "index.html").write_text("half a build")

    cleaned = invoke(root, "clean")

    assert cleaned.returncode == 0, cleaned.stderr
    assert cleaned.stdout.splitlines() == ["Removed output/", "Removed .cache/", "Removed .build-k1ll3d/",
                                           "Removed output.previous/"]
    assert not (root / "output").exists() and not (root / ".cache").exists() and leftovers(root) == []
    again = invoke(root, "clean")
    assert (again.returncode, again.stdout, again.stderr) == (0, "Nothing to remove.\n", "")
