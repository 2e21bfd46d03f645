"""Builds the sites the tests read: the real content once per session, small fixture sites on demand;
serves the real one to a headless browser for the browser tests."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # headless.py sits beside tasks.py, which shares it with the browser tests
# A wide console keeps each of Pelican's log lines, and so each editor's message, on one line. Set before
# Pelican is imported, which reads it once, and so for every build and task the tests run.
os.environ["COLUMNS"] = "250"
import headless  # noqa: E402
import forked  # noqa: E402
from pelican.plugins import timeline  # noqa: E402

# The generator's theme, as installed.
THEME = Path(timeline.THEME)

FIXTURES = Path(__file__).parent / "fixtures"
# The address the published build is given, under a path as on GitHub project pages.
SITEURL = "https://timeline.test/record"
# Each example of the property tests is a build of the fixture site (a fifth of a second): a test run tries a
# fixed number, `invoke test --quick` fewer, and `invoke test --thorough` (pytest's
# --hypothesis-profile=thorough) twenty times as many.
for profile, examples in (("quick", 10), ("default", 25), ("thorough", 500)):
    settings.register_profile(profile, max_examples=examples, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
# No build of a small site may take longer, whatever its files hold (the real site takes a few seconds).
BUILD_SECONDS = 120


# The suite writes about a gigabyte of sites (the 10,000-event one alone holds 40,000 files): on a disk, writing
# and then removing them took a sixth of a quick run. A file system in memory with room for two runs takes them.
MEMORY_FOLDER, MEMORY_NEEDED = Path("/dev/shm"), 4 * 2**30


def pytest_configure(config: pytest.Config) -> None:
    """Keep the run's temporary folders in memory where the machine has room, unless told where they go
    (--basetemp, or PYTEST_DEBUG_TEMPROOT); each test process is handed its folder by the first."""
    if config.option.basetemp or "PYTEST_DEBUG_TEMPROOT" in os.environ or hasattr(config, "workerinput"):
        return
    with contextlib.suppress(OSError):
        if os.access(MEMORY_FOLDER, os.W_OK) and shutil.disk_usage(MEMORY_FOLDER).free >= MEMORY_NEEDED:
            os.environ["PYTEST_DEBUG_TEMPROOT"] = str(MEMORY_FOLDER)


def pytest_sessionfinish() -> None:
    """Leave what the tests made (a test process keeps a thousand parsed pages) for the system to reclaim
    when the process ends: Python's last collection of it, object by object, took seconds after every run."""
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the tests of a long build first: each test process takes a run of the tests in this order and
    the others take over the end of its run when they finish theirs, so the long build keeps one process
    busy from the start while the rest of the suite is shared out beside it."""
    items.sort(key=lambda item: item.get_closest_marker("long_build") is None)


@dataclass
class Build:
    """A finished build: its exit code, what Pelican printed, and the pages it wrote."""

    returncode: int
    log: str
    output: Path

    @property
    def problems(self) -> list[str]:
        """The editor's messages in the log, one `path:line: field: problem; expected …` per line."""
        return [line for line in self.log.splitlines() if line.startswith("content/")]

    def page(self, url: str) -> BeautifulSoup:
        path = self.output / url.strip("/") / "index.html" if not url.endswith(".html") else self.output / url
        written = path.stat()
        return parsed(path, (written.st_ino, written.st_mtime_ns, written.st_size))

    def listing(self, url: str) -> list[BeautifulSoup]:
        """Read every page of a listing (a year, a type, an actor), following its pager from the first page."""
        first = self.page(url)
        later = [urljoin(url, a["href"]) for a in first.select("nav.pager a")][1:]
        return [first, *map(self.page, later)]


@functools.lru_cache(maxsize=1024)
def parsed(path: Path, version: tuple[int, int, int]) -> BeautifulSoup:
    """A page as parsed once in this test process, however many tests read this `version` of it (its inode,
    time and size): tests only read the soup, never change it, and parsing took a third of the suite's time.
    Room for every page of the sites built once (the long record's 354 take 140 MB): several tests read each
    of them in turn, and a cache smaller than a sweep keeps none of it for the next. Read with lxml, whose
    parser in C took the real site's pages in 1.6 s where Python's html.parser took 2.6."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def section(page: BeautifulSoup, heading: str) -> Tag:
    """Find the section that the `<h2>` of this id heads: an event's actors, an actor's events."""
    return page.find("h2", id=heading).find_parent("section")


def build(content: Path, output: Path, settings: str = "pelicanconf.py", env: dict | None = None,
          options: tuple[str, ...] = (), timeout: int = BUILD_SECONDS, **overrides) -> Build:
    """Run Pelican as a maintainer would, with the cache kept beside the output, but without the search index
    unless TIMELINE_SEARCH_INDEX=True is among the `overrides`; `options` are Pelican's own, such as --debug;
    a build longer than `timeout` seconds fails the test."""
    overrides.setdefault("CACHE_PATH", str(output.parent / f"{output.name}-cache"))
    # Pagefind's index doubled a small site's build, and the pages are the same without it
    # (test_search_index.py): a test that reads the index or the build's line about it asks for it.
    overrides.setdefault("TIMELINE_SEARCH_INDEX", False)
    # The real site's edition in Ukrainian is built with it; a fixture site, which translates nothing, is built
    # without it (an edition is a second build), unless a test of editions gives its own.
    if content.resolve() != (ROOT / "content").resolve():
        overrides.setdefault("TIMELINE_EDITIONS", {})
    # One -e with every pair: Pelican keeps only the last of several -e options.
    extra = ["-e", *(f"{key}={json.dumps(value)}" for key, value in overrides.items())]
    result = forked.run("pelican", [str(content), "-s", str(ROOT / settings), "-o", str(output), *extra, *options],
                        cwd=ROOT, env={**os.environ, **(env or {})}, timeout=timeout)
    return Build(result.returncode, result.stdout + result.stderr, output)


def built_once(tmp_path_factory, name: str, make: Callable[[Path], Build]) -> Build:
    """The build `make(folder)` makes, made once per run in a folder that every test process shares (pytest
    -n runs several), so that tests which only read a site never wait for it to be built again; the first
    process to ask builds it while the others wait. The build must have succeeded."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # each test process's temporary folder is one of the run's
    record = shared / f"{name}.json"
    with FileLock(shared / f"{name}.lock"):
        if not record.exists():
            made = make(shared / name)
            assert made.returncode == 0, made.log
            record.write_text(json.dumps({"returncode": made.returncode, "log": made.log, "output": str(made.output)}))
    recorded = json.loads(record.read_text())
    return Build(recorded["returncode"], recorded["log"], Path(recorded["output"]))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, built once from content/, as a maintainer builds it (its search index too)."""
    return built_once(tmp_path_factory, "real", lambda folder: build(ROOT / "content", folder / "output",
                                                                     TIMELINE_SEARCH_INDEX=True))


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Build:
    """The real site built as `invoke preview` builds it: publishconf.py, with SITEURL from the environment."""
    return built_once(tmp_path_factory, "published", lambda folder: build(
        ROOT / "content", folder / "output", "publishconf.py", env={"SITEURL": SITEURL}, TIMELINE_SEARCH_INDEX=True))


@pytest.fixture
def fixture_site(tmp_path):
    """A copy of the small fixture site that a test may add files to, and a way to build it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "site", content)

    def run(**overrides) -> Build:
        return build(content, tmp_path / "output", **overrides)

    run.content = content
    return run


@pytest.fixture
def indexed_site(fixture_site):
    """The fixture site as `fixture_site` gives it, built with its search index unless a test says otherwise."""
    def run(**overrides) -> Build:
        return fixture_site(**{"TIMELINE_SEARCH_INDEX": True, **overrides})

    run.content = fixture_site.content
    return run


# A site of another subject (tests/test_any_chronology.py): the start command's, with examples/library's content.
EXAMPLE = ROOT / "examples" / "library" / "content"
QUICKSTART = Path(sys.executable).with_name("timeline-quickstart")


def start(folder: Path, name: str = "Riverside library") -> subprocess.CompletedProcess:
    return subprocess.run([str(QUICKSTART), str(folder), "--name", name], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="session")
def published_library(tmp_path_factory) -> Build:
    """The example site as a newcomer makes it (the start command, then its content in place of the example's),
    built for publishing, feeds and absolute addresses on."""
    return built_once(tmp_path_factory, "library", make_library)


@pytest.fixture(scope="session")
def library(published_library) -> Path:
    """The example site's folder: its settings, its content and, once built for publishing, its output."""
    return published_library.output.parent


def make_library(folder: Path) -> Build:
    root = folder / "site"
    assert start(root).returncode == 0
    for kind in ("events", "actors", "pages"):
        for path in (root / "content" / kind).iterdir():
            path.unlink()
        for path in (EXAMPLE / kind).iterdir():
            (root / "content" / kind / path.name).write_bytes(path.read_bytes())
    result = invoke(root, "preview", env={"SITEURL": SITEURL})
    return Build(result.returncode, result.stdout + result.stderr, root / "output")


# Copies of the whole project, for the tests that run invoke's tasks as a maintainer does.
def project_copy(tmp_path: Path) -> Path:
    """The project as a maintainer has it, with the small fixture site as its content; the generator is the
    one installed, as on any site."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", root / "content")
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, root / name)
    # As build() does: the fixture content translates nothing, and an edition would double each build.
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write("\nTIMELINE_EDITIONS = {}  # the fixture content has no translations\n")
    return root


def invoke(root: Path, task: str | list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    """Run an invoke task, as typed after `invoke` (`build --verbose`, or its words as a list), in a project as
    a maintainer would; a task that hangs fails the test."""
    words = task.split() if isinstance(task, str) else task
    return forked.run("invoke", words, cwd=root, env={**os.environ, **(env or {})}, timeout=300)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its path inside it, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def leftovers(root: Path) -> list[str]:
    """What builds left beside output/: staging folders, replaced outputs."""
    return sorted(path.name for path in root.iterdir() if path.name.startswith((".build-", "output.")))


# The browser tests (test_browser_*.py): the real site served from 127.0.0.1 and opened in Debian's Chromium.
@pytest.fixture(scope="session")
def base_url(site) -> str:
    with headless.serve(site.output) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with headless.chromium() as chromium:
        yield chromium


@contextlib.contextmanager
def page_opener(browser, base_url: str):
    """Give a way to open a page of the site served at `base_url` in a fresh browser context (viewport, colour
    scheme, JavaScript on or off); the contexts are closed afterwards."""
    contexts = []

    def open_(path: str, **context_options):
        context = browser.new_context(**context_options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path.lstrip("/"), wait_until="networkidle")
        return page

    try:
        yield open_
    finally:
        for context in contexts:
            context.close()


def layout_shift(page) -> float:
    """The page's cumulative layout shift so far, as Lighthouse counts it: how far what a reader sees has moved
    without being asked to, read half a second after the call so that late shifts are counted too."""
    return page.evaluate("""() => new Promise(resolve => {
        let total = 0;
        new PerformanceObserver(list => { for (const entry of list.getEntries()) total += entry.value; })
            .observe({type: "layout-shift", buffered: true});
        setTimeout(() => resolve(total), 500);
    })""")


@pytest.fixture
def open_page(browser, base_url):
    """Open a page of the real site in a fresh browser context."""
    with page_opener(browser, base_url) as open_:
        yield open_
