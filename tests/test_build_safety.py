"""The build as a maintainer runs it: `invoke build` replaces output/ only when everything succeeded,
`invoke check` lists what is broken in the built pages, and the same content always gives the same bytes."""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pagefind_bin
import pytest

from benchmarks.synthetic import write_sites
from conftest import FIXTURES, ROOT, SITEURL, THEME, build, invoke, leftovers, project_copy, snapshot
from pelican.plugins.timeline import search_shard, staging
from pelican.plugins.timeline.outputcheck import check_output
from pelican.plugins.timeline.problems import BuildStopped
from pelican.plugins.timeline.search import PAGEFIND_VERSION, SearchIndexer, SearchIndexError, Shard


def test_a_failed_build_leaves_the_previous_output_byte_for_byte(tmp_path):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    before = snapshot(root / "output")
    assert "events/2025-12-03-children-vote/index.html" in before
    shutil.copy(FIXTURES / "bad" / "events" / "tally-as-text.md", root / "content" / "events")

    failed = invoke(root, "build")

    assert failed.returncode != 0
    assert "content/events/tally-as-text.md:8: tally: is `91-12-57`" in failed.stdout
    assert "output/ is left as it was" in failed.stderr
    assert snapshot(root / "output") == before
    assert leftovers(root) == []


def test_a_successful_build_replaces_output_whole_with_readable_folders(tmp_path):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    (root / "output" / "stale.html").write_text("left over from an old build")
    event = root / "content" / "events" / "2022-03.md"
    event.write_text(event.read_text().replace("An event known only to the month", "A corrected title"))

    assert invoke(root, "build").returncode == 0

    output = root / "output"
    assert not (output / "stale.html").exists()
    assert "A corrected title" in (output / "events" / "2022-03" / "index.html").read_text()
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(output.stat().st_mode) == 0o777 & ~umask
    assert leftovers(root) == []


def test_a_second_build_draws_again_only_the_pages_an_edit_changed(tmp_path):
    root = project_copy(tmp_path)
    shutil.rmtree(root / "content")
    write_sites(root / "synthetic", events=40, actors=10)
    (root / "synthetic" / "timeline").rename(root / "content")
    assert invoke(root, "build").returncode == 0
    events = sorted((root / "content" / "events").glob("*.md"))
    far = root / "output" / "events" / events[30].stem / "index.html"
    drawn = far.stat().st_mtime_ns
    with events[5].open("a", encoding="utf-8") as event:
        event.write("\nA sentence added to the body.\n")

    assert invoke(root, "build").returncode == 0

    assert "A sentence added to the body." in (root / "output" / "events" / events[5].stem / "index.html").read_text()
    assert far.stat().st_mtime_ns == drawn, "a page the edit did not change was drawn again"


def test_invoke_check_passes_a_good_site_and_lists_a_broken_page_leaving_output_alone(tmp_path):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    before = snapshot(root / "output")
    assert invoke(root, "check").returncode == 0
    # A site may give its own copy of the theme; this one draws a broken image.
    shutil.copytree(THEME, root / "theme")
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('THEME = "theme"\n')
    base = root / "theme" / "templates" / "base.html"
    base.write_text(base.read_text().replace("</main>", '<img src="{{ SITEURL }}/missing.png" alt=""></main>'))

    broken = invoke(root, "check")

    assert broken.returncode != 0
    assert re.search(r"^index\.html:\d+: img src: `\./missing\.png` leads to no file; expected ", broken.stdout,
                     re.M), broken.stdout
    assert "problems in the built pages" in broken.stderr
    assert snapshot(root / "output") == before
    assert leftovers(root) == []


def test_invoke_check_stops_on_invalid_content(tmp_path):
    root = project_copy(tmp_path)
    shutil.copy(FIXTURES / "bad" / "events" / "date-february-30.md", root / "content" / "events")
    result = invoke(root, "check")
    assert result.returncode != 0
    assert "content/events/date-february-30.md:3: date: `2023-02-30` is not a real date" in result.stdout
    assert not (root / "output").exists() and leftovers(root) == []


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, settings):
    # Separate caches and different hash seeds: nothing may depend on a cache or on the order of a set.
    first = build(ROOT / "content", tmp_path / "first" / "output", settings,
                  env={"PYTHONHASHSEED": "1", "SITEURL": SITEURL})
    second = build(ROOT / "content", tmp_path / "second" / "output", settings,
                   env={"PYTHONHASHSEED": "2", "SITEURL": SITEURL})
    assert first.returncode == second.returncode == 0, first.log + second.log
    one, two = snapshot(first.output), snapshot(second.output)
    assert len(one) > 50
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []


def test_the_output_check_finds_dead_links_missing_anchors_empty_titles_and_extra_headings(fixture_site):
    result = fixture_site()
    assert result.returncode == 0, result.log
    output = result.output
    assert check_output(output) == []
    shutil.rmtree(output / "actors" / "mariana-betsa")
    event = output / "events" / "2025-12-03-children-vote" / "index.html"
    event.write_text(re.sub(r"<title>.*?</title>", "<title> </title>",
                            event.read_text().replace('href="#source-1"', 'href="#source-9"'), flags=re.S))
    actors = output / "actors" / "index.html"
    actors.write_text(actors.read_text().replace("</main>", "<h1>A second heading</h1></main>"))
    votes = output / "votes" / "index.html"
    votes.write_text(votes.read_text().replace("</main>", '<p id="twice">1</p><p id="twice">2</p></main>'))
    css = next(output.rglob("site.css"))
    css.write_text(css.read_text() + "\nbody { background: url(../img/missing.png); }\n")

    found = {(problem.path, problem.field, problem.problem) for problem in check_output(output)}

    event_page = "events/2025-12-03-children-vote/index.html"
    assert (event_page, "a href", "`../../actors/mariana-betsa/` leads to no file") in found
    assert (event_page, "a href", f"`#source-9` leads to no element with the id `source-9` on {event_page}") in found
    assert (event_page, "title", "empty") in found
    assert ("actors/index.html", "h1", "2 h1 headings") in found
    assert ("votes/index.html", "id", "`twice` is used twice") in found
    assert (css.relative_to(output).as_posix(), "css url", "`../img/missing.png` leads to no file") in found


# Pagefind broken in each way an installation breaks: a stand-in for the pagefind-bin package, the real
# package's code with a broken program beside it or none at all, put first on the module path.
PAGEFIND_PROGRAMS = {
    "missing": None,
    "not executable": (b"#!/bin/sh\n", 0o644),
    "not a program": (b"\x7fELF\x00\x00garbage", 0o755),
    "failing": (b"#!/bin/sh\necho 'Reading pages...'\necho 'Error: this Pagefind is broken' >&2\nexit 3\n", 0o755),
}
PAGEFIND_WHY = {
    "missing": r"it is not in /\S+/pagefind_bin",
    "not executable": r"Permission denied: /\S+/pagefind_bin/pagefind",
    "not a program": r"Exec format error: /\S+/pagefind_bin/pagefind",
    "failing": r"exit status 3: Error: this Pagefind is broken",
}


def broken_pagefind(tmp_path: Path, kind: str) -> Path:
    """A folder to put first on PYTHONPATH, holding a pagefind-bin package whose program is broken."""
    package = tmp_path / "broken" / "pagefind_bin"
    package.mkdir(parents=True)
    shutil.copy(Path(pagefind_bin.__file__), package / "__init__.py")
    if PAGEFIND_PROGRAMS[kind]:
        content, mode = PAGEFIND_PROGRAMS[kind]
        (package / "pagefind").write_bytes(content)
        (package / "pagefind").chmod(mode)
    return package.parent


def use_broken_pagefind(monkeypatch, tmp_path: Path, kind: str) -> None:
    """Have this process find a broken pagefind-bin, as the build finds Pagefind's program for its shards."""
    monkeypatch.syspath_prepend(str(broken_pagefind(tmp_path, kind)))
    monkeypatch.delitem(sys.modules, "pagefind_bin", raising=False)


def pagefind_message(kind: str) -> re.Pattern:
    return re.compile(rf"Pagefind could not be run \({PAGEFIND_WHY[kind]}\); "
                      r"reinstall it with pip install -r requirements\.txt")


@pytest.mark.parametrize("kind", PAGEFIND_PROGRAMS)
def test_a_broken_pagefind_is_one_line_saying_why_and_to_reinstall_it(tmp_path, monkeypatch, kind):
    use_broken_pagefind(monkeypatch, tmp_path, kind)
    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "site" / "a" / "index.html").write_text("<html><body>A page</body></html>")

    with pytest.raises(search_shard.PagefindFailed) as stopped:
        search_shard.index_shard(tmp_path / "site", tmp_path / "store", "pagefind/1/", ["a/index.html"],
                                 PAGEFIND_VERSION, str(search_shard.pagefind_program()))

    assert pagefind_message(kind).fullmatch(str(stopped.value)), str(stopped.value)


@pytest.mark.parametrize("kind", ["missing", "failing"])
def test_the_search_indexer_stops_with_the_one_line_of_its_shard(tmp_path, monkeypatch, kind):
    use_broken_pagefind(monkeypatch, tmp_path, kind)
    output = tmp_path / "output"
    (output / "a").mkdir(parents=True)
    (output / "a" / "index.html").write_text("<html><body>A page</body></html>")
    # As a build gives them: TIMELINE_WORKERS says how many shards are indexed at once.
    settings = {"OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "cache"), "TIMELINE_WORKERS": 0}

    with pytest.raises(SearchIndexError) as stopped:
        with SearchIndexer(settings, [Shard("1", ("a/index.html",))]) as search:
            search.placed("a/index.html")

    assert pagefind_message(kind).fullmatch(str(stopped.value)), str(stopped.value)
    assert isinstance(stopped.value, BuildStopped)


@pytest.mark.parametrize("kind", ["missing", "failing"])
def test_a_build_with_a_broken_pagefind_stops_with_one_line_about_it_and_no_traceback(indexed_site, tmp_path,
                                                                                      kind):
    result = indexed_site(env={"PYTHONPATH": str(broken_pagefind(tmp_path, kind))})

    assert result.returncode == 1
    assert "Traceback" not in result.log
    about_pagefind = [line for line in result.log.splitlines() if "Pagefind" in line]
    assert len(about_pagefind) == 1, result.log
    assert pagefind_message(kind).search(about_pagefind[0]), about_pagefind[0]


# Replacing output/ when the file system refuses. Tests run as root, whom modes do not stop, so the
# refusals are the system calls' own errors, or, in real builds, the immutable flag (chattr +i).
def output_and_staging(tmp_path: Path) -> tuple[Path, Path]:
    """An output/ from the last build, and beside it a staging folder with the next."""
    output = tmp_path / "output"
    (output / "events").mkdir(parents=True)
    (output / "index.html").write_text("the last build")
    (output / "events" / "stuck.html").write_text("a file the last build wrote")
    return output, next_staging(output, "this build")


def next_staging(output: Path, home_page: str) -> Path:
    """A staging folder started from output/, as `invoke build` starts one, with a new home page."""
    folder = staging.make_staging(output)
    staging.seed(folder, output)
    (folder / "index.html").write_text(home_page)
    return folder


def refuse(monkeypatch, function: str, refused: Path, code: int) -> None:
    """Make os.<function> fail with `code` on the path `refused` (its last part, as rmtree names files)."""
    real = getattr(os, function)

    def refusing(path, *args, **kwargs):
        if Path(path) in (refused, Path(refused.name)):
            raise OSError(code, os.strerror(code), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, function, refusing)


def not_replaced(output: Path, code: int) -> str:
    return (f"{output}/ could not be replaced ({os.strerror(code)}), so it is left as it was; make sure it is a "
            "folder that can be renamed (not a mount point, not immutable), then build again.")


@pytest.mark.parametrize("code", [errno.EPERM, errno.EBUSY, errno.EACCES], ids=errno.errorcode.get)
def test_an_output_folder_that_cannot_be_moved_stops_the_build_and_stays_as_it_was(tmp_path, monkeypatch, code):
    output, next_build = output_and_staging(tmp_path)
    before = snapshot(output)
    refuse(monkeypatch, "rename", output, code)

    with pytest.raises(staging.OutputNotReplaced) as stopped:
        staging.replace_output(next_build, output)

    assert str(stopped.value) == not_replaced(output, code)
    assert isinstance(stopped.value, BuildStopped)
    assert snapshot(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["output", next_build.name])


def test_a_build_that_cannot_take_the_place_of_output_puts_the_old_one_back(tmp_path, monkeypatch):
    output, next_build = output_and_staging(tmp_path)
    before = snapshot(output)
    refuse(monkeypatch, "rename", next_build, errno.EXDEV)

    with pytest.raises(staging.OutputNotReplaced) as stopped:
        staging.replace_output(next_build, output)

    assert str(stopped.value) == not_replaced(output, errno.EXDEV)
    assert snapshot(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["output", next_build.name])


def test_a_file_the_old_output_cannot_lose_is_named_and_fails_no_build_then_or_later(tmp_path, monkeypatch):
    output, next_build = output_and_staging(tmp_path)
    refuse(monkeypatch, "unlink", output / "events" / "stuck.html", errno.EPERM)
    lines = [staging.replace_output(next_build, output)]
    for build_number in (2, 3):
        lines.append(staging.replace_output(next_staging(output, f"build {build_number}"), output))

        assert (output / "index.html").read_text() == f"build {build_number}"
    stayed = sorted(path.name for path in tmp_path.glob(".build-replaced-*"))
    assert len(stayed) == 3
    assert sorted(lines) == [f"Could not remove {tmp_path / name}/ entirely ({tmp_path / name}/events/stuck.html is still "
                     "there); remove it by hand." for name in stayed]


def test_copying_output_into_the_staging_folder_goes_on_past_what_it_cannot_copy(tmp_path, monkeypatch):
    output, _ = output_and_staging(tmp_path)
    (output / "events" / "2022-03.html").write_text("an event page")
    real_copyfile = shutil.copyfile
    monkeypatch.setattr(shutil, "copyfile", lambda source, target, **options: (
        refuse_copy(source) if Path(source).name == "stuck.html" else real_copyfile(source, target, **options)))
    next_build = staging.make_staging(output)

    staging.seed(next_build, output)

    assert (next_build / "events" / "2022-03.html").read_text() == "an event page"
    assert not (next_build / "events" / "stuck.html").exists()


def refuse_copy(source: str) -> None:
    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), source)


def test_read_only_folders_and_files_of_output_are_copied_writable(tmp_path):
    output, _ = output_and_staging(tmp_path)
    (output / "events" / "stuck.html").chmod(0o444)
    (output / "events").chmod(0o555)
    next_build = staging.make_staging(output)

    staging.seed(next_build, output)

    assert stat.S_IMODE((next_build / "events").stat().st_mode) == 0o755
    assert stat.S_IMODE((next_build / "events" / "stuck.html").stat().st_mode) == 0o644


@pytest.fixture
def immutable(tmp_path):
    """Mark a file or folder immutable, as an administrator can; everything under tmp_path is unmarked after."""

    def mark(path: Path) -> None:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)],
                                                           capture_output=True).returncode != 0:
            pytest.skip("this file system or user cannot mark files immutable (chattr +i)")

    yield mark
    subprocess.run(["chattr", "-R", "-i", str(tmp_path)], capture_output=True)


def test_invoke_build_stops_in_one_line_when_output_cannot_be_moved_leaving_it_as_it_was(tmp_path, immutable):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    before = snapshot(root / "output")
    immutable(root / "output")

    refused = invoke(root, "build")

    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines()[-1] == not_replaced(Path("output"), errno.EPERM)
    assert "Traceback" not in refused.stdout + refused.stderr
    assert snapshot(root / "output") == before
    assert leftovers(root) == []


def test_invoke_build_names_an_old_file_it_cannot_remove_and_later_builds_still_succeed(tmp_path, immutable):
    root = project_copy(tmp_path)
    assert invoke(root, "build").returncode == 0
    (root / "output" / "stuck.html").write_text("a file nobody may remove")
    immutable(root / "output" / "stuck.html")

    for _ in range(2):
        result = invoke(root, "build")

        assert result.returncode == 0, result.stderr
        [stayed] = leftovers(root)
        assert result.stderr.splitlines() == [f"Could not remove {stayed}/ entirely ({stayed}/stuck.html is "
                                              "still there); remove it by hand."]
        assert (root / "output" / "events" / "2022-03" / "index.html").is_file()
        assert not (root / "output" / "stuck.html").exists()
