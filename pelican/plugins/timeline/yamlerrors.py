"""YAML's own error messages, told in the words of the editing guide, on the line to look at.

YAML reports where its parser gave up, which is not always where the editor went wrong: for a quotation
mark or a bracket that is never closed, the helpful line is where it was opened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.error import MarkedYAMLError, YAMLError
from yaml.reader import ReaderError

from .problems import Problem

FIELD_LINES = "`field: value` lines"
QUOTE_IT = 'the value in double quotes, e.g. `title: "Resolution 2623: an emergency session"`'


@dataclass(frozen=True)
class Explanation:
    """What to tell the editor when YAML's message matches `pattern`."""

    pattern: str
    problem: str
    expected: str
    at_opening: bool = False  # point at the line where the unclosed thing began
    field: str = "front matter"


EXPLANATIONS = (
    Explanation(r'found duplicate key "(?P<key>[^"]*)"', "given twice",
                "each field once (delete or rename one of them)", field="{key}"),
    Explanation(r"mapping values are not allowed here",
                "a colon and a space inside a value, or a line indented under a one-line value", QUOTE_IT),
    Explanation(r"found character '\\t'", "a tab character", "spaces, not tabs, to indent"),
    Explanation(r"found character '(?P<char>.)' that cannot start any token",
                "a value that starts with `{char}`", QUOTE_IT),
    Explanation(r"found unknown escape character '(?P<char>.)'", "`\\{char}` inside double quotes",
                "single quotes around text with a backslash, or `\\\\` for the backslash itself"),
    Explanation(r"quoted scalar found unexpected end of stream", "a quotation mark that is never closed",
                "the closing quotation mark on the same line", True),
    Explanation(r"while parsing a flow sequence", "a list opened with `[` and not closed with `]`",
                "`[a, b]` on one line, or one `- ` entry per line", True),
    Explanation(r"while parsing a flow mapping", "a group opened with `{{` and not closed with `}}`",
                "`{yes: 91, no: 12}` on one line, or one `name: value` line each", True),
    Explanation(r"could not find expected ':'", "a line that is not `field: value`",
                "`field: value`, with a colon and a space after the field", True),
    Explanation(r"expected <block end>, but found", "a line indented differently from the lines around it",
                "the fields of one group indented by the same number of spaces"),
    Explanation(r"found undefined alias|while scanning an? (alias|anchor)",
                "a value that starts with `*` or `&`", QUOTE_IT),
    Explanation(r"expected a single document", "a third `---` line inside the front matter",
                "one `---` line before the fields and one after them"),
)


def explain(error: YAMLError, text: str) -> Problem:
    """The problem in `error`, raised while reading `text` (front matter that starts on the file's line 1)."""
    if isinstance(error, ReaderError):
        line = text[: error.position].count("\n") + 1
        return Problem("", line, "front matter", f"an invisible control character (#x{error.character:04x})",
                       "plain text without it (such characters often come with copy and paste)")
    if not isinstance(error, MarkedYAMLError):
        return Problem("", 1, "front matter", f"YAML cannot read it ({error})", FIELD_LINES)
    message = f"{error.context or ''} {error.problem or ''}"
    for explanation in EXPLANATIONS:
        if match := re.search(explanation.pattern, message):
            mark = (error.context_mark if explanation.at_opening else None) or error.problem_mark
            words = match.groupdict()
            return Problem("", line_of(mark), explanation.field.format(**words),
                           explanation.problem.format(**words), explanation.expected)
    return Problem("", line_of(error.problem_mark or error.context_mark), "front matter",
                   f"YAML cannot read it ({(error.problem or error.context or '').strip()})", FIELD_LINES)


def line_of(mark) -> int:
    return mark.line + 1 if mark else 1
