"""The tasks of a timeline site, for editors and maintainers: a site's tasks.py imports them all
(`from pelican.plugins.timeline.tasks import *`), and `invoke --list` shows them. Each runs from the site's
folder, with its pelicanconf.py and publishconf.py."""

import json
import os
import re
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pelican
from ghp_import import ghp_import
from invoke import Exit, task

from . import lock, newevent, outputcheck, roll_call_import, skeleton, staging
from .problems import BuildStopped

__all__ = ["build", "check", "rebuild", "clean", "preview", "publish", "serve", "livereload", "new_event",
           "import_roll_call"]

OUTPUT = "output"
CACHE = ".cache"  # CACHE_PATH in pelicanconf.py
# Held by the tasks that write output/ or the staging folders beside it; Pelican holds the cache's own lock.
OUTPUT_LOCK = ".build.lock"
# Where `invoke publish` deploys: the gh-pages branch of this repository, or, when DEPLOY_RSYNC_TARGET
# is set in the environment (e.g. deploy@example.org:/var/www/timeline/), that folder on a server.
GH_PAGES_BRANCH = "gh-pages"
RSYNC_TARGET = os.environ.get("DEPLOY_RSYNC_TARGET", "")
VERBOSE = {"verbose": "log why each page is drawn and each search shard indexed (Pelican's --debug)"}
BUILD_OPTIONS = VERBOSE | {"workers": "processes that read and write (TIMELINE_WORKERS; default one per core)"}


def pelican_run(settings: str, output: str, *extra: str) -> None:
    """Run Pelican with the project's settings, as `pelican content -s … -o …` would, failing the task when
    Pelican fails. In this process: a second Python would import Pelican and the generator again, half a
    second of every build."""
    try:
        pelican.main(["content", "-s", settings, "-o", output, *extra])
    except SystemExit as stopped:
        if stopped.code:
            code = stopped.code if isinstance(stopped.code, int) else 1
            raise Exit(f"The build stopped; {OUTPUT}/ is left as it was.", code=code) from None


@contextmanager
def output_held() -> Iterator[None]:
    """Hold output/ and the staging folders beside it for this task alone while the block runs; a stop
    the block expects (another build at work, output/ that cannot be replaced) ends the task in one line."""
    try:
        with lock.held(Path(OUTPUT_LOCK), f"{OUTPUT}/"):
            yield
    except BuildStopped as error:
        raise Exit(str(error)) from None


def report(problem: str | None) -> None:
    """Print what could not be removed, if anything; the task goes on, and the next build tries again."""
    if problem:
        print(problem, file=sys.stderr)


def logging_options(verbose: bool) -> tuple[str, ...]:
    return ("--debug",) if verbose else ()


def build_options(verbose: bool, workers: str | None) -> tuple[str, ...]:
    """Pelican's options for a build: its logging, and the number of workers when one is given (checked by
    the plugin with the other settings, so a wrong number gets the same message as in pelicanconf.py; a word
    is handed on as a word, which Pelican's -e would otherwise refuse with a traceback)."""
    if workers is None:
        return logging_options(verbose)
    value = int(workers) if re.fullmatch(r"[-+]?[0-9]{1,6}", str(workers)) else str(workers)
    return logging_options(verbose) + ("-e", f"TIMELINE_WORKERS={json.dumps(value)}")


@contextmanager
def staged_build(settings: str, *extra: str) -> Iterator[Path]:
    """Build into a new folder beside output/, removed afterwards unless the caller has moved it; what
    stopped builds left there is removed first."""
    with output_held():
        for folder in staging.leftovers(Path(OUTPUT)):
            report(staging.remove(folder))
        folder = staging.make_staging(Path(OUTPUT))
        try:
            staging.seed(folder, Path(OUTPUT))
            pelican_run(settings, str(folder), *extra)
            yield folder
        finally:
            report(staging.remove(folder))


def atomic_build(settings: str, *extra: str) -> None:
    """Build into a fresh folder and replace output/ only once the whole build has succeeded."""
    with staged_build(settings, *extra) as folder:
        report(staging.replace_output(folder, Path(OUTPUT)))


@task(help=BUILD_OPTIONS)
def build(c, verbose=False, workers=None):
    """Build the site into output/ with the local settings."""
    atomic_build("pelicanconf.py", *build_options(verbose, workers))


@task(help=VERBOSE)
def check(c, verbose=False):
    """Validate the content, build it aside and check every page's links, assets, title and h1."""
    with staged_build("pelicanconf.py", *logging_options(verbose)) as folder:
        problems = outputcheck.check_output(folder)
    for problem in problems:
        print(problem)
    if problems:
        raise Exit(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the built pages; "
                   f"{OUTPUT}/ is left as it was.")
    print(f"The content and every built page check out ({OUTPUT}/ is left as it was).")


@task
def rebuild(c):
    """Build from scratch, ignoring the content cache."""
    clean(c)
    build(c)


@task
def clean(c):
    """Remove the output, the content cache and whatever stopped builds left beside the output."""
    with output_held():
        folders = [Path(path) for path in (OUTPUT, CACHE) if os.path.isdir(path)] + staging.leftovers(Path(OUTPUT))
        problems = [staging.remove(folder) for folder in folders]
    for folder, problem in zip(folders, problems):
        print(problem or f"Removed {folder}/", file=sys.stderr if problem else sys.stdout)
    if not folders:
        print("Nothing to remove.")
    if any(problems):
        raise Exit(code=1)


@task(help=VERBOSE)
def preview(c, verbose=False):
    """Build the site with the publishing settings (absolute URLs, feeds)."""
    atomic_build("publishconf.py", *logging_options(verbose))


@task(help={"push": "push the gh-pages branch to origin (default); --no-push only commits it"})
def publish(c, push=True):
    """Build with the publishing settings and deploy; a build that fails validation deploys nothing."""
    preview(c)
    if RSYNC_TARGET:
        c.run(f"rsync --archive --delete --checksum {OUTPUT}/ {shlex.quote(RSYNC_TARGET)}", pty=False)
    else:
        ghp_import(OUTPUT, branch=GH_PAGES_BRANCH, mesg="Publish the site", nojekyll=True, push=push)


def port_number(port: str) -> int:
    """The port a task serves on, or one line saying why it cannot be (given as text, so that invoke does not stop
    with a traceback on a word)."""
    if not re.fullmatch(r"[0-9]{1,5}", port) or not 1 <= int(port) <= 65535:
        raise Exit(f"--port: {port!r} is not a port; expected a whole number from 1 to 65535, such as 8000")
    return int(port)


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port="8000"):
    """Serve output/ at http://localhost:PORT."""
    c.run(f"{shlex.quote(sys.executable)} -m pelican --listen -o {OUTPUT} -p {port_number(port)}", pty=False)


@task(help={"port": "port to serve on (default 8000)"})
def livereload(c, port="8000"):
    """Rebuild whenever content, theme or plugin change, and serve the result."""
    # The model is kept between builds: an edit to an event's body is then drawn without the whole record.
    pelican_run("pelicanconf.py", OUTPUT, "--autoreload", "--listen", f"-p {port_number(port)}",
                "-e", "TIMELINE_KEEP_MODEL=true")


@task(help={field: f"the event's {field.replace('_', ' ')}" for field in newevent.FIELDS}
      | {"actors": "actor slugs, separated by commas",
         "name": "the short name of its file, after the date (default: from the title)",
         "content": "the content folder (default content)"})
def new_event(c, title=None, date=None, end=None, date_qualifier=None, name=None, type=None, actors=None,
              summary=None, source_url=None, source_title=None, publisher=None, source_date=None, content="content"):
    """Write a new event file, complete but for its body, checking each answer; asks for what no option gives."""
    given = locals()
    answers = {field: given[field] for field in newevent.FIELDS if given[field]}
    try:
        written = newevent.new_event(answers, Path(content), skeleton.project_settings())
    except newevent.NothingWritten as stop:
        raise Exit(str(stop)) from None
    for path in written:
        print(f"Wrote {path}")
    print("Replace the body's one line with your own words: until then the build stops on it.")


@task(help={"event": "the vote's file name, without .md", "source": "the CSV file the votes are taken from",
            "record": "the body's own record of the vote: its address, or its document's symbol",
            "copy": "the address of the copy the CSV file is (a file at a fixed version)",
            "content": "the content folder (default content)"})
def import_roll_call(c, event, source, record, copy, content="content"):
    """Take every member's vote on an event's vote from a CSV copy of the body's voting record, check it against
    the event's tally and write content/roll-calls/<event>.yaml; nothing is written when anything disagrees."""
    try:
        written, left_out = roll_call_import.import_roll_call(event, Path(source), record, copy, Path(content),
                                                              skeleton.project_settings())
    except roll_call_import.NotImported as stop:
        raise Exit(f"import-roll-call: nothing written: {stop}") from None
    except OSError as error:  # the copy or the settings file missing or unreadable, named without `[Errno 2]`
        raise Exit(f"import-roll-call: nothing written: {error.strerror}: {error.filename}") from None
    print(f"Wrote {written}" + (f"; not in the copy, so written as not voting: {', '.join(left_out)}"
                                 if left_out else ""))
