"""The web pages in a real browser: Debian's chromium driven by Playwright against uvicorn on localhost.

Skipped when /usr/bin/chromium is missing (`apt-get install chromium`; CI installs it).
"""
from __future__ import annotations

import pytest

from conftest_serve import CHROMIUM, CHROMIUM_ARGS, ServerThread, build_demo_store, chromium_path
from sitrep.records import EventDate, Fatalities, Incident, Place
from sitrep.store import open_store

pytestmark = pytest.mark.skipif(chromium_path() is None, reason=f"no browser: {CHROMIUM} is missing "
                                "(install Debian's chromium: apt-get install chromium)")

XSS_PROBE = "() => ({xss: window.__xss === undefined ? null : String(window.__xss), title: document.title})"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    with ServerThread(build_demo_store(tmp_path_factory.mktemp("web") / "demo.db")) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.problems = []  # page errors and CSP violations the page reports
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    page.on("console", lambda msg: page.problems.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()


def wait_for_map(page) -> None:
    # a locator wait, not wait_for_function: the page's CSP forbids the eval that a string predicate needs
    page.locator("#map-status", has_text="on the map").wait_for()


def test_list_shows_every_incident(page, demo_server):
    page.goto(demo_server.url + "/")
    rows = page.locator("table.incidents tbody tr")
    assert rows.count() == 3
    assert "Sarmada, Idlib, SY" in rows.nth(1).inner_text()
    assert page.problems == []


def test_filters_narrow_the_list(page, demo_server):
    page.goto(demo_server.url + "/")
    page.get_by_label("Country").fill("SY")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/?*country=SY*")
    assert page.locator("table.incidents tbody tr").count() == 1
    assert page.get_by_label("Country").input_value() == "SY"


def test_map_shows_a_marker_per_placed_incident_and_a_timeline(page, demo_server):
    page.goto(demo_server.url + "/map")
    wait_for_map(page)
    assert page.locator(".incident-marker").count() == 2  # the third incident has no coordinates
    assert "1 without coordinates" in page.locator("#map-status").inner_text()
    assert page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count() > 100  # country borders
    bars = page.locator("#timeline rect.bar")
    assert bars.count() == 2  # 2023-05 and 2024-03; the months between are drawn empty
    assert page.locator("#timeline text.tick").first.text_content() == "1"  # the scale: the tallest bar
    assert page.problems == []


def test_a_marker_opens_its_incident_by_keyboard(page, demo_server):
    page.goto(demo_server.url + "/map")
    wait_for_map(page)
    marker = page.locator(".incident-marker[title*='Sarmada']")
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.get_by_role("link", name="Sarmada, Idlib, SY").click()
    page.wait_for_url("**/incidents/inc-sarmada")
    assert page.locator("h1").inner_text().startswith("Explosions/Remote violence")


def test_incident_page_shows_both_sources_side_by_side(page, demo_server):
    page.goto(demo_server.url + "/incidents/inc-sarmada")
    headers = page.locator("table.claims thead th").all_inner_texts()
    assert any("Syrian Civil Defense" in h for h in headers)
    assert any("Syrian Observatory for Human Rights" in h for h in headers)
    children = page.locator("table.claims tbody tr", has_text="children")
    assert children.get_attribute("class") == "disputed"
    cells = children.locator("td .value").all_inner_texts()
    assert cells == ["5", "3"]
    assert page.locator(".callout.disputed").is_visible() and page.locator(".callout.flagged").is_visible()
    assert page.locator("mark").count() == 3
    # a citation link jumps to the quoted sentence
    children.locator("a.cite").first.click()
    assert page.evaluate("location.hash") == "#claim-1"
    assert page.problems == []


@pytest.fixture(scope="module")
def crowded_server(tmp_path_factory):
    """Three incidents geocoded to one region's centre (as a region-level place is) and one elsewhere."""
    idlib = Place("Idlib", "Idlib", None, "SY", 35.93, 36.63, "admin1")
    incidents = [Incident(id=f"inc-idlib-{n}", event_type="Battles", place=idlib, grade=grade,
                          date=EventDate(f"2024-0{n}-10", "day", f"2024-0{n}-10", f"2024-0{n}-10"),
                          fatalities=Fatalities(n, n, n))
                 for n, grade in ((1, "single_source"), (2, "contested"), (3, "corroborated"))]
    incidents.append(Incident(id="inc-aleppo", place=Place("Aleppo", "Aleppo", None, "SY", 36.2, 37.16, "town")))
    db = tmp_path_factory.mktemp("crowded") / "crowded.db"
    store = open_store(db)
    with store.batch():
        for incident in incidents:
            store.save_incident(incident, {})
    store.close()
    with ServerThread(db) as server:
        yield server


def test_incidents_at_one_point_share_a_marker_that_lists_them_all(page, crowded_server):
    page.goto(crowded_server.url + "/map")
    wait_for_map(page)
    assert page.locator(".incident-marker").count() == 2
    assert "4 incidents; 4 on the map" in page.locator("#map-status").inner_text()
    shared = page.locator(".incident-marker[title='3 incidents at Idlib, SY']")
    assert shared.inner_text() == "3" and "grade-contested" in shared.get_attribute("class")  # least settled
    shared.click()
    popup = page.locator(".leaflet-popup-content")
    assert popup.get_by_role("link", name="Idlib, SY").count() == 3
    assert "2024-03-10" in popup.inner_text() and "2024-01-10" in popup.inner_text()
    assert page.problems == []


@pytest.mark.parametrize("path", ["/", "/map", "/incidents/inc-ramadi",
                                  "/documents/hostile-ramadi?incident=inc-ramadi"])
def test_hostile_article_runs_nothing_and_shows_as_text(page, demo_server, path):
    page.goto(demo_server.url + path)
    if path == "/map":
        wait_for_map(page)
        page.locator(".incident-marker[title*='Ramadi']").click()
        assert "<img src=x onerror=" in page.locator(".leaflet-popup-content").inner_text()
    else:
        assert "<img src=x onerror=" in page.locator("main").inner_text()
    page.wait_for_timeout(100)  # give an injected onerror handler its chance to fire
    assert page.evaluate(XSS_PROBE)["xss"] is None and page.title() != "pwned"
    assert page.locator("main script:not([type='application/json']), main img").count() == 0
    if "ramadi" in path:
        assert '<script>window.__xss = "script"' in page.locator("main").inner_text()


@pytest.fixture(scope="module")
def seed_server(seeds_db):
    with ServerThread(seeds_db) as server:
        yield server


def test_seed_incidents_in_list_map_and_incident_page(page, seed_server):
    """The five seed articles through the whole pipeline: the Atmeh raid shows both rescuers' and SOHR's children."""
    incidents = page.request.get(seed_server.url + "/api/incidents?limit=500").json()["incidents"]
    page.goto(seed_server.url + "/")
    assert page.locator("table.incidents tbody tr").count() == len(incidents) > 0
    page.goto(seed_server.url + "/map")
    wait_for_map(page)
    sites = {(round(i["place"]["lat"], 4), round(i["place"]["lon"], 4)) for i in incidents
             if i["place"]["lat"] is not None}
    assert page.locator(".incident-marker").count() == len(sites) > 0  # one marker per point
    atmeh = max(incidents, key=lambda i: i["claims"])  # the raid the three Syrian articles report
    page.goto(seed_server.url + atmeh["url"])
    table = page.locator("table.claims")
    headers = " | ".join(table.locator("thead th").all_inner_texts())
    assert "Syrian Civil Defense" in headers or "White Helmets" in headers
    assert "Syrian Observatory for Human Rights" in headers
    children = table.locator("tbody tr", has_text="children").first.locator("td").all_inner_texts()
    columns = table.locator("thead th").all_inner_texts()[1:]
    by_source = dict(zip(columns, children))
    assert any(("Civil Defense" in s or "White Helmets" in s) and "6" in v for s, v in by_source.items())
    assert any("Observatory" in s and "4" in v for s, v in by_source.items())
    assert page.problems == []
