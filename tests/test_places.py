"""The geoparser on sentences written for these tests: context, hierarchy, fallbacks and flags."""
from __future__ import annotations

import json

import pytest

from sitrep.extract.nlp import load_pipeline
from sitrep.extract.outlets import outlet_country
from sitrep.extract.place_checks import place_flags
from sitrep.extract.places import geoparse, geoparse_records, km


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(gazetteer.ruler_patterns())


def places(nlp, gazetteer, text, **kw):
    return {m.text: m.place for m in geoparse(nlp(text), gazetteer, **kw)}


def flags(nlp, gazetteer, text):
    sdoc = nlp(text)
    return [f.kind for f in place_flags(sdoc, geoparse(sdoc, gazetteer), gazetteer, "doc")]


@pytest.mark.parametrize("text, name, country, admin1", [
    ("Police in Alexandria, La., arrested two men on Friday.", "Alexandria", "US", "Louisiana"),
    ("The Rapides Parish sheriff said deputies found the car near Alexandria.", "Alexandria", "US", "Louisiana"),
    ("Thousands marched through Alexandria, Egypt's second city, on Friday.", "Alexandria", "EG", None),
    ("Residents of Athens, Ga., lost power after the storm crossed Georgia.", "Athens", "US", "Georgia"),
    ("Protesters gathered in Athens as Greek lawmakers voted.", "Athens", "GR", None),
    ("Shelling hit Aleppo and Idlib overnight, Syrian activists said.", "Aleppo", "SY", None),
])
def test_disambiguation_by_country_and_province_context(nlp, gazetteer, text, name, country, admin1):
    place = places(nlp, gazetteer, text)[name]
    assert place.country == country
    assert admin1 is None or place.admin1 == admin1


def test_offsets_point_into_the_text(nlp, gazetteer):
    text = "Gunmen attacked a checkpoint outside Kirkuk, Iraq, police said."
    for m in geoparse(nlp(text), gazetteer):
        assert text[m.start:m.end] == m.text
    assert places(nlp, gazetteer, text)["Kirkuk"].country == "IQ"


@pytest.mark.parametrize("text", [
    "US forces raided a house in Atmeh, a village in Idlib province near the Turkish border.",
    "The strike hit the village of Atmeh in Syria's Idlib province on Thursday.",
    "Witnesses in Atmeh, Idlib, said helicopters landed before dawn.",
    "Shelling hit Atmeh and Barisha in Idlib, residents said.",
])
def test_unknown_town_falls_back_to_the_province_the_text_gives(nlp, gazetteer, text):
    atmeh = places(nlp, gazetteer, text)["Atmeh"]
    assert (atmeh.name, atmeh.admin1, atmeh.country, atmeh.precision) == ("Atmeh", "Idlib", "SY", "admin1")
    assert atmeh.gazetteer_id is None
    assert 35 < atmeh.lat < 37 and 36 < atmeh.lon < 37.5


def test_unknown_town_without_hierarchy_is_not_given_a_point_abroad(nlp, gazetteer):
    found = places(nlp, gazetteer, "Syrian troops shelled Barisha and Sarmada in Idlib province, Syria.")
    for name in ("Barisha", "Sarmada"):
        if name in found and found[name] is not None:
            assert found[name].country == "SY" and found[name].precision in ("admin1", "country")


def test_province_suffix_gives_the_province(nlp, gazetteer):
    found = places(nlp, gazetteer, "Air strikes hit villages in Idlib province and in Raqqa governorate.")
    assert found["Idlib"].precision == "admin1" and found["Raqqa"].precision == "admin1"
    assert found["Raqqa"].country == "SY"


def test_lists_are_not_hierarchies(nlp, gazetteer):
    found = places(nlp, gazetteer, "The festival drew bands from Illinois, Missouri, Nevada and Oregon.")
    assert all(found[n].precision == "admin1" and found[n].country == "US" for n in ("Illinois", "Missouri", "Nevada"))


def test_a_building_is_not_the_town_of_the_same_name(nlp, gazetteer):
    found = places(nlp, gazetteer, "The White House said the raid in Syria was a success.")
    assert found.get("White House") is None or found["White House"].country != "US" or \
        found["White House"].precision != "town"


def test_a_fallback_holds_for_every_mention_of_the_name(nlp, gazetteer):
    text = "Atmeh, a village in Idlib province, was quiet on Friday. By evening Atmeh was full of soldiers."
    mentions = [m for m in geoparse(nlp(text), gazetteer) if m.text == "Atmeh"]
    assert len(mentions) == 2 and all(m.place and m.place.admin1 == "Idlib" for m in mentions)


def test_demonyms_only_when_embedded_places_are_asked_for(nlp, gazetteer):
    text = "Syrian state media said the convoy crossed from Turkey."
    assert "Syrian" not in places(nlp, gazetteer, text)
    assert places(nlp, gazetteer, text, embedded=True)["Syrian"].country == "SY"


@pytest.mark.parametrize("text, expected", [
    ("The raid targeted the al-Buseirah area in Syria's Raqqa governorate, officials said.", ["admin_mismatch"]),
    ("The raid targeted the al-Busayrah area in Syria's Deir ez-Zor governorate, officials said.", []),
    ("Clashes broke out in Manbij in Syria's Aleppo governorate.", []),
    ("Clashes broke out in Manbij in Syria's Hama governorate.", ["admin_mismatch"]),
])
def test_admin_mismatch(nlp, gazetteer, text, expected):
    assert [k for k in flags(nlp, gazetteer, text) if k == "admin_mismatch"] == expected


@pytest.mark.parametrize("text, expected", [
    ("ISIS stormed a prison in Syria's northwestern Hasakah region last month.", ["direction_mismatch"]),
    ("ISIS stormed a prison in Syria's northeastern Hasakah region last month.", []),
    ("Rebels hold the northwestern province of Idlib.", []),
    ("Deir ez-Zor, in western Syria, was shelled again.", ["direction_mismatch"]),
    ("Deir ez-Zor, in eastern Syria, was shelled again.", []),
    ("Troops moved into northern Hasakah on Monday.", []),
])
def test_direction_mismatch(nlp, gazetteer, text, expected):
    assert [k for k in flags(nlp, gazetteer, text) if k == "direction_mismatch"] == expected


def test_geoparse_records_output_lines(nlp, gazetteer):
    records = [{"id": "a", "text": "Flooding closed roads in Macon, Ga., and in Savannah."},
               {"id": "b", "text": "Nothing happened here."}, {"id": "c", "text": ""}]
    rows = list(geoparse_records(records, nlp, gazetteer))
    assert [r["document"] for r in rows] == ["a", "b", "c"]
    macon = next(p for p in rows[0]["places"] if p["text"] == "Macon")
    assert macon["country"] == "US" and macon["admin1"] == "Georgia" and macon["precision"] == "town"
    assert set(macon) == {"start", "end", "text", "lat", "lon", "country", "admin1", "gazetteer_id", "precision"}
    assert rows[1]["places"] == [] and rows[2]["places"] == []
    json.dumps(rows)


@pytest.mark.parametrize("text, name", [
    ("Jets bombed the town of Busayrah in Syria's Homs province.", "Busayrah"),
    ("Rockets landed in the al-Buseirah area of Syria's Hama governorate on Monday.", "al-Buseirah"),
    ("Clashes broke out in Manbij in Syria's Hama governorate.", "Manbij"),
])
def test_a_known_town_in_the_wrong_stated_province_stays_the_town(nlp, gazetteer, text, name):
    """The text's province is wrong (the flag says so); the gazetteer's town of that name in the same
    country is still the better point than the middle of the wrong province."""
    sdoc = nlp(text)
    mentions = geoparse(sdoc, gazetteer)
    place = next(m.place for m in mentions if m.text == name)
    assert (place.precision, place.country) == ("town", "SY") and place.gazetteer_id
    assert place.admin1 in ("Deir ez-Zor", "Aleppo")
    assert "admin_mismatch" in [f.kind for f in place_flags(sdoc, mentions, gazetteer, "doc")]


def test_an_unknown_town_in_a_stated_province_still_falls_back_to_it(nlp, gazetteer):
    atmeh = places(nlp, gazetteer, "Fighting was reported near Atmeh in Syria's Hama province.")["Atmeh"]
    assert (atmeh.admin1, atmeh.precision, atmeh.gazetteer_id) == ("Hama", "admin1", None)


@pytest.mark.parametrize("text, name, admin1", [
    ("Storm damage. BEIRUT: Firefighters worked through the night at the port.", "BEIRUT", None),
    ("By ANNE LEE Staff Writer May 2, 2011 NEWARK -- The council voted on the levy.", "NEWARK", None),
    ("HAMILTON — Butler County deputies searched the river on Sunday.", "HAMILTON", "Ohio"),
    ("CHARLESTON, W. Va. (AP) — Lawmakers returned to work on Monday.", "CHARLESTON", "West Virginia"),
])
def test_datelines_in_capitals_are_places(nlp, gazetteer, text, name, admin1):
    place = places(nlp, gazetteer, text)[name]
    assert place is not None and place.precision == "town"
    assert admin1 is None or place.admin1 == admin1


@pytest.mark.parametrize("text", [
    "UPDATE: The road has reopened, police said.",
    "NOTE: All times are local. The match starts at noon.",
])
def test_capitalised_labels_are_not_datelines(nlp, gazetteer, text):
    assert not any(p is not None for p in places(nlp, gazetteer, text).values())


@pytest.mark.parametrize("text, name, admin1", [
    ("The S.C. Highway Patrol said the driver was not hurt.", "S.C.", "South Carolina"),
    ("A Kanawha County Family Court judge granted the order on Friday.", "Kanawha County", "West Virginia"),
    ("The bill's sponsor, Sen. Maria Ortiz, D-N.J., spoke first.", "N.J.", "New Jersey"),
    ("Deputies found the car, according to Laurel County Sheriff John Root.", "Laurel County", "Kentucky"),
])
def test_places_inside_names_and_party_labels(nlp, gazetteer, text, name, admin1):
    place = places(nlp, gazetteer, text, embedded=True)[name]
    assert place.admin1 == admin1 and place.country == "US"


def test_the_longest_known_name_opens_an_organization(nlp, gazetteer):
    found = places(nlp, gazetteer, "Classes at East Bank Middle School resumed after the mudslide in West Virginia.",
                   embedded=True)
    assert "East" not in found
    assert found.get("East Bank") is None or found["East Bank"].admin1 == "West Virginia"


@pytest.mark.parametrize("text, name, place_name", [
    ("South Ossetian militias and Georgian troops traded fire.", "South Ossetian", "South Ossetia"),
    ("Dagestani police said the suspects were detained.", "Dagestani", "Dagestan"),
    ("Many Ontarians will pay the new tax from July.", "Ontarians", "Ontario"),
])
def test_regional_demonyms_when_embedded(nlp, gazetteer, text, name, place_name):
    assert places(nlp, gazetteer, text, embedded=True)[name].name == place_name
    assert name not in places(nlp, gazetteer, text)


@pytest.mark.parametrize("text, name, admin1", [
    ("A fire destroyed a warehouse in Greer on Tuesday, Greenville, S.C., officials said.", "Greer", "South Carolina"),
    ("The driver, John Amstutz, of Wooster, Ohio, was taken to hospital.", "Wooster", "Ohio"),
])
def test_mislabelled_town_after_a_locative(nlp, gazetteer, text, name, admin1):
    assert places(nlp, gazetteer, text)[name].admin1 == admin1


@pytest.mark.parametrize("text, name, admin1", [
    ("Storms hit Greenville, S.C., on Monday. Greer firefighters and Mauldin police worked overnight.",
     "Mauldin", "South Carolina"),
    ("Snow fell across Georgia on Friday. Schools in Athens closed, and Watkinsville and Winder followed.",
     "Winder", "Georgia"),
])
def test_a_town_the_ner_mislabels_is_a_place_in_a_story_about_its_province(nlp, gazetteer, text, name, admin1):
    assert places(nlp, gazetteer, text)[name].admin1 == admin1


def test_a_surname_is_not_a_town_elsewhere(nlp, gazetteer):
    found = places(nlp, gazetteer, "Snow fell across Georgia on Friday, Winder told reporters in Athens.")
    assert "Winder" not in found


def test_a_surname_of_a_person_in_the_article_is_not_a_town(nlp, gazetteer):
    text = ("Hillary Clinton arrived in Cairo on Monday. Clinton met Egyptian officials before flying on to "
            "Jerusalem, her first visit to the Middle East.")
    found = places(nlp, gazetteer, text)
    assert "Clinton" not in found
    assert found["Middle East"].precision == "region" and found["Middle East"].country is None
    assert places(nlp, gazetteer, "Residents of Clinton, Md., lost power on Friday.")["Clinton"].admin1 == "Maryland"


def test_acronyms_in_capitals_are_not_datelines(nlp, gazetteer):
    found = places(nlp, gazetteer, "Officials from NATO, the UN and ISIS, along with HAMAS: all were named.")
    assert not any(p is not None for p in found.values())


# --- US local news: datelines, states, streets, people and neighbourhoods (sentences written for these tests)

@pytest.mark.parametrize("text, name, admin1", [
    ("COLUMBUS, Ga. -- Two men were hurt in a shooting late Friday, officers said.", "COLUMBUS", "Georgia"),
    ("COLUMBUS, GA (WXYZ) - A teenager was shot near a park, police said.", "COLUMBUS", "Georgia"),
    ("SPRINGFIELD, Ill. — A man was arrested after a shooting downtown.", "SPRINGFIELD", "Illinois"),
    ("ST. LOUIS (AP) — A girl was wounded when shots hit a house on Sunday.", "ST. LOUIS", "Missouri"),
    ("LEXINGTON, Ky (WXYZ) - Officers found a man with a gunshot wound.", "LEXINGTON", "Kentucky"),
    ("Hope, Ark., police are looking into a shooting at a store on Tuesday.", "Hope", "Arkansas"),
])
def test_dateline_and_state_abbreviation_decide_the_state(nlp, gazetteer, text, name, admin1):
    place = places(nlp, gazetteer, text)[name]
    assert (place.country, place.admin1, place.precision) == ("US", admin1, "town")


def test_a_dateline_state_places_the_bare_mentions_too(nlp, gazetteer):
    found = places(nlp, gazetteer, "HOWLAND, Ohio (WXYZ) - Two people were shot at a home in Howland on Saturday.")
    assert found["Howland"] is None or found["Howland"].admin1 == "Ohio"


def test_a_postal_code_only_chooses_among_us_towns(nlp, gazetteer):
    perth = places(nlp, gazetteer, "Bushfires burned homes near Perth, WA, and firefighters were injured.")["Perth"]
    assert perth.country == "AU"


def test_county_dateline_is_the_county(nlp, gazetteer):
    place = places(nlp, gazetteer, "ITASCA COUNTY, Minn. -- A teenager died after a hunting accident.")["ITASCA COUNTY"]
    assert (place.precision, place.admin1) == ("admin2", "Minnesota")


@pytest.mark.parametrize("text, street", [
    ("A man was shot in the 4700 block of West Addison in Chicago on Monday.", "Addison"),
    ("One person died after a shooting on Auburn Avenue in downtown Atlanta.", "Auburn"),
    ("Police found two victims near Algonquin Parkway in Louisville, Ky.", "Algonquin"),
    ("An officer was shot near Churchill Downs in Louisville on Saturday.", "Churchill"),
])
def test_streets_named_after_towns_are_not_places(nlp, gazetteer, text, street):
    found = places(nlp, gazetteer, text)
    # never the town the street is named after (at most the province the text puts the street in)
    assert all(street not in name or place is None or place.gazetteer_id is None for name, place in found.items())
    assert any(p is not None and p.precision == "town" and p.country == "US" for p in found.values())


@pytest.mark.parametrize("text, person, city", [
    ("The man killed at the bar was Kevie Durham, 24, a singer from Denver. Durham was shot twice.", "Durham", "Denver"),
    ("Albuquerque police named the boy as Melky Rodriguez, 15. Rodriguez was a sophomore.", "Rodriguez",
     "Albuquerque"),
    ("Zaire Thomas was shot in the back in Pittsburgh on Thursday, his mother said.", "Zaire", "Pittsburgh"),
])
def test_a_place_name_inside_a_persons_name_is_the_person(nlp, gazetteer, text, person, city):
    found = places(nlp, gazetteer, text)
    assert found.get(person) is None
    assert found[city].country == "US"


def test_a_neighbourhood_the_gazetteer_places_in_another_state_is_no_place(nlp, gazetteer):
    text = ("Three people were wounded on Brushton Avenue in Homewood on Friday. Pittsburgh police said the "
            "shooter fled. Allegheny County detectives are investigating.")
    found = places(nlp, gazetteer, text)
    assert found.get("Homewood") is None
    assert found["Pittsburgh"].admin1 == "Pennsylvania"


def test_parts_of_a_city_are_not_looked_up_abroad(nlp, gazetteer):
    text = "A woman was shot in Northwest Washington, and Metro police are looking for a car."
    assert places(nlp, gazetteer, text).get("Metro") is None


def test_a_side_of_a_city_is_a_part_of_the_city_the_story_names(nlp, gazetteer):
    side = places(nlp, gazetteer, "Two teens were shot on the West Side, Chicago police said.").get("West Side")
    assert side is not None and (side.admin1, side.precision) == ("Illinois", "town") and "Chicago" in side.name


def test_a_local_police_force_names_the_town(nlp, gazetteer):
    found = places(nlp, gazetteer, "Sgt. Lewis of the Phoenix Police Department said the boy died at a hospital.")
    assert found["Phoenix"].admin1 == "Arizona"


def test_a_city_beats_a_smaller_province_of_its_name(nlp, gazetteer):
    found = places(nlp, gazetteer, "Savannah police are investigating a shooting that left a boy hurt.")
    assert found["Savannah"].country == "US"


@pytest.mark.parametrize("text, name, admin1", [
    ("Police in Gainesville arrested a man on Monday. Hall County deputies helped, and the suspect was taken "
     "to a jail in Georgia.", "Gainesville", "Georgia"),
    ("Officials in Columbus met on Tuesday. Nebraska lawmakers said the plan would help farmers in Nebraska.",
     "Columbus", "Nebraska"),
])
def test_the_state_a_story_names_decides_its_towns(nlp, gazetteer, text, name, admin1):
    assert places(nlp, gazetteer, text)[name].admin1 == admin1


@pytest.mark.parametrize("text, name, admin1", [
    ("The rescue squad serves every family in Paris and Henry County, its chief said.", "Paris", "Tennessee"),
    ("A grant will help the shelter in Richmond, which serves all of Madison County.", "Richmond", "Kentucky"),
])
def test_a_town_and_its_county_read_each_other(nlp, gazetteer, text, name, admin1):
    """Neither name is unambiguous alone; only one reading of each has the other nearby."""
    assert places(nlp, gazetteer, text)[name].admin1 == admin1


@pytest.mark.parametrize("text, names, admin1", [
    ("The jobless rate in Clarke, Oconee and Oglethorpe counties stayed below the state's.",
     ("Clarke", "Oconee", "Oglethorpe"), "Georgia"),
    ("Residents of Caddo and Bossier parishes were told to boil their water.", ("Caddo", "Bossier"), "Louisiana"),
    ("Flood warnings were issued for Kent and Essex counties after heavy rain.", ("Kent", "Essex"), "England"),
])
def test_names_before_plural_counties_are_counties(nlp, gazetteer, text, names, admin1):
    found = places(nlp, gazetteer, text)
    for name in names:
        assert found[name].precision == "admin2" and found[name].admin1 == admin1


@pytest.mark.parametrize("text, district, city", [
    ("A teenager was shot Friday in the Austin neighborhood on the West Side, Chicago police said.", "Austin",
     "Chicago"),
    ("Police say a boy was wounded in the Juniata section of Philadelphia early Monday.", "Juniata", "Philadelphia"),
    ("One man was shot in Orlando's Malibu Groves neighborhood on Thursday morning.", "Malibu", "Orlando"),
])
def test_a_neighborhood_lies_in_the_city_not_in_a_town_of_its_name(nlp, gazetteer, text, district, city):
    found = places(nlp, gazetteer, text)
    place = next(p for name, p in found.items() if name.startswith(district))
    assert km(place.lat, place.lon, found[city].lat, found[city].lon) < 25
    assert place.gazetteer_id is None   # the city's point, under the district's name


def test_a_neighborhood_of_an_unnamed_city_gets_no_point(nlp, gazetteer):
    found = places(nlp, gazetteer, "Three people were hurt when a gun went off in the Feltonville section "
                                   "of the city on Monday.")
    assert found.get("Feltonville") is None


@pytest.mark.parametrize("text", [
    "Five people were shot in a southwest Atlanta neighborhood on Wednesday, Atlanta police said.",
    "A man was killed in an Atlanta neighborhood overnight.",
])
def test_a_city_named_before_neighborhood_is_the_city(nlp, gazetteer, text):
    assert places(nlp, gazetteer, text)["Atlanta"].gazetteer_id is not None


@pytest.mark.parametrize("text", [
    "A man died after shooting himself at a Pueblo motel early Monday.",
    "Pueblo police said the man was alone when the gun went off.",
])
def test_a_city_the_ner_calls_a_people_is_the_city(nlp, gazetteer, text):
    assert places(nlp, gazetteer, text)["Pueblo"].admin1 == "Colorado"


@pytest.mark.parametrize("text, person, place", [
    ("Prosecutors charged Cleveland Smelley, 30, and two other men in Detroit.", "Cleveland", "Detroit"),
    ("Austin Reed, 19, was arrested in Dayton on Monday.", "Austin", "Dayton"),
])
def test_a_first_name_before_a_surname_and_an_age_is_a_person(nlp, gazetteer, text, person, place):
    found = places(nlp, gazetteer, text)
    assert person not in found and found[place] is not None


@pytest.mark.parametrize("text", [
    '"He was a fine kid," his uncle, Dr. Carl Johnson, Sr., said of the teen killed in Birmingham, Ala.',
    "The boy's grandfather, James Smith, Sr., said the family was in shock.",
])
def test_an_abbreviation_after_a_name_is_not_a_country_code(nlp, gazetteer, text):
    assert "Sr." not in places(nlp, gazetteer, text)


def test_a_headline_word_the_body_writes_in_lower_case_is_no_place(nlp, gazetteer):
    found = places(nlp, gazetteer, "Teen Shot Near School On Friday, Police Say\n\nA teenager was shot near a "
                                   "school in Akron on Friday, police said.")
    assert "Police" not in found and found["Akron"].admin1 == "Ohio"


def test_a_town_across_a_state_line_from_the_story_is_kept(nlp, gazetteer):
    found = places(nlp, gazetteer, "An elderly couple was found dead in a Hanover condominium, police said. "
                                   "State troopers from Bethel, Vt., assisted.")
    assert found["Hanover"].admin1 == "New Hampshire"


def test_a_town_after_in_is_no_building_whatever_the_ner_says(nlp, gazetteer):
    found = places(nlp, gazetteer, "Officers stopped a car on Edwards Street in Mount Pleasant for a traffic "
                                   "violation, and the driver fled toward Titus County.")
    assert found["Mount Pleasant"].admin1 == "Texas"


@pytest.mark.parametrize("outlet, country", [
    ("lfpress.ca", "CA"), ("https://www.thisisoxfordshire.co.uk/news/123", "GB"), ("dailystar.com.lb", "LB"),
    ("wral.com", None), ("en.wikinews.org", None), ("news.example.tv", None), ("kmov.com:80", None), (None, None),
])
def test_an_outlets_country_is_its_country_code_domain(outlet, country):
    assert outlet_country(outlet) == country


def test_the_outlets_country_decides_a_name_the_text_leaves_open(nlp, gazetteer):
    text = "City council wants London to become a hub for air cargo, the mayor said on Tuesday."
    assert places(nlp, gazetteer, text)["London"].country == "GB"
    sdoc = nlp(text)
    london = next(m.place for m in geoparse(sdoc, gazetteer, outlet="lfpress.ca") if m.text == "London")
    assert london.country == "CA" and london.admin1 == "Ontario"


@pytest.mark.parametrize("text", [
    "Police found the Toyota van in the 7400 block of South Shore Drive in Chicago.",
    "The suspect fled in an older model Pontiac Grand Prix, Detroit police said.",
])
def test_a_car_make_named_like_a_town_is_a_car(nlp, gazetteer, text):
    found = places(nlp, gazetteer, text)
    assert "Toyota" not in found and "Pontiac" not in found


def test_a_town_named_like_a_car_make_is_still_a_town(nlp, gazetteer):
    assert places(nlp, gazetteer, "Two men were shot in Pontiac, Mich., on Sunday.")["Pontiac"].admin1 == "Michigan"


def test_a_street_is_no_town_of_its_name(nlp, gazetteer):
    found = places(nlp, gazetteer, "In D.C., a man was shot on Second Street near the Capitol, police said.")
    assert found.get("Second Street") is None


def test_a_neighborhood_is_named_with_its_city(nlp, gazetteer):
    found = places(nlp, gazetteer, "A man was shot in the Mayfair section of Philadelphia on Sunday.")
    assert found["Mayfair"].name == "Mayfair, Philadelphia"


def test_a_town_named_like_a_car_make_keeps_its_police(nlp, gazetteer):
    found = places(nlp, gazetteer, "Lincoln Police said the man was shot near a bar in downtown Lincoln, Neb.")
    assert found["Lincoln"].admin1 == "Nebraska"


@pytest.mark.parametrize("text, name, admin1", [
    ("A girl and a man were injured during a Tuesday morning shooting in North Chicago.", "North Chicago", "Illinois"),
    ("Police in North Charleston said the man died at the scene.", "North Charleston", "South Carolina"),
])
def test_a_compass_word_opens_a_towns_own_name(nlp, gazetteer, text, name, admin1):
    place = places(nlp, gazetteer, text)[name]
    assert (place.name, place.admin1) == (name, admin1)


@pytest.mark.parametrize("text, name, county", [
    ("Shooting that injured boy in Aiken Co. ruled accidental", "Aiken Co.", "Aiken County"),
    ("Deputies in Choctaw Co. are investigating the death of a teen.", "Choctaw Co.", "Choctaw County"),
])
def test_county_abbreviated_as_co_is_the_county(nlp, gazetteer, text, name, county):
    place = places(nlp, gazetteer, text)[name]
    assert (place.name, place.precision) == (county, "admin2")
