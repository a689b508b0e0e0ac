"""What, when, where and who of one incident: a vote or the most precise value most reports agree with."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from rapidfuzz.distance import Levenshtein

from sitrep.cluster import date_bounds
from sitrep.extract.dates import ANCHOR_RE, PUBLICATION_DATE
from sitrep.extract.gazetteer import normalize_name
from sitrep.extract.places import km
from sitrep.records import Actor, EventDate, Mention, Person, Place

DATE_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}
PLACE_RANK = {"point": 6, "town": 5, "admin2": 4, "admin1": 3, "region": 2, "country": 1, "unknown": 0}
ACTOR_ROLES = ("perpetrator", "target", "victim", "partner", "other")
PERSON_ROLES = ("killed", "wounded", "arrested", "other")
SAME_TOWN_KM = 25.0
RESPELT_LENGTH = 5    # letters of a name word a one-letter difference may respell


def vote(votes, generic: frozenset[str] = frozenset()) -> str | None:
    """Majority over independent documents: primary votes first, then background ones, then specific over
    generic values, then alphabetical."""
    tally: dict[str, list[int]] = {}
    for _, primary, value in votes:
        if value:
            tally.setdefault(value, [0, 0])[0 if primary else 1] += 1
    if not tally:
        return None
    return max(sorted(tally), key=lambda v: (tally[v][0], tally[v][1], v not in generic))


def incident_date(mentions: list[Mention], root) -> EventDate:
    """The most precise date consistent with at least half the others (primary mentions first), then one a text
    states over a report's publication day taken for want of one, then a day named outright over one told
    relative to another happening, then the one most reports give, then the narrowest, then the one more
    passages echo in passing, then the one nearest the other named days (the middle of three reports that each
    say another day), then the earliest."""
    dated = [m for m in mentions if m.date.value]
    pool = [m for m in dated if m.role == "primary"] or dated
    reported = sorted({(root(m.document_id), m.date) for m in pool}, key=lambda c: (c[1].value, repr(c)))
    dates = [(d, date_bounds(d)) for _, d in reported if None not in date_bounds(d)]
    if not dates:
        return EventDate()
    same = Counter(d.value for d, _ in dates)
    named = [bounds for d, bounds in dates if _named_outright(d)]
    # passages that tell of the incident in passing (in a follow-up, a round-up, or further down a report whose
    # lead gave an older day) echo the day they know of
    echo = Counter(value for _, value in {(root(m.document_id), m.date.value) for m in dated
                                          if m.role != "primary" and m.date.text != PUBLICATION_DATE})

    def distance_to_named(c) -> int:
        return sum(abs(sum(c[1]) - sum(other)) for other in named)

    chosen, (first, last) = dates[_consistent_best(
        dates, lambda a, b: a[1][0] <= b[1][1] and b[1][0] <= a[1][1],
        # then the narrowest: "early Saturday" says which day of "last night" (Friday into Saturday) it was
        lambda c: (DATE_RANK[c[0].precision], c[0].text != PUBLICATION_DATE,
                   _named_outright(c[0]), same[c[0].value], c[1][0] - c[1][1],
                   echo[c[0].value], -distance_to_named(c)))]
    return replace(chosen, earliest=date.fromordinal(first).isoformat(), latest=date.fromordinal(last).isoformat())


def _named_outright(when: EventDate) -> bool:
    """A day the text names itself: not a publication day taken for want of one, nor a day told relative to
    another happening ("the day before", "two weeks after"), which is only as good as the reader's guess of
    which happening it is."""
    return when.text != PUBLICATION_DATE and not ANCHOR_RE.search(when.text or "")


def incident_place(mentions: list[Mention], root) -> Place:
    """The most precise place that agrees with at least half the others (primary mentions first)."""
    located = [m for m in mentions if m.place.name or m.place.country or m.place.lat is not None]
    pool = [m for m in located if m.role == "primary"] or located
    places = [p for _, p in sorted({(root(m.document_id), m.place) for m in pool}, key=lambda c: (repr(c[1]), c[0]))]
    if not places:
        return Place()
    same = Counter(_place_key(p) for p in places)
    return places[_consistent_best(places, _compatible, lambda p: (PLACE_RANK[p.precision], same[_place_key(p)]))]


def _consistent_best(items: list, agree, rank) -> int:
    """Index of the best-ranked item among those that agree with at least half the others (all, if none
    does); ties go to the item that agrees with more, then to the first."""
    support = [sum(1 for j, other in enumerate(items) if j != i and agree(item, other)) for i, item in enumerate(items)]
    consistent = [i for i in range(len(items)) if 2 * support[i] >= len(items) - 1] or range(len(items))
    return max(consistent, key=lambda i: (*rank(items[i]), support[i]))


def _place_key(p: Place) -> str:
    return p.gazetteer_id or normalize_name(p.name or "")


def _compatible(a: Place, b: Place) -> bool:
    if a.country and b.country and a.country.upper() != b.country.upper():
        return False
    if a.admin1 and b.admin1 and normalize_name(a.admin1) != normalize_name(b.admin1):
        return False
    if PLACE_RANK[a.precision] >= PLACE_RANK["town"] and PLACE_RANK[b.precision] >= PLACE_RANK["town"]:
        if _place_key(a) and _place_key(a) == _place_key(b):
            return True
        if None not in (a.lat, a.lon, b.lat, b.lon):
            return km(a.lat, a.lon, b.lat, b.lon) <= SAME_TOWN_KM
        return False
    return True


def _same_name(a: str, b: str) -> bool:
    """Two name keys name one entity when one's words are all in the other ("al qurayshi")."""
    wa, wb = set(a.split()) - {"al", "el"}, set(b.split()) - {"al", "el"}
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _respelt(a: str, b: str) -> bool:
    """One name spelt two ways by two reports ("Tanisha Graham", "Tanishia Graham"): the same words but one, and
    that one a letter apart (one edit) and long enough (RESPELT_LENGTH) that a letter does not make another name
    ("Jon"/"Jan")."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    return len(differ) == 1 and min(map(len, differ[0])) >= RESPELT_LENGTH and Levenshtein.distance(*differ[0]) == 1


def actors(mentions: list[Mention]) -> tuple[Actor, ...]:
    """One actor per canonical name; its role by vote (primary mentions first), ties to the first role."""
    spellings: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        for a in m.actors:
            k = normalize_name(a.name.replace(".", ""))   # "U.S." and "US" are one actor
            spellings[k][a.name] += 1
            roles[k][a.role] += 3 if m.role == "primary" else 1
            kinds[k].update([a.kind] if a.kind else [])
    out = []
    for k in sorted(spellings):
        specific = {r: n for r, n in roles[k].items() if r != "other"} or roles[k]
        role = max(ACTOR_ROLES, key=lambda r: (specific.get(r, 0), -ACTOR_ROLES.index(r)))
        name = max(sorted(spellings[k]), key=lambda s: spellings[k][s])
        out.append(Actor(name=name, role=role, kind=min(kinds[k]) if kinds[k] else None))
    return tuple(sorted(out, key=lambda a: (ACTOR_ROLES.index(a.role), a.name)))


def people(mentions: list[Mention]) -> tuple[Person, ...]:
    """People deduplicated: a name whose words are all in a longer name is that person, and so is one spelt a
    letter apart (`_respelt`); killed wins over wounded over arrested over other (a later report that someone died
    of wounds). A person keeps the spelling most reports give."""
    spellings = Counter(p.name for m in mentions for p in m.people)
    names = sorted(spellings, key=lambda n: (-len(normalize_name(n).split()), -spellings[n], n))
    canonical: dict[str, str] = {}
    for n in names:
        canonical[n] = next((c for c in dict.fromkeys(canonical.values())
                             if _same_name(normalize_name(n), normalize_name(c))
                             or _respelt(normalize_name(n), normalize_name(c))), n)
    role: dict[str, str] = {}
    for m in mentions:
        for p in m.people:
            c = canonical[p.name]
            if c not in role or PERSON_ROLES.index(p.role) < PERSON_ROLES.index(role[c]):
                role[c] = p.role
    return tuple(Person(name=n, role=role[n]) for n in sorted(role))


def perpetrator_dispute(mentions: list[Mention], root) -> list[str]:
    """Independent documents naming perpetrators with nothing in common."""
    named: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        named[root(m.document_id)].update(normalize_name(a.name) for a in m.actors if a.role == "perpetrator")
    sets = [keys for _, keys in sorted(named.items()) if keys]
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            if not any(_same_name(x, y) for x in a for y in b):
                return [f"perpetrator: {', '.join(sorted(a))} vs {', '.join(sorted(b))}"]
    return []
