"""A build on several cores is the build on one: the same files, byte for byte, the same problems in the same
order, and a rebuild that leaves alone the pages an edit does not touch. The fixture site is grown to a
hundred and more events for these tests, enough work for a build to share it among worker processes."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, invoke, project_copy, snapshot
from test_hostile_files import add, event

GROWN_BY = 150


def date_of(number: int) -> str:
    return f"2023-{1 + number % 12:02}-{1 + number % 28:02}"


def slug_of(number: int) -> str:
    return f"{date_of(number)}-meeting-{number:03}"


def grow(content) -> None:
    """Add events enough for the work to be shared out: each its own page, body, footnote and date."""
    add(content, {f"events/{slug_of(number)}.md":
                  event(body=f"Meeting {number} agreed on *point {number}*.[^1]\n\n[^1]: A note on meeting {number}.")
                  .replace("date: 2023-01-10", f"date: {date_of(number)}")
                  .replace("title: A hostile event", f"title: Meeting number {number}")
                  for number in range(GROWN_BY)})


def test_two_workers_write_every_file_byte_for_byte_as_one_does(fixture_site):
    grow(fixture_site.content)
    one = fixture_site(TIMELINE_WORKERS=1)
    assert one.returncode == 0, one.log
    pages = snapshot(one.output)
    shutil.rmtree(one.output)
    two = fixture_site(TIMELINE_WORKERS=2, CACHE_PATH=str(one.output.parent / "two-cache"))
    assert two.returncode == 0, two.log
    assert f"Built {GROWN_BY + 2} events" in two.log
    assert snapshot(two.output) == pages


def test_two_workers_report_the_same_problems_in_the_same_order_as_one(fixture_site):
    grow(fixture_site.content)
    for folder in ("events", "actors", "pages"):
        shutil.copytree(FIXTURES / "bad" / folder, fixture_site.content / folder, dirs_exist_ok=True)
    one, two = fixture_site(TIMELINE_WORKERS=1), fixture_site(TIMELINE_WORKERS=2)
    assert one.returncode == two.returncode == 1
    assert len(one.problems) > 70, one.log
    assert two.problems == one.problems


def test_a_rebuild_on_two_workers_leaves_the_pages_an_edit_does_not_touch(fixture_site):
    grow(fixture_site.content)
    first = fixture_site(TIMELINE_WORKERS=2)
    assert first.returncode == 0, first.log
    untouched = first.output / "events" / slug_of(5) / "index.html"
    written = untouched.stat().st_mtime_ns
    edited = fixture_site.content / "events" / f"{slug_of(120)}.md"
    edited.write_text(edited.read_text().replace("agreed on", "agreed, after a night of talks, on"))
    rebuilt = fixture_site(TIMELINE_WORKERS=2)
    assert rebuilt.returncode == 0, rebuilt.log
    counts = re.search(r"(\d+) pages? written, (\d+) left as they were", rebuilt.log)
    assert counts and 0 < int(counts[1]) < 20 < int(counts[2]), rebuilt.log
    assert untouched.stat().st_mtime_ns == written
    assert "after a night of talks" in (rebuilt.output / "events" / slug_of(120) / "index.html").read_text()


@pytest.mark.parametrize("value", [-1, "two", 1.5, True])
def test_a_number_of_workers_that_cannot_work_stops_the_build_in_one_line(fixture_site, value):
    result = fixture_site(TIMELINE_WORKERS=value)
    assert result.returncode == 1
    lines = [line for line in result.log.splitlines() if line.startswith("settings: ")]
    assert lines == [f"settings: TIMELINE_WORKERS: is {value!r}; expected a whole number of 1 or more, or 0 for one "
                     "worker per core (set in pelicanconf.py or with -e)"], result.log
    assert not result.output.exists()


def test_invoke_build_takes_the_number_of_workers(tmp_path):
    root = project_copy(tmp_path)
    assert invoke(root, "build --workers 2").returncode == 0
    refused = invoke(root, "build --workers=-3")
    assert refused.returncode != 0
    assert "settings: TIMELINE_WORKERS: is -3; expected a whole number of 1 or more" in refused.stdout + refused.stderr


@pytest.mark.parametrize("value, shown", [("abc", "'abc'"), ("1.5", "'1.5'"), ('"2"', "'\"2\"'"),
                                          ("9" * 20, repr("9" * 20))])
def test_invoke_build_refuses_a_number_of_workers_that_is_not_one_in_one_line(tmp_path, value, shown):
    root = project_copy(tmp_path)
    refused = invoke(root, ["build", f"--workers={value}"])
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "Traceback" not in said
    assert f"settings: TIMELINE_WORKERS: is {shown}; expected a whole number of 1 or more" in said, said


@pytest.mark.parametrize("task", ["serve", "livereload"])
@pytest.mark.parametrize("value", ["abc", "0", "65536", "99999999", "-1", "80.5"])
def test_invoke_serve_and_livereload_refuse_a_port_that_is_not_one_in_one_line(tmp_path, task, value):
    refused = invoke(project_copy(tmp_path), [task, f"--port={value}"])
    said = refused.stdout + refused.stderr
    assert refused.returncode == 1 and "Traceback" not in said
    assert said.strip() == f"--port: {value!r} is not a port; expected a whole number from 1 to 65535, such as 8000"
