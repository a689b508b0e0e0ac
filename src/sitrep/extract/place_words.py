"""Word lists the toponym recognizer reads: what around a name makes it a street, a car, a person or a
part of a city rather than a place (hand-written: no installed package lists these for news English)."""
from __future__ import annotations

COMPASS = {"north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern",
           "western", "upper", "lower", "middle", "coast", "islands", "lakes", "mountains", "valley"}

# Words after a name that make it a street, park or estate, not the place it was named after.
STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "parkway", "pkwy",
                "lane", "ln", "way", "court", "ct", "place", "pl", "highway", "hwy", "pike", "trail", "circle",
                "terrace", "expressway", "freeway", "turnpike", "park", "downs", "apartments", "plaza", "square"}
ROAD_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "highway", "hwy"}
# Words that end a place's own name after another place's ("Hamilton Heights", "Harbor City", "Harbor
# Gateway"): a neighbourhood or town of its own, not the place it opens with.
PLACE_NAME_ENDS = {"heights", "hills", "city", "village", "gateway", "point", "beach", "estates", "acres", "ridge",
                   "springs", "valley", "grove", "woods", "shores", "crossing", "junction", "terrace", "gardens",
                   "park", "square", "manor", "harbor", "landing", "commons", "mills", "falls", "bluff", "bluffs"}
# Car makes named like towns, and what follows a make: in crime news "a Toyota" is a car, "in Pontiac" a town
# (hand-written: no installed package lists them).
VEHICLE_MAKES = {"Toyota", "Pontiac", "Plymouth", "Lincoln", "Mercedes", "Cadillac", "Dodge", "Mercury", "Saturn",
                 "Buick", "Chevrolet", "Jeep", "Lexus", "Acura", "Infiniti", "Jaguar", "Bentley", "Nissan"}
VEHICLE_NOUNS = {"van", "truck", "car", "sedan", "suv", "pickup", "minivan", "coupe", "wagon", "convertible"}
# Names made only of these words are parts of some city ("the West Side", "Metro" police), not places to look up.
GENERIC_WORDS = COMPASS | {"side", "end", "district", "region", "metro", "downtown", "uptown", "midtown", "northeast",
                           "northwest", "southeast", "southwest", "parkway", "village", "city", "town", "park",
                           "heights", "hills", "north side", "northside", "southside", "eastside", "westside"}
# Capitalized words before a place name that keep it a place ("Downtown Jackson", "Greater Boston").
AREA_WORDS = COMPASS | {"downtown", "uptown", "midtown", "metro", "greater", "suburban", "rural", "old", "new",
                        "northeast", "northwest", "southeast", "southwest", "unlike", "like", "despite", "outside",
                        "inside", "including", "visit", "visiting", "leave", "leaving", "metropolitan", "acting",
                        "historic", "fort", "port", "lake", "mount", "village", "city", "town", "county", "township"}

# Nouns after a town's name that make it the town ("Pueblo police", "a Pueblo motel") where the NER
# took the name for a people (NORP): a nationality's police or motel is rarer than a town's.
TOWN_INSTITUTIONS = {"police", "sheriff", "officers", "detectives", "firefighters", "motel", "hotel", "mayor",
                     "council", "county"}
LOCATIVES = ("in", "at", "near", "from", "outside", "to", "of")
TITLES = {"mr", "mrs", "ms", "dr", "gen", "col", "sgt", "lt", "capt", "sen", "rep", "gov", "president", "judge",
          "officer", "deputy", "sheriff", "coach", "rev", "st"}
