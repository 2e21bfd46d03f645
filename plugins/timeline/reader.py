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
from ruamel.yaml.error import MarkedYAMLError

from .markup import find_unsafe_markup, sanitise_html


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


class TimelineReader(BaseReader):
    """Markdown with YAML front matter, for events, actors and plain pages alike."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path: str) -> tuple[str, dict]:
        with open(source_path, encoding="utf-8") as handle:
            text = handle.read()
        metadata: dict = {"frontmatter": {}, "field_lines": {}, "yaml_error": None}
        body = text
        if not text.startswith("---"):
            metadata["yaml_error"] = (1, "the file does not start with front matter between two `---` lines")
        else:
            handler = LineNumberedYAML()
            try:
                fm, body = handler.split(text)
                raw = handler.load(fm)
            except MarkedYAMLError as error:
                mark = error.problem_mark or error.context_mark
                line = mark.line + 1 if mark else 1
                metadata["yaml_error"] = (line, f"{error.problem or error.context}".strip())
            except ValueError:
                metadata["yaml_error"] = (1, "the front matter is not closed by a second `---` line")
            else:
                if isinstance(raw, CommentedMap):
                    metadata["frontmatter"] = plain(raw)
                    metadata["field_lines"] = field_lines(raw)
                elif raw is not None:
                    metadata["yaml_error"] = (2, "the front matter is not a list of `field: value` lines")
        metadata["body_line"] = text[: len(text) - len(body)].count("\n") + 1
        html = markdown.Markdown(**self.settings["MARKDOWN"]).convert(body)
        metadata["unsafe_markup"] = find_unsafe_markup(html)
        # Pelican's own page generator needs a title; events and actors are titled by validation.
        fm = metadata["frontmatter"]
        metadata["title"] = str(fm.get("title") or fm.get("name") or "")
        return sanitise_html(html), metadata
