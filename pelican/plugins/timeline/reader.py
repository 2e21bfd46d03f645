"""Reading one content file: YAML 1.2 front matter with line numbers, and a sanitised Markdown body.

The reader never raises on bad input: it hands what it found (including a YAML error) to validation,
which reports every problem of every file in one run.
"""

from __future__ import annotations

import functools
import re
import signal
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import markdown
import yaml
from frontmatter.default_handlers import YAMLHandler
from pelican.readers import BaseReader
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.error import Mark, YAMLError
from yaml.events import (AliasEvent, CollectionEndEvent, CollectionStartEvent, DocumentStartEvent, ScalarEvent,
                         SequenceStartEvent, StreamEndEvent)

from .citing import CitationExtension, finished, located
from .files import slug_of
from .links import images_elsewhere, site_links
from .markup import (NOT_IN_BODIES, demote_headings, hidden_character, locate_unsafe_markup, namespace_ids,
                     sanitise_html, strip_markup)
from .problems import Problem, describe
from .yamlerrors import explain

# Bounds on the work one file can cause, each far above what an event needs (the longest file of the
# record is a few kilobytes): its size, read no further than this; its front matter's size and depth;
# a number's digits (Python refuses to read an integer of more than 4,300). The time Markdown may take
# is the setting TIMELINE_MARKDOWN_SECONDS.
MAX_FILE_BYTES = 512 * 1024
MAX_FRONT_MATTER_CHARACTERS = 64 * 1024
MAX_BODY_CHARACTERS = 256 * 1024
MAX_DEPTH = 8
MAX_DIGITS = 15


# The YAML 1.2 core schema for unquoted values; anything else (dates included) stays text, so that
# validation can name the line of an impossible date such as 2023-02-30.
CORE_NULLS = {"", "~", "null", "Null", "NULL"}
CORE_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Digits may be grouped with underscores (16_000), as the YAML library used before accepted.
CORE_INT = re.compile(r"[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+")
CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
CORE_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
# libyaml, which PyYAML's wheels include; the pure-Python loader reads the same, only slower.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def core_value(scalar: ScalarEvent) -> object:
    """A scalar as YAML 1.2 reads it: a bare `yes` or `no` stays a word (in YAML 1.1 it is a boolean)."""
    # Composed (NFC), so that names written with composed or combining accents are the same name.
    text = unicodedata.normalize("NFC", scalar.value)
    if hidden := hidden_character(text):
        character, what = hidden
        raise Unreadable(scalar.start_mark.line + 1, f"{what} (#x{ord(character):04x})",
                         "plain text without it (pasted text can carry one unseen; in double quotes, `\\x..` and "
                         "`\\u..` escapes can make one)")
    if scalar.style:
        return text
    if text in CORE_NULLS:
        return None
    if text in CORE_BOOLS:
        return CORE_BOOLS[text]
    if CORE_INT.fullmatch(text):
        if (digits := sum(c.isalnum() for c in text)) > MAX_DIGITS:
            raise Unreadable(scalar.start_mark.line + 1, f"a number of {digits} digits",
                             f"a number of at most {MAX_DIGITS} digits, or text in quotes")
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text.replace("_", ""))
    if CORE_FLOAT.fullmatch(text):
        return float(text)
    if CORE_SPECIAL_FLOAT.fullmatch(text):
        return float(text.replace(".", "").lower())
    return text


class Unreadable(Exception):
    """Front matter that YAML could read but this site will not: carries the problem to report."""

    def __init__(self, line: int, problem: str, expected: str):
        super().__init__(problem)
        self.problem = Problem("", line, "front matter", problem, expected)


class Collection:
    """A list or a group being read: its values so far, its field path, and a group's pending key."""

    def __init__(self, value: list | dict, path: str):
        self.value = value
        self.path = path
        self.key: tuple[str, Mark] | None = None  # a group's key awaiting its value, and where it is


class FrontMatter:
    """Front matter as plain Python values, and the line of each field path (`tally.no`, `sources[1].url`).

    Read from libyaml's stream of events in one pass, without building YAML's node tree: the work is
    bounded by the text's length, however it is written. libyaml composes nested lists by recursion,
    which crashes the interpreter some ten thousand levels down, and an alias (`*name`) repeats a whole
    value wherever it is used, which a few lines can make exponential. Neither is needed to write an
    event, so aliases are refused and nesting stops at MAX_DEPTH.
    """

    def __init__(self, text: str):
        try:
            self.data = self.read(text, FAST_LOADER)
        except YAMLError:
            # libyaml words its errors tersely; the pure-Python parser says what it expected and found.
            self.data = self.read(text, yaml.SafeLoader)

    def read(self, text: str, loader_class: type) -> object:
        self.lines: dict[str, int] = {}
        # The front matter text starts on the file's first line, right after the opening `---`.
        parser = loader_class(text)
        try:
            return self.values(parser)
        finally:
            parser.dispose()

    def values(self, parser) -> object:
        open_: list[Collection] = []
        root = document = None
        while not isinstance(event := parser.get_event(), StreamEndEvent):
            if isinstance(event, DocumentStartEvent):
                if document is not None:
                    raise ComposerError("expected a single document in the stream", document,
                                        "but found another document", event.start_mark)
                document = event.start_mark
            elif isinstance(event, AliasEvent):
                raise Unreadable(event.start_mark.line + 1, f"a YAML alias (`*{event.anchor}`)",
                                 "each value written out in full, without `&` anchors and `*` aliases")
            elif isinstance(event, CollectionEndEvent):
                finished = open_.pop()
                if not open_:
                    root = finished.value
            elif isinstance(event, ScalarEvent | CollectionStartEvent):
                if open_ and isinstance(open_[-1].value, dict) and open_[-1].key is None:
                    open_[-1].key = self.key(event)
                    continue
                value = self.start(event, len(open_)) if isinstance(event, CollectionStartEvent) \
                    else core_value(event)
                path = self.place(open_[-1], value, event) if open_ else ""
                if isinstance(event, CollectionStartEvent):
                    open_.append(Collection(value, path))
                elif not open_:
                    root = value
        return root

    @staticmethod
    def start(event, depth: int) -> list | dict:
        if depth >= MAX_DEPTH:
            raise Unreadable(event.start_mark.line + 1, f"lists or groups nested more than {MAX_DEPTH} deep",
                             "fields no deeper than an event's own (`sources:`, then `- url: …`)")
        return [] if isinstance(event, SequenceStartEvent) else {}

    @staticmethod
    def key(event) -> tuple[str, Mark]:
        if not isinstance(event, ScalarEvent):
            raise Unreadable(event.start_mark.line + 1, "a field name written as a list or a group (after `?`)",
                             "field names as plain words, each followed by a colon")
        return str(core_value(event)), event.start_mark

    def place(self, into: Collection, value: object, event) -> str:
        """Put a value in the list or group being read; its field path."""
        if isinstance(into.value, list):
            field = f"{into.path}[{len(into.value)}]"
            self.lines[field] = event.start_mark.line + 1
            into.value.append(value)
            return field
        (key, mark), into.key = into.key, None
        field = f"{into.path}.{key}" if into.path else key
        if key in into.value:
            raise ConstructorError("while constructing a mapping", None, f'found duplicate key "{key}"', mark)
        self.lines[field] = mark.line + 1
        into.value[key] = value
        return field


FRONT_MATTER = "a first line `---`, then `field: value` lines, then a line `---`, then the text"


def decode(data: bytes) -> tuple[str, Problem | None]:
    """The file's text with its lines ending in `\n`, whichever ending the editor's system uses; a file
    saved in another encoding than UTF-8 is a problem on the line it breaks."""
    try:
        text, problem = data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        text, problem = data.decode("utf-8", errors="replace"), Problem(
            "", line, "file", f"byte {data[error.start]:#04x} is not UTF-8 text",
            "a file saved as UTF-8 (choose UTF-8 in the editor's Save As dialog)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), problem


def too_long(field: str, length: int, limit: int, unit: str, expected: str) -> Problem:
    return Problem("", 1, field, f"{length:,} {unit} long, more than {limit:,}", expected)


def front_matter(text: str) -> tuple[FrontMatter | None, str, Problem | None]:
    """The front matter as YAML, the body after it, and what made the front matter unreadable."""
    if not text.startswith("---"):
        return None, text, Problem("", 1, "front matter", "missing: the file does not start with `---`",
                                   FRONT_MATTER)
    try:
        fm, body = YAMLHandler().split(text)
    except ValueError:
        return None, text, Problem("", 1, "front matter", "not closed by a second `---` line", FRONT_MATTER)
    if len(fm) > MAX_FRONT_MATTER_CHARACTERS:
        return None, body, too_long("front matter", len(fm), MAX_FRONT_MATTER_CHARACTERS, "characters",
                                    "an event's fields only; long text belongs in the body")
    try:
        front = FrontMatter(fm)
    except Unreadable as refusal:
        return None, body, refusal.problem
    except YAMLError as error:
        return None, body, explain(error, fm)
    if front.data is not None and not isinstance(front.data, dict):
        return None, body, Problem("", 2, "front matter", f"is {describe(front.data)}, not `field: value` lines",
                                   FRONT_MATTER)
    return front, body, None


def hidden_in_body(body: str, first_line: int) -> Problem | None:
    """The first character of a body that no feed can hold, or that turns the text around it, as a problem."""
    if hidden := NOT_IN_BODIES.search(body):
        return Problem("", first_line + body.count("\n", 0, hidden.start()), "body",
                       f"holds the invisible character #x{ord(hidden.group()):04x}, which a feed cannot hold or "
                       "which turns the text around it", "the text without it (pasted text can carry one unseen)")
    return None


class MarkdownTookTooLong(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise MarkdownTookTooLong in the block once `seconds` have passed. Only the main thread receives
    signals, so elsewhere the block runs unbounded; Pelican reads files on its main thread, and each
    worker process on its own (workers.py)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise MarkdownTookTooLong

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


PAGE_STATUSES = ("published", "hidden", "draft")


class TimelineReader(BaseReader):
    """Markdown with YAML front matter, for events, actors and plain pages alike."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict):
        super().__init__(settings)
        self.citations = CitationExtension()
        # What worker processes read already, by path (see read_ahead): handed to Pelican as it asks.
        self.read_already: dict[str, tuple[str | None, dict]] = {}

    @functools.cached_property
    def markdown(self) -> markdown.Markdown:
        """One Markdown converter with the site's settings and citations, reset between files (building one
        loads every extension again), whose extension keeps the citations of the text it converted last. Made
        when first needed: Pelican makes a reader for each of its generators, most of which read nothing."""
        self.citations = CitationExtension()
        options = self.settings["MARKDOWN"]
        return markdown.Markdown(**{**options, "extensions": [*options.get("extensions", ()), self.citations]})

    def read(self, source_path: str) -> tuple[str, dict]:
        if source_path in self.read_already:
            return self.read_already.pop(source_path)
        with open(source_path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        text, problem = decode(data)
        front, body = None, text
        if len(data) > MAX_FILE_BYTES:
            problem = too_long("file", len(data), MAX_FILE_BYTES, "bytes", "a file of one event, actor or page")
        if problem is None:
            front, body, problem = front_matter(text)
        # The body starts on the line of the closing `---`, right after which the text begins.
        first_line = text.count("\n", 0, len(text) - len(body)) + 1
        text_line = first_line + body[:len(body) - len(body.lstrip())].count("\n")
        if hidden := hidden_in_body(body, first_line):
            html, body_problem = "", hidden
        else:
            html, body_problem = self.convert(body, text_line)
        fm = front.data or {} if front else {}
        metadata = {
            "frontmatter": fm,
            "field_lines": front.lines if front else {},
            "read_problem": problem or body_problem,
            "unsafe_markup": locate_unsafe_markup(html or "", body, first_line),
            "citations": located(self.citations.seen, body, first_line),
            "body_line": text_line,
            "site_links": [],
            "images_elsewhere": [],
            # Pelican's own page generator needs a title; events and actors are titled by validation.
            # Stripped whatever the settings: a title with markup is refused unless they say to strip it.
            "title": strip_markup(str(fm.get("title") or fm.get("name") or "")),
        }
        if fm.get("status") in PAGE_STATUSES:
            metadata["status"] = fm["status"]
        if html is None:
            # Pelican keeps what a reader returns, but reads a file again while its kept content is None:
            # a body that ran out of time (on a busy machine, say) is tried again, not remembered as a failure.
            return None, metadata
        html = namespace_ids(finished(sanitise_html(html)), slug_of(source_path))
        metadata["site_links"] = site_links(html, body, first_line, self.settings)
        metadata["images_elsewhere"] = images_elsewhere(html, body, first_line)
        return html, metadata

    def convert(self, body: str, first_line: int) -> tuple[str | None, Problem | None]:
        """The body as HTML, or the problem that stopped Markdown from converting it (with None for HTML
        when it ran out of time, which a second try may not)."""
        if len(body) > MAX_BODY_CHARACTERS:
            return "", replace(too_long("body", len(body), MAX_BODY_CHARACTERS, "characters",
                                        "a shorter text: the body is a few paragraphs in your own words"),
                               line=first_line)
        seconds = self.settings["TIMELINE_MARKDOWN_SECONDS"]
        try:
            with time_limit(seconds):
                return demote_headings(self.markdown.reset().convert(body)), None
        except MarkdownTookTooLong:
            html, problem = None, f"Markdown took more than {seconds} s to convert it (TIMELINE_MARKDOWN_SECONDS)"
        except Exception as error:  # a converter's failure on one file must not stop the others' reading
            html, problem = "", f"Markdown could not convert it ({type(error).__name__})"
        # A converter stopped half-way keeps the state of that text; a fresh one starts clean.
        vars(self).pop("markdown", None)
        return html, Problem("", first_line, "body", problem,
                             "ordinary paragraphs (thousands of `[`, `<` or `*` in one paragraph are slow to read)")
