"""sitemap.xml and robots.txt, from the pages the site actually writes.

The pelican-sitemap plugin lists Pelican's own articles, pages and index templates; events, actors and
listings are written by this plugin, so the sitemap is written here from the same list of pages.
"""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

from .settings import absolute_url


def sitemap_xml(addresses: list[str]) -> str:
    # No <lastmod>: the build's date is not when a page changed, and output must not depend on it.
    urls = "".join(f"  <url><loc>{escape(address)}</loc></url>\n" for address in addresses)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")


def write_sitemap(output_path: str, settings: dict, page_urls: list[str]) -> None:
    """Write sitemap.xml and robots.txt naming it; nothing without SITEURL, as addresses must be absolute. The
    site's sitemap lists every page in each of its editions, which have the same pages (editions.py); an
    edition writes none of its own."""
    sitemap = absolute_url(settings, settings["SITEMAP_SAVE_AS"])
    edition = settings.get("TIMELINE_EDITION") or {"folder": "", "editions": []}
    if sitemap is None or edition["folder"]:
        return
    folders = [f"{other.url}/" if other.url else "" for other in edition["editions"]] or [""]
    files = {
        settings["SITEMAP_SAVE_AS"]: sitemap_xml([absolute_url(settings, folder + url)
                                                  for folder in folders for url in page_urls]),
        settings["ROBOTS_SAVE_AS"]: f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n",
    }
    for path, text in files.items():
        with open(os.path.join(output_path, path), "w", encoding="utf-8") as handle:
            handle.write(text)
