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


def index_output(pelican) -> None:
    output = pelican.settings["OUTPUT_PATH"]
    result = subprocess.run([str(pagefind_bin.get_executable()), "--site", output, "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {output}:\n{result.stdout}{result.stderr}")
