"""Search: once Pelican has written the site, Pagefind indexes the event and actor pages.

Only elements marked `data-pagefind-body` are indexed (the event and actor pages), minus anything marked
`data-pagefind-ignore`. The index goes into the output folder Pelican has just written, so that a build
into a staging folder carries its own index when it is swapped in.
"""

from __future__ import annotations

import subprocess

import pagefind_bin


class SearchIndexError(Exception):
    """Pagefind failed; the build fails with it rather than publishing a site whose search is broken."""


def pages_to_index(settings: dict) -> str:
    """The files Pagefind reads: only event and actor pages carry `data-pagefind-body`, so the others
    need not be parsed (a third of its time on a large site); every page if those have no folder."""
    folders = set()
    for name in ("EVENT_SAVE_AS", "ACTOR_SAVE_AS"):
        folder, _, rest = settings[name].partition("/")
        if not rest or "{" in folder:
            return "**/*.{html}"
        folders.add(folder)
    return "{" + ",".join(sorted(folders)) + "}/**/*.html"


def index_output(pelican) -> None:
    output = pelican.settings["OUTPUT_PATH"]
    result = subprocess.run([str(pagefind_bin.get_executable()), "--site", output, "--quiet",
                             "--glob", pages_to_index(pelican.settings)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {output}:\n{result.stdout}{result.stderr}")
