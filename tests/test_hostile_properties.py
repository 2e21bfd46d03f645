"""Property: whatever front matter and body a file holds, the build ends in one of two ways, within a
time bound and without a traceback: it succeeds, and nothing in output/ (pages, feeds, JSON, CSV) holds
live markup; or it stops, and every line it reports is a problem naming a file of content/.

Hypothesis writes the files from pieces that have broken readers before: markup and its character
references, YAML's own punctuation (anchors, aliases, flow brackets, colons, comments), line endings of
every system, control and bidirectional characters, and Markdown that nests or never closes.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import given, strategies as st

from conftest import FIXTURES, build
from live_markup import live_markup

# The one format of an editor's message, on a file of content/.
PROBLEM = re.compile(r"content/.+?:\d+: [^:;]+: .+?; expected .+")
SECONDS = 60
PIECES = st.sampled_from([
    "<", ">", "&", ";", "&lt;", "&#60;", "&#x3c;", "&amp;", "&gt;", "<b>", "</b>", "<script>", "</script>",
    "<img src=x onerror=alert(1)>", "<a href='javascript:alert(1)'>", "javascript:", "onerror=", "<!--", "-->",
    "<svg/onload=alert(1)>", '"', "'", "*", "&a ", "*a", "[", "]", "{", "}", ": ", "#", "- ", "? ", "|", "!!",
    "\n", "\r\n", "\r", "\t", "\x00", "\x1b", "\u202e", "\ufeff", "`", "=", "@", "+", "é", " ", "a", "Vote",
    "1" * 20, "%", "\\",
])
TEXT = st.lists(PIECES | st.text(max_size=4), max_size=10).map("".join)
MARKDOWN = st.lists(PIECES | st.sampled_from([
    "# ", "## ", "\n\n", "> ", "[a](", "](", "![x](javascript:alert(1))", "[a](javascript:alert(1))", "<iframe>",
    "[^1]", "\n[^1]: a note\n", "{: #main }", "| a | b |\n|---|---|\n", "```\n", "    ", "* ", "1. ", "***",
    "<div onclick=alert(1)>", "<style>", "<base href=//x>", "<object data=x>",
]), max_size=30).map("".join)
FIELDS = ("title", "summary", "location", "symbol")


def scalar(text: str, style: str) -> str:
    """A value as an editor might write it: bare, in single quotes or in double quotes."""
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return json.dumps(text)
    return text


@st.composite
def event_files(draw) -> str:
    values = {field: scalar(draw(TEXT) or "x", draw(st.sampled_from(["bare", "single", "double"])))
              for field in FIELDS}
    quote = scalar(draw(TEXT) or "x", draw(st.sampled_from(["single", "double"])))
    source = scalar(draw(TEXT) or "x", draw(st.sampled_from(["bare", "double"])))
    extra = draw(st.sampled_from(["", "tally: {yes: 1, no: 1, abstain: 1}\nbody: un-general-assembly\n",
                                  draw(TEXT) + "\n"]))
    return (f"---\ntitle: {values['title']}\ndate: 2023-01-10\ntype: statement\nsummary: {values['summary']}\n"
            f"location: {values['location']}\nsymbol: {values['symbol']}\nactors: [ukraine, mariana-betsa]\n"
            f"quotes:\n  - speaker: mariana-betsa\n    text: {quote}\n    source: 1\n{extra}"
            f"sources:\n  - title: {source}\n    publisher: A publisher\n    date: unknown\n    url: https://example.org/a\n"
            f"---\n{draw(MARKDOWN)}\n")


def assert_ends_well(event: str, mode: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURES / "site", content)
        (content / "events" / "2023-01-10-generated.md").write_text(event, encoding="utf-8", newline="")
        start = time.monotonic()
        result = build(content, Path(folder) / "output", TIMELINE_UNSAFE_MARKUP=mode,
                       SITEURL="https://timeline.test", RELATIVE_URLS=False, FEED_DOMAIN="https://timeline.test",
                       TIMELINE_FEEDS=True, TIMELINE_MARKDOWN_SECONDS=5)
        assert time.monotonic() - start < SECONDS
        assert "Traceback" not in result.log, result.log
        if result.returncode == 0:
            assert live_markup(result.output) == []
        else:
            assert result.returncode == 1, result.log
            assert result.problems and all(PROBLEM.fullmatch(line) for line in result.problems), result.log


@given(event=event_files())
def test_any_file_builds_safely_or_is_refused_by_default(event):
    assert_ends_well(event, "error")


@given(event=event_files())
def test_any_file_builds_safely_or_is_refused_when_markup_is_stripped(event):
    assert_ends_well(event, "strip")
