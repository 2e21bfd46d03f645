"""The votes in the model, without a build: each state's line across every vote, never a position the record
does not hold; its record in one line; the column headings; the tally charts' geometry; the open data's rows."""

from __future__ import annotations

from examples import actor, event
from pelican.plugins.timeline.charts import tally_charts
from pelican.plugins.timeline.exports import vote_records
from pelican.plugins.timeline.model import Citation, Conflict, Position, Report, Source, Tally, Timeline

RUSSIA, INDIA, UKRAINE = actor("russian-federation"), actor("india"), actor("ukraine")
# Named as examples name actors, after their slugs: "Un General Assembly".
ASSEMBLY = actor("un-general-assembly", "organisation", members=193)
COUNCIL = actor("un-security-council", "organisation", members=15, veto_holders=[RUSSIA])
LABELS = {"yes": "Yes", "no": "No", "abstain": "Abstained"}
SOURCE = Source("A report", "AP", "https://example.org/report")


def vote(day: str, name: str, positions: list[tuple], body=ASSEMBLY, tally=Tally(141, 7, 32, 13), **fields):
    """Make a vote of `positions`, each (state, word)."""
    return event(day, name, [body, *(state for state, _ in positions)], body=body, tally=tally,
                 positions=[Position(state, word, LABELS[word]) for state, word in positions],
                 outcome="adopted", **fields)


def record(cited: tuple[Citation, ...] = ()) -> Timeline:
    """Make a record of a vetoed Council draft and two Assembly votes, one with a dispute about Ukraine's vote;
    Russia's vote on the first Assembly vote cites `cited`."""
    draft = vote("2022-02-25", "draft", [(RUSSIA, "no"), (INDIA, "abstain")], body=COUNCIL, tally=Tally(11, 1, 3),
                 event_type="veto", subject="Draft deploring Russia's aggression")
    draft.outcome, draft.vetoed_by = "vetoed", [RUSSIA]
    dispute = Conflict("Ukraine's vote", (Report("yes", ()), Report("abstain", ())), position_of=UKRAINE)
    first = vote("2022-03-02", "first", [(RUSSIA, "no"), (UKRAINE, "yes")], symbol="A/RES/ES-11/1",
                 subject="Aggression against Ukraine")
    first.positions[0] = Position(RUSSIA, "no", "No", cited)
    second = vote("2023-02-23", "second", [(RUSSIA, "no")], symbol="A/RES/ES-11/6", conflicts=[dispute])
    return Timeline([second, draft, first], [RUSSIA, INDIA, UKRAINE, ASSEMBLY, COUNCIL])


def test_a_state_s_line_holds_a_cell_for_every_vote_and_invents_none():
    timeline = record()
    india = timeline.cells_of(INDIA)
    assert [cell.event.slug for cell in india] == [e.slug for e in timeline.votes]
    assert [cell.text for cell in india] == ["Abstained", "No position recorded", "No position recorded"]
    assert [cell.mark for cell in india] == ["–", "·", "·"]


def test_the_matrix_lists_every_state_with_a_recorded_vote_or_dispute_and_no_organisation():
    matrix = record().vote_matrix()
    assert [row.state.slug for row in matrix.rows] == ["india", "russian-federation", "ukraine"]
    assert len(matrix.columns) == 3 and all(len(row.cells) == 3 for row in matrix.rows)


def test_a_part_of_the_votes_lists_only_the_states_with_a_vote_or_dispute_recorded_on_it():
    timeline = record()
    second = next(vote for vote in timeline.votes if vote.slug == "2023-02-23-second")
    part = timeline.vote_matrix([second])
    assert [(row.state.slug, [cell.word for cell in row.cells]) for row in part.rows] == \
        [("russian-federation", ["no"]), ("ukraine", ["disputed"])]


def test_a_dispute_links_to_its_conflict_and_a_veto_says_so():
    timeline = record()
    ukraine = timeline.cells_of(UKRAINE)
    assert [cell.word for cell in ukraine] == ["none", "yes", "disputed"]
    assert ukraine[2].conflict_url == "events/2023-02-23-second/#conflict-1" and ukraine[2].text == "Disputed"
    russia = timeline.cells_of(RUSSIA)
    assert [cell.vetoed for cell in russia] == [True, False, False] and russia[0].text == "No (veto)"


def test_a_state_s_record_is_summed_up_from_its_recorded_votes_alone():
    timeline = record()
    assert timeline.record_summary(RUSSIA) == ("Voted no on the one Un Security Council vote on the record, "
                                               "casting the veto on one; voted no on all 2 Un General Assembly "
                                               "votes on the record.")
    assert timeline.record_summary(UKRAINE) == ("Of the one Un Security Council vote on the record, no position "
                                                "recorded on 1; yes on 1 of 2 Un General Assembly votes on the "
                                                "record, disputed on 1.")


def test_a_column_is_headed_by_its_short_symbol_and_subject_and_a_result_is_said_in_words():
    draft, first, second = record().votes
    assert (draft.vote_heading, first.vote_heading, second.vote_heading) == \
        ("Vetoed · Draft deploring Russia's aggression", "ES-11/1 · Aggression against Ukraine", "ES-11/6 · Second")
    assert event("2022-02-27", "sc", symbol="S/RES/2623 (2022)").short_symbol == "S/RES/2623"
    assert (first.result, draft.result) == ("adopted, 141 to 7, 32 abstaining", "vetoed, 11 to 1, 3 abstaining")


def test_a_tally_bar_stacks_its_counts_on_the_scale_of_the_body_and_leaves_the_uncounted_blank():
    council, assembly = tally_charts(record().votes)
    bar, without_absences = assembly.bars[0], council.bars[0]
    assert [(s.word, s.count) for s in bar.segments] == [("yes", 141), ("no", 7), ("abstain", 32), ("absent", 13)]
    assert bar.segments[1].x == round(100 * 141 / 193, 3) and round(sum(s.width for s in bar.segments), 2) == 100
    assert [s.word for s in without_absences.segments] == ["yes", "no", "abstain"]
    assert round(sum(s.width for s in without_absences.segments), 3) == 100
    assert bar.label == "ES-11/1, 2 March 2022" and without_absences.label == "Vetoed draft, 25 February 2022"


def test_each_body_has_its_chart_in_the_order_of_its_first_vote_its_bars_in_date_order():
    charts = tally_charts(record().votes)
    assert [(chart.slug, chart.members, len(chart.bars)) for chart in charts] == \
        [("un-security-council", 15, 1), ("un-general-assembly", 193, 2)]
    assert [bar.y for bar in charts[1].bars] == [0, 40] and charts[1].height == 80


def test_the_open_data_has_a_row_per_recorded_vote_with_the_sources_it_cites():
    timeline = record(cited=(Citation(2, SOURCE),))
    rows = {(row["state"], row["event"]): row for row in vote_records(timeline)}
    assert set(rows) == {("india", "2022-02-25-draft"), ("russian-federation", "2022-02-25-draft"),
                         ("russian-federation", "2022-03-02-first"), ("russian-federation", "2023-02-23-second"),
                         ("ukraine", "2022-03-02-first"), ("ukraine", "2023-02-23-second")}
    assert rows["russian-federation", "2022-03-02-first"]["sources"] == [2]
    assert rows["russian-federation", "2022-02-25-draft"]["veto"] is True
    assert rows["ukraine", "2023-02-23-second"] == {
        "state": "ukraine", "event": "2023-02-23-second", "symbol": "A/RES/ES-11/6", "date": "2023-02-23",
        "position": None, "sources": [], "disputed": True, "veto": False, "record": None, "copy": None, "taken": None}
