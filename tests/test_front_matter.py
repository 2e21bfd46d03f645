"""Front matter is read as YAML 1.2: bare `yes` and `no` are words, never booleans."""

from __future__ import annotations


def test_bare_yes_and_no_keys_and_values_keep_their_meaning(fixture_site):
    result = fixture_site()
    assert result.returncode == 0, result.log
    page = result.page("/events/2025-12-03-children-vote/")
    tally = " ".join(page.select_one(".tally-text").get_text().split())
    assert "91 in favour" in tally and "12 against" in tally and "57 abstaining" in tally
    votes = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in page.select("table.positions tr")
             if row.td}
    assert votes == {"Ukraine": "Yes", "Russian Federation": "No"}


def test_an_event_known_to_the_month_shows_only_the_month(fixture_site):
    result = fixture_site()
    card = result.page("/").find("article", id="2022-03")
    time = card.select_one("time")
    assert (time.get_text(), time["datetime"]) == ("March 2022", "2022-03")


def test_a_true_or_false_vote_is_refused_with_a_hint(fixture_site):
    event = fixture_site.content / "events" / "2025-12-03-children-vote.md"
    event.write_text(event.read_text().replace("  ukraine: yes", "  ukraine: true"))
    result = fixture_site()
    assert result.returncode != 0
    assert "2025-12-03-children-vote.md:11: positions.ukraine: `True` is not allowed (write the word" in result.log
