"""Time this project's build against plain Pelican and Hugo on the same synthetic content, and check the budgets.

For each number of events it measures, side by side in one run and alternating their order: our cold
build (no cache) on 1 worker, 2 and every core, our warm rebuild after one event was edited (with
Pelican's content cache, on every core), plain Pelican with its default theme and settings on the same
Markdown, and Hugo with a minimal theme on it too, where Hugo is installed. Each is repeated and the median
kept, since a shared machine makes single timings noisy. Run it with `invoke benchmark` (see the README).
"""

from __future__ import annotations

import argparse
import re
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import hugo
from .synthetic import write_sites

ROOT = Path(__file__).resolve().parents[1]
BUDGET_EVENTS = 10_000
KB, MB = 1024, 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05
CORES = len(os.sched_getaffinity(0))
# Our cold build is measured on each of these numbers of workers; the last is the build the budgets judge.
WORKERS = sorted({1, 2, CORES})


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    output_bytes: int
    largest_page: tuple[int, str]
    written: int | None = None  # the pages the build wrote, as its last line says
    ended: float | None = None  # livereload: when the rebuild ended (`seconds` is when the edited page was written)


@dataclass(frozen=True)
class Budget:
    name: str
    limit: str
    measured: str
    met: bool | None  # None: not measured


def tree_memory(root: int) -> int:
    """The memory of a process and all its descendants together, read from /proc: the sum of each one's
    proportional share (Pss), since worker processes forked from the build share most of its pages, which
    the sum of their resident sizes would count once for each of them."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                parent = int(Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):  # a process that has just ended
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(rollup.split("\nPss:", 1)[1].split()[0]) * KB
        except (OSError, IndexError, ValueError):
            continue
    return total


def measure(args: list[str], cwd: Path, output: Path) -> Run:
    """Run one build in a child process: its wall time, its peak memory (all its processes together,
    since the build runs Pagefind beside it), and what it wrote."""
    peak = 0
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        child = subprocess.Popen(args, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        # wait4 reports the resources of this child alone (with its own children), not of earlier ones.
        while not (ended := os.wait4(child.pid, os.WNOHANG))[0]:
            peak = max(peak, tree_memory(child.pid))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - started
        _, status, usage = ended
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        said = log.read().decode(errors="replace")
        if child.returncode:
            sys.exit(f"{' '.join(args)} failed:\n{said}")
    pages = [(path.stat().st_size, str(path.relative_to(output))) for path in output.rglob("*.html")]
    # Sampling may miss a short peak; the kernel's count of the largest single process does not, and no
    # process is larger than the sum of the shares of all.
    return Run(seconds, max(peak, usage.ru_maxrss * KB),
               sum(p.stat().st_size for p in output.rglob("*") if p.is_file()), max(pages),
               pages_written(said))


def pages_written(said: str) -> int | None:
    """The pages a build wrote, from the line it ends with."""
    written = re.findall(r"([\d,]+) pages? written", said)
    return int(written[-1].replace(",", "")) if written else None


# The site alone, or with an edition in Ukrainian (the synthetic record has no translations: the edition shows
# every file as written, in the theme's Ukrainian words, which costs what a translated one would).
ALONE, WITH_EDITION = "{}", '{"uk": {}}'


def our_build(content: Path, output: Path, cache: Path, workers: int, editions: str = ALONE) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-q", "-o",
            str(output), "-e", f'CACHE_PATH="{cache}"', f"TIMELINE_WORKERS={workers}", f"TIMELINE_EDITIONS={editions}"]


def ours(content: Path, output: Path, cache: Path, workers: int, editions: str = ALONE) -> Run:
    return measure(our_build(content, output, cache, workers, editions), ROOT, output)


def live_edit(content: Path, output: Path, cache: Path, round_number: int) -> Run:
    """Start the build as `invoke livereload` does (Pelican's --autoreload, which builds again in the same
    process whenever a file changes, the model kept between builds), wait for its first build, then add a
    sentence to one event: the time from the save until the event's page is rewritten (what a reader who
    reloads it sees) and until the rebuild has ended, and the peak memory of the whole run."""
    peak = 0
    with tempfile.TemporaryFile() as log:
        child = subprocess.Popen([*our_build(content, output, cache, CORES), "TIMELINE_KEEP_MODEL=true",
                                  "--autoreload"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                 start_new_session=True)

        def wait_for(done: Callable[[str], bool]) -> float:
            nonlocal peak
            while True:
                log.seek(0)
                said = log.read().decode(errors="replace")
                if child.poll() is not None or "Traceback" in said:
                    sys.exit(f"--autoreload stopped:\n{said}")
                if done(said):
                    return time.perf_counter()
                peak = max(peak, tree_memory(child.pid))
                time.sleep(SAMPLE_SECONDS / 5)
        try:
            wait_for(lambda said: "pages written" in said)
            page = output / "events" / edit_one_event(content, round_number).stem / "index.html"
            saved, before = time.perf_counter(), page.stat().st_mtime_ns
            shown = wait_for(lambda said: page.stat().st_mtime_ns != before) - saved
            ended = wait_for(lambda said: said.count("pages written") >= 2) - saved
        finally:
            os.killpg(child.pid, signal.SIGTERM)
            child.wait()
        log.seek(0)
        written = pages_written(log.read().decode(errors="replace"))
    pages = [(path.stat().st_size, str(path.relative_to(output))) for path in output.rglob("*.html")]
    return Run(shown, peak, sum(p.stat().st_size for p in output.rglob("*") if p.is_file()), max(pages), written,
               ended)


def plain_pelican(content: Path, output: Path) -> Run:
    # Run from the content's parent, which has no pelicanconf.py: Pelican's defaults and default theme.
    return measure([sys.executable, "-m", "pelican", str(content), "-q", "-o", str(output)], content.parent,
                   output)


def same_files(one: Path, other: Path) -> bool:
    """Whether two outputs hold the same files, byte for byte."""
    names = sorted(path.relative_to(one) for path in one.rglob("*") if path.is_file())
    return names == sorted(path.relative_to(other) for path in other.rglob("*") if path.is_file()) and all(
        (one / name).read_bytes() == (other / name).read_bytes() for name in names)


def edit_one_event(content: Path, round_number: int) -> Path:
    """Append a sentence to the event in the middle of the timeline, as an editor's correction would; give its
    file."""
    events = sorted((content / "events").glob("*.md"))
    event = events[len(events) // 2]
    with event.open("a", encoding="utf-8") as handle:
        handle.write(f"\nA correction added in round {round_number + 1} of the benchmark.\n")
    return event


def add_one_event(content: Path, round_number: int) -> None:
    """Add an event beside the one in the middle of the timeline that is not a vote (a vote's roll call would
    be a second file), as an editor adding the day's news would."""
    events = [path for path in sorted((content / "events").glob("*.md")) if "-vote-" not in path.stem]
    model = events[len(events) // 2]
    text = re.sub(r"^title: .*$", f'title: "An event added in round {round_number + 1} of the benchmark"',
                  model.read_text(encoding="utf-8"), count=1, flags=re.M)
    model.with_name(f"{model.stem}-added-{round_number + 1}.md").write_text(text, encoding="utf-8")


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_bytes for r in runs),
               runs[-1].output_bytes, runs[-1].largest_page, runs[-1].written, runs[-1].ended)


def cold(workers: int) -> str:
    return f"cold-{workers}"


@dataclass(frozen=True)
class Size:
    """What one number of events measured: the median run of each build, and whether every number of
    workers wrote the same files as one."""

    runs: dict[str, Run]
    identical: bool


def rebuilds(content: Path, output: Path, cache: Path, round_number: int, results: dict[str, list[Run]]) -> None:
    """Time the rebuilds of a built site on every core: after a sentence is added to one event, after an event
    is added, and the same edit again under livereload."""
    edit_one_event(content, round_number)
    results["warm"].append(ours(content, output, cache, CORES))
    add_one_event(content, round_number)
    results["added"].append(ours(content, output, cache, CORES))
    results["live"].append(live_edit(content, output, cache, round_number))


def bench(events: int, actors: int, repeat: int, work: Path) -> Size:
    """Median cold, warm, plain-Pelican and Hugo runs at one size; the order alternates between rounds."""
    ours_content, plain_content = write_sites(work / f"content-{events}", events, actors, roll_calls=True)
    hugo_site = hugo.write_site(plain_content, work / f"hugo-{events}") if hugo.program() else None
    cache = work / f"cache-{events}"
    kinds = [*map(cold, WORKERS), "warm", "added", "live", "editions", "plain", "hugo"]
    results: dict[str, list[Run]] = {kind: [] for kind in kinds}
    identical = True

    def output(workers: int) -> Path:
        return work / f"ours-{events}-{workers}"

    for round_number in range(repeat):
        def ours_cold_then_warm() -> None:
            nonlocal identical
            for workers in WORKERS:
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(output(workers), ignore_errors=True)
                results[cold(workers)].append(ours(ours_content, output(workers), cache, workers))
            identical &= all(same_files(output(1), output(workers)) for workers in WORKERS[1:])
            rebuilds(ours_content, output(CORES), cache, round_number, results)
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(work / f"editions-{events}", ignore_errors=True)
            results["editions"].append(ours(ours_content, work / f"editions-{events}", cache, CORES, WITH_EDITION))

        def plain() -> None:
            shutil.rmtree(work / f"plain-{events}", ignore_errors=True)
            results["plain"].append(plain_pelican(plain_content, work / f"plain-{events}"))

        def hugo_build() -> None:
            if hugo_site:
                shutil.rmtree(work / f"hugo-out-{events}", ignore_errors=True)
                results["hugo"].append(measure(hugo.command(hugo_site, work / f"hugo-out-{events}"), hugo_site,
                                               work / f"hugo-out-{events}"))

        steps = (ours_cold_then_warm, plain, hugo_build)
        for step in steps if round_number % 2 == 0 else reversed(steps):
            step()
        done = {kind: runs[-1].seconds for kind, runs in results.items() if runs}
        print(f"  N={events:,} round {round_number + 1}/{repeat}: " +
              ", ".join(f"{label(kind)} {seconds:.1f} s" for kind, seconds in done.items()), flush=True)
    return Size({kind: median_run(runs) for kind, runs in results.items() if runs}, identical)


def label(kind: str) -> str:
    if kind.startswith("cold-"):
        workers = int(kind.removeprefix("cold-"))
        return f"ours, cold, {workers} worker{'s' if workers > 1 else ''}"
    return {"warm": f"ours, warm (a sentence added to one event), {CORES} workers",
            "added": f"ours, warm (one event added), {CORES} workers",
            "live": f"ours, livereload: a sentence saved in one event until its page is rewritten, {CORES} workers",
            "editions": f"ours, cold, the site and its edition in Ukrainian, {CORES} workers",
            "plain": "plain Pelican",
            "hugo": f"Hugo {hugo.version()}, minimal theme" if hugo.program() else "Hugo"}[kind]


def table(sizes: dict[int, Size]) -> str:
    rows = ["| N | build | wall time | peak memory | output | largest HTML page |",
            "| ---: | --- | ---: | ---: | ---: | --- |"]
    for events, size in sizes.items():
        runs = size.runs
        for kind, run in runs.items():
            largest, page = run.largest_page
            rebuilt = kind in ("warm", "added", "live") and run.written is not None
            written = f": {run.written:,} pages written" if rebuilt else ""
            written += f", the rebuild ended after {run.ended:.1f} s" if run.ended is not None else ""
            rows.append(f"| {events:,} | {label(kind)}{written} | {run.seconds:.1f} s | {run.peak_bytes / MB:.0f} MB | "
                        f"{run.output_bytes / MB:.0f} MB | {largest / KB:.0f} KB (`{page}`) |")
        coldest = runs[cold(CORES)]
        speed_ups = ", ".join(f"{workers} workers {runs[cold(1)].seconds / runs[cold(workers)].seconds:.2f}×"
                              for workers in WORKERS[1:])
        against = f"cold / plain {coldest.seconds / runs['plain'].seconds:.2f}" + (
            f", cold / Hugo {coldest.seconds / runs['hugo'].seconds:.2f}" if "hugo" in runs else "")
        rows.append(f"| {events:,} | ratios | speed-up over 1 worker: {speed_ups or 'none (one core)'}; {against}; "
                    f"warm / cold {runs['warm'].seconds / coldest.seconds:.2f}; "
                    f"one event added / cold {runs['added'].seconds / coldest.seconds:.2f}; "
                    f"livereload {runs['live'].seconds:.1f} s; "
                    f"both editions / the site {runs['editions'].seconds / coldest.seconds:.2f} | | | |")
    return "\n".join(rows)


def budgets(sizes: dict[int, Size]) -> list[Budget]:
    """The issue's budgets, checked at the largest size measured (they are set for N = 10,000) on every core."""
    big = max(sizes)
    runs = sizes[big].runs
    ours_cold, warm, added, plain = runs[cold(CORES)], runs["warm"], runs["added"], runs["plain"]
    ours_peak = max(run.peak_bytes for kind, run in runs.items() if kind not in ("plain", "hugo"))
    checks = [
        Budget("cold build / plain Pelican", "≤ 0.5", f"{ours_cold.seconds / plain.seconds:.2f}",
               ours_cold.seconds <= 0.5 * plain.seconds),
        Budget("cold build / Hugo", "≤ 4.0", f"{ours_cold.seconds / runs['hugo'].seconds:.2f}",
               ours_cold.seconds <= 4 * runs["hugo"].seconds) if "hugo" in runs else
        Budget("cold build / Hugo", "≤ 4.0", "Hugo is not installed; skipped", None),
        Budget("warm rebuild / cold build", "≤ 0.1", f"{warm.seconds / ours_cold.seconds:.2f}",
               warm.seconds <= 0.1 * ours_cold.seconds),
        Budget("one event added / cold build", "≤ 0.15", f"{added.seconds / ours_cold.seconds:.2f}",
               added.seconds <= 0.15 * ours_cold.seconds),
        Budget("livereload: an edit saved to its page rewritten", "≤ 2 s", f"{runs['live'].seconds:.1f} s",
               runs["live"].seconds <= 2),
        Budget("peak memory of our builds, all processes", "≤ 600 MB", f"{ours_peak / MB:.0f} MB",
               ours_peak <= 600 * MB),
        Budget(f"output on {', '.join(map(str, WORKERS[1:])) or 'every'} workers = on 1", "identical",
               "identical" if sizes[big].identical else "DIFFERENT", sizes[big].identical),
        Budget("largest HTML page", "≤ 250 KB", f"{ours_cold.largest_page[0] / KB:.0f} KB",
               ours_cold.largest_page[0] <= 250 * KB),
    ]
    if len(sizes) > 1:
        small = min(sizes)
        # 10,000 / 1,000 events may take at most 11 times as long: linear growth, with 10% to spare.
        allowed = 1.1 * big / small
        growth = ours_cold.seconds / sizes[small].runs[cold(CORES)].seconds
        checks.append(Budget(f"growth: cold time({big:,}) / time({small:,})", f"≤ {allowed:.1f}",
                             f"{growth:.1f}", growth <= allowed))
    return checks


def report(sizes: dict[int, Size]) -> str:
    big = max(sizes)
    note = "" if big == BUDGET_EVENTS else \
        f" (the budgets are set for N = {BUDGET_EVENTS:,}; this run's largest is {big:,})"
    lines = [table(sizes), "", f"Budgets at N = {big:,}, on {CORES} cores{note}:", "",
             "| budget | limit | measured | met |", "| --- | --- | --- | --- |"]
    lines += [f"| {b.name} | {b.limit} | {b.measured} | {'skipped' if b.met is None else 'yes' if b.met else 'NO'} |"
              for b in budgets(sizes)]
    if not hugo.program():
        lines += ["", "Hugo is not installed; skipped (apt-get install hugo)."]
    return "\n".join(lines)


def counts(text: str) -> list[int]:
    """`1000,10000` as numbers of 1 or more, for argparse (which says in one line why it cannot be)."""
    if not re.fullmatch(r"[0-9]+(,[0-9]+)*", text) or 0 in (numbers := [int(n) for n in text.split(",")]):
        raise argparse.ArgumentTypeError(f"{text!r} is not whole numbers of 1 or more, separated by commas")
    return numbers


def count(text: str) -> int:
    if not re.fullmatch(r"[0-9]+", text) or int(text) == 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=counts, default=[1000, 10000], help="comma-separated numbers of events")
    parser.add_argument("--actors", type=count, default=200, help="number of actors")
    parser.add_argument("--repeat", type=count, default=3, help="rounds per size; the median is reported")
    parser.add_argument("--work", help="folder for the content and outputs (default: a temporary one)")
    options = parser.parse_args(argv)
    work = Path(options.work or tempfile.mkdtemp(prefix="timeline-benchmark-"))
    try:
        sizes = {}
        for events in sorted(options.events):
            sizes[events] = bench(events, options.actors, options.repeat, work)
        print("\n" + report(sizes))
    finally:
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
