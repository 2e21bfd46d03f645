"""What no file in content/ may ever put in a built site: markup that runs, or that a consumer of the
site's text would take for markup, in any file a browser, a feed reader, a spreadsheet or a program
reading the open data opens."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from pelican.plugins import timeline

# The start tags of the scripts the templates write, such as `<script type="application/ld+json">`.
THEME_SCRIPT_TAGS = {tag for template in Path(timeline.THEME).rglob("*.html")
                     for tag in re.findall(r"<script\b[^>{]*>", template.read_text())}
RUNNING_ELEMENTS = {"script", "iframe", "object", "embed", "frame", "frameset", "base", "style"}
# Where a browser stops reading text and starts reading a tag, a comment or a declaration.
MARKUP_START = re.compile(r"<[A-Za-z/!?]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ATOM = "{http://www.w3.org/2005/Atom}"


def ships_with_theme(script) -> bool:
    """A script the theme itself adds: a file of its static folder, or one a template writes."""
    src = script.get("src")
    return "theme/" in src if src else str(script).split(">", 1)[0] + ">" in THEME_SCRIPT_TAGS


def is_javascript_url(value) -> bool:
    values = value if isinstance(value, list) else [value]
    return any("javascript:" in re.sub(r"[\x00-\x20]", "", v).lower() for v in values)


def in_html(html: str, where: str) -> list[str]:
    """Elements that run, event handlers and javascript: URLs in a page (the theme's own scripts aside)."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name in RUNNING_ELEMENTS and not (element.name == "script" and ships_with_theme(element)):
            found.append(f"{where}: <{element.name}>")
        found += [f"{where}: {name}= on <{element.name}>" for name, value in element.attrs.items()
                  if name.lower().startswith("on") or is_javascript_url(value)]
    return found


def in_text(text: str, where: str) -> list[str]:
    """Plain text that would read as markup wherever it is pasted into HTML."""
    return [f"{where}: `{match.group()}` in {text!r}"] if (match := MARKUP_START.search(text)) else []


def in_feed(path: Path, where: str) -> list[str]:
    """A feed's HTML (`type="html"`) as HTML, and every other text as plain text."""
    found = []
    for element in ElementTree.parse(path).iter():
        if element.text and element.get("type") == "html":
            found += in_html(element.text, f"{where} <{element.tag.removeprefix(ATOM)}>")
        elif element.text:
            found += in_text(element.text, f"{where} <{element.tag.removeprefix(ATOM)}>")
        found += [problem for value in element.attrib.values() for problem in in_text(value, where)]
    return found


def strings(data: object):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


def in_json(path: Path, where: str) -> list[str]:
    """Every string of a data file is plain text, and its bytes hold no `<` that an HTML parser could read."""
    text = path.read_text(encoding="utf-8")
    found = [f"{where}: a raw `<` in the bytes"] if MARKUP_START.search(text) else []
    return found + [problem for value in strings(json.loads(text)) for problem in in_text(value, where)]


def in_csv(path: Path, where: str) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    return [problem for cell in cells for problem in in_text(cell, where)] + \
        [f"{where}: a cell a spreadsheet would run: {cell!r}" for cell in cells if cell.startswith(FORMULA_START)]


def live_markup(output: Path) -> list[str]:
    """Every piece of live markup in the built site, as `file: what`."""
    readers = {".html": lambda path, where: in_html(path.read_text(encoding="utf-8"), where),
               ".xml": in_feed, ".json": in_json, ".csv": in_csv}
    found = []
    for path in sorted(output.rglob("*")):
        if path.suffix in readers and path.is_file():
            found += readers[path.suffix](path, path.relative_to(output).as_posix())
    return found
