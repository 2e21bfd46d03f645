"""A rebuild after an edit gives the same site as a build from scratch, and leaves other pages alone."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from benchmarks.synthetic import write_sites
from conftest import THEME, build, project_copy

LIMITS = {"TIMELINE_HOME_LIMIT": 6, "TIMELINE_PAGE_LIMIT": 4}


def files(output) -> dict[str, bytes]:
    return {str(path.relative_to(output)): path.read_bytes() for path in output.rglob("*") if path.is_file()}


def test_a_rebuild_after_edits_equals_a_fresh_build_and_rewrites_only_what_changed(tmp_path):
    content, _ = write_sites(tmp_path / "site", events=40, actors=10)
    assert build(content, tmp_path / "output", **LIMITS).returncode == 0
    events = sorted((content / "events").glob("*.md"))
    renamed = "person-009"
    edited = {5, 10}
    untouched = next(path for number, path in enumerate(events)
                     if not edited & {number - 1, number, number + 1} and renamed not in path.read_text())
    page = tmp_path / "output" / "events" / untouched.stem / "index.html"
    data = tmp_path / "output" / "data" / "events" / f"{untouched.stem}.json"
    written = page.stat().st_mtime_ns, data.stat().st_mtime_ns

    with events[5].open("a", encoding="utf-8") as body:
        body.write("\nA sentence added to the body.\n")
    events[10].write_text(re.sub(r"^title: .*$", 'title: "A new title"', events[10].read_text(), flags=re.M))
    actor = content / "actors" / f"{renamed}.md"
    actor.write_text(re.sub(r"^name: .*$", "name: A New Name", actor.read_text(), flags=re.M))
    rebuilt = build(content, tmp_path / "output", **LIMITS)
    fresh = build(content, tmp_path / "fresh", **LIMITS)

    assert rebuilt.returncode == fresh.returncode == 0, rebuilt.log + fresh.log
    assert files(rebuilt.output) == files(fresh.output)
    assert "A New Name" in (rebuilt.output / "actors" / renamed / "index.html").read_text()
    assert (page.stat().st_mtime_ns, data.stat().st_mtime_ns) == written, "an unchanged file was written again"


def test_a_rebuild_after_an_event_is_deleted_removes_its_page_and_equals_a_fresh_build(tmp_path):
    content, _ = write_sites(tmp_path / "site", events=40, actors=10)
    assert build(content, tmp_path / "output", **LIMITS).returncode == 0
    deleted = sorted((content / "events").glob("*.md"))[-1]
    deleted.unlink()
    rebuilt = build(content, tmp_path / "output", **LIMITS)
    fresh = build(content, tmp_path / "fresh", **LIMITS)

    assert rebuilt.returncode == fresh.returncode == 0, rebuilt.log + fresh.log
    assert not (rebuilt.output / "events" / deleted.stem).exists()
    assert files(rebuilt.output) == files(fresh.output)


def test_a_template_edited_between_builds_shows_at_once_and_a_damaged_compiled_copy_is_compiled_again(
        fixture_site, tmp_path):
    """Templates are kept compiled in the cache folder: an edit to one is compiled again, and a copy that
    cannot be read (another program's, or cut short anywhere) is compiled again too, never a failed build."""
    theme = tmp_path / "theme"
    shutil.copytree(THEME, theme)
    assert fixture_site(THEME=str(theme)).returncode == 0
    compiled = sorted((tmp_path / "output-cache" / "templates").iterdir())
    assert compiled, "no template was kept compiled"
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace("</footer>", "<p id=edited>Edited.</p></footer>"))
    for number, path in enumerate(compiled):
        kept = path.read_bytes()  # Jinja's mark (15 bytes), the template's checksum, then the code
        path.write_bytes((b"not compiled code", kept[:20], kept[:len(kept) // 2])[number % 3])

    rebuilt = fixture_site(THEME=str(theme))
    fresh = build(fixture_site.content, tmp_path / "fresh", THEME=str(theme))

    assert rebuilt.returncode == fresh.returncode == 0, rebuilt.log + fresh.log
    assert rebuilt.page("/").select_one("footer #edited").get_text() == "Edited."
    assert files(rebuilt.output) == files(fresh.output)


def test_invoke_livereload_serves_each_edit_as_a_build_from_scratch_would_write_it(tmp_path):
    """The editor's loop, as the editing guide tells it: `invoke livereload` builds, serves, and builds again on
    every save, keeping the model between builds; an edit to a body, then to the front matter, is served as a
    build from scratch writes it."""
    root = project_copy(tmp_path)
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    log = (tmp_path / "livereload.log").open("w+")
    task = subprocess.Popen([sys.executable, "-m", "invoke", "livereload", f"--port={port}"], cwd=root, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    event = root / "content" / "events" / "2022-03.md"
    try:
        assert "Body." in wait_for(lambda: fetched(port, "/events/2022-03/"), log)
        saved = event.read_text().replace("Body.", "Body, with a sentence written while serving.")
        wait_for(lambda: "a sentence written while serving" in fetched(port, "/events/2022-03/"), log, saved, event)
        # Drawn from the model the task keeps between builds, as its line says (which reaches the file later).
        wait_for(lambda: "actors from the record kept since the last build (only bodies changed): 2 pages written"
                 in said(log), log)
        # A body checked as a build from scratch checks it: the mistake is named, and the page stays as it was.
        wrong = saved.replace("while serving.", "while serving [@7].")
        wait_for(lambda: "content/events/2022-03.md:13: body: `[@7]` cites source 7, which is not in `sources`"
                 in said(log), log, wrong, event)
        assert "[@7]" not in fetched(port, "/events/2022-03/") and "while serving" in fetched(port, "/events/2022-03/")
        saved = saved.replace("title: An event known only", "title: An event retitled, known")
        wait_for(lambda: "An event retitled" in fetched(port, "/"), log, saved, event)
    finally:
        os.killpg(task.pid, signal.SIGTERM)
        task.wait()
    fresh = build(root / "content", tmp_path / "fresh")
    assert fresh.returncode == 0, fresh.log
    assert {path: page for path, page in files(root / "output").items() if path.endswith(".html")} == \
        {path: page for path, page in files(tmp_path / "fresh").items() if path.endswith(".html")}


def said(log) -> str:
    log.seek(0)
    return " ".join(log.read().split())  # as one line: the console may wrap a long one


def fetched(port: int, path: str) -> str:
    """A page as the server serves it now, or nothing while it cannot."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as page:
            return page.read().decode()
    except OSError:
        return ""


def wait_for(done: Callable[[], object], log, text: str = "", path: Path | None = None) -> object:
    """Wait until `done()` gives something true, and give it; fail with the task's log after a minute. With a
    `text`, save it in `path` first, and again every two seconds, as an editor would: a save made while the task
    is still building, before it watches the files again, is not seen."""
    deadline = time.monotonic() + 60
    saved = 0.0
    while not (result := done()):
        if time.monotonic() > deadline:
            log.seek(0)
            raise AssertionError(f"not done in a minute; the task said:\n{log.read()}")
        if path and time.monotonic() - saved > 2:
            path.write_text(text)
            saved = time.monotonic()
        time.sleep(0.1)
    return result
