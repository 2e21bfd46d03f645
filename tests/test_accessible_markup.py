"""What assistive technology reads from every page: landmarks, heading order, labels, text for charts."""

from __future__ import annotations

import json

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def every_page(site):
    for path in sorted(site.output.rglob("*.html")):
        yield path.relative_to(site.output), site.page(str(path.relative_to(site.output)))


def test_every_page_has_landmarks_and_a_skip_link_to_main(site):
    for path, page in every_page(site):
        assert page.select_one("header.site-header") and page.select_one("footer.site-footer"), path
        assert page.select_one("header.site-header nav[aria-label]") is not None, path
        skip = page.select_one("a.skip-link")
        assert skip is not None and page.select_one(f"main{skip['href']}") is not None, path


def test_headings_never_skip_a_level(site):
    for path, page in every_page(site):
        levels = [int(h.name[1]) for h in page.find_all(HEADINGS)]
        assert levels and levels[0] == 1, path
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path, levels)


def test_every_form_control_has_a_label(site):
    controls = 0
    for path, page in every_page(site):
        for control in page.select("input, select, textarea"):
            controls += 1
            assert page.select_one(f'label[for="{control["id"]}"]').get_text(strip=True), (path, control)
    assert controls >= 4


def tally_of(figure) -> list[int]:
    """The counts a tally's bar draws: the width of each of its parts (yes, no, abstaining)."""
    return [int(rect["width"]) for rect in figure.svg.select("rect.tally-yes, rect.tally-no, rect.tally-abstain")]


def test_every_tally_chart_is_hidden_from_screen_readers_and_told_in_text(site):
    charted = set()
    for path, page in every_page(site):
        for figure in page.select("figure.tally"):
            charted.add(path.parent.name)
            assert figure.svg["aria-hidden"] == "true", path
            text = " ".join(figure.figcaption.get_text().split())
            # The chart's numbers, told in words in the page's language (English's checked word for word).
            assert all(str(count) in text for count in tally_of(figure)), path
            if page.html["lang"] == "en":
                assert "in favour" in text and "against" in text and "abstaining" in text, path
    events = json.loads((site.output / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    votes = {event["id"] for event in events if event["tally"]}
    assert votes and votes <= charted, "each vote's own page charts its tally"


def test_no_list_is_named_by_an_aria_label_the_validator_refuses_without_a_role(site):
    for path, page in every_page(site):
        assert [str(ul)[:80] for ul in page.select("ul[aria-label], ol[aria-label]") if not ul.get("role")] == [], path


def test_every_section_has_a_heading_of_its_own_as_the_validator_asks(site):
    """A section is a part of the outline: one without a heading (a year's wrapper under the year's own title)
    draws the Nu validator's "Section lacks heading"."""
    for path, page in every_page(site):
        headless = [str(section)[:80] for section in page.select("section")
                    if not any(heading.find_parent("section") is section
                               for heading in section.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]))]
        assert headless == [], path


def test_the_actors_of_each_event_card_are_named_for_screen_readers(site):
    cards = site.page("/").select("article.event-card")
    assert cards
    for card in cards:
        chips = card.select_one("ul.chips")
        label = chips.find_previous_sibling()
        assert label.get_text() == "Actors" and "visually-hidden" in label["class"], card["id"]
