// eventwire dashboard: dyad picker, quad-class and Goldstein series (uPlot), the events behind
// a point with their sentence, alerts, and a map of event places (Leaflet, offline world layer).
// Everything from the API is put in the page as text (never as HTML).
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const QUAD = [
    ["q1", "verbal cooperation", "#2b7bb9"],
    ["q2", "material cooperation", "#1a9850"],
    ["q3", "verbal conflict", "#e08214"],
    ["q4", "material conflict", "#c0262d"],
  ];
  const state = { a: null, b: null, by: "week", direction: "both", rows: [], plots: [] };
  // read by the browser tests and the benchmark
  window.eventwire = { ready: false, firstPaint: null, picked: null };

  async function getJSON(url) {
    const r = await fetch(url);
    const body = await r.json();
    if (!r.ok) throw new Error((body.error && body.error.message) || r.statusText);
    return body;
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v !== null && v !== undefined && v !== "") u.append(k, v);
    }
    return u.toString();
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k);
    return e;
  }

  function status(msg) { $("status").textContent = msg; }

  function periodEnd(period, by) {
    const d = new Date(period + "T00:00:00Z");
    if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  // The API filter for the picked actors and direction.
  function actorFilter() {
    const { a, b, direction } = state;
    if (!b) return direction === "ab" ? { source: a } : direction === "ba" ? { target: a } : { actor: a };
    if (direction === "ab") return { source: a, target: b };
    if (direction === "ba") return { source: b, target: a };
    return { dyad: a + "," + b };
  }

  // ------------------------------------------------------------------ series
  async function loadSeries() {
    const label = state.b ? `${state.a} – ${state.b}` : state.a;
    status(`loading ${label}…`);
    const data = await getJSON("/api/series?" + qs({ a: state.a, b: state.b, by: state.by, direction: state.direction }));
    state.rows = data.items;
    $("series-title").textContent = `Events by quad class: ${label} (${state.direction}, by ${state.by})`;
    draw();
    const n = state.rows.reduce((s, r) => s + r.events, 0);
    status(`${label}: ${n} events in ${state.rows.length} ${state.by}s`);
    if (!window.eventwire.ready) {
      window.eventwire.firstPaint = performance.now();
      window.eventwire.ready = true;
    }
    loadPlaces();
  }

  function draw() {
    state.plots.forEach((p) => p.destroy());
    state.plots = [];
    const rows = state.rows;
    const xs = rows.map((r) => Date.parse(r.period + "T00:00:00Z") / 1000);
    const width = Math.max(300, $("charts").clientWidth - 20);
    const pick = (u) => u.over.addEventListener("click", () => onPick(u.cursor.idx));
    const common = {
      width, height: 220,
      cursor: { sync: { key: "ew" }, points: { size: 9 } },
      hooks: { ready: [pick] },
    };
    const quad = new uPlot({
      ...common,
      series: [{}].concat(QUAD.map(([, label, color]) => ({ label, stroke: color, width: 1.5, points: { show: rows.length < 200, size: 4 } }))),
      axes: [{}, { label: "events" }],
    }, [xs].concat(QUAD.map(([k]) => rows.map((r) => r[k]))), $("chart-quad"));
    const gold = new uPlot({
      ...common,
      series: [{}, { label: "Goldstein mean", stroke: "#555", width: 1.5, points: { show: rows.length < 200, size: 4 } }],
      scales: { y: { range: [-10, 10] } },
      axes: [{}, { label: "Goldstein" }],
    }, [xs, rows.map((r) => r.goldstein_mean)], $("chart-goldstein"));
    state.plots.push(quad, gold);
  }

  // ------------------------------------------------------------------ events
  async function onPick(idx) {
    if (idx === null || idx === undefined || !state.rows[idx]) return;
    const row = state.rows[idx];
    const until = periodEnd(row.period, state.by);
    window.eventwire.picked = row.period;
    const params = { ...actorFilter(), since: row.period, until, modality: "real", limit: 100 };
    const data = await getJSON("/api/events?" + qs(params));
    $("events-title").textContent = `Events ${row.period} – ${until} (${data.count}${data.next_cursor ? "+" : ""})`;
    renderEvents(data.items);
  }

  function highlight(text, word) {
    const frag = document.createDocumentFragment();
    const i = word ? text.toLowerCase().indexOf(word.toLowerCase()) : -1;
    if (i < 0) { frag.append(text); return frag; }
    frag.append(text.slice(0, i), el("mark", { text: text.slice(i, i + word.length) }), text.slice(i + word.length));
    return frag;
  }

  function renderEvents(items) {
    const ul = $("events");
    ul.replaceChildren();
    $("context").hidden = true;
    for (const e of items) {
      const tgt = e.target ? e.target.code : "—";
      const head = el("div", { class: "ev-head" },
        el("span", { class: "q" + e.quad_class, text: `${e.date || "undated"}  ${e.source.code} → ${tgt}  ${e.cameo} ${e.plover || ""}` }),
        ` ${e.modality}  conf ${e.confidence.toFixed(2)}` + (e.num_mentions > 1 ? `  · ${e.num_mentions} reports` : ""));
      const li = el("li", { "data-event": e.event_id }, head, el("div", { class: "ev-sentence" }, highlight(e.sentence || "", e.trigger)));
      li.addEventListener("click", () => {
        ul.querySelectorAll("li.selected").forEach((x) => x.classList.remove("selected"));
        li.classList.add("selected");
        showContext(e.event_id);
      });
      ul.append(li);
    }
    if (!items.length) ul.append(el("li", { text: "no events in this period" }));
  }

  async function showContext(eventId) {
    const ev = await getJSON("/api/events/" + encodeURIComponent(eventId));
    const doc = ev.document || {};
    const href = doc.url || "/api/documents/" + encodeURIComponent(ev.doc_id);
    $("context-title").replaceChildren(el("a", { href, target: "_blank", rel: "noopener", id: "article-link", text: doc.title || ev.doc_id }));
    $("context-meta").textContent = [doc.source, doc.published, `rule ${ev.rule}`, `${ev.mentions.length} mention(s)`]
      .filter(Boolean).join(" · ");
    const box = $("context-text");
    box.replaceChildren();
    if (ev.context) {
      const [s, t] = ev.context.sentence;
      const txt = ev.context.text;
      box.append(txt.slice(0, s), el("mark", { class: "sentence" }, highlight(txt.slice(s, t), ev.trigger)), txt.slice(t));
    } else {
      box.append(el("mark", { class: "sentence" }, highlight(ev.sentence || "", ev.trigger)));
    }
    $("context").hidden = false;
  }

  // ------------------------------------------------------------------ alerts
  async function loadAlerts() {
    // the last year of the data
    const health = await getJSON("/api/health");
    let since = "";
    if (health.last_date) {
      const d = new Date(health.last_date + "T00:00:00Z");
      d.setUTCFullYear(d.getUTCFullYear() - 1);
      since = d.toISOString().slice(0, 10);
    }
    const data = await getJSON("/api/alerts?" + qs({ limit: 50, since }));
    const ol = $("alerts");
    ol.replaceChildren();
    for (const al of data.items) {
      const li = el("li", { "data-a": al.a, "data-b": al.b, "data-period": al.period },
        `${al.a} – ${al.b}, ${state.by} of ${al.period}: ${al.conflict}/${al.events} conflict `,
        el("span", { class: "kind", text: `${al.kinds.join(", ")} (z ${al.score.toFixed(1)})` }));
      li.addEventListener("click", async () => {
        Object.assign(state, { a: al.a, b: al.b, direction: "both", by: data.by });
        syncForm();
        await loadSeries();
        const idx = state.rows.findIndex((r) => r.period === al.period);
        if (idx >= 0) onPick(idx);
      });
      ol.append(li);
    }
    if (!data.items.length) {
      ol.append(el("li", { class: "none", text: "no alerts in the last year of the data" }));
    }
  }

  // ------------------------------------------------------------------ map
  let map = null;
  let markers = null;
  async function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 1 }).setView([20, 10], 1);
    map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    const world = await getJSON("/static/world.geojson");
    L.geoJSON(world, { style: { color: "#8a9aa6", weight: 0.5, fillColor: "#f2efe6", fillOpacity: 1 } }).addTo(map);
    markers = L.layerGroup().addTo(map);
  }

  async function loadPlaces() {
    if (!markers) return;
    const data = await getJSON("/api/places?" + qs({ ...actorFilter(), modality: "real", limit: 500 }));
    markers.clearLayers();
    const max = Math.max(1, ...data.items.map((p) => p.events));
    for (const p of data.items) {
      const red = Math.round(255 * p.conflict_share);
      L.circleMarker([p.lat, p.lon], {
        radius: 3 + 12 * Math.sqrt(p.events / max), weight: 1,
        color: "#333", fillColor: `rgb(${red},80,${255 - red})`, fillOpacity: 0.7,
      }).bindTooltip(`${p.name || p.country}: ${p.events} events`).addTo(markers);
    }
  }

  // ------------------------------------------------------------------ picker
  function syncForm() {
    $("dyad-a").value = state.a || "";
    $("dyad-b").value = state.b || "";
    $("direction").value = state.direction;
    $("by").value = state.by;
  }

  async function loadPickers() {
    const [dyads, actors] = await Promise.all([
      getJSON("/api/dyads?limit=30"), getJSON("/api/actors?level=country&limit=100"),
    ]);
    for (const d of dyads.items) {
      $("top-dyads").append(el("option", { value: `${d.a},${d.b}`, text: `${d.a} – ${d.b} (${d.events})` }));
    }
    for (const a of actors.items) $("actor-list").append(el("option", { value: a.actor }));
    return dyads.items;
  }

  $("picker").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.a = $("dyad-a").value.trim().toUpperCase();
    state.b = $("dyad-b").value.trim().toUpperCase() || null;
    state.direction = $("direction").value;
    state.by = $("by").value;
    if (state.a) loadSeries().catch((e) => status("error: " + e.message));
  });
  $("top-dyads").addEventListener("change", (ev) => {
    if (!ev.target.value) return;
    [state.a, state.b] = ev.target.value.split(",");
    syncForm();
    loadSeries().catch((e) => status("error: " + e.message));
  });

  async function start() {
    const params = new URLSearchParams(location.search);
    initMap().catch((e) => status("map: " + e.message));
    state.by = params.get("by") || "week";
    if (params.get("a")) {
      // the actors are given: draw first, then fill the pickers
      state.a = params.get("a").toUpperCase();
      state.b = (params.get("b") || "").toUpperCase() || null;
      syncForm();
      await loadSeries();
      loadPickers().catch((e) => status("pickers: " + e.message));
    } else {
      const dyads = await loadPickers();
      if (dyads[0]) [state.a, state.b] = [dyads[0].a, dyads[0].b];
      syncForm();
      if (state.a) await loadSeries();
      else status("no events stored yet");
    }
    loadAlerts().catch((e) => status("alerts: " + e.message));
  }
  start().catch((e) => status("error: " + e.message));
})();
