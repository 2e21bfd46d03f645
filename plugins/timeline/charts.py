"""Geometry for the static SVG charts: coordinates computed here, drawn by a template."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .model import MEASURE_LABELS, FigureRow


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    row: FigureRow


@dataclass(frozen=True)
class Series:
    measure: str
    label: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points))


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    bottom: int
    series: list[Series]
    x_ticks: list[Tick]
    y_ticks: list[Tick]


def nice_ceiling(value: int) -> int:
    """The next round figure above value (25,000 above 20,000), so the axis ends on a label."""
    step = 10 ** max(len(str(value)) - 1, 0)
    for multiple in (1, 2, 2.5, 5, 10):
        if value <= multiple * step:
            return int(multiple * step)
    return value


def figures_chart(rows: list[FigureRow], width: int = 720, height: int = 360) -> LineChart:
    """Each measure as a line over time; x by date, y from zero to a round ceiling."""
    left, right, top, bottom = 64, 16, 16, 40
    first = min(row.event.date for row in rows).replace(month=1, day=1)
    last = datetime.date(max(row.event.date for row in rows).year + 1, 1, 1)
    top_value = nice_ceiling(max(row.figure.count for row in rows))
    span = (last - first).days

    def x(day: datetime.date) -> float:
        return left + (width - left - right) * (day - first).days / span

    def y(count: int) -> float:
        return height - bottom - (height - top - bottom) * count / top_value

    series = [Series(measure, label, [Point(x(r.event.date), y(r.figure.count), r)
                                      for r in rows if r.figure.measure == measure])
              for measure, label in MEASURE_LABELS.items()]
    years = range(first.year, last.year + 1)
    x_ticks = [Tick(x(datetime.date(year, 1, 1)), str(year)) for year in years]
    y_ticks = [Tick(y(top_value * i // 5), f"{top_value * i // 5:,}") for i in range(6)]
    return LineChart(width, height, left, height - bottom, [s for s in series if s.points], x_ticks, y_ticks)
