"""Server-rendered HTML pages; each links its JSON twin (`<link rel=alternate>` and a visible link)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from sitrep.serve import api
from sitrep.serve.filters import EVENT_TYPES, GRADES, IncidentFilters
from sitrep.serve.views import (claim_value, claims_table, disagreement_views, document_heading, document_path,
                                document_spans, incident_path, marked_segments, place_label, safe_link)

STATIC = Path(__file__).parent / "static"
# autoescape=True for every template, not only *.html: article text must never become markup.
_env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
# anchors/incident_labels: defaults for _text.html, which the document page overrides when it marks several incidents
_env.globals.update(active="", anchors=True, incident_labels={}, claim_value=claim_value,
                    document_heading=document_heading, document_path=document_path, incident_path=incident_path,
                    place_label=place_label,
                    safe_link=safe_link, EVENT_TYPES=EVENT_TYPES, GRADES=GRADES)
templates = Jinja2Templates(env=_env)

router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def incident_list(request: Request, filters: Annotated[IncidentFilters, Query()]) -> HTMLResponse:
    page = api.incidents_page(request, filters)
    return render(request, "incidents.html", {
        "filters": filters, "page": page,
        "next_url": f"/?{filters.query_string(cursor=page['next'])}" if page["next"] else None,
        "first_url": f"/?{filters.query_string(cursor=None)}" if filters.cursor else None,
        "json_url": f"/api/incidents?{filters.query_string()}",
        "counts": api.store_of(request).counts()})


@router.get("/map", response_class=HTMLResponse)
def incident_map(request: Request, filters: Annotated[IncidentFilters, Query()]) -> HTMLResponse:
    return render(request, "map.html", {
        "filters": filters,
        "json_url": f"/api/incidents?{filters.query_string(cursor=None, limit=500)}",
        "map_config": {"incidents_url": f"/api/incidents?{filters.query_string(cursor=None, limit=500)}",
                       "borders_url": "/static/vendor/world-atlas/countries-110m.geojson",
                       # the timeline's bars link to the list for their own dates
                       "list_url": f"/?{filters.query_string(cursor=None, limit=None, date_from=None, date_to=None)}",
                       "max_incidents": 5000}})


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str) -> HTMLResponse:
    store = api.store_of(request)
    incident = api.incident_or_404(store, incident_id)
    documents = []
    for ref in incident.documents:
        document = store.get_document(ref.document)
        spans = document_spans(document, [incident]) if document else []
        documents.append({"ref": ref, "document": document, "spans": spans,
                          "segments": marked_segments(document.text, spans) if document else []})
    return render(request, "incident.html", {
        "incident": incident, "table": claims_table(incident), "documents": documents,
        "disagreements": disagreement_views(incident),
        "doc_numbers": {d["ref"].document: n for n, d in enumerate(documents, 1)},
        "anchored": {s["claim"] for d in documents for s in d["spans"]},
        "history": store.incident_history(incident.id),
        "json_url": "/api" + incident_path(incident.id),
        "map_config": {"lat": incident.place.lat, "lon": incident.place.lon, "label": place_label(incident),
                       "borders_url": "/static/vendor/world-atlas/countries-110m.geojson"}})


@router.get("/documents/{name:path}", response_class=HTMLResponse)
def document_page(request: Request, name: str, incident: str | None = None) -> HTMLResponse:
    store = api.store_of(request)
    document = api.document_or_404(store, name)
    incidents, citing = api.document_incidents(store, document, incident)
    spans = document_spans(document, incidents)
    return render(request, "document.html", {
        "document": document, "incident": incidents[0] if incident else None, "incidents": incidents,
        "citing": citing, "spans": spans, "quotes": len({(s["start"], s["end"]) for s in spans}),
        "segments": marked_segments(document.text, spans),
        # quotes of several incidents: claim numbers repeat across them, so no #claim-N anchors
        "anchors": incident is not None,
        "incident_labels": {i.id: f"{place_label(i)}, {i.date.value or 'date unknown'}" for i in incidents},
        "json_url": "/api" + document_path(document.name, incident)})


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the JSON views): answer rather than 404."""
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """API reference rendered from the OpenAPI schema (works offline and under the strict CSP)."""
    return render(request, "docs.html", {"openapi": request.app.openapi(), "json_url": "/openapi.json"})
