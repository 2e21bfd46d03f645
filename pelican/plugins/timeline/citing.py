"""How a body cites its event's sources: `[@2]` or `[@1, 3]` in the Markdown, a linked mark on the page.

The number is the source's place in the event's `sources`, as `source:` is in quotes, figures, positions
and conflicts. Markdown turns each citation into `<sup><a href="#source-2">[2]</a></sup>`, which the
sanitiser keeps; validation checks each number against the sources the event lists. Pages that gather
several bodies, and feeds, point the marks elsewhere (see `retargeted`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from .lines import Lines

# Anything written as a citation, well formed or not, so that `[@two]` is reported rather than shown.
WRITTEN = r"\[@([^\]\n]*)\]"
NUMBER = re.compile(r"@?([0-9]{1,3})")  # ASCII digits: `[@١]` is not read as `[@1]`
EXAMPLE = "`[@2]`, or `[@1, 3]` for several sources"
# A mark as `CitationProcessor` draws it, to find again in the HTML.
MARK = re.compile(r'<a href="#source-(\d+)"[^>]*>\[\d+\]</a>')


@dataclass(frozen=True)
class WrittenCitation:
    """A citation as the body has it: its text, and its numbers, or None when they cannot be read."""

    text: str
    numbers: tuple[int, ...] | None


def read_numbers(inside: str) -> tuple[int, ...] | None:
    """`2` or `1, @3` as numbers; None for anything else (`two`, `1-3`, nothing)."""
    matches = [NUMBER.fullmatch(part.strip()) for part in inside.split(",")]
    return tuple(int(match.group(1)) for match in matches) if all(matches) else None


class CitationProcessor(InlineProcessor):
    """Draw each citation as linked marks, and note what was written for validation to check."""

    def __init__(self, seen: list[WrittenCitation]):
        super().__init__(WRITTEN)
        self.seen = seen

    def handleMatch(self, match: re.Match, data: str) -> tuple[etree.Element | None, int | None, int | None]:
        numbers = read_numbers(match.group(1))
        self.seen.append(WrittenCitation(match.group(0), numbers))
        if numbers is None:
            return None, None, None
        mark = etree.Element("sup")
        for number in numbers:
            link = etree.SubElement(mark, "a", {"href": f"#source-{number}"})
            link.text = f"[{number}]"
        return mark, match.start(0), match.end(0)


class CitationExtension(Extension):
    """Citations for a converter; `seen` holds those of the text converted last (it is emptied on reset)."""

    def __init__(self):
        super().__init__()
        self.seen: list[WrittenCitation] = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # Before reference links (170), so that `[@2]` is never read as one; after code spans (190) and
        # footnotes (175), so that `[@2]` in code stays as written.
        md.inlinePatterns.register(CitationProcessor(self.seen), "citation", 172)

    def reset(self) -> None:
        self.seen.clear()


# A citation's mark, and the space an editor writes before it (`claim [@2].`). The match starts only where a run of
# spaces starts: tried at every space of a long run, it would read the rest of the run each time (quadratic).
SPACED_MARK = re.compile(r'(?<!\s)\s*<sup>(<a href="#source-)')


def finished(html_text: str) -> str:
    """Sanitised HTML whose marks sit against their claims, as marks do, and are left out of the search
    index, whose excerpts they would only interrupt."""
    return SPACED_MARK.sub(r"<sup data-pagefind-ignore>\1", html_text)


def located(seen: list[WrittenCitation], body: str, first_line: int) -> list[tuple[int, WrittenCitation]]:
    """Each citation with the line of `body` (which starts on `first_line`) it is written on, found in the
    order Markdown met them."""
    lines = Lines(body, first_line)
    return [(lines.of_next(citation.text) or first_line, citation) for citation in seen]


def retargeted(html_text: str, target: Callable[[int], tuple[str, int]]) -> str:
    """A body whose marks point elsewhere: `target(n)` gives the address and number that source `n`'s
    mark shows on a page that gathers several bodies (the chronology's notes) or in a feed (the event's
    page, at its full address)."""
    def mark(match: re.Match) -> str:
        href, number = target(int(match[1]))
        return f'<a href="{href}">[{number}]</a>'
    return MARK.sub(mark, html_text)
