"""What a local story's setting says about its names once they are resolved: the neighbourhoods of the
city it is set in ("the Austin neighborhood" in a Chicago story, "CHICAGO — a shooting in Austin"),
and the small namesakes far from it that are streets, people or neighbourhoods, not towns."""
from __future__ import annotations

import re
from collections import Counter

from sitrep.extract.gazetteer import Candidate, km, normalize_name
from sitrep.extract.place_words import GENERIC_WORDS
from sitrep.extract.toponyms import Toponym, is_dateline

NEAR_KM = 40   # places this near each other are one story's neighbours


DISTRICT_KM = 25
DISTRICT_CITY = 50_000   # a town the text does not tie a district to must be a city to have districts


def place_districts(group: list[Toponym], towns: Counter, home: tuple[Candidate, ...] = ()) -> None:
    """"The Austin neighborhood" in a Chicago story is no town of that name far away: a district lies in
    the town the text puts it in ("Orlando's Malibu Groves", "the Juniata section of Philadelphia") or
    else the city the story names most, or else, in a story that names no city, the local outlet's own
    city ("the St. Roch neighborhood" on a New Orleans station: the city is the reader's own); a reading
    farther than DISTRICT_KM from it gives way to that town's point (the fallback), for every occurrence
    of the name. Without a town, only a city stays."""
    hosts = [q.chosen for t in group for q in t.qualifiers if q.chosen and q.chosen.precision == "town"]
    own = [h for h in home if h.precision == "town" and h.population >= DISTRICT_CITY]
    # the story's cities, those in a local outlet's region: a far namesake's reading is no host
    cities = Counter({c: n for c, n in towns.items() if c.population >= DISTRICT_CITY and (
        not own or any(km(c.lat, c.lon, h.lat, h.lon) <= HOME_KM for h in own))})
    host = hosts[0] if hosts else max(cities, key=cities.get) if cities else own[0] if own else None
    if host is not None and not hosts and any(t.chosen and t.chosen.precision == "town"
                                              and t.chosen.population >= 2 * host.population for t in group):
        return   # "5 shot in Miami neighborhood" on a West Palm Beach station: a city, not one of its own town's parts
    for t in group:
        t.host = host
        if t.chosen and (km(t.chosen.lat, t.chosen.lon, host.lat, host.lon) > DISTRICT_KM if host
                         else t.chosen.population < STRAY_POPULATION):
            t.chosen = None


def dateline_districts(text: str, toponyms: list[Toponym], home: tuple[Candidate, ...]) -> None:
    """A city's own story names its neighbourhoods in the lead: "CHICAGO — A shooting in Austin" is no
    Texas story (a wire names another state's town with its state: "in Austin, Texas"). A town far off
    (HOME_KM) in another state of the dateline's country, named without its state in the dateline's
    sentence, is a part of the dateline's city, or a namesake near it; so is a dateline far from a
    local outlet's home city ("AUSTIN —" in a Chicago paper)."""
    def far(c: Candidate, city: Candidate) -> bool:
        return c.country == city.country and c.admin1_code != city.admin1_code and km(c.lat, c.lon, city.lat,
                                                                                     city.lon) > HOME_KM
    cities = [h for h in home if h.precision == "town" and h.population >= DISTRICT_CITY]
    for d in toponyms:
        if not (d.chosen and d.chosen.precision == "town" and is_dateline(text, d.start, d.end)) or d.state:
            continue
        # a wire's dateline ("MILWAUKEE (AP) -") or a city news style names alone ("HOUSTON -") is that city
        # wherever the outlet is
        if cities and all(far(d.chosen, city) for city in cities) and d.chosen.name not in AP_STANDALONE \
                and not WIRE.match(text, d.end):
            _make_district(toponyms, d, cities[0])
            continue
        end = text.find(". ", d.end, d.end + 400)
        for t in toponyms:
            if d.end < t.start < (end if end > 0 else d.end + 400) and t.chosen and t.chosen.precision == "town" \
                    and not (t.state or t.qualifiers or t.demonym) and far(t.chosen, d.chosen):
                _make_district(toponyms, t, d.chosen)


def _make_district(toponyms: list[Toponym], t: Toponym, city: Candidate) -> None:
    """Every occurrence of `t`'s name: its namesake near `city`, or else a district of `city`."""
    near = [c for c in t.candidates if c.precision == "town" and km(c.lat, c.lon, city.lat, city.lon) < NEAR_KM]
    key = normalize_name(t.name)
    for o in toponyms:
        if normalize_name(o.name) == key and not o.state and not o.demonym:
            o.chosen = near[0] if near else None
            o.district, o.host = not near, None if near else city


STRAY_POPULATION = 100_000
WIRE = re.compile(r"(?:,[\w. ]{2,30})?\s*\((?:AP|Reuters|UPI|AFP)\)")


HOME_KM = 400   # a local outlet's stories lie within this of its town or state (its region and neighbours)
STATE_HOME_KM = 150   # without a city of its own, a local outlet's stories lie this near its town or state
OWN_COUNTY_KM = 20    # a county whose point is farther than this from a city is not the city's own
BIG_CITY = 500_000    # a city this big, and bigger than the outlet's own, is named for itself ("Austin", Detroit)


def drop_strays(toponyms: list[Toponym], home: tuple[Candidate, ...] = ()) -> None:
    """A story whose places sit in one province names its neighbourhoods, streets and people too, and
    the gazetteer has small towns of those names elsewhere ("Homewood" is Alabama's, the story is about
    Pittsburgh). A small town alone in its province, in a country whose places the story puts in another
    province at least twice (or in a country the story names nothing else in), with no reading in those
    provinces and no hierarchy stated, is no place; so is a small town far from the outlet's `home` city."""
    support: dict[tuple, set] = {}
    vouching: dict[tuple, set] = {}   # the support of readings that are not themselves doubtful (far_bare)
    for t in toponyms:
        c = t.chosen
        if c is not None and not t.demonym and c.precision in ("town", "admin2", "admin1") and c.admin1_code:
            support.setdefault((c.country, c.admin1_code), set()).add(normalize_name(t.name))
            if not far_bare(t, home):
                vouching.setdefault((c.country, c.admin1_code), set()).add(normalize_name(t.name))
    for t in toponyms:
        c = t.chosen
        if c is None or c.precision != "town" or c.population >= STRAY_POPULATION * 2 or t.state or t.level \
                or any(q.chosen for q in t.qualifiers) or t.demonym:
            continue
        key = normalize_name(t.name)
        if c.population >= STRAY_POPULATION and any(c.country == a[0] for a in support if support[a] - {key}):
            continue   # a city of its own country's story is named for itself
        province = (c.country, c.admin1_code)
        if _vouch(support.get(province, set()) - {key}, vouching.get(province, set()) - {key}):
            continue
        if any(o.chosen and o.chosen.precision in ("town", "admin2") and normalize_name(o.name) != key
               and km(c.lat, c.lon, o.chosen.lat, o.chosen.lon) < NEAR_KM and not far_bare(o, home) for o in toponyms):
            continue   # across a state line from the story's other places (Hanover, N.H., in a Vermont story)
        if _has_city(home) and c.population < STRAY_POPULATION and not any(
                (h.country, h.admin1_code) == (c.country, c.admin1_code) or km(c.lat, c.lon, h.lat, h.lon) < HOME_KM
                for h in home) and (any(h.country == c.country for h in home) or not any(
                    a[0] == c.country for a in support if support[a] - {key})):
            # "Frayser" (a Memphis neighbourhood) in a Memphis station's story is no Michigan hamlet, nor
            # "Whitehaven" an English one: a small town far from the outlet's home city, in its country or in one
            # the story names nothing else in, that nothing else in the story supports is no place (an outlet
            # without a city leaves it to home_namesakes, which places it in the outlet's state)
            t.chosen, t.candidates = None, ()
            continue
        countries = {a[0] for a, names in support.items() if names - {key}}
        dominant = [a for a, names in support.items() if a[0] == c.country and len(names - {key}) >= 2]
        if c.country not in countries:   # "Mary" (Turkmenistan) in a story set in Florida
            dominant = [a for a, names in support.items() if len(names - {key}) >= 2]
        if dominant and not any((x.country, x.admin1_code) in dominant for x in t.candidates):
            t.chosen = None
            t.candidates = ()


DESCRIPTIVE_WORDS = GENERIC_WORDS | {"business", "area", "the"}


def generic_abroad(toponyms: list[Toponym], home: tuple[Candidate, ...] = ()) -> None:
    """"the Central Business District", "Northwest", "Eastern District": a name made only of compass and area
    words is a part of the story's own city or state, not the province or town the gazetteer has of that name
    in a country neither the outlet nor the story's other places are in (Israel's Central District in a
    Baltimore list of police districts), nor anywhere when nothing else says where the story is."""
    countries = Counter(h.country for h in home)
    countries.update(o.chosen.country for o in toponyms if o.chosen and not o.demonym and not _descriptive(o.name))
    main = countries.most_common(1)[0][0] if countries else None   # nothing else: no country to be a part of
    for t in toponyms:
        # (a region of several countries, "the Middle East", has none and fits any story)
        if t.chosen is not None and t.chosen.country and not t.demonym and _descriptive(t.name) \
                and t.chosen.country != main \
                and not t.state and not any(q.chosen and not _descriptive(q.name) for q in t.qualifiers):
            t.chosen, t.candidates = None, ()


def _descriptive(name: str) -> bool:
    return all(w in DESCRIPTIVE_WORDS for w in name.lower().split())


def _has_city(home: tuple[Candidate, ...]) -> bool:
    return any(h.precision == "town" and h.population >= DISTRICT_CITY for h in home)


def far_bare(t: Toponym, home: tuple[Candidate, ...]) -> bool:
    """A name read as a town far from a local outlet's home, not a city, with nothing in the text placing it:
    a reading the home rules doubt, which cannot vouch for another such reading ("near Camino Verde and
    Valencia" in a Tucson story are no pair of Californian towns, nor "Madisonville" and a "Mathis" street
    in a Cincinnati one a Texan pair)."""
    c = t.chosen
    return bool(home) and c is not None and c.precision == "town" and c.population < 2 * STRAY_POPULATION \
        and not (t.state or t.level or t.demonym or t.district or t.host or any(q.chosen for q in t.qualifiers)) \
        and all((h.country, h.admin1_code) != (c.country, c.admin1_code) and km(c.lat, c.lon, h.lat, h.lon) > HOME_KM
                for h in home)


FAR_VOUCHERS = 2   # doubtful readings in one state that together vouch for each other: a far story's towns


def _vouched(others: list[Toponym], home: tuple[Candidate, ...]) -> bool:
    """Whether the other names read in a town's state vouch for it (`_vouch`)."""
    return _vouch({normalize_name(o.name) for o in others},
                  {normalize_name(o.name) for o in others if not far_bare(o, home)})


def _vouch(names: set[str], sure: set[str]) -> bool:
    """Other names read in a town's state vouch for it when one is not doubtful (`sure`: not far_bare), or when
    FAR_VOUCHERS are (a far story naming three Iowa towns, not a "Mathis" street)."""
    return bool(sure) or len(names) >= FAR_VOUCHERS


NEIGHBOURHOOD_KM = 10   # a place this near a city's point, and a quarter its size or less, is a part of it...
METROPOLIS, METROPOLIS_KM = 1_000_000, 20   # ...or this near a city this big ("South Shore" is 13 km from the Loop)
# What a town of its own has and a city's neighbourhood has not: "Cicero police", "the village of Oak Park".
# Within a line: a headline's last words do not make the next line's "Police are searching..." the town's.
MUNICIPALITY = (r"\b{name}(?:'s)?[^\S\n]+(?:police|mayor|city|village|township|fire department|school district)\b"
                r"|\b(?:city|village|town|township|borough) of {name}\b")


def city_neighbourhoods(text: str, toponyms: list[Toponym], home: tuple[Candidate, ...]) -> None:
    """"4 shot in West Garfield Park" in a Chicago paper, or after a "CHICAGO —" dateline: the gazetteer's
    place of that name well inside the story's city (its outlet's home city or its dateline's) is one of
    the city's parts, and is named as such (its `host`); its point stays the gazetteer's. Not a town the
    text gives a government of its own ("Cicero police", "the village of Oak Park")."""
    cities = [h for h in home if h.precision == "town" and h.population >= DISTRICT_CITY]
    cities += [d.chosen for d in toponyms if d.chosen and d.chosen.precision == "town"
               and d.chosen.population >= DISTRICT_CITY and is_dateline(text, d.start, d.end)]
    for t in toponyms:
        c = t.chosen
        if c is None or c.precision != "town" or c.alias or t.host is not None or t.demonym or t.state:
            continue
        city = next((city for city in cities if city.geonameid != c.geonameid and city.population >= 4 * c.population
                     and km(c.lat, c.lon, city.lat, city.lon) < (
                         METROPOLIS_KM if city.population >= METROPOLIS else NEIGHBOURHOOD_KM)), None)
        if city is not None and not re.search(MUNICIPALITY.format(name=re.escape(t.name)), text, re.I):
            t.host = city


# US cities the AP stylebook lets a story name without their state: any other far town named bare in a
# local story is not that town (hand-written from the stylebook's dateline list).
AP_STANDALONE = {"Atlanta", "Baltimore", "Boston", "Chicago", "Cincinnati", "Cleveland", "Dallas", "Denver", "Detroit",
                 "Honolulu", "Houston", "Indianapolis", "Las Vegas", "Los Angeles", "Miami", "Milwaukee",
                 "Minneapolis", "New Orleans", "New York", "New York City", "Oklahoma City", "Philadelphia",
                 "Phoenix", "Pittsburgh", "St. Louis", "Salt Lake City", "San Antonio", "San Diego", "San Francisco",
                 "Seattle", "Washington"}


def home_namesakes(text: str, toponyms: list[Toponym], home: tuple[Candidate, ...]) -> None:
    """"4 wounded in a drive-by shooting in Austin" in a Chicago paper, "Antioch" on a Nashville station:
    a town named bare (no state, no hierarchy) that the gazetteer puts far from the local outlet's city,
    in another state the story names nothing else in (or abroad, in a country it names nothing else in),
    and that news style would not name without its state, is the namesake in the outlet's own state,
    or else a part of the outlet's city (its fallback is the city), unless the text gives it a government of
    its own ("the Kansas City Police Department" on a Los Angeles station is Kansas City's) or it is a big
    city at least as big as the outlet's ("Austin" on a Detroit station). An outlet known only by its state
    or a small town ("delawareonline.com", a statewide Connecticut station) has no city to hold the name:
    there, a small town (under STRAY_POPULATION) that has no namesake in the home state is one the gazetteer
    lacks ("Berlin police" on the Connecticut station) and falls back to the state, as "Berlin, Conn." would."""
    city = next((h for h in home if h.precision == "town" and h.population >= DISTRICT_CITY), None)
    # the place whose state is the outlet's: its city's, or else the state or the small town it names
    state = city or next((h for h in home if h.precision == "admin1"), None) or next(
        (h for h in home if h.precision == "town"), None)
    if state is None or state.country != "US":   # the style rule is American: "Murmansk" alone is Murmansk
        return
    # elsewhere in the state: the story names a county other than the city's, or a town away from it, there
    # ("BOHANNON, Va." in Mathews County on a Norfolk station)
    afield = city is not None and any(
        o.chosen and o.chosen.precision in ("admin2", "town") and not (o.district or o.host or o.demonym)
        and o.chosen.admin1_code == city.admin1_code and km(o.chosen.lat, o.chosen.lon, city.lat, city.lon) > (
            OWN_COUNTY_KM if o.chosen.precision == "admin2" else NEAR_KM) for o in toponyms)
    for t in toponyms:
        # "KINLOCH, Mo. (KMOV)", "NORTH FAIRMOUNT, Ohio (WKRC)": a dateline of the city's state the gazetteer has
        # no town of that name in is a neighbourhood or suburb the city's station files from: placed at the city
        if city and not afield and t.chosen is None and t.state == city.admin1_code and not t.district and not any(
                c.country == "US" and c.admin1_code == t.state for c in t.candidates) \
                and is_dateline(text, t.start, t.end):
            t.district, t.host = True, city
    for t in toponyms:
        # "CHARLOTTE, S.C. (AP)" on a Charlotte station: a state with no town of the name, which is the outlet's
        # own town's, is a slip of the pen (a wire's), not a town the gazetteer lacks
        own_town = next((h for h in home if h.precision == "town" and normalize_name(h.name) == normalize_name(t.name)
                         and any(c.geonameid == h.geonameid for c in t.candidates)), None)
        if own_town and t.chosen is None and t.state and not t.state_weak and not t.district and not any(
                c.admin1_code == t.state and c.country == "US" for c in t.candidates):
            for o in toponyms:   # and its bare occurrences, which followed the slip to no reading
                if normalize_name(o.name) == normalize_name(t.name) and o.chosen is None and not o.district:
                    o.chosen, o.state, o.state_weak = own_town, own_town.admin1_code, False
    for t in toponyms:
        # "ANTIOCH, Tenn." on a Nashville station, a town of the state the gazetteer has only as another place's
        # old or other name: a part of the station's city
        if city and t.chosen and t.chosen.alias and t.state == city.admin1_code and not t.state_weak \
                and km(t.chosen.lat, t.chosen.lon, city.lat, city.lon) > NEAR_KM:
            t.chosen, t.district, t.host = None, True, city
    for t in toponyms:
        c = t.chosen
        # a province abroad named bare ("a Northland teen" on a Kansas City station) is tried as a town is
        abroad = c is not None and c.precision in ("admin1", "region") and c.country != state.country and city
        if c is None or c.precision != "town" and not abroad or t.state or t.qualifiers or t.demonym \
                or t.district or t.host or c.name in AP_STANDALONE \
                or (c.country, c.admin1_code) == (state.country, state.admin1_code) \
                or any(km(c.lat, c.lon, h.lat, h.lon) <= _reach(c, city) for h in home) \
                or (c.population >= max(city.population, BIG_CITY) if city else c.population >= STRAY_POPULATION):
            continue
        key = normalize_name(t.name)
        others = [o for o in toponyms if o.chosen and normalize_name(o.name) != key and not o.demonym
                  and o.chosen.country == c.country and not (o.district or o.host)
                  and (o.chosen.admin1_code == c.admin1_code or c.country != state.country)]
        if _vouched(others, home):
            continue   # the story names the town's state (or country) elsewhere: it may well be that town
        own = [x for x in t.candidates if x.precision == "town" and not x.alias
               and (x.country, x.admin1_code) == (state.country, state.admin1_code)]
        if own:
            for o in toponyms:
                if normalize_name(o.name) == key and not o.state and not o.demonym:
                    o.chosen = max(own, key=lambda x: x.population)
        elif city:
            if not re.search(MUNICIPALITY.format(name=re.escape(t.name)), text, re.I):
                _make_district(toponyms, t, city)
        else:   # "Berlin police" near Barre: a town of its own, the gazetteer lacks it
            for o in toponyms:
                if normalize_name(o.name) == key and not o.state and not o.demonym:
                    o.chosen, o.state, o.state_weak = None, state.admin1_code, False


def _reach(c: Candidate, city: Candidate | None) -> float:
    """How far from the outlet's home a town named bare may lie and be that town: a city's station reports its
    region (HOME_KM), but a small town of another state that far is named with its state ("Madisonville, Ky."
    in a Cincinnati story; bare, it is Cincinnati's Madisonville, "East Germantown" Philadelphia's)."""
    return HOME_KM if city and c.population >= STRAY_POPULATION else STATE_HOME_KM
