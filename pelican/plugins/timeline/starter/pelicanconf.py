"""Settings for building the site locally; publishconf.py overrides what production changes. Every setting of
the timeline generator and its default is listed in its settings.py (pelican/plugins/timeline/)."""

from pelican.plugins import timeline

SITENAME = "A timeline"
SITESUBTITLE = "A sourced chronology"
SITEURL = ""
RELATIVE_URLS = True  # the output can be opened from any folder or served under any path

PATH = "content"
THEME = timeline.THEME
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = ["pelican.plugins.timeline"]

# Events and actors are read by the timeline plugin; Pelican's own generators handle only pages/.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
SLUGIFY_SOURCE = "basename"  # a page's address is its file name, as an event's or an actor's is
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
DIRECT_TEMPLATES = []
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""

# Feeds need an absolute SITEURL, so they are off while developing; publishconf.py turns them on.
TIMELINE_FEEDS = False
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.smarty": {}},
    "output_format": "html5",
}
# Every value from front matter is escaped; bodies are sanitised HTML and marked safe in templates.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

CACHE_PATH = ".cache"  # outside output/, so that a build can replace output/ whole
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
FILENAME_METADATA = ""
DELETE_OUTPUT_DIRECTORY = True

# What your chronology is about: its kinds of event (their order gives each its colour and shape on the
# time axis), the positions actors take at them, the figures it counts and its menu. The defaults suit many
# chronologies; uncomment and change what yours needs.
# TIMELINE_EVENT_TYPES = {"decision": "Decision", "vote": "Vote", "meeting": "Meeting", "report": "Report"}
# TIMELINE_MEASURES = {"jobs-lost": "Jobs reported lost"}
# FIGURES_TITLE = "Jobs lost: the reported figures"
# TIMELINE_MENU = {"timeline": "Timeline", "actors": "Actors", "figures": "Jobs", "search": "Search"}
