"""The Pelican generator: reads events and actors, builds the checked timeline, writes its pages."""

from __future__ import annotations

import logging

from pelican.generators import CachingGenerator
from pelican.log import console

from .exports import write_exports
from .feeds import write_feeds
from .page_cache import PageCache, source_digest
from .pages import fragment_cache, write_pages
from .problems import BuildStopped, ContentError
from .search import SearchIndexer, plan
from .sitemap import write_sitemap
from .validate import SourceFile, build_timeline


class TimelineGenerator(CachingGenerator):
    def read_folder(self, paths: list[str]) -> list[SourceFile]:
        # Sorted, so that problems and output never depend on the order the file system lists files.
        files = sorted(self.get_files(paths, extensions=self.readers.extensions))
        return [self.readers.read_file(base_path=self.path, path=path, content_class=SourceFile,
                                       context=self.context) for path in files]

    def generate_context(self) -> None:
        events = self.read_folder(self.settings["EVENT_PATHS"])
        actors = self.read_folder(self.settings["ACTOR_PATHS"])
        pages = self.read_folder(self.settings["PAGE_PATHS"])
        self.readers.save_cache()
        try:
            self.timeline = build_timeline(events, actors, page_docs=pages)
        except ContentError as error:
            # One problem per line, never wrapped, so that editors and their tools can read `path:line:`.
            for problem in error.problems:
                console.print(str(problem), soft_wrap=True, markup=False, highlight=False, emoji=False)
            raise
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


class HideBuildStoppedTraceback(logging.Filter):
    """Pelican logs any exception that stops a build with its class and traceback; an expected stop (an
    editor's mistake, another build at work, Pagefind missing) is not a crash, so only its message is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], BuildStopped):
            record.msg, record.args, record.exc_info = "%s", (record.exc_info[1],), None
        return True
