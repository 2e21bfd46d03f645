"""Pages that need not be drawn again: a rebuild after one edit rewrites only the pages it changes
(and, the same way, only the files of the open data that it changes).

Each page's inputs are summed up in a digest: the site (templates, settings, plugin code, and whether the
record holds votes, figures and corrections, which every page's menu and footer link to when it does), the
values the page is given, and the events and actors it shows together with
those they show in turn (an event's actors and neighbours, an actor's affiliation), each known by the
digest of the front matter of the file it was read from, and, on the pages that show its body (its own
pages and the chronology, as the plan says), of its body too: an edit to an event's body draws its page
and the chronology's part that holds it, not every listing that names it. A page whose digest is the one
it had at the last build, and whose file is still the one that build wrote (same size and modification
time), is left as it is: in the same output folder, or in a copy of it (`invoke build` builds into a copy
of output/). The list of digests is removed while pages are written and saved once all are, so a build that
stops half-way is followed by a full one. Python code outside the plugin (a Jinja filter in pelicanconf.py,
say) is not in the digest, nor is a theme's choice to show a body on a page the plan does not say shows it
(a listing's): after changing either, `invoke clean`.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import os
from pathlib import Path

import jinja2
import pelican

from .axis import Axis
from .model import Actor, Event, RollCall

MANIFEST = "TimelineGenerator-pages.json"
# The digest of the plugin's code that last filled the cache, beside Pelican's caches of what was read.
CODE_STAMP = "TimelineGenerator-code.txt"
READ_CACHES = "*-Readers"
logger = logging.getLogger(__name__)


def manifest_path(settings: dict) -> Path:
    return Path(settings["CACHE_PATH"]) / MANIFEST


def load_manifest(settings: dict) -> dict[str, list]:
    """Each page of the last build: the digest of its inputs and the size and time of its file."""
    if not (settings["CACHE_CONTENT"] and settings["LOAD_CONTENT_CACHE"]):
        return {}
    try:
        return json.loads(manifest_path(settings).read_text(encoding="utf-8"))["pages"]
    except (OSError, ValueError, KeyError):
        return {}


def file_stamp(path: Path) -> list[int] | None:
    """What tells the file a build wrote from any other: its size and modification time."""
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def forget_reads_of_other_code(pelican_instance) -> None:
    """Remove Pelican's caches of what was read when the plugin's code is not the code that read it: the
    reader keeps what this version makes of a file (its fields, its lines, its problems), which another
    version may not have made, and Pelican would hand it over as if it were fresh."""
    cache = Path(pelican_instance.settings["CACHE_PATH"])
    stamp, code = cache / CODE_STAMP, PageCache.code()
    try:
        if stamp.read_text(encoding="utf-8") == code:
            return
    except OSError:
        pass
    for path in cache.glob(READ_CACHES):
        path.unlink(missing_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(code, encoding="utf-8")


def retain_pages(pelican_instance) -> None:
    """Ask Pelican not to delete the folders of our last build when it cleans the output folder, and
    delete from them every file that build did not write, so that they keep nothing else (a page since
    removed from content/, a file left there by hand)."""
    settings = pelican_instance.settings
    pages = set(load_manifest(settings))
    kept = {save_as.split("/", 1)[0] for save_as in pages}
    if settings["DELETE_OUTPUT_DIRECTORY"]:
        for name in kept:
            remove_unlisted(Path(pelican_instance.output_path), name, pages)
    pelican_instance.output_retention = sorted(set(settings["OUTPUT_RETENTION"]) | kept)


def remove_unlisted(output: Path, name: str, pages: set[str]) -> None:
    """Remove the files under output/name that are not among `pages`, then the folders left empty. In strings,
    not paths: a long record's output holds tens of thousands of files, and pathlib took a second over them."""
    root = str(output)
    for directory, _, files in os.walk(os.path.join(root, name), topdown=False):
        folder = os.path.relpath(directory, root).replace(os.sep, "/")
        for file in files:
            if f"{folder}/{file}" not in pages:
                os.unlink(os.path.join(directory, file))
        if directory != os.path.join(root, name) and not os.listdir(directory):
            os.rmdir(directory)


# The kinds of template value that several pages may be given, the same object each time.
SHARED = (list, tuple, dict, Axis)


def fingerprint_text(value: object, shown: list) -> str:
    """Write a template value as a deterministic text, for the digest of a page; events and actors in it
    stand for themselves by slug and are added to `shown`."""
    kind = type(value)
    if kind is Event or kind is Actor:
        shown.append(value)
        return f"<{kind.__name__} {value.slug}>"
    if kind is list or kind is tuple:
        if value and all(type(item) is Event for item in value):
            # Lists of events are most of what listings are given: fingerprinted in one pass.
            shown += value
            return "<Events " + " ".join(event.slug for event in value) + ">"
        return "[" + ",".join(fingerprint_text(item, shown) for item in value) + "]"
    if names := field_names(kind):
        return kind.__name__ + "(" + ",".join(fingerprint_text(getattr(value, name), shown) for name in names) + ")"
    if isinstance(value, dict):
        return "{" + ",".join(f"{fingerprint_text(key, shown)}:{fingerprint_text(item, shown)}"
                              for key, item in value.items()) + "}"
    # Anything else by its repr: an object without a stable one only makes its page drawn every time.
    return repr(value)


@functools.cache
def field_names(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass, or none for any other type: looked up once per type, since pages are
    described by the thousand."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else ()


def related(item: Event | Actor) -> list[Event | Actor]:
    """The events and actors that an event or actor refers to: its actors, body, speakers, neighbours,
    affiliation, the members of its roll call."""
    found = []
    for value in (getattr(item, f.name) for f in dataclasses.fields(item)):
        for element in value if isinstance(value, list) else [value]:
            if isinstance(element, Event | Actor):
                found.append(element)
            elif isinstance(element, RollCall):  # every member it lists, by name
                found += [vote.state for vote in element.votes]
            elif dataclasses.is_dataclass(element):
                found += [inner for inner in (getattr(element, f.name) for f in dataclasses.fields(element))
                          if isinstance(inner, Event | Actor)]
    return found


def source_digests(doc) -> tuple[str, str]:
    """What an event or actor is made of, apart from the settings and the actors it names: its front matter,
    and the words of its body, which only the pages that show its body are made of."""
    # A file that could not be read has no body (and may have no front matter): the build stops on it.
    return digest(doc.source_path, repr(doc.metadata.get("frontmatter"))), digest(doc.content or "")


def digest(*parts: str) -> str:
    return hashlib.blake2b("\x00".join(parts).encode("utf-8"), digest_size=16).hexdigest()


def json_values(values: dict) -> str:
    """The settings (or context) that can be written as JSON; functions and objects are left out."""
    plain = {}
    for key, value in values.items():
        try:
            plain[key] = json.dumps(value, sort_keys=True)
        except (TypeError, ValueError):
            continue
    return json.dumps(plain, sort_keys=True)


class PageCache:
    def __init__(self, settings: dict, context: dict, env: jinja2.Environment, sources: dict[tuple[str, str], tuple]):
        """`sources` holds the source digests of each event and actor by ("Event" or "Actor", slug): of what
        every page that shows it is made of, and of the words of its body."""
        self.settings = settings
        self.sources = sources
        self.output = Path(settings["OUTPUT_PATH"])
        self.previous = load_manifest(settings)
        self.digests: dict[str, str] = {}  # of each page of this build, by the file it is saved as
        self.stamps: dict[str, list[int]] = {}  # of the files left as they were, as as_last_time found them
        self.full: dict[tuple[int, bool], str] = {}
        # The text of each value given to more than one page, by id, with the value (keeping its id its own)
        # and the events and actors it shows; and the ids of the values given to one page so far, whose text
        # is not kept (most are, and they may be long: a part of the chronology).
        self.texts: dict[int, tuple[object, str, list]] = {}
        self.seen: set[int] = set()
        self.site = digest(self.templates(env), self.code(), self.context(context))
        manifest_path(settings).unlink(missing_ok=True)

    @staticmethod
    def templates(env: jinja2.Environment) -> str:
        return digest(*(f"{name}\x00{env.loader.get_source(env, name)[0]}" for name in env.list_templates()))

    @staticmethod
    def code() -> str:
        sources = sorted(Path(__file__).parent.glob("*.py"))
        return digest(pelican.__version__, jinja2.__version__,
                      *(path.read_text(encoding="utf-8") for path in sources))

    @staticmethod
    def context(context: dict) -> str:
        """What every page is given: the settings, what the record holds (`record_holds`), and Pelican's own
        pages (the site menu) by address and title. Not where the site is written (`invoke build` writes each
        build into a folder of its own), nor whether Pelican's --debug is on (which logs why pages are drawn,
        and must not draw them all), nor how many processes draw them, nor whether the model is kept between
        builds (`invoke livereload`): they draw the same pages."""
        context = {key: value for key, value in context.items()
                   if key not in ("OUTPUT_PATH", "DEBUG", "TIMELINE_WORKERS", "TIMELINE_KEEP_MODEL")}
        contents = [(key, [(getattr(item, "url", ""), getattr(item, "title", "")) for item in value])
                    for key, value in sorted(context.items()) if isinstance(value, list) and value
                    and all(hasattr(item, "source_path") for item in value)]
        return digest(json_values(context), repr(contents))

    def full_digest(self, item: Event | Actor, words: bool) -> str:
        """An event or actor with those it shows: its own sources and theirs, and the words of its body where
        the page shows them."""
        if (id(item), words) not in self.full:
            card, body = self.sources[type(item).__name__, item.slug]
            self.full[id(item), words] = digest(card, body if words else "", *(
                self.sources[type(other).__name__, other.slug][0] for other in related(item)))
        return self.full[id(item), words]

    def unchanged(self, save_as: str, template: str, values: dict, bodies: tuple = ()) -> bool:
        """Record the page's digest; True when the page written last time is still there and right."""
        return self.record(save_as, *self.judge(save_as, template, values, bodies))

    def judge(self, save_as: str, template: str, values: dict, bodies: tuple = ()) -> tuple[str, str | None]:
        """Give the page's digest and why it must be drawn (None when it need not be); `bodies` are the events
        and actors whose body the page shows. Keeps nothing of the page, so that worker processes judge the
        pages they write and this process records what they found."""
        shown: list = []
        text = self.fingerprint(values, shown)
        # An event a page shows in several places (its list, its months, its axis) is summed up once.
        once = {id(item): item for item in [*shown, *bodies]}.values()
        words = {id(item) for item in bodies}
        page = digest(self.site, template, text, *(self.full_digest(item, id(item) in words) for item in once))
        return page, self.reason_to_draw(save_as, page)

    def fingerprint(self, values: dict, shown: list) -> str:
        """Write a page's values as fingerprint_text does, each value that pages share (a listing's axis and
        the links between its pages, the navigation of every listing) written once for all of them."""
        parts = []
        for key, value in values.items():
            if not isinstance(value, SHARED):
                text = fingerprint_text(value, shown)
            elif id(value) in self.texts:
                _, text, found = self.texts[id(value)]
                shown += found
            elif id(value) in self.seen:  # on a second page: kept for the others
                found: list = []
                text = fingerprint_text(value, found)
                self.texts[id(value)] = (value, text, found)
                shown += found
            else:
                text = fingerprint_text(value, shown)
                self.seen.add(id(value))
            parts.append(f"{key!r}:{text}")
        return "{" + ",".join(parts) + "}"

    def as_last_time(self, save_as: str) -> tuple[str, None] | None:
        """The digest the last build recorded for a page it wrote and whose file is still the one it wrote, for
        a build that knows the page's inputs have not changed (see resident.py); else None."""
        previous = self.previous.get(save_as)
        if not previous or previous[1:] != (stamp := file_stamp(self.output / save_as)):
            return None
        self.stamps[save_as] = stamp  # for finish, which would read it again
        return previous[0], None

    def record(self, save_as: str, page: str, reason: str | None) -> bool:
        """Keep a page's digest for the next build; True when it is left as it was, else log why it is drawn
        again (seen with Pelican's --debug)."""
        self.digests[save_as] = page
        if reason:
            logger.debug("Drawing %s: %s", save_as, reason)
        return reason is None

    def reason_to_draw(self, save_as: str, page: str) -> str | None:
        """Say why a page of this digest must be drawn, or None when the last build's file can stay."""
        previous = self.previous.get(save_as)
        if previous is None:
            return "the last build recorded no such page"
        if previous[0] != page:
            return "its inputs changed since the last build"
        if previous[1:] != file_stamp(self.output / save_as):
            return "its file is not the one the last build wrote"
        return None

    def remove(self, save_as: str) -> None:
        """Remove a page of the last build, and the folders it leaves empty. The page may be gone already:
        the last build may have been written elsewhere, of other content, with the same cache."""
        page = self.output / save_as
        page.unlink(missing_ok=True)
        for folder in page.parents:
            if folder == self.output:
                break
            try:
                folder.rmdir()
            except OSError:  # not empty, or gone already: either way its parents are not ours to empty
                break

    def finish(self) -> None:
        """Remove the pages of the last build that this one no longer has, and save the digests."""
        for save_as in sorted(set(self.previous) - set(self.digests)):
            self.remove(save_as)
        if self.settings["CACHE_CONTENT"]:
            path = manifest_path(self.settings)
            path.parent.mkdir(parents=True, exist_ok=True)
            entries = {save_as: [page, *(self.stamps.get(save_as) or file_stamp(self.output / save_as))]
                       for save_as, page in self.digests.items()}
            path.write_text(json.dumps({"pages": entries}, separators=(",", ":")), encoding="utf-8")
