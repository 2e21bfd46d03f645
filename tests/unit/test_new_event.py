"""An editor's checks on `invoke new-event`, without a build: each answer is judged as validation would judge
it in the file, the file it writes has the layout of the guide's example and reads back as a valid event,
and a session asks again until an answer is good or writes nothing."""

from __future__ import annotations

import datetime
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from pelican.plugins.timeline.files import content_files
from pelican.plugins.timeline.newevent import EVENT_QUESTIONS, NewEvent, NothingWritten, new_event
from pelican.plugins.timeline.reader import TimelineReader
from pelican.plugins.timeline.skeleton import PLACEHOLDER_BIOGRAPHY, PLACEHOLDER_BODY, actor_text, event_text, project_settings, yaml_value
from pelican.plugins.timeline.content_data import ContentData
from pelican.plugins.timeline.validate import SourceFile, build_timeline

TODAY = datetime.date(2026, 1, 1)
SETTINGS = project_settings(str(ROOT / "pelicanconf.py"))
GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
QUESTIONS = {question.field: question for question in EVENT_QUESTIONS}
# Every answer new-event needs, as an editor gives them on the command line.
ANSWERS = {"title": "Resolution 2623: an emergency session", "date": "2022-02", "type": "session",
           "actors": "ukraine, russian-federation", "summary": "The Council called an emergency special session.",
           "source_url": "https://press.un.org/en/2022/sc14808.doc.htm", "source_title": "Security Council calls",
           "publisher": "United Nations", "source_date": "2022-02-27"}
TYPES = ", ".join(SETTINGS["TIMELINE_EVENT_TYPES"])  # as the project sets them


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the fixture site's content, which a session may write into."""
    shutil.copytree(FIXTURES / "site", tmp_path / "content")
    return tmp_path / "content"


def session(content: Path, replies: list[str] = (), interactive: bool = False) -> tuple[NewEvent, list[str]]:
    """A new event whose questions are answered by `replies` in turn (then Ctrl-D), and what it said, prompts
    and replies included, as the editor's terminal shows it."""
    shown: list[str] = []
    pending = iter(replies)

    def ask(prompt: str) -> str:
        reply = next(pending, None)
        shown.append(prompt + ("^D" if reply is None else reply))
        if reply is None:
            raise EOFError
        return reply

    return NewEvent(content, {**SETTINGS, "PATH": str(content)}, ask, shown.append, interactive, TODAY), shown


def check(content: Path, field: str, text: str, **answers: str) -> tuple[object, list[str]]:
    """Check one answer to the event's question, after the answers given before it."""
    event, _ = session(content)
    event.answers.update(answers)
    return event.check(QUESTIONS[field], text)


DATE_FORMS = "expected a date written YYYY-MM-DD, YYYY-MM or YYYY"


@pytest.mark.parametrize("date", ["2023-02-23", "2023-02", "2023", "2026-01-01", "2026-01"])
def test_a_date_to_the_day_month_or_year_is_taken_as_written_up_to_today(content, date):
    assert check(content, "date", date) == (date, [])


@pytest.mark.parametrize("date, problem", [
    ("2023-02-30", f"date: `2023-02-30` is not a real date; {DATE_FORMS}"),
    ("23/02/2023", f"date: `23/02/2023` is not a real date; {DATE_FORMS}"),
    ("2023-2", f"date: `2023-2` is not a real date; {DATE_FORMS}"),
    ("2026-01-02", "date: 2026-01-02 is in the future; expected the date the event took place"),
    ("2026-02", "date: 2026-02 is in the future; expected the date the event took place"),
    ("2027", "date: 2027 is in the future; expected the date the event took place"),
])
def test_a_wrong_date_is_refused_with_the_forms_the_guide_accepts(content, date, problem):
    assert check(content, "date", date) == (None, [problem])


def test_an_unknown_type_is_refused_with_the_closest_one(content):
    assert check(content, "type", "vot") == (
        None, [f"type: `vot` is not allowed (did you mean `vote`?); expected one of {TYPES}"])


def test_an_unknown_actor_is_refused_with_the_closest_slug_and_each_actor_is_named_once(content):
    assert check(content, "actors", "ukraine,ukriane") == (None, [
        "actors: no actor `ukriane` (did you mean `ukraine`?); expected the slug of a file in content/actors/ "
        "(add the actor's file first)"])
    assert check(content, "actors", "ukraine, ukraine") == (
        None, ["actors: `ukraine` is listed 2 times; expected each actor once"])
    assert check(content, "actors", " ukraine , russian-federation ") == (["ukraine", "russian-federation"], [])


@pytest.mark.parametrize("name, problem", [
    ("GA peace vote", "name: `GA peace vote` does not make a plain address; expected lower-case letters, digits "
                      "and hyphens, e.g. `ga-peace-vote`"),
    ("ga_peace", "name: `ga_peace` does not make a plain address; expected lower-case letters, digits and hyphens, "
                 "e.g. `ga-peace`"),
    ("children-vote", "name: {events}/2025-12-03-children-vote.md already exists; expected a name that no other "
                      "event of that date has"),
])
def test_a_file_name_follows_the_file_name_rule_and_is_new(content, name, problem):
    found = check(content, "name", name, date="2025-12-03")
    assert found == (None, [problem.format(events=content / "events")])


def test_the_file_name_suggested_is_the_title_s_first_words(content):
    event, _ = session(content)
    event.answers["title"] = "General Assembly demands a comprehensive, just and lasting peace"
    assert event.suggested_name() == "general-assembly-demands-a-comprehensive-just-and-lasting"


PLAIN_TEXT = ("expected plain text, shown as written: no tags or character references (write `&` or `—` itself, "
              "and a space after `<`); formatting belongs in the body")


@pytest.mark.parametrize("field, text, problem", [
    ("title", "The <b>Assembly</b> votes", f"title: contains `<b`, which would be read as HTML; {PLAIN_TEXT}"),
    ("summary", "Russia &amp; Belarus", f"summary: contains `&amp;`, which would be read as HTML; {PLAIN_TEXT}"),
    ("publisher", "<script>x</script>", "publisher: contains <script>; expected plain text without scripts or HTML"),
    ("source_url", "www.un.org", "source_url: `www.un.org` is not a web address; expected a full address starting "
                                 "with https:// or http://"),
])
def test_an_answer_that_validation_would_refuse_is_refused_at_the_prompt(content, field, text, problem):
    assert check(content, field, text) == (None, [problem])


def test_plain_text_is_taken_with_its_spaces_folded(content):
    assert check(content, "title", "  Ukraine   & China hold a call ") == ("Ukraine & China hold a call", [])


@pytest.mark.parametrize("text, written", [
    ("U.N. votes to call on Russia to end Ukraine war", "U.N. votes to call on Russia to end Ukraine war"),
    ("Resolution 2623: an emergency session", '"Resolution 2623: an emergency session"'),
    ("Yes, and no", "Yes, and no"),
    ("no", "no"),
    ("true", '"true"'),
    ("[Draft] resolution", '"[Draft] resolution"'),
    ("Press release GA#12", "Press release GA#12"),
    ("Press release #12", '"Press release #12"'),
    ("- a list?", '"- a list?"'),
    ("2023", "2023"),
    ("1e3", '"1e3"'),
    ('He said "no"', 'He said "no"'),
])
def test_text_is_quoted_only_where_yaml_would_misread_it(text, written):
    assert yaml_value(text) == written


def guide_example(heading: str, fields: set[str]) -> list[str]:
    """The front matter lines of the guide's first example after `heading` (a pattern) that give these fields,
    a list's lines with the field that holds them."""
    block = re.search(rf"{heading}\n+```markdown\n---\n(.*?)\n---\n", GUIDE, re.DOTALL).group(1)
    kept, keep = [], False
    for line in block.splitlines():
        keep = line.split(":")[0] in fields if not line.startswith(" ") else keep
        kept += [line] if keep else []
    return kept


def test_an_event_file_has_the_layout_of_the_guide_s_complete_event():
    event = {"title": "General Assembly demands a comprehensive, just and lasting peace", "date": "2023-02-23",
             "type": "vote", "summary": "On the eve of the invasion's first anniversary the Assembly demanded again "
             "that Russia withdraw.", "actors": ["un-general-assembly", "ukraine", "russian-federation",
                                                "volodymyr-zelenskyy"]}
    source = {"title": "U.N. votes to call on Russia to end Ukraine war", "publisher": "CBS News",
              "date": "2023-02-23", "url": "https://www.cbsnews.com/news/united-nations-russia-ukraine-war-"
                                           "general-assembly-resolution/"}
    text = event_text(event, source)
    assert text.split("\n")[1:-3] == guide_example("## A complete event", {*event, "sources"})
    assert text.endswith(f"\n---\n{PLACEHOLDER_BODY}\n")


def test_an_actor_file_has_the_layout_of_the_guide_s_actor_example():
    actor = {"name": "Volodymyr Zelenskyy", "kind": "person", "role": "President of Ukraine",
             "affiliation": "ukraine"}
    assert actor_text(actor).split("\n")[1:-3] == guide_example("## The body.*?", set(actor))


def read_timeline(content: Path):
    """Read every event and actor of `content` as the build does, and validate them, once the editor has
    written the new files' bodies (the build refuses the placeholders)."""
    for path in content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(PLACEHOLDER_BODY, "What happened.").replace(PLACEHOLDER_BIOGRAPHY, "Who."),
                        encoding="utf-8")
    settings = {**SETTINGS, "PATH": str(content)}
    reader, (found, _) = TimelineReader(settings), content_files(content, ["events", "actors"])
    docs = {folder: [SourceFile(*reader.read(str(content / path)), settings, str(content / path)) for path in paths]
            for folder, paths in found.items()}
    table = content / "member-states.csv"
    data = ContentData(settings, ("content/member-states.csv", table.read_text(encoding="utf-8")))
    return build_timeline(docs["events"], docs["actors"], today=TODAY, data=data)


def test_a_site_without_a_folder_of_events_gets_one_rather_than_a_traceback(content):
    shutil.rmtree(content / "events")
    written = new_event({**ANSWERS, "name": "emergency-session"}, content, SETTINGS)
    assert written == [content / "events" / "2022-02-emergency-session.md"] and written[0].is_file()


def test_the_file_written_from_options_reads_back_as_the_event_they_describe(content):
    written, = new_event({**ANSWERS, "name": "emergency-session"}, content, SETTINGS)
    assert written == content / "events" / "2022-02-emergency-session.md"
    event = next(e for e in read_timeline(content).events if e.slug == "2022-02-emergency-session")
    assert (event.title, event.date, event.precision, event.type) == \
        (ANSWERS["title"], datetime.date(2022, 2, 1), "month", "session")
    assert [actor.slug for actor in event.actors] == ["ukraine", "russian-federation"]
    assert [(s.title, s.publisher, s.url, s.date) for s in event.sources] == \
        [(ANSWERS["source_title"], "United Nations", ANSWERS["source_url"], datetime.date(2022, 2, 27))]


def test_a_member_state_of_the_table_is_an_actor_without_a_file(content):
    with open(content / "member-states.csv", "a", encoding="utf-8") as table:
        table.write("FRA,France,Western European and Others,1945-10-24\n")
    written, = new_event({**ANSWERS, "actors": "ukraine, france", "name": "with-france"}, content, SETTINGS,
                         ask=pytest.fail)
    assert not (content / "actors" / "france.md").exists()
    event = next(e for e in read_timeline(content).events if e.slug == "2022-02-with-france")
    assert [(actor.slug, actor.code) for actor in event.actors] == [("ukraine", "UKR"), ("france", "FRA")]


def test_options_alone_never_create_an_actor_and_report_every_problem(content):
    before = sorted(content.rglob("*.md"))
    with pytest.raises(NothingWritten) as stop:
        new_event({**ANSWERS, "actors": "ukraine, ukriane", "date": "2026-13"}, content, SETTINGS,
                  ask=pytest.fail)
    assert str(stop.value).splitlines() == [
        "new-event: nothing written:", f"date: `2026-13` is not a real date; {DATE_FORMS}",
        "actors: no actor `ukriane` (did you mean `ukraine`?); expected the slug of a file in content/actors/ "
        "(add the actor's file first)"]
    assert sorted(content.rglob("*.md")) == before


def test_a_session_asks_again_until_each_answer_is_good_and_creates_the_actor_it_is_told_to(content):
    replies = ["Ukraine and China hold a call", "2025-6-1", "2025-06-01", "", "", "", "tlks", "talks",
               "ukraine, china", "y", "China", "stat", "state", "Permanent member of the Security Council",
               "One sentence.", "https://example.org/call", "A call", "Example", "2025-13-01", "unknown"]
    event, shown = session(content, replies, interactive=True)
    written = event.run({})
    assert shown == [
        "Title: Ukraine and China hold a call",
        "Date (YYYY-MM-DD, YYYY-MM or YYYY): 2025-6-1",
        f"date: `2025-6-1` is not a real date; {DATE_FORMS}",
        "Date (YYYY-MM-DD, YYYY-MM or YYYY): 2025-06-01",
        "End, for an event of more than one day (YYYY-MM-DD, YYYY-MM or YYYY) [none]: ",
        "Date qualifier, for a rough date (about, before, after, early, mid, late) [none]: ",
        "Short name for the file, after the date [ukraine-and-china-hold-a-call]: ",
        f"Type ({TYPES}): tlks",
        f"type: `tlks` is not allowed (did you mean `talks`?); expected one of {TYPES}",
        f"Type ({TYPES}): talks",
        "Actors (slugs, separated by commas): ukraine, china",
        f"No actor `china`. Create {content}/actors/china.md? [y/N] y",
        "Name: China",
        "Kind (state, organisation or person): stat",
        "kind: `stat` is not allowed (did you mean `state`?); expected one of state, organisation, person",
        "Kind (state, organisation or person): state",
        "Role: Permanent member of the Security Council",
        "Summary (one or two plain sentences): One sentence.",
        "Source URL: https://example.org/call",
        "Source title: A call",
        "Publisher: Example",
        "Source date (YYYY-MM-DD, or unknown if the source shows none): 2025-13-01",
        "source_date: `2025-13-01` is not a real date; expected the day the source was published, written "
        "YYYY-MM-DD, or `unknown` if the source shows none",
        "Source date (YYYY-MM-DD, or unknown if the source shows none): unknown",
    ]
    slug = "2025-06-01-ukraine-and-china-hold-a-call"
    assert written == [content / "actors" / "china.md", content / "events" / f"{slug}.md"]
    timeline = read_timeline(content)
    assert [a.slug for a in next(e for e in timeline.events if e.slug == slug).actors] == ["ukraine", "china"]
    assert next((a.name, a.kind) for a in timeline.actors if a.slug == "china") == ("China", "state")


@pytest.mark.parametrize("replies, line", [
    (["A title", ""], "new-event: the date was left empty, so nothing was written"),
    (["A title"], "new-event: the date was left unanswered, so nothing was written"),
    (["A title", "2025-06-01", "", "", "", "talks", "ukraine, new-envoy", "y", "An envoy", "person", "Envoy"],
     "new-event: the affiliation was left unanswered, so nothing was written"),
])
def test_a_session_given_up_writes_nothing_and_says_so_in_one_line(content, replies, line):
    before = sorted(content.rglob("*.md"))
    event, _ = session(content, replies, interactive=True)
    with pytest.raises(NothingWritten) as stop:
        event.run({})
    assert str(stop.value) == line
    assert sorted(content.rglob("*.md")) == before


def test_a_declined_actor_is_asked_for_again(content):
    replies = ["A title", "2025-06-01", "", "", "", "talks", "ukriane", "n", "ukraine"]
    event, shown = session(content, replies, interactive=True)
    with pytest.raises(NothingWritten):
        event.run({})
    assert shown[7:11] == [
        f"No actor `ukriane` (did you mean `ukraine`?). Create {content}/actors/ukriane.md? [y/N] n",
        "actors: no actor `ukriane` (did you mean `ukraine`?); expected the slug of a file in content/actors/ "
        "(add the actor's file first)",
        "Actors (slugs, separated by commas): ukraine",
        "Summary (one or two plain sentences): ^D"]


@pytest.mark.parametrize("answers, written", [
    ({"end": "2023-07-17"}, ["date: 2022-02", "end: 2023-07-17"]),
    ({"date_qualifier": "late"}, ["date: 2022-02", "date_qualifier: late"]),
    ({"end": "2022-03", "date_qualifier": "about"}, ["date: 2022-02", "end: 2022-03", "date_qualifier: about"]),
    ({}, ["date: 2022-02"]),
], ids=["an end", "a qualifier", "both", "neither"])
def test_an_end_and_a_rough_date_are_written_after_the_date_and_read_back(content, answers, written):
    path, = new_event({**ANSWERS, "name": "emergency-session", **answers}, content, SETTINGS)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[2:2 + len(written)] == written
    event = next(e for e in read_timeline(content).events if e.slug == "2022-02-emergency-session")
    assert (event.end.isoformat() if event.end else None, event.date_qualifier) == (
        {"2023-07-17": "2023-07-17", "2022-03": "2022-03-01"}.get(answers.get("end")), answers.get("date_qualifier"))


@pytest.mark.parametrize("date, field, text, problem", [
    ("2022-02-24", "end", "2022-02-24", "2022-02-24 is not after the date, 2022-02-24"),
    ("2022-02", "end", "2022-02-28", "2022-02-28 is not after the date, 2022-02"),
    ("2022-02-24", "end", "2022-13-01", "`2022-13-01` is not a real date"),
    ("2022-02-24", "end", "2099-01-01", "2099-01-01 is in the future"),
    ("2022-02-24", "date_qualifier", "late", "`late` but the date 2022-02-24 is a single day"),
    ("2022-02", "date_qualifier", "soon", "`soon` is not allowed"),
])
def test_a_wrong_end_or_qualifier_is_refused_as_the_build_would_refuse_it(content, date, field, text, problem):
    value, problems = check(content, field, text, date=date)
    assert value is None and len(problems) == 1 and problem in problems[0], problems


def test_a_session_asks_for_the_end_and_qualifier_and_takes_enter_for_none(content):
    event, shown = session(content, [ANSWERS["title"], "2022-02-24", "", "", "", ANSWERS["type"], ANSWERS["actors"],
                                     ANSWERS["summary"], ANSWERS["source_url"], ANSWERS["source_title"],
                                     ANSWERS["publisher"], ANSWERS["source_date"]], interactive=True)
    path, = event.run({})
    assert any(line.startswith("End, for an event of more than one day") and "[none]: " in line for line in shown)
    text = path.read_text(encoding="utf-8")
    assert "end:" not in text and "date_qualifier:" not in text
