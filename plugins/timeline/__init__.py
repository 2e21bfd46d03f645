"""The timeline plugin: events and actors in Markdown become a checked, cross-linked chronology.

Modules: reader (front matter and body), yamlerrors (YAML's errors in editors' words), markup
(sanitising), model (dataclasses and indexes), validate (front matter to model, with every problem),
pages (what is written where), charts (the geometry of the figures chart), generator (Pelican's hooks);
for reuse: feeds, exports (JSON and CSV), linked_data (JSON-LD), citations (the printable chronology),
sitemap and outputcheck (links and headings of a built site); for readers: search (the Pagefind index of
the event and actor pages, in shards); for editors: skeleton (the file `invoke new-event` writes).
"""

import logging

from pelican import signals

from .feeds import identify_feed
from .generator import HideContentErrorTraceback, TimelineGenerator
from .page_cache import retain_pages
from .reader import TimelineReader
from .settings import apply_defaults


def add_reader(readers) -> None:
    for extension in TimelineReader.file_extensions:
        readers.reader_classes[extension] = TimelineReader


def add_generator(pelican) -> type[TimelineGenerator]:
    return TimelineGenerator


def register() -> None:
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, HideContentErrorTraceback) for f in pelican_logger.filters):
        pelican_logger.addFilter(HideContentErrorTraceback())
    signals.initialized.connect(apply_defaults)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(add_generator)
    # Sent at the start of every run (autoreload included), before Pelican cleans the output folder.
    signals.get_generators.connect(retain_pages)
    signals.feed_generated.connect(identify_feed)
