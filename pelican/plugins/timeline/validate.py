"""From the front matter of every file to a checked model, or to the full list of what is wrong.

Each check names the file, the line, the field and what was expected, and checking goes on after a
problem so that an editor sees every mistake of a run at once.
"""

from __future__ import annotations

import bisect
import datetime
import html
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

from .dates import DATE_QUALIFIERS, THIRDS, Period, format_date
from .files import SLUG, edition_folder, slug_of
from .links import EXPECTED as LINK_EXPECTED, ORDINARY as ORDINARY_LINK, link_problem
from .citing import EXAMPLE as CITATION_EXAMPLE
from .content_data import ContentData
from .markup import find_unsafe_markup, markup_in_text, strip_markup
from .member_states import add_member_states, read_member_states, translated_members
from .model import (VOTE_WORDS, Actor, Citation, Conflict, Correction, Event, Figure, Position,
                    Quote, Report, Source, Tally, Term, Timeline, TimePeriod)
from .problems import ContentError, Problem, closest, count, describe
from .reader import PAGE_STATUSES
from .roll_calls import parse_roll_call
from .settings import site_folders
from .skeleton import PLACEHOLDER_BIOGRAPHY, PLACEHOLDER_BODY
from .symbols import short_symbol, symbol_url

PAGE_FIELDS = {"title", "status"}
ACTOR_FIELDS = {"name", "kind", "role", "affiliation", "sort_name", "aliases", "members", "veto_holders", "elected",
                "code"}
TERM = "a term as `{state: albania, from: 2022, until: 2023}`: an actor of kind state, its first and last years"
ACTOR_KINDS = ("state", "organisation", "person")
EVENT_FIELDS = {"title", "date", "precision", "end", "date_qualifier", "type", "summary", "actors", "location",
                "symbol", "subject", "body", "tally", "outcome", "positions", "quotes", "sources", "conflicts",
                "figures", "corrections", "follows"}
PERIOD_FIELDS = {"title", "date", "end", "summary", "sources"}
# A period's title labels its band on the axis, which must fit a phone's width; and periods at the same time take
# a row of bands each, above the events, at most this many.
PERIOD_TITLE_LENGTH = 40
PERIOD_ROWS = 4
TERM_YEARS = (1, 9999)
PRECISIONS = {4: "year", 7: "month", 10: "day"}
OUTCOMES = ("adopted", "rejected", "vetoed")
FIGURE_QUALIFIERS = ("exactly", "at-least", "more-than")
DATE_FORMS = "a date written YYYY-MM-DD, YYYY-MM or YYYY"
CORRECTION_DAY = "the day the correction was made, written YYYY-MM-DD"
# A file name that starts with a date, written to the day, the month or the year: `2023-02-23-…`, `2022-03`.
NAMED_DATE = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?(?=-|$)")
# What an editor writes for a source that shows no date of its own, so that no date is left out by mistake.
UNKNOWN = "unknown"
SOURCE_NUMBERS = "the number of the source in `sources` (`source: 2`), or a list of them (`source: [1, 3]`)"
# Fields that named a source in words before sources were cited by number.
RENAMED = {"by": "source", "official_by": "official_source"}
SOURCE_DATE = f"the day the source was published, written YYYY-MM-DD, or `{UNKNOWN}` if the source shows none"
# What RFC 3986 allows in no part of an address, unless written as %XX.
NOT_IN_URLS = re.compile(r'[\x00-\x20\x7f<>"{}|\\^`]')


@dataclass
class SourceFile:
    """What the reader made of one file; Pelican's `read_file` builds it as its content class."""

    content: str
    metadata: dict
    settings: dict
    source_path: str
    context: dict | None = None

    @property
    def slug(self) -> str:
        return slug_of(self.source_path)


class Fields:
    """Typed access to one file's front matter; every failed read becomes a Problem."""

    def __init__(self, doc: SourceFile, path: str, problems: list[Problem]):
        self.data = doc.metadata["frontmatter"]
        self.lines = doc.metadata["field_lines"]
        self.path = path
        self.problems = problems
        self.strip_unsafe = doc.settings["TIMELINE_UNSAFE_MARKUP"] == "strip"
        self.first_year = doc.settings["TIMELINE_FIRST_YEAR"]

    def line(self, field: str) -> int:
        """The field's own line, else its nearest parent's, else the first line of the file."""
        while field:
            if field in self.lines:
                return self.lines[field]
            field = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", field) if re.search(r"[.\[]", field) else ""
        return 1

    def problem(self, field: str, problem: str, expected: str) -> None:
        self.problems.append(Problem(self.path, self.line(field), field, problem, expected))

    def get(self, field: str, data: dict | None = None) -> object:
        return (self.data if data is None else data).get(field.rsplit(".", 1)[-1])

    def unknown(self, allowed: set[str], data: dict | None = None, prefix: str = "") -> None:
        for key in (self.data if data is None else data):
            if key in RENAMED and RENAMED[key] in allowed:
                self.problem(prefix + key, f"`{key}` is now `{RENAMED[key]}`, which names the source by number",
                             SOURCE_NUMBERS)
            elif key not in allowed:
                self.problem(prefix + key, f"unknown field{closest(key, allowed)}",
                             "one of " + ", ".join(sorted(allowed)))

    def scalar(self, field: str, value: object, what: str, expected: str) -> bool:
        """Whether `value` is one value (a word, a number, true/false), not a list or a group."""
        if isinstance(value, str | int | float):
            return True
        self.problem(field, f"is {describe(value)}, not {what}", expected)
        return False

    def text(self, field: str, data: dict | None = None, required: bool = True) -> str | None:
        """A line of plain text (see markup.py for what that may hold), with its spaces folded."""
        value = self.get(field, data)
        if value is None or value == "":
            if required:
                self.problem(field, "missing", "a line of text")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problem(field, f"is {describe(value)}, not text", "a line of text")
            return None
        value = str(value)
        if markup := markup_in_text(value):
            if not self.strip_unsafe:
                self.markup_problem(field, value, markup)
                return None
            value = strip_markup(value)
        text = " ".join(value.split())
        if not text and required:
            self.problem(field, "blank: only spaces" if value.strip() == "" else "blank once its markup is removed",
                         "a line of text")
        return text or None

    def markup_problem(self, field: str, value: str, markup: str) -> None:
        unsafe = find_unsafe_markup(html.unescape(value))
        if unsafe:
            self.problem(field, f"contains {', '.join(unsafe)}", "plain text without scripts or HTML")
        else:
            self.problem(field, f"contains `{markup}`, which would be read as HTML",
                         "plain text, shown as written: no tags or character references (write `&` or `—` "
                         "itself, and a space after `<`); formatting belongs in the body")

    def choice(self, field: str, allowed, data: dict | None = None, required: bool = True) -> str | None:
        value = self.get(field, data)
        if value is None:
            if required:
                self.problem(field, "missing", "one of " + ", ".join(allowed))
            return None
        return self.one_of(field, value, allowed)

    def one_of(self, field: str, value: object, allowed, hint: str = "", words_of: str = "") -> str | None:
        """Read one of the allowed words; `words_of` says what they are, when another field decides them."""
        expected = "one of " + ", ".join(allowed) + (f": {words_of}" if words_of else "")
        if not self.scalar(field, value, "one word", expected):
            return None
        if isinstance(value, bool) or str(value) not in allowed:
            self.problem(field, f"`{value}` is not allowed{hint or closest(value, allowed)}", expected)
            return None
        return str(value)

    def count(self, field: str, data: dict | None = None, required: bool = True) -> int | None:
        value = self.get(field, data)
        if value is None:
            if required:
                self.problem(field, "missing", "a whole number of 0 or more")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            what = f'`"{value}"` is text in quotes,' if isinstance(value, str) else f"{describe(value)} is"
            self.problem(field, f"{what} not a count", "a whole number of 0 or more without quotes, such as 91")
            return None
        return value

    def mapping(self, field: str, expected: str = "`name: value` lines indented under it") -> dict | None:
        value = self.get(field)
        if value is not None and not isinstance(value, dict):
            self.problem(field, f"is {describe(value)}, not a group of `name: value` lines", expected)
            return None
        return value

    def items(self, field: str, required: bool = False, data: dict | None = None) -> list:
        value = self.get(field, data)
        if value is None or value == []:
            if required:
                self.problem(field, "missing", "a list with at least one entry")
            return []
        if not isinstance(value, list):
            self.problem(field, f"is {describe(value)}, not a list", "a list, one `- ` entry per line or `[a, b]`")
            return []
        return value

    def entries(self, field: str, required: bool = False, data: dict | None = None) -> list[tuple[str, dict]]:
        """The list's entries that are mappings, with their field path (`sources[0]`)."""
        found = []
        for index, item in enumerate(self.items(field, required, data)):
            path = f"{field}[{index}]"
            if isinstance(item, dict):
                found.append((path, item))
            else:
                self.problem(path, f"is {describe(item)}, not a group of fields", "`- name: value` lines")
        return found

    def actor(self, field: str, slug: object, actors: dict[str, Actor],
              kinds: tuple[str, ...] = ACTOR_KINDS) -> Actor | None:
        expected = "the slug of a file in content/actors/ (add the actor's file first)"
        if isinstance(slug, bool) or not isinstance(slug, str | int):
            self.problem(field, "missing" if slug is None else f"is {describe(slug)}, not an actor's slug",
                         expected)
            return None
        actor = actors.get(str(slug))
        renamed = next((a for a in actors.values() if str(slug) in a.aliases), None) if actor is None else None
        if renamed:
            self.problem(field, f"`{slug}` is the former slug of `{renamed.slug}`",
                         f"`{renamed.slug}`, the actor's slug since its file was renamed")
        elif actor is None:
            self.problem(field, f"no actor `{slug}`{closest(slug, actors)}", expected)
        elif actor.kind not in kinds:
            article = "an" if actor.kind[0] in "aeiou" else "a"
            self.problem(field, f"`{slug}` is {article} {actor.kind}", "an actor of kind " + " or ".join(kinds))
            return None
        return actor

    def aliases(self, slug: str, files: dict[str, str], taken: dict[str, str]) -> tuple[str, ...]:
        """Read an actor's former slugs: each a slug that no actor has now and no other actor had. `files`
        holds each actor's file by its slug; `taken`, each former slug read so far with the file giving it."""
        given = self.items("aliases")
        found: list[str] = []
        for index, alias in enumerate(given):
            if problem := self.alias_problem(alias, slug, files, taken):
                self.problem(f"aliases[{index}]", *problem)
            elif alias not in found:
                found.append(alias)
                taken[alias] = self.path
        self.once_each("aliases", given, "each former slug once")
        return tuple(found)

    def alias_problem(self, alias: object, slug: str, files: dict[str, str],
                      taken: dict[str, str]) -> tuple[str, str] | None:
        """Say what keeps a former slug from leading to this actor, and what was expected."""
        if not isinstance(alias, str) or not SLUG.fullmatch(alias):
            return (f"{describe(alias)} is not a slug",
                    "a former name of the actor's file, without `.md`: lower-case letters, digits and hyphens")
        if alias == slug:
            return f"`{alias}` is the actor's own slug", "only slugs it had before its file was renamed"
        if alias in files:
            return f"`{alias}` is the slug of {files[alias]}", "a former slug that no actor has now"
        if taken.get(alias, self.path) != self.path:
            return (f"`{alias}` is also a former slug of {taken[alias]}",
                    "each former slug on one actor only, since its old address leads to one page")
        return None

    def members(self, kind: str) -> int | None:
        """A voting body's membership: an organisation's, a whole number of 1 or more."""
        if self.get("members") is None:
            return None
        if kind != "organisation":
            self.problem("members", f"is given for a {kind}", "`members` only on an organisation that votes")
            return None
        members = self.count("members")
        if members == 0:
            self.problem("members", "is 0", "the number of the body's members, 1 or more")
        return members or None

    def code(self, kind: str | None, codes: set[str], taken: dict[str, str], table: str) -> str | None:
        """A state's code in the site's table of member states, which joins the file to its member."""
        code = self.get("code")
        if code is None:
            return None
        if kind != "state":
            self.problem("code", f"is given for {'a ' + kind if kind else 'an actor'}", "`code` only on a state")
        elif not isinstance(code, str) or code not in codes:
            self.problem("code", f"is {describe(code)}, not the code of a member state in {table or 'a table'}",
                         "the code of the state's line in the table of member states (TIMELINE_MEMBER_STATES)")
        elif code in taken:
            self.problem("code", f"`{code}` is also the code of {taken[code]}", "each member state in one file")
        else:
            taken[code] = self.path
            return code
        return None

    def veto_holders(self, body: Actor, actors: dict[str, Actor]) -> list[Actor]:
        """The members of a voting body whose vote against a draft it vetoed is the veto."""
        slugs = self.items("veto_holders")
        if slugs and body.members is None:
            self.problem("veto_holders", "is given for an actor without `members`",
                         "`veto_holders` only on a voting body, with its `members`")
            return []
        self.once_each("veto_holders", slugs)
        found = (self.actor(f"veto_holders[{index}]", slug, actors, ("state", "organisation"))
                 for index, slug in enumerate(slugs))
        return [actor for actor in found if actor]

    def elected(self, body: Actor, actors: dict[str, Actor]) -> list[Term]:
        """A voting body's elected members, each with the years of its term."""
        entries = self.entries("elected")
        if entries and body.members is None:
            self.problem("elected", "is given for an actor without `members`", "`elected` only on a voting body, "
                         "with its `members`")
            return []
        terms = []
        for path, data in entries:
            self.unknown({"state", "from", "until"}, data, path + ".")
            state = self.actor(f"{path}.state", data.get("state"), actors, ("state",))
            first, last = (self.count(f"{path}.{key}", data) for key in ("from", "until"))
            if first is not None and last is not None and not TERM_YEARS[0] <= first <= last <= TERM_YEARS[1]:
                self.problem(f"{path}.until", f"{first} to {last} is not a term", f"{TERM}, from {TERM_YEARS[0]} "
                             f"to {TERM_YEARS[1]}, the last not before the first")
            elif state and first is not None and last is not None:
                terms.append(Term(state, first, last))
        return terms

    def once_each(self, field: str, slugs: list, expected: str = "each actor once") -> None:
        for slug, times in Counter(map(str, slugs)).items():
            if times > 1:
                self.problem(field, f"`{slug}` is listed {times} times", expected)

    def date(self, field: str, data: dict | None = None, required: bool = True, today: datetime.date | None = None,
             past: str = "the date the event took place",
             expected: str = DATE_FORMS) -> tuple[datetime.date, str] | None:
        """A date and its precision (day, month or year) from YYYY-MM-DD, YYYY-MM or YYYY; a problem that
        expects `expected` when it is not one, and after `today` one that expects `past`."""
        value = self.get(field, data)
        if value is None:
            if required:
                self.problem(field, "missing", expected)
            return None
        if not self.scalar(field, value, "a date", expected):
            return None
        text = str(value)
        padded = {4: "-01-01", 7: "-01", 10: ""}.get(len(text))
        try:
            if padded is None or isinstance(value, bool):
                raise ValueError
            when = datetime.date.fromisoformat(text + padded)
        except ValueError:
            self.problem(field, f"`{text}` is not a real date", expected)
            return None
        if today and when > today:
            self.problem(field, f"{text} is in the future", past)
            return None
        if self.too_early(field, when, text, expected):
            return None
        return when, PRECISIONS[len(text)]

    def too_early(self, field: str, when: datetime.date, text: str, expected: str) -> bool:
        """Refuse a date before the first year the site's record covers: its time axis runs from its first date."""
        if when.year >= self.first_year:
            return False
        self.problem(field, f"{text} is before {self.first_year}, the first year of this record "
                            "(TIMELINE_FIRST_YEAR)", f"{expected}, from {self.first_year} on")
        return True

    def source_date(self, field: str, data: dict, today: datetime.date) -> datetime.date | None:
        """Read the day a source was published: None where its editor wrote that it is unknown, or on a
        problem (which stops the build)."""
        value = self.get(field, data)
        if value is None:
            self.problem(field, "missing", SOURCE_DATE)
            return None
        if value == UNKNOWN or not self.scalar(field, value, "a date", SOURCE_DATE):
            return None
        text = str(value)
        if isinstance(value, bool) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            self.problem(field, f"`{text}` is not a day written YYYY-MM-DD{closest(text, [UNKNOWN])}", SOURCE_DATE)
            return None
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            self.problem(field, f"`{text}` is not a real date", SOURCE_DATE)
            return None
        if day > today:
            self.problem(field, f"{text} is in the future", "the day the source was published")
            return None
        return None if self.too_early(field, day, text, SOURCE_DATE) else day

    def http_url(self, field: str, data: dict, required: bool = True) -> str | None:
        url = self.get(field, data)
        expected = "a full address starting with https:// or http://"
        if url is None or url == "":
            if required:
                self.problem(field, "missing", expected)
            return None
        if not self.scalar(field, url, "a web address", expected):
            return None
        try:
            parsed = urlparse(str(url))
        except ValueError:  # brackets that are not an IPv6 address, e.g. https://[draft]
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
            self.problem(field, f"`{url}` is not a web address", expected)
            return None
        if character := NOT_IN_URLS.search(str(url)):
            self.problem(field, f"`{url}` holds {describe_character(character.group())}, which an address cannot",
                         "the address as the browser's address bar shows it once copied (a space is `%20`)")
            return None
        return str(url)


def describe_character(character: str) -> str:
    return "a space" if character == " " else f"`{character}`" if character.isprintable() else \
        f"the invisible character #x{ord(character):04x}"


def display_path(doc: SourceFile) -> str:
    """The file as the editor knows it, e.g. content/events/2023-02-23-ga-vote.md."""
    root = doc.settings["PATH"].rstrip("/").rsplit("/", 1)[0]
    path = doc.source_path.replace("\\", "/")
    return path[len(root) + 1:] if path.startswith(root + "/") else path


def check_body(doc: SourceFile, fields: Fields) -> None:
    if fields.strip_unsafe:
        return
    constructs: dict[int, list[str]] = defaultdict(list)
    for line, construct in doc.metadata["unsafe_markup"]:
        constructs[line].append(construct)
    for line, found in constructs.items():
        fields.problems.append(Problem(fields.path, line, "body", f"contains {', '.join(found)}",
                                       "Markdown text without scripts, frames or event handlers, its links to "
                                       "http(s) and mailto: addresses or this site's own"))


def check_site_links(doc: SourceFile, fields: Fields) -> None:
    """Refuse a link in Pelican's form (`{static}…`) that leads outside content/ or to no file; anywhere but
    in a page, where Pelican does not read them, every such link."""
    content, source = Path(doc.settings["PATH"]).absolute(), Path(doc.source_path).absolute()
    edition = edition_folder(doc.settings)
    pages = [*doc.settings["PAGE_PATHS"], *(f"{edition}/{folder}" for folder in doc.settings["PAGE_PATHS"] if edition)]
    is_page = any(source.is_relative_to(content / folder) for folder in pages)
    for line, kind, value in doc.metadata["site_links"]:
        if not is_page:
            fields.problems.append(Problem(fields.path, line, "body", f"`{{{kind}}}{value}` is a link in Pelican's "
                                           "form, which only pages read", ORDINARY_LINK))
        elif problem := link_problem(kind, value, source, content, pages):
            fields.problems.append(Problem(fields.path, line, "body", problem, LINK_EXPECTED))


def check_images(doc: SourceFile, fields: Fields) -> None:
    """Refuse an image from a host TIMELINE_IMAGE_HOSTS does not name: readers' browsers would ask it for the
    image, telling it who reads which page."""
    allowed = doc.settings["TIMELINE_IMAGE_HOSTS"]
    for line, address in doc.metadata["images_elsewhere"]:
        if urlparse(address).hostname not in allowed:
            fields.problems.append(Problem(fields.path, line, "body", f"the image `{address}` comes from another "
                                           "host, which every reader's browser would ask for it",
                                           "the image saved in content/ and shown with `![what it shows]({static}"
                                           "/images/its-name.png)` from a page, or its host in TIMELINE_IMAGE_HOSTS"))


def read_problems(doc: SourceFile, fields: Fields) -> bool:
    """Report a file the reader could not parse; True when there is nothing more to check."""
    if doc.metadata["read_problem"]:
        fields.problems.append(replace(doc.metadata["read_problem"], path=fields.path))
        return True
    check_body(doc, fields)
    check_site_links(doc, fields)
    check_images(doc, fields)
    return False


def no_citations(doc: SourceFile, fields: Fields, what: str) -> None:
    """Refuse `[@n]` where there is no list of sources to cite: an actor's biography, a page."""
    for line, citation in doc.metadata["citations"]:
        fields.problems.append(Problem(fields.path, line, "body", f"`{citation.text}` cites a source, but {what} "
                                       "has no `sources`", "the citation in the event whose sources say it, "
                                       "or a link to the source written `[its title](https://…)`"))


def check_placeholder(doc: SourceFile, fields: Fields, placeholder: str = PLACEHOLDER_BODY,
                      expected: str = "what happened, in your own words, from the event's sources") -> None:
    """Refuse a body `invoke new-event` writes for the editor to replace (an event's, a new actor's):
    published, it tells readers nothing. It is reported on the body's first line, where the task wrote it."""
    if f"<p>{placeholder}</p>" in doc.content:
        fields.problems.append(Problem(fields.path, doc.metadata["body_line"], "body",
                                       f"still holds the line `invoke new-event` wrote, \"{placeholder}\"",
                                       f"{expected}, in its place"))


def parse_actors(docs: list[SourceFile], problems: list[Problem], data: ContentData | None = None) -> dict[str, Actor]:
    """Every actor: those of the files, and the member states of the site's table that no file writes about."""
    data = data or ContentData()
    members = read_member_states(*data.member_states, problems) if data.member_states else []
    if members and data.member_names:
        members = translated_members(members, *data.member_names, data.member_states[0], problems)
    codes, table, taken_codes = {member.code for member in members}, data.table_path, {}
    actors: dict[str, Actor] = {}
    # Fields naming other actors, read once every actor is known.
    named: list[tuple[Actor, Fields]] = []
    files = {doc.slug: display_path(doc) for doc in docs}
    taken: dict[str, str] = {}
    for doc in docs:
        fields = Fields(doc, display_path(doc), problems)
        if read_problems(doc, fields):
            continue
        check_placeholder(doc, fields, PLACEHOLDER_BIOGRAPHY, "a short, neutral biography, in your own words")
        no_citations(doc, fields, "an actor")
        fields.unknown(ACTOR_FIELDS)
        name, role = fields.text("name"), fields.text("role")
        kind = fields.choice("kind", ACTOR_KINDS)
        if not (name and role and kind):
            continue
        actor = Actor(slug=doc.slug, name=name, kind=kind, role=role,
                      sort_name=fields.text("sort_name", required=False) or name, html=doc.content,
                      source_path=fields.path, url=doc.settings["ACTOR_URL"].format(slug=doc.slug),
                      aliases=fields.aliases(doc.slug, files, taken), members=fields.members(kind),
                      code=fields.code(kind, codes, taken_codes, table))
        actors[actor.slug] = actor
        named.append((actor, fields))
    if members:
        add_member_states(members, actors, data.settings, table, problems)
    for actor, fields in named:
        if fields.get("affiliation") is not None:
            actor.affiliation = fields.actor("affiliation", fields.get("affiliation"), actors,
                                             ("state", "organisation"))
        actor.veto_holders = fields.veto_holders(actor, actors)
        actor.elected = fields.elected(actor, actors)
    return actors


class EventFields(Fields):
    """The parts of an event that need the actors, the settings and each other."""

    def __init__(self, doc: SourceFile, problems: list[Problem], actors: dict[str, Actor], today: datetime.date):
        super().__init__(doc, display_path(doc), problems)
        self.actors = actors
        self.settings = doc.settings
        self.today = today

    @cached_property
    def listed(self) -> list[Source | None]:
        """The sources, read once, when first needed: quotes, figures, positions, conflicts and the body
        name them by their number."""
        return self.sources()

    def source_numbers(self, field: str, data: dict, required: bool = False) -> tuple[int, ...]:
        """The numbers in `source:`, one (`2`) or a list (`[1, 3]`), each checked against `sources`."""
        expected = f"{SOURCE_NUMBERS}, from 1 to {len(self.listed)}"
        value = data.get("source")
        if value is None:
            # A source named in words (`by:`) is reported once, as renamed, not also as missing.
            if required and not any(old in data for old, new in RENAMED.items() if new == "source"):
                self.problem(field, "missing", expected)
            return ()
        given = value if isinstance(value, list) else [value]
        if not given or any(isinstance(n, bool) or not isinstance(n, int) for n in given):
            self.problem(field, f"is {describe(value)}, not a source's number", expected)
            return ()
        missing = [n for n in given if not 1 <= n <= len(self.listed)]
        if missing:
            self.problem(field, f"there is no source number {missing[0]}", expected)
        return tuple(n for n in dict.fromkeys(given) if n not in missing)

    def cited(self, field: str, data: dict, required: bool = False) -> tuple[Citation, ...]:
        """The sources `source:` names; none while one of the listed sources has a problem of its own."""
        numbers = self.source_numbers(field, data, required)
        return tuple(Citation(n, self.listed[n - 1]) for n in numbers if self.listed[n - 1])

    def body_citations(self, citations: list) -> None:
        """Check each `[@n]` of the body against the sources, on the line it is written."""
        for line, citation in citations:
            if citation.numbers is None:
                problem = f"`{citation.text}` is not a citation"
            elif missing := [n for n in citation.numbers if not 1 <= n <= len(self.listed)]:
                problem = f"`{citation.text}` cites source {missing[0]}, which is not in `sources`"
            else:
                continue
            self.problems.append(Problem(self.path, line, "body", problem,
                                         f"{CITATION_EXAMPLE}, numbers from 1 to {len(self.listed)}: the "
                                         "sources' places in `sources`"))

    def tally(self) -> tuple[Tally | None, Actor | None]:
        data = self.mapping("tally", "the counts as `{yes: 91, no: 12, abstain: 57}`, or a line each for "
                            "`yes:`, `no:` and `abstain:` indented under `tally:`")
        body_slug = self.get("body")
        bodies = [actor.slug for actor in self.actors.values() if actor.members]
        body = None
        if body_slug is not None:
            body = self.actor("body", body_slug, self.actors, ("organisation",))
            if body and not body.members:
                self.problem("body", f"`{body.slug}` is not a voting body: its file gives no `members`",
                             (f"one of {', '.join(bodies)}, or " if bodies else "") +
                             f"`members:` in {body.source_path}, the number of its members")
                body = None
        if data is None:
            return None, body
        self.unknown({"yes", "no", "abstain", "absent", "source"}, data, "tally.")
        counts = [self.count(f"tally.{key}", data, required=key != "absent" or key in data)
                  for key in ("yes", "no", "abstain", "absent")]
        cited = self.cited("tally.source", data)
        if None in counts[:3] or (counts[3] is None and "absent" in data):
            return None, body
        tally = Tally(*counts, cited)
        if body_slug is None:
            self.problem("tally", "a tally without the body that voted", "`body:` naming " +
                         (" or ".join(bodies) or "an organisation whose file gives its `members`"))
        elif body:
            self.tally_total(tally, body, body.members)
        return tally, body

    def tally_total(self, tally: Tally, body: Actor, members: int) -> None:
        """Check the counts against the body's membership: with `absent` every member is counted, so they
        add up to it exactly; without, to no more than it."""
        if tally.absent is not None and tally.counted != members:
            self.problem("tally", f"{tally.yes} yes, {tally.no} no, {tally.abstain} abstain and {tally.absent} "
                         f"absent add up to {tally.counted}, not the {members} members of {body.name}",
                         f"counts that add up to {members} (leave `absent` out if it is not known)")
        elif tally.counted > members:
            self.problem("tally", f"{tally.counted} votes and absences, more than the {members} members of "
                         f"{body.name}", f"a total of at most {members}")

    def precision_and_name(self, when: tuple[datetime.date, str] | None, slug: str) -> None:
        """Check a `precision` an editor wrote against the date's form, and the date against the file's name."""
        precision = self.choice("precision", tuple(PRECISIONS.values()), required=False)
        if when and precision and precision != when[1]:
            self.problem("precision", f"`{precision}` but the date {self.get('date')} is given to the "
                         f"{when[1]}", f"precision {when[1]}, or a date written to the {precision}")
        if when:
            self.named_date(slug, when)

    def votes_add_up(self, tally: Tally | None, body: Actor | None, positions: list[Position], outcome: str | None,
                     year: int) -> None:
        """Check the recorded votes against the tally (no more states recorded voting yes than the tally's yes
        votes) and the body's members that year, and a veto against the votes: a draft is vetoed by a veto
        holder's recorded vote against it."""
        votes = [position for position in positions if position.word in VOTE_WORDS]
        if tally:
            self.votes_within(tally, body, votes)
        for position in votes if body else []:
            if body.member_in(position.state, year) is False:
                self.problem(f"positions.{position.state.slug}", f"`{position.state.slug}` was not a member of "
                             f"{body.name} in {year}", f"a state that sat in it then: a veto holder, or one of "
                             f"`elected` in {body.source_path} for that year")
        if outcome == "vetoed" and not vetoes(outcome, positions, body):
            holders = ", ".join(actor.slug for actor in body.veto_holders) if body else ""
            holders = holders or "of a body whose file names its `veto_holders`"
            self.problem("outcome" if self.get("outcome") else "type",
                         "a veto, but no veto holder is recorded voting against the draft",
                         f'a veto holder\'s `"no"` in `positions` ({holders}), or another outcome')

    def votes_within(self, tally: Tally, body: Actor | None, votes: list[Position]) -> None:
        """No more states recorded voting each way than the tally counts (absent: than the members it leaves)."""
        recorded = Counter(position.word for position in votes)
        absent = tally.absent if tally.absent is not None or body is None else max(body.members - tally.counted, 0)
        for word, most in zip(VOTE_WORDS, (tally.yes, tally.no, tally.abstain, absent)):
            if most is not None and recorded[word] > most:
                self.problem("positions", f"{count(recorded[word], 'state')} recorded as `{word}`, more than the "
                             f"tally's {most}", "positions that agree with the tally: correct whichever the sources "
                             "contradict")

    def positions(self, event_type: str | None, actors: list[Actor]) -> dict:
        """Read the named actors' positions, in the words of the event's type, with the heading they go under
        and whether they are votes or stances: the event's fields about its positions. A vote is a state's (a
        member of the body); a stance (endorsed, signed, took part) may be any actor's."""
        given = self.mapping("positions")
        by_type = self.settings["TIMELINE_POSITIONS"]
        if not given or event_type is None:
            return {}
        if event_type not in by_type:
            self.problem("positions", f"an event of type `{event_type}` cannot have positions",
                         "no `positions`, or a type that has them: " + (", ".join(by_type) or "none") +
                         " (set in TIMELINE_POSITIONS)")
            return {}
        heading, labels = by_type[event_type]
        positions = []
        example, words_of = next(iter(labels)), f"the positions at an event of type `{event_type}`"
        votes = set(labels) <= set(VOTE_WORDS)
        for slug, value in given.items():
            field = f"positions.{slug}"
            actor = self.actor(field, slug, self.actors, ("state",) if votes else ACTOR_KINDS)
            word, cited = self.position(field, value, tuple(labels), words_of, example)
            if actor and actor not in actors:
                self.problem(field, f"`{slug}` is not among the event's actors", f"the {actor.kind} in `actors`")
            if actor and word:
                positions.append(Position(actor, word, labels[word], cited))
        return {"positions": positions, "positions_heading": heading, "position_name": "vote" if votes else "stance"}

    def position(self, field: str, value: object, words: tuple[str, ...], words_of: str,
                 example: str) -> tuple[str | None, tuple[Citation, ...]]:
        """One state's position: its word (`"no"`), or its word and source (`{position: "no", source: 2}`)."""
        cited: tuple[Citation, ...] = ()
        if isinstance(value, dict):
            self.unknown({"position", "source"}, value, field + ".")
            cited = self.cited(f"{field}.source", value)
            field, value = f"{field}.position", value.get("position")
            if value is None:
                self.problem(field, "missing", "one of " + ", ".join(words) + f": {words_of}")
                return None, cited
        hint = f" (write the word, e.g. `\"{example}\"`, not true/false)" if isinstance(value, bool) else ""
        return self.one_of(field, value, words, hint, words_of), cited

    def sources(self) -> list[Source | None]:
        """The sources in the order written, None in the place of one with a problem: citations number
        them as written, so that one wrong source gives one problem, not one for each citation after it."""
        sources: list[Source | None] = []
        for path, data in self.entries("sources", required=True):
            self.unknown({"title", "publisher", "url", "date", "archive"}, data, path + ".")
            title = self.text(f"{path}.title", data)
            publisher = self.text(f"{path}.publisher", data)
            url = self.http_url(f"{path}.url", data)
            when = self.source_date(f"{path}.date", data, self.today)
            archive = self.http_url(f"{path}.archive", data, required=False)
            sources.append(Source(title, publisher, url, when, archive) if title and publisher and url else None)
        return sources

    def quotes(self, actors: list[Actor]) -> list[Quote]:
        quotes = []
        for path, data in self.entries("quotes"):
            self.unknown({"speaker", "text", "source"}, data, path + ".")
            speaker = self.actor(f"{path}.speaker", data.get("speaker"), self.actors)
            text = self.text(f"{path}.text", data)
            source = self.count(f"{path}.source", data, required=False)
            if source is not None and not 1 <= source <= len(self.listed):
                self.problem(f"{path}.source", f"there is no source number {source}",
                             f"a number from 1 to {len(self.listed)}, the source's place in `sources`")
                source = None
            if speaker and speaker not in actors:
                self.problem(f"{path}.speaker", f"`{speaker.slug}` is not among the event's actors",
                             "the speaker in `actors`")
            if speaker and text:
                quotes.append(Quote(speaker, text, source))
        return quotes

    def conflicts(self) -> list[Conflict]:
        conflicts = []
        for path, data in self.entries("conflicts"):
            self.unknown({"about", "official", "official_source", "reports", "note", "position_of"}, data,
                         path + ".")
            about = self.text(f"{path}.about", data)
            reports = []
            for where, report in self.entries(f"{path}.reports", data=data):
                self.unknown({"says", "source"}, report, where + ".")
                says = self.text(f"{where}.says", report)
                cited = self.cited(f"{where}.source", report, required=True)
                if says and cited:
                    reports.append(Report(says, cited))
            given = data.get("reports")
            if given is None or isinstance(given, list) and len(given) < 2:
                self.problem(f"{path}.reports", "fewer than two reports", "what each source said")
            position_of = data.get("position_of")
            state = self.actor(f"{path}.position_of", position_of, self.actors, ("state",)) \
                if position_of is not None else None
            if about and len(reports) >= 2:
                official = self.text(f"{path}.official", data, required=False)
                official_cited = self.cited(f"{path}.official_source", {"source": data.get("official_source")},
                                            required=official is not None)
                conflicts.append(Conflict(about, tuple(reports), official, official_cited,
                                          self.text(f"{path}.note", data, required=False), state))
        return conflicts

    def figures(self) -> list[Figure]:
        figures, measures = [], self.settings["TIMELINE_MEASURES"]
        if self.get("figures") is not None and not measures:
            self.problem("figures", "the site counts no measures yet",
                         "a measure of TIMELINE_MEASURES in pelicanconf.py for each figure, or no `figures`")
            return []
        for path, data in self.entries("figures"):
            self.unknown({"measure", "count", "qualifier", "reported_by", "source"}, data, path + ".")
            values = (self.choice(f"{path}.measure", measures, data),
                      self.count(f"{path}.count", data),
                      self.choice(f"{path}.qualifier", FIGURE_QUALIFIERS, data),
                      self.text(f"{path}.reported_by", data))
            cited = self.cited(f"{path}.source", data, required=True)
            if None not in values and cited:
                figures.append(Figure(*values, cited, label=measures[values[0]]))
        return figures

    def end(self, start: tuple[datetime.date, str] | None, today: datetime.date,
            what: str = "event") -> tuple[datetime.date, str] | None:
        """The last day, month or year of a span (of an event, or a period), which must come wholly after its
        start."""
        end = self.date("end", required=False, today=today,
                        past=f"the date the {what} ended (leave `end` out while it goes on)")
        if end and start and Period(*end).first <= Period(*start).last:
            article = "an" if what[0] in "aeiou" else "a"
            self.problem("end", f"{self.get('end')} is not after the date, {self.get('date')}",
                         f"a day, month or year after {format_date(*start)}, or no `end` for {article} {what} of "
                         f"one {start[1]}")
            return None
        return end

    def named_date(self, slug: str, start: tuple[datetime.date, str]) -> None:
        """Check that the date the file's name starts with, to the precision written there, is the event's:
        an address that says the 15th on a page that says the 16th misleads whoever shares it."""
        named = NAMED_DATE.match(slug)
        written = Period(*start).iso
        if named and not written.startswith(named.group()):
            renamed = written[:named.end()] + slug[named.end():]
            self.problem("date", f"{written}, but the file name says {named.group()}",
                         f"one date in both: `date: {named.group()}`, or the file renamed {renamed}.md (which "
                         "changes the event's address)")

    def date_qualifier(self, start: tuple[datetime.date, str] | None) -> str | None:
        qualifier = self.choice("date_qualifier", DATE_QUALIFIERS, required=False)
        if qualifier in THIRDS and start and start[1] == "day":
            self.problem("date_qualifier", f"`{qualifier}` but the date {self.get('date')} is a single day",
                         "about, before or after, or a date written YYYY-MM or YYYY for a part of a month or year")
            return None
        return qualifier

    def corrections(self, when: tuple[datetime.date, str] | None, today: datetime.date) -> list[Correction]:
        corrections = []
        for path, data in self.entries("corrections"):
            self.unknown({"date", "note"}, data, path + ".")
            day = self.correction_day(f"{path}.date", data, when, today)
            note = self.text(f"{path}.note", data)
            if day and note:
                corrections.append(Correction(day, note))
        return corrections

    def correction_day(self, field: str, data: dict, when: tuple[datetime.date, str] | None,
                       today: datetime.date) -> datetime.date | None:
        """The day a correction was made: a whole date, from the event's date (its first day, for an event
        known to the month or year) to today."""
        given = self.date(field, data, expected=CORRECTION_DAY)
        if given is None:
            return None
        day, precision = given
        text = data["date"]
        if precision != "day":
            self.problem(field, f"`{text}` gives no day", CORRECTION_DAY)
        elif day > today:
            self.problem(field, f"{text} is in the future", CORRECTION_DAY + ", today at the latest")
        elif when and day < when[0]:
            self.problem(field, f"{text} is before the event's date, {self.get('date')}",
                         CORRECTION_DAY + ", on or after the event's date")
        else:
            return day
        return None


def parse_event(doc: SourceFile, actors: dict[str, Actor], problems: list[Problem],
                today: datetime.date) -> Event | None:
    fields = EventFields(doc, problems, actors, today)
    if read_problems(doc, fields):
        return None
    check_placeholder(doc, fields)
    fields.unknown(EVENT_FIELDS)
    types = doc.settings["TIMELINE_EVENT_TYPES"]
    title, summary = fields.text("title"), fields.text("summary")
    event_type = fields.choice("type", tuple(types))
    when = fields.date("date", today=today)
    fields.precision_and_name(when, doc.slug)
    end, qualifier = fields.end(when, today), fields.date_qualifier(when)
    slugs = fields.items("actors", required=True)
    event_actors = [a for i, s in enumerate(slugs) if (a := fields.actor(f"actors[{i}]", s, actors))]
    fields.once_each("actors", slugs)
    tally, body = fields.tally()
    outcome = fields.choice("outcome", OUTCOMES, required=False)
    fields.body_citations(doc.metadata["citations"])
    symbol, follows = fields.text("symbol", required=False), fields.text("follows", required=False)
    positions = fields.positions(event_type, event_actors)
    outcome = outcome or ({"vote": "adopted", "veto": "vetoed"}.get(event_type) if tally else None)
    fields.votes_add_up(tally, body, positions.get("positions", []), outcome, (when[0] if when else today).year)
    event = Event(
        slug=doc.slug, title=title or "", date=when[0] if when else today, precision=when[1] if when else "day",
        type=event_type or "", type_label=types.get(event_type, ""),
        type_number=list(types).index(event_type) + 1 if event_type in types else 0, summary=summary or "",
        actors=event_actors, sources=[s for s in fields.listed if s], html=doc.content, source_path=fields.path,
        url=doc.settings["EVENT_URL"].format(slug=doc.slug),
        location=fields.text("location", required=False), symbol=symbol,
        symbol_url=symbol_url(symbol, doc.settings), short_symbol=short_symbol(symbol, doc.settings),
        body=body, subject=fields.text("subject", required=False), tally=tally, outcome=outcome,
        **positions, vetoed_by=vetoes(outcome, positions.get("positions", []), body),
        quotes=fields.quotes(event_actors),
        conflicts=fields.conflicts(), figures=fields.figures(), end=end[0] if end else None,
        end_precision=end[1] if end else None, date_qualifier=qualifier,
        corrections=fields.corrections(when, today),
        follows_as_written=(follows, fields.line("follows")) if follows else None)
    return event if title and summary and event_type and when else None


FOLLOWS = ("the file name, without `.md`, of an earlier vote of the same body on the same question "
           "(e.g. `2024-03-01-first-reading`), whose votes this one's are compared with")


def link_follows(events: list[Event], problems: list[Problem]) -> None:
    """Give each vote the earlier vote its `follows` names: a vote of the same body, before it."""
    by_slug = {event.slug: event for event in events}
    for event in events:
        if not event.follows_as_written:
            continue
        slug, line = event.follows_as_written
        earlier = by_slug.get(slug)
        problem = ("is given, but this event is not a vote (it has no `tally`)" if event.tally is None else
                   f"`{slug}` is not an event of the record" if earlier is None else
                   f"`{slug}` is not a vote (it has no `tally`)" if earlier.tally is None else
                   f"`{slug}` is a vote of another body" if earlier.body is not event.body else
                   f"`{slug}` is not earlier than this vote" if earlier.sort_key >= event.sort_key else None)
        if problem:
            problems.append(Problem(event.source_path, line, "follows", problem, FOLLOWS))
        else:
            event.follows = earlier


def vetoes(outcome: str | None, positions: list[Position], body: Actor | None) -> list[Actor]:
    """The states whose veto a vetoed draft records: a veto holder of the body (its file's `veto_holders`)
    whose recorded vote is against it. No other state is taken for one, whatever the tally says."""
    if outcome != "vetoed" or body is None:
        return []
    return [p.state for p in positions if p.word == "no" and p.state in body.veto_holders]


def parse_period(doc: SourceFile, cited: set[str], problems: list[Problem], today: datetime.date) -> TimePeriod | None:
    """Read a period: its title, its dates, a summary and sources, each of them a source an event on the record
    cites (`cited`), since a period only names a stretch of time the events already show."""
    fields = EventFields(doc, problems, {}, today)
    if read_problems(doc, fields):
        return None
    fields.unknown(PERIOD_FIELDS)
    if doc.content.strip():
        fields.problems.append(Problem(fields.path, doc.metadata["body_line"], "body",
                                       "a period's body is shown nowhere",
                                       "nothing after the second `---`: what the period is goes in `summary`"))
    title, summary = fields.text("title"), fields.text("summary")
    if title and len(title) > PERIOD_TITLE_LENGTH:
        fields.problem("title", f"{len(title)} characters, too long to label the period's band on a phone",
                       f"a title of at most {PERIOD_TITLE_LENGTH} characters")
        title = None
    when = fields.date("date", today=today, past="the date the period began")
    end = fields.end(when, today, "period")
    for index, source in enumerate(fields.listed):
        if source and source.url not in cited:
            fields.problem(f"sources[{index}].url", f"`{source.url}` is the source of no event",
                           "the address of a source an event in content/events/ cites: a period rests on events "
                           "already on the record")
    sources = [source for source in fields.listed if source]
    if not (title and summary and when and sources):
        return None
    return TimePeriod(doc.slug, title, Period(*when), Period(*end) if end else None, summary, sources, fields.path)


def check_periods(periods: list[tuple[SourceFile, TimePeriod]], events: list[Event], problems: list[Problem]) -> None:
    """Refuse a period during which nothing on the record happens, which no time axis would show, and one that
    would need more than PERIOD_ROWS rows of bands on the axis, in the order the axis lays them out."""
    spans = sorted((event.start_period.first, (event.end_period or event.start_period).last) for event in events)
    starts = [start for start, _ in spans]
    latest_end = list(itertools.accumulate((last for _, last in spans), max))  # of the events begun so far
    rows: list[datetime.date] = []  # the last day of the last band in each row
    for doc, period in sorted(periods, key=lambda pair: (pair[1].start.first, pair[1].slug)):
        first, last = period.start.first, period.last_day or datetime.date.max
        begun = bisect.bisect_right(starts, last)  # the events that begin by its end
        line = doc.metadata["field_lines"].get("date", 1)
        if not begun or latest_end[begun - 1] < first:
            problems.append(Problem(period.source_path, line, "date", f"{period.display_date}: no event on the record "
                                    "falls within the period", "dates around events the record holds: a period names "
                                    "a stretch of time its events show"))
            continue
        row = next((row for row, until in enumerate(rows) if first > until), len(rows))
        if row == PERIOD_ROWS:
            problems.append(Problem(period.source_path, line, "date", f"{period.display_date}: {PERIOD_ROWS} other "
                                    "periods run at the same time, as many as the time axis has rows for",
                                    f"at most {PERIOD_ROWS} periods at any one time"))
            continue
        rows[row:row + 1] = [last]


def duplicate_slugs(docs: list[SourceFile], problems: list[Problem]) -> None:
    seen: dict[str, SourceFile] = {}
    for doc in docs:
        if doc.slug in seen:
            problems.append(Problem(display_path(doc), 1, "file name",
                                    f"the slug `{doc.slug}` is also used by {display_path(seen[doc.slug])}",
                                    "a file name of its own"))
        seen.setdefault(doc.slug, doc)


def check_pages(docs: list[SourceFile], problems: list[Problem]) -> None:
    """Pelican writes pages, but skips one it cannot title with only a log line and exit code 0, and
    writes one over a page of the site's own (its search, its actors) without a word."""
    for doc in docs:
        fields = Fields(doc, display_path(doc), problems)
        if read_problems(doc, fields):
            continue
        fields.unknown(PAGE_FIELDS)
        no_citations(doc, fields, "a page")
        fields.text("title")
        fields.choice("status", PAGE_STATUSES, required=False)
        taken = site_folders(doc.settings)
        folder = doc.settings["PAGE_SAVE_AS"].format(slug=doc.slug).split("/", 1)[0]
        if folder in taken:
            fields.problem("file name", f"the page would be written to {folder}/, where the site's own pages are",
                           "a file name the site does not use itself (not " + ", ".join(sorted(taken)) + ")")


def unknown_references(timeline: Timeline, slugs: list[str]) -> list[Problem]:
    """A warning for each reference state (TIMELINE_REFERENCE_STATES) that is not a state of the record: the
    states' pages leave it out of their comparisons."""
    states = {actor.slug: actor for actor in timeline.actors if actor.kind == "state"}
    return [Problem("pelicanconf.py", 1, "TIMELINE_REFERENCE_STATES", f"`{slug}` is not a state of the record"
                    f"{closest(slug, states)}, so no state's page compares its votes with it",
                    "the slugs of states, e.g. one of the actors' file names") for slug in slugs if slug not in states]


def unnamed_actors(timeline: Timeline, actor_docs: list[SourceFile]) -> list[Problem]:
    """Warn of each actor that no event names: not wrong, so the build goes on, but likely a slip (an actor
    left after its events were renamed, or added for an event not yet written) whose page lists nothing."""
    warnings: list[Problem] = []
    for doc in actor_docs:
        if not timeline.events_by_actor[doc.slug]:
            Fields(doc, display_path(doc), warnings).problem(
                "name", f"warning: no event names `{doc.slug}` in its `actors`, so its page lists no events",
                f"`{doc.slug}` in the `actors` of at least one event, or the file removed (the site is built all "
                "the same)")
    return warnings


def build_timeline(event_docs: list[SourceFile], actor_docs: list[SourceFile],
                   today: datetime.date | None = None, page_docs: list[SourceFile] | None = None,
                   period_docs: list[SourceFile] | None = None, data: ContentData | None = None) -> Timeline:
    """The checked timeline; raises ContentError listing every problem found in any file."""
    problems: list[Problem] = []
    duplicate_slugs(actor_docs, problems)
    duplicate_slugs(event_docs, problems)
    actors = parse_actors(actor_docs, problems, data)
    today = today or datetime.date.today()
    events = [parse_event(doc, actors, problems, today) for doc in event_docs]
    if data and data.roll_calls:
        by_slug, states = {event.slug: event for event in events if event}, [a for a in actors.values() if a.code]
        for path, slug, text in data.roll_calls:
            parse_roll_call(path, slug, text, by_slug, states, data.settings, today, problems)
    link_follows([event for event in events if event], problems)
    duplicate_slugs(page_docs or [], problems)
    check_pages(page_docs or [], problems)
    duplicate_slugs(period_docs or [], problems)
    cited = {source.url for event in events if event for source in event.sources}
    periods = [parse_period(doc, cited, problems, today) for doc in period_docs or []]
    check_periods([(doc, period) for doc, period in zip(period_docs or [], periods) if period],
                  [event for event in events if event], problems)
    if problems:
        raise ContentError(problems)
    return Timeline([e for e in events if e], list(actors.values()), [p for p in periods if p])
