"""The site's menu: the generator's pages TIMELINE_MENU lists, with the site's own pages (an About page)
before the last of them, as a search link usually ends a menu."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Timeline
from .settings import MENU_PAGES


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str  # below SITEURL, as every page's `url` is


def site_menu(settings: dict, timeline: Timeline, pages: list) -> list[MenuLink]:
    """The links of the menu, in order; a page the record leaves unwritten (votes before the first vote) has none."""
    written = {"votes": bool(timeline.votes), "figures": bool(timeline.figures),
               "corrections": bool(timeline.corrections)}
    links = [MenuLink(label, settings[MENU_PAGES[name]]) for name, label in settings["TIMELINE_MENU"].items()
             if written.get(name, True)]
    own = [MenuLink(page.title, page.url) for page in pages]
    return links[:-1] + own + links[-1:]
