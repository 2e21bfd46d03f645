"""Search: Pagefind indexes the event and actor pages, in shards that are indexed while Pelican writes
the rest of the site and reused while their pages do not change.

Pagefind cannot update an index, and its time and memory grow faster than the number of pages it reads
(10,000 event pages took 15 s and 1 GB in one run; 1,000 about 1 s and 100 MB). So the pages are split
into shards of at most TIMELINE_SEARCH_SHARD_SIZE pages (plan.py says which), each its own index in
`pagefind/<number>/`, which the search page merges (Pagefind's mergeIndex: the merged indexes share the
first one's code).
A shard is indexed in a separate process as soon as its pages are in place (as many at once as the build has
workers), and its index is kept
in the cache under the digest of those pages: a rebuild indexes again only the shards whose pages
changed.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import logging
import queue
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from .problems import BuildStopped
from .search_shard import PagefindFailed, pagefind_program
from .settings import SEARCH_INDEX_FOLDER

SHARD_SCRIPT = Path(__file__).with_name("search_shard.py")
PAGEFIND_VERSION = importlib.metadata.version("pagefind-bin")
LAST_USED = "last-build.json"  # in the store: the indexes the last build used
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Shard:
    name: str
    pages: tuple[str, ...]  # where each page is saved, relative to the output folder

    @property
    def folder(self) -> str:
        return f"{SEARCH_INDEX_FOLDER}/{self.name}/"


class SearchIndexError(BuildStopped):
    """A shard could not be indexed; the build fails with it rather than publishing a site whose search is
    broken. The message is the one line search_shard.py printed."""


class SearchIndexer:
    """Indexes the shards of a build in the order their pages are placed, while Pelican goes on writing, one
    at a time: the build's workers keep the cores busy, and each Pagefind takes some 60 MB, which two at once
    took past the memory budget of a long record. `placed` is told of every page as it is written (or left as
    it was); `finish` waits for the last shard and raises the first failure."""

    def __init__(self, settings: dict, shards: list[Shard]):
        self.output = Path(settings["OUTPUT_PATH"])
        self.store = Path(settings["CACHE_PATH"]) / "search"
        self.shards = shards
        self.waiting = {shard.name: set(shard.pages) for shard in shards}
        self.shard_of = {page: shard for shard in shards for page in shard.pages}
        self.queue: queue.Queue[Shard | None] = queue.Queue()
        self.used: set[str] = set()
        # The shards' folders: those Pagefind indexed in this build, and those whose stored index was kept.
        self.indexed: list[str] = []
        self.kept: list[str] = []
        self.failure: Exception | None = None
        self.threads = [threading.Thread(target=self.work, name="search-index", daemon=True)]

    def __enter__(self) -> SearchIndexer:
        shutil.rmtree(self.output / SEARCH_INDEX_FOLDER, ignore_errors=True)
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, kind, error, trace) -> None:
        if error is None:
            self.finish()
        else:  # this build is not going to be used: let the shard being indexed end, start no other
            self.failure = error
            self.stop()

    def placed(self, save_as: str) -> None:
        shard = self.shard_of.get(save_as)
        if shard is None:
            return
        waiting = self.waiting[shard.name]
        waiting.discard(save_as)
        if not waiting:
            del self.waiting[shard.name]
            self.queue.put(shard)

    def finish(self) -> None:
        """Wait for every shard, then forget the stored indexes that neither this build nor the one
        before it used (kept for the last two, so that alternating `invoke build` and `invoke preview`,
        whose pages differ, does not index everything each time)."""
        # A shard whose pages were not all reported is indexed now: every page is in place by the end.
        for shard in self.shards:
            if self.waiting.pop(shard.name, None) is not None:
                self.queue.put(shard)
        self.stop()
        if self.failure is not None:
            raise self.failure
        record = self.store / LAST_USED
        try:
            kept = self.used | set(json.loads(record.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            kept = self.used
        for entry in self.store.iterdir() if self.store.is_dir() else []:
            if entry.name not in kept | {LAST_USED}:
                shutil.rmtree(entry, ignore_errors=True)
        if self.used:
            record.write_text(json.dumps(sorted(self.used)), encoding="utf-8")

    def stop(self) -> None:
        for _ in self.threads:
            self.queue.put(None)
        for thread in self.threads:
            thread.join()

    def work(self) -> None:
        while (shard := self.queue.get()) is not None:
            if self.failure is None:
                try:
                    self.record(shard, **self.index(shard))
                except Exception as error:  # raised again by finish(), on the build's own thread
                    self.failure = error

    def record(self, shard: Shard, key: str, kept: bool) -> None:
        """Note the index a shard used, to keep it in the store, and whether it was made anew."""
        self.used.add(key)
        if kept:
            self.kept.append(shard.folder)
        else:
            self.indexed.append(shard.folder)
            logger.debug("Indexed %s: no index was stored for its pages' digest %s", shard.folder, key)

    @functools.cached_property
    def program(self) -> str:
        """Pagefind's program, found once for all the shards (a build with no shard looks for none)."""
        try:
            return str(pagefind_program())
        except PagefindFailed as error:
            raise SearchIndexError(str(error)) from None

    def index(self, shard: Shard) -> dict:
        """Index one shard in a process of its own (search_shard.py), whose thousands of small file operations
        would each wait for Python's lock here while this process renders pages; give what it printed, the
        key of the shard's index and whether that was kept from the store."""
        job = {"output": str(self.output), "store": str(self.store), "folder": shard.folder,
               "pages": shard.pages, "pagefind_version": PAGEFIND_VERSION, "pagefind": self.program}
        result = subprocess.run([sys.executable, "-I", "-S", str(SHARD_SCRIPT)], input=json.dumps(job),
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise SearchIndexError(result.stderr.strip() or f"The search index {shard.folder} could not be made "
                                   f"(its process ended with exit status {result.returncode}); build again.")
        return json.loads(result.stdout)
