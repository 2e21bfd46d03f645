"""What a process that builds the site again and again (`invoke livereload`, Pelican's --autoreload) keeps of
its last build: the checked timeline and the plan of every page, so that an edit to the words of events'
bodies alone, the commonest edit while writing, is drawn without validating and planning the whole record
again.

The model is kept under a digest of everything it is made of but those words: the settings, the plugin's
code and the theme, the day (validation reads it), the front matter of every file of events, actors, periods
and pages, the table of member states and the roll calls. A build whose digest is the kept one differs from
the last only in some events' bodies: each of those files is validated again as a full build would validate
it, and its body is given to the kept event; no value of the plan is made of a body, so the plan holds
(tests/test_incremental_property.py checks the output against a build from scratch). Any other edit builds
everything, and keeps the new model.

Kept only where TIMELINE_KEEP_MODEL is set, as `invoke livereload` sets it: a build run once has no use for
it, and an edition built after the site in the same process would hold two records at once.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .model import Timeline
from .page_cache import PageCache, digest
from .plan import SitePlan
from .problems import ContentError
from .validate import SourceFile, parse_event

SETTING = "TIMELINE_KEEP_MODEL"


@dataclass
class Kept:
    made_of: str  # the digest of everything the model and plan are made of, but the words of bodies
    words: dict[str, str]  # the digest of each event's body, by slug
    timeline: Timeline
    site: SitePlan
    warnings: list


# The last build's model, by the folder it was written to (a site and each of its editions).
_last: dict[str, Kept] = {}


def made_of(settings: dict, read: dict[str, tuple[str, str]], events: list[SourceFile], data_texts: list[str],
            today: datetime.date) -> tuple[str, dict[str, str]]:
    """The digest of everything a build's model and plan are made of but the words of events' bodies, from the
    digests of every file read (`read`, by path, as source_digests gives them), of which `events` are the events,
    and the texts of the table and the roll calls; and the digest of each event's body, by slug."""
    theme = sorted(path for path in Path(settings["THEME"]).rglob("*") if path.is_file())
    bodies = {doc.source_path for doc in events}
    whole = digest(today.isoformat(), PageCache.code(), PageCache.context(settings),
                   *(f"{path}\x00{hashlib.blake2b(path.read_bytes()).hexdigest()}" for path in theme),
                   *(card if path in bodies else digest(card, words) for path, (card, words) in read.items()),
                   *data_texts)
    return whole, {doc.slug: read[doc.source_path][1] for doc in events}


def reusable(settings: dict, output: str, whole: str) -> Kept | None:
    """The last build's model, where it is kept and made of the same (all but bodies) as this build."""
    kept = _last.get(output)
    return kept if settings[SETTING] and kept is not None and kept.made_of == whole else None


def take_new_words(kept: Kept, words: dict[str, str], events: list[SourceFile], today: datetime.date) -> set[str]:
    """Validate again each event whose body changed since the kept build, and give the kept event its new body;
    give their slugs. Raises ContentError, and changes nothing, when one of them is wrong."""
    changed = {slug for slug, body in words.items() if kept.words[slug] != body}
    actors = {actor.slug: actor for actor in kept.timeline.actors}
    problems: list = []
    fresh = {doc.slug: parse_event(doc, actors, problems, today) for doc in events if doc.slug in changed}
    if problems:
        raise ContentError(problems)
    for event in kept.timeline.events:
        if event.slug in fresh:
            event.html = fresh[event.slug].html
    kept.words = words
    return changed


def remember(settings: dict, output: str, kept: Kept) -> None:
    """Keep this build's model for the next build in this process, where the setting asks for it."""
    if settings[SETTING]:
        _last[output] = kept
    else:
        _last.pop(output, None)
