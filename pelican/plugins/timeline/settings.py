"""The plugin's settings and their defaults; pelicanconf.py may override any of them."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .files import SLUG
from .i18n import THEME_CATALOGUES, catalogue_path
from .problems import BuildStopped, closest, count, show

# Where the search index is written (see search.py).
SEARCH_INDEX_FOLDER = "pagefind"
# The words of a vote, which a tally counts, and the labels readers see.
VOTES = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Absent"}

DEFAULTS = {
    "EVENT_PATHS": ["events"],
    "TIMELINE_URL": "",
    "TIMELINE_SAVE_AS": "index.html",
    "ACTOR_PATHS": ["actors"],
    # Periods drawn as bands on the time axis (an emergency session, a round of talks): no page of their own.
    "PERIOD_PATHS": ["periods"],
    # Every member's vote on a recorded vote, one YAML file per vote named as its event's file (see
    # roll_calls.py); and the table of member states (a CSV file in content/, see member_states.py), none by
    # default.
    "ROLL_CALL_PATHS": ["roll-calls"],
    "TIMELINE_MEMBER_STATES": "",
    # The states whose votes every state's page compares its own with, by slug.
    "TIMELINE_REFERENCE_STATES": [],
    "EVENT_URL": "events/{slug}/",
    "EVENT_SAVE_AS": "events/{slug}/index.html",
    "ACTOR_URL": "actors/{slug}/",
    "ACTOR_SAVE_AS": "actors/{slug}/index.html",
    "ACTORS_INDEX_URL": "actors/",
    "ACTORS_INDEX_SAVE_AS": "actors/index.html",
    # The page of the figures events report, drawn once an event reports one: one line each of the measures
    # in TIMELINE_MEASURES (a slug an event's `figures` name, and the label readers see).
    "TIMELINE_MEASURES": {},
    "FIGURES_URL": "figures/",
    "FIGURES_SAVE_AS": "figures/index.html",
    "FIGURES_TITLE": "The reported figures",
    "FIGURES_DESCRIPTION": "Every figure reported at the events of this timeline, by date and by who reported it.",
    "FIGURES_LEDE": "The figures reported at the events of this timeline. Each is given with its date and who "
                    "reported it; they come from different sources and are not always counted the same way.",
    # Every state's vote on every vote of the record, and the tallies over time.
    "VOTES_URL": "votes/",
    "VOTES_SAVE_AS": "votes/index.html",
    # Every correction of the record, newest first; written only once there is one.
    "CORRECTIONS_URL": "corrections/",
    "CORRECTIONS_SAVE_AS": "corrections/index.html",
    "YEAR_URL": "years/{year}/",
    "YEAR_SAVE_AS": "years/{year}/index.html",
    "TYPE_URL": "types/{slug}/",
    "TYPE_SAVE_AS": "types/{slug}/index.html",
    "CHRONOLOGY_URL": "chronology/",
    "CHRONOLOGY_SAVE_AS": "chronology/index.html",
    # Atom feeds: the whole timeline, one per actor, one per event type, and the corrections. They need an
    # absolute SITEURL (a feed reader resolves a relative link against the feed's own address), so
    # pelicanconf.py turns them off and publishconf.py on.
    "TIMELINE_FEEDS": True,
    "TIMELINE_FEED_ATOM": "feeds/all.atom.xml",
    "ACTOR_FEED_ATOM": "feeds/actors/{slug}.atom.xml",
    "TYPE_FEED_ATOM": "feeds/types/{slug}.atom.xml",
    "CORRECTIONS_FEED_ATOM": "feeds/corrections.atom.xml",
    # Open data: every event and actor as JSON and CSV, with the JSON Schema of events.json beside it.
    "EVENTS_JSON": "data/events.json",
    "EVENTS_SCHEMA": "data/events.schema.json",
    "EVENTS_CSV": "data/events.csv",
    "EVENT_JSON": "data/events/{slug}.json",
    "ACTORS_JSON": "data/actors.json",
    # The votes page's matrix: one row per state and vote where a position or a dispute about it is recorded.
    "VOTES_JSON": "data/votes.json",
    "VOTES_SCHEMA": "data/votes.schema.json",
    "VOTES_CSV": "data/votes.csv",
    # For search engines; written only when SITEURL is set, since a sitemap lists absolute addresses.
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    # Pages stay small however long the record grows: the home page lists every event while there are at
    # most TIMELINE_HOME_LIMIT, else only the latest months; a year, a type or an actor with more than
    # TIMELINE_PAGE_LIMIT events continues on numbered pages, below the first page's URL.
    "TIMELINE_HOME_LIMIT": 50,
    "TIMELINE_PAGE_LIMIT": 50,
    "TIMELINE_PAGE_URL": "{url}page/{number}/",
    "TIMELINE_PAGE_SAVE_AS": "{url}page/{number}/index.html",
    # The search index is made of separate indexes of at most this many pages each, so that indexing
    # stays fast and small however long the record grows, and a rebuild re-indexes only what changed.
    "TIMELINE_SEARCH_SHARD_SIZE": 1000,
    # False leaves the search index out of the build (the pages are the same, and the search page says that
    # search could not be loaded): for a draft build where only the pages matter, such as the tests' record of
    # 10,000 events, whose index takes a quarter of the build's processor time.
    "TIMELINE_SEARCH_INDEX": True,
    # True keeps the checked record and the plan in memory between builds in one process, so that an edit to
    # events' bodies alone is drawn without checking and planning the whole record again (resident.py).
    # `invoke livereload` sets it; a build run once has no use for it.
    "TIMELINE_KEEP_MODEL": False,
    # The kinds of event an editor may choose, with the label readers see.
    # Their order gives each its colour and its shape on the time axis (twelve of each, then again).
    "TIMELINE_EVENT_TYPES": {
        "decision": "Decision", "vote": "Vote", "meeting": "Meeting", "talks": "Talks", "hearing": "Hearing",
        "report": "Report", "statement": "Statement",
    },
    # The positions named states may take at each type of event: the heading readers see above them, and
    # each word an editor may write with the label readers see. A type not listed has no positions. Positions
    # in the words a tally counts (yes, no, abstain, absent) are votes; in any other words, stances.
    # A voting body is an organisation whose actor file gives its `members` (and any `veto_holders`).
    "TIMELINE_POSITIONS": {
        "vote": ("How named states voted", VOTES),
        "talks": ("Who took part", {"took-part": "Took part", "declined": "Declined"}),
    },
    # The site's menu: the generator's pages it lists, in order, each with its label (votes and figures only
    # once the record has some); Pelican's own pages (an About page) come before the last one.
    "TIMELINE_MENU": {"timeline": "Timeline", "actors": "Actors", "votes": "Votes", "figures": "Figures",
                      "search": "Search"},
    # "error" stops the build on a script, frame or event handler in content; "strip" only removes it.
    "TIMELINE_UNSAFE_MARKUP": "error",
    # How long Markdown may take over one body before the file is reported: Python-Markdown is quadratic on
    # some texts, and no file may hold a build up without limit. A long body of 100 KB takes about 2 s.
    "TIMELINE_MARKDOWN_SECONDS": 10,
    # Where the official document of an event's `symbol` is found: the symbol, URL-quoted, takes the place of
    # {symbol} (see symbols.py); "" links no symbol. Only symbols matched whole by TIMELINE_SYMBOL_LINKED are
    # linked, since a document system finds the documents of its own bodies only.
    "TIMELINE_SYMBOL_URL": "",
    "TIMELINE_SYMBOL_LINKED": ".+",
    # What a symbol loses where room is short (the votes page's column headings): "" keeps it whole.
    "TIMELINE_SYMBOL_SHORTEN": "",
    # No date of the record (an event's, a period's, a source's) may be before this year, nor after today: the
    # time axis runs from the first date, so a mistyped `0023` would stretch it over two thousand years.
    "TIMELINE_FIRST_YEAR": 1900,
    # How many processes read the files and write the pages (workers.py); 0 for one per core. The output is
    # the same whatever the number.
    "TIMELINE_WORKERS": 0,
    # The other hosts an image in a body may come from (e.g. "upload.wikimedia.org"); by default none, so that
    # no page makes a request to another host, which would tell it who reads what.
    "TIMELINE_IMAGE_HOSTS": [],
    # A sentence under each roll call's map, on whose borders it draws (see world_map.py).
    "TIMELINE_MAP_NOTE": "Boundaries from Natural Earth, an occupied area drawn as part of the state it belongs to.",
    # Folders of the site's own gettext catalogues (<folder>/<lang>/LC_MESSAGES/messages.po), read after the
    # theme's for a site whose DEFAULT_LANG is not English: its words (the types', the settings') win.
    "TIMELINE_TRANSLATIONS": [],
    # The site's editions in other languages, each by its language's code with the settings it gives in that
    # language (see editions.py): {"uk": {"SITENAME": "…", "TIMELINE_EVENT_TYPES": {…}}}. None by default.
    "TIMELINE_EDITIONS": {},
}
CHOICES = {"TIMELINE_UNSAFE_MARKUP": ("error", "strip")}
HOST = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
# The most each number may be: past it Markdown's time limit overflows the system's timer (and a failure it
# caused would be kept in Pelican's cache after the setting is mended), or a page or a shard grows past use.
MAXIMA = {"TIMELINE_MARKDOWN_SECONDS": 600, "TIMELINE_FIRST_YEAR": 9999, "TIMELINE_HOME_LIMIT": 1000,
          "TIMELINE_PAGE_LIMIT": 1000, "TIMELINE_SEARCH_SHARD_SIZE": 100_000, "TIMELINE_WORKERS": 256}
# Whole numbers that may be 0, with what 0 means.
ZERO_MEANS = {"TIMELINE_WORKERS": "one worker per core"}
# Settings that are addresses on other sites, with the placeholders each must have, rather than paths of this one.
ADDRESSES = {"TIMELINE_SYMBOL_URL": "{symbol}"}
# Settings that name a file in the content folder rather than in the output.
CONTENT_PATHS = ("TIMELINE_MEMBER_STATES",)
# Settings that are lists of host names rather than of folders.
HOSTS = ("TIMELINE_IMAGE_HOSTS",)
# Settings that are regular expressions, and settings that are words readers see.
PATTERNS = ("TIMELINE_SYMBOL_LINKED", "TIMELINE_SYMBOL_SHORTEN")
TEXTS = ("FIGURES_TITLE", "FIGURES_DESCRIPTION", "FIGURES_LEDE", "TIMELINE_MAP_NOTE")
# The generator's pages a menu may list, by the setting that gives each one's address.
MENU_PAGES = {"timeline": "TIMELINE_URL", "actors": "ACTORS_INDEX_URL", "votes": "VOTES_URL",
              "figures": "FIGURES_URL", "chronology": "CHRONOLOGY_URL", "corrections": "CORRECTIONS_URL",
              "search": "SEARCH_URL"}


# The kinds of setting that name a file the plugin writes.
OUTPUT_SETTINGS = ("_SAVE_AS", "_ATOM", "_JSON", "_CSV", "_SCHEMA")


def site_folders(settings: dict) -> set[str]:
    """The top-level folders the site writes itself: its sections, its data, its theme and its search
    index; no page of Pelican's may be written into one."""
    paths = [settings[key] for key in DEFAULTS if key.endswith(OUTPUT_SETTINGS)]
    folders = {path.split("/", 1)[0] for path in paths if "/" in path and not path.startswith("{")}
    return folders | {settings["THEME_STATIC_DIR"], SEARCH_INDEX_FOLDER}


class SettingsError(BuildStopped):
    """A setting the plugin cannot build with; the message lists each, one per line."""


def apply_defaults(pelican) -> None:
    """Fill in every setting pelicanconf.py leaves out, then check them all before anything is read."""
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)
    if problems := settings_problems(pelican.settings):
        show(f"settings: {problem} (set in pelicanconf.py or with -e)" for problem in problems)
        raise SettingsError(f"{count(len(problems), 'problem')} in the settings; nothing was read or written")


def settings_problems(settings: dict) -> list[str]:
    """What is wrong with the plugin's settings, each as `NAME: problem; expected …`."""
    problems = [problem for name in DEFAULTS if (problem := setting_problem(name, settings[name]))]
    # Positions name types of event, and editions give the site's settings in their words: compared once the
    # settings are sound.
    if not problems and (problem := positions_types_problem(settings)):
        problems.append(problem)
    if not problems:
        problems += editions_problems(settings)
    if settings.get("SLUGIFY_SOURCE") != "basename":
        problems.append(f"SLUGIFY_SOURCE: is {settings.get('SLUGIFY_SOURCE')!r}; expected \"basename\": pages "
                        "are named by their files, as events and actors are")
    return problems


def setting_problem(name: str, value: object) -> str | None:
    """What is wrong with one setting, judged against its default: the same type; a whole number of 1 or
    more (or 0, where 0 has a meaning); for a path, the same {placeholders}, inside the output folder; for a
    choice, one of its words."""
    default = DEFAULTS[name]
    if name in ZERO_MEANS and (type(value) is not int or value < 0):
        return f"{name}: is {value!r}; expected a whole number of 1 or more, or 0 for {ZERO_MEANS[name]}"
    if type(value) is not type(default):
        return f"{name}: is {value!r}; expected a value like the default, {default!r}"
    if name in CHOICES and value not in CHOICES[name]:
        return f"{name}: is {value!r}; expected one of " + ", ".join(map(repr, CHOICES[name]))
    if isinstance(value, int) and not isinstance(value, bool) and value < 1 and name not in ZERO_MEANS:
        return f"{name}: is {value!r}; expected a whole number of 1 or more"
    if name in MAXIMA and value > MAXIMA[name]:
        return f"{name}: is {value!r}; expected a whole number of at most {MAXIMA[name]:,}"
    if name in MAPPINGS:
        return f"{name}: {problem}" if (problem := mapping_problem(value, MAPPINGS[name])) else None
    if name in ADDRESSES:
        problem = address_problem(value, ADDRESSES[name])
    elif name in PATTERNS:
        problem = pattern_problem(value)
    elif name in TEXTS:
        problem = label_problem(value) and "a text readers see, not empty"
    elif name in HOSTS:
        problem = hosts_problem(value)
    elif isinstance(value, str):
        problem = path_problem(value, default, "content" if name in CONTENT_PATHS else "output")
    else:
        problem = list_problem(value)
    return f"{name}: is {value!r}; expected {problem}" if problem else None


def list_problem(value: object) -> str | None:
    if isinstance(value, list) and not all(isinstance(item, str) and item for item in value):
        return "a list of folder names"
    return None


def hosts_problem(value: list) -> str | None:
    if not all(isinstance(item, str) and HOST.fullmatch(item) for item in value):
        return 'a list of host names, such as ["upload.wikimedia.org"]'
    return None


def path_problem(value: str, default: str, folder: str = "output") -> str | None:
    if placeholders(value) != placeholders(default):
        return "a path with exactly the placeholders " + placeholder_list(default)
    if value.startswith("/") or ".." in value.split("/"):
        return f"a path inside the {folder} folder (no leading `/`, no `..`)"
    return None


def address_problem(value: str, needed: str) -> str | None:
    """Judge an address on another site: http(s), with the placeholders `needed`; or "" for no links."""
    if value == "" or value.startswith(("https://", "http://")) and placeholders(value) == placeholders(needed):
        return None
    return f"an address starting with https:// or http:// with exactly the placeholders {placeholder_list(needed)}" \
        ', or "" for no links'


def pattern_problem(value: str) -> str | None:
    try:
        re.compile(value)
    except re.error as error:
        return f"a regular expression (Python's re: {error})"
    return None


def placeholder_list(pattern: str) -> str:
    return ", ".join(sorted(f"{{{name}}}" for name in placeholders(pattern) or ())) or "none"


def placeholders(pattern: str) -> set[str] | None:
    """The {names} in a str.format pattern, or None when it is not a valid one or a placeholder is not written
    plainly: `{symbol:>200000}` would pad every address with 200,000 spaces, `{symbol!r}` quote it."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(pattern)
                  if name is not None]
    except ValueError:
        return None
    return None if any(spec or conversion for _, spec, conversion in fields) else {name for name, *_ in fields}


def positions_types_problem(settings: dict) -> str | None:
    """Find a type given positions that is no type of event: misspelt, it leaves the one it meant without."""
    types = settings["TIMELINE_EVENT_TYPES"]
    stray = next((name for name in settings["TIMELINE_POSITIONS"] if name not in types), None)
    if stray is None:
        return None
    return f"TIMELINE_POSITIONS: {stray!r} is not in TIMELINE_EVENT_TYPES; expected one of " + ", ".join(types)


def mapping_problem(value: dict, kind: Mapping) -> str | None:
    """Judge a setting that maps slugs (or, for the menu, the names of its pages) to labels, or to headings and
    their words."""
    if kind.required and not value:
        return f"is empty; expected at least one {kind.required}"
    for key, item in value.items():
        if kind.keys is not None and key not in kind.keys:
            return f"{key!r} is not one of {', '.join(kind.keys)}{closest(key, kind.keys)}"
        if not isinstance(key, str) or not SLUG.fullmatch(key):
            return f"the key {key!r} is not a slug; expected lower-case letters, digits and hyphens"
        if expected := kind.item_problem(item):
            return f"{key!r} is {item!r}; expected {expected}"
    return None


def label_problem(item: object) -> str | None:
    return None if isinstance(item, str) and item.strip() else "a label"


def positions_problem(item: object) -> str | None:
    """Judge a heading and the words of a position, each a slug to a label (given with -e, the pair is a list)."""
    if isinstance(item, tuple | list) and len(item) == 2 and not label_problem(item[0]) \
            and isinstance(item[1], dict) and item[1] and not mapping_problem(item[1], Mapping(label_problem)):
        return None
    return "a heading and its words, each a slug to a label: ('Who took part', {'took-part': 'Took part'})"


@dataclass(frozen=True)
class Mapping:
    """What a setting that is a mapping holds: what each value must be, the keys it may have (any slug when
    None), and what it must hold at least one of, if it may not be empty."""

    item_problem: Callable[[object], str | None]
    keys: tuple[str, ...] | None = None
    required: str = ""


MAPPINGS = {
    "TIMELINE_EVENT_TYPES": Mapping(label_problem, required="type of event"),
    "TIMELINE_POSITIONS": Mapping(positions_problem),
    "TIMELINE_MEASURES": Mapping(label_problem),
    "TIMELINE_MENU": Mapping(label_problem, tuple(MENU_PAGES)),
}


def absolute_url(settings: dict, path: str) -> str | None:
    """The address of a page or file under SITEURL, or None when the site's address is not set."""
    return f"{settings['SITEURL']}/{path}" if settings["SITEURL"] else None


LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")
# The settings an edition may give of its own: the words of the site in its language. Anything else (the
# addresses, the content, the limits) is the site's, so that the editions stay one site.
EDITION_SETTINGS = ("SITENAME", "SITESUBTITLE", "TIMELINE_EVENT_TYPES", "TIMELINE_POSITIONS", "TIMELINE_MEASURES",
                    "TIMELINE_MENU", "FIGURES_TITLE", "FIGURES_DESCRIPTION", "FIGURES_LEDE", "TIMELINE_MAP_NOTE",
                    "TIMELINE_TRANSLATIONS")


def editions_problems(settings: dict) -> list[str]:
    """What is wrong with the editions: a language's code, a setting an edition may not give, or one that
    does not give the site's own keys (the types, positions and measures are the same in every language)."""
    problems = []
    for lang, own in settings["TIMELINE_EDITIONS"].items():
        name = f"TIMELINE_EDITIONS[{lang!r}]"
        if not isinstance(lang, str) or not LANGUAGE.fullmatch(lang) or lang == settings["DEFAULT_LANG"]:
            problems.append(f"{name}: is not a language's code other than DEFAULT_LANG; expected one such as \"uk\"")
            continue
        if not isinstance(own, dict):
            problems.append(f"{name}: is {own!r}; expected the edition's settings, such as {{\"SITENAME\": \"…\"}}")
            continue
        folders = [THEME_CATALOGUES, *map(Path, own.get("TIMELINE_TRANSLATIONS", settings["TIMELINE_TRANSLATIONS"]))]
        if not any(catalogue_path(folder, lang).is_file() for folder in folders):
            problems.append(f"{name}: the theme has no catalogue of {lang!r}; expected "
                            f"{catalogue_path(Path('<folder>'), lang)} in a folder of TIMELINE_TRANSLATIONS")
        for key, value in own.items():
            if key not in EDITION_SETTINGS:
                problems.append(f"{name}: {key!r} is not a setting an edition gives; expected one of "
                                + ", ".join(EDITION_SETTINGS) + closest(key, EDITION_SETTINGS))
            elif problem := edition_value_problem(key, value, settings[key]):
                problems.append(f"{name}[{key!r}]: {problem}")
    return problems


def edition_value_problem(key: str, value: object, site_value: object) -> str | None:
    """An edition's value of a setting: sound as the site's would be, with the same keys (and words)."""
    if key in DEFAULTS and (problem := setting_problem(key, value)):
        return problem.split(": ", 1)[1]
    if not isinstance(value, type(site_value)):
        return f"is {value!r}; expected a value like the site's, {site_value!r}"
    if isinstance(value, dict) and set(value) != set(site_value):
        return "has the keys " + ", ".join(map(repr, value)) + "; expected the site's: " + ", ".join(
            map(repr, site_value))
    if key == "TIMELINE_POSITIONS":
        for kind, (_heading, words) in value.items():
            if set(words) != set(theirs := site_value[kind][1]):
                return f"gives {kind!r} the words {', '.join(words)}; expected the site's: {', '.join(theirs)}"
    return None
