"""A reader's and a reuser's checks on sources: each gives the day it was published or says "undated", on the
event page, in the printable chronology and in the open data."""

from __future__ import annotations

import csv
import json

import jsonschema

from conftest import section

VOTE = "2025-12-03-children-vote"
LIVE = ("https://gulfnews.com/amp/story/world%2Feurope%2Fun-assembly-tells-russia-to-return-captive-ukrainian-kids"
        "-1.500368524")


def text(element) -> str:
    return " ".join(element.get_text().split())


def test_a_source_whose_date_is_unknown_says_undated_where_its_date_would_be(fixture_site):
    result = fixture_site()
    source = section(result.page("/events/2022-03/"), "sources-h").select_one("li")
    assert text(source).startswith("A source, A publisher, undated.")
    assert source.find("time") is None
    dated = section(result.page(f"/events/{VOTE}/"), "sources-h").select_one("li time")
    assert (dated["datetime"], dated.get_text()) == ("2025-12-03", "3 December 2025")


def test_the_chronology_notes_give_each_source_s_date_or_undated(fixture_site):
    notes = fixture_site().page("/chronology/").select("ol.notes > li")
    undated, dated = (next(note for note in notes if note.a["href"] == url) for url in ("https://example.org/a", LIVE))
    assert "undated" in text(undated) and "3 December 2025" in text(dated)


def test_the_open_data_carry_each_source_s_date_or_null_where_it_is_unknown(fixture_site):
    result = fixture_site()
    data = json.loads((result.output / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((result.output / "data" / data["schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    events = {event["id"]: event for event in data["events"]}
    assert events["2022-03"]["sources"] == [{"title": "A source", "publisher": "A publisher",
                                            "url": "https://example.org/a", "date": None}]
    assert events[VOTE]["sources"][0]["date"] == "2025-12-03"
    with (result.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert [rows[slug]["source_dates"] for slug in ("2022-03", VOTE)] == ["unknown", "2025-12-03"]
