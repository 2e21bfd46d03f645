"""Links in Pelican's own form, `{static}path`, `{attach}path` and `{filename}path`: where each leads, and
why one may not be followed; and images from other hosts, which a page would ask for.

Pelican reads them in pages only, and follows them wherever they lead: a `{static}` or `{attach}` link
publishes the file it names, and the folders on its way are made in the output, even when the path climbs
out of content/ (`{attach}../../etc/passwd`) or runs through a link to somewhere else. So a page's links of
this form must name a file inside content/, and its own pages' files for `{filename}`; in an event's, an
actor's or a period's body, which Pelican does not read for them, they would stay as they are written, and
lead nowhere.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from .lines import Lines

# The kinds of link Pelican rewrites that this site can use: to a file, and to the home page.
FILE_LINKS = {"static", "attach", "filename"}
SITE_LINKS = FILE_LINKS | {"index"}
EXPECTED = "a path to a file inside content/, from the page's folder or, with a leading `/`, from content/"
ORDINARY = ("an ordinary link: a full address, or the address of a page of this site relative to this one, such as "
            "`../../actors/its-file-name/`")


def site_link_pattern(settings: dict) -> re.Pattern:
    """Pelican's own pattern of a link it rewrites, from INTRASITE_LINK_REGEX (`{static}` and `|static|`)."""
    return re.compile(r"""<[^>]+(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*(["'])"""
                      rf"""(?P<path>{settings["INTRASITE_LINK_REGEX"]}(?P<value>.*?))\1""")


def site_links(html_text: str, source: str, first_line: int, settings: dict) -> list[tuple[int, str, str]]:
    """Each link of Pelican's form in a body's HTML: the line of `source` (which starts on `first_line`) that
    writes it, its kind (`static`) and what follows it."""
    lines = Lines(source, first_line)
    return [(lines.of_next(html.unescape(match["path"])) or first_line, match["what"], html.unescape(match["value"]))
            for match in site_link_pattern(settings).finditer(html_text)]


def link_problem(kind: str, value: str, source: Path, content: Path, pages: list[str]) -> str | None:
    """Why a page's link of Pelican's form may not be followed, or None; `source` is the page's file and
    `pages` the folders of Pelican's pages, inside `content`."""
    if kind not in SITE_LINKS:
        return f"`{{{kind}}}` is not a kind of link this site makes"
    if kind == "index":
        return None
    paths = candidates(value)
    found = [target for path in paths
             if (target := inside(content, path if path.startswith("/") else
                                  os.path.join(source.parent.relative_to(content).as_posix(), path)))]
    if len(found) < len(paths):
        return f"`{{{kind}}}{value}` leads outside content/"
    if not any(target.is_file() for target in found):
        return f"`{{{kind}}}{value}` leads to no file"
    if kind == "filename" and not any(target.is_relative_to(content / folder) for target in found
                                      for folder in pages):
        return f"`{{{kind}}}{value}` is not a page: `{{filename}}` leads only to pages"
    return None


def candidates(value: str) -> set[str]:
    """The paths Pelican tries for a link, in turn: as written, unquoted, with character references read."""
    path = urlparse(value).path
    return {path, unquote(path), urlparse(html.unescape(value)).path, path.replace("%20", " ")}


def inside(content: Path, path: str) -> Path | None:
    """The file a path names below `content` (a leading `/` is content/ itself), or None where the path, or
    a link on its way, leaves it."""
    normal = os.path.normpath(path.lstrip("/"))
    if normal == ".." or normal.startswith("../") or os.path.isabs(normal):
        return None
    target = content / normal
    real_content = Path(os.path.realpath(content))
    return target if Path(os.path.realpath(target)).is_relative_to(real_content) else None


IMAGE_SOURCE = re.compile(r'<img\b[^>]*?\ssrc="([^"]*)"')


def images_elsewhere(html_text: str, source: str, first_line: int) -> list[tuple[int, str]]:
    """Each image of a body's HTML that comes from another host, with the line of `source` that shows it."""
    lines = Lines(source, first_line)
    addresses = (html.unescape(match[1]) for match in IMAGE_SOURCE.finditer(html_text))
    return [(lines.of_next(address) or first_line, address) for address in addresses if urlparse(address).netloc]
