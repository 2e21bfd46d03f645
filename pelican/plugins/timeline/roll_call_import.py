"""`invoke import-roll-call`: a vote's roll call taken from a machine-readable copy of the body's voting
record, checked against the event's tally, written as content/roll-calls/<event>.yaml.

Two layouts of CSV are read, each naming members by code: one row per member and resolution, with the
columns `ms_code`, `ms_vote` and `resolution` (a library's voting data); or one row per resolution, with a
`Resolution` column and a column per member code. A third layout names members: JSON, an object per
resolution (one a line, or a list of them) with its `symbol` and the lists `MS_in_favour`, `MS_against` and
`MS_abstaining` of members' names, however they are spelled or cased. A member of the site's table that the
copy leaves out did not vote.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pycountry

from .content_data import content_data
from .files import slug_of
from .member_states import CODE, MemberState, read_member_states
from .problems import ContentError
from .reader import front_matter

# What each layout writes for a vote, as the roll call's words; blank is a member that did not vote.
VOTE_WORDS = {"Y": "yes", "YES": "yes", "N": "no", "NO": "no", "A": "abstain", "ABSTAIN": "abstain", "X": "absent",
              "NV": "absent", "NON-VOTING": "absent", "": "absent"}
LONG, WIDE = ("ms_code", "ms_vote", "resolution"), "Resolution"
# The lists of members' names in the JSON layout, and the vote each gives.
NAMED = {"MS_in_favour": "yes", "MS_against": "no", "MS_abstaining": "abstain"}
# Names that copies of older records still use for members renamed since, which neither the table nor ISO
# 3166 keeps: Türkiye (2022), North Macedonia (2019), Eswatini (2018), Cabo Verde (2013).
FORMER_NAMES = {"Turkey": "TUR", "The former Yugoslav Republic of Macedonia": "MKD", "Swaziland": "SWZ",
                "Cape Verde": "CPV"}


class NotImported(Exception):
    """Why nothing was written, in one line."""


def plain_name(name: str) -> str:
    """A name as copies may spell it: `Côte d'Ivoire`, `COTE D'IVOIRE` and `Cote d Ivoire` alike."""
    letters = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", letters))


def codes_by_name(members: list[MemberState]) -> dict[str, str]:
    """Each member's code by every name a copy may give it: the table's; ISO 3166's short, official and common
    names (pycountry); and a former name."""
    codes = {member.code for member in members}
    names = {name: code for name, code in FORMER_NAMES.items() if code in codes}
    for code in sorted(codes):
        country = pycountry.countries.get(alpha_3=code)
        names |= {getattr(country, kind): code for kind in ("common_name", "official_name", "name")
                  if getattr(country, kind, None)}
    return {plain_name(name): code for name, code in {**names, **{m.name: m.code for m in members}}.items()}


def named_votes(text: str, symbol: str, members: list[MemberState]) -> dict[str, str]:
    """Each member's vote on `symbol` from the JSON layout, by the code of the member each name is."""
    try:
        found = json.loads(text) if text.lstrip().startswith("[") else [json.loads(line) for line in
                                                                         text.splitlines() if line.strip()]
    except json.JSONDecodeError as error:
        raise NotImported(f"the copy is not JSON: {error.msg} on line {error.lineno}") from None
    resolution = next((item for item in found if isinstance(item, dict) and item.get("symbol") == symbol), None)
    if resolution is None:
        raise NotImported(f"the copy holds no vote on `{symbol}`")
    by_name, votes, unknown = codes_by_name(members), {}, []
    for key, word in NAMED.items():
        for name in resolution.get(key) or []:
            if code := by_name.get(plain_name(str(name))):
                votes[code] = word
            else:
                unknown.append(str(name))
    if unknown:
        raise NotImported(f"the copy names {', '.join(map(repr, unknown))}, which are not the names of members of the "
                          "table nor their ISO 3166 names; write them as the table does in the copy")
    return votes


def votes_of(text: str, symbol: str, members: list[MemberState]) -> dict[str, str]:
    """Each member's vote on the resolution `symbol`, by code, as the copy gives it."""
    if text.lstrip().startswith(("{", "[")):
        return named_votes(text, symbol, members)
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
    states = read_member_states(*table, problems) if table else []
    members = [member.code for member in states]
    if problems or not members:
        raise NotImported(f"{problems[0] if problems else 'TIMELINE_MEMBER_STATES names no table of member states'}")
    votes = votes_of(source.read_text(encoding="utf-8-sig"), symbol, states)
    if strangers := sorted(set(votes) - set(members)):
        raise NotImported(f"the copy names {', '.join(strangers)}, not in the table of member states")
    counted = Counter(votes.get(code, "absent") for code in members)
    if wrong := [f"{counted[word]} {word} (the tally says {tally[word]})" for word in ("yes", "no", "abstain")
                 if tally.get(word) is not None and counted[word] != tally[word]]:
        raise NotImported(f"the copy counts {', '.join(wrong)}; nothing written")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(roll_call_text(votes, members, record, copy, today or datetime.date.today()), encoding="utf-8")
    return target, sorted(set(members) - set(votes))
