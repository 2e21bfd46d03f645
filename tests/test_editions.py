"""A site's edition in another language: the whole site again under uk/, each file's translation in its place,
the theme's words from its catalogue; the two editions linking each page to its translation; and a translation
that does not keep its original's date, tally, positions or sources stopping the build on the file and field."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import FIXTURES, SITEURL, Build, invoke, project_copy, section, snapshot
from test_incremental_property import in_one_process

VOTE = "2025-12-03-children-vote"
MONTH_EVENT = "2022-03"
EDITIONS = {"uk": {"SITENAME": "Хронологія"}}
# The fixture's vote in Ukrainian: its words translated, everything else as the original has it.
ORIGINAL_VOTE = (FIXTURES / "site" / "events" / f"{VOTE}.md").read_text(encoding="utf-8")
TRANSLATED_VOTE = ORIGINAL_VOTE
for english, ukrainian in (
        ("title: Assembly demands the return of Ukraine's children", "title: Асамблея вимагає повернути дітей України"),
        ("summary: A fixture vote whose tally is written with bare yes and no keys.",
         "summary: Голосування, підсумок якого записано ключами yes і no."),
        ("text: the largest state abduction operation in history",
         "text: найбільша операція з викрадення людей державою в історії"),
        ("---\nA fixture body.", "---\nТіло події.")):
    assert english in TRANSLATED_VOTE
    TRANSLATED_VOTE = TRANSLATED_VOTE.replace(english, ukrainian)
TRANSLATED_UKRAINE = "---\nname: Україна\nkind: state\ncode: UKR\nrole: Авторка резолюції\n---\nДержава.\n"
# A member of the table that no actor file writes about, named by the table in each language.
POLAND = "POL,Poland,Eastern European,1945-10-24\n"
TRANSLATED_TABLE = ("code,name,group,admitted\nRUS,Російська Федерація,Група східноєвропейських держав,1945-10-24\n"
                    "UKR,Україна,Група східноєвропейських держав,1945-10-24\n"
                    "POL,Польща,Група східноєвропейських держав,1945-10-24\n")


def translate(content: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (content / "uk" / path).parent.mkdir(parents=True, exist_ok=True)
        (content / "uk" / path).write_text(text, encoding="utf-8")


@pytest.fixture
def with_edition(fixture_site):
    """The fixture site with its edition in Ukrainian, one event, one actor and the table translated."""
    with (fixture_site.content / "member-states.csv").open("a", encoding="utf-8") as table:
        table.write(POLAND)
    translate(fixture_site.content, {f"events/{VOTE}.md": TRANSLATED_VOTE, "actors/ukraine.md": TRANSLATED_UKRAINE,
                                     "member-states.csv": TRANSLATED_TABLE})

    def run(**overrides) -> Build:
        return fixture_site(TIMELINE_EDITIONS=EDITIONS, **overrides)

    run.content = fixture_site.content
    return run


def test_the_edition_is_the_site_again_in_its_language_with_every_figure_the_same(with_edition):
    result = with_edition()
    assert result.returncode == 0, result.log
    page, original = result.page(f"/uk/events/{VOTE}/"), result.page(f"/events/{VOTE}/")
    assert page.html["lang"] == "uk" and original.html["lang"] == "en"
    assert page.h1.get_text() == "Асамблея вимагає повернути дітей України"
    # Counts in the plural form Ukrainian gives each number (2 події, 5 учасників; 1 подія further down).
    assert "2 події, 5 учасників" in result.page("/uk/").select_one(".lede").get_text()
    assert page.select_one(".event-meta time").get_text() == "3 грудня 2025\u202fр."
    assert page.find("h2", id="sources-h").get_text() == "Джерела"
    assert [rect["width"] for rect in page.select("figure.tally rect")] == \
        [rect["width"] for rect in original.select("figure.tally rect")]
    assert page.select_one(".lede").get_text().startswith("Голосування") and page.select_one(".untranslated") is None
    # The table's names in the edition's language; the addresses are the site's, whatever the names.
    assert result.page("/uk/actors/poland/").h1.get_text() == "Польща"
    assert result.page("/actors/poland/").h1.get_text() == "Poland"
    assert "Україна" in [a.get_text() for a in section(page, "actors-h").select(".chips a")]
    # An actor's file not yet translated names it as written, over the table's name.
    assert result.page("/uk/actors/russian-federation/").h1.get_text() == "Russian Federation"


def test_a_file_not_yet_translated_is_shown_as_written_marked_and_listed(with_edition):
    result = with_edition()
    page = result.page(f"/uk/events/{MONTH_EVENT}/")
    assert page.h1["lang"] == "en" and page.h1.get_text() == "An event known only to the month"
    assert page.select_one(".untranslated").get_text().startswith("Ще не перекладено")
    card = next(card for card in result.page("/uk/").select("article.event-card") if card["id"] == MONTH_EVENT)
    assert card.select_one(".event-title")["lang"] == "en"
    assert f"content/events/{MONTH_EVENT}.md:1: file: warning: not yet translated, so the edition `uk` shows it " \
           f"as written here, marked as such; expected its translation, content/uk/events/{MONTH_EVENT}.md " \
           "(the site is built all the same)" in result.log.splitlines()


def pages_of(result: Build, edition: str = "") -> list[Path]:
    root = result.output / edition
    return [path for path in root.rglob("index.html") if edition or path.relative_to(root).parts[0] != "uk"]


def test_every_page_of_both_editions_links_to_its_translation_and_each_link_leads_to_it(with_edition):
    result = with_edition()
    for edition, other in (("", "uk"), ("uk", "en")):
        for path in pages_of(result, edition):
            url = path.parent.relative_to(result.output).as_posix() + "/"
            page = result.page(url)
            links = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
            assert set(links) == {"en", "uk", "x-default"}, url
            assert links["x-default"] == links["en"], url
            for lang, href in links.items():
                target = Path(urljoin(f"/{url}", href).lstrip("/"))
                assert "uk/../" not in href and (result.output / target / "index.html").is_file(), (url, href)
                assert (target.parts[:1] == ("uk",)) == (lang == "uk"), (url, href)
            switch = page.select_one(f'.site-nav .edition a[hreflang="{other}"]')
            assert switch["lang"] == other and switch["href"] == links[other], url


def test_published_editions_link_absolutely_and_each_has_its_own_feeds_data_and_sitemap_entry(with_edition):
    result = with_edition(settings="publishconf.py", env={"SITEURL": SITEURL})
    assert result.returncode == 0, result.log
    page = result.page(f"/uk/events/{VOTE}/")
    links = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert links == {"en": f"{SITEURL}/events/{VOTE}/", "uk": f"{SITEURL}/uk/events/{VOTE}/",
                     "x-default": f"{SITEURL}/events/{VOTE}/"}
    feeds = [link["href"] for link in page.select('link[type="application/atom+xml"]')]
    assert feeds and all(href.startswith(f"{SITEURL}/uk/feeds/") for href in feeds)
    assert "Асамблея вимагає" in (result.output / "uk" / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    data = json.loads((result.output / "uk" / "data" / "events.json").read_text(encoding="utf-8"))
    assert {event["id"]: event["title"] for event in data["events"]}[VOTE].startswith("Асамблея")
    sitemap = (result.output / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITEURL}/events/{VOTE}/</loc>" in sitemap and f"<loc>{SITEURL}/uk/events/{VOTE}/</loc>" in sitemap
    assert not (result.output / "uk" / "sitemap.xml").exists()


@pytest.mark.parametrize("change, field", [
    (("tally: {yes: 91, no: 12, abstain: 57}", "tally: {yes: 92, no: 12, abstain: 57}"), "tally"),
    (("date: 2025-12-03", "date: 2025-12-04"), "date"),
    (("type: vote", "type: veto"), "type"),
    (("  russian-federation: no", "  russian-federation: abstain"), "positions"),
    (("actors: [un-general-assembly, ukraine, russian-federation, mariana-betsa]",
      "actors: [un-general-assembly, ukraine, mariana-betsa]"), "actors"),
    (("    date: 2025-12-03\n    archive", "    date: 2025-12-02\n    archive"), "sources"),
    (("Тіло події.", "Тіло події [@1]."), "body"),
    (("symbol: A/RES/ES-11/9", "symbol: A/RES/ES-11/8"), "symbol"),
], ids=["tally", "date", "type", "a position", "actors", "a source", "a citation", "symbol"])
def test_a_translation_that_changes_what_it_must_keep_stops_the_build_on_its_file_and_field(with_edition, change,
                                                                                           field):
    translate(with_edition.content, {f"events/{VOTE}.md": TRANSLATED_VOTE.replace(*change)})
    result = with_edition()
    assert result.returncode == 1
    assert [line for line in result.problems if line.startswith(f"content/uk/events/{VOTE}.md:")], result.log
    assert any(re.match(rf"content/uk/events/{VOTE}\.md:\d+: {field}: ", line) for line in result.problems), \
        result.problems
    assert "Traceback" not in result.log


def test_a_translation_may_add_a_source_of_its_own_after_the_original_s(with_edition):
    own = "  - title: Генасамблея ООН ухвалила резолюцію\n    publisher: Укрінформ\n    url: https://example.org/uk\n" \
          "    date: unknown\n---\n"
    translate(with_edition.content, {f"events/{VOTE}.md": TRANSLATED_VOTE.replace("---\nТіло", own + "Тіло")})
    result = with_edition()
    assert result.returncode == 0, result.log
    assert len(result.page(f"/uk/events/{VOTE}/").select("ol.sources > li")) == 2


@pytest.mark.parametrize("files, line", [
    ({"events/2023-01-01-no-original.md": TRANSLATED_VOTE},
     "content/uk/events/2023-01-01-no-original.md:1: file: a translation of no file: no original has its name"),
    ({"member-states.csv": TRANSLATED_TABLE.replace("1945-10-24\nUKR", "1945-10-25\nUKR")},
     "content/uk/member-states.csv:2: admitted: differs from line 2 of content/member-states.csv"),
    ({"member-states.csv": TRANSLATED_TABLE.replace("UKR,Україна,Група східноєвропейських", "UKR,Україна,Група")},
     "content/uk/member-states.csv:3: group: `Група держав`, where the group `Eastern European` is"),
], ids=["a translation of no file", "a member's date", "a group named two ways"])
def test_a_translation_without_its_original_or_a_table_that_differs_stops_the_build(with_edition, files, line):
    translate(with_edition.content, files)
    result = with_edition()
    assert result.returncode == 1
    assert any(problem.startswith(line) for problem in result.problems), result.log


@pytest.mark.parametrize("editions, message", [
    ({"xx": {}}, "TIMELINE_EDITIONS['xx']: the theme has no catalogue of 'xx'"),
    ({"uk": {"SITEURL": "https://example.org"}}, "TIMELINE_EDITIONS['uk']: 'SITEURL' is not a setting an edition"),
    ({"en": {}}, "TIMELINE_EDITIONS['en']: is not a language's code other than DEFAULT_LANG"),
    ({"uk": {"TIMELINE_MENU": {"timeline": "Хронологія"}}}, "TIMELINE_EDITIONS['uk']['TIMELINE_MENU']: has the keys"),
], ids=["no catalogue", "a setting of the site's", "the site's own language", "other keys than the site's"])
def test_an_edition_s_settings_are_checked_before_anything_is_read(fixture_site, editions, message):
    result = fixture_site(TIMELINE_EDITIONS=editions)
    assert result.returncode == 1
    assert any(line.startswith(f"settings: {message}") for line in result.log.splitlines()), result.log


def test_invoke_build_leaves_both_editions_as_they_were_when_a_translation_stops_it(tmp_path):
    """The edition is built within the site's build, into the same folder beside output/: a translation that
    stops it leaves the last output whole, the edition included."""
    root = project_copy(tmp_path)
    with (root / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nTIMELINE_EDITIONS = {EDITIONS!r}\n")
    translate(root / "content", {f"events/{VOTE}.md": TRANSLATED_VOTE})
    built = invoke(root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    # Each build's line in place of Pelican's (one per build): the site's, then the edition's five warnings (a
    # file it shows untranslated each), then its line.
    lines = built.stdout.strip().splitlines()
    assert [line for line in lines if line.startswith("Built ")] == [lines[-7]] and "15 pages written" in lines[-7]
    assert re.fullmatch(r"uk: Built 2 events and 4 actors: 15 pages written, 0 left as they were; search: "
                        r"1 shard indexed, 0 kept; 5 warnings above; \d+\.\d s\.", lines[-1])
    assert "Done: Processed" not in built.stdout
    before = snapshot(root / "output")
    assert f"uk/events/{VOTE}/index.html" in before and "uk/theme/css/site.css" in before
    translate(root / "content", {f"events/{VOTE}.md": TRANSLATED_VOTE.replace("yes: 91", "yes: 92")})
    stopped = invoke(root, "build")
    assert stopped.returncode == 1 and f"content/uk/events/{VOTE}.md:9: tally: " in stopped.stdout + stopped.stderr
    assert snapshot(root / "output") == before


def test_a_page_is_shown_in_its_translation_and_one_not_translated_as_written_marked(with_edition):
    pages = with_edition.content / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: About\n---\nAbout the record.\n", encoding="utf-8")
    (pages / "method.md").write_text("---\ntitle: Method\n---\nHow it is made.\n", encoding="utf-8")
    translate(with_edition.content, {"pages/about.md": "---\ntitle: Про сайт\n---\nПро хронологію.\n"})
    result = with_edition()
    assert result.returncode == 0, result.log
    about, method = result.page("/uk/about/"), result.page("/uk/method/")
    assert about.h1.get_text() == "Про сайт" and about.select_one(".untranslated") is None
    assert method.h1.get_text() == "Method" and method.h1["lang"] == "en" and method.select_one(".untranslated")
    assert "Про сайт" in [a.get_text() for a in result.page("/uk/").select(".site-nav a")]


@pytest.mark.parametrize("files, line", [
    ({"pages/about.md": "---\ntitle: Про сайт\n---\n[x]({static}/../../../etc/hostname)\n"},
     "content/uk/pages/about.md:4: body: `{static}/../../../etc/hostname` leads outside content/"),
    ({"pages/about.md": "---\ntitle: Про сайт\n---\n<script>alert(1)</script>\n"},
     "content/uk/pages/about.md:4: body: contains"),
], ids=["a link leaving content/", "a script"])
def test_a_translation_is_as_safe_as_any_file(with_edition, files, line):
    (with_edition.content / "pages").mkdir()
    (with_edition.content / "pages" / "about.md").write_text("---\ntitle: About\n---\nAbout.\n", encoding="utf-8")
    translate(with_edition.content, files)
    result = with_edition()
    assert result.returncode == 1
    assert any(problem.startswith(line) for problem in result.problems), result.log


def test_a_translation_that_is_a_link_out_of_content_is_refused_before_anything_is_read(with_edition, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\n---\nCANARY\n", encoding="utf-8")
    (with_edition.content / "uk" / "events" / f"{MONTH_EVENT}.md").symlink_to(secret)
    result = with_edition()
    assert result.returncode == 1
    assert f"content/uk/events/{MONTH_EVENT}.md:1: file: a link to {secret}, outside content/; expected the file " \
           "itself, inside content/" in result.problems
    assert not any("CANARY" in path.read_text(errors="ignore") for path in result.output.rglob("*") if path.is_file())


def test_a_process_that_builds_again_draws_the_site_and_its_edition_each_in_its_own_language(with_edition, tmp_path):
    """`invoke livereload` builds again in one process, the edition after the site each time: the site's second
    build, after an edit, is in the site's words again, not in those of the edition built last."""
    done = in_one_process(with_edition.content, tmp_path / "again", {"TIMELINE_EDITIONS": EDITIONS},
                          [[("body", 0)], [("title", 1)]])
    # The site's build and the edition's after each round: after a body edit, both from the model they kept.
    assert done.stdout.split()[-4:-2] == ["kept", "kept"]
    fresh = with_edition()
    assert fresh.returncode == 0, fresh.log
    assert snapshot(tmp_path / "again") == snapshot(fresh.output)
    assert "Skip to content" in (tmp_path / "again" / "index.html").read_text()
