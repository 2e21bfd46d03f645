"""A roll call on the world map: each member's shape, or its dot where it is too small to see, marked with its
vote; the template draws it."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .model import Position, RollCall
from .world_map import MAP, WorldMap, absolute_start, read_world_map


@dataclass(frozen=True)
class MapMark:
    """A member on the map: its shape's path data, or its dot's place, with its vote and what it is named by."""

    word: str
    title: str  # `Kenya: Yes`, for screen readers and as a tooltip; empty where its dot names it
    path: str = ""
    x: float = 0
    y: float = 0


@dataclass(frozen=True)
class VoteMap:
    """A roll call on the map: the members' shapes and dots, in order of name, and every other shape in one."""

    width: int
    height: int
    others: str  # the shapes of states and places no vote of the roll call is cast for, as one path
    shapes: list[MapMark]
    dots: list[MapMark]


@functools.cache
def world() -> WorldMap:
    return read_world_map(MAP)


def mark(vote: Position) -> str:
    return f"{vote.state.name}: {vote.label}"


def vote_map(roll_call: RollCall) -> VoteMap | None:
    """Put a roll call on the world map; None when none of its members' codes is on the map (a record whose
    members are not the states of ISO 3166)."""
    shapes, dots = world().shapes, world().dots
    votes = sorted((vote for vote in roll_call.votes if vote.state.code in shapes.keys() | dots.keys()),
                   key=lambda vote: vote.state.sort_name.casefold())
    if not votes:
        return None
    voting = {vote.state.code for vote in votes}
    others = "".join(absolute_start(path) for code, path in shapes.items() if code not in voting)
    return VoteMap(world().width, world().height, others,
                   # A state with a shape and a dot is named once, by its dot.
                   [MapMark(vote.word, "" if code in dots else mark(vote), path=shapes[code])
                    for vote in votes if (code := vote.state.code) in shapes],
                   [MapMark(vote.word, mark(vote), x=dots[code][0], y=dots[code][1])
                    for vote in votes if (code := vote.state.code) in dots])
