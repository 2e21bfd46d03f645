"""The line of an editor's file on which a piece of its text stands.

A body can hold thousands of citations, links or scripts, each reported on its own line; counting the line
breaks before each one anew would take time quadratic in the body's length. The breaks are found once, and
each piece is looked for from where the last one was found.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property


class Lines:
    """The lines of `text`, whose first line is the file's line `first_line`."""

    def __init__(self, text: str, first_line: int):
        self.text, self.first_line = text, first_line
        self.searched_to = 0  # where the next piece is looked for: pieces come in the order they are written

    @cached_property
    def breaks(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.text)]

    def of(self, index: int) -> int:
        """The line of the character at `index`."""
        return self.first_line + bisect_left(self.breaks, index)

    def of_next(self, piece: str) -> int | None:
        """The line of the next occurrence of `piece` after the last piece found; None where it is not
        written so."""
        index = self.text.find(piece, self.searched_to)
        if index < 0:
            return None
        self.searched_to = index + 1
        return self.of(index)
