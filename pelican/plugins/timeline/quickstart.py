"""`timeline-quickstart FOLDER`: write a new timeline site that builds at once, from the starter in starter/:
its settings, its tasks, one example event, one example actor and an About page."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .markup import hidden_character, markup_in_text

STARTER = Path(__file__).with_name("starter")
# The line of the starter's pelicanconf.py that names the site.
SITENAME_LINE = 'SITENAME = "A timeline"'


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a site, as its readers would see it on every page; None when it can."""
    if not name.strip():
        return "is empty"
    if any("\ud800" <= character <= "\udfff" for character in name):
        return "holds a byte that is not UTF-8 text"
    if hidden := hidden_character(name):
        return f"holds {hidden[1]} (#x{ord(hidden[0]):04x})"
    if markup := markup_in_text(name):
        return f"holds markup, `{markup}`"
    return None


def write_site(folder: Path, name: str) -> list[Path]:
    """Copy the starter into `folder`, which must be new or empty, naming the site `name`; return what was
    written. The site is written beside it and moved into place whole, so that a failure leaves nothing."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FileExistsError(f"{folder} already holds files; name a new or empty folder, so that nothing is "
                              "overwritten")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}-"))
    try:
        shutil.copytree(STARTER, staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
        settings = staging / "pelicanconf.py"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace(SITENAME_LINE, f"SITENAME = {json.dumps(name, ensure_ascii=False)}"),
                            encoding="utf-8")
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="timeline-quickstart", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write the site (a new or empty folder)")
    parser.add_argument("--name", default="A timeline", help='the site\'s name (default "A timeline")')
    args = parser.parse_args(argv)
    if problem := name_problem(args.name):
        print(f"timeline-quickstart: --name: {args.name!r} {problem}; expected the site's name as readers are to "
              "see it, in plain text; nothing was written", file=sys.stderr)
        return 2
    try:
        written = write_site(args.folder, args.name)
    except OSError as error:
        print(f"timeline-quickstart: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Wrote {args.folder / path}")
    print(f"\nNext: cd {args.folder} && invoke build && invoke serve (the site at http://localhost:8000).\n"
          "Replace the example event and actor with your own; docs/editing.md of the generator tells how.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
