"""An editor's YAML mistakes are told in the editing guide's words, on the line where the mistake is."""

from __future__ import annotations

import pytest

from pelican.plugins.timeline.problems import Problem
from pelican.plugins.timeline.reader import front_matter

QUOTE_IT = 'the value in double quotes, e.g. `title: "Resolution 2623: an emergency session"`'


def problem_in(fields: str) -> Problem:
    """Return what reading a file of these front matter lines reports, its line counted from the file's first."""
    front, _, problem = front_matter(f"---\n{fields}---\nThe body.\n")
    assert front is None and problem is not None
    return problem


@pytest.mark.parametrize("fields, line, field, problem, expected", [
    ("date: 2023-02-23\ntitle: Resolution 2623: an emergency session\n", 3, "front matter",
     "a colon and a space inside a value, or a line indented under a one-line value", QUOTE_IT),
    ("sources:\n\t- title: A report\n", 3, "front matter", "a tab character", "spaces, not tabs, to indent"),
    ("title: A\ndate: 2023-02-23\ntitle: B\n", 4, "title", "given twice",
     "each field once (delete or rename one of them)"),
    ("summary: @handle said so\n", 2, "front matter", "a value that starts with `@`", QUOTE_IT),
    ("summary: *bold* words\n", 2, "front matter", "a value that starts with `*` or `&`", QUOTE_IT),
    ('title: "C:\\qtemp"\n', 2, "front matter", "`\\q` inside double quotes",
     "single quotes around text with a backslash, or `\\\\` for the backslash itself"),
    ("sources:\n  - title: A report\n   publisher: UN\n", 4, "front matter",
     "a line indented differently from the lines around it",
     "the fields of one group indented by the same number of spaces"),
    ("actors:\n- ukraine\nrussian-federation\n", 4, "front matter", "a line that is not `field: value`",
     "`field: value`, with a colon and a space after the field"),
], ids=["colon in a value", "tab", "field twice", "leading @", "leading *", "backslash", "indentation",
        "line without a colon"])
def test_a_mistake_is_explained_on_its_line(fields, line, field, problem, expected):
    assert problem_in(fields) == Problem("", line, field, problem, expected)


@pytest.mark.parametrize("fields, problem", [
    ('title: "Never closed\nsummary: A summary.\ntype: vote\n', "a quotation mark that is never closed"),
    ("actors: [ukraine, china\nsummary: A summary.\ntype: vote\n", "a list opened with `[` and not closed with `]`"),
    ("tally: {yes: 91, no: 12\nsummary: A summary.\ntype: vote\n",
     "a group opened with `{` and not closed with `}`"),
], ids=["quotation mark", "bracket", "brace"])
def test_something_never_closed_is_reported_where_it_was_opened_not_where_yaml_gave_up(fields, problem):
    found = problem_in(fields)
    assert (found.line, found.field, found.problem) == (2, "front matter", problem)


def test_an_invisible_control_character_is_named_by_its_code_on_its_line():
    found = problem_in("title: A title\nsummary: pasted\x07text\n")
    assert (found.line, found.problem) == (3, "an invisible control character (#x0007)")
    assert "copy and paste" in found.expected
