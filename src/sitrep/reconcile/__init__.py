"""Reconcile: the mentions one incident was clustered from become one Incident, every voice kept.

Pure and deterministic: mentions and claims are put in a canonical order first, so shuffling
either gives an equal Incident. A claim's *voice* is who stands behind it: a named source
(the same organisation quoted by two outlets is one voice), or, for unattributed and witness
figures, that source within the original document (syndicated copies collapse to the document
they copy). Voices, not documents, count for ranges, disagreements and the grade.

The figures (toll revisions, the fatalities rule, disagreements, flags, grade) are in `figures`; the date,
place, actors and people in `facts`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from sitrep.extract.gazetteer import normalize_name
from sitrep.reconcile import facts, figures
from sitrep.reconcile.figures import Report
from sitrep.records import DocumentRef, Incident, Mention

GENERIC_ACTIONS = frozenset({"other", "attack"})


def reconcile(incident_id: str, mentions: Sequence[Mention], documents: Mapping[str, DocumentRef],
              copies: Mapping[str, str] | None = None) -> Incident:
    """One Incident from its mentions; `documents` maps document id -> DocumentRef, `copies` id -> original id."""
    mentions = sorted(mentions, key=lambda m: (m.document_id, m.id))
    copies = dict(copies or {})
    root = _root_finder(documents, copies)
    # publication date from the document's ref, else the earliest its mentions carry
    published = {m.document_id: (documents[m.document_id].published if m.document_id in documents else None)
                 or min((x.published for x in mentions if x.document_id == m.document_id and x.published),
                        default=None) for m in mentions}
    refs = _document_refs(mentions, documents, copies, published)
    reports = _reports(mentions, published, root, documents)
    superseded = figures.superseded(reports)
    current = [r for r in reports if r not in superseded]
    disagreements, contested = figures.disagreements(current)
    grade, reasons = figures.grade(current, contested + facts.perpetrator_dispute(mentions, root), mentions, root)
    when = facts.incident_date(mentions, root)
    people = facts.people(mentions)

    def votes(attribute: str, among: list[Mention]) -> set[tuple]:
        return {(root(m.document_id), m.role == "primary", getattr(m, attribute)) for m in among}

    event_type = facts.vote(votes("event_type", mentions))
    return Incident(
        id=incident_id,
        event_type=event_type,
        sub_event_type=facts.vote(votes("sub_event_type", [m for m in mentions if m.event_type == event_type])),
        action=facts.vote(votes("action", mentions), GENERIC_ACTIONS) or "other",
        date=when,
        place=facts.incident_place(mentions, root),
        actors=facts.actors(mentions),
        people=people,
        claims=tuple(r.claim for r in reports),
        fatalities=figures.fatalities(current, sum(p.role == "killed" for p in people)),
        disagreements=disagreements,
        flags=figures.incident_flags(mentions, current, when),
        documents=refs,
        grade=grade,
        grade_reasons=reasons,
        toll_history=figures.toll_history(reports, superseded),
    )


def _root_finder(documents: Mapping[str, DocumentRef], copies: Mapping[str, str]):
    """A function from a document id to the id of the original it is (a copy of a copy of ...)."""
    def root(doc_id: str) -> str:
        seen = {doc_id}
        while True:
            parent = copies.get(doc_id) or (documents[doc_id].copy_of if doc_id in documents else None)
            if not parent or parent in seen:
                return doc_id
            seen.add(parent)
            doc_id = parent
    return root


def _document_refs(mentions, documents, copies, published) -> tuple[DocumentRef, ...]:
    """One ref per document; primary only when one of its mentions here is primary."""
    refs: dict[str, DocumentRef] = {}
    for m in mentions:
        ref = documents.get(m.document_id) or DocumentRef(document=m.document, role=m.role,
                                                          published=published[m.document_id], outlet=m.outlet)
        already_primary = m.document_id in refs and refs[m.document_id].role == "primary"
        role = "primary" if already_primary else m.role
        refs[m.document_id] = replace(ref, role=role, copy_of=copies.get(m.document_id) or ref.copy_of)
    return tuple(sorted(refs.values(), key=lambda r: (r.published or "", r.document)))


def _reports(mentions, published, root, documents) -> list[Report]:
    reports = {}
    for m in mentions:
        origin = root(m.document_id)
        outlet = documents[origin].outlet if origin in documents and documents[origin].outlet else origin
        for claim in m.claims:
            claim = claim if claim.document else replace(claim, document=m.document)
            if claim.source and claim.source_type not in ("unattributed", "witness"):
                voice = ("source", normalize_name(claim.source))
            else:
                voice = ("report", normalize_name(claim.source or ""), outlet)
            primary = m.role == "primary" or (claim in reports and reports[claim].primary)
            reports[claim] = Report(claim, published[m.document_id], voice, primary, origin)
    return sorted(reports.values(), key=lambda r: r.order)
