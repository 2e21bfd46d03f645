"""The Pelican generator: reads events and actors, builds the checked timeline, writes its pages."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import CachingGenerator

from .exports import write_exports
from .feeds import write_feeds
from .files import content_files
from .page_cache import PageCache, source_digest
from .pages import fragment_cache, write_pages
from .problems import BuildStopped, ContentError, show
from .search import SearchIndexer, plan
from .sitemap import write_sitemap
from .validate import SourceFile, build_timeline


class TimelineGenerator(CachingGenerator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made before any generator reads a file: Pelican's own page generator would follow a loop of
        # links, or read a page from outside the content folder.
        folders = self.settings["EVENT_PATHS"] + self.settings["ACTOR_PATHS"] + self.settings["PAGE_PATHS"]
        self.files, problems = content_files(Path(self.path), folders)
        if problems:
            report(ContentError(problems))

    def read_folder(self, folders: list[str]) -> list[SourceFile]:
        return [self.readers.read_file(base_path=self.path, path=path, content_class=SourceFile,
                                       context=self.context) for folder in folders for path in self.files[folder]]

    def generate_context(self) -> None:
        events = self.read_folder(self.settings["EVENT_PATHS"])
        actors = self.read_folder(self.settings["ACTOR_PATHS"])
        pages = self.read_folder(self.settings["PAGE_PATHS"])
        self.readers.save_cache()
        try:
            self.timeline = build_timeline(events, actors, page_docs=pages)
        except ContentError as error:
            report(error)
        self.sources = {(kind, doc.slug): source_digest(doc)
                        for kind, docs in (("Event", events), ("Actor", actors)) for doc in docs}
        self.context["timeline"] = self.timeline

    def generate_output(self, writer) -> None:
        cache = PageCache(self.settings, self.context, self.env, self.timeline, self.sources)
        self.env.globals["cached"] = fragment_cache()
        with SearchIndexer(self.settings, plan(self.timeline, self.settings)) as search:
            urls = write_pages(writer, self.timeline, self.context, self.settings, self.get_template, cache,
                               search)
            # Pelican's own pages (About) are read by its PagesGenerator, whose context is complete by now.
            write_sitemap(self.output_path, self.settings, urls + [page.url for page in self.context["pages"]])
            write_exports(self.output_path, self.timeline, self.settings, cache)
        cache.finish()
        if self.settings["TIMELINE_FEEDS"]:
            write_feeds(writer, self.timeline, self.context, self.settings)


def report(error: ContentError) -> None:
    """Print every problem, then stop the build."""
    show(error.problems)
    raise error


class HideBuildStoppedTraceback(logging.Filter):
    """Pelican logs any exception that stops a build with its class and traceback; an expected stop (an
    editor's mistake, another build at work, Pagefind missing) is not a crash, so only its message is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], BuildStopped):
            record.msg, record.args, record.exc_info = "%s", (record.exc_info[1],), None
        return True
