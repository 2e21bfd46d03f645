"""Time this project's build against plain Pelican on the same synthetic content, and check the budgets.

For each number of events it measures, side by side in one run and alternating their order: our cold
build (no cache), our warm rebuild after one event was edited (with Pelican's content cache), and plain
Pelican with its default theme and settings on the same Markdown. Each is repeated and the median kept,
since a shared machine makes single timings noisy. Run it with `invoke benchmark` (see the README).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .synthetic import write_sites

ROOT = Path(__file__).resolve().parents[1]
BUDGET_EVENTS = 10_000
KB, MB = 1024, 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_bytes: int
    output_bytes: int
    largest_page: tuple[int, str]


@dataclass(frozen=True)
class Budget:
    name: str
    limit: str
    measured: str
    met: bool


def tree_memory(root: int) -> int:
    """The resident memory of a process and all its descendants together, read from /proc."""
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
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
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
        if child.returncode:
            log.seek(0)
            sys.exit(f"{' '.join(args)} failed:\n{log.read().decode(errors='replace')}")
    pages = [(path.stat().st_size, str(path.relative_to(output))) for path in output.rglob("*.html")]
    # Sampling may miss a short peak; the kernel's count of the largest single process does not.
    return Run(seconds, max(peak, usage.ru_maxrss * KB),
               sum(p.stat().st_size for p in output.rglob("*") if p.is_file()), max(pages))


def ours(content: Path, output: Path, cache: Path) -> Run:
    return measure([sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-q",
                    "-o", str(output), "-e", f'CACHE_PATH="{cache}"'], ROOT, output)


def plain_pelican(content: Path, output: Path) -> Run:
    # Run from the content's parent, which has no pelicanconf.py: Pelican's defaults and default theme.
    return measure([sys.executable, "-m", "pelican", str(content), "-q", "-o", str(output)], content.parent,
                   output)


def edit_one_event(content: Path, round_number: int) -> None:
    """Append a sentence to the event in the middle of the timeline, as an editor's correction would."""
    events = sorted((content / "events").glob("*.md"))
    event = events[len(events) // 2]
    with event.open("a", encoding="utf-8") as handle:
        handle.write(f"\nA correction added in round {round_number + 1} of the benchmark.\n")


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_bytes for r in runs),
               runs[-1].output_bytes, runs[-1].largest_page)


def bench(events: int, actors: int, repeat: int, work: Path) -> dict[str, Run]:
    """Median cold, warm and plain-Pelican runs at one size; the order alternates between rounds."""
    ours_content, plain_content = write_sites(work / f"content-{events}", events, actors)
    output, cache = work / f"ours-{events}", work / f"cache-{events}"
    results: dict[str, list[Run]] = {"cold": [], "warm": [], "plain": []}
    for round_number in range(repeat):
        def ours_cold_then_warm() -> None:
            shutil.rmtree(cache, ignore_errors=True)
            results["cold"].append(ours(ours_content, output, cache))
            edit_one_event(ours_content, round_number)
            results["warm"].append(ours(ours_content, output, cache))

        def plain() -> None:
            shutil.rmtree(work / f"plain-{events}", ignore_errors=True)
            results["plain"].append(plain_pelican(plain_content, work / f"plain-{events}"))

        for step in ((ours_cold_then_warm, plain) if round_number % 2 == 0 else (plain, ours_cold_then_warm)):
            step()
        print(f"  N={events:,} round {round_number + 1}/{repeat}: ours cold {results['cold'][-1].seconds:.1f} s, "
              f"warm {results['warm'][-1].seconds:.1f} s, plain Pelican {results['plain'][-1].seconds:.1f} s",
              flush=True)
    return {kind: median_run(runs) for kind, runs in results.items()}


def table(sizes: dict[int, dict[str, Run]]) -> str:
    rows = ["| N | build | wall time | peak memory | output | largest HTML page |",
            "| ---: | --- | ---: | ---: | ---: | --- |"]
    labels = {"cold": "ours, cold", "warm": "ours, warm (one event edited)", "plain": "plain Pelican"}
    for events, runs in sizes.items():
        for kind, label in labels.items():
            run = runs[kind]
            size, page = run.largest_page
            rows.append(f"| {events:,} | {label} | {run.seconds:.1f} s | {run.peak_bytes / MB:.0f} MB | "
                        f"{run.output_bytes / MB:.0f} MB | {size / KB:.0f} KB (`{page}`) |")
        rows.append(f"| {events:,} | ratios | cold / plain {runs['cold'].seconds / runs['plain'].seconds:.2f}, "
                    f"warm / cold {runs['warm'].seconds / runs['cold'].seconds:.2f} | | | |")
    return "\n".join(rows)


def budgets(sizes: dict[int, dict[str, Run]]) -> list[Budget]:
    """The issue's budgets, checked at the largest size measured (they are set for N = 10,000)."""
    big = max(sizes)
    runs = sizes[big]
    cold, warm, plain = runs["cold"], runs["warm"], runs["plain"]
    checks = [
        Budget("cold build / plain Pelican", "≤ 1.0", f"{cold.seconds / plain.seconds:.2f}",
               cold.seconds <= plain.seconds),
        Budget("cold build peak memory", "≤ 500 MB", f"{cold.peak_bytes / MB:.0f} MB",
               cold.peak_bytes <= 500 * MB),
        Budget("warm rebuild / cold build", "≤ 0.3", f"{warm.seconds / cold.seconds:.2f}",
               warm.seconds <= 0.3 * cold.seconds),
        Budget("largest HTML page", "≤ 250 KB", f"{cold.largest_page[0] / KB:.0f} KB",
               cold.largest_page[0] <= 250 * KB),
    ]
    if len(sizes) > 1:
        small = min(sizes)
        # 10,000 / 1,000 events may take at most 11 times as long: linear growth, with 10% to spare.
        allowed = 1.1 * big / small
        growth = cold.seconds / sizes[small]["cold"].seconds
        checks.append(Budget(f"growth: cold time({big:,}) / time({small:,})", f"≤ {allowed:.1f}",
                             f"{growth:.1f}", growth <= allowed))
    return checks


def report(sizes: dict[int, dict[str, Run]]) -> str:
    big = max(sizes)
    note = "" if big == BUDGET_EVENTS else \
        f" (the budgets are set for N = {BUDGET_EVENTS:,}; this run's largest is {big:,})"
    lines = [table(sizes), "", f"Budgets at N = {big:,}{note}:", "",
             "| budget | limit | measured | met |", "| --- | --- | --- | --- |"]
    lines += [f"| {b.name} | {b.limit} | {b.measured} | {'yes' if b.met else 'NO'} |" for b in budgets(sizes)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", default="1000,10000", help="comma-separated numbers of events")
    parser.add_argument("--actors", type=int, default=200, help="number of actors")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size; the median is reported")
    parser.add_argument("--work", help="folder for the content and outputs (default: a temporary one)")
    options = parser.parse_args(argv)
    work = Path(options.work or tempfile.mkdtemp(prefix="timeline-benchmark-"))
    try:
        sizes = {}
        for events in sorted(int(n) for n in options.events.split(",")):
            sizes[events] = bench(events, options.actors, options.repeat, work)
        print("\n" + report(sizes))
    finally:
        if not options.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
