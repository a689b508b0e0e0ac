"""Articles in other languages: figures with their sources, dates and places, without the English model.

Every sentence here is written for the test, in the phrasings wire services use in each language.
"""
from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.extract.extractor import Extractor
from sitrep.extract.foreign import _Sentence, event_date
from sitrep.extract.foreign_claims import load_lexicons, sentence_claims
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.records import RawDocument
from sitrep.settings import Settings


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


def claims(kb, language: str, sentence: str) -> set[tuple]:
    found = sentence_claims(sentence, 0, load_lexicons()[language], kb, "d")
    return {(c.figure, c.group, c.value, c.qualifier, c.source) for c in found}


@pytest.mark.parametrize("language, sentence, expected", [
    ("fr", "Au moins 13 personnes, dont six enfants et quatre femmes, ont été tuées dans le raid, selon les Casques "
           "blancs.", {("killed", "total", 13, "at_least", "Syrian Civil Defense"),
                       ("killed", "children", 6, "exact", "Syrian Civil Defense"),
                       ("killed", "women", 4, "exact", "Syrian Civil Defense")}),
    ("fr", "Une frappe a tué 7 civils et blessé 12 autres mardi, a indiqué le ministère de la Santé.",
     {("killed", "civilians", 7, "exact", "Ministry of Health"), ("wounded", "total", 12, "exact", "Ministry of Health")}),
    ("fr", "L'OSDH a fait état de 9 morts, dont deux femmes.",
     {("killed", "total", 9, "exact", "Syrian Observatory for Human Rights"),
      ("killed", "women", 2, "exact", "Syrian Observatory for Human Rights")}),
    ("es", "Al menos 20 personas murieron y más de 50 resultaron heridas, según la ONU.",
     {("killed", "total", 20, "at_least", "United Nations")}),
    ("es", "El bombardeo dejó 20 muertos y más de 50 heridos, informó la ONU.",
     {("killed", "total", 20, "exact", "United Nations"), ("wounded", "total", 50, "more_than", "United Nations")}),
    ("es", "Decenas de civiles resultaron heridos.", {("wounded", "civilians", 20, "at_least", None)}),
    ("pt", "Pelo menos 8 pessoas morreram, incluindo três crianças.",
     {("killed", "total", 8, "at_least", None), ("killed", "children", 3, "exact", None)}),
    ("de", "Bei dem Luftangriff wurden mindestens 13 Menschen getötet, darunter sechs Kinder, teilte das "
           "Gesundheitsministerium mit.", {("killed", "total", 13, "at_least", "Ministry of Health"),
                                           ("killed", "children", 6, "exact", "Ministry of Health")}),
    ("it", "Almeno 5 soldati sono stati uccisi, secondo l'esercito.", {("killed", "security_forces", 5, "at_least",
                                                                       "l'esercito")}),
    ("ar", "قال المرصد السوري لحقوق الإنسان إن 13 شخصا قتلوا بينهم 6 أطفال و4 نساء.",
     {("killed", "total", 13, "exact", "Syrian Observatory for Human Rights"),
      ("killed", "children", 6, "exact", "Syrian Observatory for Human Rights"),
      ("killed", "women", 4, "exact", "Syrian Observatory for Human Rights")}),
    ("ar", "أسفرت الغارة عن مقتل 7 مدنيين وإصابة 12 آخرين، وفقا للدفاع المدني السوري.",
     {("killed", "civilians", 7, "exact", "Syrian Civil Defense"), ("wounded", "total", 12, "exact", "Syrian Civil Defense")}),
    ("ar", "أسفر القصف عن 11 قتيلا على الأقل.", {("killed", "total", 11, "at_least", None)}),
    ("ru", "В результате обстрела погибли 13 человек, в том числе шестеро детей.",
     {("killed", "total", 13, "exact", None), ("killed", "children", 6, "exact", None)}),
    ("ru", "Не менее 20 человек ранены, по данным ООН.", {("wounded", "total", 20, "at_least", "United Nations")}),
    ("nl", "Bij een luchtaanval zijn zeker 13 mensen omgekomen, onder wie zes kinderen, meldt het Syrisch "
           "Observatorium voor de Mensenrechten.", {("killed", "total", 13, "at_least", "Syrian Observatory for Human Rights"),
                                                    ("killed", "children", 6, "exact", "Syrian Observatory for Human Rights")}),
    ("nl", "Volgens de VN raakten meer dan 40 burgers gewond.", {("wounded", "civilians", 40, "more_than", "United Nations")}),
    ("fa", "در این حمله هوایی دست کم ۱۳ نفر از جمله ۶ کودک کشته شدند، به گفته دیده‌بان حقوق بشر سوریه.",
     {("killed", "total", 13, "at_least", "Syrian Observatory for Human Rights"),
      ("killed", "children", 6, "exact", "Syrian Observatory for Human Rights")}),
    ("fa", "سازمان ملل اعلام کرد بیش از ۲۰ نفر زخمی شدند.", {("wounded", "total", 20, "more_than", "United Nations")}),
    ("uk", "Унаслідок ракетного удару загинули щонайменше 12 людей, ще 40 поранено, повідомили в ДСНС.",
     {("killed", "total", 12, "at_least", "State Emergency Service of Ukraine"),
      ("wounded", "total", 40, "exact", "State Emergency Service of Ukraine")}),
])
def test_figures_with_their_groups_qualifiers_and_sources(kb, language, sentence, expected):
    assert claims(kb, language, sentence) == expected


@pytest.mark.parametrize("language, sentence", [
    ("fr", "Le 13 mars, l'armée a lancé une opération."),           # a day of a month
    ("fr", "Un homme de 45 ans a été arrêté."),                     # an age
    ("es", "El ataque ocurrió en 2023 a 30 kilómetros de la frontera."),
    ("de", "Die Angreifer flohen nach 20 Minuten."),                # no casualty word
    ("ar", "وقع الانفجار في الساعة 10 صباحا."),
])
def test_numbers_that_count_no_casualties(kb, language, sentence):
    assert claims(kb, language, sentence) == set()


def test_a_source_not_in_the_knowledge_base_is_kept_as_written(kb):
    found = claims(kb, "de", "Nach Angaben der örtlichen Behörden starben 5 Soldaten.")
    assert found == {("killed", "security_forces", 5, "exact", "örtlichen Behörden")}


@pytest.mark.parametrize("language, sentence, published, expected", [
    ("es", "Al menos 11 personas murieron este jueves en un ataque con misiles.", "2023-03-10", "2023-03-09"),
    ("ru", "Погибли в среду 13 человек.", "2023-03-10", "2023-03-08"),
    ("ar", "قتل 13 شخصا يوم الخميس في غارة.", "2023-03-10", "2023-03-09"),
    ("de", "Am 3. März wurden 13 Menschen getötet.", "2023-03-10", "2023-03-03"),
    ("fr", "L'attaque du 12 mars 2024 a fait 8 morts.", "2024-03-14", "2024-03-12"),
    ("uk", "Вчора загинули 5 людей.", "2023-03-10", "2023-03-09"),
    ("fr", "Le 28 décembre, cinq morts.", "2023-03-10", "2023-03-10"),   # long before: history, not the event
])
def test_event_dates_in_the_articles_language(language, sentence, published, expected):
    assert event_date([_Sentence(sentence, 0)], language, published).value == expected


def test_no_publication_date_gives_no_date():
    assert event_date([_Sentence("Vendredi, 3 morts.", 0)], "fr", None).precision == "unknown"


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Settings.load())


def article(text: str, published: str, name: str = "x"):
    return clean(RawDocument(name=name, source="test", text=text, published=published))


def test_a_french_article_gives_its_incident_without_the_english_model(extractor):
    text = ("Syrie : cinq civils tués dans une frappe aérienne près d'Alep\n\n"
            "Cinq civils, dont deux enfants, ont été tués mardi dans une frappe aérienne sur un marché près d'Alep, "
            "dans le nord de la Syrie, selon l'Observatoire syrien des droits de l'homme.\n\n"
            "Une dizaine de personnes ont été blessées, a précisé l'ONG, qui dispose d'un vaste réseau de sources.")
    doc = article(text, "2024-05-16")
    assert doc.language == "fr"
    [mention] = extractor.extract([doc])
    assert mention.event_type == "Explosions/Remote violence" and mention.action == "airstrike"
    assert mention.date.value == "2024-05-14"
    assert (mention.place.name, mention.place.country) == ("Aleppo", "SY")
    found = {(c.figure, c.group, c.value, c.source) for c in mention.claims}
    assert ("killed", "civilians", 5, "Syrian Observatory for Human Rights") in found
    assert ("killed", "children", 2, "Syrian Observatory for Human Rights") in found
    for claim in mention.claims:      # quotes point into the cleaned text
        assert doc.text[claim.start:claim.end] == claim.quote


def test_english_and_foreign_documents_keep_their_order(extractor):
    english = article("Two men were shot dead in Aleppo on Monday, activists said.", "2024-05-16", "en")
    spanish = article("Dos hombres murieron el lunes en un tiroteo en Alepo, según activistas sirios.", "2024-05-16", "es")
    found = extractor.extract([spanish, english])
    assert [m.document for m in found if m.role == "primary"] == ["es", "en"]
    assert ("killed", 2) in {(c.figure, c.value) for c in found[0].claims}


@pytest.mark.parametrize("text, published, place, country", [
    ("قتل 13 شخصا بينهم 4 أطفال في غارة جوية على بلدة قرب مدينة إدلب شمال غرب سوريا، وفق الدفاع المدني السوري.",
     "2024-05-16", "Idlib", "SY"),
    ("В результате ракетного удара по Харькову погибли 7 человек, сообщили в ГСЧС Украины.", "2024-05-16",
     "Kharkiv", "UA"),
    ("Унаслідок обстрілу Херсона загинули троє людей, ще 5 поранено.", "2024-05-16", "Kherson", "UA"),
    ("Al menos seis personas murieron en un bombardeo en Járkov, en el noreste de Ucrania.", "2024-05-16",
     "Kharkiv", "UA"),
])
def test_places_in_other_scripts_and_spellings(extractor, text, published, place, country):
    doc = article(text, published)
    [mention] = extractor.extract([doc])
    assert (mention.place.name, mention.place.country) == (place, country)
    assert any(c.figure == "killed" for c in mention.claims)


def test_an_everyday_word_that_names_a_town_elsewhere_is_no_place(extractor):
    doc = article("قتل 5 مدنيين في قصف على مدينة في شمال سوريا.", "2024-05-16")
    [mention] = extractor.extract([doc])
    assert mention.place.country == "SY" and mention.place.precision == "country"


@pytest.mark.parametrize("language, text", [
    ("fr", "BEYROUTH (AFP) - Au moins huit civils ont été tués mercredi dans des frappes aériennes sur la province "
           "d'Idleb, dans le nord-ouest de la Syrie, a annoncé l'Observatoire syrien des droits de l'homme."),
    ("es", "BEIRUT, 15 may (EFE).- Al menos ocho civiles murieron este miércoles en bombardeos en la provincia siria "
           "de Idleb, informó el Observatorio Sirio de Derechos Humanos."),
    ("ru", "МОСКВА, 16 мая – РИА Новости. Восемь мирных жителей погибли в среду в результате авиаударов по "
           "провинции Идлиб на северо-западе Сирии, сообщает Сирийская обсерватория по правам человека."),
])
def test_a_wire_dateline_is_neither_scene_nor_source_nor_date(extractor, language, text):
    doc = article(text, "2019-05-16")
    [mention] = extractor.extract([doc])
    assert (mention.place.name, mention.place.country) == ("Idlib", "SY")
    assert mention.date.value == "2019-05-15"
    assert {(c.figure, c.group, c.value, c.source) for c in mention.claims} == {
        ("killed", "civilians", 8, "Syrian Observatory for Human Rights")}


def test_an_earlier_incident_told_in_passing_is_its_own_mention(extractor):
    text = ("Syrie : un chef jihadiste tué lors d'un raid américain\n\n"
            "Un chef de l'État islamique a été tué jeudi lors d'un raid américain dans la province d'Idleb, "
            "au cours duquel 13 personnes ont péri, selon les Casques blancs.\n\n"
            "En octobre 2019, un raid similaire avait tué Abou Bakr al-Baghdadi et 6 autres personnes à Barisha.")
    doc = article(text, "2022-02-04")
    primary, *others = extractor.extract([doc])
    assert primary.role == "primary" and primary.date.value == "2022-02-03"
    assert {(c.figure, c.value) for c in primary.claims} == {("killed", 13)}
    [earlier] = others
    assert earlier.role == "mention" and earlier.date.value.startswith("2019")
    assert {(c.figure, c.value) for c in earlier.claims} == {("killed", 6)}
