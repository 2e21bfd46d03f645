"""The votes page, read as a reader and a researcher would: every state the record holds a position for against
every vote, each cell what the event files say and nothing more, its open data, and the summaries on actor pages."""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import defaultdict

import jsonschema
import pytest

from conftest import ROOT
from test_record import ROLL_CALLS, VOTES, front_matter, position_of, veto_holders

BUDGET = 30_000  # bytes, gzipped: the votes page and its stylesheet, all it loads


@pytest.fixture(scope="module")
def matrix(site) -> dict[tuple[str, str], object]:
    """Each cell of the votes page by (state slug, event slug)."""
    page = site.page("/votes/")
    columns = [th.a["href"].strip("/").split("/")[-1] for th in page.select("table.matrix thead th")[1:]]
    cells = {}
    for row in page.select("table.matrix tbody tr:not(.group)"):
        state = row.th.a["href"].strip("/").split("/")[-1]
        for event, cell in zip(columns, row.select("td"), strict=True):
            cells[state, event] = cell
    return cells


def said(cell) -> str:
    """What a reader sees, and a screen reader hears, of a cell."""
    return " ".join(cell.get_text().split())


def recorded(site) -> dict[tuple[str, str], str]:
    """Every member's vote the roll calls hold, and every position the vote files hold, by (state, event): its
    word. A member's slug is the one the site gives it, with an actor file or without (its open data)."""
    actors = json.loads((site.output / "data" / "actors.json").read_text(encoding="utf-8"))
    by_code = {actor["code"]: actor["id"] for actor in actors if actor["code"]}
    rolled = {(by_code[code], path.stem): word for path in ROLL_CALLS
              for code, word in re.findall(r"^  ([A-Z]{3}): (\w+)$", path.read_text(encoding="utf-8"), re.M)}
    written = {(state, path.stem): position_of(value)[0]
               for path in VOTES for state, value in (front_matter(path).get("positions") or {}).items()}
    return rolled | written


def disputed() -> dict[tuple[str, str], int]:
    """Every state's vote that sources disagree on, by (state, event): the number of the conflict on its page."""
    return {(conflict["position_of"], path.stem): number for path in VOTES
            for number, conflict in enumerate(front_matter(path).get("conflicts") or [], start=1)
            if conflict.get("position_of")}


@pytest.mark.parametrize("state, symbol, shown", [
    ("russian-federation", "A/RES/ES-11/6", "No"),
    ("united-states", "A/RES/ES-11/7", "No"),
    ("united-states", "A/RES/ES-11/9", "Yes"),
    ("india", "A/RES/ES-11/6", "Abstained"),
])
def test_known_cells_say_what_the_event_files_say(matrix, state, symbol, shown):
    event, = (path.stem for path in VOTES if front_matter(path).get("symbol") == symbol)
    assert said(matrix[state, event]) == shown


def test_every_vote_and_veto_is_a_column_in_date_order_headed_by_its_symbol_and_subject(site):
    headers = site.page("/votes/").select("table.matrix thead th")[1:]
    events = sorted(VOTES, key=lambda path: path.stem)
    assert [th.a["href"].strip("/").split("/")[-1] for th in headers] == [path.stem for path in events]
    first = " ".join(headers[2].a.get_text().split())
    assert first == "ES-11/1 · Aggression against Ukraine"
    vetoed = [th.a.get_text() for th, path in zip(headers, events) if front_matter(path)["type"] == "veto"]
    assert len(vetoed) == 2 and all(text.startswith("Vetoed · Draft") for text in vetoed)


def test_every_recorded_vote_is_in_its_cell_and_every_other_cell_is_empty(site, matrix):
    positions, disputes = recorded(site), disputed()
    labels = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Absent"}
    assert positions and {state for state, _ in positions} == {state for state, _ in matrix}
    for key, cell in matrix.items():
        if key in positions:
            assert said(cell).startswith(labels[positions[key]]), key
            assert f"vote-{positions[key]}" in cell["class"], key
        elif key in disputes:
            assert said(cell) == "Disputed", key
        else:
            assert said(cell) == "" and "vote-none" in cell["class"], key


def test_every_disputed_position_links_to_its_conflict_on_the_event_page(site, matrix):
    disputes = disputed()
    for (state, event), number in disputes.items():
        link = matrix[state, event].select_one("a.vote-dispute")
        assert link["href"] == f"../events/{event}/#conflict-{number}", (state, event)
        conflict = site.page(f"/events/{event}/").select_one(f"aside#conflict-{number}")
        assert conflict is not None and "Sources disagree" in conflict.get_text()
    assert not [key for key, cell in matrix.items() if cell.select_one("a.vote-dispute") and key not in disputes]


def test_a_vote_its_sources_dispute_is_marked_in_its_cell_and_links_to_the_dispute(fixture_site):
    vote = fixture_site.content / "events" / "2025-12-03-children-vote.md"
    text = vote.read_text(encoding="utf-8").replace("  russian-federation: no\n", "", 1)
    vote.write_text(text.replace("\nsources:\n", "\nconflicts:\n  - about: Russia's vote\n    position_of: "
                                 "russian-federation\n    reports:\n      - says: \"no\"\n        source: 1\n"
                                 "      - says: abstain\n        source: 1\n    note: Two readings.\nsources:\n", 1),
                    encoding="utf-8")
    result = fixture_site()
    assert result.returncode == 0, result.log
    cell = result.page("/votes/").select_one('table.matrix tbody tr:has(a[href$="/russian-federation/"]) td')
    assert said(cell) == "Disputed"
    assert cell.select_one("a.vote-dispute")["href"] == "../events/2025-12-03-children-vote/#conflict-1"
    assert result.page("/events/2025-12-03-children-vote/").select_one("aside#conflict-1") is not None


def test_a_veto_is_marked_only_where_a_permanent_member_voted_against_a_vetoed_draft(site, matrix):
    vote = {path.stem: front_matter(path) for path in VOTES}
    vetoes = {key for key, word in recorded(site).items() if word == "no" and key[0] in veto_holders(vote[key[1]])
              and vote[key[1]]["type"] == "veto"}
    assert vetoes == {("russian-federation", "2022-02-25-security-council-veto"),
                      ("russian-federation", "2022-09-30-annexation-and-veto")}
    marked = {key for key, cell in matrix.items() if cell.select_one(".veto-flag")}
    assert marked == vetoes
    assert all(said(matrix[key]) == "No (veto)" for key in vetoes)


def test_the_vetoed_draft_s_page_names_the_member_that_cast_the_veto(site):
    caption = site.page("/events/2022-02-25-security-council-veto/").select_one("figure.tally figcaption")
    assert "Vetoed by Russian Federation, a member holding a veto, voting against." in " ".join(caption.get_text().split())
    adopted = site.page("/events/2022-03-02-ga-es-11-1-aggression/").select_one("figure.tally")
    assert adopted.select_one(".vetoed-by") is None


def test_the_matrix_scrolls_in_a_labelled_focusable_region(site):
    page = site.page("/votes/")
    region = page.select_one(".table-scroll.matrix-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert page.select_one(f"#{region['aria-labelledby']}").get_text() and region.select_one("table.matrix")


def test_each_tally_chart_scales_its_bars_to_its_body_and_tabulates_them(site):
    page = site.page("/votes/")
    charts = page.select("section[aria-labelledby=support-h] figure.tally-chart")
    assert len(charts) == 2
    for chart in charts:
        bars = chart.select("text")
        table = page.select_one(f"#{chart.svg['aria-describedby']}").find_parent("table")
        assert len(bars) == len(table.select("tbody tr"))
    security_council = charts[0]
    yes = security_council.select_one("rect.tally-yes")
    assert yes["width"] == f"{round(100 * 11 / 15, 3)}%", "11 of 15 in favour of the first draft"


def test_each_group_s_chart_and_table_count_its_members_votes_on_every_roll_call(site):
    """Counted from the roll calls and the table of members, so that the record can grow."""
    with open(ROOT / "content" / "member-states.csv", encoding="utf-8", newline="") as handle:
        group_of = {row["code"]: row["group"] for row in csv.DictReader(handle)}
    bodies = {"un-general-assembly": "UN General Assembly", "un-security-council": "UN Security Council"}
    roll_calls = {path.stem: path for path in ROLL_CALLS}
    by_body = {name: sorted(slug for slug in roll_calls if front_matter(ROOT / "content" / "events" / f"{slug}.md")
                            ["body"] == body) for body, name in bodies.items()}
    sections = site.page("/votes/").select("section[aria-labelledby=groups-h] > section")
    charted = defaultdict(set)
    for section in sections:
        body, group = re.fullmatch(r"(.+), (.+) group: .*", section.h3.get_text()).groups()
        charted[body].add(group)
        rows = section.select("table.tallies tbody tr")
        events = [row.th.a["href"].strip("/").split("/")[-1] for row in rows]
        assert events == by_body[body] and len(section.select("figure.tally-chart text")) == len(rows)
        for event, row in zip(events, rows):
            votes = re.findall(r"^  ([A-Z]{3}): (\w+)$", roll_calls[event].read_text(encoding="utf-8"), re.M)
            words = [word for code, word in votes if group_of[code] == group]
            shown = [int(cell.get_text()) for cell in row.select("td")]
            assert shown == [words.count(word) for word in ("yes", "no", "abstain", "absent")] + [len(words)], group
    # Every group of every body with a roll call, each once.
    assert len(sections) == sum(map(len, charted.values()))
    assert charted["UN General Assembly"] == set(group_of.values())


def test_a_vote_that_follows_another_lists_every_state_whose_cast_vote_changed(site):
    """Counted from the roll calls and the files, for every vote an editor says follows another."""
    positions, labels = recorded(site), {"yes": "yes", "no": "no", "abstain": "abstained"}
    following = {path.stem: front_matter(path)["follows"] for path in VOTES if "follows" in front_matter(path)}
    assert following, "the record holds a vote that follows another"
    for later, earlier in following.items():
        cast = {event: {state: word for (state, slug), word in positions.items() if slug == event and word in labels}
                for event in (earlier, later)}
        expected = {(state, labels[cast[earlier][state]], labels[word]) for state, word in cast[later].items()
                    if cast[earlier].get(state, word) != word}
        section = site.page(f"/events/{later}/").select_one("section[aria-labelledby=changes-h]")
        shown = set()
        for heading in section.select("h3"):
            before, after = re.fullmatch(r"From (\w+) to (\w+): \d+", heading.get_text()).groups()
            shown |= {(a["href"].strip("/").split("/")[-1], before, after)
                      for a in heading.find_next_sibling("p").select("a")}
        assert shown == expected, later


MAP_BUDGET = 40_000  # bytes, gzipped: what a roll call's map adds to its page


def test_every_roll_call_s_page_maps_each_member_once_with_its_vote_within_budget(site):
    names = {actor["code"]: actor["name"] for actor in json.loads((site.output / "data" / "actors.json").read_text())
             if actor["code"]}
    labels = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Absent"}
    for path in ROLL_CALLS:
        figure = site.page(f"/events/{path.stem}/").select_one("section.roll-call figure.vote-map")
        titles = [(title.get_text(), title.parent["class"][0]) for title in figure.select("title")]
        votes = re.findall(r"^  ([A-Z]{3}): (\w+)$", path.read_text(encoding="utf-8"), re.M)
        assert sorted(title for title, _ in titles) == sorted(f"{names[code]}: {labels[word]}" for code, word in votes)
        words = {f"{names[code]}: {labels[word]}": word for code, word in votes}
        assert all(drawn in (f"map-{words[title]}", f"dot-{words[title]}") for title, drawn in titles), path.stem
        assert len(gzip.compress(str(figure).encode())) <= MAP_BUDGET, path.stem
        assert "Crimea and the other areas of Ukraine that Russia occupies are Ukraine's" in figure.figcaption.get_text()


def test_the_votes_page_stays_within_its_budget(site):
    page = (site.output / "votes" / "index.html").read_bytes()
    css = next(site.output.glob("theme/css/site*.css")).read_bytes()
    assert len(gzip.compress(page)) + len(gzip.compress(css)) <= BUDGET


def test_an_actor_page_sums_up_and_strips_the_state_s_votes(site):
    russia = site.page("/actors/russian-federation/")
    summary = russia.select_one(".record-summary").get_text()
    # Counted from the files, so that the record can grow: the exact wording is the fixtures' to check.
    positions = recorded(site)
    for body, name in (("un-general-assembly", "UN General Assembly"), ("un-security-council", "UN Security Council")):
        held = [path.stem for path in VOTES if front_matter(path).get("body") == body]
        noes = sum(positions.get(("russian-federation", event)) == "no" for event in held)
        said = f"voted no on all {noes} {name}" if noes == len(held) else f"no on {noes} of {len(held)} {name}"
        assert said in summary, (said, summary)
    strip = russia.select("ol.vote-strip li")
    assert len(strip) == len(VOTES)
    ukraine = site.page("/actors/ukraine/").select_one(".record-summary").get_text()
    assert "no position recorded on" in ukraine, ukraine  # on the Council, where it did not sit


def test_the_open_data_holds_every_recorded_position_with_its_sources(site):
    data = json.loads((site.output / "data" / "votes.json").read_text(encoding="utf-8"))
    schema = json.loads((site.output / "data" / data["schema"]).read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    rows = {(row["state"], row["event"]): row for row in data["votes"]}
    actors = {actor["id"]: actor for actor in json.loads((site.output / "data" / "actors.json").read_text())}
    roll_calls = {path.stem: path.read_text(encoding="utf-8") for path in ROLL_CALLS}
    positions, disputes = recorded(site), disputed()
    assert set(rows) == set(positions) | set(disputes)
    for key, row in rows.items():
        assert row["position"] == positions.get(key) and row["disputed"] == (key in disputes), key
        provenance = re.findall(r"^(copy|taken): (.+)$", roll_calls.get(key[1], ""), re.M)
        assert [(field, row[field]) for field in ("copy", "taken") if row[field]] == provenance, key
    files = {path.stem: front_matter(path) for path in VOTES}
    for (state, event), row in rows.items():
        written = files[event].get("positions", {}).get(state)
        assert row["sources"] == (position_of(written)[1] if written is not None else []), (state, event)
    with open(site.output / "data" / "votes.csv", encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [(row["state"], row["event"], row["position"]) for row in table] == \
        [(row["state"], row["event"], row["position"] or "") for row in data["votes"]]
    assert {"event": "2025-12-03-ga-es-11-9-return-of-children", "position": "yes"} in actors["united-states"]["votes"]
    assert actors["mariana-betsa"]["votes"] == []
