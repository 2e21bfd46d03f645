"""A renamed actor keeps its old address and the links shared before: each former slug (`aliases`) has a page
that sends readers on to the actor's page now and search engines to its new address, and the home page's
filter knows it (in a browser: test_browser_filters.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, SITEURL, build
from pelican.plugins.timeline.outputcheck import check_output

NEW, OLD = "russian-federation", "russia"


def renamed_site(root: Path) -> Path:
    """Copy the fixture site with the Russian Federation's file once named russia.md, and give its content folder."""
    content = root / "content"
    shutil.copytree(FIXTURES / "site", content)
    actor = content / "actors" / f"{NEW}.md"
    actor.write_text(actor.read_text(encoding="utf-8").replace("\n---\n", f"\naliases: [{OLD}]\n---\n", 1),
                     encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    root = tmp_path_factory.mktemp("renamed")
    result = build(renamed_site(root), root / "output")
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("renamed-published")
    result = build(renamed_site(root), root / "output", "publishconf.py", env={"SITEURL": SITEURL})
    assert result.returncode == 0, result.log
    return result


def refresh(page) -> str:
    return page.find("meta", attrs={"http-equiv": "refresh"})["content"]


def test_the_former_address_sends_readers_on_to_the_actor_s_page_now_and_passes_the_output_check(local):
    page = local.page(f"/actors/{OLD}/")
    assert refresh(page) == f"0; url=../../actors/{NEW}/"
    link = page.select_one("main a")
    assert (link.get_text(), link["href"]) == ("Russian Federation", f"../../actors/{NEW}/")
    assert [h1.get_text() for h1 in page.find_all("h1")] == ["Russian Federation"]
    assert check_output(local.output) == []


def test_search_engines_are_sent_to_the_new_address_and_find_the_old_one_in_no_sitemap(published):
    page = published.page(f"/actors/{OLD}/")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/actors/{NEW}/"
    assert refresh(page) == f"0; url={SITEURL}/actors/{NEW}/"
    sitemap = (published.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITEURL}/actors/{NEW}/</loc>" in sitemap and f"/actors/{OLD}/" not in sitemap


def test_the_home_page_s_actor_filter_lists_the_former_slug_with_the_actor(local):
    option = local.page("/").select_one(f'#timeline-filters option[value="{NEW}"]')
    assert option["data-aliases"] == OLD
    assert local.page("/").select("option[data-aliases]") == [option]
