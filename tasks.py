"""Tasks for editors and maintainers; `invoke --list` shows them all. The site's own (build, check, serve,
publish, new-event and the rest) come with the generator; the project's tests, screenshots and benchmark are
written here."""

import os
import shlex
import sys

from invoke import Exit, task
from pelican.plugins.timeline.tasks import *  # noqa: F403  every task a timeline site has
from pelican.plugins.timeline.tasks import OUTPUT, build

SCREENSHOTS = {"home": "", "event": "events/2025-12-03-ga-es-11-9-return-of-children/",
               "actor": "actors/united-states/"}


@task(build)
def screenshots(c):
    """Build, then take desktop and phone screenshots of the home, an event and an actor page into docs/screenshots/."""
    import headless  # only these two tasks need a browser; building and publishing do not

    os.makedirs("docs/screenshots", exist_ok=True)
    with headless.serve(OUTPUT) as url, headless.chromium() as browser:
        for device, viewport in (("desktop", headless.DESKTOP), ("phone", headless.PHONE)):
            page = browser.new_page(viewport=viewport)
            for name, path in SCREENSHOTS.items():
                page.goto(url + path, wait_until="networkidle")
                page.screenshot(path=f"docs/screenshots/{name}-{device}.png")
            page.close()


@task(build)
def weight(c):
    """Build, then print what the home page transfers, gzipped, before any search asset is requested."""
    import headless

    with headless.serve(OUTPUT) as url, headless.chromium() as browser:
        transfers = headless.load_and_weigh(browser.new_page(), url)
    for t in transfers:
        print(f"{t.gzipped:>7,} B gzipped  {t.size:>7,} B  {t.url.removeprefix(url) or '/'}")
    print(f"{sum(t.gzipped for t in transfers):>7,} B gzipped in all")


@task(help={"check": "only list the messages a language does not translate; change no file",
            "add": "start the catalogue of a language, by its code (e.g. uk)"})
def translations(c, check=False, add=None):
    """Gather the theme's messages into its catalogues and list any a language leaves untranslated."""
    from pelican.plugins.timeline import catalogues

    if add:
        print(f"Started {catalogues.add(add)}: translate its messages, then run `invoke translations`.")
    missing = catalogues.missing() if check else catalogues.update()
    for message in missing:
        print(message)
    if missing:
        raise Exit(f"{len(missing)} message(s) untranslated: translate them in the .po files named above", code=1)
    print("Every message is translated in " + ", ".join(catalogues.languages() or ["no other language"]) + ".")


@task(help={"events": "numbers of events to measure, comma-separated (default 1000,10000)",
            "actors": "number of actors (default 200)",
            "repeat": "rounds at each size; the median is reported (default 3)"})
def benchmark(c, events="1000,10000", actors="200", repeat="3"):
    """Time our build against plain Pelican on generated content; report the budgets."""
    # Handed on as written (invoke would stop on a word with a traceback): benchmarks/run.py checks each.
    c.run(f"{shlex.quote(sys.executable)} -m benchmarks.run --events {shlex.quote(events)} "
          f"--actors {shlex.quote(actors)} --repeat {shlex.quote(repeat)}", pty=False)


@task(help={"quick": "everything that needs no browser, with fewer property examples: a change's first check",
            "thorough": "the property tests with twenty times their examples (slow)"})
def test(c, quick=False, thorough=False):
    """Install what the tests need that is missing (Chromium, axe-core), then run the whole test suite."""
    if not quick:
        install_browser_prerequisites(c)
    profile = "thorough" if thorough else "quick" if quick else None
    options = (["-m", "'not browser'"] if quick else []) + ([f"--hypothesis-profile={profile}"] if profile else [])
    c.run(" ".join([shlex.quote(sys.executable), "-m", "pytest", *options]), pty=False)


def install_browser_prerequisites(c) -> None:
    import prerequisites  # only the browser tests need a browser and axe-core

    try:
        commands = prerequisites.install_commands()
    except prerequisites.Unmet as unmet:
        raise Exit("The browser tests need what this machine lacks, and `invoke test` cannot install it. "
                   f"Run\n\n    {unmet.command}\n\nthen `invoke test` again (or `invoke test --quick`, which needs "
                   "no browser).")
    for command in commands:
        c.run(command, pty=False)
