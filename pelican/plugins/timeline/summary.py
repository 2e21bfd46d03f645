"""The one line every build ends with: what it built, what it wrote and what it left, what the search
index made again and what it kept, how many warnings it printed, and how long it took.

Pelican ends each build with a line of its own, `Done: Processed 0 articles, 0 drafts, …`, which counts
only what its own generators read: right after an editor adds an event it says nothing of it. So the
timeline's generator hands its counts to the one printer of the process (as Pelican's console and
signals are one per process), which prints our line once every generator is done (Pelican's `finalized`
signal) and drops Pelican's, which follows. Pelican prints that straight to its rich console, not
through a logger, so a logging filter never sees it; a render hook, rich's own way to change what a
console prints, does, and drops it only when ours was printed in its place. The same hook drops the
traceback that Pelican's --debug prints of a build stopped by an editor's mistake.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from rich.console import Console, RenderHook
from rich.text import Text
from rich.traceback import Traceback

from .problems import BuildStopped, count, show

PELICANS_LINE = "Done: Processed "


@dataclass(frozen=True)
class BuildSummary:
    edition: str  # "" for the site; an edition's language (`uk`), which starts its line
    events: int
    actors: int
    pages_written: int
    pages_kept: int
    shards_indexed: int | None  # None: the index was left out (TIMELINE_SEARCH_INDEX)
    shards_kept: int
    warnings: int  # printed before the pages were written; named only when there are some
    # Whether the record was the one kept since the last build (resident.py): so an editor knows why this build
    # was quick, and why the next, after another kind of edit, may not be.
    kept: bool = False

    def line(self, seconds: float) -> str:
        warned = f"{count(self.warnings, 'warning')} above; " if self.warnings else ""
        search = (f"{count(self.shards_indexed, 'shard')} indexed, {self.shards_kept} kept"
                  if self.shards_indexed is not None else "not made (TIMELINE_SEARCH_INDEX is False)")
        edition = f"{self.edition}: " if self.edition else ""
        kept = " from the record kept since the last build (only bodies changed)" if self.kept else ""
        return (f"{edition}Built {count(self.events, 'event')} and {count(self.actors, 'actor')}{kept}: "
                f"{count(self.pages_written, 'page')} written, {self.pages_kept} left as they were; "
                f"search: {search}; {warned}{seconds:.1f} s.")


class SummaryPrinter(RenderHook):
    """Print each build's summary at its end, in place of Pelican's line."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.summary: BuildSummary | None = None
        # How many of ours are printed whose Pelican's line is yet to come: an edition's build runs within the
        # site's, so the site's line waits while the edition's is printed and its Pelican line dropped.
        self.printed = 0
        self.hooked = False

    def hook_into(self, console: Console) -> None:
        """Have the console show us what it prints, once: Pelican registers the plugin again whenever
        `invoke livereload` sees pelicanconf.py change."""
        if not self.hooked:
            console.push_render_hook(self)
            self.hooked = True

    def start(self, pelican) -> None:
        """Start the clock as Pelican starts a build (the generators are about to be made)."""
        self.started, self.summary = time.monotonic(), None

    def hand_over(self, summary: BuildSummary) -> None:
        """Keep the summary of the build at work, to print once every generator is done."""
        self.summary = summary

    def print_summary(self, pelican) -> None:
        """Print the line of the build that has just succeeded (none when no summary was handed over)."""
        if self.summary is not None:
            show([self.summary.line(time.monotonic() - self.started)])
            self.summary, self.printed = None, self.printed + 1

    def process_renderables(self, renderables: list) -> list:
        """Drop Pelican's line when ours stands in its place; and the traceback Pelican prints with --debug
        (`invoke build --verbose`) of a build that stopped as expected (an editor's mistake), whose one line
        says it all, as without --debug."""
        if isinstance(sys.exc_info()[1], BuildStopped):
            renderables = [item for item in renderables if not isinstance(item, Traceback)]
        if self.printed and any(map(is_pelicans_line, renderables)):
            self.printed -= 1
            return [item for item in renderables if not is_pelicans_line(item)]
        return renderables


def is_pelicans_line(renderable: object) -> bool:
    return isinstance(renderable, Text) and renderable.plain.startswith(PELICANS_LINE)


PRINTER = SummaryPrinter()
