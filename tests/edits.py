"""An editor's changes to the benchmark's synthetic record (benchmarks/synthetic.py), each chosen by a kind and
placed by a number, for the tests of rebuilds: bodies, titles, summaries, dates, events added, removed and
renamed, actors renamed, added and edited, a roll call's votes, a state's regional group."""

from __future__ import annotations

import re
from pathlib import Path

KINDS = ("body", "title", "summary", "move", "add", "remove", "rename", "actor-name", "actor-body", "actor-rename",
         "new-actor", "roll-call", "member-group")
GROUPS = ("African", "Asia-Pacific", "Eastern European", "Latin American and Caribbean", "Western European and Others")


def replace_line(path: Path, field: str, value: str) -> None:
    path.write_text(re.sub(rf"^{field}: .*$", lambda _: f"{field}: {value}", path.read_text(), count=1, flags=re.M))


def moved(path: Path, day: int) -> str:
    """A new file name for an event, on the `day`th day of 2023 (file names start with the date)."""
    date = f"2023-{1 + day % 12:02d}-{1 + day % 28:02d}"
    return date + path.stem[len("2022-02-24"):]


def change(content: Path, kind: str, number: int) -> None:
    """Make one editor's change to the record, chosen by `kind` and placed by `number`."""
    events = sorted((content / "events").glob("*.md"))
    event = events[number % len(events)]
    people = sorted((content / "actors").glob("person-*.md"))
    if kind == "body":
        with event.open("a", encoding="utf-8") as body:
            body.write(f"\nA sentence added, number {number}.\n")
    elif kind in ("title", "summary"):
        replace_line(event, kind, f'"A {kind} rewritten ({number})"')
    elif kind in ("move", "rename"):
        stem = moved(event, number) if kind == "move" else f"{event.stem}-{number}"
        if kind == "move":
            replace_line(event, "date", stem[:10])
        target = event.with_name(f"{stem}.md")
        if not target.exists():
            rename_with_roll_call(content, event, target)
    elif kind == "add":
        added = event.with_name(f"{moved(event, number)}-added-{number}.md")
        added.write_text(event.read_text().replace("date: " + event.stem[:10], "date: " + added.stem[:10]))
        replace_line(added, "title", f'"An event added ({number})"')
    elif kind == "remove" and len(events) > 2:
        event.unlink()
        (content / "roll-calls" / f"{event.stem}.yaml").unlink(missing_ok=True)
    elif kind == "actor-name" and people:
        replace_line(people[number % len(people)], "name", f"A Renamed Person {number}")
    elif kind == "actor-body":
        actors = sorted((content / "actors").glob("*.md"))
        with actors[number % len(actors)].open("a", encoding="utf-8") as body:
            body.write(f"\nA sentence added, number {number}.\n")
    elif kind == "actor-rename" and people:
        rename_actor(content, people[number % len(people)], f"person-renamed-{number}")
    elif kind == "new-actor":
        add_actor(content, event, number)
    elif kind == "roll-call":
        swap_two_votes(content, number)
    elif kind == "member-group":
        regroup(content / "member-states.csv", number)


def rename_with_roll_call(content: Path, event: Path, target: Path) -> None:
    event.rename(target)
    roll_call = content / "roll-calls" / f"{event.stem}.yaml"
    if roll_call.exists():
        roll_call.rename(roll_call.with_name(f"{target.stem}.yaml"))


def rename_actor(content: Path, actor: Path, slug: str) -> None:
    """Rename an actor's file and every mention of it, as an editor renaming a person would."""
    old, target = actor.stem, actor.with_name(f"{slug}.md")
    if target.exists():
        return
    actor.rename(target)
    for path in (content / "events").glob("*.md"):
        path.write_text(re.sub(rf"\b{re.escape(old)}\b", slug, path.read_text()))


def add_actor(content: Path, event: Path, number: int) -> None:
    """A new person, named among an event's actors."""
    slug = f"person-new-{number}"
    if (content / "actors" / f"{slug}.md").exists():
        return
    (content / "actors" / f"{slug}.md").write_text(
        f"---\nname: A New Person {number}\nkind: person\nrole: Envoy\n---\nA person added between builds.\n")
    event.write_text(re.sub(r"^actors: \[", f"actors: [{slug}, ", event.read_text(), count=1, flags=re.M))


def regroup(table: Path, number: int) -> None:
    """Move a member state to another regional group in the table of member states: its page says so, whether
    or not it has a file of its own."""
    lines = table.read_text().splitlines(keepends=True)
    # Half the time one with a file (whose names end in three digits), else one of the many without.
    rows = [row for row, line in enumerate(lines[1:], 1) if bool(re.search(r" \d{3},", line)) == (number % 2 == 0)]
    row = rows[number // 2 % len(rows)]
    code, name, group, admitted = lines[row].rstrip("\n").split(",")
    lines[row] = ",".join([code, name, GROUPS[(GROUPS.index(group) + 1) % len(GROUPS)], admitted]) + "\n"
    table.write_text("".join(lines))


def swap_two_votes(content: Path, number: int) -> None:
    """Swap the recorded votes of two members in one roll call, among those with no file (whose votes no
    event's positions repeat): its tally still holds."""
    roll_calls = sorted((content / "roll-calls").glob("*.yaml"))
    table = (content / "member-states.csv").read_text().splitlines()[1:]
    file_less = {line.split(",")[0] for line in table if re.search(r" \d{4},", line)}
    if not roll_calls:
        return
    path = roll_calls[number % len(roll_calls)]
    lines = path.read_text().splitlines(keepends=True)
    votes = [index for index, line in enumerate(lines) if line.split(":")[0].strip() in file_less]
    first, second = votes[number % len(votes)], votes[(number // 7) % len(votes)]
    word = re.compile(r": (\w+)$")
    a, b = word.search(lines[first]).group(1), word.search(lines[second]).group(1)
    lines[first], lines[second] = word.sub(f": {b}", lines[first]), word.sub(f": {a}", lines[second])
    path.write_text("".join(lines))
