"""One shard of the search index, made in a process of its own: `python search_shard.py < job.json`.

The job names the output folder, the index store, the shard's folder under the output and its pages.
The shard's index is taken from the store when its pages are unchanged since it was made, else Pagefind
makes it; either way it is put in place in the output folder, and its key in the store and whether it
was taken from there are printed, as JSON. On failure it prints one line saying why and what to do,
which the build shows as it is.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pagefind_bin

PAGEFIND_VERSION = importlib.metadata.version("pagefind-bin")


class PagefindFailed(Exception):
    """Pagefind could not be started, or stopped with an error; the message is the one line the build shows."""

    def __init__(self, why: str):
        super().__init__(f"Pagefind could not be run ({why}); reinstall it with pip install -r requirements.txt")


def reason(error: OSError) -> str:
    """What went wrong with a file, in the system's words and naming the file, without Python's `[Errno 2]`."""
    return f"{error.strerror}: {error.filename}" if error.strerror and error.filename else str(error)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link where the file system allows one (nothing is copied), else a copy. Files in the
    store are never changed once written, so sharing them is safe."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def index_key(output: Path, pages: list[str]) -> str:
    """Give the key a shard's index is stored under: the digest of what it is made from, its pages'
    addresses and bytes and Pagefind's version."""
    summed = hashlib.blake2b(PAGEFIND_VERSION.encode(), digest_size=16)
    for page in pages:
        summed.update(page.encode() + b"\x00")
        summed.update((output / page).read_bytes())
    return summed.hexdigest()


def pagefind_program() -> Path:
    """Find the Pagefind program that pip installed with pagefind-bin."""
    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as error:
        raise PagefindFailed(f"it is not in {Path(pagefind_bin.__file__).parent}") from error


def run_pagefind(output: Path, pages: list[str], work: Path) -> Path:
    """Index the pages alone: linked into a folder of their own at the same paths, so that Pagefind
    gives them their addresses on the site."""
    site, index = work / "site", work / "index"
    for page in pages:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(output / page, site / page)
    try:
        result = subprocess.run([str(pagefind_program()), "--site", str(site), "--quiet",
                                 "--output-path", str(index)], capture_output=True, text=True)
    except OSError as error:  # not executable, or not a program for this machine
        raise PagefindFailed(reason(error)) from error
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise PagefindFailed(f"exit status {result.returncode}" + (f": {said[-1].strip()}" if said else ""))
    return index


def index_shard(output: Path, store: Path, folder: str, pages: list[str]) -> tuple[str, bool]:
    """Put the shard's index in place: the stored one made of the same pages, else one Pagefind makes now
    (and is stored); give its key and whether it was taken from the store."""
    key = index_key(output, pages)
    stored = store / key
    kept = stored.is_dir()
    if not kept:
        store.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=store, prefix=".part-") as work:
            os.replace(run_pagefind(output, pages, Path(work)), stored)
    shutil.copytree(stored, output / folder, copy_function=link_or_copy)
    return key, kept


def main() -> None:
    """Index the shard the job on standard input names, and print its key and whether its index was kept
    from the store; on failure, print the one line the build shows instead."""
    job = json.load(sys.stdin)
    try:
        key, kept = index_shard(Path(job["output"]), Path(job["store"]), job["folder"], job["pages"])
        print(json.dumps({"key": key, "kept": kept}))
    except PagefindFailed as error:
        sys.exit(str(error))
    except OSError as error:
        sys.exit(f"The search index {job['folder']} could not be made ({reason(error)}); check that the disk "
                 "has room and the cache folder can be written, then build again.")


if __name__ == "__main__":
    # The build waits first on its own writing, which runs on one core; Pagefind, which uses several,
    # can catch up once the writing is done. Measured at 10,000 events on a busy 2-core machine, four
    # builds each way: 46 s on average with this, 56 s without.
    os.nice(10)
    main()
