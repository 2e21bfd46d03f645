"""A site's editions in other languages (`TIMELINE_EDITIONS`): each the whole site again, in its own folder.

A site's edition in another language, say `uk`, is built into `output/uk/` once the site itself is: the
same content, with each file's translation (`content/uk/events/<name>.md`) in its place where there is one, the theme's
words from its catalogue, and the settings the edition gives (its name, its types' labels) over the site's.
Its pages have the site's addresses under its folder, so every page knows its translation's address without
asking the other build: `events/x/` is `uk/events/x/`. Each edition is a site of its own: its theme's files,
search index, feeds, data and sitemap are written into its folder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
from dataclasses import dataclass

from pelican import Pelican
from pelican.contents import Page
from pelican.settings import configure_settings


@dataclass(frozen=True)
class Edition:
    """One language of the site, as a page links to it: its code, and the address of its home."""

    lang: str
    url: str  # "" for the site's own language; "uk" for its edition in `uk` (relative to the site's root)


def editions_of(settings: dict) -> list[Edition]:
    """The site's own language first, then each of its editions'; no edition, no list."""
    others = settings.get("TIMELINE_EDITIONS") or {}
    if not others:
        return []
    return [Edition(settings["DEFAULT_LANG"], ""), *(Edition(lang, lang) for lang in others)]


def edition_settings(settings: dict, lang: str) -> dict:
    """The settings of the site's edition in `lang`: the site's, with the edition's own words over them."""
    own = settings["TIMELINE_EDITIONS"][lang]
    edition = {**settings, **own}
    edition.update({
        "DEFAULT_LANG": lang,
        "OUTPUT_PATH": os.path.join(settings["OUTPUT_PATH"], lang),
        "CACHE_PATH": os.path.join(settings["CACHE_PATH"], lang),
        "SITEURL": f"{settings['SITEURL']}/{lang}" if settings["SITEURL"] else "",
        # The edition's feeds are its own, in its folder: Pelican would have them point at the site's.
        "FEED_DOMAIN": f"{settings['FEED_DOMAIN']}/{lang}" if settings.get("FEED_DOMAIN") else "",
        "TIMELINE_EDITIONS": {},
        "TIMELINE_EDITION": {"folder": lang, "site_url": settings["SITEURL"],
                             "editions": [*editions_of(settings)]},
        "OUTPUT_RETENTION": [],
    })
    return configure_settings(edition)


def describe_editions(pelican) -> None:
    """Tell the site's templates of its editions (Pelican's `initialized`): each page links to its translations.
    An edition's own settings say so already."""
    settings = pelican.settings
    if "TIMELINE_EDITION" not in settings:
        editions = editions_of(settings)
        settings["TIMELINE_EDITION"] = {"folder": "", "site_url": settings["SITEURL"], "editions": editions} \
            if editions else None


def build_editions(pelican) -> None:
    """Build each edition of the site just built (Pelican's `finalized`): a stopped edition stops the build."""
    settings = pelican.settings
    for lang in settings.get("TIMELINE_EDITIONS") or {}:
        give_back_memory()
        Pelican(edition_settings(settings, lang)).run()


def give_back_memory() -> None:
    """Return to the system what the site's build let go of (TimelineGenerator.release) before an edition is
    built in the same process: freed, it stays the process's, and counted again in each worker the edition
    forks. glibc's malloc_trim returns it where there is one; elsewhere the edition reuses it all the same."""
    gc.collect()
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def keep_editions(pelican) -> None:
    """Ask Pelican not to delete the editions' folders when it cleans the site's output: each edition's own
    build cleans its folder, keeping the pages it can leave as they are."""
    folders = list(pelican.settings.get("TIMELINE_EDITIONS") or {})
    pelican.output_retention = sorted(set(pelican.output_retention) | set(folders))


def translate_pages(generator) -> None:
    """In an edition, put each of Pelican's own pages (an About page) in its translation where there is one
    (Pelican's `page_generator_finalized`); one without stays as written, marked with its language. Read anew
    each build, as the few pages are: Pelican's cache knows the original's file, not its translation's."""
    edition = generator.settings.get("TIMELINE_EDITION") or {}
    if not edition.get("folder"):
        return
    for number, page in enumerate(generator.pages):
        translation = os.path.join(edition["folder"], os.path.relpath(page.source_path, generator.path))
        if os.path.isfile(os.path.join(generator.path, translation)):
            generator.pages[number] = generator.readers.read_file(
                base_path=generator.path, path=translation, content_class=Page, context=generator.context)
        else:
            page.untranslated_from = edition["editions"][0].lang
    generator._update_context(("pages",))
