"""`invoke import-roll-call`: a vote's roll call taken from a machine-readable copy of the body's voting
record, checked against the event's tally, written as content/roll-calls/<event>.yaml.

Two layouts of CSV are read, each naming members by code: one row per member and resolution, with the
columns `ms_code`, `ms_vote` and `resolution` (a library's voting data); or one row per resolution, with a
`Resolution` column and a column per member code. A member of the site's table that the copy leaves out
did not vote.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from pathlib import Path

from .content_data import content_data
from .files import slug_of
from .member_states import CODE, read_member_states
from .problems import ContentError
from .reader import front_matter

# What each layout writes for a vote, as the roll call's words; blank is a member that did not vote.
VOTE_WORDS = {"Y": "yes", "YES": "yes", "N": "no", "NO": "no", "A": "abstain", "ABSTAIN": "abstain", "X": "absent",
              "NV": "absent", "NON-VOTING": "absent", "": "absent"}
LONG, WIDE = ("ms_code", "ms_vote", "resolution"), "Resolution"


class NotImported(Exception):
    """Why nothing was written, in one line."""


def votes_of(text: str, symbol: str) -> dict[str, str]:
    """Each member's vote on the resolution `symbol`, by code, as the copy gives it."""
    rows = csv.DictReader(io.StringIO(text))
    columns = rows.fieldnames or []
    if all(column in columns for column in LONG):
        found = {row["ms_code"].strip(): row["ms_vote"] for row in rows if row["resolution"].strip() == symbol}
    elif WIDE in columns:
        row = next((row for row in rows if row[WIDE].strip() == symbol), None)
        found = {column: row[column] for column in columns if CODE.fullmatch(column)} if row else {}
    else:
        raise NotImported(f"the copy's columns are neither {', '.join(LONG)} nor `{WIDE}` with a column per member "
                          "code")
    if not found:
        raise NotImported(f"the copy holds no vote on `{symbol}`")
    unread = sorted({value for value in found.values() if (value or "").strip().upper() not in VOTE_WORDS})
    if unread:
        raise NotImported(f"the copy gives votes as {', '.join(map(repr, unread))}; expected Y, N, A, X or NV "
                          "(or YES, NO, ABSTAIN, blank)")
    return {code: VOTE_WORDS[(value or "").strip().upper()] for code, value in found.items()}


def roll_call_text(votes: dict[str, str], members: list[str], record: str, copy: str, today: datetime.date) -> str:
    lines = [f"record: {record}", f"copy: {copy}", f"taken: {today.isoformat()}", "votes:"]
    return "\n".join(lines + [f"  {code}: {votes.get(code, 'absent')}" for code in sorted(members)]) + "\n"


def import_roll_call(event: str, source: Path, record: str, copy: str, content: Path, settings: dict,
                     today: datetime.date | None = None) -> tuple[Path, list[str]]:
    """Write the roll call of the event named `event` from the copy `source`; give its path and the members the
    copy left out (written as not voting). Raises NotImported, writing nothing, when anything does not fit."""
    event_file = next((content / folder / f"{event}.md" for folder in settings["EVENT_PATHS"]
                       if (content / folder / f"{event}.md").is_file()), None)
    target = content / settings["ROLL_CALL_PATHS"][0] / f"{slug_of(event)}.yaml"
    if event_file is None:
        raise NotImported(f"no event `{event}` in {content}/; expected the name of a vote's file, without .md")
    if target.exists():
        raise NotImported(f"{target} exists; remove it first to take the roll call again")
    front, _, problem = front_matter(event_file.read_text(encoding="utf-8"))
    fields = front.data if front and not problem else {}
    tally, symbol = fields.get("tally"), fields.get("symbol")
    if not isinstance(tally, dict) or not isinstance(symbol, str):
        raise NotImported(f"{event_file} has no `tally` and `symbol` to take the roll call by")
    try:
        table = content_data(content, settings).member_states
    except ContentError as error:
        raise NotImported(str(error)) from None
    problems: list = []
    members = [member.code for member in read_member_states(*table, problems)] if table else []
    if problems or not members:
        raise NotImported(f"{problems[0] if problems else 'TIMELINE_MEMBER_STATES names no table of member states'}")
    votes = votes_of(source.read_text(encoding="utf-8-sig"), symbol)
    if strangers := sorted(set(votes) - set(members)):
        raise NotImported(f"the copy names {', '.join(strangers)}, not in the table of member states")
    counted = Counter(votes.get(code, "absent") for code in members)
    if wrong := [f"{counted[word]} {word} (the tally says {tally[word]})" for word in ("yes", "no", "abstain")
                 if tally.get(word) is not None and counted[word] != tally[word]]:
        raise NotImported(f"the copy counts {', '.join(wrong)}; nothing written")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(roll_call_text(votes, members, record, copy, today or datetime.date.today()), encoding="utf-8")
    return target, sorted(set(members) - set(votes))
