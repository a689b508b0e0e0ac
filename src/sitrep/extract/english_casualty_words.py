"""The words English news counts people and tells their fate with: person nouns by group, the
casualty words on either side of a count ("were killed", "killing"), and the small closed classes
(auxiliaries, determiners, clause breaks) the rules of `people_groups`, `group_lists`, `casualty_cues`
and `victims` read between them.

Hand-written tables, not a lexicon library: the classes are closed and news-specific ("gunmen" are
militants, "deputies" security forces, "grazed" a wound), and each entry is a phrasing seen in reports.
"""
from __future__ import annotations

PERSON_NOUNS = {
    "total": "people persons person individuals individual victims victim others adults adult residents resident "
             "passengers passenger worshippers pilgrims protesters protester demonstrators students student "
             "workers worker journalists journalist employees staff patients relatives suspects suspect sons daughters "
             "villagers migrants refugees shoppers bystanders bystander pedestrians pedestrian men man females males "
             "son daughter cousin friend neighbor neighbour cousins friends neighbors siblings driver drivers "
             "motorist motorists passerby passersby customer customers clerk clerks cashier homeowner homeowners "
             "occupant occupants male female partygoers partygoer revelers reveler concertgoers attendees guests guest "
             "spectators roommate roommates tenant tenants classmate classmates coworker coworkers "
             # kin told without a number: "killed his stepson", "his grandson"
             "stepson stepsons stepdaughter stepdaughters grandson grandsons granddaughter granddaughters "
             "stepchild grandchild "
             # occupations conflict reports count victims by
             "farmers farmer shepherds shepherd herders herder fishermen fisherman teachers teacher pupils pupil "
             "doctors doctor nurses nurse medics medic paramedics traders trader vendors vendor merchants "
             "labourers labourer laborers laborer miners miner engineers engineer tourists tourist truckers "
             "volunteers volunteer youth youths partner partners pastor pastors priest priests sailors sailor "
             "musicians musician bandmates bandmate",
    "children": "children child kids kid boys boy girls girl babies baby infants infant toddlers toddler "
                "minors minor teens teen teenagers teenager juveniles juvenile schoolchildren",
    "women": "women woman wife mother mom mum sister grandmother aunt niece fiancee girlfriend daughter-in-law wives "
             "mothers sisters girlfriends stepmother stepsister",
    "men_kin": "husband father dad brother grandfather uncle nephew fiance boyfriend husbands fathers brothers "
               "boyfriends stepfather stepbrother",
    "militants": "militants militant fighters fighter insurgents insurgent rebels rebel terrorists terrorist "
                 "jihadists jihadist gunmen gunman attackers attacker assailants assailant bombers extremists "
                 "combatants combatant",
    "armed_members": "members member leaders leader commanders commander operatives operative",
    "security_forces": "soldiers soldier troops servicemen serviceman personnel policemen policeman policewomen "
                       "officers officer guards guard marines gendarmes conscripts deputies deputy constables "
                       "constable troopers trooper agents agent marshals marshal",
    "civilians": "civilians civilian noncombatants",
}
NOUN_GROUP = {w: g for g, words in PERSON_NOUNS.items() for w in words.split()}
PARENTS = {"father", "mother", "dad", "mom", "mum", "parent", "grandmother", "grandfather"}
LATER_DIED = {"died", "dies", "succumbed"}
QUALIFYING_PARTICIPLES = set("run led held backed controlled linked affiliated allied aligned owned operated based "
                             "style related friendly".split())
PLURAL_NOUNS = {"men", "women", "children", "people", "police", "staff", "personnel", "teens", "kids", "youths"}
SECURITY_BIGRAMS = {("security", "forces"), ("police", "officers"), ("prison", "workers"), ("prison", "guards"),
                    ("prison", "staff"), ("service", "members"), ("security", "personnel"), ("border", "guards")}
FIGURE_NOUNS = {"deaths": ("killed", "exact"), "fatalities": ("killed", "exact"), "dead": ("killed", "exact"),
                "bodies": ("killed", "at_least"), "corpses": ("killed", "at_least"),
                "casualties": ("casualties", "exact"), "injuries": ("wounded", "exact")}
RIGHT_CUES = {"killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "dies": "killed",
              "perished": "killed", "slain": "killed", "murdered": "killed", "massacred": "killed",
              "executed": "killed", "fatally": "killed", "beheaded": "killed", "dying": "killed",
              "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "hospitalized": "wounded",
              "hospitalised": "wounded", "shot": "shot", "deceased": "killed",
              "suffering": "shot", "suffered": "shot", "suffer": "shot", "suffers": "shot", "sustained": "shot",
              "grazed": "wounded", "succumbed": "killed", "bleeding": "shot",
              "arrested": "arrested", "detained": "arrested", "captured": "arrested", "apprehended": "arrested",
              "missing": "missing"}
LEFT_CUES = {"killed": "killed", "killing": "killed", "kills": "killed", "kill": "killed", "murdering": "killed",
             "executing": "killed", "massacring": "killed",
             "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
             "injures": "wounded", "wounds": "wounded", "shot": "shot", "shooting": "shot", "grazed": "wounded",
             "shoots": "shot", "grazes": "wounded",
             "grazing": "wounded",
             "arrested": "arrested", "arresting": "arrested", "arrests": "arrested", "detained": "arrested",
             "detaining": "arrested", "captured": "arrested", "capturing": "arrested"}
NOT_A_COUNT = {"year", "years", "day", "days", "hour", "hours", "minute", "minutes", "month", "months", "week",
               "weeks", "percent", "%", "a.m.", "p.m.", "am", "pm", "o'clock", "times", "miles", "feet", "km",
               "kilometres", "kilometers", "metres", "meters", "dollars", "rounds", "shots", "calibre", "caliber", "block",
               "blocks", "mph", "degrees", "pounds", "cents", "points", "games", "yards"}
BREAK = {",", ".", ";", ":", "!", "?", "was", "were", "is", "are", "has", "have", "had", "be", "been", "in", "on",
         "at", "from", "with", "by", "after", "before", "during", "for", "to", "that", "who", "which", "and", "or",
         "but", "as", "when", "while", "said", "says", "told", "near", "into", "over", "under", "than", "where", "whose",
         "through", "since", "until", "—", "–", "(", ")"}
AUXILIARIES = {"was", "were", "is", "are", "been", "be", "being", "have", "has", "had", "reportedly", "also", "later",
               "of", "them", "those", "allegedly", "all", "else", "subsequently", "eventually", "got", "whom", "who",
               "since", "then", "apparently", "did", "critically", "seriously", "badly", "gravely", "mortally",
               "severely", "accidentally", "pronounced", "found", "both"}
BARE_FOLLOWERS = {",", ".", ";", ":", "and", "in", "on", "at", "during", "when", "after", "while", "including",
                  "more", "overnight", "inside", "near", "as", "-", "who", "whom", "before", "by", "with", "outside",
                  "across", "around"}
MONTHS = set("january february march april may june july august september october november december jan jan. feb "
             "feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.".split())
DETERMINERS = {"a", "an", "another", "his", "her", "their", "its"}
# words a headline puts before a place or a person noun: "North Idaho child killed", "Local man shot"
HEADLINE_QUALIFIERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                       "northeast", "northwest", "southeast", "southwest", "local", "area", "teenage", "young",
                       "elderly", "pregnant", "unarmed", "former"}
# a clause's opening word before a headline's bare subject: "neighborhood in fear after girl, 15, is killed"
CLAUSE_OPENERS = {"after", "as", "when", "while", "before"}
PRESENT_CUES = {"shoots", "kills", "wounds", "injures", "grazes"}   # headline verbs: "Father shoots son"
KILLING_VERBS = {"killing", "murdering"}   # a headline's gerund before a bare noun: "charged with killing uncle"
NAMING_VERBS = {"identify", "identifies", "identified", "name", "names", "id", "ids"}   # "Police identify man killed"
# nouns a number identifies rather than counts: "Precinct 5 officers", "Route 9", "Apartment 3"
NUMBERED = set("precinct district ward channel route highway interstate unit station engine ladder squad room "
               "apartment apt suite number exit gate pier lot building floor grade level section sector zone news "
               "division battalion brigade company local chapter page episode season team".split())
PERSON_GROUPS = {"total", "women", "men", "children"}
ORDINALS = set("second third fourth fifth sixth seventh eighth ninth tenth".split())   # "a fourth victim": one more
# the last word of a place name before a headline's person ("Otter Tail County boy"), when the NER misses the place
PLACE_SUFFIXES = {"county", "parish", "township", "borough", "city", "town", "village", "area"}
LIST_CUES = {"died", "suffered", "sustained"}   # a list of names then its fate: "..., and Lee Green died"
MILITARY_WORDS = {"u.s.", "us", "american", "military", "coalition", "israeli", "russian", "ukrainian", "army",
                  "troops", "soldiers", "police", "security", "government", "turkish", "iraqi", "syrian", "nato"}

# --- figures read around a counted group (victims) ---

DEATH_NOUNS = {"death": "killed", "deaths": "killed", "bodies": "killed", "body": "killed", "killing": "killed",
               "murder": "killed", "murders": "killed", "slaying": "killed", "slayings": "killed", "suicide": "killed",
               "killings": "killed", "lives": "killed", "life": "killed", "wounding": "wounded", "shooting": "shot",
               "shootings": "shot",
               "arrest": "arrested", "arrests": "arrested", "detention": "arrested"}
TOLL_WORDS = {"toll"}
SUBSET_OPENERS = {"including", "included", "include", "includes", "among"}
NEGATIONS = {"not", "n't", "never", "neither", "nor"}
RELATIVES = {"which", "who", "whom", "whose", "where"}
# not "suffered a wound"; a headline's present tense too: "Gunman fatally shoots 3 ..."
DOING_VERBS = {"shot", "killed", "wounded", "injured", "stabbed", "murdered", "shoots", "kills", "wounds", "injures"}
OBJECT_STARTERS = {"a", "an", "the", "his", "her", "their", "him", "them", "another", "two", "three", "four", "five",
                   "six", "several", "multiple", "twin", "twins"}
UNREAL = NEGATIONS | {"could", "would", "might", "nearly", "almost"}   # "could have died", "nearly died"
LATER_DEATH = [tuple(p.split()) for p in ("died", "dies", "succumbed", "pronounced dead", "passed away",
                                          "did not survive", "killing him", "killing her", "killing them")]
STILL = {"is", "are", "remains", "remain", "remained", "stays", "still"}
SURVIVING = {"non", "minor", "released", "survive", "recover", "stable", "stabilized"}
CARRIED = {"taken", "rushed", "transported", "airlifted", "flown", "driven"}   # "... to a hospital"
CONDITIONS = {"critical", "serious", "stable", "grave", "fair", "guarded"}   # a patient's, told by a hospital
KIN = {"his", "her", "their", "its", "'s", "’s"}   # possessives before a group: someone's family
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}   # a clause of its own: the casualty word is about them
SHOT_AS_NOUN = {"a", "single", "one", "warning", "first", "second", "final", "each", "another", "fatal"}   # "a shot"
BULLETS = {"bullet", "bullets", "gunfire", "round", "rounds", "pellets", "shotgun", "gunshot", "shots"}
