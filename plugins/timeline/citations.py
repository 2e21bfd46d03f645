"""The printable chronology: every event in one document, with numbered notes to its sources."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Event, Source


@dataclass(frozen=True)
class Note:
    number: int
    source: Source


@dataclass(frozen=True)
class ChronologyEntry:
    event: Event
    notes: list[Note]


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
