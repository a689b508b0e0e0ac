"""Who said it: each sentence's speaker, resolved through the knowledge base.

`SpeakerFinder` credits each sentence of a spaCy Doc to its speaker ("X said", "according to X",
the speaker of an enclosing quote, "it said" carried from the sentence before) and resolves the
speaker through the knowledge base, so claims name canonical sources.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import entities, per_document, sentences_of, span_text, text_of, tokens_of

SPEECH_VERBS = set("said says say told tells tell reported reports report claimed claims claim announced announces "
                   "announce stated states confirmed confirms confirm added noted notes wrote writes tweeted posted "
                   "alleged alleges allege estimated estimates documented recorded counted".split())
LEAD_IN_ADVERBS = {"also", "later", "previously", "earlier", "has", "have", "had", "reportedly", "initially",
                   "originally", "further", "separately", "would", "then", "additionally"}
SEGMENT_BOUNDS = {",", '"', ";", ":", "that", "and", "but", "while", "when", "as", "because", "—", "–"}
ANAPHORS = {"it", "he", "she", "they", "we", "i", "statement", "report", "release", "group", "monitor", "agency",
            "organisation", "organization", "spokesman", "spokeswoman", "spokesperson", "official"}
OFFICIAL_WORDS = {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "chief", "sgt", "sgt.", "lt",
                  "lt.", "officer", "detective", "sheriff", "police", "commander", "gen.", "general", "captain",
                  "capt.", "mayor", "governor", "lieutenant", "sergeant", "deputy", "prosecutor", "attorney"}
MEDICAL_WORDS = {"doctor", "dr.", "dr", "nurse", "surgeon", "physician", "coroner", "paramedic"}
STATEMENT = re.compile(r"\b(the|its|a|their|his|her) (statement|report|release|communiqu[eé])\b", re.I)
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
QUOTE_SPANS = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"")
DESCRIPTOR_ENDS = {",", ";", ":", ".", ")", "(", "also", "known", "which", "who", "that", "said", "says", "and", "—", "–"}
ARTICLES = {"the", "a", "an", "its", "their", "his", "her"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# institutions a report names by a common noun ("the army said"): a voice even without a proper name
INSTITUTIONS = {"army": "military", "military": "military", "navy": "military", "government": "government",
                "ministry": "government", "agency": "government", "service": "government",
                "office": "government", "department": "government", "authority": "government",
                "council": "government", "hospital": "medical",
                # groups that speak as one voice without a name ("rebels say", "activists said")
                "rebels": "armed_group", "insurgents": "armed_group", "militants": "armed_group"}
# "put the toll at 12", "puts the number of dead at": a figure given by the subject
TOLL_GIVING = {("put", "the"), ("puts", "the"), ("put", "its"), ("puts", "its"), ("put", "their"), ("puts", "their")}
TOLL_NOUNS = {"toll", "death", "number", "figure", "count", "casualty"}


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is credited to: a canonical name (or the words as written) and a records.SourceType."""
    name: str
    source_type: str


class SpeakerFinder:
    """Who each sentence credits: "X said", "according to X", the speaker of an enclosing quote,
    and, for "it said" or a sentence that goes on summarising a statement, the speaker before."""

    def __init__(self, sdoc: Doc, kb: KnowledgeBase):
        self.kb = kb
        self.sents = list(sentences(sdoc))
        self.described = self._descriptions(sdoc)
        self.own: list[list[tuple[int, Speaker | None]]] = []   # (verb token index, speaker); None = "it said"
        self.carried: list[Speaker | None] = []
        last: Speaker | None = None
        statement_before = False
        for sent in self.sents:
            own = self._own_speakers(sent)
            self.own.append(own)
            named = [s for _, s in own if s is not None]
            text = span_text(sent)
            statementish = bool(STATEMENT.search(text)) or "statement" in text.lower()
            carried = last if (any(s is None for _, s in own) or (not named and (statementish or statement_before))) \
                else None
            self.carried.append(carried)
            if named or carried:
                last = named[-1] if named else carried
            statement_before = statementish and bool(named or carried)
        self.quotes = [(m.start(), m.end()) for m in QUOTE_SPANS.finditer(text_of(sdoc))]

    def speaker_for(self, index: int, sent: Span, token: int) -> Speaker | None:
        """The speaker of the claim whose group starts at sentence token `token`."""
        char = sent[token].idx if token < len(sent) else sent.start_char
        for q_start, q_end in self.quotes:
            if q_start <= char < q_end:
                quoted = self._quote_speaker(q_start, q_end, index)
                if quoted:
                    return quoted
        own = self.own[index]
        before = [s for i, s in own if i < token]
        after = [s for i, s in own if i >= token]
        chosen = before[-1] if before else (after[0] if after else None)
        return chosen if chosen is not None else self.carried[index]

    def _quote_speaker(self, q_start: int, q_end: int, index: int) -> Speaker | None:
        for k, sent in enumerate(self.sents):
            if sent.end_char <= q_start or sent.start_char > q_end:
                continue
            for i, s in self.own[k]:
                at = sent[i].idx
                if (at >= q_end and at - q_end < 80) or (at < q_start and q_start - at < 80):
                    return s if s is not None else self.carried[k]
        first = next((k for k, s in enumerate(self.sents) if s.end_char > q_start), index)
        if first > 0:   # a quote that opens right after an attributed quote goes on in the same voice
            prev = self.sents[first - 1]
            if any(prev.start_char <= a < prev.end_char for a, _ in self.quotes):
                named = [s for _, s in self.own[first - 1] if s is not None]
                return named[-1] if named else self.carried[first - 1]
        return None

    def _descriptions(self, sdoc: Doc) -> dict[str, Speaker]:
        """Common nouns the article uses for a named source, from appositions: "the Syrian Observatory for
        Human Rights, an opposition war monitor," makes "the monitor" (and "the war monitor") that body;
        "the Syrian Civil Defense, first responders also known as ..." does the same for "first responders"."""
        out: dict[str, Speaker] = {}
        for ent in entities(sdoc):
            entry = self.kb.resolve(ent.ent_id_) if ent.ent_id_ else None
            if entry is None or not entry.canonical[:1].isupper() or ent.end >= len(sdoc) or sdoc[ent.end].text != ",":
                continue
            words = []
            for token in sdoc[ent.end + 1:ent.end + 8]:
                if token.lower_ in DESCRIPTOR_ENDS or token.ent_type_ in NAME_LABELS or token.is_space:
                    break
                words.append(token.lower_)
            while words and words[0] in ARTICLES:
                words = words[1:]
            if 0 < len(words) <= 4 and words[-1].isalpha():
                for k in range(len(words)):        # "opposition war monitor", "war monitor", "monitor"
                    out.setdefault(" ".join(words[k:]), Speaker(entry.canonical, entry.source_type))
        for ent in entities(sdoc):
            # "regional governor Oleh Syniehubov", "Health Minister Ali Adam": later "the governor said"
            if ent.label_ != "PERSON" or ent.start == 0:
                continue
            title = [t.lower_.rstrip(".") for t in sdoc[max(0, ent.start - 3):ent.start] if t.is_alpha or t.text.endswith(".")]
            if not title or title[-1] not in OFFICIAL_WORDS | MEDICAL_WORDS:
                continue
            kind = "medical" if title[-1] in MEDICAL_WORDS else "government"
            for k in range(len(title)):
                if all(w.isalpha() for w in title[k:]):
                    out.setdefault(" ".join(title[k:]), Speaker(ent.text, kind))
        return out

    def _described(self, words: list[str]) -> Speaker | None:
        """The named source an article's common noun stands for ("first responders at the scene")."""
        head = []
        for w in words:
            if w in ("at", "in", "on", "from", "of", "near", "with", ","):
                break
            if w not in ARTICLES:
                head.append(w)
        return self.described.get(" ".join(head)) if head else None

    def _own_speakers(self, sent: Span) -> list[tuple[int, Speaker | None]]:
        words = sentence_words(sent)
        out = []
        for i, w in enumerate(words):
            if w == "according" and i + 1 < len(words) and words[i + 1] == "to":
                end = next((k for k in range(i + 2, len(words)) if words[k] in (",", ".", ";", '"')), len(words))
                speaker = self._resolve(sent[i + 2:end], sent[i + 2:end])
                if speaker is not False:
                    out.append((i, speaker))
            elif w in SPEECH_VERBS or (w, words[i + 1] if i + 1 < len(words) else "") in TOLL_GIVING \
                    and i + 2 < len(words) and words[i + 2] in TOLL_NOUNS:
                speaker = self._subject_of(sent, words, i)
                if speaker is not False:
                    out.append((i, speaker))
        return out

    def _subject_of(self, sent: Span, words: list[str], verb: int) -> Speaker | None | bool:
        """The speaker before the verb (skipping asides between commas), else the one right after it."""
        k = verb - 1
        while k >= 0 and words[k] in LEAD_IN_ADVERBS:
            k -= 1
        segments = []
        end = k + 1
        for j in range(k, -2, -1):
            if j == -1 or words[j] in SEGMENT_BOUNDS:
                segments.append(sent[j + 1:end])
                if j == -1 or words[j] not in (",", "and") or len(segments) == 3:
                    break
                end = j
        context = sent[segments[-1].start - sent.start:verb] if segments else sent[verb:verb]
        # nearest segment first; an aside that describes ("a nearby resident", "an opposition war monitor")
        # yields to a name before it, and only a named body or person is taken from it on this pass
        for seg in segments:
            describes = len(seg) > 0 and seg[0].lower_ in ("a", "an")
            for level in ((0,) if describes else (0, 1)):
                speaker = self._resolve(seg, context, level) if len(seg) else False
                if speaker is not False:
                    return speaker
        for seg in segments:
            speaker = self._resolve(seg, context, 2) if len(seg) else False
            if speaker is not False:
                return speaker
        if not segments or len(segments[0]) == 0:
            right_end = next((k for k in range(verb + 1, len(words)) if words[k] in (",", ".", ";", '"')), len(words))
            right = sent[verb + 1:right_end]
            if 0 < len(right) <= 8:
                return self._resolve(right, right)
        return False

    def _resolve(self, np: Span, context: Span, level: int = 2) -> Speaker | None | bool:
        """A noun phrase as a source: KB name, person (level 0), a common-noun voice such as "police"
        (level 1), or the words as written (level 2); False when none fits at this level.
        None means an anaphor ("it", "the statement"): the caller carries the speaker before."""
        words = [t.lower_ for t in np if not t.is_punct]
        content = [w for w in words if w not in ("the", "a", "an", "its", "their", "his", "her")]
        if not content:
            return False
        described = self._described(words) if self.described else None
        if described:
            return described
        if len(content) == 1 and content[0] in ANAPHORS or content[-1:] == ["statement"]:
            return None
        known = [e for e in entities(np) if e.ent_id_ and self.kb.resolve(e.ent_id_)]
        if known:
            entry = self.kb.resolve(known[-1].ent_id_)
            return Speaker(entry.canonical, entry.source_type)
        people = [e for e in entities(np) if e.label_ == "PERSON"]
        if people:
            roles = {t.lower_ for t in context}
            # a named person without an office or a medical title is a witness (resident, journalist, relative)
            kind = ("government" if roles & OFFICIAL_WORDS else "medical" if roles & MEDICAL_WORDS else "witness")
            entry = self.kb.resolve(np.text) if roles & OFFICIAL_WORDS else None
            return Speaker(entry.canonical, entry.source_type) if entry else Speaker(people[0].text, kind)
        entry = self.kb.resolve(np.text) if level >= 1 else None
        if entry:
            return Speaker(entry.canonical, entry.source_type)
        if level < 2 or len(content) > 8 or not _names_someone(np):
            return False   # words as written only when they name someone ("the Iraqi head of state")
        orgs = [e for e in entities(np) if e.label_ in ("ORG", "GPE", "NORP")]
        kind = INSTITUTIONS.get(content[-1]) or ("government" if orgs and orgs[-1].label_ == "GPE" else "unattributed")
        text = orgs[-1].text if orgs else " ".join(t.text for t in np if t.lower_ not in ("the", "a", "an"))
        text = re.sub(r"^(the|a|an) ", "", text.strip(" ,.\"“”"), flags=re.I)
        return Speaker(text, kind)


def _names_someone(np: Span) -> bool:
    """A name in the phrase: an entity of a name type, or a capitalised word that does not just open its
    sentence ("During the fight, it is alleged", "Upon arriving, officers said" name nobody)."""
    if any(e.label_ in NAME_LABELS for e in entities(np)) or np[-1].lower_ in INSTITUTIONS:
        return True
    opening = next((t.i for t in np.sent if t.is_alpha), -1)
    return any(t.is_alpha and t.text[0].isupper() and t.i != opening and t.lower_ not in ("i",)
               and t.ent_type_ not in ("DATE", "TIME") for t in np)


def sentences(sdoc: Doc):
    """spaCy's sentences, also cut at line breaks: a caption or title line is not part of the next sentence;
    a run of spaces before a sentence ("shot.   Both died") is not its first word."""
    breaks = [t.i for t in tokens_of(sdoc) if t.is_space and "\n" in t.text]   # once, not per sentence
    for sent in sentences_of(sdoc):
        start = sent.start
        for i in breaks[bisect_left(breaks, sent.start):bisect_left(breaks, sent.end)]:
            if i > start:
                yield sdoc[start:i]
            start = i + 1
        while start < sent.end and sdoc[start].is_space:
            start += 1
        if start < sent.end:
            yield sdoc[start:sent.end]


def token_word(token) -> str:
    """A token's lower-case text, every kind of quotation mark written as '"'."""
    text = token.lower_
    return '"' if text in QUOTES else text


def sentence_words(span: Span) -> list[str]:
    """`token_word` of each token of `span`, from a list made once per document (sentences are read
    word by word several times)."""
    words = per_document(span.doc, "sitrep_words", lambda d: [token_word(t) for t in tokens_of(d)])
    return words[span.start:span.end]
