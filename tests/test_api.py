"""The JSON API and the server-rendered pages, through FastAPI's TestClient over a small real SQLite store."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from conftest_serve import HOSTILE_TEXT, WARC_NAME, build_demo_store
from sitrep.errors import UsageError
from sitrep.records import Claim, Document, DocumentRef, EventDate, Incident, Place
from sitrep.serve.app import create_app
from sitrep.serve.views import document_heading, marked_segments, safe_link
from sitrep.store import open_store


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return build_demo_store(tmp_path_factory.mktemp("serve") / "demo.db")


@pytest.fixture(scope="module")
def client(demo_db):
    with TestClient(create_app(str(demo_db))) as c:
        yield c


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [i["id"] for i in response.json()["incidents"]]


# -- listing -----------------------------------------------------------------------------------

def test_list_is_newest_first_and_complete(client):
    body = client.get("/api/incidents").json()
    assert [i["id"] for i in body["incidents"]] == ["inc-ramadi", "inc-sarmada", "inc-undated"]
    assert body["next"] is None and body["next_url"] is None
    sarmada = body["incidents"][1]
    assert sarmada["place"]["country"] == "SY" and sarmada["place"]["lat"] == pytest.approx(36.1775)
    assert (sarmada["disagreements"], sarmada["flags"], sarmada["grade"]) == (2, 1, "contested")
    assert sarmada["url"] == "/incidents/inc-sarmada"


def test_cursor_pagination_walks_every_incident_once(client):
    seen, url = [], "/api/incidents?limit=1"
    while url:
        body = client.get(url).json()
        assert body["count"] == 1
        seen += [i["id"] for i in body["incidents"]]
        url = body["next_url"]
    assert seen == ["inc-ramadi", "inc-sarmada", "inc-undated"]


@pytest.mark.parametrize("query, expected", [
    ("country=SY", ["inc-sarmada"]),
    ("country=iq", ["inc-ramadi"]),
    ("admin1=Idlib", ["inc-sarmada"]),
    ("event_type=Battles", ["inc-ramadi"]),
    ("has_disagreement=true", ["inc-sarmada"]),
    ("has_disagreement=false", ["inc-ramadi", "inc-undated"]),
    ("grade=single_source", ["inc-ramadi", "inc-undated"]),
    ("min_fatalities=5", ["inc-sarmada"]),
    ("date_from=2024-01-01", ["inc-ramadi"]),
    ("date_to=2023-12-31", ["inc-sarmada"]),
    ("date_from=2023-05-01&date_to=2023-05-31&country=SY", ["inc-sarmada"]),
    ("q=drones", ["inc-sarmada"]),
    ("q=checkpoint", ["inc-ramadi"]),
    ("q=monitor AND children", ["inc-sarmada"]),
    ("country=YE", []),
])
def test_filters(client, query, expected):
    assert ids(client.get(f"/api/incidents?{query}")) == expected


def test_blank_form_fields_mean_no_filter(client):
    """An HTML form sends every field, blank ones as empty strings."""
    blank = "date_from=&date_to=&country=&admin1=&event_type=&grade=&min_fatalities=&q="
    assert len(ids(client.get(f"/api/incidents?{blank}"))) == 3
    assert client.get(f"/?{blank}").status_code == 200


# -- one incident, one document ------------------------------------------------------------------

def test_incident_detail_has_claims_table_history_and_documents(client):
    body = client.get("/api/incidents/inc-sarmada").json()
    assert {(d["figure"], d["group"]) for d in body["disagreements"]} == {("killed", "total"), ("killed", "children")}
    assert body["flags"][0]["kind"] == "date_inconsistency"
    children_said = next(d for d in body["disagreements_by_source"] if d["group"] == "children")["values"]
    assert children_said == [{"value": 5, "sources": ["Syrian Civil Defense"]},
                             {"value": 3, "sources": ["Syrian Observatory for Human Rights"]}]
    assert body["history"][0]["kind"] == "new" and body["history"][0]["mentions"] == ["m-wh-1", "m-sohr-1"]
    table = body["claims_table"]
    assert [s["name"] for s in table["sources"]] == ["Syrian Civil Defense", "Syrian Observatory for Human Rights"]
    children = next(r for r in table["rows"] if r["group"] == "children")
    assert children["disputed"] is True
    assert [[v["value"] for v in cell] for cell in children["cells"]] == [["5"], ["3"]]
    assert [d["document"] for d in body["document_links"]] == ["wh-sarmada", "sohr-sarmada"]
    assert body["document_links"][0]["source_url"] == "https://example.org/sarmada"


def test_document_spans_point_at_the_quoted_sentences(client):
    body = client.get("/api/documents/sohr-sarmada?incident=inc-sarmada").json()
    text = body["document"]["text"]
    assert len(body["spans"]) == 2
    for span in body["spans"]:
        assert text[span["start"]:span["end"]] == span["quote"] and span["matches_text"]
    assert {s["value"] for s in body["spans"]} == {"11", "3"}


def test_a_document_opened_alone_marks_the_quotes_of_the_incident_citing_it(client):
    body = client.get("/api/documents/sohr-sarmada").json()
    assert body["incidents"] == ["inc-sarmada"] and body["citing_incidents"] == 1
    assert {(s["incident"], s["value"]) for s in body["spans"]} == {("inc-sarmada", "11"), ("inc-sarmada", "3")}
    assert body["incident_links"][0]["url"] == "/incidents/inc-sarmada"
    html = client.get("/documents/sohr-sarmada").text
    assert html.count("<mark") == 2 and 'href="/incidents/inc-sarmada"' in html


ROUNDUP_TEXT = (
    "Violence flared across the centre of the country over the weekend.\n\n"
    "In the north, a roadside bomb killed three soldiers near Kidal, the army said on Saturday.\n\n"
    "Far to the south, gunmen shot dead at least seven villagers in the Mopti region, a local official told us.\n\n"
    "Neither attack has been claimed."
)


@pytest.fixture(scope="module")
def roundup_client(tmp_path_factory):
    """One round-up article quoted by two unrelated incidents, and one article no incident quotes."""
    roundup = Document(id="roundup-1", name="weekend-roundup", text=ROUNDUP_TEXT, source="tests/roundup.txt")
    uncited = Document(id="uncited-1", name="quiet-week", text="Nothing of note happened this week.",
                       source="tests/quiet.txt")

    def quoting(incident_id: str, place: Place, sentence: str, value: int, source: str, **said: str) -> Incident:
        start = ROUNDUP_TEXT.index(sentence)
        claim = Claim("killed", "total", value, source=source, document=roundup.name, quote=sentence, start=start,
                      end=start + len(sentence), **said)
        return Incident(id=incident_id, place=place, date=EventDate("2024-06-01", "day", "2024-06-01", "2024-06-01"),
                        claims=(claim,), documents=(DocumentRef(roundup.name, "secondary"),))

    incidents = [
        quoting("inc-kidal", Place("Kidal", "Kidal", None, "ML"), ROUNDUP_TEXT.split("\n\n")[1], 3, "army"),
        quoting("inc-mopti", Place("Mopti", "Mopti", None, "ML"), ROUNDUP_TEXT.split("\n\n")[2], 7, "official",
                 qualifier="at_least")]
    db = tmp_path_factory.mktemp("roundup") / "roundup.db"
    store = open_store(db)
    with store.batch():
        for document in (roundup, uncited):
            store.add_document(document, [])
        for incident in incidents:
            store.save_incident(incident, {roundup.name: roundup.id})
    store.close()
    with TestClient(create_app(str(db))) as c:
        yield c


def test_a_document_opened_alone_marks_the_quotes_of_every_incident_citing_it(roundup_client):
    body = roundup_client.get("/api/documents/weekend-roundup").json()
    assert body["incidents"] == ["inc-kidal", "inc-mopti"] and body["citing_incidents"] == 2
    assert [(s["incident"], s["value"]) for s in body["spans"]] == [("inc-kidal", "3"), ("inc-mopti", "at least 7")]
    for span in body["spans"]:
        assert body["document"]["text"][span["start"]:span["end"]] == span["quote"]
    only_mopti = roundup_client.get("/api/documents/weekend-roundup?incident=inc-mopti").json()
    assert [s["incident"] for s in only_mopti["spans"]] == ["inc-mopti"]
    html = roundup_client.get("/documents/weekend-roundup").text
    assert html.count("<mark") == 2 and 'href="/incidents/inc-kidal"' in html and 'href="/incidents/inc-mopti"' in html
    assert "incident: Mopti, ML, 2024-06-01" in html   # each mark says whose quote it is
    assert 'id="claim-' not in html                       # claim numbers repeat across incidents: no anchors


def test_a_document_no_incident_quotes_says_so(roundup_client):
    body = roundup_client.get("/api/documents/quiet-week").json()
    assert body["incidents"] == [] and body["spans"] == [] and body["citing_incidents"] == 0
    assert "No incident quotes a figure from this document" in roundup_client.get("/documents/quiet-week").text


def test_a_document_named_by_its_url_is_reachable_from_its_incident(client):
    link = client.get("/api/incidents/inc-undated").json()["document_links"][0]
    assert link["document"] == WARC_NAME
    body = client.get(link["api_url"]).json()
    assert body["document"]["name"] == WARC_NAME and body["incidents"] == ["inc-undated"]
    assert WARC_NAME.replace("&", "&amp;") in client.get(link["url"]).text


def test_a_javascript_url_is_never_a_link(client):
    body = client.get("/api/documents/hostile-ramadi").json()
    assert body["document"]["url"].startswith("javascript:") and body["document"]["source_url"] is None
    page = client.get("/incidents/inc-ramadi").text
    assert 'href="javascript:' not in page


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"), ("http://x.test", "http://x.test"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,hi", None),
    ("//evil.test/x", None), ("", None), (None, None)])
def test_safe_link(url, expected):
    assert safe_link(url) == expected


def test_an_untitled_document_is_headed_by_its_opening_words(roundup_client):
    titled = Document(id="t", name="file-7", text="Body.", source="x", title="Clashes resume in the north")
    untitled = Document(id="u", name="file-8", text=ROUNDUP_TEXT, source="x")
    assert document_heading(titled) == "Clashes resume in the north"
    assert document_heading(untitled, words=5) == "Violence flared across the centre …"
    assert document_heading(None, None, "missing-doc") == "missing-doc"
    assert document_heading(Document(id="e", name="empty-1", text="", source="x")) == "empty-1"
    assert "<h1>Violence flared across the centre of the country" in roundup_client.get("/documents/weekend-roundup").text


def test_overlapping_quotes_are_cut_into_marked_segments():
    text = "One. Two three. Four."
    spans = [{"start": 5, "end": 15, "claim": 0}, {"start": 9, "end": 21, "claim": 1}]
    segments = marked_segments(text, spans)
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.spans) for s in segments] == [("One. ", ()), ("Two ", (0,)), ("three.", (0, 1)),
                                                     (" Four.", (1,))]
    assert [s.opens for s in segments] == [(), (0,), (1,), ()]


# -- errors: one format ----------------------------------------------------------------------------

@pytest.mark.parametrize("url, status, code", [
    ("/api/incidents/no-such-incident", 404, "not_found"),
    ("/api/documents/no-such-document", 404, "not_found"),
    ("/api/documents/wh-sarmada?incident=no-such-incident", 404, "not_found"),
    ("/api/no-such-endpoint", 404, "not_found"),
    ("/api/incidents?date_from=14/05/2023", 422, "invalid_query"),
    ("/api/incidents?country=Syria", 422, "invalid_query"),
    ("/api/incidents?min_fatalities=-1", 422, "invalid_query"),
    ("/api/incidents?limit=100000", 422, "invalid_query"),
    ("/api/incidents?grade=excellent", 422, "invalid_query"),
    ("/api/incidents?q=%22unterminated", 422, "invalid_query"),
    ("/api/incidents?cursor=not-a-cursor", 422, "invalid_query"),
])
def test_api_errors_share_one_format(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


def test_bad_date_error_says_what_to_write(client):
    message = client.get("/api/incidents?date_from=May").json()["error"]["message"]
    assert "date_from" in message and "YYYY-MM-DD" in message


def test_html_errors_are_pages_with_the_same_code(client):
    response = client.get("/incidents/no-such-incident")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "not_found" in response.text and "no-such-incident" in response.text


def test_internal_error_is_json_and_hides_the_traceback(demo_db):
    app = create_app(str(demo_db))
    app.state.store.close()  # a store that fails under the server's feet
    with TestClient(app, raise_server_exceptions=False) as broken:
        response = broken.get("/api/incidents")
    assert response.status_code == 500
    assert response.json() == {"error": {"code": "internal_error",
                                         "message": "internal error: the server log has the details"}}


def test_a_missing_database_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="sitrep run"):
        create_app(str(tmp_path / "nothing-here.db"))


# -- pages, twins, safety headers ------------------------------------------------------------------

PAGES = ["/", "/map", "/incidents/inc-sarmada", "/incidents/inc-ramadi", "/incidents/inc-undated",
         "/documents/wh-sarmada?incident=inc-sarmada", "/documents/" + quote(WARC_NAME, safe=""), "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client, path):
    page = client.get(path)
    assert page.status_code == 200
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)">', page.text).group(1)
    response = client.get(twin.replace("&amp;", "&"))
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", ["/", "/incidents/inc-ramadi", "/api/incidents", "/api/incidents/nope", "/nope",
                                  "/static/map.js"])
def test_strict_content_security_policy_everywhere(client, path):
    csp = client.get(path).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script(client, path):
    for script in re.findall(r"<script\b[^>]*>(.*?)</script>", client.get(path).text, re.S):
        # only src= scripts and JSON data blocks; a JSON block cannot close its own tag
        assert script == "" or "</" not in script


def test_hostile_article_text_is_escaped_in_html(client):
    for path in ["/", "/incidents/inc-ramadi", "/documents/hostile-ramadi?incident=inc-ramadi"]:
        html = client.get(path).text
        assert "<script>window.__xss" not in html and "<img src=x" not in html
        assert "&lt;img src=x onerror=" in html
    assert "&lt;script&gt;window.__xss" in client.get("/incidents/inc-ramadi").text


def test_incident_page_marks_every_quote(client):
    html = client.get("/incidents/inc-sarmada").text
    assert html.count('class="anchor" id="claim-') == 4  # four claims, each anchored at its quote
    assert html.count("<mark") == 3                     # two claims share one sentence
    assert 'class="disputed"' in html


def test_hostile_text_round_trips_unchanged_through_the_api(client):
    body = client.get("/api/documents/hostile-ramadi").json()
    assert body["document"]["text"] == HOSTILE_TEXT


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/documents/{name}", "/api/stats"} <= set(paths)
    params = {p["name"] for p in paths["/api/incidents"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "admin1", "event_type", "q", "min_fatalities", "has_disagreement",
            "grade", "cursor", "limit"} <= params


def test_list_page_pager_keeps_the_filters(client):
    html = client.get("/?limit=1&country=SY").text
    assert "Sarmada" in html and "Ramadi" not in html
    page = client.get("/?limit=1").text
    next_url = re.search(r'<a href="([^"]+)" rel="next">', page).group(1).replace("&amp;", "&")
    assert "cursor=" in next_url and "Sarmada" in client.get(next_url).text


def test_a_localhost_server_refuses_other_host_names(demo_db):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the database."""
    app = create_app(str(demo_db), allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/stats").status_code == 200
        refused = local.get("/api/stats", headers={"host": "evil.example:8000"})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_request"
