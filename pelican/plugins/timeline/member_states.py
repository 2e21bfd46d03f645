"""The member states a site lists (TIMELINE_MEMBER_STATES, a CSV file in content/): each is a state of the
record, with a page of its own, whether or not an actor file writes about it; an actor file joins its
state by `code`."""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
from dataclasses import dataclass, replace

from .dates import format_date
from .files import suggested_slug
from .i18n import _
from .markup import hidden_character, markup_in_text
from .model import Actor
from .problems import Problem

COLUMNS = ["code", "name", "group", "admitted"]
HEADER = "a first line `code,name,group,admitted`, then one line per member state"
# ISO 3166-1 alpha-3, as international bodies' own records use it.
CODE = re.compile(r"[A-Z]{3}")
CODE_EXPECTED = "three capital letters, the state's ISO 3166-1 alpha-3 code (`UKR`)"
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class MemberState:
    code: str
    name: str
    group: str
    admitted: datetime.date
    line: int
    # Its actor's slug, from its name in the site's own table: the same address in every edition.
    slug: str = ""


def same_name(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


class Table:
    """The rows of the table read so far, and the problems found in them."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path, self.problems = path, problems
        self.members: list[MemberState] = []
        self.codes: set[str] = set()
        self.names: set[str] = set()

    def problem(self, line: int, field: str, problem: str, expected: str) -> None:
        self.problems.append(Problem(self.path, line, field, problem, expected))

    def text(self, line: int, field: str, value: str | None) -> str | None:
        if not value or not value.strip():
            self.problem(line, field, "is empty", f"the state's {field}")
            return None
        if hidden := hidden_character(value):
            self.problem(line, field, f"holds {hidden[1]} (#x{ord(hidden[0]):04x})", "plain text without it")
            return None
        if markup := markup_in_text(value):
            self.problem(line, field, f"holds markup, `{markup}`", "plain text")
            return None
        return value.strip()

    def row(self, line: int, row: dict) -> None:
        code, name, group = row.get("code") or "", self.text(line, "name", row.get("name")), \
            self.text(line, "group", row.get("group"))
        admitted = self.date(line, row.get("admitted") or "")
        if not CODE.fullmatch(code):
            self.problem(line, "code", f"is {code!r}", CODE_EXPECTED)
        elif code in self.codes:
            self.problem(line, "code", f"`{code}` is listed twice", "each member state once")
        elif name and same_name(name) in self.names:
            self.problem(line, "name", f"`{name}` is listed twice", "each member state once, by its own name")
        elif name and group and admitted:
            self.codes.add(code)
            self.names.add(same_name(name))
            self.members.append(MemberState(code, name, group, admitted, line, suggested_slug(name)))

    def date(self, line: int, value: str) -> datetime.date | None:
        try:
            if DATE.fullmatch(value):
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        self.problem(line, "admitted", f"is {value!r}", "the day the state was admitted, written YYYY-MM-DD")
        return None


def read_member_states(path: str, text: str, problems: list[Problem]) -> list[MemberState]:
    """The table's member states, each row checked; problems name the file, the line and the column."""
    table = Table(path, problems)
    rows = csv.DictReader(text.splitlines(), strict=True)
    try:
        if rows.fieldnames != COLUMNS:
            table.problem(1, "columns", f"are {', '.join(rows.fieldnames or []) or 'missing'}", HEADER)
            return []
        for row in rows:
            if None in row or None in row.values():
                table.problem(rows.line_num, "columns", "a line with more or fewer values than the header",
                              "four values, separated by commas (a name with a comma in double quotes)")
            else:
                table.row(rows.line_num, row)
    except csv.Error as error:
        table.problem(rows.line_num, "columns", f"cannot be read as CSV ({error})", HEADER)
    return table.members


def translated_members(members: list[MemberState], path: str, text: str, original: str,
                       problems: list[Problem]) -> list[MemberState]:
    """The members with their names and groups from the table's translation (`content/uk/…csv`), which must
    list the same states in the same order, admitted on the same days, each group named one way."""
    translated = read_member_states(path, text, problems)
    if len(translated) != len(members):
        problems.append(Problem(path, 1, "rows", f"lists {len(translated)} member states, {original} {len(members)}",
                                f"a line for each line of {original}, in its order"))
        return members
    groups: dict[str, str] = {}
    for member, translation in zip(members, translated):
        for field in ("code", "admitted"):
            if getattr(member, field) != getattr(translation, field):
                problems.append(Problem(path, translation.line, field, f"differs from line {member.line} of "
                                        f"{original}", "the same value: a translation changes only names"))
        if groups.setdefault(member.group, translation.group) != translation.group:
            problems.append(Problem(path, translation.line, "group", f"`{translation.group}`, where the group "
                                    f"`{member.group}` is `{groups[member.group]}` on another line",
                                    "one name for each group"))
    return [replace(member, name=translation.name, group=translation.group)
            for member, translation in zip(members, translated)]


def member_actor(member: MemberState, settings: dict, path: str) -> Actor:
    """The actor of a member state that no actor file writes about."""
    slug = member.slug
    role = _("Member state since %(date)s, %(group)s group") % {"date": format_date(member.admitted),
                                                                 "group": member.group}
    return Actor(slug=slug, name=member.name, kind="state", role=role,
                 sort_name=member.name, html="", source_path=path, url=settings["ACTOR_URL"].format(slug=slug),
                 code=member.code, group=member.group, admitted=member.admitted)


def add_member_states(members: list[MemberState], actors: dict[str, Actor], settings: dict, path: str,
                      problems: list[Problem]) -> None:
    """Give each actor file's state its row of the table, and every other member an actor of its own."""
    by_code = {actor.code: actor for actor in actors.values() if actor.code}
    by_name = {same_name(actor.name): actor for actor in actors.values()}
    for member in members:
        if written := by_code.get(member.code):
            written.group, written.admitted = member.group, member.admitted
            continue
        if (namesake := by_name.get(same_name(member.name))) is not None:
            problems.append(Problem(namesake.source_path, 1, "code", f"missing, though the name is that of the "
                                    f"member state `{member.code}` of {path}",
                                    f"`code: {member.code}`, so that the file and the member are one state"))
            continue
        actor = member_actor(member, settings, path)
        if actor.slug in actors:
            problems.append(Problem(path, member.line, "name", f"makes the address of "
                                    f"{actors[actor.slug].source_path}, another actor",
                                    f"`code: {member.code}` in that file, if it is this state"))
            continue
        actors[actor.slug] = actor
