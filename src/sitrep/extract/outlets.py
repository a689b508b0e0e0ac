"""What an outlet says about where its stories happen: the country of its domain, the town in its name
("bozemandailychronicle.com", "chicago.suntimes.com"), a broadcast station's city by its call sign and a
newspaper's by the name its domain goes by ("wsbtv.com" is Atlanta's WSB, "ajc.com" its Journal-Constitution:
the shipped data/geo/outlets tables), and the station's home in a title's site-name tail ("... - WDAM-TV
7-News, Weather, Sports-Hattiesburg, MS", "... | Toronto Star").

A paper at lfpress.ca writes "London" for London, Ontario; one at a .co.uk address means the English
one. Only country-code domains say anything about the country (.com, .org and the like are worldwide),
and some country codes are sold as vanity names (.tv, .fm, .io...), which say nothing either. A local
outlet's own town or state is context, never the place itself: it only decides between namesakes
(Laurel, Mississippi in a Hattiesburg station's story; Birmingham, Alabama in WBRC's) and which city a
neighbourhood the text names is in (local_setting.place_districts).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pathlib import Path

from sitrep.extract.gazetteer import Candidate, Gazetteer
from sitrep.extract.place_words import COMPASS, GENERIC_WORDS
from sitrep.extract.us_states import AP_STATES

# Country-code domains sold worldwide as vanity names (hand-written: no installed package lists them).
VANITY_DOMAINS = {"tv", "fm", "io", "co", "me", "ly", "to", "ai", "am", "cc", "ws", "la", "gg", "sh", "ac", "vc",
                  "nu", "tk", "ms", "gd", "im"}
# Where a domain's country code is not the ISO code ("uk" is GB).
DOMAIN_COUNTRY = {"uk": "GB"}
HOME_TOWN_POPULATION = 20_000    # a town in an outlet's name or tail is a town big enough to have one
DOMINANT = 3                     # ...and the one meant when it is this many times bigger than its namesakes
ABROAD_DOMINANT = 10             # ...or, for a domain's town, this many times bigger than one abroad
# What follows a town in a paper's or station's domain ("tylerpaper.com", "erienewsnow.com").
PUBLICATION_WORDS = ("paper", "news", "times", "post", "herald", "daily", "tribune", "journal", "star", "sun",
                     "press", "online", "now", "today", "live", "record", "gazette", "courier", "chronicle",
                     "observer", "telegraph", "dispatch", "register", "leader", "eagle", "review", "tv")
# Towns named like words a title's tail or a domain uses for something else ("Police: ...", "thepolicenews").
NOT_HOME = {"police"}
# What separates a headline from the site's name: "Headline - Station", "Headline | Paper".
TITLE_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s*|\s*\|\s+|\s*\|(?=[A-Z])")
NAME_RUN = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")
STATE_CODE = re.compile(r"(?:^|[,\s-])([A-Z]{2}|[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z]\.)(?=$|[\s,|)])")


def _host(outlet: str) -> str:
    return re.sub(r"^[a-z]+://", "", outlet.strip().lower()).split("/")[0].split(":")[0].rstrip(".")


def outlet_country(outlet: str | None) -> str | None:
    """ISO2 of the country an outlet's domain or URL belongs to ("lfpress.ca" -> CA, "https://www.
    thisisoxfordshire.co.uk/news/1" -> GB), None for a worldwide or vanity domain."""
    if not outlet:
        return None
    host = _host(outlet)
    code = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(code) != 2 or not code.isalpha() or code in VANITY_DOMAINS:
        return None
    return DOMAIN_COUNTRY.get(code, code.upper())


def outlet_home(outlet: str | None, title: str | None, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The places an outlet calls home: a state or town its title's site-name tail names, else a station's
    city by the call sign its domain spells (or by a brand the tables know in a subdomain: "dfw.cbslocal.com"),
    else a town its domain (or the host's first label, or the URL's first section) opens with. Only an
    unambiguous reading counts (no "Columbia" without its state)."""
    country = outlet_country(outlet)
    tail = site_tail(title)
    labels = _labels(_host(outlet)) if outlet else []
    home = _tail_home(tail, country, gazetteer) if tail else ()
    station = _station_home(labels[-1], gazetteer) if labels else ()   # "wsbtv.com": Atlanta's station
    if not home or station and not any((h.country, h.admin1_code) == (s.country, s.admin1_code)
                                       for h in home for s in station):
        home = station or home   # a tail the station's state is not in misread its brand ("FOX Carolina 21")
    if not home:   # "dfw.cbslocal.com": a network's Dallas-Fort Worth site, by the brand the table knows (a call
        # sign in a host's name, "wave.example.org", may be anything)
        home = next((found for label in labels[-2::-1] if label in _stations()
                     and not re.fullmatch(r"[kw][a-z]{2,3}", label) and (found := _station_home(label, gazetteer))), ())
    if not home and labels:
        home = _domain_home_cached(labels[-1], country, gazetteer)
    if not home and len(labels) > 1:   # "sacramento.cbslocal.com"
        home = _domain_home_cached(labels[-2], country, gazetteer)
    if not home and outlet and (section := _section(outlet)):   # "dnainfo.com/new-york/2015/...": a city edition
        home = _domain_home_cached(section, country, gazetteer)
    return home


def _labels(host: str) -> list[str]:
    """The letters of a host's labels up to its registered name ("paper" of "www.paper.co.uk"), without
    the top-level domain and "www"-like prefixes."""
    labels = [x for x in host.split(".") if x not in ("www", "m", "amp", "mobile")]
    if len(labels) < 2:
        return []
    second_level = len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3   # "paper.co.uk"
    return [re.sub(r"[^a-z0-9]", "", x) for x in labels[:-2 if second_level else -1]]


OUTLET_TABLES = Path(__file__).resolve().parents[1] / "data" / "geo" / "outlets"
# broadcasters by call sign and brand; newspapers by the domain name that does not spell their town ("ajc")
STATIONS, NEWSPAPERS = OUTLET_TABLES / "stations.tsv", OUTLET_TABLES / "newspapers.tsv"
# What a station's domain adds to its call sign: "wsbtv", "wave3", "kctv5", "komonews", "wxii12".
STATION_SUFFIX = re.compile(r"(?:tv|news|online|now)?\d*$")


@lru_cache(maxsize=1)
def _stations() -> dict[str, tuple[str, str]]:
    """Call sign, and each brand its website goes by ("abc13"), -> (city, state) of the US news stations in
    the shipped table; and a newspaper's domain name ("ajc", "postgazette") -> its city."""
    stations = {}
    for line in (STATIONS.read_text(encoding="utf-8") + NEWSPAPERS.read_text(encoding="utf-8")).splitlines():
        if line.strip() and not line.startswith("#"):
            call, city, state, *brands = line.split("\t")
            for name in [call, *(brands[0].split(",") if brands else [])]:
                stations[name.strip().lower()] = (city, state)
    return stations


@lru_cache(maxsize=4096)
def _station_home(label: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The city a broadcast station's domain names by its call sign or brand ("khou", "abc13": Houston's), or a
    newspaper's by its name ("ajc": Atlanta's), as a town of its state; the state itself when the gazetteer
    lacks the town."""
    stations = _stations()
    call = label if label in stations else re.sub(r"\d+$", "", label)
    if call not in stations and re.fullmatch(r"[kw][a-z]{2,3}", core := STATION_SUFFIX.sub("", label)):
        call = core
    if call not in stations:
        return ()
    city, state = stations[call]
    towns = [c for c in gazetteer.lookup(city) if c.precision == "town" and not c.alias and c.country == "US"
             and c.admin1_code == state]
    if towns:
        return (max(towns, key=lambda c: c.population),)
    return (state_area,) if (state_area := gazetteer.admin1_of("US", state)) else ()


def _section(url: str) -> str:
    """The first part of a URL's path when it is a word or hyphenated words ("chicago", "new-york" in
    dnainfo.com/new-york/...), in the letters a domain label has."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip().lower()) if "://" in url else ""
    first = path.strip("/").split("/")[0]
    return first.replace("-", "") if re.fullmatch(r"[a-z]+(?:-[a-z]+){0,2}", first) else ""


def site_tail(title: str | None) -> str:
    """The site-name part of a title: what follows the headline after " - " or " | " when it is written
    like a name (capitalised words), e.g. "WMC Action News 5 - Memphis, Tennessee"."""
    if not title:
        return ""
    parts = [p for p in TITLE_SEPARATOR.split(title) if p.strip()]
    tail = []
    for part in reversed(parts[1:]):
        words = re.findall(r"[^\W\d_][\w'.&]*", part)
        if not words or sum(w[0].isupper() for w in words) < 0.75 * len(words) or len(words) > 12:
            break
        tail.insert(0, part)
    return " | ".join(tail)


def _tail_home(tail: str, country: str | None, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    states = []
    for m in STATE_CODE.finditer(tail):
        code = m.group(1) if len(m.group(1)) == 2 and m.group(1).isupper() else AP_STATES.get(
            re.sub(r"\W", " ", m.group(1).lower()).strip().replace("  ", " "))
        if code and (state := gazetteer.admin1_of("US", code)) and country in (None, "US"):
            states.append(state)

    def in_states(c: Candidate) -> bool:   # "Lima, OH" is no Peruvian province, "Toledo, OH" no district of Belize
        return not states or any(c.country == s.country and c.admin1_code == s.admin1_code for s in states)
    found = []
    for settled in (True, False):   # the names that say where on their own first, then those that follow them
        for m in NAME_RUN.finditer(tail):
            for name in _subruns(m.group(0)):
                cands = [c for c in gazetteer.lookup(name) if not c.alias and (country is None or c.country == country)
                         and name.lower() not in NOT_HOME]
                if admins := [c for c in cands if c.precision == "admin1" and in_states(c)]:
                    found.append(admins[0])   # "Tennessee"; "Southern Illinois" is read by its "Illinois"
                    break
                towns = [c for c in cands if c.precision == "town" and in_states(c)]
                # "Tyler, Longview, Jacksonville": the Jacksonville of Tyler's state
                near = [c for c in towns if any((c.country, c.admin1_code) == (f.country, f.admin1_code)
                                                for f in states + found)]
                # "Savannah, Beaufort, SC": the state is Beaufort's, a city none of whose namesakes is in it
                # is read on its own
                alone = not towns and settled and [c for c in cands if c.precision == "town"]
                if town := (dominant_town(towns) if settled else near[0] if near else None) or (
                        dominant_town(alone) if alone else None):
                    found.append(town)
                    break
    return tuple({c.geonameid: c for c in states + found}.values()) or _shared_state(tail, country, gazetteer)


def _shared_state(tail: str, country: str | None, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """"Beckley, Bluefield & Lewisburg News": towns too small to say where on their own, listed together, say
    it by the one state they all have a namesake in (no home when a second state has them all too)."""
    towns: dict[tuple[str, str], dict[str, Candidate]] = {}
    names = set()
    for m in NAME_RUN.finditer(tail):   # each run's longest piece naming a town ("Lewisburg" of "Lewisburg News")
        for name in _subruns(m.group(0)):
            cands = [c for c in gazetteer.lookup(name) if c.precision == "town" and not c.alias
                     and (country is None or c.country == country) and name.lower() not in NOT_HOME]
            for c in cands:
                towns.setdefault((c.country, c.admin1_code), {}).setdefault(name, c)
            if cands:
                names.add(name)
                break
    ranked = sorted(towns.items(), key=lambda kv: -len(kv[1]))
    if len(names) < 2 or not ranked or len(ranked[0][1]) < len(names) or (
            len(ranked) > 1 and len(ranked[1][1]) >= len(names)):
        return ()
    (country_code, admin1), named = ranked[0]
    state = gazetteer.admin1_of(country_code, admin1)
    return ((state,) if state else ()) + tuple(named.values())


def _subruns(run: str) -> list[str]:
    """The run of capitalised words itself, then its shorter pieces, longest first; never a piece made
    only of generic words ("South", "Metro") nor one opening on a compass word ("Eastern Iowa": "Iowa")."""
    words = run.replace("-", " ").split()
    pieces = [" ".join(words[i:i + n]) for n in range(len(words) - 1, 0, -1) for i in range(len(words) - n + 1)]
    return [" ".join(words)] + [p for p in pieces if p.split()[0].lower() not in COMPASS
                                and not all(w.lower() in GENERIC_WORDS for w in p.split())]


@lru_cache(maxsize=4096)   # a feed repeats its outlet thousands of times
def _domain_home_cached(label: str, country: str | None, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    label = re.sub(r"\d", "", label)
    # a brand or direction before the place: "thedenverchannel", "nbcconnecticut", "fox13memphis" (but the
    # label itself first: "myrtlebeachonline" is no "my" brand)
    brandless = re.sub(r"^(?:the|my|nbc|abc|cbs|fox|central|north|south|east|west)(?=[a-z]{5})", "", label)
    return _town_opening(label, country, gazetteer) or (
        _town_opening(brandless, country, gazetteer) if brandless != label else ())


def _town_opening(label: str, country: str | None, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    for end in range(len(label), 3, -1):   # the longest opening that names a place: "bozeman|dailychronicle"
        if end < 6 and not (label[end:].startswith(PUBLICATION_WORDS) or end == len(label) == 5):
            continue   # a short opening only before a paper's word ("tyler|paper") or alone ("ocala"), not "gotha|mist"
        for name in [label[:end]] + [f"{label[:i]} {label[i:end]}" for i in range(3, end - 2)]:
            # the place's own spelling, not a variant ("limaohio" is not Limão) nor a country ("japantimes")
            cands = [c for c in gazetteer.lookup(name) if not c.alias and c.precision in ("town", "admin1")
                     and re.sub(r"[^a-z]", "", c.name.lower()) == label[:end]
                     and (c.precision == "admin1" or c.population >= HOME_TOWN_POPULATION)
                     and c.name.split()[0].lower() not in COMPASS | GENERIC_WORDS | NOT_HOME
                     and (country is None or c.country == country)]
            admins = [c for c in cands if c.precision == "admin1"]
            towns = [c for c in cands if c.precision == "town"]
            # "delawareonline.com": the state, not its namesake town; "washington...": a state or a capital, no
            # guess (the shipped table knows "washingtonpost.com" for its city)
            if admins:
                return (admins[0],) if len(admins) == 1 and not any(
                    c.feature_code == "PPLC" or c.population > admins[0].population for c in towns) else ()
            if towns:
                return (town,) if (town := dominant_town(towns, ABROAD_DOMINANT)) else ()
    return ()


def dominant_town(towns: list[Candidate], abroad: float | None = None) -> Candidate | None:
    """The town a name means when it names a town big enough to have an outlet: the only one of
    HOME_TOWN_POPULATION, or one at least DOMINANT times any other of its country ("Erie" is
    Pennsylvania's, "Columbia" is no one's; "Naples" may be Florida's: a namesake abroad leaves it open,
    unless the town is American and `abroad` times bigger: a domain's "sacramento" is no Brazilian town's,
    while "theparisnews" may well be Paris, Texas')."""
    big = sorted((c for c in towns if c.population >= HOME_TOWN_POPULATION), key=lambda c: -c.population)
    others = [c for c in big[1:] if (c.country, c.admin1_code) != (big[0].country, big[0].admin1_code)] if big else []
    if not big or any(c.country != big[0].country and (abroad is None or big[0].country != "US"
                                                       or big[0].population < abroad * c.population) for c in others):
        return None
    home = [c for c in others if c.country == big[0].country]
    return big[0] if not home or big[0].population >= DOMINANT * home[0].population else None
