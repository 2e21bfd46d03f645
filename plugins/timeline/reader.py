"""Reading one content file: YAML 1.2 front matter with line numbers, and a sanitised Markdown body.

The reader never raises on bad input: it hands what it found (including a YAML error) to validation,
which reports every problem of every file in one run.
"""

from __future__ import annotations

import re

import markdown
import yaml
from frontmatter.default_handlers import YAMLHandler
from pelican.readers import BaseReader
from yaml.constructor import ConstructorError
from yaml.error import YAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .markup import locate_unsafe_markup, sanitise_html
from .problems import Problem, describe
from .yamlerrors import explain


# The YAML 1.2 core schema for unquoted values; anything else (dates included) stays text, so that
# validation can name the line of an impossible date such as 2023-02-30.
CORE_NULLS = {"", "~", "null", "Null", "NULL"}
CORE_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Digits may be grouped with underscores (16_000), as the YAML library used before accepted.
CORE_INT = re.compile(r"[-+]?[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+")
CORE_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
CORE_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")
# libyaml, which PyYAML's wheels include; the pure-Python loader reads the same, only slower.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def core_value(node: ScalarNode) -> object:
    """A scalar as YAML 1.2 reads it: a bare `yes` or `no` stays a word (in YAML 1.1 it is a boolean)."""
    text = node.value
    if node.style:
        return text
    if text in CORE_NULLS:
        return None
    if text in CORE_BOOLS:
        return CORE_BOOLS[text]
    if CORE_INT.fullmatch(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text.replace("_", ""))
    if CORE_FLOAT.fullmatch(text):
        return float(text)
    if CORE_SPECIAL_FLOAT.fullmatch(text):
        return float(text.replace(".", "").lower())
    return text


class FrontMatter:
    """Front matter as plain Python values, and the line of each field path (`tally.no`, `sources[1].url`).

    libyaml only builds the node tree, which carries line numbers; the values are resolved here by the
    YAML 1.2 rules, so reading stays fast on sites of thousands of files.
    """

    def __init__(self, text: str):
        try:
            self.data = self.read(text, FAST_LOADER)
        except YAMLError:
            # libyaml words its errors tersely; the pure-Python parser says what it expected and found.
            self.data = self.read(text, yaml.SafeLoader)

    def read(self, text: str, loader_class: type) -> object:
        self.lines: dict[str, int] = {}
        # The front matter text starts on the file's first line, right after the opening `---`.
        self.loader = loader_class(text)
        try:
            root = self.loader.get_single_node()
            return None if root is None else self.value(root, "")
        finally:
            self.loader.dispose()

    def value(self, node: Node, path: str) -> object:
        if isinstance(node, MappingNode):
            self.loader.flatten_mapping(node)
            mapping: dict[str, object] = {}
            for key_node, value_node in node.value:
                key = str(core_value(key_node) if isinstance(key_node, ScalarNode) else key_node.value)
                field = f"{path}.{key}" if path else key
                value = self.value(value_node, field)
                if key in mapping:
                    raise ConstructorError("while constructing a mapping", node.start_mark,
                                           f'found duplicate key "{key}" with value "{value}" '
                                           f'(original value: "{mapping[key]}")', key_node.start_mark)
                self.lines[field] = key_node.start_mark.line + 1
                mapping[key] = value
            return mapping
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[f"{path}[{index}]"] = item.start_mark.line + 1
                items.append(self.value(item, f"{path}[{index}]"))
            return items
        return core_value(node)


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


def front_matter(text: str) -> tuple[FrontMatter | None, str, Problem | None]:
    """The front matter as YAML, the body after it, and what made the front matter unreadable."""
    if not text.startswith("---"):
        return None, text, Problem("", 1, "front matter", "missing: the file does not start with `---`",
                                   FRONT_MATTER)
    try:
        fm, body = YAMLHandler().split(text)
    except ValueError:
        return None, text, Problem("", 1, "front matter", "not closed by a second `---` line", FRONT_MATTER)
    try:
        front = FrontMatter(fm)
    except YAMLError as error:
        return None, body, explain(error, fm)
    if front.data is not None and not isinstance(front.data, dict):
        return None, body, Problem("", 2, "front matter", f"is {describe(front.data)}, not `field: value` lines",
                                   FRONT_MATTER)
    return front, body, None


class TimelineReader(BaseReader):
    """Markdown with YAML front matter, for events, actors and plain pages alike."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings: dict):
        super().__init__(settings)
        # One Markdown converter, reset between files: building one loads every extension again.
        self.markdown = markdown.Markdown(**settings["MARKDOWN"])

    def read(self, source_path: str) -> tuple[str, dict]:
        with open(source_path, "rb") as handle:
            text, problem = decode(handle.read())
        front, body = None, text
        if problem is None:
            front, body, problem = front_matter(text)
        fm = front.data or {} if front else {}
        html = self.markdown.reset().convert(body)
        metadata = {
            "frontmatter": fm,
            "field_lines": front.lines if front else {},
            "read_problem": problem,
            # The body starts on the line of the closing `---`, right after which the text begins.
            "unsafe_markup": locate_unsafe_markup(html, body, text.count("\n", 0, len(text) - len(body)) + 1),
            # Pelican's own page generator needs a title; events and actors are titled by validation.
            "title": str(fm.get("title") or fm.get("name") or ""),
        }
        return sanitise_html(html), metadata
