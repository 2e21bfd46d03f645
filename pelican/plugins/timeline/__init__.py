"""The timeline plugin: events and actors in Markdown become a checked, cross-linked chronology.

Modules, by what they hold:
- reading: files (which files of content/ are read, and their names), content_data (the table of member
  states and the roll calls, read under the same rules), reader (front matter and body,
  within bounds), yamlerrors (YAML's errors in editors' words), markup (sanitising, and what plain text
  is), settings (the defaults, checked before anything is read);
- the model: validate (front matter to model, with every problem), member_states (every member of the
  table an actor) and roll_calls (every member's vote, checked), problems (the one format of an editor's
  message), model (dataclasses and indexes), listings (a listing's events by year and month, in pages),
  translated (a translation checked against its original);
- writing: plan (every page with its template and data, and the search shards: what is written where),
  axis (the geometry of the time axis), charts (the geometry of the figures chart), page_cache (the pages
  a rebuild can leave as they are), compiled_templates (Jinja's compiled code, kept between builds),
  generator (Pelican's hooks);
- for reuse: feeds, exports (JSON and CSV), linked_data (JSON-LD), citations (the printable chronology),
  sitemap, and outputcheck (links, ids and headings of a built site);
- for readers: search and search_shard (the Pagefind index of the event and actor pages, in shards);
- for editors: newevent (the questions `invoke new-event` asks, each answer checked) and skeleton (the
  files it writes); roll_call_import (`invoke import-roll-call`);
- for maintainers: lock (one build at a time on a cache or an output folder), staging (output/
  replaced whole by `invoke build`), summary (the line each build ends with), workers (reading and
  writing shared across processes, results in order), tasks (every site's invoke tasks), site_settings and
  publishing (every site's Pelican settings), quickstart and starter/ (`timeline-quickstart`);
- for sites: menu (the site's menu);
- for every language: i18n (the theme's words, dates and sorting in the site's language), catalogues (the
  gettext catalogues kept in step with the code, `invoke translations`), editions (a site's editions in other
  languages, each built into its own folder);
- for every reader: styles (the stylesheet and scripts written minified).
"""

import logging
from pathlib import Path

from pelican import signals
from pelican.log import console

from . import i18n
from .compiled_templates import keep_compiled_templates
from .editions import build_editions, describe_editions, keep_editions, translate_pages
from .feeds import identify_feed
from .generator import PlainBuildStopped, TimelineGenerator
from .lock import hold_cache
from .page_cache import forget_reads_of_other_code, retain_pages
from .reader import TimelineReader
from .settings import apply_defaults
from .styles import minify_theme_files
from .summary import PRINTER

__version__ = "0.1.0"
# The theme that ships with the plugin: a site's pelicanconf.py sets `THEME = timeline.THEME`.
THEME = str(Path(__file__).parent / "theme")


def add_reader(readers) -> None:
    for extension in TimelineReader.file_extensions:
        readers.reader_classes[extension] = TimelineReader


def add_generator(pelican) -> type[TimelineGenerator]:
    return TimelineGenerator


def register() -> None:
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(f, PlainBuildStopped) for f in pelican_logger.filters):
        pelican_logger.addFilter(PlainBuildStopped())
    signals.initialized.connect(apply_defaults)
    signals.initialized.connect(describe_editions)
    signals.initialized.connect(i18n.activate)
    signals.readers_init.connect(add_reader)
    signals.get_generators.connect(add_generator)
    # Sent at the start of every run (autoreload included), before Pelican cleans the output folder or
    # reads its cache; not at `initialized`, which `pelican --listen` (`invoke serve`) sends too.
    signals.get_generators.connect(hold_cache)
    signals.get_generators.connect(forget_reads_of_other_code)
    signals.get_generators.connect(retain_pages)
    signals.get_generators.connect(keep_editions)
    # Again at every run: a process that builds again (`invoke livereload`) built its editions, each in its own
    # language, at the end of its last run, and would draw the site in the last edition's words.
    signals.get_generators.connect(i18n.activate)
    signals.generator_init.connect(i18n.install)
    signals.generator_init.connect(keep_compiled_templates)
    signals.feed_generated.connect(identify_feed)
    signals.page_generator_finalized.connect(translate_pages)
    signals.get_generators.connect(PRINTER.start)
    signals.finalized.connect(minify_theme_files)
    signals.finalized.connect(PRINTER.print_summary)
    signals.finalized.connect(build_editions)
    PRINTER.hook_into(console)
