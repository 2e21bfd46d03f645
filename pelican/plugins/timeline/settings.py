"""The plugin's settings and their defaults; pelicanconf.py may override any of them."""

from __future__ import annotations

import string

from .files import SLUG
from .problems import BuildStopped, count, show

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
    "EVENT_URL": "events/{slug}/",
    "EVENT_SAVE_AS": "events/{slug}/index.html",
    "ACTOR_URL": "actors/{slug}/",
    "ACTOR_SAVE_AS": "actors/{slug}/index.html",
    "ACTORS_INDEX_URL": "actors/",
    "ACTORS_INDEX_SAVE_AS": "actors/index.html",
    "FIGURES_URL": "children/",
    "FIGURES_SAVE_AS": "children/index.html",
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
    # The kinds of event an editor may choose, with the label readers see.
    "TIMELINE_EVENT_TYPES": {
        "invasion": "Invasion", "vote": "Vote", "veto": "Veto", "session": "Session",
        "warrant": "Arrest warrant", "legal": "Legal step", "talks": "Talks", "summit": "Summit",
        "meeting": "Meeting", "hearing": "Hearing", "report": "Report", "statement": "Statement",
    },
    # The positions named states may take at each type of event: the heading readers see above them, and
    # each word an editor may write with the label readers see. A type not listed has no positions. Positions
    # in the words a tally counts (yes, no, abstain, absent) are votes; in any other words, stances.
    "TIMELINE_POSITIONS": {
        "vote": ("How named states voted", VOTES),
        "veto": ("How named states voted", VOTES),
        "summit": ("Who endorsed the communiqué", {"endorsed": "Endorsed", "did-not-endorse": "Did not endorse",
                                                   "observer": "Observer", "not-invited": "Not invited"}),
        "talks": ("Who took part", {"took-part": "Took part", "declined": "Declined"}),
    },
    # Voting bodies (actor slugs) and their membership, the ceiling for any tally.
    "TIMELINE_BODIES": {"un-general-assembly": 193, "un-security-council": 15},
    # The Security Council's permanent members (actor slugs): the recorded vote of one of them against a vetoed
    # draft is named as its veto. No other vote is ever taken for a veto.
    "TIMELINE_PERMANENT_MEMBERS": ["russian-federation", "china", "france", "united-kingdom", "united-states"],
    # "error" stops the build on a script, frame or event handler in content; "strip" only removes it.
    "TIMELINE_UNSAFE_MARKUP": "error",
    # How long Markdown may take over one body before the file is reported: Python-Markdown is quadratic on
    # some texts, and no file may hold a build up without limit. A long body of 100 KB takes about 2 s.
    "TIMELINE_MARKDOWN_SECONDS": 10,
    # Where the official document of a UN symbol (A/RES/ES-11/6, S/RES/2774 (2025)) is found: the symbol,
    # URL-quoted, takes the place of {symbol} (see symbols.py); "" links no symbol. A university library's
    # guide gives this address of the UN's document system (undocs.org followed by the symbol); the UN's own
    # documentation of it was not found, hence a setting, to be changed in one place.
    "TIMELINE_SYMBOL_URL": "https://undocs.org/{symbol}",
    # How many processes read the files and write the pages (workers.py); 0 for one per core. The output is
    # the same whatever the number.
    "TIMELINE_WORKERS": 0,
}
CHOICES = {"TIMELINE_UNSAFE_MARKUP": ("error", "strip")}
# Whole numbers that may be 0, with what 0 means.
ZERO_MEANS = {"TIMELINE_WORKERS": "one worker per core"}
# Settings that are addresses on other sites, with placeholders, rather than paths of this one.
ADDRESSES = ("TIMELINE_SYMBOL_URL",)


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
    # Positions name types of event: compared once both settings are sound.
    if not problems and (problem := positions_types_problem(settings)):
        problems.append(problem)
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
    if name in ADDRESSES:
        return f"{name}: is {value!r}; expected {problem}" if (problem := address_problem(value, default)) else None
    if isinstance(value, str) and (problem := path_problem(value, default)):
        return f"{name}: is {value!r}; expected {problem}"
    if isinstance(value, dict) and (problem := mapping_problem(value, default)):
        return f"{name}: {problem}"
    if name == "TIMELINE_EVENT_TYPES" and not value:
        return f"{name}: is empty; expected at least one type of event"
    if name == "TIMELINE_PERMANENT_MEMBERS":
        if not all(isinstance(item, str) and SLUG.fullmatch(item) for item in value):
            return f"{name}: is {value!r}; expected a list of actor slugs"
    elif isinstance(value, list) and not all(isinstance(item, str) and item for item in value):
        return f"{name}: is {value!r}; expected a list of folder names"
    return None


def path_problem(value: str, default: str) -> str | None:
    if placeholders(value) != placeholders(default):
        return "a path with exactly the placeholders " + placeholder_list(default)
    if value.startswith("/") or ".." in value.split("/"):
        return "a path inside the output folder (no leading `/`, no `..`)"
    return None


def address_problem(value: str, default: str) -> str | None:
    """Judge an address on another site: http(s), with its default's placeholders; or "" for no links."""
    if value == "" or value.startswith(("https://", "http://")) and placeholders(value) == placeholders(default):
        return None
    return f"an address starting with https:// or http:// with exactly the placeholders {placeholder_list(default)}" \
        ', or "" for no links'


def placeholder_list(pattern: str) -> str:
    return ", ".join(sorted(f"{{{name}}}" for name in placeholders(pattern) or ())) or "none"


def placeholders(pattern: str) -> set[str] | None:
    """The {names} in a str.format pattern, or None when it is not a valid one."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError:
        return None


def positions_types_problem(settings: dict) -> str | None:
    """Find a type given positions that is no type of event: misspelt, it leaves the one it meant without."""
    types = settings["TIMELINE_EVENT_TYPES"]
    stray = next((name for name in settings["TIMELINE_POSITIONS"] if name not in types), None)
    if stray is None:
        return None
    return f"TIMELINE_POSITIONS: {stray!r} is not in TIMELINE_EVENT_TYPES; expected one of " + ", ".join(types)


def mapping_problem(value: dict, default: dict) -> str | None:
    """Judge event types (a slug to a label), voting bodies (an actor's slug to a membership of 1 or more) or
    positions (an event type to a heading and its words) by the kind of the default's values."""
    item_problem = ITEM_PROBLEMS[type(next(iter(default.values())))]
    for key, item in value.items():
        if not isinstance(key, str) or not SLUG.fullmatch(key):
            return f"the key {key!r} is not a slug; expected lower-case letters, digits and hyphens"
        if expected := item_problem(item):
            return f"{key!r} is {item!r}; expected {expected}"
    return None


def label_problem(item: object) -> str | None:
    return None if isinstance(item, str) and item.strip() else "a label"


def membership_problem(item: object) -> str | None:
    return None if type(item) is int and item >= 1 else "a whole number of 1 or more"


def positions_problem(item: object) -> str | None:
    """Judge a heading and the words of a position, each a slug to a label (given with -e, the pair is a list)."""
    if isinstance(item, tuple | list) and len(item) == 2 and not label_problem(item[0]) \
            and isinstance(item[1], dict) and item[1] and not mapping_problem(item[1], {"word": "Label"}):
        return None
    return "a heading and its words, each a slug to a label: ('Who took part', {'took-part': 'Took part'})"


ITEM_PROBLEMS = {str: label_problem, int: membership_problem, tuple: positions_problem}


def absolute_url(settings: dict, path: str) -> str | None:
    """The address of a page or file under SITEURL, or None when the site's address is not set."""
    return f"{settings['SITEURL']}/{path}" if settings["SITEURL"] else None
