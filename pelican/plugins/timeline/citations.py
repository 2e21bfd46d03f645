"""The printable chronology: every event in one document, with numbered notes to its sources."""

from __future__ import annotations

from dataclasses import dataclass

from .citing import retargeted
from .model import Event, Source


@dataclass(frozen=True)
class Note:
    number: int
    source: Source


@dataclass(frozen=True)
class ChronologyEntry:
    event: Event
    notes: list[Note]  # the event's sources, in its order, as the chronology numbers them

    def note_number(self, source: int) -> int:
        """The chronology's number for the event's source `source` (counted from 1)."""
        return self.notes[source - 1].number

    @property
    def html(self) -> str:
        """The event's body with its citations pointing to the chronology's notes: one page holds every
        body, whose own source numbers would clash."""
        return retargeted(self.event.html, lambda n: (f"#note-{self.note_number(n)}", self.note_number(n)))


@dataclass(frozen=True)
class Chronology:
    entries: list[ChronologyEntry]
    notes: list[Note]


def chronology(events: list[Event]) -> Chronology:
    """Events in order, with notes numbered by first appearance; a source cited twice keeps its number."""
    notes: dict[str, Note] = {}
    entries = []
    for event in events:
        for source in event.sources:
            notes.setdefault(source.url, Note(len(notes) + 1, source))
        entries.append(ChronologyEntry(event, [notes[source.url] for source in event.sources]))
    return Chronology(entries, list(notes.values()))
