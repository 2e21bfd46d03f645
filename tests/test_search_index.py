"""Every build carries its own search index, covering exactly the event and actor pages and the pages of
prose (About, the children's figures), in shards that the search page merges; a rebuild re-indexes only the
shards whose pages changed. Each page gives the index its own words, not the page's furniture, and the date,
type, year and actors that results show and are filtered by."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import Build, section, snapshot


def search_folders(site: Build, edition: str = "") -> list[str]:
    """The index folders the search page of the site (or of its edition) loads, in order, from its root."""
    form = site.page(f"/{edition}/search/").select_one("#search-form")
    return [f"{edition}/{folder}".lstrip("/") for folder in form["data-indexes"].split()]


def indexed(site: Build, edition: str = "") -> dict[str, str]:
    """What a search can find: the address (from the root of its edition) and text of every page in every
    shard the search page loads (Pagefind keeps each page's text in a gzipped JSON fragment)."""
    pages = {}
    for folder in search_folders(site, edition):
        shard = indexed_in(site, folder)
        assert not set(shard) & set(pages), f"{set(shard) & set(pages)} in two shards"
        pages |= shard
    return pages


def records_in(site: Build, folder: str) -> dict[str, dict]:
    """Pagefind's record of every page in a shard, by address: its text, meta and filters."""
    records = [json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
               for fragment in (site.output / folder / "fragment").iterdir()]
    return {record["url"]: record for record in records}


def indexed_in(site: Build, folder: str) -> dict[str, str]:
    return {url: record["content"] for url, record in records_in(site, folder).items()}


def marked_for_search(site: Build, edition: str = "") -> set[str]:
    """The pages of the site (or of its edition) that ask to be indexed, by address from its root."""
    root = site.output / edition
    pages = (path for path in root.rglob("*.html") if edition or path.relative_to(root).parts[0] != "uk")
    return {"/" + str(path.parent.relative_to(root)) + "/" for path in pages
            if site.page(str(path.relative_to(site.output))).find(attrs={"data-pagefind-body": True})}


@pytest.mark.parametrize("edition", ["", "uk"], ids=["the site", "its edition in Ukrainian"])
def test_the_index_holds_exactly_the_event_actor_and_prose_pages(site, edition):
    """Each edition has its own index, of its own pages, which Pagefind keeps apart by their language."""
    root = site.output / edition
    events = {f"/events/{path.parent.name}/" for path in (root / "events").glob("*/index.html")}
    actors = {f"/actors/{path.parent.name}/" for path in (root / "actors").glob("*/index.html")}
    assert set(indexed(site, edition)) == events | actors | {"/about/", "/children/"} \
        == marked_for_search(site, edition)
    metadata = (site.output / search_folders(site, edition)[0]).glob("*.pf_meta")  # pagefind.uk_….pf_meta
    languages = [path.name.split(".")[1].split("_")[0] for path in metadata]
    assert languages == [edition or "en"]


def test_the_edition_in_ukrainian_finds_a_page_by_its_ukrainian_words(site):
    text = indexed(site, "uk")["/events/2025-12-03-ga-es-11-9-return-of-children/"]
    assert "дітей" in text and "children" not in text


def test_the_index_holds_an_event_body_but_not_the_citation_or_neighbours(site):
    text = indexed(site)["/events/2025-12-03-ga-es-11-9-return-of-children/"]
    assert "indoctrinating" in text
    assert "Cite this event" not in text and "Previous event" not in text


def test_a_record_of_a_thousand_pages_or_less_is_one_index(site):
    assert search_folders(site) == ["pagefind/1/"]
    assert [p.name for p in (site.output / "pagefind").iterdir()] == ["1"]
    assert (site.output / "pagefind/1/pagefind.js").is_file()
    entry = json.loads((site.output / "pagefind/1/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(indexed(site))


def test_only_event_actor_and_prose_pages_are_marked_for_the_index(site):
    for path in site.output.rglob("*.html"):
        page = site.page(str(path.relative_to(site.output)))
        marked = page.find(attrs={"data-pagefind-body": True}) is not None
        assert marked == (path.parts[-3] in ("events", "actors") or path.parts[-2] in ("about", "children")), path


def test_every_indexed_text_begins_with_its_pages_title_not_its_furniture(site):
    records = records_in(site, "pagefind/1/")
    for url, record in records.items():
        title = site.page(url).h1.get_text(" ", strip=True)
        assert record["content"].startswith(title), (url, record["content"][:80])
        for furniture in ("Sources.", "Actors.", "Cite this event", "Voting record", "What they said"):
            assert furniture not in record["content"], (url, furniture)


def test_an_event_is_indexed_without_its_location_or_the_addresses_of_its_sources(site):
    for url, record in records_in(site, "pagefind/1/").items():
        page = site.page(url)
        location = page.select_one(".event-meta .location")
        if location is not None and location.get_text() not in page.select_one(".prose").get_text():
            assert location.get_text() not in record["content"], url
        for address in page.select(".source-url"):
            assert address.get_text() not in record["content"], url


def test_each_result_knows_its_date_and_type_and_the_filters_it_answers_to(site):
    records = records_in(site, "pagefind/1/")
    for url, record in records.items():
        page = site.page(url)
        if url.startswith("/events/"):
            assert page.select_one(".event-meta").get_text().startswith(record["meta"]["date"] + " ")
            assert record["meta"]["type"] == page.select_one(".event-meta .event-type").get_text()
            assert record["filters"]["year"] == [page.select_one(".event-meta time")["datetime"][:4]]
            assert record["filters"]["type"] == [page.select_one(".event-meta .event-type")["href"].split("/")[-2]]
            assert record["filters"]["actor"] == [a["href"].split("/")[-2] for a in section(page, "actors-h").select("a")]
        elif url.startswith("/actors/"):
            assert record["meta"]["type"] == page.select_one(".kicker").get_text()
            kind = page.select_one(".kicker").get_text().lower()  # State, Organisation, Person
            assert record["filters"] == {"actor": [url.split("/")[-2]], "type": [kind]}
        else:
            assert (record["meta"]["type"], record["filters"]) == ("Page", {"type": ["page"]}), url


def test_the_home_page_refers_to_no_search_asset(site):
    home = (site.output / "index.html").read_text(encoding="utf-8")
    assert "pagefind" not in home
    assert 'href="./search/"' in home


def test_a_longer_record_is_indexed_in_shards_events_first(indexed_site):
    site = indexed_site(TIMELINE_SEARCH_SHARD_SIZE=2)
    assert site.returncode == 0, site.log
    assert search_folders(site) == ["pagefind/1/", "pagefind/2/", "pagefind/3/"]
    assert set(indexed(site)) == marked_for_search(site) and len(indexed(site)) == 6
    assert set(indexed_in(site, "pagefind/1/")) == {"/events/2022-03/", "/events/2025-12-03-children-vote/"}


def entry_file(site: Build, folder: str) -> Path:
    return site.output / folder / "pagefind-entry.json"


def test_a_rebuild_indexes_again_only_the_shard_of_the_edited_event(indexed_site):
    first = indexed_site(TIMELINE_SEARCH_SHARD_SIZE=1)
    kept = {folder: entry_file(first, folder).stat().st_ino for folder in search_folders(first)}
    with (indexed_site.content / "events" / "2022-03.md").open("a", encoding="utf-8") as event:
        event.write("\nA correction mentioning zanzibarite.\n")
    second = indexed_site(TIMELINE_SEARCH_SHARD_SIZE=1)
    assert second.returncode == 0, second.log
    assert "zanzibarite" in indexed(second)["/events/2022-03/"]
    # The same file, not a copy, when the shard was taken from the store rather than made again.
    reused = [folder for folder in search_folders(second) if entry_file(second, folder).stat().st_ino == kept[folder]]
    assert reused == [folder for folder in kept if folder != "pagefind/1/"]


def test_builds_of_two_kinds_in_turn_keep_each_others_index(indexed_site):
    first = indexed_site()
    kept = entry_file(first, "pagefind/1/").stat().st_ino
    assert indexed_site(SITENAME="Another name").returncode == 0  # other pages, so another index
    again = indexed_site()
    assert again.returncode == 0, again.log
    assert entry_file(again, "pagefind/1/").stat().st_ino == kept


def test_a_build_without_its_index_writes_the_same_pages_and_says_the_index_was_not_made(indexed_site):
    """TIMELINE_SEARCH_INDEX = False leaves out only the index (the tests' 10,000-event record is built so)."""
    indexed_build = snapshot(indexed_site().output)
    without = indexed_site(TIMELINE_SEARCH_INDEX=False)
    assert without.returncode == 0, without.log
    assert "search: not made (TIMELINE_SEARCH_INDEX is False);" in without.log
    assert not (without.output / "pagefind").exists()
    assert snapshot(without.output) == {path: data for path, data in indexed_build.items()
                                        if not path.startswith("pagefind/")}
    # Turned on again, the index is back, taken from the store where its pages are unchanged.
    again = indexed_site()
    assert "search: 0 shards indexed, 1 kept;" in again.log and snapshot(again.output) == indexed_build
