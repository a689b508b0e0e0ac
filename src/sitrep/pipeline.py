"""The pipeline: the stages in data-flow order, and `run`, which streams inputs through them into a store.

    ingest  paths        -> RawDocument | Rejected
    clean   RawDocument  -> Document | Rejected     (+ syndicated-copy links)
    extract Document     -> Mention                 (one spaCy pass per document)
    cluster Mention      -> Cluster                 (blocked, order-independent)
    reconcile Cluster    -> Incident                (claims, ranges, disagreements, flags, grade)
    store   everything   -> SQLite                  (one transaction per batch)

Runs are incremental and resumable: documents are identified by content hash, so inputs seen before
add nothing; each batch of documents and their mentions commits together; mentions left unclustered
by a run killed half way are clustered by the next run.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitrep import cluster as cluster_stage
from sitrep.clean import clean, copy_similarity, minhash_signature
from sitrep.ingest import discover, read_inputs
from sitrep.records import Document, DocumentRef, Mention, Rejected
from sitrep.reconcile import reconcile
from sitrep.settings import Settings
from sitrep.store import open_store
from sitrep.store.sqlite import SqliteStore


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    reads: str
    produces: str


STAGES = (
    Stage("ingest", "paths", "RawDocument | Rejected"),
    Stage("clean", "RawDocument", "Document | Rejected"),
    Stage("extract", "Document", "Mention"),
    Stage("cluster", "Mention", "Cluster"),
    Stage("reconcile", "Cluster", "Incident"),
    Stage("store", "Document, Mention, Incident, Rejected", "rows"),
)


@dataclass
class RunSummary:
    files: int = 0
    read: int = 0                  # documents read from the inputs
    added: int = 0                 # new documents stored
    unchanged: int = 0             # documents already in the store (same content)
    copies: int = 0                # new documents linked as syndicated copies
    rejected: list[Rejected] = field(default_factory=list)
    incidents: int = 0
    claims: int = 0


Progress = Callable[[int, int, str], None]   # (files done, files total, current file)


def run(paths: Sequence[Path], settings: Settings, progress: Progress | None = None) -> RunSummary:
    """Ingest `paths` into the store at settings.db and bring its incidents up to date."""
    files = discover(paths)
    summary = RunSummary(files=len(files))
    store = open_store(settings.db)
    extractor = None
    pending: list[Document] = []
    try:
        for number, path in enumerate(files, 1):
            for item in read_inputs([path], settings.max_input_bytes):
                document = item if isinstance(item, Rejected) else clean(item)
                if isinstance(document, Rejected):
                    summary.rejected.append(document)
                    with store.batch():
                        store.quarantine(document)
                    continue
                summary.read += 1
                if store.has_document(document.id) or any(d.id == document.id for d in pending):
                    summary.unchanged += 1
                    continue
                pending.append(document)
                if len(pending) >= settings.batch_size:
                    extractor = extractor or _extractor(settings)
                    _process_batch(store, extractor, pending, settings, summary)
                    pending = []
            if progress:
                progress(number, len(files), str(path))
        if pending:
            extractor = extractor or _extractor(settings)
            _process_batch(store, extractor, pending, settings, summary)
        update_incidents(store, settings)
        counts = store.counts()
        summary.incidents, summary.claims = counts.incidents, counts.claims
    finally:
        if extractor is not None:
            extractor.close()
        store.close()
    return summary


def _extractor(settings: Settings):
    from sitrep.extract.extractor import Extractor  # loads spaCy and the gazetteer: only when there is work
    return Extractor(settings)


def _process_batch(store: SqliteStore, extractor, documents: list[Document], settings: Settings,
                   summary: RunSummary) -> None:
    linked: list[tuple[Document, list[str], bytes]] = []
    for document in documents:
        linked.append(_link_copy(store, document, linked, settings.copy_threshold))
    mentions = extractor.extract([d for d, _, _ in linked])
    with store.batch():
        for document, bands, signature in linked:
            store.add_document(document, bands, signature)
            summary.added += 1
            summary.copies += document.copy_of is not None
        store.add_mentions(mentions, [cluster_stage.block_keys(m, settings.date_window_days) for m in mentions])
    update_incidents(store, settings)


def _link_copy(store: SqliteStore, document: Document, earlier: list[tuple[Document, list[str], bytes]],
               threshold: float) -> tuple[Document, list[str], bytes]:
    """(document with `copy_of` set when a stored or earlier-in-batch text is a near-copy, its LSH bands, its
    MinHash). Candidates are only those sharing a band, in the store and in the batch alike."""
    bands, signature = minhash_signature(document.text)
    candidates = {cid: store.minhash_of(cid) for cid in store.copy_candidates(bands)}
    own = set(bands)
    for other, other_bands, other_signature in earlier:
        if own.intersection(other_bands):
            candidates.setdefault(other.id, other_signature)
    best = max(((copy_similarity(signature, sig), cid) for cid, sig in candidates.items() if sig and cid != document.id),
               default=(0.0, None))
    if best[0] >= threshold:
        document = replace(document, copy_of=best[1])
    return document, bands, signature


def update_incidents(store: SqliteStore, settings: Settings) -> None:
    """Link pending mentions to their blocking candidates, re-cluster their link component, and reconcile
    the incidents that changed. Clustering a set splits along link components, so this equals clustering
    everything at once, whatever order the documents came in."""
    pending = store.pending_mentions()
    if not pending:
        return
    threshold, window = settings.cluster_threshold, settings.date_window_days
    # a document's mentions are stored together, so they are pending together: each meets the others here
    articles: dict[str, list[Mention]] = {}
    for mention in pending:
        articles.setdefault(mention.document_id, []).append(mention)
    with store.batch():
        for mention in pending:
            candidates = store.neighbour_mentions(cluster_stage.lookup_keys(mention, window))
            candidates += articles[mention.document_id]
            store.add_links(mention.id, cluster_stage.links(mention, candidates, threshold, window_days=window))
    new = {m.id for m in pending}
    component = store.mentions_by_id(store.link_component(new) - new)
    before = store.incident_of(m.id for m in component)
    previous: dict[str, list[str]] = {}
    for mention_id, incident_id in before.items():
        previous.setdefault(incident_id, []).append(mention_id)
    result = cluster_stage.recluster_neighbourhood(
        pending, component, [cluster_stage.Cluster(i, tuple(sorted(ids))) for i, ids in sorted(previous.items())],
        threshold, window_days=window)
    clusters, history = result.clusters, result.history
    after = {mid: c.incident_id for c in clusters for mid in c.mention_ids}
    by_id = {m.id: m for m in [*pending, *component]}
    with store.batch():
        store.drop_incidents(set(before.values()) - set(after.values()))
        store.assign(after, history)
        # an incident changed when a member joined, left or is new (one that lost a member keeps its id)
        moved = {mid for mid, incident in after.items() if before.get(mid) != incident}
        touched = {after[mid] for mid in moved} | {before[mid] for mid in moved if mid in before}
        changed = {c.incident_id: c for c in clusters if c.incident_id in touched}
        documents = store.documents_by_id({by_id[mid].document_id for c in changed.values() for mid in c.mention_ids})
        names = {d.name: d.id for d in documents.values()}
        refs = {d.id: _document_ref(d) for d in documents.values()}
        copies = {d.id: d.copy_of for d in documents.values() if d.copy_of}
        for incident_id, c in sorted(changed.items()):
            incident = reconcile(incident_id, [by_id[mid] for mid in c.mention_ids], refs, copies)
            store.save_incident(incident, names)


def _document_ref(document: Document) -> DocumentRef:
    return DocumentRef(document=document.name, role="primary", url=document.url, outlet=document.outlet,
                       published=document.published, title=document.title, copy_of=document.copy_of)

