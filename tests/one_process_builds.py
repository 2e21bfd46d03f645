"""Build a site, then build it again after each round of an editor's changes, in one process with the model
kept between builds, as `invoke livereload` does (Pelican's --autoreload runs one Pelican again and again):
for tests/test_incremental_property.py, which compares the result with a build from scratch.

    python tests/one_process_builds.py CONTENT OUTPUT SETTINGS_JSON ROUNDS_JSON

Prints each build's last line, then, for each round, whether the kept model was used (`kept` or `built`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pelican import Pelican
from pelican.plugins.timeline import resident
from pelican.settings import read_settings

from edits import change

ROOT = Path(__file__).resolve().parents[1]


def main(content: Path, output: Path, overrides: dict, rounds: list) -> None:
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": f"{output}-cache",
        "TIMELINE_KEEP_MODEL": True, "TIMELINE_SEARCH_INDEX": False, **overrides})
    pelican = Pelican(settings)
    pelican.run()
    used = []
    reusable = resident.reusable
    # Whether each build found the model it could use: with bodies alone changed, it must.
    resident.reusable = lambda *args: used.append(reusable(*args)) or used[-1]
    for changes in rounds:
        for kind, number in changes:
            change(content, kind, number)
        pelican.run()
    print(" ".join("kept" if kept else "built" for kept in used))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4]))
