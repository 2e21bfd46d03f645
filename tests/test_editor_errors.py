"""An editor's mistakes stop the build with a message naming the file and the field; a likely slip that is not
wrong (an actor no event names) is a warning in the same format, and the build goes on."""

from __future__ import annotations

import re

UNKNOWN_ACTOR = """---
title: A meeting with a misspelt actor
date: 2023-01-05
type: meeting
summary: Names an actor that has no file.
actors: [ukraine, ukriane]
sources:
  - {title: A source, publisher: A publisher, date: unknown, url: "https://example.org/x"}
---
Body.
"""

NO_DATE = """---
title: A statement with no date
type: statement
summary: Has no date.
actors: [ukraine]
sources:
  - {title: A source, publisher: A publisher, date: unknown, url: "https://example.org/x"}
---
Body.
"""


def test_an_unknown_actor_stops_the_build_naming_file_line_field_and_closest_slug(fixture_site):
    (fixture_site.content / "events" / "2023-01-05-typo.md").write_text(UNKNOWN_ACTOR)
    result = fixture_site()
    assert result.returncode != 0
    assert re.search(r"content/events/2023-01-05-typo\.md:6: actors\[1\]: no actor `ukriane` "
                     r"\(did you mean `ukraine`\?\)", result.log), result.log
    assert not (result.output / "index.html").exists()


def test_an_event_without_a_date_stops_the_build_naming_file_and_field(fixture_site):
    (fixture_site.content / "events" / "undated.md").write_text(NO_DATE)
    result = fixture_site()
    assert result.returncode != 0
    assert re.search(r"content/events/undated\.md:1: date: missing; expected a date", result.log), result.log


def test_the_fixture_site_builds_cleanly(fixture_site):
    result = fixture_site()
    assert result.returncode == 0, result.log
    assert result.problems == [] and "warning" not in result.log
    assert (result.output / "events" / "2025-12-03-children-vote" / "index.html").is_file()


def add_unnamed_actor(fixture_site) -> None:
    """Add China to the fixture site, which none of its events names."""
    (fixture_site.content / "actors" / "china.md").write_text("---\nname: China\nkind: state\nrole: A member\n---\n"
                                                            "A state.\n")


def test_an_actor_no_event_names_is_a_warning_and_the_site_is_built_all_the_same(fixture_site):
    add_unnamed_actor(fixture_site)
    result = fixture_site()
    assert result.returncode == 0, result.log
    assert result.problems == [
        "content/actors/china.md:2: name: warning: no event names `china` in its `actors`, so its page lists no "
        "events; expected `china` in the `actors` of at least one event, or the file removed (the site is built "
        "all the same)"]
    assert result.page("/actors/china/").h1.get_text() == "China"
