"""Open data: every event and actor as JSON and CSV, for researchers and newsrooms to reuse.

events.json is the complete record and is described by events.schema.json, shipped beside it; each
event also has a file of its own with the same entry. events.csv is a flat view for spreadsheets:
one row per event, lists joined with " | ". Every value is plain text (markup.py says what that is),
escaped for JSON and CSV alike.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path

from .markup import escape_csv_cell, escape_json
from .model import Actor, Citation, Event, RecordRow, Timeline
from .page_cache import PageCache, digest
from .settings import absolute_url

SCHEMA = Path(__file__).with_name("events.schema.json")
VOTES_SCHEMA = Path(__file__).with_name("votes.schema.json")
CSV_COLUMNS = ("id", "date", "precision", "end", "end_precision", "date_qualifier", "type", "title", "summary",
               "location", "actors", "symbol", "symbol_url", "subject", "body", "outcome", "follows", "yes", "no",
               "abstain", "absent", "positions", "disputed", "figures", "sources", "source_dates", "source_archives",
               "corrections", "url")

def numbers(cited: tuple[Citation, ...]) -> list[int]:
    """Sources by their place in the record's `sources`, as the editor cited them."""
    return [citation.number for citation in cited]


def event_record(event: Event, settings: dict) -> dict:
    """An event as plain data: actors by their id in actors.json, dates as precisely as they are known."""
    end = event.end_period
    return {
        "id": event.slug,
        "date": event.iso_date,
        "precision": event.precision,
        "end": end.iso if end else None,
        "end_precision": end.precision if end else None,
        "date_qualifier": event.date_qualifier,
        "type": event.type,
        "title": event.title,
        "summary": event.summary,
        "location": event.location,
        "actors": [actor.slug for actor in event.actors],
        "symbol": event.symbol,
        "symbol_url": event.symbol_url,
        "subject": event.subject,
        "body": event.body.slug if event.body else None,
        "outcome": event.outcome,
        "follows": event.follows.slug if event.follows else None,
        "tally": None if event.tally is None else {
            "yes": event.tally.yes, "no": event.tally.no, "abstain": event.tally.abstain,
            "absent": event.tally.absent, "sources": numbers(event.tally.cited)},
        # A vote keeps the key it has always had; a stance is not a vote, so it has a key of its own.
        "positions": [{"actor": p.state.slug, event.position_name: p.word, "sources": numbers(p.cited)}
                      for p in event.positions],
        "quotes": [{"speaker": q.speaker.slug, "text": q.text, "source": q.source} for q in event.quotes],
        "conflicts": [{
            "about": c.about,
            "reports": [{"says": r.says, "sources": numbers(r.cited)} for r in c.reports],
            "official": c.official, "official_sources": numbers(c.official_cited), "note": c.note,
            "position_of": c.position_of.slug if c.position_of else None,
        } for c in event.conflicts],
        "figures": [{"measure": f.measure, "count": f.count, "qualifier": f.qualifier,
                     "reported_by": f.reported_by, "sources": numbers(f.cited)} for f in event.figures],
        "sources": [{"title": s.title, "publisher": s.publisher, "url": s.url,
                     "date": s.date.isoformat() if s.date else None, "archive": s.archive} for s in event.sources],
        "corrections": [{"date": row.correction.iso_date, "note": row.correction.note}
                        for row in event.correction_rows],
        "url": absolute_url(settings, event.url) or event.url,
    }


def actor_record(actor: Actor, events: list[Event], record: list[RecordRow], settings: dict) -> dict:
    return {
        "id": actor.slug,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "affiliation": actor.affiliation.slug if actor.affiliation else None,
        # A member state of the site's table: its code, its group and the day it was admitted.
        "code": actor.code,
        "group": actor.group,
        "admitted": actor.admitted.isoformat() if actor.admitted else None,
        "events": [event.slug for event in events],
        # A state's voting record: its position on each vote where one, or a dispute about it, is recorded.
        "votes": [{"event": row.event.slug, "position": row.position.word if row.position else None}
                  for row in record],
        "url": absolute_url(settings, actor.url) or actor.url,
    }


VOTE_COLUMNS = ("state", "event", "symbol", "date", "position", "sources", "disputed", "veto", "record", "copy",
                "taken")


def vote_records(timeline: Timeline) -> Iterator[dict]:
    """Every state's vote as rows: one per state and vote where its position, a dispute about it or its vote in
    the vote's roll call is recorded, with the roll call's provenance; states by name, votes in date order. Made
    row by row as they are written: a long record's roll calls are hundreds of thousands of them."""
    return ({"state": state.slug, "event": row.event.slug, "symbol": row.event.symbol, "date": row.event.iso_date,
             "position": row.position.word if row.position else None,
             "sources": numbers(row.position.cited) if row.position else [],
             "disputed": row.conflict is not None, "veto": row.vetoed, **roll_call_of(row.event)}
            for state in timeline.actors for row in timeline.record_of(state))


def roll_call_of(event: Event) -> dict:
    """Where the vote's roll call comes from: the body's record, the copy it was taken from, the day; or nulls."""
    roll_call = event.roll_call
    return {"record": roll_call.record_url or roll_call.record if roll_call else None,
            "copy": roll_call.copy if roll_call else None,
            "taken": roll_call.taken.isoformat() if roll_call else None}


def table_csv(columns: tuple[str, ...], rows: Iterable[dict]) -> Iterator[str]:
    """Write rows as CSV, every cell escaped for spreadsheets (see markup.py), a piece of some 64 KB at a time."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: escape_csv_cell(value) for key, value in row.items()})
        if text.tell() > 1 << 16:
            yield text.getvalue()
            text.seek(0)
            text.truncate()
    yield text.getvalue()


def votes_csv(records: Iterable[dict]) -> Iterator[str]:
    """One row per recorded vote; sources joined with " | ", true/false as the JSON gives them."""
    return table_csv(VOTE_COLUMNS, ({**record, "sources": " | ".join(map(str, record["sources"])),
                                     "disputed": str(record["disputed"]).lower(), "veto": str(record["veto"]).lower(),
                                     **{key: record[key] or "" for key in ("record", "copy", "taken")}}
                                    for record in records))


def csv_row(record: dict) -> dict:
    tally = record["tally"] or {}
    return {
        # A column named as a key of the record holds its value; lists and groups are flattened below.
        **{key: record.get(key) for key in CSV_COLUMNS},
        **{key: tally.get(key) for key in ("yes", "no", "abstain", "absent")},
        "actors": " | ".join(record["actors"]),
        "positions": " | ".join(f"{p['actor']}: {p.get('vote', p.get('stance'))}" for p in record["positions"]),
        "disputed": " | ".join(c["about"] for c in record["conflicts"]),
        "figures": " | ".join(f"{f['measure']} {f['qualifier']} {f['count']} ({f['reported_by']})"
                              for f in record["figures"]),
        "sources": " | ".join(s["url"] for s in record["sources"]),
        # One entry per source, in the order of `sources`, so that none is left out and the three line up.
        "source_dates": " | ".join(s["date"] or "unknown" for s in record["sources"]),
        "source_archives": " | ".join(s["archive"] or "none" for s in record["sources"]),
        "corrections": " | ".join(f"{c['date']}: {c['note']}" for c in record["corrections"]),
    }


def events_csv(records: list[dict]) -> Iterator[str]:
    return table_csv(CSV_COLUMNS, map(csv_row, records))


def as_json(data: object) -> str:
    """Plain text stays text for any consumer, even one that pastes it into HTML (see markup.py)."""
    return escape_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def with_items(fields: dict, name: str, items: Iterable[str]) -> Iterator[str]:
    """Give as_json({**fields, name: [the items]}) piece by piece from the items' own texts (each as_json's),
    each indented a level deeper as json.dumps would: Python's encoder writes indented JSON slowly, every
    event's text is written, or read back, for its own file, and a long record's votes are too many to hold
    as one text."""
    empty = as_json({**fields, name: []})
    items = iter(items)
    if (first := next(items, None)) is None:
        yield empty
        return
    yield empty.removesuffix("[]\n}\n") + "[\n"
    for number, item in enumerate(itertools.chain([first], items)):
        yield ("    " if number == 0 else ",\n    ") + item.removesuffix("\n").replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def json_list(items: Iterable[str]) -> Iterator[str]:
    """Give as_json([the items]) piece by piece from the items' own texts (each as_json's), as with_items does
    for a list under a key: every actor's record holds its votes, hundreds of thousands in a long record."""
    items = iter(items)
    if (first := next(items, None)) is None:
        yield "[]\n"
        return
    yield "["
    for number, item in enumerate(itertools.chain([first], items)):
        yield ("\n  " if number == 0 else ",\n  ") + item.removesuffix("\n").replace("\n", "\n  ")
    yield "\n]\n"


class OpenData:
    """The files of the open data in the output folder, each written only when what it is made of has changed
    since the last build, as the page cache records it."""

    def __init__(self, output_path: str, settings: dict, cache: PageCache):
        self.output, self.settings, self.cache = output_path, settings, cache

    def write(self, path: str, text: str | Iterable[str]) -> None:
        target = os.path.join(self.output, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)

    def read(self, path: str) -> str:
        with open(os.path.join(self.output, path), encoding="utf-8", newline="") as handle:
            return handle.read()

    def changed(self, *paths: str, made_of: str) -> bool:
        """Record what each file is made of; True when any of them must be written again. Each is recorded,
        whether or not another was found changed."""
        return not all([self.cache.unchanged(path, "open data", {"made of": made_of}) for path in paths])

    def with_schema(self, kind: str, items: Iterable[str]) -> None:
        """Write events.json or votes.json, naming the schema shipped beside it."""
        data, schema_path = self.settings[f"{kind.upper()}_JSON"], self.settings[f"{kind.upper()}_SCHEMA"]
        relative = posixpath.relpath(schema_path, posixpath.dirname(data))
        self.write(data, with_items({"title": self.settings["SITENAME"], "schema": relative}, kind, items))

    def event_file(self, event: Event) -> str:
        """Write an event's own file when it changed since the last build; give the digest of what it is made of."""
        path = self.settings["EVENT_JSON"].format(slug=event.slug)
        made_of, reason = self.cache.judge(path, "event JSON", {"event": event})
        if not self.cache.record(path, made_of, reason):
            self.write(path, as_json(event_record(event, self.settings)))
        return made_of


def write_exports(output_path: str, timeline: Timeline, settings: dict, cache: PageCache, roll_calls: str) -> None:
    """Write the open data: each file only when what it is made of has changed since the last build (an edit to
    an event's body, which the data does not hold, changes none of it). `roll_calls` is the digest of the roll
    calls' texts, which the votes are made of besides the events and actors."""
    data = OpenData(output_path, settings, cache)
    for kind, schema in (("EVENTS", SCHEMA), ("VOTES", VOTES_SCHEMA)):
        if data.changed(settings[f"{kind}_SCHEMA"], made_of=(text := schema.read_text(encoding="utf-8"))):
            data.write(settings[f"{kind}_SCHEMA"], text)
    # events.json is the events' own files together: made of what they are made of, and read back from them only
    # when it must be written again (reading 10,000 of them took a second of every rebuild).
    events = digest(*map(data.event_file, timeline.events))
    if data.changed(settings["EVENTS_JSON"], settings["EVENTS_CSV"], made_of=events):
        data.with_schema("events", (data.read(settings["EVENT_JSON"].format(slug=event.slug))
                                    for event in timeline.events))
        data.write(settings["EVENTS_CSV"], events_csv([event_record(event, settings) for event in timeline.events]))
    # Actors and their votes are made of the events, the actors' files and lines of the table, and the roll calls.
    votes = digest(events, roll_calls, *(cache.sources["Actor", actor.slug][0] for actor in timeline.actors))
    if data.changed(settings["ACTORS_JSON"], made_of=votes):
        data.write(settings["ACTORS_JSON"], json_list(as_json(actor_record(
            actor, timeline.events_by_actor[actor.slug], timeline.record_of(actor), settings))
            for actor in timeline.actors))
    if data.changed(settings["VOTES_JSON"], settings["VOTES_CSV"], made_of=votes):
        data.with_schema("votes", map(as_json, vote_records(timeline)))
        data.write(settings["VOTES_CSV"], votes_csv(vote_records(timeline)))
