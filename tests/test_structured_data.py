"""What search engines and link previews read: JSON-LD, canonical URLs, meta, sitemap and robots.txt."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from conftest import ROOT, SITEURL

from pelican.plugins.timeline.linked_data import script_json


def json_ld(page) -> dict:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def event_slugs(build) -> list[str]:
    return sorted(path.parent.name for path in (build.output / "events").glob("*/index.html"))


def test_every_event_page_describes_itself_as_a_schema_org_event_on_its_date(published):
    slugs = event_slugs(published)
    assert slugs == sorted(path.stem for path in (ROOT / "content" / "events").glob("*.md"))
    for slug in slugs:
        page = published.page(f"/events/{slug}/")
        data = json_ld(page)
        assert (data["@context"], data["@type"]) == ("https://schema.org", "Event"), slug
        assert data["startDate"] == page.select_one(".page-header .event-meta time")["datetime"], slug
        assert data["name"] == page.h1.get_text()
        assert data["url"] == f"{SITEURL}/events/{slug}/"


def test_an_event_known_to_the_month_starts_in_that_month(fixture_site):
    data = json_ld(fixture_site().page("/events/2022-03/"))
    assert data["startDate"] == "2022-03"
    assert "url" not in data, "a local build has no address to give"


def test_actor_pages_describe_a_country_an_organisation_or_a_person(published):
    assert json_ld(published.page("/actors/ukraine/"))["@type"] == "Country"
    assert json_ld(published.page("/actors/un-general-assembly/"))["@type"] == "Organization"
    person = json_ld(published.page("/actors/mariana-betsa/"))
    assert (person["@type"], person["name"]) == ("Person", "Mariana Betsa")
    assert person["affiliation"] == {"@type": "Country", "name": "Ukraine", "url": f"{SITEURL}/actors/ukraine/"}


def test_json_ld_cannot_close_its_script_element():
    text = script_json({"name": "</script><script>alert(1)</script> & more"})
    assert "</" not in text and "<" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & more"


def test_every_published_page_has_a_canonical_url_under_siteurl_and_preview_meta(published):
    for slug in event_slugs(published):
        page = published.page(f"/events/{slug}/")
        canonical = page.select_one('link[rel="canonical"]')["href"]
        assert canonical == f"{SITEURL}/events/{slug}/"
        assert page.select_one('meta[property="og:url"]')["content"] == canonical
        assert page.select_one('meta[property="og:title"]')["content"].startswith(page.h1.get_text())
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary"
    about = published.page("/about/")
    assert about.select_one('link[rel="canonical"]')["href"] == f"{SITEURL}/about/"


def test_the_preview_build_names_no_localhost_and_links_no_relative_feed(published):
    for path in published.output.rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".csv", ".txt"}:
            assert "localhost" not in path.read_text(encoding="utf-8"), path
    for path in published.output.rglob("*.html"):
        page = published.page(str(path.relative_to(published.output)))
        for link in page.select('link[rel="alternate"]'):
            assert link["href"].startswith(f"{SITEURL}/"), (path, link["href"])


def test_the_sitemap_lists_every_page_and_robots_txt_names_it(published):
    sitemap = ElementTree.parse(published.output / "sitemap.xml").getroot()
    listed = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {f"{SITEURL}/{path.parent.relative_to(published.output)}/".replace("/./", "/")
             for path in published.output.rglob("index.html")}
    assert listed == pages
    robots = (published.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_a_local_build_has_no_canonical_url_nor_sitemap(site):
    assert site.page("/").select_one('link[rel="canonical"]') is None
    assert not (site.output / "sitemap.xml").exists()
