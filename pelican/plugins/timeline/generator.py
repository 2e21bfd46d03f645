"""The Pelican generator: reads events and actors, builds the checked timeline, writes the pages its plan
holds, and hands over what it did for the line the build ends with."""

from __future__ import annotations

import datetime
import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from pelican.generators import CachingGenerator

from . import resident
from .content_data import ContentData, content_data
from .exports import write_exports
from .feeds import write_feeds
from .files import content_files, edition_folder, static_problems
from .i18n import _
from .menu import site_menu
from .model import VOTE_KEY, Event, by_group
from .page_cache import PageCache, digest, source_digests
from .plan import PlannedPage, plan_site
from .problems import BuildStopped, ContentError, count, show
from .reader import TimelineReader
from .search import SearchIndexer
from .sitemap import write_sitemap
from .summary import PRINTER, BuildSummary
from .translated import in_edition, untranslated_warnings
from .validate import SourceFile, build_timeline, display_path, unknown_references, unnamed_actors
from .workers import InOrder, worker_count


class TimelineGenerator(CachingGenerator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made before any generator reads a file: Pelican's own page generator would follow a loop of
        # links, or read a page from outside the content folder.
        folders = (self.settings["EVENT_PATHS"] + self.settings["ACTOR_PATHS"] + self.settings["PERIOD_PATHS"] +
                   self.settings["PAGE_PATHS"])
        # An edition in another language reads each file's translation too, from the language's folder.
        self.edition = edition_folder(self.settings)
        folders += self.translation_folders(folders)
        self.files, problems = content_files(Path(self.path), folders)
        problems += static_problems(Path(self.path), self.settings["STATIC_PATHS"])
        if problems:
            report(ContentError(problems))

    def translation_folders(self, folders: list[str]) -> list[str]:
        return [f"{self.edition}/{folder}" for folder in folders] if self.edition else []

    def read_folder(self, folders: list[str]) -> list[SourceFile]:
        return [self.readers.read_file(base_path=self.path, path=path, content_class=SourceFile,
                                       context=self.context) for folder in folders for path in self.files[folder]]

    def read_kind(self, setting: str) -> tuple[list[SourceFile], set[str], list]:
        """The files of one kind (events, actors, periods); in an edition, each original's translation in its
        place, with the originals left untranslated and what is wrong with any translation."""
        originals = self.read_folder(self.settings[setting])
        if not self.edition:
            return originals, set(), []
        translations = self.read_folder(self.translation_folders(self.settings[setting]))
        return in_edition(originals, translations, display_path)

    def read_ahead(self) -> None:
        """Read and convert, in worker processes, every file that Pelican's content cache does not hold,
        for the reader to hand to Pelican as it asks for each file in turn, as it would on one core."""
        paths = [os.path.abspath(os.path.join(self.path, path)) for paths in self.files.values() for path in paths]
        unread = [path for path in paths if self.readers.get_cached_data(path, (None, None))[0] is None]
        # Pelican makes a reader for each extension (.md, .markdown); any of them reads any file alike.
        readers = [reader for reader in self.readers.readers.values() if isinstance(reader, TimelineReader)]
        with InOrder(readers[0].read, unread, worker_count(self.settings)) as read:
            read_already = dict(zip(unread, read))
        for reader in readers:
            reader.read_already = read_already

    def generate_context(self) -> None:
        self.read_ahead()
        # Pelican's own pages are read here too, to be checked as every file is: in an edition, their translations.
        kinds = {setting: self.read_kind(setting)
                 for setting in ("EVENT_PATHS", "ACTOR_PATHS", "PERIOD_PATHS", "PAGE_PATHS")}
        events, actors, periods, page_docs = (kinds[setting][0] for setting in kinds)
        today = datetime.date.today()
        read = {doc.source_path: source_digests(doc) for doc in events + actors + periods + page_docs}
        try:
            data = self.weigh(kinds, read, today)
            new_words = resident.take_new_words(self.kept, self.words, events, today) if self.kept else set()
            self.timeline = self.kept.timeline if self.kept else build_timeline(
                events, actors, today, page_docs=page_docs, period_docs=periods, data=data)
        except ContentError as error:
            report(error)
        # The events whose pages (and part of the chronology) are drawn again, where the model is kept.
        self.new_words = {id(event) for event in self.timeline.events if event.slug in new_words}
        self.warnings = self.kept.warnings if self.kept else self.check(kinds)
        show(self.warnings)
        self.sources = sources_of(self.timeline, events, actors, data, read)
        self.roll_calls = digest(*(path + text for path, _slug, text in data.roll_calls))
        # What every page may show of the whole record: whether the pages that the menu and the footer link to
        # only when they exist are written. Not the record itself, so that a page is made of what its plan gives it
        # and of this alone (see page_cache.py): adding an event draws the pages that show it, not every page.
        self.context["record_holds"] = {"votes": bool(self.timeline.votes), "figures": bool(self.timeline.figures),
                                        "corrections": bool(self.timeline.corrections)}
        # Pelican's own pages, which its page generator has read by now, are in the menu too.
        self.context["menu"] = site_menu(self.settings, self.timeline, self.context.get("pages", []))

    def weigh(self, kinds: dict[str, tuple], read: dict[str, tuple[str, str]], today: datetime.date) -> ContentData:
        """Read the table and the roll calls, and find whether the record kept since the last build holds (see
        resident.py); give what was read. Then save Pelican's cache of what was read, for the next build: unless
        the kept record is used, whose next build reads again only the files edited since, which the cache knows
        to be newer. Raises ContentError on a translation or a data file that is wrong."""
        self.kept = None
        try:
            if translation_problems := [problem for kind in kinds.values() for problem in kind[2]]:
                raise ContentError(translation_problems)
            data = content_data(Path(self.path), self.settings)
            self.made_of, self.words = resident.made_of(self.settings, read, kinds["EVENT_PATHS"][0],
                                                        data_texts(data), today)
            self.kept = resident.reusable(self.settings, self.output_path, self.made_of)
            return data
        finally:
            if not self.kept:
                self.readers.save_cache()
            # Saved, the cache's copy of what was read (some 80 MB for 10,000 events) is of no more use to this
            # build, whose workers would each be handed it, nor to the next, which reads the saved one.
            self.readers._cache.clear()

    def check(self, kinds: dict[str, tuple]) -> list:
        """Mark what an edition has not yet translated, and give the warnings of a record that builds: in an
        edition, what is not yet translated; else the actors no event names and the reference states that are
        none (an edition's content is the site's: what the site's build warns of, an edition's would say again)."""
        mark_untranslated(self.timeline, self.settings, kinds["EVENT_PATHS"][1], kinds["ACTOR_PATHS"][1])
        if self.edition:
            return [warning for docs, untranslated, _problems in kinds.values()
                    for warning in untranslated_warnings(docs, untranslated, self.edition, display_path)]
        return unnamed_actors(self.timeline, kinds["ACTOR_PATHS"][0]) + unknown_references(
            self.timeline, self.settings["TIMELINE_REFERENCE_STATES"])

    def generate_output(self, writer) -> None:
        own_pages = tuple(page.save_as for page in self.context["pages"])
        site = self.kept.site if self.kept else plan_site(self.timeline, self.settings, own_pages)
        indexing = self.settings["TIMELINE_SEARCH_INDEX"]
        shards = site.shards if indexing else []
        cache = PageCache(self.settings, self.context, self.env, self.sources)
        self.env.globals["cached"] = fragment_cache()
        self.env.globals["by_group"] = by_group  # the actors index's states, by regional group
        self.env.globals["VOTE_KEY"] = [(word, mark, _(label)) for word, mark, label in VOTE_KEY]
        self.env.filters["count"] = count  # `events|length|count("event")`: "1 event", "28 events"
        # With the model kept, only the pages that show a body whose words changed are judged; the few drawn
        # are drawn here, where forking workers would cost more.
        workers = 1 if self.kept else worker_count(self.settings)
        # The workers are forked before the search index starts its thread, and once all they draw from is here.
        with InOrder(self.page_drawer(writer, site.pages, cache), range(len(site.pages)), workers) as drawn, \
                SearchIndexer(self.settings, shards) as search:
            for save_as in own_pages:  # written already, by Pelican's PagesGenerator
                search.placed(save_as)
            # Written while the workers draw the pages; on one core, before them. No body is in the open data.
            if not (self.kept and self.data_as_last_time(site, cache)):
                write_exports(self.output_path, self.timeline, self.settings, cache, self.roll_calls)
            written = self.record_pages(site.pages, drawn, cache, search)
            # Pelican's own pages (About) are read by its PagesGenerator, whose context is complete by now.
            write_sitemap(self.output_path, self.settings,
                          [page.url for page in site.pages if page.in_sitemap] +
                          [page.url for page in self.context["pages"]])
        cache.finish()
        if self.settings["TIMELINE_FEEDS"]:
            write_feeds(writer, self.timeline, self.context, self.settings)
        PRINTER.hand_over(BuildSummary(self.edition, len(self.timeline.events), len(self.timeline.actors), written,
                                       len(site.pages) - written, len(search.indexed) if indexing else None,
                                       len(search.kept), len(self.warnings), self.kept is not None))
        resident.remember(self.settings, self.output_path,
                          resident.Kept(self.made_of, self.words, self.timeline, site, self.warnings))
        self.release()

    @staticmethod
    def data_as_last_time(site, cache: PageCache) -> bool:
        """Record as the last build did every file of the open data, when each is still the one it wrote."""
        planned = {page.save_as for page in site.pages}
        kept = {path: cache.as_last_time(path) for path in cache.previous if path not in planned}
        if not kept or None in kept.values():
            return False
        for path, (made_of, _reason) in kept.items():
            cache.record(path, made_of, None)
        return True

    def release(self) -> None:
        """Let go of the record once every page is written: an edition is built next in this process, and the
        two records held at once took its peak past its budget (900 MB at 10,000 events, for 600)."""
        self.timeline = self.sources = self.roll_calls = None
        for name in ("record_holds", "menu"):
            self.context.pop(name, None)
        self.env.globals.pop("cached", None)  # every card and heading drawn, kept for the pages that share them

    def page_drawer(self, writer, pages: list[PlannedPage], cache: PageCache) -> Callable[[int], tuple]:
        """Make the job of drawing page `index` of the plan: write it unless the last build left it as it is
        now, and give its digest and why it was drawn (None when it was not)."""
        def draw(index: int) -> tuple[str, str | None]:
            page = pages[index]
            unchanged = self.kept and not any(id(item) in self.new_words for item in page.bodies)
            judged = (unchanged and cache.as_last_time(page.save_as)) or \
                cache.judge(page.save_as, page.template, page.values, page.bodies)
            if judged[1] is not None:
                writer.write_file(page.save_as, self.get_template(page.template), self.context,
                                  self.settings["RELATIVE_URLS"], page_url=page.url, **page.values)
            return judged
        return draw

    @staticmethod
    def record_pages(pages: list[PlannedPage], drawn: Iterable[tuple], cache: PageCache,
                     search: SearchIndexer) -> int:
        """Record what was found of each page, in the plan's order, telling the search index of every page
        once it is in place; give how many were written."""
        written = 0
        for page, (page_digest, reason) in zip(pages, drawn, strict=True):
            written += not cache.record(page.save_as, page_digest, reason)
            search.placed(page.save_as)
        return written


def fragment_cache() -> Callable:
    """Make the template function `cached`: `{% call cached(key, …) %}body{% endcall %}` draws the body once
    for each key, then gives the same HTML. A new one for every build, since the content may have changed."""
    drawn: dict[tuple, tuple[tuple, str]] = {}

    def cached(*key, caller: Callable[[], str]) -> str:
        index = tuple(map(hashable, key))
        if index not in drawn:
            # The key is kept with its HTML, so that no other object can take the identity of one of its parts.
            drawn[index] = key, caller()
        return drawn[index][1]
    return cached


def hashable(part: object) -> object:
    """A part of a fragment's key as a dictionary can hold it: itself, or its identity when it has no hash
    (an axis, whose lists have none, and which is one object on every page of its listing)."""
    try:
        hash(part)
    except TypeError:
        return ("object", id(part))
    return part


def report(error: ContentError) -> None:
    """Print every problem, then stop the build."""
    show(error.problems)
    raise error


class PlainBuildStopped(logging.Filter):
    """Pelican logs any exception that stops a build with its class, its traceback, the time and the line of
    Pelican's source that logged it (`__init__.py:683`). An expected stop (an editor's mistake, another build
    at work, Pagefind missing) is no crash, and an editor's tools take anything shaped `file:line` for a
    problem to jump to: so it is printed as the one plain sentence it is, and the log's line is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], BuildStopped):
            print(record.exc_info[1], file=sys.stderr)
            return False
        return True


def sources_of(timeline, events: list[SourceFile], actors: list[SourceFile], data: ContentData,
               read: dict[str, tuple[str, str]]) -> dict:
    """What each event and actor is made of, for the page cache, from the digests of the files `read` (by path, as
    source_digests gives them): an event's front matter with its roll call for a vote; an actor's with its line of
    the table of member states (a state's page shows its group whether or not it has a file of its own)."""
    roll_calls = {slug: text for _, slug, text in data.roll_calls}
    files = {doc.slug: read[doc.source_path] for doc in actors}
    sources = {("Event", doc.slug): (digest(card, roll_calls.get(doc.slug, "")), words)
               for doc in events for card, words in [read[doc.source_path]]}
    return sources | {("Actor", actor.slug): (digest(files.get(actor.slug, ("", ""))[0],
                                                     repr((actor.code, actor.name, actor.group, actor.admitted))),
                                              files.get(actor.slug, ("", ""))[1])
                      for actor in timeline.actors}


def data_texts(data: ContentData) -> list[str]:
    """The texts of the table of member states (and of its translation) and of the roll calls, with their paths."""
    return [f"{path}\x00{text}" for path, text in filter(None, [data.member_states, data.member_names])] + \
        [f"{path}\x00{text}" for path, _slug, text in data.roll_calls]


def mark_untranslated(timeline, settings: dict, events: set[str], actors: set[str]) -> None:
    """In an edition, give the events and actors not yet translated the language their words are in, which
    their pages and cards say."""
    if not (events or actors):
        return
    language = settings["TIMELINE_EDITION"]["editions"][0].lang
    for item in [*timeline.events, *timeline.actors]:
        if item.slug in (events if isinstance(item, Event) else actors):
            item.lang = language
