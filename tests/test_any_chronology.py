"""The generator on a chronology of another subject: the package installs where nothing else is, the start
command writes a site that builds at once, and a second example site (examples/library: a made-up library,
no votes, no figures) builds into pages that hold nothing of this record and pass every check a page of this
site passes, with its feeds, data and search."""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import jsonschema
from bs4 import BeautifulSoup

from conftest import EXAMPLE, ROOT, SITEURL, THEME, Build, invoke, snapshot, start
from pelican.plugins import timeline
from pelican.plugins.timeline.outputcheck import check_output
from test_record import ACTOR_FILES, EVENT_FILES, front_matter

# This record's subject in words, beside the names and titles its own files give (see record_words).
SUBJECT = re.compile(r"ukrain|russia|kyiv|moscow|kremlin|zelensk|putin|invasion|\bchildren\b|deport|general assembly|"
                     r"security council|united nations|ES-11|undocs|\bICC\b|geneva|bürgenstock|alaska", re.I)
UN = re.compile(r"\bUN\b")
# Files other projects wrote: Pagefind's own scripts, copied into the output and the cache beside it.
def vendored(relative: str) -> bool:
    return any(part.startswith("pagefind") for part in relative.split("/")) or relative.startswith(".cache/")


TEXT_FILES = (".html", ".xml", ".json", ".csv", ".css", ".js", ".txt", ".py", ".toml", ".md")


@functools.cache
def record_words() -> frozenset[str]:
    """What names this record: every actor's name and every event's title, as its files give them."""
    return frozenset({front_matter(path)["name"] for path in ACTOR_FILES} |
                     {front_matter(path)["title"] for path in EVENT_FILES})


def of_this_record(folder: Path) -> list[str]:
    """Each text file under `folder` that holds a word of this record's subject, with the words."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and path.suffix in TEXT_FILES and not vendored(relative) and "__pycache__" not in relative:
            if hits := words_of_this_record(path.read_text(encoding="utf-8")):
                found.append(f"{relative}: {hits}")
    return found


def words_of_this_record(text: str) -> list[str]:
    hits = {match.group() for pattern in (SUBJECT, UN) for match in pattern.finditer(text)}
    return sorted(hits | {name for name in record_words() if name in text})


def page(build: Build, url: str) -> BeautifulSoup:
    return build.page(url)


def test_the_plugin_and_theme_hold_no_word_of_this_record():
    # The theme is linked into the package from theme/, and read where it is.
    assert of_this_record(Path(timeline.__file__).parent) == []
    assert of_this_record(Path(timeline.THEME).resolve()) == []
    # The same check finds this record where it is: in its content and its settings.
    assert of_this_record(ROOT / "content" / "pages") and of_this_record(ROOT / "content" / "actors")
    assert [path.name for path in sorted(ROOT.glob("*.py")) if words_of_this_record(path.read_text())] == \
        ["pelicanconf.py", "tasks.py"]


def test_the_start_command_writes_a_site_that_builds_and_checks_out_at_once(tmp_path):
    written = start(tmp_path / "new")
    assert written.returncode == 0, written.stderr
    assert {line.removeprefix(f"Wrote {tmp_path / 'new'}/") for line in written.stdout.splitlines()
            if line.startswith("Wrote")} >= {"pelicanconf.py", "publishconf.py", "tasks.py", ".gitignore"}
    events, actors = (list((tmp_path / "new" / "content" / kind).glob("*.md")) for kind in ("events", "actors"))
    assert len(events) == 1 and len(actors) == 1
    assert 'SITENAME = "Riverside library"' in (tmp_path / "new" / "pelicanconf.py").read_text()

    assert invoke(tmp_path / "new", "build").returncode == 0
    checked = invoke(tmp_path / "new", "check")
    assert checked.returncode == 0, checked.stdout
    home = BeautifulSoup((tmp_path / "new" / "output" / "index.html").read_text(), "html.parser")
    assert home.h1.get_text() == "Riverside library"
    assert home.select_one(".event-card .event-title").get_text(strip=True) == front_matter(events[0])["title"]
    assert of_this_record(tmp_path / "new") == []


def test_the_start_command_overwrites_nothing(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("my notes")
    refused = start(tmp_path / "mine")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (f"timeline-quickstart: {tmp_path / 'mine'} already holds files; name a new or "
                                      "empty folder, so that nothing is overwritten")
    assert snapshot(tmp_path / "mine") == {"notes.txt": b"my notes"}


def test_the_example_site_holds_nothing_of_this_record(published_library, library):
    assert of_this_record(library / "content") == []
    assert of_this_record(published_library.output) == []


def test_every_page_of_the_example_site_passes_the_output_check(published_library):
    assert [str(problem) for problem in check_output(published_library.output)] == []


def test_the_example_site_has_no_votes_or_figures_and_its_menu_says_so(published_library):
    home = page(published_library, "/")
    assert [a.get_text() for a in home.select("nav .site-nav a")] == ["Timeline", "Actors", "About", "Search"]
    assert not (published_library.output / "votes").exists() and not (published_library.output / "figures").exists()
    assert "votes as" not in home.select_one(".reuse").get_text()
    assert home.select_one(".lede").get_text().endswith("3 events, 2 actors.")


def test_the_example_site_s_types_and_spans_come_from_the_defaults(published_library):
    event = page(published_library, "/events/2024-03-01-library-closes-for-the-works/")
    assert event.select_one(".event-type").get_text(strip=True) == "Decision"
    assert [time["datetime"] for time in event.select(".event-meta time")] == ["2024-03-01", "2024-11-30"]
    legend = [item.get_text(strip=True) for item in page(published_library, "/").select(".axis-legend > li")]
    assert legend[:2] == ["Decision", "Meeting"]


def test_the_example_site_s_feeds_list_its_events_newest_first(published_library):
    feed = feedparser.parse((published_library.output / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == [front_matter(path)["title"]
                                                       for path in sorted(EXAMPLE.glob("events/*.md"), reverse=True)]
    assert all(entry.link.startswith(SITEURL) for entry in feed.entries)
    board = feedparser.parse((published_library.output / "feeds" / "actors" / "library-board.atom.xml").read_bytes())
    assert len(board.entries) == 3


def test_the_example_site_s_data_validates_against_its_schema(published_library):
    data = published_library.output / "data"
    schema = json.loads((data / "events.schema.json").read_text())
    events = json.loads((data / "events.json").read_text())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(events)
    assert [event["id"] for event in events["events"]] == sorted(path.stem for path in EXAMPLE.glob("events/*.md"))
    assert {actor["id"] for actor in json.loads((data / "actors.json").read_text())} == {"library-board", "ada-marsh"}
    assert json.loads((data / "votes.json").read_text())["votes"] == []


def test_the_example_site_is_indexed_for_search(published_library):
    assert "search: 1 shard indexed" in published_library.log
    assert list((published_library.output / "pagefind").rglob("pagefind-entry.json"))
    assert page(published_library, "/search/").select_one("input[type=search]") is not None


def test_the_generator_installs_into_a_fresh_virtual_environment_and_pelican_finds_it(tmp_path):
    """`pip install .` where nothing is installed: Pelican lists the plugin as a namespace plugin, and a site
    started there builds with its plugin found by name and, with PLUGINS unset, found on its own."""
    venv = tmp_path / "venv"
    # Without a pip of its own (installing one takes as long as the rest), the environment is installed into by
    # this one's pip; --no-compile: byte-compiling every dependency proves nothing here.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    installed = subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
                                "--quiet", "--no-compile", str(ROOT)], capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stderr
    listed = subprocess.run([str(venv / "bin" / "pelican-plugins")], capture_output=True, text=True, timeout=60)
    assert "pelican.plugins.timeline" in listed.stdout + listed.stderr
    version = subprocess.run([str(venv / "bin" / "python"), "-c", "from pelican.plugins import timeline; "
                              "print(timeline.__version__, timeline.THEME)"], capture_output=True, text=True)
    number, theme = version.stdout.split()
    assert number == timeline.__version__ and Path(theme).is_relative_to(venv) and (Path(theme) / "templates").is_dir()
    assert subprocess.run([str(venv / "bin" / "timeline-quickstart"), str(tmp_path / "site")],
                          capture_output=True).returncode == 0
    for plugins in ('["timeline"]', "null"):
        built = subprocess.run([str(venv / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output",
                                "-e", f"PLUGINS={plugins}"], cwd=tmp_path / "site", capture_output=True, text=True,
                               timeout=300)
        assert built.returncode == 0, built.stdout + built.stderr
        assert (tmp_path / "site" / "output" / "events").is_dir()


def test_the_theme_the_package_holds_is_the_one_this_site_uses():
    assert THEME == Path(timeline.THEME) and (THEME / "templates" / "base.html").is_file()
    assert Path(timeline.THEME).is_relative_to(ROOT)


@pytest.mark.parametrize("name, problem", [
    ("Bad \udcff name", "holds a byte that is not UTF-8 text"),
    ("Bad \u202e name", "holds a character that changes the direction of the text around it (#x202e)"),
    ("A \u200b timeline", "holds an invisible formatting character (#x200b)"),
    ("<b>Bold</b>", "holds markup, `<b`"),
    ("   ", "is empty"),
])
def test_the_start_command_refuses_a_name_readers_could_not_read_and_writes_nothing(tmp_path, name, problem):
    refused = start(tmp_path / "new", name)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"--name: {name!r} {problem}; expected" in refused.stderr, refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_start_command_fills_an_empty_folder_whole(tmp_path):
    (tmp_path / "new").mkdir()
    assert start(tmp_path / "new").returncode == 0
    assert (tmp_path / "new" / "pelicanconf.py").read_text().count('SITENAME = "Riverside library"') == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["new"]
