"""Work shared out among processes, so that a build uses every core: files read and converted, pages
drawn and written.

The workers are forked from the build once it holds what they need (the settings and the reader; for
writing, the templates, the timeline and the plan), so nothing of it is copied to them but by the
system's copy-on-write. Each is handed a run of consecutive items and gives back one small result per
item; the results come back in the order of the items, whichever worker finished first, so a build on
any number of cores writes the same files and reports the same problems, in the same order, as a build
on one. With one worker, or too little work to repay starting others, the same job runs here alone.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items for each worker, starting them costs about what it saves (a page takes a few
# milliseconds to draw; forking two workers from a build of 200 MB and handing them work took 40): a
# rebuild after one edit reads one file, here.
MIN_ITEMS_PER_WORKER = 50
# Runs per worker: enough that a worker given slow items (the chronology's long pages) does not leave the
# others idle at the end, few enough that handing them out costs nothing to speak of.
RUNS_PER_WORKER = 8

# The job of the pool being started: forked workers inherit it, as they inherit everything else, where a
# function handed to the pool would be pickled, and a closure over the build cannot be.
_job: Callable | None = None


def worker_count(settings: dict) -> int:
    """The number of processes to work in: TIMELINE_WORKERS, or one per core this build may use when 0."""
    return settings["TIMELINE_WORKERS"] or len(os.sched_getaffinity(0))


class InOrder:
    """The results of job(item) for every item, in the order of the items, from `workers` processes: the
    others, forked and set to work when this is made (before the build starts threads of its own, the
    search index's, since a thread's locks would be copied into the workers in whatever state they are
    in), and this one, which, rather than wait for them, does itself the last run that none of them has
    started: one process fewer to fork and to copy the build into. With no pool, each item's job is done
    as its result is asked for."""

    def __init__(self, job: Callable[[Item], Result], items: Sequence[Item], workers: int):
        self.job, self.items = job, items
        workers = min(workers, len(items) // MIN_ITEMS_PER_WORKER)
        self.pool = None
        if workers > 1:
            global _job
            _job = job
            size = -(-len(items) // (workers * RUNS_PER_WORKER))
            self.runs = [items[start:start + size] for start in range(0, len(items), size)]
            # What the build holds now lives as long as the pool: frozen, the collector neither walks it nor,
            # in the workers, writes into the pages they share with this process, which would copy them.
            gc.freeze()
            # Fork, as Linux and its kin can: with fork, the pool forks every worker at its first task, before
            # it starts its own thread. A worker that dies (of want of memory, say) fails the build, rather
            # than leave it waiting.
            self.pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context("fork"))
            # Handed out at once, so the workers get on while this process does other work.
            self.futures = [self.pool.submit(run_job, run) for run in self.runs]

    def __enter__(self) -> InOrder:
        return self

    def __exit__(self, *exception) -> None:
        global _job
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            _job = None
            gc.unfreeze()  # what the build drops from now on may be collected again (livereload builds on)

    def __iter__(self) -> Iterator[Result]:
        if self.pool is None:
            yield from map(self.job, self.items)
            return
        done_here: dict[int, list] = {}
        last = len(self.runs)  # the runs from this one on are started, or done here
        for index, future in enumerate(self.futures):
            # Rather than wait for the workers, do here the last run that none of them has started: the
            # next ones in order are always handed out already.
            while index not in done_here and not future.done() and last > index:
                last -= 1
                if self.futures[last].cancel():
                    done_here[last] = [self.job(item) for item in self.runs[last]]
            yield from done_here.pop(index) if index in done_here else future.result()


def run_job(run: Sequence) -> list:
    """Do the pool's job on a run of items, in a worker."""
    return [_job(item) for item in run]
