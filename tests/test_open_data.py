"""A researcher's checks on the open data: events.json against its schema, the CSV, actors.json."""

from __future__ import annotations

import copy
import csv
import json

import jsonschema
import pytest
from conftest import ROOT

CHILDREN_VOTE = "2025-12-03-ga-es-11-9-return-of-children"


def load(site, path: str):
    return json.loads((site.output / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(site) -> jsonschema.Draft202012Validator:
    """The schema shipped beside events.json, as a reuser would find it."""
    data = load(site, "data/events.json")
    schema = load(site, f"data/{data['schema']}")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_events_json_validates_against_its_schema_with_one_entry_per_event_file(site, validator):
    data = load(site, "data/events.json")
    validator.validate(data)
    files = sorted(path.stem for path in (ROOT / "content" / "events").glob("*.md"))
    assert sorted(event["id"] for event in data["events"]) == files
    dates = [event["date"] for event in data["events"]]
    assert dates == sorted(dates)


@pytest.mark.parametrize("change, field", [
    (lambda e: e.update(date="2025-12"), "date"),
    (lambda e: e["tally"].update(yes=-1), "yes"),
    (lambda e: e["positions"].append({"actor": "ukraine", "vote": "maybe"}), "vote"),
    (lambda e: e.pop("sources"), "sources"),
    (lambda e: e["sources"][0].update(archive="web.archive.org/web/2025"), "archive"),
    (lambda e: e["sources"][0].pop("date"), "date"),
    (lambda e: e.update(symbol_url="undocs.org/A/RES/ES-11/9"), "symbol_url"),
])
def test_the_schema_rejects_a_record_that_breaks_it(site, validator, change, field):
    data = load(site, "data/events.json")
    event = copy.deepcopy(next(e for e in data["events"] if e["id"] == CHILDREN_VOTE))
    change(event)
    errors = list(validator.iter_errors({**data, "events": [event]}))
    assert errors and any(field in error.json_path or field in error.message for error in errors), errors


def test_the_csv_has_the_same_rows_as_the_json(site):
    events = load(site, "data/events.json")["events"]
    with (site.output / "data" / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["id"], r["date"], r["title"], r["url"]) for r in rows] == \
        [(e["id"], e["date"], e["title"], e["url"]) for e in events]
    vote = next(row for row in rows if row["id"] == CHILDREN_VOTE)
    assert (vote["yes"], vote["no"], vote["abstain"], vote["absent"]) == ("91", "12", "57", "")
    assert "russian-federation: no" in vote["positions"].split(" | ")
    assert "children-deported at-least 20000 (Ukraine)" in vote["figures"]


def test_an_event_entry_carries_its_tally_positions_disputes_figures_and_sources(site):
    event = next(e for e in load(site, "data/events.json")["events"] if e["id"] == CHILDREN_VOTE)
    assert (event["date"], event["precision"], event["type"], event["symbol"]) == \
        ("2025-12-03", "day", "vote", "A/RES/ES-11/9")
    assert event["tally"] == {"yes": 91, "no": 12, "abstain": 57, "absent": None, "sources": []}
    assert {"actor": "united-states", "vote": "yes", "sources": []} in event["positions"]
    drafters = next(conflict for conflict in event["conflicts"] if "put the text forward" in conflict["about"])
    # Each side names its sources by their place in the event's own list.
    assert [event["sources"][n - 1]["publisher"] for r in drafters["reports"] for n in r["sources"]] == \
        ["UNN", "Cyprus News (Ta Nea)"]
    assert {"measure": "children-deported", "count": 20000, "qualifier": "at-least",
            "reported_by": "Ukraine", "sources": [2]} in event["figures"]
    assert event["sources"][0]["url"] == "https://press.un.org/en/2025/ga12738.doc.htm"
    assert event["url"] == f"events/{CHILDREN_VOTE}/"


def test_a_month_precise_event_keeps_its_precision_in_the_data(fixture_site):
    result = fixture_site()
    event = next(e for e in load(result, "data/events.json")["events"] if e["id"] == "2022-03")
    assert (event["date"], event["precision"]) == ("2022-03", "month")


def test_each_event_page_links_to_its_own_data(site):
    entries = {e["id"]: e for e in load(site, "data/events.json")["events"]}
    for slug, entry in entries.items():
        link = site.page(f"/events/{slug}/").select_one("a.event-data")
        assert link is not None, slug
        target = (site.output / "events" / slug / link["href"]).resolve()
        assert json.loads(target.read_text(encoding="utf-8")) == entry


def test_actors_json_names_every_actor_and_the_events_it_appears_in(site):
    actors = {a["id"]: a for a in load(site, "data/actors.json")}
    files = {path.stem for path in (ROOT / "content" / "actors").glob("*.md")}
    with open(ROOT / "content" / "member-states.csv", encoding="utf-8", newline="") as handle:
        members = {row["code"]: row for row in csv.DictReader(handle)}
    states = {actor["code"]: actor for actor in actors.values() if actor["code"]}
    assert files <= set(actors) and set(actors) - files == {states[code]["id"] for code in members} - files
    assert {code: (actor["name"], actor["group"], actor["admitted"]) for code, actor in states.items()
            if actor["id"] not in files} == {code: (row["name"], row["group"], row["admitted"])
                                            for code, row in members.items() if states[code]["id"] not in files}
    events = load(site, "data/events.json")["events"]
    assert actors["ukraine"]["kind"] == "state"
    assert actors["ukraine"]["events"] == [e["id"] for e in events if "ukraine" in e["actors"]]
    assert actors["mariana-betsa"]["affiliation"] == "ukraine"
    assert all(actor in actors for event in events for actor in event["actors"])
