"""Cross-document clustering: one incident per real event, hard negatives kept apart, order never matters."""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.cluster import (DEFAULT_THRESHOLD, DEFAULT_WEIGHTS, DEFAULT_WINDOW_DAYS, BlockIndex, Cluster, LinkGraph,
                            block_keys, cluster_mentions, incident_id, links, lookup_keys, meet,
                            recluster_neighbourhood, score_pair)
from sitrep.cluster.features import features
from sitrep.records import Actor, Claim, EventDate, Mention, Person, Place

TOWNS = {
    "Idlib": Place("Idlib", "Idlib Governorate", None, "SY", 35.93, 36.63, "town"),
    "Atmeh": Place("Atmeh", "Idlib Governorate", None, "SY", 36.21, 36.68, "town"),
    "Chicago": Place("Chicago", "Illinois", None, "US", 41.85, -87.65, "town"),
    "Rocky Mount": Place("Rocky Mount", "North Carolina", None, "US", 35.94, -77.79, "town"),
    "Aleppo": Place("Aleppo", "Aleppo Governorate", None, "SY", 36.20, 37.16, "town"),
    "Winchester KY": Place("Winchester", "Kentucky", None, "US", 37.99, -84.18, "town"),
    "Winchester VA": Place("Winchester", "Virginia", None, "US", 39.19, -78.16, "town"),
    "Chelsea GB": Place("Chelsea", "England", None, "GB", 51.49, -0.17, "town"),
    "Chelsea MA": Place("Chelsea", "Massachusetts", None, "US", 42.39, -71.03, "town"),
}


def mention(mid: str, text: str, day: str, town: str, *, people=(), role="primary", killed=None,
            event_type="violence", precision="day", actors=()) -> Mention:
    claims = (Claim("killed", "total", killed),) if killed is not None else ()
    return Mention(id=mid, document_id=f"doc-{mid}", document=f"doc-{mid}", role=role, event_type=event_type,
                   date=EventDate(day, precision), place=TOWNS[town], published=day if len(day) == 10 else None,
                   people=tuple(Person(name, r) for name, r in people), claims=claims,
                   actors=tuple(Actor(a) for a in actors), evidence=text)


# One raid near Atmeh told by three outlets in their own words.
RAID = [
    mention("raid-a", "US special forces killed Abu Khalid al-Masri in a night raid on a house near Atmeh on "
            "Thursday, the Pentagon said. Two of his guards also died.", "2022-02-03", "Atmeh",
            people=[("Abu Khalid al-Masri", "killed")], killed=3, actors=["US special forces"]),
    mention("raid-b", "A helicopter-borne American raid in Atmeh, Idlib, overnight left Abu Khalid al-Masri and "
            "two bodyguards dead, residents told reporters.", "2022-02-03", "Atmeh",
            people=[("Abu Khalid al-Masri", "killed")], killed=3),
    mention("raid-c", "Residents of Atmeh described hours of gunfire as American commandos stormed a two-storey "
            "house where the jihadist leader Abu Khalid al-Masri was hiding; three people were killed.",
            "2022-02-03", "Atmeh", people=[("Abu Khalid al-Masri", "killed")], killed=3),
]
# Same town, same kind of event, three years earlier: a different raid.
OLD_RAID = mention("raid-2019", "American commandos raided a compound near Atmeh on Saturday night, killing a "
                   "senior commander, Abu Omar al-Shami, the monitoring group said.", "2019-10-26", "Atmeh",
                   people=[("Abu Omar al-Shami", "killed")], killed=1)
# Two shootings in Chicago on the same Tuesday, different victims.
SHOOTING_1 = [
    mention("chi-1a", "Darnell Hayes, 19, was shot in the chest on the 4500 block of South Wabash Avenue about "
            "9 p.m. Tuesday and died at Stroger Hospital, police said.", "2016-06-14", "Chicago",
            people=[("Darnell Hayes", "killed")], killed=1),
    mention("chi-1b", "A 19-year-old man, identified by the medical examiner as Darnell Hayes, was fatally shot "
            "Tuesday night on South Wabash Avenue in Bronzeville.", "2016-06-14", "Chicago",
            people=[("Darnell Hayes", "killed")], killed=1),
]
SHOOTING_2 = [
    mention("chi-2a", "Keisha Moore, 34, was wounded in the leg while sitting on a porch on West Augusta "
            "Boulevard in Humboldt Park on Tuesday afternoon, police said.", "2016-06-14", "Chicago",
            people=[("Keisha Moore", "wounded")]),
    mention("chi-2b", "Police said a 34-year-old woman, Keisha Moore, was struck in the leg by gunfire on her "
            "porch in the 3300 block of West Augusta Boulevard on Tuesday.", "2016-06-14", "Chicago",
            people=[("Keisha Moore", "wounded")]),
]


def partition(clusters: list[Cluster]) -> set[frozenset[str]]:
    return {frozenset(c.mention_ids) for c in clusters}


def test_one_raid_told_by_three_outlets_is_one_incident():
    clusters = cluster_mentions(RAID)
    assert partition(clusters) == {frozenset(m.id for m in RAID)}
    joins = {mid: (score, evidence) for mid, score, evidence in clusters[0].joins}
    assert joins["raid-a"][1] == {"anchor": True}
    assert joins["raid-b"][1]["shared_people"] == ["abu khalid al masri"]


def test_same_town_same_type_different_year_cannot_link():
    score, evidence = score_pair(RAID[0], OLD_RAID)
    assert score == 0.0 and evidence["cannot_link"] == "dates incompatible"
    assert partition(cluster_mentions([*RAID, OLD_RAID])) == {frozenset(m.id for m in RAID), frozenset({"raid-2019"})}


def test_same_city_same_day_different_victims_stay_apart():
    score, evidence = score_pair(SHOOTING_1[0], SHOOTING_2[0])
    assert "different_victims" in evidence and score < DEFAULT_THRESHOLD
    assert partition(cluster_mentions([*SHOOTING_1, *SHOOTING_2])) == {
        frozenset({"chi-1a", "chi-1b"}), frozenset({"chi-2a", "chi-2b"})}


def test_differently_named_victims_keep_two_like_worded_reports_apart():
    hayes = mention("w-1", "Darnell Hayes, 19, was shot in the chest on South Wabash Avenue on Tuesday night and died "
                    "at Stroger Hospital, police said.", "2016-06-14", "Chicago", people=[("Darnell Hayes", "killed")])
    moore = mention("w-2", "A gunman wounded Marcus Moore, 34, in the leg at a bus stop on Wabash on Tuesday "
                    "afternoon.", "2016-06-14", "Chicago", people=[("Marcus Moore", "wounded")])
    score, evidence = score_pair(hayes, moore)
    assert evidence["different_victims"] == [["darnell hayes"], ["marcus moore"]] and score < DEFAULT_THRESHOLD
    assert evidence["different_ages"] == [[19], [34]]
    # the names and ages are what keeps them apart: the words alone read as one report
    without = DEFAULT_WEIGHTS.replace(victims_conflict=0, ages_conflict=0)
    assert score_pair(hayes, moore, without)[0] >= DEFAULT_THRESHOLD


def test_places_in_different_countries_cannot_link():
    syria = mention("s", "A car bomb exploded at a market, killing nine.", "2020-05-01", "Aleppo", killed=9)
    us = mention("u", "A car bomb exploded at a market, killing nine.", "2020-05-01", "Chicago", killed=9)
    assert score_pair(syria, us)[1]["cannot_link"] == "different countries"


def test_syndicated_copies_cluster_together():
    copies = [mention(f"wire-{n:02d}", RAID[1].evidence, "2022-02-03", "Atmeh") for n in range(40)]
    assert partition(cluster_mentions(copies)) == {frozenset(m.id for m in copies)}


# Two unnamed shootings in one city on one Sunday, and a round-up that recalls both.
LIQUOR_STORE = [
    mention("ga1", "A man was shot several times outside a liquor store on Cottage Grove Avenue early Sunday and "
            "taken to hospital in serious condition, police said.", "2016-06-19", "Chicago"),
    mention("ga2", "Police said the man, shot outside the Cottage Grove Avenue liquor store before dawn Sunday, was "
            "in serious condition at the University of Chicago Medical Center.", "2016-06-19", "Chicago"),
]
PARK = [
    mention("gb1", "Two teenagers were wounded Sunday afternoon when someone fired from a passing car at a group "
            "gathered in a Little Village park.", "2016-06-19", "Chicago"),
    mention("gb2", "A drive-by gunman wounded two teens in a Little Village park on Sunday afternoon; both are "
            "expected to survive.", "2016-06-19", "Chicago"),
]
ROUND_UP = ("Sunday was violent: a man was shot outside a Cottage Grove Avenue liquor store, and two teenagers "
            "were wounded by gunfire from a passing car in a Little Village park.")
# A shooting in Rocky Mount, the report that named the victim, and the trial four months later; and another
# shooting in the same town six weeks later, named differently.
COURT_CASE = [
    mention("rm-first", "A 16-year-old boy was shot and killed outside an apartment complex on Grace Street late "
            "Saturday, Rocky Mount police said.", "2016-03-19", "Rocky Mount", killed=1),
    mention("rm-named", "Police identified the teenager killed on Grace Street as Jalen Whitfield, 16; a 17-year-old, "
            "Corey Batchelor, was charged with murder.", "2016-03-21", "Rocky Mount",
            people=[("Jalen Whitfield", "killed"), ("Corey Batchelor", "arrested")], killed=1),
    mention("rm-trial", "Jurors heard opening statements on Tuesday in the murder trial of Corey Batchelor, accused of "
            "shooting Jalen Whitfield in March.", "2016-07-19", "Rocky Mount",
            people=[("Corey Batchelor", "arrested"), ("Jalen Whitfield", "killed")]),
]
LATER_IN_TOWN = mention("rm-other", "A man was wounded in a drive-by shooting on Sunset Avenue on Friday night, Rocky "
                        "Mount police said; Tavon Lyles, 24, is expected to survive.", "2016-05-06", "Rocky Mount",
                        people=[("Tavon Lyles", "wounded")])
CORPUS = [*RAID, OLD_RAID, *SHOOTING_1, *SHOOTING_2, *LIQUOR_STORE, *PARK, *COURT_CASE, LATER_IN_TOWN,
          mention("recap", ROUND_UP, "2016-06-19", "Chicago", role="mention")]


def test_background_mention_joins_one_incident_and_never_bridges_two():
    recap = mention("recap", ROUND_UP, "2016-06-19", "Chicago", role="mention")
    assert all(score_pair(recap, m)[0] >= DEFAULT_THRESHOLD for m in [*LIQUOR_STORE, *PARK])
    groups = partition(cluster_mentions([*LIQUOR_STORE, *PARK, recap]))
    assert groups == {frozenset({"ga1", "ga2", "recap"}), frozenset({"gb1", "gb2"})}
    # the same text as a primary report does pull the two together: the role is what protects them
    as_primary = mention("recap", ROUND_UP, "2016-06-19", "Chicago")
    assert len(cluster_mentions([*LIQUOR_STORE, *PARK, as_primary])) == 1


def test_a_background_member_never_renames_the_incident():
    recap = mention("a-recap", ROUND_UP, "2016-06-19", "Chicago", role="mention")
    clusters = cluster_mentions([*LIQUOR_STORE, recap])
    assert [c.mention_ids for c in clusters] == [("a-recap", "ga1", "ga2")]
    assert clusters[0].incident_id == incident_id(["ga1", "ga2"])


def test_background_mention_of_an_old_raid_joins_it():
    recalled = mention("recall", "The raid recalled the October 2019 operation near Atmeh in which Abu Omar "
                       "al-Shami, a senior commander, was killed by American commandos.", "2019-10-26", "Atmeh",
                       role="mention", people=[("Abu Omar al-Shami", "killed")])
    groups = partition(cluster_mentions([*RAID, OLD_RAID, recalled]))
    assert frozenset({"raid-2019", "recall"}) in groups


def test_a_trial_months_later_joins_the_shooting_through_the_names_it_shares():
    first, named, trial = COURT_CASE
    score, evidence = score_pair(named, trial)
    assert score >= DEFAULT_THRESHOLD and evidence["named_across_days"] == ["corey batchelor", "jalen whitfield"]
    # the first report names no one: alone it cannot reach a report four months later...
    assert score_pair(first, trial)[1]["cannot_link"] == "dates incompatible"
    assert set(lookup_keys(trial)) & set(block_keys(named))
    # ...but the named report carries it, and a shooting in between in the same town stays apart
    assert partition(cluster_mentions([*COURT_CASE, LATER_IN_TOWN])) == {
        frozenset({"rm-first", "rm-named", "rm-trial"}), frozenset({"rm-other"})}
    assert score_pair(LATER_IN_TOWN, named)[1]["cannot_link"] == "dates incompatible"


def test_a_surname_alone_is_named_evidence_only_with_a_second_name():
    named = COURT_CASE[1]
    surname_only = mention("rm-bond", "A judge denied bond for Batchelor, who is charged in the killing of a teenager.",
                           "2016-05-02", "Rocky Mount", people=[("Batchelor", "arrested")])
    assert score_pair(named, surname_only)[1]["cannot_link"] == "dates incompatible"
    both = dataclasses.replace(surname_only, id="rm-bond2", evidence="A judge denied bond for Batchelor, charged "
                               "in the killing of Jalen Whitfield.")
    assert {"batchelor", "whitfield"} <= set(score_pair(named, both)[1]["named_across_days"])


def test_an_official_quoted_in_two_shootings_months_apart_does_not_tie_them():
    spring = mention("da-1", "District Attorney Stephen Zappala said a man shot dead on Penn Avenue on Friday was "
                     "targeted.", "2016-03-11", "Rocky Mount", people=[("Stephen Zappala", "other")], killed=1)
    summer = mention("da-2", "District Attorney Stephen Zappala said a woman wounded on Penn Avenue on Friday was "
                     "not the target.", "2016-07-15", "Rocky Mount", people=[("Stephen Zappala", "other")])
    assert score_pair(spring, summer)[1]["cannot_link"] == "dates incompatible"
    # the same two reports naming a victim in common are one incident told twice
    as_victim = [dataclasses.replace(m, people=(Person("Stephen Zappala", "wounded"),)) for m in (spring, summer)]
    assert score_pair(*as_victim)[1]["named_across_days"] == ["stephen zappala"]


def test_name_particles_identify_no_one():
    a = mention("ab-1", "A drone strike near Atmeh killed Abu Khalid al-Masri, the group said.", "2022-02-03",
                "Atmeh", people=[("Abu Khalid al-Masri", "killed")])
    b = mention("ab-2", "Abu Omar al-Masri was arrested in Atmeh, the group said.", "2022-04-20", "Atmeh",
                people=[("Abu Omar al-Masri", "arrested")])
    assert score_pair(a, b)[1]["cannot_link"] == "dates incompatible"


def test_a_hospital_is_not_a_person_in_common():
    a = mention("h-1", "A man was shot on Halsted Street and taken to Stroger Hospital.", "2016-06-14", "Chicago",
                people=[("Stroger Hospital", "wounded")])
    b = mention("h-2", "A woman was wounded in Englewood and taken to Stroger Hospital.", "2016-06-15", "Chicago",
                people=[("Stroger Hospital", "wounded")])
    assert "shared_people" not in score_pair(a, b)[1]
    assert not [k for k in block_keys(a) if k.startswith(("p:", "pw:"))]
    # a name is an institution by its head noun, the last word, not by a word anywhere in it
    park = [dataclasses.replace(m, people=(Person("Park Ji-sung", "wounded"),)) for m in (a, b)]
    assert score_pair(*park)[1]["shared_people"] == ["park ji sung"]


def test_a_town_placed_in_another_state_by_the_geocoder_still_meets_its_reports():
    kentucky = mention("wi-ky", "Two people were charged after a pregnant student was shot dead at the Summit "
                       "Apartments in Winchester on Tuesday night.", "2014-12-23", "Winchester KY", killed=1)
    virginia = mention("wi-va", "A third person was charged in the fatal shooting at the Summit Apartments complex in "
                       "Winchester on Tuesday.", "2014-12-23", "Winchester VA", killed=1)
    assert set(lookup_keys(virginia)) & set(block_keys(kentucky))      # through the rare name, not the state
    score, evidence = score_pair(kentucky, virginia)
    assert evidence["town_named_in_both"] and score >= DEFAULT_THRESHOLD
    # a town far away that neither report names in the other's text is still a place conflict
    elsewhere = dataclasses.replace(virginia, evidence=virginia.evidence.replace("Winchester", "Front Royal"),
                                    place=Place("Front Royal", "Virginia", None, "US", 38.92, -78.19, "town"))
    assert "town_named_in_both" not in score_pair(kentucky, elsewhere)[1]
    assert score_pair(kentucky, elsewhere)[0] < score


def test_one_town_name_read_in_two_countries_is_no_border():
    london = mention("ch-gb", "Police in Chelsea said a man was shot twice outside a bakery on Broadway on Friday.",
                     "2017-01-13", "Chelsea GB", killed=1)
    boston = mention("ch-us", "A man shot outside a Broadway bakery in Chelsea on Friday has died, police said.",
                     "2017-01-13", "Chelsea MA", killed=1)
    score, evidence = score_pair(london, boston)
    assert "cannot_link" not in evidence and score >= DEFAULT_THRESHOLD


def test_block_keys_meet_within_the_window_and_not_across_years():
    assert set(lookup_keys(RAID[0])) & set(block_keys(RAID[1]))
    assert not set(lookup_keys(RAID[0])) & set(block_keys(OLD_RAID))
    a_year = mention("y", "Fighting in Idlib killed hundreds that year.", "2019", "Idlib", precision="year")
    assert 0 < len(block_keys(a_year)) <= 4


def test_an_article_with_no_date_at_all_meets_the_dated_reports_of_its_area():
    undated = dataclasses.replace(RAID[1], id="undated", date=EventDate(), published=None)
    assert set(lookup_keys(undated)) & set(block_keys(RAID[0]))      # it finds the dated reports
    assert set(lookup_keys(RAID[0])) & set(block_keys(undated))      # and they find it
    assert not {k for k in lookup_keys(RAID[0]) if k.startswith("a:")}   # dated ones never scan their area


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 400), st.integers(0, 400))
def test_candidates_meet_from_both_sides_and_always_within_the_window(first, second):
    day = lambda offset: (dt.date(2016, 1, 1) + dt.timedelta(days=offset)).isoformat()  # noqa: E731
    a = dataclasses.replace(SHOOTING_1[0], id="m-a", date=EventDate(day(first), "day"), published=day(first))
    b = dataclasses.replace(SHOOTING_1[1], id="m-b", date=EventDate(day(second), "day"), published=day(second))
    assert meet(a, b) == meet(b, a)
    if abs(first - second) <= DEFAULT_WINDOW_DAYS:
        assert meet(a, b)
    if meet(a, b):   # what the index hands over is what `meet` accepts
        index = BlockIndex()
        index.add(a)
        assert index.neighbours(b) == {"m-a"}


def test_block_index_finds_only_neighbours():
    index = BlockIndex()
    for m in CORPUS:
        index.add(m)
    assert index.neighbours(RAID[0]) == {"raid-b", "raid-c"}
    assert "chi-2b" in index.neighbours(SHOOTING_1[0]) and "raid-a" not in index.neighbours(SHOOTING_1[0])


@settings(max_examples=25, deadline=None)
@given(st.permutations(CORPUS))
def test_clusters_and_ids_do_not_depend_on_input_order(order):
    assert cluster_mentions(order) == cluster_mentions(CORPUS)


def test_clustering_is_idempotent():
    first = cluster_mentions(CORPUS)
    by_id = {m.id: m for m in CORPUS}
    again = cluster_mentions([by_id[i] for c in first for i in c.mention_ids])
    assert again == first


def stream(order: list[Mention]) -> tuple[dict[str, Cluster], list[dict]]:
    """The store's incremental path in memory: block index -> links -> link component -> recluster."""
    index, graph = BlockIndex(), LinkGraph()
    seen: dict[str, Mention] = {}
    incident_of: dict[str, str] = {}
    clusters: dict[str, Cluster] = {}
    history: list[dict] = []
    articles: dict[str, list[Mention]] = {}
    for m in order:
        articles.setdefault(m.document_id, []).append(m)
    for article in articles.values():  # the pipeline places an article's mentions together
        for m in article:
            graph.add(m.id, links(m, [seen[i] for i in index.neighbours(m)] + article))
            index.add(m)
            seen[m.id] = m
        new = {m.id for m in article}
        around = graph.component(new) - new
        previous = [clusters.pop(i) for i in sorted({incident_of[x] for x in around})]
        result = recluster_neighbourhood(article, [seen[x] for x in around], previous)
        history += result.history
        for c in result.clusters:
            clusters[c.incident_id] = c
            incident_of.update((i, c.incident_id) for i in c.mention_ids)
    return clusters, history


@settings(max_examples=25, deadline=None)
@given(st.permutations(CORPUS))
def test_incremental_equals_batch(order):
    clusters, history = stream(order)
    assert sorted(clusters.values(), key=lambda c: c.incident_id) == cluster_mentions(CORPUS)
    assert {h["kind"] for h in history} <= {"new", "join", "merge", "split"}


def test_history_records_new_then_join():
    _, history = stream(RAID[:2])
    assert [h["kind"] for h in history] == ["new", "join"]
    assert history[1]["mentions"] == ["raid-b"]


# Two shootings on one Friday night on the South Side, no one named: the ages tell them apart.
SOUTH_SIDE_BOY = [
    mention("age-1", "A 15-year-old boy was shot to death Friday night in the Gresham neighborhood on the South Side. "
            "He was standing near an alley when a gunman walked up and opened fire, police said.", "2016-07-08",
            "Chicago", killed=1),
    mention("age-2", "Police said a 15-year-old was killed by gunfire in an alley in Gresham late Friday; no one is in "
            "custody.", "2016-07-08", "Chicago", killed=1),
]
SOUTH_SIDE_GIRL = mention("age-3", "A 14-year-old girl sitting on a porch on the South Side was critically wounded by "
                          "a stray bullet late Friday night, police said.", "2016-07-08", "Chicago")


def test_two_unnamed_shootings_of_one_night_and_city_stay_apart_by_the_ages_they_give():
    score, evidence = score_pair(SOUTH_SIDE_BOY[0], SOUTH_SIDE_GIRL)
    assert evidence["different_ages"] == [[15], [14]] and score < DEFAULT_THRESHOLD
    assert "different_ages" not in score_pair(*SOUTH_SIDE_BOY)[1]
    assert partition(cluster_mentions([*SOUTH_SIDE_BOY, SOUTH_SIDE_GIRL])) == {
        frozenset({"age-1", "age-2"}), frozenset({"age-3"})}
    # the ages are what keeps them apart: the words alone read as one shooting
    without_ages = DEFAULT_WEIGHTS.replace(ages_conflict=0)
    assert len(cluster_mentions([*SOUTH_SIDE_BOY, SOUTH_SIDE_GIRL], weights=without_ages)) == 1


def test_ages_are_read_in_the_ways_reports_give_them():
    ages = {text: features(mention("a", text, "2016-07-08", "Chicago")).text.ages for text in [
        "Darnell Hayes, 19, died at the scene.", "Police named the victim as Jalen Whitfield, 16; his cousin was hurt.",
        "The victim, a 34-year-old woman, was hit in the leg.", "A man aged 52 was arrested.",
        "The 7 year old boy is expected to survive.", "On Tuesday, 12 people were shot across the city."]}
    assert list(ages.values()) == [{19}, {16}, {34}, {52}, {7}, set()]


def test_shootings_on_the_blocks_of_two_streets_are_two_incidents():
    augusta = mention("st-1", "Two men were wounded in a shooting in the 3300 block of West Augusta Boulevard on "
                      "Saturday evening, police said.", "2016-06-18", "Chicago")
    augusta_again = mention("st-2", "Gunfire in the 3300 block of W. Augusta wounded two men Saturday evening, police "
                            "said.", "2016-06-18", "Chicago")
    wabash = mention("st-3", "Police said a man and his nephew were hit by gunfire as they stood outside a store in "
                     "the 5100 block of South Wabash Avenue on Saturday evening; both are in good condition.",
                     "2016-06-18", "Chicago")
    assert score_pair(augusta, wabash)[1]["different_streets"] == [["augusta"], ["wabash"]]
    assert "different_streets" not in score_pair(augusta, augusta_again)[1]
    assert partition(cluster_mentions([augusta, augusta_again, wabash])) == {
        frozenset({"st-1", "st-2"}), frozenset({"st-3"})}
    without_streets = DEFAULT_WEIGHTS.replace(streets_conflict=0)
    assert len(cluster_mentions([augusta, augusta_again, wabash], weights=without_streets)) == 1


# A tavern shooting whose victim the extraction did not read as a person, and the plea seven weeks later.
TAVERN = mention("tv-1", "Gunfire at the Tallow Creek Tavern early Saturday killed Desmond Pryor, Rocky Mount police "
                 "said.", "2016-03-19", "Rocky Mount", killed=1)
PLEA = mention("tv-2", "Two men pleaded guilty on Monday in the Tallow Creek Tavern shooting that killed Desmond Pryor "
               "in March.", "2016-05-09", "Rocky Mount")
SPOKESMAN = mention("tv-3", "Lieutenant Harlan Voss said a man was wounded outside a Rocky Mount tavern early "
                    "Saturday.", "2016-05-07", "Rocky Mount")


def test_a_follow_up_weeks_later_that_names_no_principal_joins_through_the_rare_names_of_its_text():
    assert set(lookup_keys(PLEA)) & set(block_keys(TAVERN))
    score, evidence = score_pair(TAVERN, PLEA)
    assert set(evidence["named_across_days"]) >= {"desmond", "pryor", "tallow"} and score >= DEFAULT_THRESHOLD
    assert partition(cluster_mentions([TAVERN, PLEA])) == {frozenset({"tv-1", "tv-2"})}


def test_an_official_named_in_two_reports_weeks_apart_is_not_enough():
    earlier = dataclasses.replace(TAVERN, evidence=TAVERN.evidence + " Lieutenant Harlan Voss asked witnesses to call.")
    assert score_pair(earlier, SPOKESMAN)[1]["cannot_link"] == "dates incompatible"


def test_the_town_is_never_a_yearly_name_key():
    raid = RAID[1]
    assert "atmeh" in features(raid).text.rare_names and "atmeh" not in features(raid).long_names
    assert not [k for k in block_keys(raid) if k.startswith("ny:atmeh")]


def _in(language: str, m: Mention, *claims: Claim) -> Mention:
    return dataclasses.replace(m, language=language, claims=claims or m.claims)


def test_a_report_in_another_language_joins_through_the_toll_it_shares():
    # French wording shares nothing with the English reports: same day, same town and the same toll of 13
    french = _in("fr", mention("raid-fr", "Au moins 13 personnes, dont six enfants, ont été tuées lors d'un raid "
                               "américain à Atmeh, selon les Casques blancs.", "2022-02-03", "Atmeh"),
                 Claim("killed", "total", 13, "at_least"), Claim("killed", "children", 6))
    english = [dataclasses.replace(m, claims=(Claim("killed", "total", 13),)) for m in RAID]
    assert partition(cluster_mentions([*english, french])) == {frozenset(m.id for m in [*english, french])}
    score, evidence = score_pair(english[0], french)
    assert score >= DEFAULT_THRESHOLD and evidence["tolls_across_languages"] == [("killed", 13)]


def test_a_report_in_another_language_with_another_toll_stays_apart():
    french = _in("fr", mention("strike-fr", "Une frappe aérienne a tué 7 civils à Atmeh, selon l'OSDH.",
                               "2022-02-03", "Atmeh"), Claim("killed", "civilians", 7))
    english = [dataclasses.replace(m, claims=(Claim("killed", "total", 13),)) for m in RAID]
    assert partition(cluster_mentions([*english, french])) == {frozenset(m.id for m in english), frozenset({"strike-fr"})}


def test_agreeing_on_one_victim_says_less_than_agreeing_on_a_larger_toll():
    """Most shootings have one victim: two reports of a city's week that both say so are barely alike for it."""
    def pair(first: int, second: int) -> float:
        return score_pair(
            mention("lv-1", "A man was shot dead outside a corner store on the West Side on Friday night, police said.",
                    "2016-06-17", "Chicago", killed=first),
            mention("lv-2", "Police are looking for the gunman who opened fire near a bus stop on Saturday.",
                    "2016-06-18", "Chicago", killed=second))[0]
    one, four, apart = pair(1, 1), pair(4, 4), pair(1, 2)
    assert one < four and four - one > DEFAULT_WEIGHTS.claims / 2
    assert apart < one      # figures that disagree still count against, whatever their size
