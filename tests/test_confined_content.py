"""Nothing in content/ reaches outside it: not Pelican's own links (`{static}`, `{attach}`, `{filename}`),
which publish the file they name and make the folders on its way, nor a link of the file system. Each
hostile variant stops the build with one line naming the file, and a canary file beside content/ is
neither published, nor changed, nor removed."""

from __future__ import annotations

import pytest

from conftest import snapshot
from test_hostile_files import add

CANARY = "canary-3c1f: a file beside content/ that no build may read"


def page(body: str) -> str:
    return f"---\ntitle: A page with links\n---\nFirst line.\n\n{body}\n"


@pytest.fixture
def site(fixture_site):
    """The fixture site with a canary file and a README beside content/, as a project has them."""
    root = fixture_site.content.parent
    (root / "canary.txt").write_text(CANARY)
    (root / "README.md").write_text("The project's README.")
    (root / "secrets").mkdir()
    (root / "secrets" / "key.txt").write_text(CANARY)
    fixture_site.root = root
    return fixture_site


def outside(root) -> dict[str, bytes]:
    """Every file of the project but those the build may write: output/ and its cache."""
    return {path: data for path, data in snapshot(root).items() if not path.startswith(("output/", "output-cache/"))}


def assert_refused_and_untouched(result, before: dict[str, bytes], root, path: str, problem: str) -> None:
    assert result.returncode == 1, result.log
    assert [line for line in result.problems if line.startswith(f"content/{path}:")], result.log
    assert any(problem in line for line in result.problems), result.log
    assert "Traceback" not in result.log
    assert outside(root) == before
    assert not result.output.exists() or all(CANARY.encode() not in data for data in snapshot(result.output).values())


@pytest.mark.parametrize("link, problem", [
    ("[the list]({attach}../../canary.txt)", "`{attach}../../canary.txt` leads outside content/"),
    ("[the list]({attach}../../../../../../../../etc/hostname)", "leads outside content/"),
    ("[f]({attach}../..)", "`{attach}../..` leads outside content/"),
    ("[f]({attach}../../secrets)", "leads outside content/"),
    ("[a]({static}/../README.md/x)", "`{static}/../README.md/x` leads outside content/"),
    ("[a]({static}/../canary.txt)", "leads outside content/"),
    ("[a](|static|/../canary.txt)", "`{static}/../canary.txt` leads outside content/"),
    ("[a]({static}/%2e%2e/canary.txt)", "leads outside content/"),
    ("[a]({static}/pages/%2E%2E/../canary.txt)", "leads outside content/"),
    ('<a href="{static}/../canary.txt">a</a>', "leads outside content/"),
    ("![a map]({static}/../canary.txt)", "leads outside content/"),
    ("[a]({filename}../../canary.txt)", "leads outside content/"),
    ("[a]({static}/pages/nothing-here.png)", "leads to no file"),
    ("[a]({filename}../events/2022-03.md)", "is not a page"),
    ("[a]({category}news)", "`{category}` is not a kind of link this site makes"),
], ids=lambda value: value if len(value) < 40 else value[:40])
def test_a_page_link_that_leaves_content_or_leads_nowhere_is_refused(site, link, problem):
    add(site.content, {"pages/links.md": page(link)})
    before = outside(site.root)
    result = site()
    assert_refused_and_untouched(result, before, site.root, "pages/links.md", problem)
    assert f"content/pages/links.md:6: body: " in "\n".join(result.problems)


@pytest.mark.parametrize("folder", ["events", "actors"])
def test_pelican_s_links_in_an_event_or_an_actor_are_refused_since_pelican_never_reads_them_there(site, folder):
    name = "2022-03.md" if folder == "events" else "ukraine.md"
    path = site.content / folder / name
    path.write_text(path.read_text() + "\nSee [the list]({static}/pages/about.md).\n")
    before = outside(site.root)
    result = site()
    assert_refused_and_untouched(result, before, site.root, f"{folder}/{name}", "only pages read")


def test_a_page_may_link_a_file_inside_content_and_it_is_published(site):
    add(site.content, {"pages/links.md": page("[the map]({static}../images/map.png), [the vote]({filename}other.md)"),
                       "pages/other.md": page("Another page."), "images/map.png": "not really a picture"})
    result = site()
    assert result.returncode == 0, result.log
    links = [a["href"] for a in result.page("/links/").select("main a")]
    assert "../images/map.png" in links and "../other/" in links
    assert (result.output / "images" / "map.png").read_text() == "not really a picture"


@pytest.mark.parametrize("where", ["events", "actors", "pages", "periods"])
def test_a_folder_of_content_that_is_a_link_elsewhere_is_refused_not_read(site, where):
    elsewhere = site.root / "elsewhere"
    moved = site.content / where
    if moved.exists():
        moved.rename(elsewhere)
    else:
        elsewhere.mkdir()
    moved.symlink_to(elsewhere, target_is_directory=True)
    before = outside(site.root)
    result = site()
    assert_refused_and_untouched(result, before, site.root, where, "a link to a folder")


@pytest.mark.parametrize("target", ["nowhere", "loop"], ids=["dangling", "looping"])
def test_a_folder_link_that_leads_nowhere_is_refused_not_read_as_an_empty_folder(site, target):
    events = site.content / "events"
    for path in events.iterdir():
        path.unlink()
    events.rmdir()
    events.symlink_to(site.content / "events" if target == "loop" else site.root / target)
    result = site()
    assert result.returncode == 1
    assert [line for line in result.problems if line.startswith("content/events:1: file: a link to")], result.log


def test_a_static_file_that_is_a_link_outside_content_is_refused(site):
    (site.content / "extra").mkdir()
    (site.content / "extra" / "favicon.ico").symlink_to(site.root / "canary.txt")
    before = outside(site.root)
    result = site()
    assert_refused_and_untouched(result, before, site.root, "extra/favicon.ico",
                                 f"a link to {site.root / 'canary.txt'}, outside content/")


def test_a_static_folder_that_is_a_link_outside_content_is_refused(site):
    (site.root / "secrets" / "favicon.ico").write_text(CANARY)
    (site.content / "extra").symlink_to(site.root / "secrets", target_is_directory=True)
    before = outside(site.root)
    result = site()
    assert_refused_and_untouched(result, before, site.root, "extra/favicon.ico", "outside content/")


@pytest.mark.parametrize("image", ["![](https://tracker.example/pixel.gif)", "![a pixel](//tracker.example/p.gif)",
                                   '<img src="http://tracker.example/p.gif" alt="">',
                                   "![x](HTTPS://Tracker.Example/p.gif)"])
def test_an_image_from_another_host_is_refused_since_every_reader_would_request_it(site, image):
    add(site.content, {"pages/links.md": page(image)})
    result = site()
    assert result.returncode == 1
    assert [line for line in result.problems if line.startswith("content/pages/links.md:6: body: the image")
            and "comes from another host" in line], result.log


def test_an_image_from_a_host_the_site_allows_is_shown(site):
    add(site.content, {"pages/links.md": page("![a map](https://upload.wikimedia.org/map.png)")})
    result = site(TIMELINE_IMAGE_HOSTS=["upload.wikimedia.org"])
    assert result.returncode == 0, result.log
    assert result.page("/links/").select_one("main img")["src"] == "https://upload.wikimedia.org/map.png"


@pytest.mark.parametrize("value", ["upload.wikimedia.org", ["https://upload.wikimedia.org/"], [""], [3]])
def test_image_hosts_that_are_not_host_names_stop_the_build_in_one_line(site, value):
    result = site(TIMELINE_IMAGE_HOSTS=value)
    assert result.returncode == 1
    assert [line for line in result.log.splitlines() if line.startswith("settings: TIMELINE_IMAGE_HOSTS: ")], result.log
