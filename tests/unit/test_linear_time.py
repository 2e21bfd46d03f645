"""Property: reading and checking a file takes time linear in its length, whatever it repeats, outside Markdown
as inside it (where TIMELINE_MARKDOWN_SECONDS bounds Python-Markdown, which is quadratic on some texts).

Hypothesis picks a piece that has made text processing quadratic before (runs of spaces before a citation,
comments, tags and scripts left open, nested references) and a field to repeat it in; the file is read and
checked at two sizes, eight times apart, with Markdown replaced by the body itself as HTML (the worst a body
can give the steps after it). Linear work takes some eight times as long; quadratic, sixty-four.
"""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pelican.plugins.timeline.problems import ContentError
from pelican.plugins.timeline.validate import build_timeline
from test_validate import ACTORS, VOTE, VOTE_FILE, Content

PIECES = [" ", "  x", " [@1]", "[@", "[@1, ", "[@١]", "<!--", "<!-->", "-->", "<a ", "<a>", "<<a>", "</", "<![",
          "<script", "<script>", "</script ", "<style>x", "<img src=x onerror=", '<a href="javascript:',
          '<a href="{static}/', '<img src="https://example.org/', "&amp;", "&amp;lt;", "&#", "&lt;b&gt;", "\\",
          "\n", "\n\n", "x\n", "*", "_", "`", "[", "](", "é", "\u0301"]
# Each field, by the line of test_validate.py's vote that it takes the place of (or, for the location, follows).
LINES = {"title": "title: The Assembly calls for the return of Ukraine's children",
         "summary": "summary: The Assembly demanded the return of children taken from Ukraine.",
         "location": "type: vote", "sources[0].title": "  - title: General Assembly adopts resolution",
         "quotes[0].text": "    text: the largest state abduction operation in history", "body": None}
SMALL, FACTOR = 1_500, 8


def file_with(field: str, text: str) -> tuple[str, str]:
    """The vote's front matter with `text` in one field (quoted, so that YAML reads it back as it is), and its
    body."""
    line = LINES[field]
    if line is None:
        return VOTE, text
    name = field.split(".")[-1]
    written = f"{line[:len(line) - len(line.lstrip())]}{'- ' if line.lstrip().startswith('- ') else ''}{name}: " \
              f"{json.dumps(text)}"
    return VOTE.replace(line, f"{line}\n{written}" if field == "location" else written, 1), "What happened.\n"


def seconds_to_read(content: Content, field: str, text: str) -> float:
    """The processor time of reading and checking the file, at best of three."""
    fields, body = file_with(field, text)
    times = []
    for _ in range(3):
        start = time.process_time()
        try:
            build_timeline([content.read(VOTE_FILE, fields, body)],
                           [content.read(f"content/actors/{slug}.md", actor) for slug, actor in ACTORS.items()])
        except ContentError:
            pass
        times.append(time.process_time() - start)
    return min(times)


@pytest.fixture
def markdown_as_html(tmp_path_factory):
    """A content folder whose reader takes the body for the HTML Markdown would have written."""
    def make(strip: bool) -> Content:
        content = Content(tmp_path_factory.mktemp("linear"))
        content.settings["TIMELINE_UNSAFE_MARKUP"] = "strip" if strip else "error"
        content.reader.convert = lambda body, line: (body, None)
        return content
    return make


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(piece=st.sampled_from(PIECES), field=st.sampled_from(list(LINES)), strip=st.booleans())
def test_reading_a_file_takes_time_linear_in_its_length_whatever_it_repeats(markdown_as_html, piece, field, strip):
    content = markdown_as_html(strip)
    small = seconds_to_read(content, field, piece * SMALL)
    large = seconds_to_read(content, field, piece * SMALL * FACTOR)
    # Linear: about FACTOR times as long; quadratic would be FACTOR squared. The constant absorbs timer noise.
    assert large <= 2.5 * FACTOR * small + 0.05, (piece, field, small, large)
