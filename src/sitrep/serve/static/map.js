// Map (Leaflet over vendored Natural Earth borders, no tile server) and timeline of incidents.
// Article-derived text only ever reaches the page through textContent / setAttribute, never innerHTML.
"use strict";

(function () {
  const configNode = document.getElementById("map-config");
  if (!configNode || !window.L) return;
  const config = JSON.parse(configNode.textContent);
  const SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setStatus(text) {
    const status = document.getElementById("map-status");
    if (status) status.textContent = text;
  }

  function baseMap(container, options) {
    const map = L.map(container, Object.assign({ worldCopyJump: true, minZoom: 1, maxZoom: 12 }, options));
    map.attributionControl.addAttribution("Borders: Natural Earth");
    fetch(config.borders_url)
      .then((r) => r.json())
      .then((geojson) => {
        L.geoJSON(geojson, {
          interactive: false,
          style: { color: "#7a8794", weight: 0.8, fillColor: "#e9edf1", fillOpacity: 1 },
        }).addTo(map).bringToBack();
      })
      .catch(() => setStatus("Country borders could not be loaded."));
    return map;
  }

  const GRADE_RANK = { contested: 0, single_source: 1, corroborated: 2 };
  const POPUP_LIST_MAX = 15;

  function killedOf(incident) {
    return (incident.fatalities && incident.fatalities.best) || 0;
  }

  function markerIcon(site) {
    // One marker per site (incidents geocoded to the same point, e.g. a region's centre): its size grows with
    // the most killed in one incident there, its colour is the least settled grade there, and a number says
    // how many incidents it stands for.
    const killed = Math.max(...site.map(killedOf));
    const size = Math.round(12 + Math.min(18, Math.sqrt(killed) * 3)) + (site.length > 1 ? 6 : 0);
    const grade = site.map((i) => String(i.grade)).sort((a, b) => (GRADE_RANK[a] ?? 9) - (GRADE_RANK[b] ?? 9))[0];
    return L.divIcon({
      className: "incident-marker grade-" + grade.replace(/[^a-z_]/g, "") + (site.length > 1 ? " several" : ""),
      iconSize: [size, size],
      html: site.length > 1 ? el("span", { class: "count", "aria-hidden": "true" }, String(site.length)) : "",
    });
  }

  function incidentSummary(incident) {
    const box = el("div", { class: "popup" });
    const link = el("a", { href: incident.url }, incident.place_label);
    box.appendChild(el("strong")).appendChild(link);
    box.appendChild(el("div", {}, (incident.date || "date unknown") + " · " + (incident.event_type || "unclassified")));
    const best = incident.fatalities && incident.fatalities.best;
    const facts = [
      best === null || best === undefined ? "no death toll" : best + " killed (best estimate)",
      String(incident.grade).replace(/_/g, " "),
    ];
    if (incident.disagreements) facts.push(incident.disagreements + " disagreement(s)");
    box.appendChild(el("div", {}, facts.join(" · ")));
    return box;
  }

  function popupContent(site) {
    if (site.length === 1) return incidentSummary(site[0]);
    const box = el("div", { class: "popup-list" });
    box.appendChild(el("p", { class: "popup-head" }, `${site.length} incidents at this point, newest first:`));
    for (const incident of site.slice(0, POPUP_LIST_MAX)) box.appendChild(incidentSummary(incident));
    if (site.length > POPUP_LIST_MAX) {
      box.appendChild(el("p", { class: "hint" }, `and ${site.length - POPUP_LIST_MAX} more: narrow the filters or use the list.`));
    }
    return box;
  }

  async function fetchIncidents() {
    // Follow `next` cursors until the end or the cap: the map and timeline show the same set.
    let url = config.incidents_url;
    const incidents = [];
    while (url && incidents.length < config.max_incidents) {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const page = await response.json();
      if (!response.ok) throw new Error(page.error ? page.error.message : "request failed");
      incidents.push(...page.incidents);
      url = page.next_url;
    }
    return { incidents, truncated: Boolean(url) };
  }

  function drawMarkers(map, incidents) {
    // Incidents at the same point share one marker: stacked markers would hide all but the top one.
    const sites = new Map();
    let placed = 0;
    for (const incident of incidents) {
      const p = incident.place || {};
      if (typeof p.lat !== "number" || typeof p.lon !== "number") continue;
      placed += 1;
      const key = p.lat.toFixed(4) + "," + p.lon.toFixed(4);
      if (!sites.has(key)) sites.set(key, []);
      sites.get(key).push(incident);
    }
    const bounds = [];
    const layer = L.layerGroup().addTo(map);
    for (const site of sites.values()) {
      const first = site[0], p = first.place;
      const title = site.length === 1 ? (first.date || "date unknown") + ", " + first.place_label
        : site.length + " incidents at " + first.place_label;
      L.marker([p.lat, p.lon], { icon: markerIcon(site), title: title, alt: title, keyboard: true, riseOnHover: true })
        .bindPopup(() => popupContent(site), { maxHeight: 320 })
        .addTo(layer);
      bounds.push([p.lat, p.lon]);
    }
    if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 6 });  // 1:110m borders get coarse past this
    return placed;
  }

  function timelineBuckets(incidents) {
    // Bars per day when the dates span at most two months, per month up to fifteen years, else per year.
    // Dates coarser than the bar (a bare year on a monthly chart) are counted in the note, not guessed into a bar.
    const dates = incidents.map((i) => i.date).filter((d) => typeof d === "string" && d.length >= 4).sort();
    const undated = incidents.length - dates.length;
    if (!dates.length) return { unit: "month", buckets: [], undated, coarse: 0 };
    const first = dates[0], last = dates[dates.length - 1];
    const years = Number(last.slice(0, 4)) - Number(first.slice(0, 4));
    const unit = years > 15 ? "year"
      : dates.every((d) => d.length === 10) && daysBetween(first, last) <= 62 ? "day"
        : dates.some((d) => d.length >= 7) ? "month" : "year";
    const width = { day: 10, month: 7, year: 4 }[unit];
    const fine = dates.filter((d) => d.length >= width);
    const keys = unit === "day" ? dayRange(fine[0], fine[fine.length - 1])
      : unit === "month" ? monthRange(fine[0], fine[fine.length - 1])
        : yearRange(fine[0], fine[fine.length - 1]);
    const counts = new Map(keys.map((k) => [k, 0]));
    for (const d of fine) counts.set(d.slice(0, width), counts.get(d.slice(0, width)) + 1);
    return { unit, buckets: [...counts.entries()], undated, coarse: dates.length - fine.length };
  }

  function yearRange(a, b) {
    const out = [];
    for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y += 1) out.push(String(y));
    return out;
  }

  function daysBetween(a, b) {
    return (Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 86400000;
  }

  function dayRange(a, b) {
    const out = [];
    for (let t = Date.parse(a + "T00:00:00Z"); t <= Date.parse(b + "T00:00:00Z"); t += 86400000) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
    return out;
  }

  function monthRange(a, b) {
    const out = [];
    let [y, m] = a.slice(0, 7).split("-").map(Number);
    const [y2, m2] = b.slice(0, 7).split("-").map(Number);
    while (y < y2 || (y === y2 && m <= m2)) {
      out.push(y + "-" + String(m).padStart(2, "0"));
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function bucketRange(unit, key) {
    if (unit === "day") return [key, key];
    if (unit === "year") return [key + "-01-01", key + "-12-31"];
    const [y, m] = key.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [key + "-01", key + "-" + String(last).padStart(2, "0")];
  }

  function drawTimeline(container, note, incidents, truncated) {
    const { unit, buckets, undated, coarse } = timelineBuckets(incidents);
    container.replaceChildren();
    const notes = [buckets.length ? `One bar per ${unit}; select a bar to list its incidents.` : "No dated incidents to show."];
    const width = Math.max(container.clientWidth || 800, 300);
    const height = 160, top = 16, bottom = 28, left = 36;
    const max = Math.max(1, ...buckets.map(([, n]) => n));
    const step = buckets.length ? (width - left - 8) / buckets.length : 0;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", height: height, class: "timeline-chart" });
    chart.appendChild(svg("line", { x1: left, y1: height - bottom, x2: width - 4, y2: height - bottom, class: "axis" }));
    chart.appendChild(svg("text", { x: left - 6, y: top + 4, "text-anchor": "end", class: "tick" }, String(max)));
    chart.appendChild(svg("text", { x: left - 6, y: height - bottom, "text-anchor": "end", class: "tick" }, "0"));
    const labelEvery = Math.max(1, Math.ceil(buckets.length / Math.max(1, Math.floor(width / 70))));
    buckets.forEach(([key, n], i) => {
      const x = left + i * step;
      const h = ((height - top - bottom) * n) / max;
      const [from, to] = bucketRange(unit, key);
      if (n) {  // only bars with incidents are links: no empty tab stops
        const link = svg("a", { href: config.list_url + (config.list_url.endsWith("?") ? "" : "&") +
          "date_from=" + from + "&date_to=" + to, class: "bar-link" });
        link.appendChild(svg("title", {}, `${key}: ${n} incident${n === 1 ? "" : "s"}`));
        link.appendChild(svg("rect", { x: x + 1, y: height - bottom - h, width: Math.max(1, step - 2), height: h, class: "bar" }));
        chart.appendChild(link);
      }
      if (i % labelEvery === 0) {
        chart.appendChild(svg("text", { x: x + step / 2, y: height - 8, "text-anchor": "middle", class: "tick" }, key));
      }
    });
    chart.setAttribute("aria-labelledby", "timeline-title");
    chart.setAttribute("role", "group");
    container.appendChild(chart);
    if (coarse) notes.push(`${coarse} incident${coarse === 1 ? " is" : "s are"} dated only to the ${unit === "day" ? "month or year" : "year"} and not drawn.`);
    if (undated) notes.push(`${undated} incident${undated === 1 ? " has" : "s have"} no date and ${undated === 1 ? "is" : "are"} not shown.`);
    if (truncated) notes.push(`Only the newest ${incidents.length} incidents are drawn; narrow the filters to see the rest.`);
    note.textContent = notes.join(" ");
  }

  async function overview() {
    const map = baseMap("map", {});
    map.setView([25, 20], 2);
    try {
      const { incidents, truncated } = await fetchIncidents();
      const placed = drawMarkers(map, incidents);
      const unplaced = incidents.length - placed;
      setStatus(`${incidents.length}${truncated ? "+" : ""} incident${incidents.length === 1 ? "" : "s"}; ` +
        `${placed} on the map` + (unplaced ? `, ${unplaced} without coordinates.` : "."));
      drawTimeline(document.getElementById("timeline"), document.getElementById("timeline-note"), incidents, truncated);
    } catch (err) {
      setStatus("Could not load incidents: " + err.message);
    }
  }

  function single() {
    const map = baseMap("map", { scrollWheelZoom: false });
    map.setView([config.lat, config.lon], 6);
    L.marker([config.lat, config.lon], {
      icon: L.divIcon({ className: "incident-marker grade-here", iconSize: [16, 16] }),
      title: config.label, alt: config.label, keyboard: false,
    }).addTo(map);
  }

  if (config.incidents_url) overview(); else single();
})();
