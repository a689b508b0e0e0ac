"""Follow-up reports (the arrest, the plea, the funeral) and the dates reports give: they join the incident they
follow up, and order still never matters."""
from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from test_cluster import RAID, SHOOTING_1, SHOOTING_2, mention, stream

from sitrep.cluster import DEFAULT_THRESHOLD, cluster_mentions, links, score_pair
from sitrep.cluster.features import features, named_days
from sitrep.extract.dates import PUBLICATION_DATE
from sitrep.records import EventDate


def of_article(article: str, *mentions):
    """The mentions of one article (a primary and its background mentions share the article's id)."""
    return [dataclasses.replace(m, document_id=article, document=article) for m in mentions]


def together(clusters, *ids: str) -> bool:
    return any(set(ids) <= set(c.mention_ids) for c in clusters)


# A shooting at a cookout in Rocky Mount, told by two outlets on the day.
COOKOUT = [
    mention("cook-a", "Two men were shot dead and a woman wounded when gunmen opened fire on a backyard cookout on "
            "Edwards Street in Rocky Mount on Saturday night, police said.", "2016-05-14", "Rocky Mount", killed=2),
    mention("cook-b", "Gunfire tore through a backyard cookout on Edwards Street late Saturday, killing two men and "
            "wounding a woman; Rocky Mount police have made no arrests.", "2016-05-14", "Rocky Mount", killed=2),
]
# Six weeks later an article about the arrest: its own event (the arrest) is dated by its own day, the cookout
# shooting it recounts is its background mention.
ARREST = of_article(
    "arrest-article",
    mention("arrest-main", "Officers arrested Tavion Markham at a motel on Thursday and charged him with two counts "
            "of first-degree murder, the police chief announced.", "2016-06-23", "Rocky Mount",
            people=[("Tavion Markham", "arrested")]),
    mention("arrest-bg", "The charges stem from the Saturday night shooting at a backyard cookout on Edwards Street "
            "in which two men were killed and a woman was wounded.", "2016-05-14", "Rocky Mount",
            role="mention", killed=2),
)
# A second outlet reporting the same arrest: the arrest is then an event of its own, told by two reports.
ARREST_TOLD_TWICE = mention("arrest-other", "Tavion Markham was arrested at a motel and charged with two counts of "
                            "first-degree murder on Thursday, the police chief said.", "2016-06-23", "Rocky Mount",
                            people=[("Tavion Markham", "arrested")])


def test_a_lone_follow_up_joins_the_incident_its_background_mention_joined():
    clusters = cluster_mentions([*COOKOUT, *ARREST])
    assert together(clusters, "cook-a", "cook-b", "arrest-main", "arrest-bg")
    # without its background mention the arrest, six weeks later and naming no one the first reports name,
    # cannot be told to be part of the cookout shooting
    alone = cluster_mentions([*COOKOUT, ARREST[0]])
    assert not together(alone, "cook-a", "arrest-main")


def test_an_event_two_reports_tell_does_not_follow_a_background_mention():
    clusters = cluster_mentions([*COOKOUT, *ARREST, ARREST_TOLD_TWICE])
    assert together(clusters, "arrest-main", "arrest-other")
    assert together(clusters, "cook-a", "cook-b", "arrest-bg")
    assert not together(clusters, "cook-a", "arrest-main")


def test_the_mentions_of_one_article_always_link():
    main, background = ARREST
    assert main.id in links(background, [main]) and background.id in links(main, [background])
    assert main.id not in links(dataclasses.replace(background, document_id="another-article"), [main])


FOLLOW_UP_CORPUS = [*COOKOUT, *ARREST, ARREST_TOLD_TWICE, *RAID, *SHOOTING_1, *SHOOTING_2]


@settings(max_examples=25, deadline=None)
@given(st.permutations(FOLLOW_UP_CORPUS[:4] + FOLLOW_UP_CORPUS[5:8]))
def test_follow_ups_cluster_the_same_in_any_order_and_incrementally(order):
    batch = cluster_mentions(order)
    assert batch == cluster_mentions(FOLLOW_UP_CORPUS[:4] + FOLLOW_UP_CORPUS[5:8])
    clusters, _ = stream(order)
    assert sorted(clusters.values(), key=lambda c: c.incident_id) == batch


@settings(max_examples=15, deadline=None)
@given(st.permutations(FOLLOW_UP_CORPUS))
def test_follow_ups_and_their_second_reports_stream_like_the_batch(order):
    clusters, _ = stream(order)
    assert sorted(clusters.values(), key=lambda c: c.incident_id) == cluster_mentions(FOLLOW_UP_CORPUS)


def day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def test_days_named_in_a_report_are_read_against_its_publication():
    assert named_days("Lamont Powell, 24, was badly wounded in the March 9 shooting.", "2016-03-26", None) == \
        {day("2016-03-09")}
    assert named_days("Police said the gunfire broke out on Nov. 22 inside the park.", "2015-12-10", None) == \
        {day("2015-11-22")}
    # a day later in the year than the publication is last year's
    assert named_days("Mourners recalled the Dec. 30 party where he was shot.", "2017-01-05", None) == \
        {day("2016-12-30")}
    assert named_days("The shooting on Sept. 21, 2015, left two dead.", "2016-08-01", None) == {day("2015-09-21")}
    assert named_days("He was killed on 4 January in Leeds.", "2016-02-01", None) == {day("2016-01-04")}
    assert named_days("A man was shot on Tuesday; the hearing is at 9:30.", "2016-02-01", None) == frozenset()
    assert named_days("It happened March 9.", None, None) == frozenset()


def test_a_follow_up_that_names_the_day_of_the_shooting_agrees_on_the_date():
    first = mention("w-1", "Five people were killed when two gunmen ambushed a backyard party in Wilkinsburg on "
                    "Wednesday night.", "2016-03-09", "Chicago", killed=5)
    follow_up = mention("w-2", "A man wounded in the March 9 backyard party ambush in Wilkinsburg was arrested "
                        "after his release from hospital.", "2016-03-24", "Chicago")
    follow_up = dataclasses.replace(follow_up, published="2016-03-26")
    score, evidence = score_pair(first, follow_up)
    assert evidence["named_day"] == "2016-03-09" and evidence["days_apart"] == 0
    unnamed = dataclasses.replace(follow_up, evidence=follow_up.evidence.replace("March 9 ", ""))
    assert "cannot_link" in score_pair(first, unnamed)[1]


def test_a_report_dated_by_its_publication_agrees_with_the_day_before():
    first = mention("p-1", "A 17-year-old was shot in the leg outside a corner store on Tuesday night.",
                    "2016-06-14", "Chicago")
    text = "Police said a 17-year-old boy was shot in the leg outside a corner store; he is expected to survive."
    by_publication = dataclasses.replace(mention("p-2", text, "2016-06-15", "Chicago"),
                                         date=EventDate("2016-06-15", "day", "2016-06-15", "2016-06-15",
                                                        PUBLICATION_DATE))
    told_day = dataclasses.replace(by_publication, date=EventDate("2016-06-15", "day", "2016-06-15", "2016-06-15",
                                                                  "Wednesday"))
    assert features(by_publication).lag == 1 and features(told_day).lag == 0
    dated, evidence = score_pair(first, by_publication)
    assert evidence["dated_by_publication"] and evidence["date"] == 0.75
    assert score_pair(first, told_day)[1]["date"] == 0.5
    assert dated > score_pair(first, told_day)[0]


def test_a_victim_one_report_names_in_passing_is_no_conflict_of_victims():
    first = mention("v-1", "Marvin Verner shot his former wife and their daughter before turning the gun on "
                    "himself at a home on Cool Springs Drive, police said.", "2017-02-11", "Chicago",
                    people=[("Marvin Verner", "killed")])
    second = mention("v-2", "Angela Hall was pronounced dead at the scene; police said Verner then shot himself on "
                     "Cool Springs Drive.", "2017-02-11", "Chicago", people=[("Angela Hall", "killed")])
    _, evidence = score_pair(first, second)
    assert "different_victims" not in evidence
    assert evidence["principal_named_in_other"] == ["verner"]
    other = dataclasses.replace(second, evidence=second.evidence.replace("Verner", "the gunman"))
    assert "different_victims" in score_pair(first, other)[1]


# A shooting in a tavern told by four reports, only one of which names the two men killed.
TAVERN_DEAD = [("Desmond Pryor", "killed"), ("Luis Ortega", "killed")]
TAVERN = [
    mention("tav-1", "Desmond Pryor and Luis Ortega were killed and a bartender wounded when a gunman opened fire at "
            "the Tallow Creek Tavern on Elston Avenue early Sunday, police said.", "2016-08-07", "Chicago", killed=2,
            people=TAVERN_DEAD),
    mention("tav-2", "Two men died and a bartender was hurt when a man opened fire inside a tavern on Elston Avenue "
            "early Sunday, police said.", "2016-08-07", "Chicago", killed=2),
    mention("tav-3", "The bartender wounded in the shooting at a tavern on Elston Avenue is in stable condition, "
            "police said Sunday; two men were killed.", "2016-08-07", "Chicago", killed=2),
    mention("tav-4", "Police are looking for a gunman who killed two men and wounded a bartender in a tavern on "
            "Elston Avenue early Sunday.", "2016-08-07", "Chicago", killed=2),
]


def test_a_report_that_agrees_clearly_with_one_report_of_a_big_incident_joins_it():
    vigil = mention("tav-vigil", "Hundreds remembered Desmond Pryor and Luis Ortega, cousins who had stopped at the "
                    "Tallow Creek Tavern for a drink after work, at a vigil on Tuesday night.", "2016-08-09",
                    "Chicago", people=TAVERN_DEAD)
    scores = sorted(score_pair(vigil, m)[0] for m in TAVERN)
    assert sum(scores) / len(scores) < DEFAULT_THRESHOLD <= scores[-1]   # the average alone would keep it out
    assert together(cluster_mentions([*TAVERN, vigil]), "tav-1", "tav-2", "tav-3", "tav-4", "tav-vigil")


def test_a_report_that_agrees_clearly_with_no_report_of_a_big_incident_stays_apart():
    other = mention("tav-other", "A man was shot in the arm outside a tavern on Milwaukee Avenue on Tuesday night, "
                    "police said.", "2016-08-09", "Chicago")
    scores = [score_pair(other, m)[0] for m in TAVERN]
    # near enough on average for the big-incident rule, but it agrees clearly with none of the four
    assert sum(scores) / len(scores) >= 0.6 * DEFAULT_THRESHOLD and max(scores) < DEFAULT_THRESHOLD
    assert not together(cluster_mentions([*TAVERN, other]), "tav-1", "tav-other")


# Three years on, a lone report of a new raid in the same town recalls the old one in passing.
NEW_RAID = of_article(
    "new-raid-article",
    mention("new-raid-main", "Turkish drones struck a car outside Atmeh on Monday, killing two men the monitor "
            "described as fighters of a local faction.", "2025-03-10", "Atmeh", killed=2),
    mention("new-raid-bg", "The town was the scene of the night raid in which US special forces killed Abu Khalid "
            "al-Masri and two of his guards.", "2022-02-03", "Atmeh", role="mention", killed=3,
            people=[("Abu Khalid al-Masri", "killed")]),
)


def test_a_lone_report_years_after_the_event_it_recalls_does_not_follow_it_up():
    clusters = cluster_mentions([*RAID, *NEW_RAID])
    assert together(clusters, "raid-a", "raid-b", "raid-c", "new-raid-bg")
    assert not together(clusters, "raid-a", "new-raid-main")
    # nor are the two linked at all, so the old raid's link component does not grow with every later recall
    main, background = NEW_RAID
    assert main.id not in links(background, [main])
