"""An editor's mistake stops the build with one message naming the file, the line, the field and the
fix, and nothing is written. Each file in fixtures/bad/ (events, actors and pages) holds one mistake,
named for what is wrong."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, build, invoke, project_copy

BAD = FIXTURES / "bad"
MESSAGE = re.compile(r"(?P<path>content/\S+\.md):(?P<line>\d+): (?P<field>[^:;]+): (?P<problem>.+?); "
                     r"expected (?P<expected>.+)")

# fixture (under fixtures/bad/), line, field, what the problem says
CORPUS = [
    ("events/missing-title.md", 1, "title", "missing"),
    ("events/date-month-13.md", 3, "date", "`2023-13-01` is not a real date"),
    ("events/date-february-30.md", 3, "date", "`2023-02-30` is not a real date"),
    ("events/date-in-the-future.md", 3, "date", "is in the future"),
    ("events/date-as-a-list.md", 3, "date", "is a list, not a date"),
    ("events/2023-01-15-date-differs-from-file-name.md", 3, "date",
     "2023-01-16, but the file name says 2023-01-15"),
    ("events/end-before-date.md", 4, "end", "2023-02-04 is not after the date, 2023-02-05"),
    ("events/end-in-the-future.md", 4, "end", "2999-01-05 is in the future"),
    ("events/date-qualifier-unknown.md", 4, "date_qualifier", "`abuot` is not allowed (did you mean `about`?)"),
    ("events/date-qualifier-third-of-a-day.md", 4, "date_qualifier", "`late` but the date 2023-02-05 is a single day"),
    ("events/precision-does-not-match-date.md", 4, "precision", "`day` but the date 2023-02 is given to the month"),
    ("events/type-unknown.md", 4, "type", "`statment` is not allowed (did you mean `statement`?)"),
    ("events/actor-unknown.md", 6, "actors[1]", "no actor `ukriane` (did you mean `ukraine`?)"),
    ("events/actors-not-a-list.md", 6, "actors", "is `ukraine`, not a list"),
    ("events/quote-speaker-not-an-actor.md", 8, "quotes[0].speaker",
     "no actor `mariana-beta` (did you mean `mariana-betsa`?)"),
    ("events/quote-speaker-not-among-the-actors.md", 8, "quotes[0].speaker",
     "`mariana-betsa` is not among the event's actors"),
    ("events/quotes-not-a-list.md", 7, "quotes", "is `a short quotation`, not a list"),
    ("events/quote-source-out-of-range.md", 10, "quotes[0].source", "there is no source number 2"),
    ("events/tally-as-text.md", 8, "tally", "is `91-12-57`, not a group of `name: value` lines"),
    ("events/tally-negative.md", 8, "tally.no", "`-12` is not a count"),
    ("events/tally-not-whole.md", 8, "tally.abstain", "`57.5` is not a count"),
    ("events/tally-count-in-quotes.md", 8, "tally.yes", '`"91"` is text in quotes, not a count'),
    ("events/tally-exceeds-membership.md", 8, "tally", "200 votes and absences, more than the 193 members"),
    ("events/tally-with-absences-short-of-membership.md", 8, "tally",
     "150 yes, 30 no, 10 abstain and 2 absent add up to 192, not the 193 members"),
    ("events/tally-without-body.md", 7, "tally", "a tally without the body that voted"),
    ("events/voting-body-is-a-state.md", 5, "body", "`ukraine` is a state"),
    ("events/position-not-a-vote.md", 8, "positions.ukraine", "`maybe` is not allowed"),
    ("events/position-true-instead-of-yes.md", 8, "positions.ukraine", "(write the word, e.g. `\"yes\"`"),
    ("events/position-of-a-person.md", 8, "positions.mariana-betsa", "`mariana-betsa` is a person"),
    ("events/position-on-a-statement.md", 7, "positions", "an event of type `statement` cannot have positions"),
    ("events/stance-misspelt-at-a-summit.md", 8, "positions.ukraine",
     "`endorse` is not allowed (did you mean `endorsed`?)"),
    ("events/vote-at-talks.md", 8, "positions.ukraine", "`yes` is not allowed"),
    ("events/source-url-not-http.md", 10, "sources[0].url", "`www.example.org/a` is not a web address"),
    ("events/source-url-with-brackets.md", 10, "sources[0].url", "`https://[draft]/a` is not a web address"),
    ("events/source-url-javascript.md", 10, "sources[0].url", "`javascript:alert(1)` is not a web address"),
    ("events/source-date-malformed.md", 11, "sources[0].date", "`23/02/2023` is not a day written YYYY-MM-DD"),
    ("events/source-date-missing.md", 8, "sources[0].date", "missing"),
    ("events/source-date-misspelt.md", 10, "sources[0].date",
     "`unkown` is not a day written YYYY-MM-DD (did you mean `unknown`?)"),
    ("events/source-date-in-the-future.md", 10, "sources[0].date", "2999-01-05 is in the future"),
    ("events/source-archive-not-http.md", 12, "sources[0].archive",
     "`web.archive.org/web/2023/https://example.org/a` is not a web address"),
    ("events/sources-missing.md", 1, "sources", "missing"),
    ("events/field-unknown.md", 7, "loaction", "unknown field (did you mean `location`?)"),
    ("events/conflict-reports-not-a-list.md", 9, "conflicts[0].reports", "is `2`, not a list"),
    ("events/corrections-not-a-list.md", 7, "corrections", "is `The place was wrong.`, not a list"),
    ("events/correction-as-text.md", 8, "corrections[0]", "is `The place was wrong.`, not a group of fields"),
    ("events/correction-date-missing.md", 8, "corrections[0].date", "missing"),
    ("events/correction-note-missing.md", 8, "corrections[0].note", "missing"),
    ("events/correction-date-without-a-day.md", 8, "corrections[0].date", "`2023-02` gives no day"),
    ("events/correction-date-in-the-future.md", 8, "corrections[0].date", "2999-01-06 is in the future"),
    ("events/correction-date-before-the-event.md", 8, "corrections[0].date",
     "2023-01-04 is before the event's date, 2023-01-05"),
    ("events/summary-with-script.md", 5, "summary", "contains <script>"),
    ("events/body-with-iframe.md", 15, "body", "contains <iframe>"),
    ("events/body-still-the-new-event-placeholder.md", 13, "body", "still holds the line `invoke new-event` wrote"),
    ("actors/biography-still-the-new-event-placeholder.md", 7, "body", "still holds the line `invoke new-event` wrote"),
    ("events/yaml-colon-in-title.md", 2, "front matter", "a colon and a space inside a value"),
    ("events/yaml-unclosed-quote.md", 5, "front matter", "a quotation mark that is never closed"),
    ("events/yaml-unclosed-bracket.md", 6, "front matter", "a list opened with `[` and not closed with `]`"),
    ("events/yaml-tab-indent.md", 9, "front matter", "a tab character"),
    ("events/yaml-field-given-twice.md", 5, "date", "given twice"),
    ("events/yaml-control-character.md", 5, "front matter", "an invisible control character"),
    ("events/yaml-list-instead-of-fields.md", 2, "front matter", "is a list, not `field: value` lines"),
    ("events/no-front-matter.md", 1, "front matter", "the file does not start with `---`"),
    ("events/front-matter-not-closed.md", 1, "front matter", "not closed by a second `---` line"),
    ("events/not-utf-8.md", 5, "file", "byte 0xe9 is not UTF-8 text"),
    ("events/duplicate-slug/2022-03.md", 1, "file name",
     "the slug `2022-03` is also used by content/events/2022-03.md"),
    ("actors/kind-unknown.md", 3, "kind", "`persn` is not allowed (did you mean `person`?)"),
    ("actors/kind-as-a-list.md", 3, "kind", "is a list, not one word"),
    ("actors/affiliation-unknown.md", 5, "affiliation", "no actor `ukriane` (did you mean `ukraine`?)"),
    ("actors/affiliation-a-person.md", 5, "affiliation", "`mariana-betsa` is a person"),
    ("actors/name-missing.md", 1, "name", "missing"),
    ("actors/name-with-event-handler.md", 2, "name", "contains onerror="),
    ("actors/alias-not-a-slug.md", 5, "aliases[0]", "`Old Name` is not a slug"),
    ("actors/alias-is-another-actors-slug.md", 5, "aliases[0]", "`ukraine` is the slug of content/actors/ukraine.md"),
    ("actors/alias-listed-twice.md", 5, "aliases", "`someone-old` is listed 2 times"),
    ("actors/yaml-unclosed-quote.md", 4, "front matter", "a quotation mark that is never closed"),
    # Pelican would skip a page it cannot title, with exit code 0.
    ("pages/yaml-colon-in-title.md", 2, "front matter", "a colon and a space inside a value"),
    ("pages/title-missing.md", 1, "title", "missing"),
    # The first file in name order keeps the slug, so the message is on content/actors/ukraine.md.
    ("actors/duplicate-slug/ukraine.md", 1, "file name",
     "the slug `ukraine` is also used by content/actors/duplicate-slug/ukraine.md"),
]


def nothing_written(output) -> bool:
    return not output.exists() or not any(output.iterdir())


def test_the_corpus_lists_every_bad_file_and_has_at_least_twenty():
    on_disk = sorted(path.relative_to(BAD).as_posix() for path in BAD.rglob("*.md"))
    assert on_disk == sorted(fixture for fixture, *_ in CORPUS)
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("fixture, line, field, problem", CORPUS, ids=[fixture for fixture, *_ in CORPUS])
def test_a_mistake_stops_the_build_with_one_message_naming_file_line_and_field(fixture_site, fixture, line,
                                                                                field, problem):
    target = fixture_site.content / fixture
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BAD / fixture, target)
    result = fixture_site()
    assert result.returncode != 0
    assert "Traceback" not in result.log
    assert len(result.problems) == 1, result.log
    message = MESSAGE.fullmatch(result.problems[0])
    assert message, f"not in the `path:line: field: problem; expected …` format: {result.problems[0]}"
    assert f"content/{fixture}" in result.problems[0]
    assert (int(message["line"]), message["field"]) == (line, field)
    assert problem in message["problem"]
    assert nothing_written(result.output)


def test_a_file_with_three_mistakes_gets_exactly_three_messages(fixture_site):
    shutil.copyfile(FIXTURES / "three-mistakes.md", fixture_site.content / "events" / "three-mistakes.md")
    result = fixture_site()
    assert result.returncode != 0
    messages = [MESSAGE.fullmatch(line) for line in result.problems]
    assert all(messages), result.problems
    assert [(m["path"], int(m["line"]), m["field"]) for m in messages] == [
        ("content/events/three-mistakes.md", 3, "date"),
        ("content/events/three-mistakes.md", 4, "type"),
        ("content/events/three-mistakes.md", 6, "actors[1]"),
    ]
    assert "3 problems in the content; nothing was written" in result.log
    assert nothing_written(result.output)


@pytest.mark.parametrize("command", ["pelican", "invoke build"])
def test_a_stopped_build_ends_on_one_plain_sentence_and_only_problems_look_like_a_place_in_a_file(tmp_path, command):
    """An editor's tools jump to anything shaped `file:line`: the stop's own line is a sentence, with no time
    and no line of Pelican's source (`__init__.py:683`)."""
    root = project_copy(tmp_path)
    shutil.copyfile(FIXTURES / "three-mistakes.md", root / "content" / "events" / "three-mistakes.md")
    if command == "pelican":
        result = build(root / "content", tmp_path / "output")
        returncode, lines = result.returncode, result.log.strip().splitlines()
    else:
        ran = invoke(root, "build")
        returncode, lines = ran.returncode, (ran.stdout + ran.stderr).strip().splitlines()
    assert returncode == 1
    assert "3 problems in the content; nothing was written" in lines
    placed = [line for line in lines if re.search(r"\S+\.\w+:\d+", line)]
    assert placed and all(line.startswith("content/events/three-mistakes.md:") for line in placed), lines
