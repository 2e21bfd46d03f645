"""The Pelican settings every timeline site shares. A site's pelicanconf.py starts with
`from pelican.plugins.timeline.site_settings import *` and then names itself and its subject; it may
override any of these."""

from . import THEME  # noqa: F401  the theme that ships with the generator

SITEURL = ""
RELATIVE_URLS = True  # the output can be opened from any folder or served under any path

PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = ["pelican.plugins.timeline"]

# Events and actors are read by the timeline plugin; Pelican's own generators handle only pages/.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# A page's address is its file name, as an event's or an actor's is, whatever its title says; a page
# marked `status: draft` is not written at all (Pelican would publish it under drafts/).
SLUGIFY_SOURCE = "basename"
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
DIRECT_TEMPLATES = []
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""

# Feeds are off while developing, since a feed's links must be absolute and SITEURL is empty here;
# publishconf.py turns them on. Pelican's own article feeds stay off: events are not articles.
TIMELINE_FEEDS = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.smarty": {}},
    "output_format": "html5",
}
# Every value from front matter is escaped; bodies are sanitised HTML and marked safe in templates.
# Every word of the theme goes through gettext (i18n.py), in the site's language.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": ["jinja2.ext.i18n"]}

# Caches speed up rebuilds; they live outside output/ so a build can replace output/ whole.
CACHE_PATH = ".cache"
CACHE_CONTENT = True  # without it Pelican never writes the cache that LOAD_CONTENT_CACHE reads
LOAD_CONTENT_CACHE = True
GZIP_CACHE = False  # compressing the cache took longer than reading the files it saves reading
# Dates come from front matter; Pelican's own parsing of the date in each file name is wasted work.
FILENAME_METADATA = ""
DELETE_OUTPUT_DIRECTORY = True

# What `import *` takes: the settings alone, as Pelican reads them.
__all__ = [name for name in dir() if name.isupper()]
