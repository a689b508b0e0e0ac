"""Reconcile: hand-built mentions (the stage's input) from several outlets become one sourced incident."""
from __future__ import annotations

from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import records
from sitrep.extract.dates import PUBLICATION_DATE
from sitrep.reconcile import reconcile
from sitrep.records import (Actor, Claim, DocumentRef, EventDate, Fatalities, Flag, Mention, Person, Place)

ATMEH = Place(name="Atmeh", admin1="Idlib", country="SY", lat=36.204, lon=36.683, precision="town",
              gazetteer_id="geonames:170000")


def claim(value, group="total", figure="killed", qualifier="exact", source=None, source_type="unattributed",
          document="", quote="", start=0, subset=None) -> Claim:
    return Claim(figure=figure, group=group, value=value, qualifier=qualifier, source=source,
                 source_type=source_type if source or source_type != "unattributed" else "unattributed",
                 document=document, quote=quote or f"{value} {group} {figure}.", start=start,
                 end=start + len(quote or "x"), subset=subset)


def mention(doc, claims=(), role="primary", published=None, outlet=None, index=0, **fields) -> Mention:
    claims = tuple(c if c.document else Claim(**{**_fields(c), "document": doc}) for c in claims)
    return Mention(id=f"{doc}#{index}", document_id=f"id-{doc}", document=doc, role=role, claims=claims,
                   published=published, outlet=outlet or f"outlet of {doc}", **fields)


def _fields(c: Claim) -> dict:
    return {f: getattr(c, f) for f in c.__dataclass_fields__}


def reconcile_all(mentions, copies=None, incident_id="inc-1"):
    """Reconcile with DocumentRefs built from the mentions (copy_of holds document ids)."""
    documents = {m.document_id: DocumentRef(document=m.document, role=m.role, url=f"https://example.org/{m.document}",
                                            outlet=m.outlet, published=m.published, title=f"Report {m.document}")
                 for m in mentions}
    copies = {f"id-{k}": f"id-{v}" for k, v in (copies or {}).items()}
    return reconcile(incident_id, mentions, documents, copies)


def raid_reports() -> list[Mention]:
    """A night raid on a village reported by two agencies and a monitor, with different breakdowns."""
    return [
        mention("wire-a", published="2022-02-03", place=ATMEH, action="raid", event_type="Battles",
                sub_event_type="Armed clash", date=EventDate("2022-02-03", "day"),
                actors=(Actor("United States armed forces", "perpetrator"), Actor("Islamic State", "target")),
                people=(Person("al-Qurayshi", "killed"),),
                claims=(claim(13, source="Syrian Civil Defense", source_type="ngo", start=100,
                              quote="Rescuers from the Syrian Civil Defense counted 13 dead."),
                        claim(6, "children", source="Syrian Civil Defense", source_type="ngo", start=150),
                        claim(4, "women", source="Syrian Civil Defense", source_type="ngo", start=160))),
        mention("wire-b", published="2022-02-03", place=ATMEH, action="raid", event_type="Battles",
                sub_event_type="Armed clash", date=EventDate("2022-02-03", "day"),
                actors=(Actor("United States armed forces", "perpetrator"),),
                people=(Person("Abu Ibrahim al-Hashimi al-Qurayshi", "other"),),
                claims=(claim(13, source="Syrian Observatory for Human Rights", source_type="ngo", start=40),
                        claim(4, "children", source="Syrian Observatory for Human Rights", source_type="ngo",
                              start=90),
                        claim(2, "women", source="Syrian Observatory for Human Rights", source_type="ngo", start=95),
                        claim(12, qualifier="at_least", source="Ahmad Rahhal", source_type="witness", start=300,
                              quote="A neighbour said he had seen at least 12 bodies carried out."))),
        mention("wire-b", role="mention", index=1, published="2022-02-03", action="raid",
                date=EventDate("2019-10-27", "day"), place=Place(name="Barisha", country="SY", precision="town")),
    ]


def test_monitors_disagree_on_children_and_women_but_agree_on_total():
    inc = reconcile_all(raid_reports())
    assert {(d.figure, d.group): d.values for d in inc.disagreements} == {
        ("killed", "children"): (6, 4), ("killed", "women"): (4, 2)}
    children = next(d for d in inc.disagreements if d.group == "children")
    assert children.sources == ("Syrian Civil Defense", "Syrian Observatory for Human Rights")
    assert inc.fatalities == Fatalities(low=12, best=13, high=13)
    assert inc.grade == "contested"
    assert any("children" in r for r in inc.grade_reasons)
    assert len(inc.claims) == 7 and {c.document for c in inc.claims} == {"wire-a", "wire-b"}


def test_incident_fields_come_from_primary_mentions():
    inc = reconcile_all(raid_reports())
    assert (inc.event_type, inc.sub_event_type, inc.action) == ("Battles", "Armed clash", "raid")
    assert inc.date.value == "2022-02-03" and (inc.date.earliest, inc.date.latest) == ("2022-02-03", "2022-02-03")
    assert inc.place == ATMEH
    assert [(a.name, a.role) for a in inc.actors] == [("United States armed forces", "perpetrator"),
                                                      ("Islamic State", "target")]
    assert inc.people == (Person("Abu Ibrahim al-Hashimi al-Qurayshi", "killed"),)
    assert {(r.document, r.role) for r in inc.documents} == {("wire-a", "primary"), ("wire-b", "primary")}


def test_a_document_only_mentioning_the_incident_in_passing_is_a_mention():
    background = mention("weekly", role="mention", published="2022-02-10", action="raid",
                         date=EventDate("2022-02", "month"), place=Place(name="Idlib", country="SY",
                                                                         precision="admin1"))
    inc = reconcile_all(raid_reports() + [background])
    assert {r.document: r.role for r in inc.documents}["weekly"] == "mention"
    assert inc.date.value == "2022-02-03" and inc.place == ATMEH


def test_at_least_twelve_does_not_contradict_thirteen():
    inc = reconcile_all([
        mention("local", published="2023-05-01",
                claims=(claim(12, qualifier="at_least", source="a local official", source_type="government"),)),
        mention("agency", published="2023-05-01",
                claims=(claim(13, source="the provincial health directorate", source_type="medical"),)),
    ])
    assert inc.disagreements == ()
    assert inc.fatalities == Fatalities(low=12, best=13, high=13)
    assert inc.grade == "corroborated"


def test_about_and_at_least_allow_nearby_values_but_exact_counts_do_not():
    agree = reconcile_all([mention("a", claims=(claim(20, qualifier="about", source="police",
                                                      source_type="government"),)),
                           mention("b", claims=(claim(21, source="hospital", source_type="medical"),))])
    differ = reconcile_all([mention("a", claims=(claim(20, source="police", source_type="government"),)),
                            mention("b", claims=(claim(21, source="hospital", source_type="medical"),))])
    assert agree.disagreements == () and agree.grade == "corroborated"
    assert differ.disagreements[0].values == (21, 20) and differ.grade == "contested"


def test_toll_rising_over_days_supersedes_without_erasing():
    inc = reconcile_all([
        mention("day1", published="2023-03-01", claims=(claim(5, source="police", source_type="government"),)),
        mention("day2", published="2023-03-02", claims=(
            claim(8, source="police", source_type="government", quote="Police said the toll rose to eight."),)),
        mention("day3", published="2023-03-03", claims=(
            claim(9, source="hospital officials", source_type="medical"),
            claim(2, figure="wounded", source="hospital officials", source_type="medical"))),
    ])
    assert inc.fatalities == Fatalities(low=9, best=9, high=9)
    assert inc.disagreements == ()
    history = [(h["date"], h["value"], h["superseded"]) for h in inc.toll_history]
    assert history == [("2023-03-01", 5, True), ("2023-03-02", 8, True), ("2023-03-03", 9, False)]
    assert len(inc.claims) == 4


def test_revision_within_one_document_supersedes_the_first_figure():
    inc = reconcile_all([mention("update", published="2023-07-07", claims=(
        claim(15, start=10, quote="Fifteen people were killed in the morning shelling."),
        claim(21, start=200, quote="By evening the death toll had climbed to 21."),
    ))])
    assert inc.fatalities == Fatalities(low=21, best=21, high=21)
    assert not any(f.kind == "figure_conflict" for f in inc.flags)


def test_an_earlier_estimate_gives_way_to_the_current_figure_even_when_lower():
    inc = reconcile_all([mention("college", published="2015-10-01", claims=(
        claim(10, start=10, source="police", source_type="government", quote="The sheriff said 10 people were dead."),
        claim(13, start=90, source="Ellen Rosenblum", source_type="government",
              quote="Earlier, the state attorney general said 13 people had been killed."),
    ))])
    assert inc.fatalities == Fatalities(low=10, best=10, high=10)
    assert any(c.value == 13 for c in inc.claims)          # kept in the table, out of the range


def test_a_figure_its_sentence_calls_wrong_is_not_counted():
    inc = reconcile_all([mention("club", published="2016-07-25", claims=(
        claim(1, start=10, quote="Early reports said one person had died, but that proved to be incorrect."),
        claim(4, figure="wounded", start=90, quote="Four people were wounded."),
    ))])
    assert inc.fatalities == Fatalities(low=0, best=0, high=0)


def test_best_prefers_the_most_independent_source_type():
    inc = reconcile_all([
        mention("a", published="2023-01-02", claims=(claim(30, source="the army", source_type="military"),)),
        mention("b", published="2023-01-02", claims=(claim(27, source="the United Nations", source_type="un"),)),
    ])
    assert inc.fatalities == Fatalities(low=27, best=27, high=30)


def test_within_one_day_best_is_the_number_stated_most_often_not_the_last_one():
    inc = reconcile_all([
        mention("story", published="2016-04-23", claims=(
            claim(8, start=0, quote="Eight members of one family were shot dead."),
            claim(7, start=300, quote="Seven of the victims were found in the first house."))),
        mention("brief", published="2016-04-23", claims=(claim(8, quote="Eight people died."),)),
    ])
    assert inc.fatalities == Fatalities(low=7, best=8, high=8)


def test_best_prefers_reports_about_the_incident_over_passing_references():
    inc = reconcile_all([
        mention("report", published="2015-06-01", claims=(claim(2, source="police", source_type="government"),)),
        mention("roundup", role="mention", published="2015-06-01",
                claims=(claim(3, source="the coroner", source_type="medical"),)),
    ])
    assert inc.fatalities == Fatalities(low=2, best=2, high=3)


def test_syndicated_copies_count_as_one_voice():
    story = [mention("original", published="2021-09-09", claims=(claim(7, quote="Seven people died."),)),
             mention("reprint", published="2021-09-09", claims=(claim(7, quote="Seven people died."),))]
    copied = reconcile_all(story, copies={"reprint": "original"})
    independent = reconcile_all(story)
    assert len(copied.claims) == 2
    assert copied.grade == "single_source"
    assert independent.grade == "corroborated"
    assert {r.document: r.copy_of for r in copied.documents} == {"original": None, "reprint": "id-original"}


def test_children_and_women_exceeding_the_total_are_flagged():
    inc = reconcile_all([mention("odd", claims=(
        claim(5, source="rescuers", source_type="ngo"),
        claim(4, "children", source="rescuers", source_type="ngo"),
        claim(3, "women", source="rescuers", source_type="ngo")))])
    other = [f for f in inc.flags if f.kind == "other"]
    assert len(other) == 1 and other[0].document == "odd" and "exceed" in other[0].detail


def test_subgroup_sum_is_a_lower_bound_when_no_total_is_given():
    inc = reconcile_all([mention("a", claims=(
        claim(3, "children", source="medics", source_type="medical"),
        claim(2, "women", source="medics", source_type="medical"),
        claim(1, "militants", source="medics", source_type="medical")))])
    assert inc.fatalities == Fatalities(low=5, best=5, high=5)


def test_named_subset_does_not_disagree_with_its_group():
    inc = reconcile_all([mention("a", claims=(
        claim(14, "militants", source="US Central Command", source_type="military"),
        claim(4, "militants", source="US Central Command", source_type="military", subset="leaders")))])
    assert inc.disagreements == () and inc.flags == ()
    assert inc.fatalities == Fatalities(low=14, best=14, high=14)


def test_a_named_subset_from_another_voice_does_not_lower_the_range():
    inc = reconcile_all([mention("a", claims=(
        claim(14, "militants", source="US Central Command", source_type="military"),
        claim(4, "militants", source="a US official", source_type="government", subset="leaders")))])
    alone = reconcile_all([mention("b", claims=(claim(4, "militants", subset="leaders"),))])
    assert inc.fatalities == Fatalities(low=14, best=14, high=14)
    assert alone.fatalities == Fatalities(low=4, best=4, high=4)


def test_same_source_changing_its_figure_in_one_document_is_a_figure_conflict():
    inc = reconcile_all([mention("sloppy", claims=(
        claim(9, source="the governor", source_type="government", start=10),
        claim(11, source="the governor", source_type="government", start=400)))])
    assert [f.kind for f in inc.flags] == ["figure_conflict"]
    assert inc.flags[0].document == "sloppy"


def test_wounded_only_reports_give_zero_named_dead_count_and_silence_gives_none():
    wounded = reconcile_all([mention("a", claims=(claim(3, figure="wounded"),))])
    people = (Person("Jane Roe", "killed"), Person("Roe", "killed"), Person("John Doe", "killed"),
              Person("Sam Poe", "wounded"))
    named = reconcile_all([mention("a", action="attack", people=people)])
    # names told as killed beside a count of the wounded and no count of the dead: someone recalled
    recalled = reconcile_all([mention("a", claims=(claim(3, figure="wounded"),), people=people)])
    silent = reconcile_all([mention("a", action="arrest")])
    assert wounded.fatalities == Fatalities(0, 0, 0)
    assert named.fatalities == Fatalities(2, 2, 2)
    assert recalled.fatalities == Fatalities(0, 0, 0)
    assert silent.fatalities == Fatalities()


def test_mention_flags_are_carried_with_their_document():
    inc = reconcile_all([mention("a", flags=(Flag("date_inconsistency", "January statement about a February raid"),)),
                         mention("b", flags=(Flag("admin_mismatch", "town placed in the wrong province", "b"),))])
    assert [(f.kind, f.document) for f in inc.flags] == [("admin_mismatch", "b"), ("date_inconsistency", "a")]


def test_a_statement_dated_before_the_event_is_a_date_inconsistency():
    raid = EventDate("2022-02-03", "day")
    inc = reconcile_all([
        mention("early", date=raid, statement_dates=(EventDate("2022-01-04", "day", text="On 4 January"),)),
        mention("later", date=raid, statement_dates=(EventDate("2022-02-04", "day", text="on Friday"),))])
    assert [(f.kind, f.document) for f in inc.flags] == [("date_inconsistency", "early")]
    assert "4 January" in inc.flags[0].detail


def test_a_statement_before_a_publication_day_taken_for_want_of_a_stated_day_is_no_inconsistency():
    published = EventDate("2022-02-10", "day", "2022-02-10", "2022-02-10", text=PUBLICATION_DATE)
    inc = reconcile_all([mention("undated", date=published, published="2022-02-10",
                                 statement_dates=(EventDate("2022-01-04", "day", text="On 4 January"),))])
    assert inc.date.value == "2022-02-10" and inc.flags == ()


def test_different_perpetrators_from_independent_documents_are_contested():
    inc = reconcile_all([mention("a", actors=(Actor("Rapid Support Forces", "perpetrator"),)),
                         mention("b", actors=(Actor("Sudanese Armed Forces", "perpetrator"),))])
    assert inc.grade == "contested" and inc.grade_reasons[0].startswith("perpetrator")


def test_primary_mentions_outweigh_background_ones_and_specific_dates_win():
    inc = reconcile_all([
        mention("a", action="airstrike", event_type="Explosions/Remote violence", date=EventDate("2024-05", "month")),
        mention("b", action="airstrike", event_type="Explosions/Remote violence",
                date=EventDate("2024-05-14", "day")),
        mention("c", role="mention", action="shelling", event_type="Explosions/Remote violence"),
        mention("d", role="mention", action="shelling"),
    ])
    assert inc.action == "airstrike"
    assert inc.date == EventDate("2024-05-14", "day", "2024-05-14", "2024-05-14")


def test_the_narrower_of_two_overlapping_days_is_chosen():
    # "last night" in a Saturday paper runs Friday into Saturday; "early Saturday" says which side it was
    inc = reconcile_all([
        mention("a", date=EventDate("2017-02-24", "day", "2017-02-24", "2017-02-25", "last night")),
        mention("b", date=EventDate("2017-02-25", "day", "2017-02-25", "2017-02-25", "early Saturday morning"))])
    assert inc.date.value == "2017-02-25"


def test_a_date_inconsistent_with_the_others_is_not_chosen():
    inc = reconcile_all([mention("a", date=EventDate("2022-02-03", "day")),
                         mention("b", date=EventDate("2022-02-03", "day")),
                         mention("c", date=EventDate("2022-01-04", "day"))])
    assert inc.date.value == "2022-02-03"


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(3)), st.randoms(use_true_random=False))
def test_shuffling_mentions_and_claims_gives_the_same_incident(order, rnd):
    reports = raid_reports() + [mention("day2", published="2022-02-04", claims=(
        claim(14, source="Syrian Civil Defense", source_type="ngo", quote="The toll rose to 14."),))]
    expected = reconcile_all(reports)
    shuffled = []
    for m in [reports[i] for i in order] + reports[3:]:
        claims = list(m.claims)
        rnd.shuffle(claims)
        shuffled.append(Mention(**{**_fields(m), "claims": tuple(claims)}))
    assert reconcile_all(shuffled) == expected


def _literal(name: str) -> st.SearchStrategy:
    """Any value of one of the records' Literal types (Group, Qualifier...)."""
    return st.sampled_from(get_args(getattr(records, name)))


SOURCES = [None, "police", "the health ministry", "rescuers"]
random_claims = st.lists(st.builds(claim, st.integers(0, 60), _literal("Group"), _literal("Figure"),
                                   _literal("Qualifier"), st.sampled_from(SOURCES), _literal("SourceType"),
                                   start=st.integers(0, 500)), max_size=6)
PUBLISHED = {"a": None, "b": "2020-05-01", "c": "2020-05-02"}
random_mentions = st.lists(st.builds(
    lambda doc, *args, **kw: mention(doc, *args, published=PUBLISHED[doc], **kw),
    st.sampled_from(sorted(PUBLISHED)), random_claims, _literal("MentionRole"), index=st.integers(0, 2),
    date=st.sampled_from([EventDate(), EventDate("2020-05-01", "day"), EventDate("2020-05", "month"),
                          EventDate("2020", "year")]),
    place=st.sampled_from([Place(), ATMEH, Place(name="Idlib", country="SY", precision="admin1"),
                           Place(name="Mosul", country="IQ", lat=36.34, lon=43.13, precision="town")]),
    actors=st.lists(st.builds(Actor, st.sampled_from(["Islamic State", "ISLAMIC STATE", "US forces"]),
                              st.sampled_from(["perpetrator", "target", "other"])), max_size=2).map(tuple),
    people=st.lists(st.builds(Person, st.sampled_from(["Abu Ali", "Ali", "Omar Hassan"]),
                              st.sampled_from(["killed", "wounded", "other"])), max_size=2).map(tuple)),
    min_size=1, max_size=5, unique_by=lambda m: m.id)


@settings(max_examples=60, deadline=None)
@given(random_mentions, st.randoms(use_true_random=False))
def test_any_mentions_give_an_ordered_range_every_claim_and_the_same_incident_shuffled(mentions, rnd):
    inc = reconcile_all(mentions)
    f = inc.fatalities
    if f.best is not None:
        assert f.low <= f.best <= f.high
    assert set(inc.claims) == {c for m in mentions for c in m.claims}
    assert inc.grade in ("single_source", "corroborated", "contested") and inc.grade_reasons
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert reconcile_all(shuffled) == inc


def test_documents_missing_from_the_mapping_are_described_from_their_mentions():
    reports = [mention("late", published="2020-01-03", claims=(claim(4),)),
               mention("late", index=1, role="mention", published="2020-01-02")]
    inc = reconcile("x", reports, {})
    assert [(r.document, r.role, r.published, r.outlet) for r in inc.documents] == [
        ("late", "primary", "2020-01-02", "outlet of late")]
    assert inc.fatalities == Fatalities(4, 4, 4)


def test_one_article_does_not_corroborate_itself():
    """The headline's unattributed "1 killed" and the body's "police said one man died" are one voice."""
    same = reconcile_all([mention("report", claims=(claim(1), claim(1, source="police", source_type="government")))])
    assert same.grade == "single_source"
    two = reconcile_all([mention("report", claims=(claim(1, source="police", source_type="government"),)),
                         mention("other", claims=(claim(1),))])
    assert two.grade == "corroborated"


def test_a_reports_smaller_total_about_one_of_its_dead_is_not_the_toll():
    """ "Two dead after shooting" and, later, "one was pronounced dead at the scene, police said"."""
    inc = reconcile_all([mention("report", claims=(claim(2, start=0),
                                                   claim(1, source="police", source_type="government", start=50)))])
    assert inc.fatalities == Fatalities(low=1, best=2, high=2)


def test_a_name_spelt_two_ways_by_two_reports_is_one_person_and_keeps_the_commoner_spelling():
    reports = [mention("a", people=(Person("Marquita Olsen", "killed"), Person("Dale Harmon", "arrested"))),
               mention("b", people=(Person("Marquitta Olsen", "wounded"), Person("Dale Harmon", "arrested"))),
               mention("c", people=(Person("Marquita Olsen", "killed"), Person("Jon Reyes", "wounded"))),
               mention("d", people=(Person("Jan Reyes", "wounded"),))]
    assert reconcile_all(reports).people == (
        Person("Dale Harmon", "arrested"), Person("Jan Reyes", "wounded"), Person("Jon Reyes", "wounded"),
        Person("Marquita Olsen", "killed"))
