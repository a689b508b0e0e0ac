"""Clean on articles written here: boilerplate lines go, facts stay, offsets map back, languages per paragraph."""
from __future__ import annotations

from sitrep.clean import clean, copy_similarity, minhash_signature, raw_offset
from sitrep.records import Document, RawDocument, Rejected

ARTICLE = """Militants storm checkpoint in northern Mali

Militants storm checkpoint in northern Mali
By Aminata Traore and John Smith
Published
Updated
Reading time: 2 min
Soldiers guard a road near Gao, Mali, Tuesday, March 9, 2021. (AP Photo/Jane Roe)
Gunmen attacked an army checkpoint near Gao on Monday, killing five soldiers, the army said in a statement.
Residents said the attackers arrived on motorcycles before dawn and fled towards the border.
هاجم مسلحون نقطة تفتيش للجيش قرب غاو يوم الاثنين وقتلوا خمسة جنود
— Army spokesman (@MaliArmy) March 9, 2021
Reuters contributed to this report.
Share this article
Radio radio icon
"""


def _doc(text: str, **kw) -> Document:
    result = clean(RawDocument(name="mali-1", source="test", text=text, **kw))
    assert isinstance(result, Document)
    return result


def test_boilerplate_lines_are_removed_and_reporting_kept() -> None:
    doc = _doc(ARTICLE)
    assert doc.text.count("Militants storm checkpoint") == 1          # repeated title line dropped
    assert "Gunmen attacked an army checkpoint near Gao" in doc.text
    assert "Residents said the attackers" in doc.text
    for gone in ("By Aminata", "Published", "Reading time", "AP Photo", "@MaliArmy", "contributed", "Share this",
                 "Radio radio icon"):
        assert gone not in doc.text, gone
    assert any("AP Photo" in line for line in doc.removed)


def test_offsets_map_back_to_raw_text() -> None:
    doc = _doc(ARTICLE)
    start = doc.text.index("killing five soldiers")
    raw = raw_offset(doc, start)
    assert ARTICLE[raw:raw + len("killing five soldiers")] == "killing five soldiers"


def test_languages_per_paragraph() -> None:
    doc = _doc(ARTICLE)
    langs = {doc.text[p.start:p.end][:10]: p.language for p in doc.paragraphs}
    assert "ar" in langs.values() and doc.language == "en"
    assert next(p.language for p in doc.paragraphs if "Gunmen" in doc.text[p.start:p.end]) == "en"


def test_a_title_case_headline_is_read_in_its_own_language() -> None:
    # capitals on every word mislead the letter n-gram model; other languages' headlines keep theirs
    for headline, language in [("Teen Shot To Death In Pacoima", "en"), ("4 Found Shot Dead In Greenacres", "en"),
                               ("Two Soldiers Killed As Gunmen Storm Checkpoint Near Gao", "en"),
                               ("Zwei Tote Bei Schießerei In Berlin", "de"), ("Un Homme Tué Par Balle À Marseille", "fr")]:
        assert _doc(headline + "\n").paragraphs[0].language == language, headline


def test_same_text_same_id_and_whitespace_does_not_matter() -> None:
    a = _doc("Two people were killed in a blast in Kabul on Friday, police said.")
    b = _doc("Two people  were killed in a blast in Kabul on Friday,\npolice said.")
    assert a.id == b.id                       # identity ignores line breaks and spacing
    assert clean(RawDocument(name="other", source="test", text=a.text)).id != a.id   # and includes the name
    c = _doc("Three people were killed in a blast in Kabul on Friday, police said.")
    assert a.id != c.id


def test_only_boilerplate_is_rejected() -> None:
    result = clean(RawDocument(name="x", source="test", text="Published\nUpdated\n"))
    assert isinstance(result, Rejected) and result.reason == "no_text"


def test_a_record_with_only_a_headline_is_that_headline() -> None:
    doc = clean(RawDocument(name="x", source="test", title="6 wounded, 1 critically, in shooting outside bar - "
                                                           "Anchorage Daily News"))
    assert isinstance(doc, Document) and doc.text.strip() == "6 wounded, 1 critically, in shooting outside bar"
    cut = clean(RawDocument(name="y", source="test", html="<html><body><div><p>", title="Gunmen attack police post"))
    assert isinstance(cut, Document) and cut.text.strip() == "Gunmen attack police post"


def test_a_title_too_short_to_be_a_headline_is_rejected() -> None:
    result = clean(RawDocument(name="x", source="test", text="", title="en"))
    assert isinstance(result, Rejected) and result.reason == "no_text" and "title" in result.detail


def test_html_main_text_without_caption_or_widgets() -> None:
    html = ("<html><head><title>Blast in Kabul</title></head><body><nav>Home | World | Sport</nav><article>"
            "<h1>Blast in Kabul</h1><figure><img src='a.jpg'><figcaption>Smoke rises over Kabul. (AFP Photo/X Y)"
            "</figcaption></figure><p>Two people were killed and eleven wounded when a bomb exploded near a "
            "mosque in Kabul on Friday, police said. The blast happened during prayers, witnesses told reporters.</p>"
            "<p>No group has claimed responsibility for the attack, which came a week after a similar bombing in "
            "the city's west.</p><div class='share'>Share on Facebook</div></article><footer>© 2021 News</footer>"
            "</body></html>")
    doc = clean(RawDocument(name="kabul", source="test", html=html))
    assert isinstance(doc, Document)
    assert "eleven wounded" in doc.text and "Smoke rises" not in doc.text and "Facebook" not in doc.text
    assert doc.title == "Blast in Kabul"


def test_truncated_html_is_rejected_or_kept_never_raises() -> None:
    result = clean(RawDocument(name="cut", source="test", html="<html><body><article><p>Two people were kil"))
    assert isinstance(result, (Document, Rejected))


def test_syndicated_copy_is_similar_and_other_story_is_not() -> None:
    story = ("Gunmen attacked an army checkpoint near Gao on Monday, killing five soldiers, the army said in a "
             "statement. Residents said the attackers arrived on motorcycles before dawn and fled towards the border "
             "after a two-hour gunfight that left the checkpoint burned. The army said reinforcements were sent from "
             "the regional headquarters and that a search was under way in the surrounding villages. No group "
             "claimed the attack, but fighters linked to the Islamic State have been active in the area for years, "
             "and a similar raid on a post near Menaka killed three soldiers last month. The United Nations mission "
             "condemned the attack and called for those responsible to be brought to justice.")
    copy = "MALI (Wire) — " + story + " Follow us for more."
    other = ("Heavy rain flooded the capital on Monday, cutting power to thousands of homes and closing schools "
             "across the city for the rest of the week, officials said.")
    sig = minhash_signature(story)[1]
    assert copy_similarity(sig, minhash_signature(copy)[1]) > 0.7
    assert copy_similarity(sig, minhash_signature(other)[1]) < 0.1


def test_a_title_the_body_lacks_becomes_the_first_paragraph() -> None:
    body = "Police were called to a house on Elm Street late Sunday.\nOfficers said the victim was taken to hospital.\n"
    doc = _doc(body, title="Teen shot in leg, man arrested - WXYZ Channel 7 News | Weather & Traffic")
    assert doc.text.startswith("Teen shot in leg, man arrested\n\n")     # the site name is cut off
    assert raw_offset(doc, 0) is None                                     # the headline is not in the raw text
    start = doc.text.index("taken to hospital")
    assert body[raw_offset(doc, start):].startswith("taken to hospital")
    assert doc.paragraphs[0].end == len("Teen shot in leg, man arrested")


def test_a_title_the_body_opens_with_is_not_repeated() -> None:
    doc = _doc(ARTICLE, title="Militants storm checkpoint in northern Mali")
    assert doc.text.count("Militants storm checkpoint") == 1
    short = _doc("Gunmen attacked a convoy on Monday.\n", title="Breaking")   # too short to say anything
    assert short.text.startswith("Gunmen attacked")


def test_a_dash_inside_a_headline_is_kept() -> None:
    doc = _doc("The shooting happened near the park.\n", title="Shooting near park - two dead, three hurt")
    assert doc.text.startswith("Shooting near park - two dead, three hurt\n\n")


def test_links_to_other_stories_are_removed() -> None:
    text = ("A man was wounded in a shooting on Elm Street on Sunday, police said.\n"
            "► Related: Two killed in weekend shootings across the city\n"
            "READ MORE: Teen charged in fatal shooting at park\n"
            "Related stories 3 hurt in crash on Route 9\n"
            "More than 20 neighbours gathered at the scene on Monday.\n")
    doc = _doc(text)
    assert "Two killed" not in doc.text and "Teen charged" not in doc.text and "3 hurt" not in doc.text
    assert "More than 20 neighbours" in doc.text and len(doc.removed) == 3


def test_a_title_tail_of_several_site_names_is_cut_off_whole() -> None:
    body = "Officers found a man shot inside an apartment on Friday morning.\n"
    doc = _doc(body, title="Man found shot in apartment - KAAA.com - Springfield, MO - News, Weather and Sports")
    assert doc.text.startswith("Man found shot in apartment\n\n")


def test_a_broadcasters_name_opening_a_title_is_cut_off() -> None:
    body = "Officers found the victim in the 200 block of North 38th Street on Thursday.\n"
    doc = _doc(body, title="CBS 58 - Milwaukee Police Identify 16-Year-Old Fatally Shot")
    assert doc.text.startswith("Milwaukee Police Identify 16-Year-Old Fatally Shot\n\n")
    kept = _doc(body, title="ISIS - the group behind the attack")   # not a station: the title stays whole
    assert kept.text.startswith("ISIS - the group behind the attack\n\n")


def test_the_sites_own_forms_and_players_are_removed_and_appeals_to_readers_kept() -> None:
    text = "\n".join([
        "Two men were wounded in a shooting at a petrol station on Friday night, police said.",
        "Log in with your existing account: {* socialLoginButtons *}",
        "Welcome back! Please sign in to keep reading.",
        "We have emailed a link to you. Open it to confirm your registration.",
        "Turn on notifications to hear first when this reporter files a story, and you will not miss a thing.",
        "Your browser cannot play this clip; please turn on JavaScript.",
        "Get our free app for your phone to follow breaking news.",
        "Anyone who saw the car is asked to call detectives; you can stay anonymous.",
        "A witness recorded the gunfire on her phone, and you can hear at least eight shots on the video.",
        "The wounded men were taken to hospital, officers said. For updates, subscribe to our evening newsletter.",
        "Email notifications for this topic are sent every morning.",
        "Already a subscriber?",
        "2:47",
        "The man who fired was a registered sex offender who had signed in at a shelter that week.",
        "Neighbours left cookies and flowers on the steps of the station.",
        "Caption More stories you may like Three hurt in crash on I-95 in Boca Raton Caption Bridge reopens in Sunrise",
    ])
    doc = _doc(text, title="Two wounded at petrol station")
    for gone in ("Log in", "Welcome back", "emailed a link", "notifications", "JavaScript", "free app", "subscriber",
                 "2:47", "Boca Raton"):
        assert gone not in doc.text, gone
    for kept in ("Two men were wounded", "call detectives", "you can hear at least eight shots",
                 "taken to hospital, officers said", "registered sex offender", "cookies and flowers"):
        assert kept in doc.text, kept


def test_invisible_padding_around_a_line_goes_and_offsets_still_map_back() -> None:
    raw = ("Gunfire wounds two\n\u200b\u200bPORTLAND, Maine -- Two men were wounded on Friday, police said.\ufeff\n"
           " \u200b \nA third man was arrested.\n")
    doc = _doc(raw)
    assert "\nPORTLAND, Maine -- Two men were wounded" in doc.text and "\u200b" not in doc.text
    assert "\ufeff" not in doc.text and "A third man was arrested." in doc.text
    start = doc.text.index("PORTLAND")
    assert raw[raw_offset(doc, start):raw_offset(doc, start) + 8] == "PORTLAND"
