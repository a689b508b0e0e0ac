"""The JSON API: the twin of every HTML page, documented in /openapi.json and on /docs."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from sitrep.records import Document, Incident, to_dict
from sitrep.serve.filters import IncidentFilters
from sitrep.serve.views import (claims_table, claims_table_dict, disagreement_views, document_path, document_spans,
                                incident_summary, safe_link)
from sitrep.store import Store

router = APIRouter(prefix="/api", tags=["api"])


def store_of(request: Request) -> Store:
    return request.app.state.store


def incident_or_404(store: Store, incident_id: str) -> Incident:
    incident = store.get_incident(incident_id)
    if incident is None:
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return incident


def document_or_404(store: Store, name: str) -> Document:
    document = store.get_document(name)
    if document is None:
        raise HTTPException(404, f"no document named {name!r}")
    return document


def incidents_page(request: Request, filters: IncidentFilters) -> dict:
    """One page of the list as JSON: summaries, and the cursor and URL of the next page (null at the end)."""
    incidents, cursor = store_of(request).list_incidents(filters.to_query())
    return {
        "incidents": [incident_summary(i) for i in incidents],
        "count": len(incidents),
        "next": cursor,
        "next_url": f"/api/incidents?{filters.query_string(cursor=cursor)}" if cursor else None,
        "html_url": f"/?{filters.query_string()}",
    }


def incident_detail(request: Request, incident: Incident) -> dict:
    """Everything about one incident: the record, its history, the side-by-side claims table, document links."""
    return to_dict(incident) | {
        "summary": incident_summary(incident),
        "history": store_of(request).incident_history(incident.id),
        "claims_table": claims_table_dict(claims_table(incident), incident),
        "disagreements_by_source": disagreement_views(incident),
        "document_links": [{"document": d.document, "url": document_path(d.document, incident.id),
                            "api_url": "/api" + document_path(d.document, incident.id), "source_url": safe_link(d.url)}
                           for d in incident.documents],
    }


def document_detail(document: Document, incidents: list[Incident]) -> dict:
    """A document's cleaned text and the spans that claims of `incidents` quote from it."""
    return {
        "document": {k: v for k, v in to_dict(document).items() if k not in ("char_map", "removed")}
        | {"source_url": safe_link(document.url)},
        "incidents": [i.id for i in incidents],
        "spans": document_spans(document, incidents),
    }


@router.get("/incidents", summary="List incidents (filtered, newest first, cursor-paginated)")
def list_incidents(request: Request, filters: Annotated[IncidentFilters, Query()]) -> dict:
    return incidents_page(request, filters)


@router.get("/incidents/{incident_id}", summary="One incident: claims, quotes, disagreements, flags, history")
def get_incident(request: Request, incident_id: str) -> dict:
    return incident_detail(request, incident_or_404(store_of(request), incident_id))


@router.get("/documents/{name:path}", summary="A document's cleaned text and the spans claims quote from it")
def get_document(request: Request, name: str,
                 incident: Annotated[str | None, Query(description="Mark the spans this incident's claims quote")]
                 = None) -> dict:
    store = store_of(request)
    document = document_or_404(store, name)
    return document_detail(document, [incident_or_404(store, incident)] if incident else [])


@router.get("/stats", summary="How much the database holds")
def stats(request: Request) -> dict:
    return to_dict(store_of(request).counts())
