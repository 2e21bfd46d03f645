"""The full record: every event and actor file has its page, every page lists its sources, and tallies,
positions and voting records add up, however many files content/ holds; and the facts that must not change."""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import feedparser
import pytest
from ruamel.yaml import YAML

from conftest import ROOT, build, section
from pelican.plugins.timeline.skeleton import PLACEHOLDER_BIOGRAPHY, PLACEHOLDER_BODY, project_settings

EVENT_FILES = sorted((ROOT / "content" / "events").glob("*.md"))
ACTOR_FILES = sorted((ROOT / "content" / "actors").glob("*.md"))
VOTE_WORDS = {"yes": "Yes", "no": "No", "abstain": "Abstained", "absent": "Absent"}
# Each type of event that has positions: the heading they are shown under, and the label of each word.
SETTINGS = project_settings(str(ROOT / "pelicanconf.py"))
POSITIONS = SETTINGS["TIMELINE_POSITIONS"]


@functools.cache
def front_matter(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])


def position_of(value: str | dict) -> tuple[str, list[int]]:
    """A position as written, `word` or `{position: word, source: n}`: its word and the sources it cites."""
    if isinstance(value, dict):
        source = value.get("source", [])
        return value["position"], source if isinstance(source, list) else [source]
    return value, []


VOTES = [path for path in EVENT_FILES if "tally" in front_matter(path)]
ROLL_CALLS = sorted((ROOT / "content" / "roll-calls").glob("*.yaml"))


def roll_call_votes() -> dict[tuple[str, str], str]:
    """Every vote of the roll calls cast by a state with an actor file, by (its slug, the event): the word."""
    codes = {data["code"]: path.stem for path in ACTOR_FILES if "code" in (data := front_matter(path))}
    return {(codes[code], path.stem): word for path in ROLL_CALLS
            for code, word in re.findall(r"^  ([A-Z]{3}): (\w+)$", path.read_text(encoding="utf-8"), re.M)
            if code in codes}


def linked_slugs(links) -> list[str]:
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]


def test_every_event_and_actor_file_has_a_page(site):
    assert EVENT_FILES and ACTOR_FILES
    missing = [f"{path.parent.name}/{path.stem}" for path in EVENT_FILES + ACTOR_FILES
               if not (site.output / path.parent.name / path.stem / "index.html").is_file()]
    assert missing == []


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.stem)
def test_every_event_page_lists_its_sources_and_links_its_actors(site, path):
    data, page = front_matter(path), site.page(f"/events/{path.stem}/")
    assert [li.a["href"] for li in page.select("ol.sources > li")] == [s["url"] for s in data["sources"]]
    actors = section(page, "actors-h").select("a")
    assert linked_slugs(actors) == data["actors"]


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.stem)
def test_every_source_gives_the_day_it_was_published_or_says_it_is_unknown_and_the_page_shows_which(site, path):
    listed = section(site.page(f"/events/{path.stem}/"), "sources-h").select("ol.sources > li")
    for source, item in zip(front_matter(path)["sources"], listed, strict=True):
        written = str(source.get("date"))
        assert written == "unknown" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", written), (source["url"], written)
        shown = item.time["datetime"] if item.time else item.select_one(".undated").get_text()
        assert shown == (written if written != "unknown" else "undated"), source["url"]


@pytest.mark.parametrize("path", [path for path in EVENT_FILES if "symbol" in front_matter(path)],
                         ids=lambda p: p.stem)
def test_a_un_symbol_links_the_document_line_to_the_document_the_data_names(site, path):
    symbol = front_matter(path)["symbol"]
    line = site.page(f"/events/{path.stem}/").select_one("p.symbol")
    data = json.loads((site.output / "data" / "events" / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert line.get_text() == f"Document: {symbol}"
    assert (line.a["href"] if line.a else None) == data["symbol_url"]
    if re.match(r"[AS]/", symbol) and "-S/" not in symbol:
        assert data["symbol_url"], symbol


@pytest.mark.parametrize("path", VOTES, ids=lambda p: p.stem)
def test_the_tally_a_reader_sees_is_the_tally_in_the_file_and_fits_the_body(site, path):
    data = front_matter(path)
    text = " ".join(site.page(f"/events/{path.stem}/").select_one("figure.tally").get_text().split())
    shown = {key: int(n) for n, key in re.findall(r"(\d+) (in favour|against|abstaining|not voting)", text)}
    expected = {"in favour": data["tally"]["yes"], "against": data["tally"]["no"],
                "abstaining": data["tally"]["abstain"]}
    if "absent" in data["tally"]:
        expected["not voting"] = data["tally"]["absent"]
    assert shown == expected
    # With those not voting, every member is counted; without, the tally may be short of them.
    members = body_of(data)["members"]
    assert sum(shown.values()) == members if "not voting" in shown else sum(shown.values()) <= members


@pytest.mark.parametrize("path", [path for path in EVENT_FILES if "positions" in front_matter(path)],
                         ids=lambda p: p.stem)
def test_every_event_page_shows_the_positions_in_its_file_under_its_type_s_heading(site, path):
    data = front_matter(path)
    heading, labels = POSITIONS[data["type"]]
    positions = section(site.page(f"/events/{path.stem}/"), "positions-h")
    shown = {linked_slugs([row.th.a])[0]: row.td.get_text(strip=True) for row in positions.select("tbody tr")}
    assert positions.h2.get_text() == heading
    assert shown == {state: labels[word] + veto(data, state, word) + "".join(f"[{n}]" for n in sources)
                     for state, (word, sources) in ((s, position_of(v)) for s, v in data["positions"].items())}


def veto(data: dict, state: str, word: str) -> str:
    """What follows a position that was a veto: a veto holder's vote against a vetoed draft."""
    return " (veto)" if data["type"] == "veto" and word == "no" and state in veto_holders(data) else ""


def body_of(data: dict) -> dict:
    """The front matter of the voting body an event names, whose file gives its membership and veto holders."""
    return front_matter(ROOT / "content" / "actors" / f"{data['body']}.md")


def veto_holders(data: dict) -> list[str]:
    return body_of(data).get("veto_holders", []) if "body" in data else []


def voting_record(site, state: str) -> list[tuple[str, str, str]]:
    """Read a state's voting record across its actor pages: (event slug, resolution as shown, vote) per row."""
    rows = [row for page in site.listing(f"/actors/{state}/") for row in page.select("table.record tbody tr")]
    return [(linked_slugs([row.th.a])[0], row.th.a.get_text(strip=True),
             " ".join(row.select_one("td.vote").get_text().split())) for row in rows]


def cited(data: dict, source: int | list[int]) -> tuple[str, str]:
    """A value's sources as a reader sees them: who they are, and the numbered marks beside the value."""
    numbers = source if isinstance(source, list) else [source]
    publishers = " and ".join(dict.fromkeys(data["sources"][n - 1]["publisher"] for n in numbers))
    return publishers, "".join(f"[{n}]" for n in numbers)


def expected_records() -> dict[str, dict[str, str]]:
    """Return what each state's voting record must show, from the vote files: its vote on each (as its
    editor wrote it, else as its roll call gives it), or both reports where the sources disagree on it."""
    records: dict[str, dict[str, str]] = defaultdict(dict)
    for (state, event), word in roll_call_votes().items():
        records[state][event] = VOTE_WORDS[word]
    for path in VOTES:
        data = front_matter(path)
        for state, value in (data.get("positions") or {}).items():
            word, sources = position_of(value)
            records[state][path.stem] = VOTE_WORDS[word] + veto(data, state, word) + "".join(f"[{n}]" for n in sources)
        for conflict in data.get("conflicts") or []:
            if conflict.get("position_of"):
                reports = "; ".join(f"{r['says']} ({''.join(cited(data, r['source']))})" for r in conflict["reports"])
                records[conflict["position_of"]][path.stem] = f"Disputed: {reports}"
    return records


def test_every_state_s_voting_record_holds_exactly_the_votes_recorded_for_it(site):
    expected = expected_records()
    assert expected
    for state, votes in expected.items():
        assert {slug: vote for slug, _, vote in voting_record(site, state)} == votes, state


def record(site, state: str) -> dict[str, str]:
    """Return a state's votes by the resolution's symbol (or, for a vetoed draft, the event's title)."""
    return {shown: vote for _, shown, vote in voting_record(site, state)}


def test_the_five_states_show_their_records_across_all_resolutions(site):
    ukraine, united_states = record(site, "ukraine"), record(site, "united-states")
    china, india = record(site, "china"), record(site, "india")
    russia_rows = voting_record(site, "russian-federation")
    russia = {shown: vote for _, shown, vote in russia_rows}
    assert united_states["A/RES/ES-11/7"] == "No" and united_states["A/RES/ES-11/8"] == "Abstained"
    assert united_states["A/RES/ES-11/9"] == "Yes" and united_states["A/RES/ES-11/6"] == "Yes"
    assert united_states["A/RES/ES-11/2"] == "Yes", "from the roll call alone"
    assert china["A/RES/ES-11/3"] == "No" and china["A/RES/ES-11/5"] == "No"
    assert china["S/RES/2774 (2025)"] == "Yes" and russia["S/RES/2774 (2025)"] == "Yes"
    assert {vote for symbol, vote in india.items() if symbol.startswith("A/RES/ES-11/")} == {"Abstained"}
    assert "S/RES/2774 (2025)" not in india, "India was not on the Council in 2025"
    assert ukraine["A/RES/ES-11/8"] == "Abstained", "as the roll call settled the reports of it"
    resolutions = {f"A/RES/ES-11/{n}" for n in range(1, 10)} | {"A/RES/78/316", "S/RES/2623 (2022)"}
    assert resolutions | {"S/RES/2774 (2025)"} <= set(russia)
    assert all(vote == "No" for symbol, vote in russia.items() if symbol in resolutions)
    by_event = {slug: vote for slug, _, vote in russia_rows}
    assert by_event["2022-02-25-security-council-veto"] == by_event["2022-09-30-annexation-and-veto"] == \
        "No (veto)", "the two drafts Russia vetoed"


def test_every_conflict_names_and_links_the_sources_of_each_side(site):
    conflicts = [(path.stem, data, conflict) for path in EVENT_FILES
                 for data in [front_matter(path)] for conflict in data.get("conflicts") or []]
    assert conflicts
    for slug, data, conflict in conflicts:
        page = site.page(f"/events/{slug}/")
        box = next(box for box in page.select("aside.conflict") if conflict["about"] in box.get_text())
        sides = box.select("ul > li")
        assert len(sides) == len(conflict["reports"]), slug
        for side, report in zip(sides, conflict["reports"]):
            publishers, marks = cited(data, report["source"])
            assert " ".join(side.get_text().split()) == f"{publishers} reported {report['says']}{marks}.", slug
            for mark in side.select("sup a"):
                assert page.find(id=mark["href"].removeprefix("#")).name == "li", (slug, mark["href"])
        settled = " ".join(box.get_text().split())
        if conflict.get("official"):
            publishers, marks = cited(data, conflict["official_source"])
            assert f"This site uses {conflict['official']}, as {publishers} reported it{marks}." in settled, slug
        else:
            assert "No source settles it" in settled, slug


def test_the_children_page_charts_every_reported_figure_with_who_reported_it(site):
    page = site.page("/children/")
    figures = [(path.stem, figure) for path in EVENT_FILES for figure in front_matter(path).get("figures", [])]
    rows = page.select("table.figures tbody tr")
    assert figures and len(rows) == len(figures)
    counts = sorted(int(re.sub(r"\D", "", row.select("td")[2].get_text())) for row in rows)
    assert counts == sorted(figure["count"] for _, figure in figures)
    reporters = {" ".join(row.select("td")[3].get_text(" ").split()) for row in rows}
    assert reporters == {f"{figure['reported_by']} [{figure['source']}]" for _, figure in figures}
    for row in rows:
        event_page, fragment = row.select_one("td sup a")["href"].split("#")
        assert fragment.startswith("source-") and event_page.endswith(row.select("td")[4].a["href"])
    chart = page.select_one("figure.chart svg")
    assert chart["role"] == "img" and page.find(id=chart["aria-labelledby"]) is not None
    assert len(chart.select("circle")) == len(figures)


def test_corrections_are_shown_exactly_where_the_files_record_them(site):
    corrected = [path.stem for path in EVENT_FILES if front_matter(path).get("corrections")]
    sections = [path.stem for path in EVENT_FILES if site.page(f"/events/{path.stem}/").find(id="corrections-h")]
    assert sections == corrected
    assert (site.output / "corrections" / "index.html").is_file() == bool(corrected)
    assert bool(site.page("/").select('footer a[href$="corrections/"]')) == bool(corrected)


def new_event(tmp_path: Path, typed: list[str] | None = None,
              **options: str) -> tuple[subprocess.CompletedProcess, Path]:
    """Run `invoke new-event` with options on a copy of the real content, with the lines `typed` as its input
    (without, no input at all)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    args = [arg for key, value in options.items() for arg in (f"--{key.replace('_', '-')}", value)]
    stdin = {"stdin": subprocess.DEVNULL} if typed is None else {"input": "".join(f"{line}\n" for line in typed)}
    result = subprocess.run([sys.executable, "-m", "invoke", "new-event", *args, "--content", str(content)],
                            cwd=ROOT, capture_output=True, text=True, **stdin)
    return result, content


CALL = {"title": "Ukraine and China hold a call", "date": "2025-06-01", "type": "talks",
        "actors": "ukraine,china", "summary": "A test event written by the new-event task.",
        "source_url": "https://example.org/call", "source_title": "A call", "publisher": "Example",
        "source_date": "unknown"}


def test_new_event_writes_a_file_that_stops_the_build_on_its_body_until_the_editor_writes_it(tmp_path):
    result, content = new_event(tmp_path, **CALL)
    assert result.returncode == 0, result.stderr
    slug = "2025-06-01-ukraine-and-china-hold-a-call"
    file = content / "events" / f"{slug}.md"
    text = file.read_text(encoding="utf-8")
    unwritten = build(content, tmp_path / "output")
    assert unwritten.returncode == 1
    assert [line.split(": ", 2)[:2] for line in unwritten.problems] == \
        [[f"content/events/{slug}.md:{text.splitlines().index(PLACEHOLDER_BODY) + 1}", "body"]]
    file.write_text(text.replace(PLACEHOLDER_BODY, "The two presidents spoke."), encoding="utf-8")
    built = build(content, tmp_path / "output")
    assert built.returncode == 0, built.log
    for listing in ("/years/2025/", "/actors/ukraine/", "/actors/china/"):
        assert any(page.find("article", id=slug) for page in built.listing(listing)), listing


def test_new_event_refuses_an_unknown_actor_and_writes_nothing(tmp_path):
    result, content = new_event(tmp_path, **{**CALL, "actors": "ukriane"})
    assert result.returncode != 0
    assert "actors: no actor `ukriane`" in result.stderr
    assert sorted(p.name for p in (content / "events").glob("*.md")) == [p.name for p in EVENT_FILES]


def test_new_event_asks_again_for_a_wrong_date_and_creates_a_missing_actor_and_the_site_builds(tmp_path):
    typed = ["The Assembly's president meets an envoy", "2025-02-30", "2025-02", "", "", "envoy-meeting", "meeting",
             "un-general-assembly, new-envoy", "y", "A New Envoy", "person", "Special envoy", "ukraine",
             "They met in New York.", "https://example.org/meeting", "A meeting", "Example", "2025-03-01"]
    result, content = new_event(tmp_path, typed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "date: `2025-02-30` is not a real date; expected a date written YYYY-MM-DD, YYYY-MM or YYYY\n" \
        in result.stdout
    assert f"Wrote {content}/actors/new-envoy.md\nWrote {content}/events/2025-02-envoy-meeting.md\n" in result.stdout
    for path, placeholder, words in ((content / "events" / "2025-02-envoy-meeting.md", PLACEHOLDER_BODY, "They met."),
                                     (content / "actors" / "new-envoy.md", PLACEHOLDER_BIOGRAPHY, "An envoy.")):
        path.write_text(path.read_text(encoding="utf-8").replace(placeholder, words), encoding="utf-8")
    built = build(content, tmp_path / "output")
    assert built.returncode == 0, built.log
    envoy = built.page("/actors/new-envoy/")
    assert envoy.h1.get_text(strip=True) == "A New Envoy"
    assert envoy.find("article", id="2025-02-envoy-meeting")


def test_new_event_given_up_at_a_prompt_writes_nothing_and_says_so_in_one_line(tmp_path):
    result, content = new_event(tmp_path, ["A title", "2025-06-01", "", "", "", "talks", "ukraine, new-envoy", "y", ""])
    assert (result.returncode, result.stderr) == (1, "new-event: the name was left empty, so nothing was written\n")
    assert sorted(p.name for p in content.rglob("*.md")) == sorted(p.name for p in (ROOT / "content").rglob("*.md"))


STANCES = [path for path in EVENT_FILES if front_matter(path).get("positions") and "tally" not in front_matter(path)]


@pytest.mark.parametrize("path", STANCES, ids=lambda p: p.stem)
def test_every_stance_of_the_record_is_on_its_state_s_page_apart_from_its_votes_with_its_sources(site, path):
    """A summit's or talks' positions are stances: each state's page lists them under Stances, with the
    marks of the sources that say them, and never in its voting record."""
    data = front_matter(path)
    labels = POSITIONS[data["type"]][1]
    for state, value in data["positions"].items():
        word, sources = position_of(value)
        pages = site.listing(f"/actors/{state}/")
        row = next(row for page in pages for row in page.select("table.stances tbody tr")
                   if linked_slugs([row.th.a])[0] == path.stem)
        assert row.td.get_text() == labels[word] + "".join(f"[{n}]" for n in sources), state
        assert all(path.stem not in a["href"] for page in pages for a in page.select("table.record a")), state

SPANS = [path for path in EVENT_FILES if front_matter(path).get("end")]


@pytest.mark.parametrize("path", SPANS, ids=lambda p: p.stem)
def test_an_event_of_several_days_carries_both_dates_on_its_page_in_the_data_and_in_the_feeds(published, path):
    data = front_matter(path)
    start, end = str(data["date"]), str(data["end"])
    meta = published.page(f"/events/{path.stem}/").select_one(".event-meta")
    times = meta.select("time")
    assert [t["datetime"] for t in times] == [start, end]
    in_words = meta.get_text().split(meta.select_one(".event-type").get_text())[0].strip()
    record = next(e for e in json.loads((published.output / "data" / "events.json").read_text())["events"]
                  if e["id"] == path.stem)
    assert (record["date"], record["end"]) == (start, end)
    card = published.page("/").find(id=path.stem) or \
        published.page(f"/years/{start[:4]}/").find(id=path.stem)
    assert [t["datetime"] for t in card.select(".event-meta time")] == [start, end]
    feed = feedparser.parse((published.output / "feeds" / "all.atom.xml").read_bytes())
    entry = next(entry for entry in feed.entries if entry.link.rstrip("/").endswith(path.stem))
    assert entry.content[0].value.startswith(f"<p>{in_words}</p>"), in_words
