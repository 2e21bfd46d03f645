"""A scholar's checks: each event can be cited, and the whole chronology prints with numbered notes."""

from __future__ import annotations

import datetime
import json

from conftest import SITEURL

CHILDREN_VOTE = "2025-12-03-ga-es-11-9-return-of-children"


def test_an_event_page_gives_a_citation_with_title_site_date_permanent_url_and_access_date(published):
    page = published.page(f"/events/{CHILDREN_VOTE}/")
    citation = page.select_one("p.citation")
    text = " ".join(citation.get_text().split())
    assert page.h1.get_text() in text
    assert "Ukraine: the international response" in text
    assert "3 December 2025" in text
    assert citation.a["href"] == citation.a.get_text() == f"{SITEURL}/events/{CHILDREN_VOTE}/"
    assert "Accessed [the date you read it]" in text
    # The build's date is not the reader's: the page must not claim one.
    assert datetime.date.today().isoformat() not in str(citation)


def chronology(build):
    return build.page("/chronology/")


def test_the_chronology_has_every_event_in_order(site):
    page = chronology(site)
    events = json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    assert [section["id"] for section in page.select("section.chronology-entry")] == [e["id"] for e in events]
    assert len(page.find_all("h1")) == 1


def test_every_source_of_every_event_is_a_numbered_note_of_the_chronology(site):
    page = chronology(site)
    notes = page.select("ol.notes > li")
    assert [note["id"] for note in notes] == [f"note-{n}" for n in range(1, len(notes) + 1)]
    note_urls = {note["id"]: note.a["href"] for note in notes}
    events = json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    for event in events:
        refs = page.find("section", id=event["id"]).select("sup.note-ref a")
        assert [note_urls[ref["href"][1:]] for ref in refs] == [s["url"] for s in event["sources"]], event["id"]


def test_the_chronology_ids_are_unique(site):
    ids = [element["id"] for element in chronology(site).find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_every_page_links_to_the_chronology_and_the_data(site):
    links = {a["href"] for a in site.page("/actors/").select("footer a")}
    assert {"../chronology/", "../data/events.json", "../data/events.csv", "../data/actors.json"} <= links


def test_a_local_build_cites_an_event_without_an_address_it_does_not_know(site):
    for path in sorted((site.output / "events").glob("*/index.html")):
        citation = site.page(str(path.relative_to(site.output))).select_one("p.citation")
        text = " ".join(citation.get_text().split())
        assert citation.a is None and "address" not in text and "http" not in text, path
        assert text.endswith(". Accessed [the date you read it]."), path
