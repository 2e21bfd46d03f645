"""The record's edition in Ukrainian against its English one, page for page: the same pages, each in its own
language, and on every event page the same dates, tallies, positions and sources, whatever the words."""

from __future__ import annotations

from pathlib import Path

from conftest import Build


def pages(site: Build, edition: str) -> set[str]:
    root = site.output / edition
    return {path.relative_to(root).as_posix() for path in root.rglob("index.html")
            if edition or path.relative_to(root).parts[0] != "uk"}


def test_the_edition_has_every_page_of_the_site_each_in_its_language(site):
    english, ukrainian = pages(site, ""), pages(site, "uk")
    assert english == ukrainian
    for path in sorted(english):
        assert site.page(path).html["lang"] == "en", path
        assert site.page(f"uk/{path}").html["lang"] == "uk", path


def facts(page) -> dict[str, list[str]]:
    """What an event page says that no translation may change: its dates, its tally, the positions taken and
    every member's vote in its roll call, and its sources' addresses."""
    return {
        "dates": [time["datetime"] for time in page.select("main time[datetime]")],
        "tally": [rect["width"] for rect in page.select("figure.tally rect")],
        "positions": [" ".join(cell["class"]) for cell in page.select("table.positions td")],
        "roll call": [f"{heading['id']}: {sorted(link['href'] for link in heading.find_next('ul').select('a'))}"
                      for heading in page.select(".roll-call h3[id^=roll-call-]")],
        "sources": [link["href"] for link in page.select("ol.sources > li > a[href]")],
    }


def test_every_event_in_ukrainian_keeps_its_dates_tally_positions_votes_and_sources(site):
    events = sorted(Path(path).parent.name for path in pages(site, "") if path.startswith("events/"))
    assert events
    for event in events:
        english, ukrainian = facts(site.page(f"events/{event}/")), facts(site.page(f"uk/events/{event}/"))
        for kind, values in english.items():
            theirs = ukrainian[kind]
            # A translation may add sources of its own, after the original's.
            assert (theirs[:len(values)] if kind == "sources" else theirs) == values, (event, kind)
