"""A reader's and a reuser's checks on sources: each gives the day it was published or says "undated", an
archived copy is linked beside the live one, and a UN document symbol links to the document itself, on the
event page, in the printable chronology and in the open data."""

from __future__ import annotations

import csv
import json

import jsonschema

from conftest import section

VOTE = "2025-12-03-children-vote"
LIVE = ("https://gulfnews.com/amp/story/world%2Feurope%2Fun-assembly-tells-russia-to-return-captive-ukrainian-kids"
        "-1.500368524")
ARCHIVE = "https://archive.example.org/2025/gulfnews-captive-ukrainian-kids"


def text(element) -> str:
    return " ".join(element.get_text().split())


def test_a_source_whose_date_is_unknown_says_undated_where_its_date_would_be(fixture_site):
    result = fixture_site()
    source = section(result.page("/events/2022-03/"), "sources-h").select_one("li")
    assert text(source).startswith("A source, A publisher, undated.")
    assert source.find("time") is None
    dated = section(result.page(f"/events/{VOTE}/"), "sources-h").select_one("li time")
    assert (dated["datetime"], dated.get_text()) == ("2025-12-03", "3 December 2025")


def test_an_archived_copy_is_linked_beside_the_live_source(fixture_site):
    source = section(fixture_site().page(f"/events/{VOTE}/"), "sources-h").select_one("li")
    live, archived = source.find_all("a")
    assert (live["href"], archived["href"], archived.get_text()) == (LIVE, ARCHIVE, "Archived copy")


def test_the_chronology_notes_give_each_source_s_date_or_undated_and_its_archived_copy(fixture_site):
    notes = fixture_site().page("/chronology/").select("ol.notes > li")
    undated, archived = (next(note for note in notes if note.a["href"] == url)
                         for url in ("https://example.org/a", LIVE))
    assert "undated" in text(undated) and undated.select_one(".source-archive") is None
    assert "3 December 2025" in text(archived)
    assert archived.select_one("a.source-archive")["href"] == ARCHIVE
    # On paper, where a link shows nothing, both addresses are printed.
    assert text(archived.select_one(".source-url")) == f"{LIVE}; archived copy: {ARCHIVE}"


def test_a_un_symbol_links_to_its_document_and_the_link_follows_the_setting(fixture_site):
    document = fixture_site().page(f"/events/{VOTE}/").select_one("p.symbol a")
    assert (document["href"], document.get_text()) == ("https://undocs.org/A/RES/ES-11/9", "A/RES/ES-11/9")
    elsewhere = fixture_site(TIMELINE_SYMBOL_URL="https://documents.example.org/{symbol}?lang=en")
    assert elsewhere.page(f"/events/{VOTE}/").select_one("p.symbol a")["href"] == \
        "https://documents.example.org/A/RES/ES-11/9?lang=en"
    unlinked = fixture_site(TIMELINE_SYMBOL_URL="").page(f"/events/{VOTE}/").select_one("p.symbol")
    assert text(unlinked) == "Document: A/RES/ES-11/9" and unlinked.a is None


def test_the_open_data_carry_source_dates_archives_and_the_symbol_s_document(fixture_site):
    result = fixture_site()
    data = json.loads((result.output / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((result.output / "data" / data["schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    events = {event["id"]: event for event in data["events"]}
    assert events["2022-03"]["sources"] == [{"title": "A source", "publisher": "A publisher",
                                            "url": "https://example.org/a", "date": None, "archive": None}]
    vote = events[VOTE]
    assert (vote["sources"][0]["date"], vote["sources"][0]["archive"]) == ("2025-12-03", ARCHIVE)
    assert (vote["symbol_url"], events["2022-03"]["symbol_url"]) == ("https://undocs.org/A/RES/ES-11/9", None)
    with (result.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert [rows["2022-03"][key] for key in ("sources", "source_dates", "source_archives", "symbol_url")] == \
        ["https://example.org/a", "unknown", "none", ""]
    assert [rows[VOTE][key] for key in ("source_dates", "source_archives", "symbol_url")] == \
        ["2025-12-03", ARCHIVE, "https://undocs.org/A/RES/ES-11/9"]
