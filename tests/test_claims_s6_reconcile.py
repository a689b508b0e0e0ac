"""The fatalities rule's best estimate: the dead a report names, the figure most reports give, and a later
smaller figure that is a follow-up on some of the dead rather than a new toll. Hand-built mentions."""
from __future__ import annotations

import random

from sitrep.reconcile import reconcile
from sitrep.records import Claim, DocumentRef, Fatalities, Mention


def claim(value, document, group="total", source=None, source_type="unattributed", subset=None, quote=""):
    return Claim(figure="killed", group=group, value=value, source=source, source_type=source_type,
                 document=document, quote=quote or f"{value} killed.", start=0, end=10, subset=subset)


def mention(doc, claims, published="2020-05-01"):
    return Mention(id=f"{doc}#0", document_id=f"id-{doc}", document=doc, role="primary", claims=tuple(claims),
                   published=published, outlet=f"outlet of {doc}")


def reconcile_all(mentions):
    documents = {m.document_id: DocumentRef(document=m.document, role="primary", outlet=m.outlet,
                                            published=m.published) for m in mentions}
    return reconcile("inc-1", mentions, documents)


def test_the_dead_a_report_names_are_its_toll_when_it_counts_fewer():
    """ "Ann Roe and Tim Brown were shot dead" and "the death of his young son": two dead, not one."""
    inc = reconcile_all([mention("a", [claim(2, "a", subset="named", quote="Ann Roe and Tim Brown were shot dead."),
                                       claim(1, "a", quote="the brutal death of his young son")])])
    assert inc.fatalities.best == 2
    assert inc.fatalities.low == 1   # named dead never set the range beside a total


def test_named_dead_alone_give_the_figures():
    inc = reconcile_all([mention("a", [claim(1, "a", subset="named", quote="Jane Doe, 53, died on the way.")])])
    assert inc.fatalities == Fatalities(1, 1, 1)


def test_a_later_follow_up_on_one_victim_does_not_replace_the_toll():
    inc = reconcile_all([
        mention("day1", [claim(3, "day1", source="police", source_type="government")], published="2020-05-01"),
        mention("day9", [claim(1, "day9", source="police", source_type="government",
                               quote="Police said one of the victims was a teacher.")], published="2020-05-09"),
    ])
    assert inc.fatalities.best == 3 and inc.fatalities.low == 1


def test_the_figure_most_reports_give_wins_among_equal_sources():
    inc = reconcile_all([
        mention("a", [claim(4, "a")], published="2020-05-01"),
        mention("b", [claim(4, "b")], published="2020-05-01"),
        mention("c", [claim(5, "c")], published="2020-05-01"),   # the same day: not a later, higher toll
    ])
    assert inc.fatalities == Fatalities(4, 4, 5)


def test_a_more_independent_source_still_outranks_numbers_of_reports():
    inc = reconcile_all([
        mention("a", [claim(4, "a")]), mention("b", [claim(4, "b")]),
        mention("c", [claim(6, "c", source="the health ministry", source_type="medical")]),
    ])
    assert inc.fatalities.best == 6


def test_best_does_not_depend_on_the_order_of_mentions():
    mentions = [mention("a", [claim(2, "a", subset="named"), claim(1, "a")], published="2020-05-03"),
                mention("b", [claim(3, "b")], published="2020-05-01"),
                mention("c", [claim(2, "c")], published="2020-05-02")]
    first = reconcile_all(mentions).fatalities
    for seed in range(5):
        random.Random(seed).shuffle(mentions)
        assert reconcile_all(mentions).fatalities == first


def wounded(value, document):
    return Claim(figure="wounded", group="total", value=value, document=document, quote=f"{value} wounded.",
                 start=0, end=10)


def test_deaths_told_only_in_passing_do_not_outweigh_reports_of_the_wounded():
    """The stories about a shooting count five wounded; another story recalls it beside a killing."""
    recall = Mention(id="roundup#1", document_id="id-roundup", document="roundup", role="mention",
                     claims=(claim(1, "roundup", quote="A man was shot dead nearby last week."),),
                     published="2020-05-03", outlet="outlet of roundup")
    inc = reconcile_all([mention("a", [wounded(5, "a")]), mention("b", [wounded(5, "b")]), recall])
    assert (inc.fatalities.low, inc.fatalities.best) == (0, 0) and inc.fatalities.high == 1


def test_named_dead_do_not_stand_beside_a_sum_over_groups():
    """ "Two deputies killed" (a group) and "Deputy John Doe, 47, was killed" (named): two dead."""
    inc = reconcile_all([mention("a", [claim(2, "a", group="security_forces"),
                                       claim(1, "a", subset="named", source="the sheriff", source_type="government",
                                             quote="The sheriff said Deputy John Doe, 47, was killed.")])])
    assert inc.fatalities.best == 2
