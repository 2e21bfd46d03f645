"""Locks that keep two builds apart: every Pelican run holds one on its cache, whose search indexes and
page digests two builds would overwrite under each other; `invoke build`, `check` and `preview` hold
another on output/ and the staging folders beside it.

A lock is an flock on a file, taken without waiting: a second build stops at once, naming the process
at work (its id is written in the file). The system lets go of an flock when its process ends, however
it ends, so a killed build never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from .problems import BuildStopped

CACHE_LOCK = "build.lock"  # in the cache folder
# The caches this process holds, kept open until it ends: autoreload runs again in the same process.
held_caches: dict[Path, TextIO] = {}


class Busy(BuildStopped):
    """Another process holds the lock."""


def take(path: Path, guarded: str) -> TextIO:
    """Take the lock on `path` at once and write this process's id in it; the lock is held while the
    returned file is open. Raise Busy, naming `guarded` and the process at work, if another holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    file = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        file.seek(0)
        holder = file.read().strip()
        file.close()
        # The id is missing only in the moment between the other process's taking the lock and writing it.
        process = f" (process {holder})" if holder else ""
        raise Busy(f"Another build is using {guarded}{process}; wait for it to finish, or stop it.") from None
    file.truncate(0)
    file.write(f"{os.getpid()}\n")
    file.flush()
    return file


@contextmanager
def held(path: Path, guarded: str) -> Iterator[None]:
    """Hold the lock on `path` while the block runs (see `take`)."""
    file = take(path, guarded)
    try:
        yield
    finally:
        file.close()


def hold_cache(pelican) -> None:
    """Take the lock on the run's cache, and keep it until the process ends."""
    cache = Path(pelican.settings["CACHE_PATH"])
    if cache not in held_caches:
        held_caches[cache] = take(cache / CACHE_LOCK, f"the cache {shown(cache)}")


def shown(folder: Path) -> str:
    """A folder as the user knows it: from the current folder when it is inside it."""
    relative = os.path.relpath(folder)
    return f"{folder if relative.startswith('..') else relative}/"
