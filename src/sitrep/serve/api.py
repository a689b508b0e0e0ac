"""The JSON API: the twin of every HTML page, documented in /openapi.json and on /docs."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse

from sitrep.records import Document, Incident, to_dict
from sitrep.serve.filters import IncidentFilters
from sitrep.serve.views import (claims_table, claims_table_dict, disagreement_views, document_path, document_spans,
                                incident_path, incident_summary, safe_link)
from sitrep.store import Store

# A document page marks the quotes of at most this many citing incidents: a long round-up article cited by
# hundreds of incidents would otherwise load them all for one page.
MAX_CITING = 100

router = APIRouter(prefix="/api", tags=["api"])


def json_response(body: dict) -> JSONResponse:
    """Bodies here are already plain JSON values: skip FastAPI's jsonable_encoder, which walks every value again
    and took half the time of a 500-incident page (49 of ~110 ms at 100k incidents)."""
    return JSONResponse(body)


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


def document_incidents(store: Store, document: Document, incident_id: str | None) -> tuple[list[Incident], int]:
    """The incident asked for, or else the incidents whose claims quote `document` (at most MAX_CITING of them),
    with how many cite it in all."""
    if incident_id:
        return [incident_or_404(store, incident_id)], 1
    citing = store.incidents_citing(document.name)
    return [i for i in map(store.get_incident, citing[:MAX_CITING]) if i is not None], len(citing)


def document_detail(document: Document, incidents: list[Incident], citing: int) -> dict:
    """A document's cleaned text and the spans that claims of `incidents` quote from it."""
    return {
        "document": {k: v for k, v in to_dict(document).items() if k not in ("char_map", "removed")}
        | {"source_url": safe_link(document.url)},
        "incidents": [i.id for i in incidents],
        "citing_incidents": citing,
        "incident_links": [{"id": i.id, "url": incident_path(i.id), "api_url": "/api" + incident_path(i.id)}
                           for i in incidents],
        "spans": document_spans(document, incidents),
    }


@router.get("/incidents", response_model=dict,
            summary="List incidents (filtered, newest first, cursor-paginated)")
def list_incidents(request: Request, filters: Annotated[IncidentFilters, Query()]) -> JSONResponse:
    return json_response(incidents_page(request, filters))


@router.get("/incidents/{incident_id}", response_model=dict,
            summary="One incident: claims, quotes, disagreements, flags, history")
def get_incident(request: Request, incident_id: str) -> JSONResponse:
    return json_response(incident_detail(request, incident_or_404(store_of(request), incident_id)))


@router.get("/documents/{name:path}", response_model=dict,
            summary="A document's cleaned text and the spans claims quote from it")
def get_document(request: Request, name: str,
                 incident: Annotated[str | None, Query(description="Mark only the spans this incident's claims "
                                                                   "quote (default: every citing incident's)")]
                 = None) -> JSONResponse:
    store = store_of(request)
    document = document_or_404(store, name)
    return json_response(document_detail(document, *document_incidents(store, document, incident)))


@router.get("/stats", response_model=dict, summary="How much the database holds")
def stats(request: Request) -> JSONResponse:
    return json_response(to_dict(store_of(request).counts()))
