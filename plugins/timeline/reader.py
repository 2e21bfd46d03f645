"""Reading one content file: YAML 1.2 front matter with line numbers, and a sanitised Markdown body.

The reader never raises on bad input: it hands what it found (including a YAML error) to validation,
which reports every problem of every file in one run.
"""

from __future__ import annotations

import io

import markdown
from frontmatter.default_handlers import YAMLHandler
from pelican.readers import BaseReader
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError

from .markup import locate_unsafe_markup, sanitise_html
from .problems import Problem, describe
from .yamlerrors import explain


class DatesAsText(RoundTripConstructor):
    """Dates stay text, so that validation can name the line of an impossible one (2023-02-30)."""


DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", DatesAsText.construct_yaml_str)


class LineNumberedYAML(YAMLHandler):
    """Front matter as YAML 1.2, so that `yes`, `no`, `on` and `off` stay strings."""

    def load(self, fm: str, **kwargs: object) -> CommentedMap:
        yaml = YAML(typ="rt", pure=True)
        yaml.Constructor = DatesAsText
        return yaml.load(io.StringIO(fm))


def plain(value: object) -> object:
    """ruamel's round-trip types as plain Python values, so the reader cache can pickle them."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    for kind in (bool, int, float, str):
        if isinstance(value, kind):
            return kind(value)
    return value


def field_lines(node: object, prefix: str = "", lines: dict[str, int] | None = None) -> dict[str, int]:
    """Map each field path (`tally.no`, `sources[1].url`) to its line in the file."""
    lines = {} if lines is None else lines
    # The front matter text starts on the file's first line, right after the opening `---`.
    if isinstance(node, CommentedMap):
        for key in node:
            path = f"{prefix}.{key}" if prefix else str(key)
            lines[path] = node.lc.key(key)[0] + 1
            field_lines(node[key], path, lines)
    elif isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            path = f"{prefix}[{index}]"
            lines[path] = node.lc.item(index)[0] + 1
            field_lines(item, path, lines)
    return lines


FRONT_MATTER = "a first line `---`, then `field: value` lines, then a line `---`, then the text"


def decode(data: bytes) -> tuple[str, Problem | None]:
    """The file's text; a file saved in another encoding than UTF-8 is a problem on the line it breaks."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return data.decode("utf-8", errors="replace"), Problem(
            "", line, "file", f"byte {data[error.start]:#04x} is not UTF-8 text",
            "a file saved as UTF-8 (choose UTF-8 in the editor's Save As dialog)")


def front_matter(text: str) -> tuple[CommentedMap | None, str, Problem | None]:
    """The front matter as YAML, the body after it, and what made the front matter unreadable."""
    if not text.startswith("---"):
        return None, text, Problem("", 1, "front matter", "missing: the file does not start with `---`",
                                   FRONT_MATTER)
    handler = LineNumberedYAML()
    try:
        fm, body = handler.split(text)
    except ValueError:
        return None, text, Problem("", 1, "front matter", "not closed by a second `---` line", FRONT_MATTER)
    try:
        raw = handler.load(fm)
    except YAMLError as error:
        return None, body, explain(error, fm)
    except (ValueError, TypeError) as error:
        # A tag such as `!!int abc` passes the parser and fails when YAML converts the value.
        return None, body, Problem("", 1, "front matter", f"YAML cannot convert a value ({error})",
                                   "plain values, without `!!` tags")
    if raw is not None and not isinstance(raw, CommentedMap):
        return None, body, Problem("", 2, "front matter", f"is {describe(plain(raw))}, not `field: value` lines",
                                   FRONT_MATTER)
    return raw, body, None


class TimelineReader(BaseReader):
    """Markdown with YAML front matter, for events, actors and plain pages alike."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict]:
        with open(source_path, "rb") as handle:
            text, problem = decode(handle.read())
        raw, body = None, text
        if problem is None:
            raw, body, problem = front_matter(text)
        fm = plain(raw) if raw is not None else {}
        html = markdown.Markdown(**self.settings["MARKDOWN"]).convert(body)
        metadata = {
            "frontmatter": fm,
            "field_lines": field_lines(raw) if raw is not None else {},
            "read_problem": problem,
            # The body starts on the line of the closing `---`, right after which the text begins.
            "unsafe_markup": locate_unsafe_markup(html, body, text.count("\n", 0, len(text) - len(body)) + 1),
            # Pelican's own page generator needs a title; events and actors are titled by validation.
            "title": str(fm.get("title") or fm.get("name") or ""),
        }
        return sanitise_html(html), metadata
