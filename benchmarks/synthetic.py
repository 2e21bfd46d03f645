"""Synthetic content for the benchmark: N events and A actors in the project's own format.

The same events are also written reduced to what plain Pelican understands (Title, Date and Summary
metadata above the same Markdown body), so that both generators read the same words. Everything is
drawn from one seeded random generator: the same arguments always write the same files.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from pathlib import Path

FIRST_DAY = datetime.date(2022, 2, 24)
LAST_DAY = datetime.date(2025, 12, 31)
BODIES = {"un-general-assembly": ("UN General Assembly", 193), "un-security-council": ("UN Security Council", 15)}
ASSEMBLY = "un-general-assembly"  # the body whose votes have roll calls, with the `roll_calls` of write_sites
TYPES = ("statement", "meeting", "talks", "vote", "vote", "session", "report", "summit", "hearing", "legal",
         "warrant", "veto")
PLACES = ("New York", "Geneva", "Kyiv", "Brussels", "The Hague", "Vienna", "Istanbul", "Riyadh", "Paris")
PUBLISHERS = ("UN News", "Reuters", "Associated Press", "Agence France-Presse", "BBC News", "Le Monde",
              "Kyiv Independent", "Al Jazeera", "Deutsche Welle", "The Guardian")
SYLLABLES = ("ka", "lor", "mi", "ten", "sa", "vro", "del", "an", "ri", "bo", "us", "ter", "na", "gal", "ost")
WORDS = ("the", "assembly", "council", "delegation", "resolution", "ceasefire", "statement", "ministers",
         "talks", "children", "return", "sanctions", "humanitarian", "corridor", "envoy", "draft", "vote",
         "members", "security", "withdrawal", "territorial", "integrity", "support", "agreed", "called",
         "for", "a", "an", "of", "to", "and", "in", "on", "with", "after", "before", "its", "their",
         "session", "report", "evidence", "court", "warrant", "meeting", "summit", "aid", "reparation")


@dataclass(frozen=True)
class SyntheticActor:
    slug: str
    name: str
    kind: str
    affiliation: str | None = None


def made_up_name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraphs(rng: random.Random) -> str:
    return "\n\n".join(" ".join(sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(3, 5)))
                       for _ in range(rng.randint(2, 4)))


def make_actors(rng: random.Random, count: int) -> list[SyntheticActor]:
    """The two voting bodies, then states, organisations and people (each person speaks for a state)."""
    actors = [SyntheticActor(slug, name, "organisation") for slug, (name, _) in BODIES.items()]
    states: list[SyntheticActor] = []
    for number in range(len(actors), count):
        share = number / count
        if share < 0.55:
            name = f"{made_up_name(rng, 3)} {number:03d}"
            actor = SyntheticActor(f"state-{number:03d}", f"Republic of {name}", "state")
            states.append(actor)
        elif share < 0.7:
            actor = SyntheticActor(f"organisation-{number:03d}", f"{made_up_name(rng, 2)} Union {number:03d}",
                                   "organisation")
        else:
            actor = SyntheticActor(f"person-{number:03d}", f"{made_up_name(rng, 2)} {made_up_name(rng, 3)}",
                                   "person", rng.choice(states).slug if states else None)
        actors.append(actor)
    return actors


def actor_file(actor: SyntheticActor, rng: random.Random) -> str:
    role = {"state": "Member state of the United Nations", "organisation": "International organisation",
            "person": "Envoy"}[actor.kind]
    lines = ["---", f"name: {actor.name}", f"kind: {actor.kind}", f"role: {role}"]
    if actor.kind == "state":
        lines.append(f"code: {state_code(actor)}")
    if actor.affiliation:
        lines.append(f"affiliation: {actor.affiliation}")
    if actor.slug in BODIES:
        lines.append(f"members: {BODIES[actor.slug][1]}")
    return "\n".join(lines) + "\n---\n" + paragraphs(rng) + "\n"


def state_code(actor: SyntheticActor) -> str:
    """A made-up code of three capital letters, one for each of the states' numbers."""
    number = int(actor.slug.rsplit("-", 1)[1])
    return "".join(chr(ord("A") + number // 26 ** power % 26) for power in (2, 1, 0))


def members(rng: random.Random, cast: list[SyntheticActor]) -> list[SyntheticActor]:
    """The assembly's members: every state of the cast, and as many more, with no file, as make its number."""
    states = [actor for actor in cast if actor.kind == "state"]
    more = BODIES[ASSEMBLY][1] - len(states)
    # Numbered after the cast, so that their codes are not the cast's.
    return states + [SyntheticActor(f"state-{number:04d}", f"Republic of {made_up_name(rng, 3)} {number:04d}", "state")
                     for number in range(len(cast), len(cast) + more)]


def member_states(states: list[SyntheticActor]) -> str:
    """The table of member states (TIMELINE_MEMBER_STATES): the groups in turn."""
    groups = ("African", "Asia-Pacific", "Eastern European", "Latin American and Caribbean",
              "Western European and Others")
    return "code,name,group,admitted\n" + "".join(f"{state_code(state)},{state.name},{groups[number % 5]},1945-10-24\n"
                                                   for number, state in enumerate(states))


def roll_call(rng: random.Random, written: dict[str, str], left: dict[str, int], states: list[SyntheticActor]) -> str:
    """An assembly vote's roll call: the states whose positions are written vote so, and the others share out
    what the tally has left, in a random order."""
    others = [state_code(state) for state in states if state.slug not in written]
    rng.shuffle(others)
    words = [word for word, number in left.items() for _ in range(number)]
    votes = {**{state_code(state): written[state.slug] for state in states if state.slug in written},
             **dict(zip(others, words))}
    return ("record: A/ES-11/PV.1\ncopy: https://data.example.org/votes.csv\ntaken: 2026-01-02\nvotes:\n"
            + "".join(f"  {code}: {word}\n" for code, word in sorted(votes.items())))


def pick_actors(rng: random.Random, actors: list[SyntheticActor], weights: list[float]) -> list[SyntheticActor]:
    """Three to eight distinct actors; a few actors (as in the real record) appear in most events."""
    wanted = rng.randint(3, 8)
    chosen: dict[str, SyntheticActor] = {}
    while len(chosen) < wanted:
        actor = rng.choices(actors, weights)[0]
        chosen.setdefault(actor.slug, actor)
    return list(chosen.values())


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def event_front_matter(rng: random.Random, title: str, when: datetime.date, kind: str, summary: str,
                       present: list[SyntheticActor], assembly: list[SyntheticActor] | None
                       ) -> tuple[list[str], str | None]:
    """An event's front matter, and, given the `assembly`, the roll call of an assembly vote: every member."""
    lines = ["---", f"title: {quoted(title)}", f"date: {when.isoformat()}", f"type: {kind}",
             f"summary: {quoted(summary)}", f"location: {rng.choice(PLACES)}"]
    if kind == "vote":
        body = rng.choice(list(BODIES))
        present = [a for a in present if a.slug not in BODIES] + [SyntheticActor(body, BODIES[body][0],
                                                                                  "organisation")]
        members = BODIES[body][1]
        yes = rng.randint(members // 2, members - 3)
        no = rng.randint(0, (members - yes) // 2)
        abstain = rng.randint(0, members - yes - no)
        left = {"yes": yes, "no": no, "abstain": abstain, "absent": members - yes - no - abstain}
        lines += [f"body: {body}", f"symbol: A/RES/ES-11/{rng.randint(10, 999)}",
                  "tally: {" + ", ".join(f"{word}: {number}" for word, number in left.items()) + "}"]
    lines.append("actors: [" + ", ".join(a.slug for a in present) + "]")
    states = [a for a in present if a.kind == "state"]
    written = {}
    if kind == "vote" and states:
        lines.append("positions:")
        for state in states:  # each state's vote one of those the tally still has room for, as the build checks
            written[state.slug] = rng.choice([word for word, number in left.items() if number])
            left[written[state.slug]] -= 1
            lines.append(f"  {state.slug}: {written[state.slug]}")
    sources = rng.randint(2, 3)
    speakers = [a for a in present if a.kind == "person"]
    if speakers:
        lines.append("quotes:")
        for speaker in speakers[:2]:
            lines += [f"  - speaker: {speaker.slug}", f"    text: {quoted(sentence(rng, 10))}",
                      f"    source: {rng.randint(1, sources)}"]
    lines.append("sources:")
    for number in range(sources):
        published = when + datetime.timedelta(days=rng.randint(0, 3))
        lines += [f"  - title: {quoted(sentence(rng, 7))}", f"    publisher: {rng.choice(PUBLISHERS)}",
                  f"    date: {min(published, LAST_DAY).isoformat()}",
                  f"    url: https://news.example.org/{when:%Y/%m/%d}/{rng.randrange(10**8):08d}-{number}"]
    called = roll_call(rng, written, left, assembly) if assembly and kind == "vote" and body == ASSEMBLY else None
    return lines + ["---"], called


def write_sites(root: Path, events: int, actors: int, seed: int = 7, roll_calls: bool = False) -> tuple[Path, Path]:
    """Write `root/timeline` (our format) and `root/plain` (plain Pelican's); return both folders. With
    `roll_calls`, every assembly vote has its roll call, all 193 members (plain Pelican has nothing like it)."""
    rng = random.Random(seed)
    ours, plain = root / "timeline", root / "plain"
    for folder in (ours / "events", ours / "actors", plain / "events", plain / "pages"):
        folder.mkdir(parents=True, exist_ok=True)
    cast = make_actors(rng, actors)
    assembly = members(rng, cast) if roll_calls else [actor for actor in cast if actor.kind == "state"]
    (ours / "member-states.csv").write_text(member_states(assembly), encoding="utf-8")
    if roll_calls:
        (ours / "roll-calls").mkdir()
    for actor in cast:
        text = actor_file(actor, rng)
        (ours / "actors" / f"{actor.slug}.md").write_text(text, encoding="utf-8")
        body = text.split("---\n", 2)[2]
        (plain / "pages" / f"{actor.slug}.md").write_text(f"Title: {actor.name}\n\n{body}", encoding="utf-8")
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(cast))]
    span = (LAST_DAY - FIRST_DAY).days
    for number in range(events):
        when = FIRST_DAY + datetime.timedelta(days=rng.randrange(span + 1))
        kind = rng.choice(TYPES)
        title = f"{sentence(rng, rng.randint(5, 9))[:-1]} ({number})"
        summary = sentence(rng, rng.randint(15, 30))
        front, called = event_front_matter(rng, title, when, kind, summary, pick_actors(rng, cast, weights),
                                           assembly if roll_calls else None)
        body = paragraphs(rng)
        slug = f"{when.isoformat()}-{kind}-{number:05d}"
        (ours / "events" / f"{slug}.md").write_text("\n".join(front) + "\n" + body + "\n", encoding="utf-8")
        if called:
            (ours / "roll-calls" / f"{slug}.yaml").write_text(called, encoding="utf-8")
        (plain / "events" / f"{slug}.md").write_text(
            f"Title: {title}\nDate: {when.isoformat()}\nSummary: {summary}\n\n{body}\n", encoding="utf-8")
    return ours, plain
