"""The questions `invoke new-event` asks, each answer checked as it is given by the rules validation applies
to the file it goes into: an editor hears of a wrong date at the prompt, not at the next build."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .content_data import ContentData, content_data
from .files import address_problem, content_files, suggested_slug
from .model import Actor
from .problems import ContentError, Problem
from .reader import TimelineReader
from .skeleton import actor_text, event_text, write_new
from .validate import ACTOR_KINDS, EventFields, Fields, SourceFile, closest, parse_actors

# A short name suggested from the title: its first words, up to this many characters.
NAME_LENGTH = 60


class NothingWritten(Exception):
    """The editor gave up, or an option was wrong: the message says which, and no file was written."""


@dataclass(frozen=True)
class Question:
    field: str  # the option that answers it, and the field its problems name
    prompt: str
    # Return the value to write, recording any problem in the Fields given.
    check: Callable[[NewEvent, Fields, str, str], object]
    default: Callable[[NewEvent], str] | None = None  # what an empty answer stands for
    optional: bool = False  # an empty answer leaves the field out


class NewEvent:
    """An event being written: its answers so far, the actors it adds, and the check of each answer."""

    def __init__(self, content: Path, settings: dict, ask: Callable[[str], str], say: Callable[[str], None],
                 interactive: bool, today: datetime.date | None = None):
        self.content, self.settings, self.ask, self.say = content, settings, ask, say
        self.interactive = interactive
        self.today = today or datetime.date.today()
        self.types = tuple(settings["TIMELINE_EVENT_TYPES"])
        self.actors = known_actors(content, settings)
        self.answers: dict[str, object] = {}
        self.new_actors: dict[Path, str] = {}
        self.problems: list[str] = []

    def run(self, given: dict[str, str]) -> list[Path]:
        """Check or ask each answer in turn, then write the new actors' files and the event's; return their
        paths."""
        for question in EVENT_QUESTIONS:
            self.answers[question.field] = self.answer(question, given.get(question.field))
        if self.problems:
            raise NothingWritten("new-event: nothing written:\n" + "\n".join(self.problems))
        answers = self.answers
        source = {"title": answers["source_title"], "publisher": answers["publisher"],
                  "date": answers["source_date"], "url": answers["source_url"]}
        for path, text in self.new_actors.items():
            write_new(path, text)
        event = self.event_path(answers["name"])
        write_new(event, event_text(answers, source))
        return [*self.new_actors, event]

    def answer(self, question: Question, given: str | None) -> object:
        """Check the option given; when interactive, ask until the answer is good. Non-interactive, keep the
        problems to report them all at once."""
        text = given or (self.reply(question) if self.interactive else "")
        while True:
            if not text and question.default:
                text = question.default(self)
            value, problems = self.check(question, text)
            if not problems:
                return value
            if not self.interactive:
                self.problems += problems
                return None
            for problem in problems:
                self.say(problem)
            text = self.reply(question)

    def check(self, question: Question, text: str) -> tuple[object, list[str]]:
        problems: list[Problem] = []
        fields = EventFields(SourceFile("", {"frontmatter": {}, "field_lines": {}}, self.settings, ""), problems,
                             self.actors, self.today)
        value = question.check(self, fields, question.field, text)
        return (None if problems else value), [problem.message for problem in problems]

    def reply(self, question: Question) -> str:
        default = f" [{question.default(self)}]" if question.default else " [none]" if question.optional else ""
        text = self.line(question.prompt.format(types=", ".join(self.types)) + default + ": ",
                         f"the {question.field.replace('_', ' ')}")
        if not text and not question.default and not question.optional:
            raise NothingWritten(f"new-event: the {question.field.replace('_', ' ')} was left empty, "
                                 "so nothing was written")
        return text

    def line(self, prompt: str, what: str) -> str:
        try:
            return self.ask(prompt).strip()
        except EOFError:  # Ctrl-D, or the end of what was piped in
            self.say("")
            raise NothingWritten(f"new-event: {what} was left unanswered, so nothing was written") from None

    def text(self, fields: Fields, field: str, text: str) -> str | None:
        return fields.text(field, {field: text})

    def date(self, fields: Fields, field: str, text: str) -> str | None:
        return text if fields.date(field, {field: text}, today=self.today) else None

    def span(self, fields: Fields, field: str, text: str) -> str | None:
        """The end or the rough date's qualifier, left out when empty, checked with the date as validation checks
        them together: an end after the date, a qualifier of a part of a month or year only for a date without
        its day."""
        if not text:
            return None
        fields.data = {"date": self.answers.get("date"), field: text}
        start = fields.date("date", today=self.today)
        return text if (fields.end(start, self.today) if field == "end" else fields.date_qualifier(start)) else None

    def source_date(self, fields: Fields, field: str, text: str) -> str | None:
        """A day written YYYY-MM-DD, or `unknown`, as validation reads a source's date."""
        before = len(fields.problems)
        fields.source_date(field, {field: text}, self.today)
        return text if len(fields.problems) == before else None

    def type(self, fields: Fields, field: str, text: str) -> str | None:
        return fields.choice(field, self.types, {field: text})

    def url(self, fields: Fields, field: str, text: str) -> str | None:
        return fields.http_url(field, {field: text})

    def name(self, fields: Fields, field: str, text: str) -> str | None:
        if problem := address_problem(text):
            fields.problem(field, *problem)
        elif self.answers.get("date") and (path := self.event_path(text)).exists():
            fields.problem(field, f"{path} already exists", "a name that no other event of that date has")
        return text

    def suggested_name(self) -> str:
        slug = suggested_slug(str(self.answers.get("title") or ""))
        words = re.match(rf".{{1,{NAME_LENGTH}}}(?=-|$)", slug)
        return words.group() if words else slug[:NAME_LENGTH]

    def event_path(self, name: str) -> Path:
        return self.content / self.settings["EVENT_PATHS"][0] / f"{self.answers['date']}-{name}.md"

    def actor_list(self, fields: Fields, field: str, text: str) -> list[str]:
        """The actors' slugs; when interactive, first offer to create each that has no file yet."""
        slugs = [slug.strip() for slug in text.split(",") if slug.strip()]
        for slug in dict.fromkeys(slugs):
            if self.interactive and self.creatable(slug) and self.offered(slug):
                self.create_actor(slug)
        fields.items(field, True, {field: slugs})
        fields.once_each(field, slugs)
        for slug in dict.fromkeys(slugs):
            fields.actor(field, slug, self.actors)
        return slugs

    def actor_path(self, slug: str) -> Path:
        return self.content / self.settings["ACTOR_PATHS"][0] / f"{slug}.md"

    def creatable(self, slug: str) -> bool:
        """Whether a missing actor could have a file of this name: a plain one, not taken by a file that does
        not read as an actor (which the build reports)."""
        return slug not in self.actors and not address_problem(slug) and not self.actor_path(slug).exists()

    def offered(self, slug: str) -> bool:
        path = self.actor_path(slug)
        prompt = f"No actor `{slug}`{closest(slug, self.actors)}. Create {path}? [y/N] "
        return self.line(prompt, f"creating {path}").lower() in ("y", "yes")

    def create_actor(self, slug: str) -> None:
        """Ask for the new actor's fields, and keep its file to write with the event's."""
        answers: dict[str, object] = {}
        for question in ACTOR_QUESTIONS:
            if question.field != "affiliation" or answers["kind"] == "person":
                answers[question.field] = self.answer(question, None)
        path = self.actor_path(slug)
        name, kind, role = answers["name"], answers["kind"], answers["role"]
        self.actors[slug] = Actor(slug, name, kind, role, name, "", str(path), "",
                                  self.actors.get(answers.get("affiliation")))
        self.new_actors[path] = actor_text(answers)

    def kind(self, fields: Fields, field: str, text: str) -> str | None:
        return fields.choice(field, ACTOR_KINDS, {field: text})

    def affiliation(self, fields: Fields, field: str, text: str) -> str | None:
        actor = fields.actor(field, text, self.actors, ("state", "organisation"))
        return actor.slug if actor else None


EVENT_QUESTIONS = (
    Question("title", "Title", NewEvent.text),
    Question("date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)", NewEvent.date),
    Question("end", "End, for an event of more than one day (YYYY-MM-DD, YYYY-MM or YYYY)", NewEvent.span,
             optional=True),
    Question("date_qualifier", "Date qualifier, for a rough date (about, before, after, early, mid, late)",
             NewEvent.span, optional=True),
    Question("name", "Short name for the file, after the date", NewEvent.name, default=NewEvent.suggested_name),
    Question("type", "Type ({types})", NewEvent.type),
    Question("actors", "Actors (slugs, separated by commas)", NewEvent.actor_list),
    Question("summary", "Summary (one or two plain sentences)", NewEvent.text),
    Question("source_url", "Source URL", NewEvent.url),
    Question("source_title", "Source title", NewEvent.text),
    Question("publisher", "Publisher", NewEvent.text),
    Question("source_date", "Source date (YYYY-MM-DD, or unknown if the source shows none)", NewEvent.source_date),
)
ACTOR_QUESTIONS = (
    Question("name", "Name", NewEvent.text),
    Question("kind", "Kind (state, organisation or person)", NewEvent.kind),
    Question("role", "Role", NewEvent.text),
    Question("affiliation", "Affiliation (the slug of a state or organisation)", NewEvent.affiliation),
)
FIELDS = tuple(question.field for question in EVENT_QUESTIONS)


def known_actors(content: Path, settings: dict) -> dict[str, Actor]:
    """The actors of the content folder as validation reads them, the member states of its table among them;
    one with a problem is left out, for the build to report."""
    reader = TimelineReader(settings)
    found, _ = content_files(content, settings["ACTOR_PATHS"])
    paths = [str(content / path) for folder in found.values() for path in folder]
    try:
        data = content_data(content, settings)
    except ContentError:  # the build names what is wrong with the table
        data = ContentData(settings)
    return parse_actors([SourceFile(*reader.read(path), settings, path) for path in paths], [], data)


def new_event(given: dict[str, str], content: Path, settings: dict, ask: Callable[[str], str] = input,
              say: Callable[[str], None] = print) -> list[Path]:
    """Write the event the options and answers describe, asking only when an answer it needs was not given as an
    option; return the paths written."""
    interactive = any(question.field not in given for question in EVENT_QUESTIONS
                      if not question.default and not question.optional)
    return NewEvent(content, {**settings, "PATH": str(content)}, ask, say, interactive).run(given)
