"""The full record: every event of the fact sheet, sourced, with tallies and voting records that add up."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, build

EVENT_FILES = sorted((ROOT / "content" / "events").glob("*.md"))
MEMBERSHIP = {"un-general-assembly": 193, "un-security-council": 15}


def front_matter(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])


def test_every_event_of_the_fact_sheet_has_a_page(site):
    assert len(EVENT_FILES) == 27
    for path in EVENT_FILES:
        assert (site.output / "events" / path.stem / "index.html").is_file(), path.stem


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.stem)
def test_every_event_page_lists_a_web_source(site, path):
    sources = site.page(f"/events/{path.stem}/").select("ol.sources > li > a")
    assert sources and all(re.match(r"https?://[^/]+", a["href"]) for a in sources)


def test_every_actor_named_on_any_event_has_a_page(site):
    named = {slug for path in EVENT_FILES for slug in front_matter(path)["actors"]}
    assert len(named) >= 35
    missing = [slug for slug in named if not (site.output / "actors" / slug / "index.html").is_file()]
    assert missing == []


VOTES = [path for path in EVENT_FILES if "tally" in front_matter(path)]


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
    assert sum(shown.values()) <= MEMBERSHIP[data["body"]]


def record(site, state: str) -> dict[str, str]:
    rows = site.page(f"/actors/{state}/").select("table.record tbody tr")
    return {row.th.a.get_text(strip=True): row.select_one("td.vote").get_text(" ", strip=True) for row in rows}


def test_the_five_states_show_their_records_across_all_resolutions(site):
    ukraine, united_states = record(site, "ukraine"), record(site, "united-states")
    china, india, russia = record(site, "china"), record(site, "india"), record(site, "russian-federation")
    assert united_states["A/RES/ES-11/7"] == "No" and united_states["A/RES/ES-11/8"] == "Abstained"
    assert united_states["A/RES/ES-11/9"] == "Yes" and "A/RES/ES-11/2" not in united_states
    assert china["A/RES/ES-11/3"] == "No" and china["A/RES/ES-11/5"] == "No"
    assert china["S/RES/2774 (2025)"] == "Yes" and russia["S/RES/2774 (2025)"] == "Yes"
    assert {vote for symbol, vote in india.items() if symbol.startswith("A/RES/ES-11/")} == {"Abstained"}
    assert "S/RES/2774 (2025)" not in india, "India was not on the Council in 2025"
    disputed = ukraine["A/RES/ES-11/8"]
    assert "Disputed" in disputed and "Associated Press" in disputed and "Interfax-Ukraine" in disputed
    resolutions = {f"A/RES/ES-11/{n}" for n in range(1, 10)} | {"A/RES/78/316", "S/RES/2623 (2022)"}
    assert resolutions | {"S/RES/2774 (2025)"} <= set(russia)
    assert all(vote == "No" for symbol, vote in russia.items() if symbol in resolutions)
    assert len(russia) == 14, "twelve resolutions and the two vetoed drafts"


def test_conflicting_figures_are_shown_the_same_way_on_every_event_that_has_them(site):
    for slug, official in [("2022-11-14-ga-es-11-5-reparation", "94-14-73"),
                           ("2025-02-24-ga-es-11-8-path-to-peace", None)]:
        box = site.page(f"/events/{slug}/").select_one("aside.conflict")
        assert box is not None, slug
        if official:
            assert f"This site uses {official}" in " ".join(box.get_text().split())
        else:
            assert "No official record settles it" in box.get_text()


def test_the_children_page_charts_every_reported_figure_with_who_reported_it(site):
    page = site.page("/children/")
    figures = [(path.stem, figure) for path in EVENT_FILES for figure in front_matter(path).get("figures", [])]
    rows = page.select("table.figures tbody tr")
    assert len(rows) == len(figures) >= 8
    counts = sorted(int(re.sub(r"\D", "", row.select("td")[2].get_text())) for row in rows)
    assert counts == sorted(figure["count"] for _, figure in figures)
    reporters = {row.select("td")[3].get_text(strip=True) for row in rows}
    assert reporters == {figure["reported_by"] for _, figure in figures}
    chart = page.select_one("figure.chart svg")
    assert chart["role"] == "img" and page.find(id=chart["aria-labelledby"]) is not None
    assert len(chart.select("circle")) == len(figures)


def new_event(tmp_path: Path, **options: str) -> tuple[subprocess.CompletedProcess, Path]:
    """Run `invoke new-event` with options on a copy of the real content."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    args = [arg for key, value in options.items() for arg in (f"--{key.replace('_', '-')}", value)]
    result = subprocess.run([sys.executable, "-m", "invoke", "new-event", *args, "--content", str(content)],
                            cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return result, content


CALL = {"title": "Ukraine and China hold a call", "date": "2025-06-01", "type": "talks",
        "actors": "ukraine,china", "summary": "A test event written by the new-event task.",
        "source_url": "https://example.org/call", "source_title": "A call", "publisher": "Example"}


def test_new_event_writes_a_file_that_builds_and_appears_on_the_timeline_and_actor_pages(tmp_path):
    result, content = new_event(tmp_path, **CALL)
    assert result.returncode == 0, result.stderr
    built = build(content, tmp_path / "output")
    assert built.returncode == 0, built.log
    slug = "2025-06-01-ukraine-and-china-hold-a-call"
    assert built.page("/").find("article", id=slug) is not None
    for actor in ("ukraine", "china"):
        assert built.page(f"/actors/{actor}/").find("article", id=slug) is not None, actor


def test_new_event_refuses_an_unknown_actor_and_writes_nothing(tmp_path):
    result, content = new_event(tmp_path, **{**CALL, "actors": "ukriane"})
    assert result.returncode != 0
    assert "actors: no actor `ukriane`" in result.stderr
    assert sorted(p.name for p in (content / "events").glob("*.md")) == [p.name for p in EVENT_FILES]
