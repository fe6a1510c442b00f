/* tidings dashboard: two actors → timeline and index → a period's events → a cluster's reports →
   the report's cleaned text with the evidence marked; the actor network of the period; quotes.
   Everything comes from the same server's API (fetch, same origin); plotly from /static. */
"use strict";

// PLOVER types from the most cooperative to the most hostile, coloured by QuadClass (as in reports).
const TYPE_COLOURS = {
  AGREE: "#1f4e79", CONSULT: "#2e75b6", SUPPORT: "#5b9bd5",
  COOPERATE: "#375623", AID: "#548235", CONCEDE: "#70ad47", RETREAT: "#a9d18e",
  ACCUSE: "#7f6000", REQUEST: "#bf8f00", REJECT: "#ffc000", THREATEN: "#ffd966",
  PROTEST: "#7b1d1d", MOBILIZE: "#b02a2a", SANCTION: "#d9534f", COERCE: "#e88b87", ASSAULT: "#f2b8b5",
};
const TYPE_ORDER = Object.keys(TYPE_COLOURS);
const PERIOD_DAYS = { day: 1, week: 7, month: 30 };
const PLOT_CONFIG = { responsive: true, displayModeBar: false };
const FONT = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: 12 };

const state = { series: null, period: null, cluster: null, seq: 0 };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function status(text, isError) {
  const s = $("status");
  s.textContent = text || "";
  s.classList.toggle("error", Boolean(isError));
}

async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) url.searchParams.set(k, v);
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = res.statusText;
    try { detail = (await res.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(`${path}: ${res.status} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return res.json();
}

function party(p) {
  if (!p) return "?";
  if (typeof p === "string") return p;
  return [p.country, p.sector].filter(Boolean).join(" ") + (p.name && p.name !== p.country ? ` ${p.name}` : "");
}

function fileName(ref) { return String(ref || "").split(/[\\/]/).pop(); }

/* ---- actors ------------------------------------------------------------------------------ */

async function loadActors() {
  const net = await api("/network", {});
  const ids = net.nodes.map((n) => n.id);
  const top = net.edges.length ? [net.edges[0].source, net.edges[0].target] : ids.slice(0, 2);
  const params = new URLSearchParams(window.location.search);
  const a = (params.get("a") || top[0] || "").toUpperCase();
  const b = (params.get("b") || top[1] || "").toUpperCase();
  for (const [select, chosen] of [[$("actor-a"), a], [$("actor-b"), b]]) {
    select.replaceChildren(...ids.map((id) => el("option", { value: id, selected: id === chosen }, `${id} (${net.nodes.find((n) => n.id === id).events})`)));
    if (chosen && !ids.includes(chosen)) select.prepend(el("option", { value: chosen, selected: true }, chosen));
  }
  for (const k of ["by", "since", "until"]) if (params.get(k)) $(k).value = params.get(k);
}

function dyadParams() {
  return { a: $("actor-a").value, b: $("actor-b").value, by: $("by").value, since: $("since").value, until: $("until").value };
}

/* ---- timeline ---------------------------------------------------------------------------- */

async function showDyad() {
  const p = dyadParams();
  if (!p.a || !p.b) { status("Choose two actors."); return; }
  if (p.a === p.b) { status("Choose two different actors.", true); return; }
  const query = new URLSearchParams(Object.entries(p).filter(([, v]) => v));
  history.replaceState(null, "", `?${query}`);
  status(`Loading ${p.a}–${p.b}…`);
  let series;
  try {
    series = await api(`/dyads/${encodeURIComponent(p.a)}/${encodeURIComponent(p.b)}`, { by: p.by, since: p.since, until: p.until });
  } catch (err) {
    await drawNetwork(null).catch(() => {});
    throw err;
  }
  state.series = series;
  state.period = null;
  drawTimeline(series);
  drawPeriods(series);
  $("clusters").replaceChildren(el("p", { class: "note" }, "Choose a period on the timeline."));
  clearReader();
  const events = series.periods.reduce((n, q) => n + q.events, 0);
  const rough = (series.coarse || 0) + (series.undated || 0);
  status(`${p.a}–${p.b}: ${events} dated events in ${series.periods.length} ${p.by === "day" ? "days" : p.by + "s"}` +
    (rough ? `; ${rough} more undated or dated only roughly` : "") + ".");
  // Open on the latest period, so that its events and network are there from the start.
  if (series.periods.length) await choosePeriod(series.periods[series.periods.length - 1], false);
  else await drawNetwork(null);
}

function drawTimeline(series) {
  const periods = series.periods;
  const x = periods.map((q) => q.start);
  const width = (PERIOD_DAYS[series.by] || 30) * 86400000 * 0.8;
  const types = new Set();
  periods.forEach((q) => { Object.keys(q.counts.a_to_b).forEach((t) => types.add(t)); Object.keys(q.counts.b_to_a).forEach((t) => types.add(t)); });
  const ordered = TYPE_ORDER.filter((t) => types.has(t)).concat([...types].filter((t) => !TYPE_ORDER.includes(t)).sort());
  const data = ordered.map((t) => ({
    type: "bar", name: t, x,
    y: periods.map((q) => (q.counts.a_to_b[t] || 0) + (q.counts.b_to_a[t] || 0)),
    customdata: periods.map((q) => [q.counts.a_to_b[t] || 0, q.counts.b_to_a[t] || 0]),
    width: x.map(() => width),
    marker: { color: TYPE_COLOURS[t] || "#888" },
    hovertemplate: `${t}: %{y} (${series.a}→${series.b} %{customdata[0]}, ${series.b}→${series.a} %{customdata[1]})<br>%{x|%Y-%m-%d}<extra></extra>`,
  }));
  data.push({
    type: "scatter", mode: "lines+markers", name: "index", x, y: periods.map((q) => q.index), yaxis: "y2",
    line: { color: "#222", width: 1.5, dash: "dot" }, marker: { size: 8, color: "#222" },
    hovertemplate: "index %{y:.2f}<extra></extra>",
  });
  const maxEvents = Math.max(0, ...periods.map((q) => q.events));
  const layout = {
    barmode: "stack", font: FONT, height: 320, margin: { l: 70, r: 12, t: 6, b: 30 },
    legend: { orientation: "h", y: -0.12, x: 0, traceorder: "normal" },
    xaxis: { type: "date", range: dateRange(x, series.by) },
    yaxis: { title: { text: "events" }, domain: [0, 0.66], range: [0, Math.max(1, maxEvents) * 1.12], dtick: maxEvents < 8 ? 1 : null },
    yaxis2: {
      domain: [0.74, 1], anchor: "x", range: [-1.15, 1.15], tickvals: [-1, 0, 1],
      ticktext: ["−1 conflict", "0", "+1 coop."], zeroline: true, zerolinecolor: "#999", showgrid: false,
    },
    plot_bgcolor: "#fff", paper_bgcolor: "#fff",
  };
  Plotly.react("timeline-plot", data, layout, PLOT_CONFIG);
  const plot = $("timeline-plot");
  if (!plot.dataset.bound) {
    plot.dataset.bound = "1";
    plot.on("plotly_click", (ev) => {
      const start = String(ev.points[0].x).slice(0, 10);
      const period = state.series.periods.find((q) => q.start === start);
      if (period) choosePeriod(period).catch((err) => status(err.message, true));
    });
  }
}

function dateRange(x, by) {
  if (!x.length) return null;
  const pad = (PERIOD_DAYS[by] || 30) * 86400000 * 2;
  const lo = Math.min(...x.map((d) => Date.parse(d))) - pad;
  const hi = Math.max(...x.map((d) => Date.parse(d))) + pad;
  return [new Date(lo).toISOString().slice(0, 10), new Date(hi).toISOString().slice(0, 10)];
}

function periodLabel(q, by) { return by === "month" ? q.start.slice(0, 7) : q.start; }

function drawPeriods(series) {
  const box = $("periods");
  box.replaceChildren(...series.periods.map((q) => el("button", {
    type: "button", "aria-pressed": "false", "data-start": q.start,
    title: `${q.events} events, index ${q.index === null ? "–" : q.index.toFixed(2)}`,
    onclick: () => choosePeriod(q).catch((err) => status(err.message, true)),
  }, `${periodLabel(q, series.by)} · ${q.events}`)));
  if (!series.periods.length) box.replaceChildren(el("p", { class: "note" }, "No dated events between these two in this range."));
}

/* ---- a period: its clusters --------------------------------------------------------------- */

async function choosePeriod(q, focus = true) {
  state.period = q;
  for (const b of $("periods").querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.start === q.start));
  const { a, b } = dyadParams();
  $("period-title").textContent = `Events of ${periodLabel(q, state.series.by)} (${q.start} to ${q.end})`;
  // The period's top clusters, each with its evidence sentence, at once (from the series)...
  renderClusters(q.top_clusters, q);
  if (focus) $("period-panel").focus({ preventScroll: true });
  // The reader opens on the period's first event, without moving the page or the focus.
  const first = $("clusters").querySelector("button");
  if (first) chooseCluster(first.dataset.cluster, first, false).catch((err) => status(err.message, true));
  else clearReader();
  // ...then every cluster of the period, both ways.
  try {
    const [ab, ba] = await Promise.all([
      api("/clusters", { source: a, target: b, since: q.start, until: q.end, limit: 200 }),
      api("/clusters", { source: b, target: a, since: q.start, until: q.end, limit: 200 }),
    ]);
    const seen = new Set(q.top_clusters.map((c) => c.cluster_id));
    const more = ab.items.concat(ba.items).filter((c) => !seen.has(c.cluster_id));
    if (more.length && state.period === q) renderClusters(q.top_clusters.concat(more), q);
  } catch (err) { status(err.message, true); }
  await drawNetwork(q);
}

function renderClusters(clusters, q) {
  const list = el("ol", { class: "cluster-list" });
  for (const c of clusters) {
    const sentence = c.sentence ? el("span", { class: "sentence evidence-sentence" }, c.sentence) : null;
    list.append(el("li", {}, el("button", {
      type: "button", "aria-pressed": "false", "data-cluster": c.cluster_id, onclick: (ev) => chooseCluster(c.cluster_id, ev.currentTarget),
    },
    el("span", { class: "type", style: `color:${TYPE_COLOURS[c.type] || "#333"}` }, c.type), " ",
    `${party(c.source)} → ${party(c.target)}`,
    el("span", { class: "meta" }, ` · ${c.date || "undated"} · ${c.num_sources ?? "?"} source${c.num_sources === 1 ? "" : "s"}`),
    sentence)));
  }
  $("clusters").replaceChildren(clusters.length ? list : el("p", { class: "note" }, `No events in ${q.start} to ${q.end}.`));
}

/* ---- a cluster: its reports; a report: its text with the evidence -------------------------- */

function clearReader() {
  $("cluster-detail").replaceChildren(el("p", { class: "note" }, "Choose an event to see the reports that tell it."));
  $("document").replaceChildren();
}

async function chooseCluster(id, button, focus = true) {
  for (const b of $("clusters").querySelectorAll("button")) b.setAttribute("aria-pressed", String(b === button));
  const seq = ++state.seq;
  const c = await api(`/clusters/${encodeURIComponent(id)}`);
  if (seq !== state.seq) return; // a later choice won
  state.cluster = c;
  const members = el("ol", { class: "members" });
  for (const m of c.members || []) {
    members.append(el("li", {}, el("button", {
      type: "button", "aria-pressed": "false", "data-event": m.event_id,
      onclick: (ev) => openDocument(m.doc_id, m.event_id, ev.currentTarget),
    }, el("strong", {}, m.outlet || "unknown outlet"), el("span", { class: "meta" }, ` · ${m.date || "undated"} · ${fileName(m.doc_ref)}`),
    el("span", { class: "sentence" }, m.sentence || ""))));
  }
  $("cluster-detail").replaceChildren(
    el("p", {}, el("span", { class: "type", style: `color:${TYPE_COLOURS[c.type] || "#333"}` }, c.type), ` ${party(c.source)} → ${party(c.target)} · ${c.date || "undated"}${c.place ? " · " + (c.place.name || c.place) : ""}`),
    el("p", { class: "note" }, `Told by ${c.num_articles ?? (c.members || []).length} report(s) from ${c.num_sources ?? "?"} source(s); choose one to read it.`),
    members);
  if (c.members && c.members.length) await openDocument(c.members[0].doc_id, c.members[0].event_id, members.querySelector("button"), null, focus);
}

async function openDocument(docId, eventId, button, quoteId, focus = true) {
  for (const b of $("cluster-detail").querySelectorAll(".members button")) b.setAttribute("aria-pressed", String(b === button));
  const seq = ++state.seq;
  const doc = await api(`/documents/${encodeURIComponent(docId)}`, { all: "true" });
  if (seq !== state.seq) return;
  const ev = (doc.events || []).find((e) => e.event_id === eventId) || null;
  const quote = (doc.quotes || []).find((x) => x.quote_id === quoteId) || null;
  const inTitle = Boolean((ev && ev.in_title) || (quote && quote.in_title));
  const title = el("h3", {}, inTitle ? highlighted(doc.title || "", ev, quote) : (doc.title || "(no title)"));
  const body = el("div", { class: "text", tabindex: "0", "aria-label": "The report's cleaned text" },
    inTitle ? doc.text : highlighted(doc.text, ev, quote));
  $("document").replaceChildren(
    title,
    el("p", { class: "meta" }, `${doc.outlet || "unknown outlet"} · published ${doc.published || "unknown"} · ${fileName(doc.ref)}`),
    body);
  const mark = $("document").querySelector("mark");
  if (mark) {
    // The evidence in view inside the report's text, the reader in view in the page.
    const box = body;
    box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    const panel = $("reader-panel");
    mark.setAttribute("tabindex", "-1");
    if (focus) {
      panel.scrollIntoView({ block: "nearest" });
      mark.focus({ preventScroll: true });
    }
  }
}

/* The text with one event's sentence marked and its trigger's words in bold (or one quote marked). */
function highlighted(text, ev, quote) {
  const frag = document.createDocumentFragment();
  if (ev) {
    const s0 = ev.sentence_start, s1 = ev.sentence_end;
    const spans = (ev.trigger_spans || [[ev.trigger_start, ev.trigger_end]]).filter(([x, y]) => x >= s0 && y <= s1);
    frag.append(text.slice(0, s0));
    const mark = el("mark", { class: "evidence", "data-event": ev.event_id });
    let pos = s0;
    for (const [x, y] of spans) {
      mark.append(text.slice(pos, x), el("strong", { class: "trigger" }, text.slice(x, y)));
      pos = y;
    }
    mark.append(text.slice(pos, s1));
    frag.append(mark, text.slice(s1));
  } else if (quote) {
    frag.append(text.slice(0, quote.start_char), el("mark", { class: "quote-span" }, text.slice(quote.start_char, quote.end_char)), text.slice(quote.end_char));
  } else {
    frag.append(text);
  }
  return frag;
}

/* ---- network ------------------------------------------------------------------------------ */

async function drawNetwork(q) {
  const p = dyadParams();
  const since = q ? q.start : p.since, until = q ? q.end : p.until;
  const net = await api("/network", { since, until });
  $("network-note").textContent = `Who deals with whom ${q ? "in " + periodLabel(q, state.series.by) : since || until ? `from ${since || "the start"} to ${until || "today"}` : "in all the stored events"}: ` +
    "a line per direction, wider for more events, green for cooperation, red for conflict. Click a country to pair it with actor A.";
  const ids = net.nodes.map((n) => n.id);
  const pos = layout(ids, p.a, p.b);
  const data = net.edges.map((e) => {
    const [x0, y0] = pos[e.source], [x1, y1] = pos[e.target];
    const dx = y1 - y0, dy = x0 - x1, norm = Math.hypot(dx, dy) || 1, off = 0.02;
    return {
      type: "scatter", mode: "lines", showlegend: false, hoverinfo: "text",
      x: [x0 + dx / norm * off, x1 + dx / norm * off], y: [y0 + dy / norm * off, y1 + dy / norm * off],
      line: { width: 1 + 2.5 * Math.log2(1 + e.events), color: indexColour(e.index) },
      text: `${e.source} → ${e.target}: ${e.events} events, index ${e.index}`,
    };
  });
  const events = Object.fromEntries(net.nodes.map((n) => [n.id, n.events]));
  data.push({
    type: "scatter", mode: "markers+text", showlegend: false, hoverinfo: "text",
    x: ids.map((i) => pos[i][0]), y: ids.map((i) => pos[i][1]), text: ids,
    hovertext: ids.map((i) => `${i}: ${events[i]} events`), textfont: { color: "#fff", size: 11 },
    marker: { size: ids.map((i) => 20 + 5 * Math.sqrt(events[i])), color: ids.map((i) => (i === p.a || i === p.b ? "#1f3b57" : "#5d7a94")), line: { color: "#fff", width: 1 } },
  });
  const hidden = { visible: false, range: [-1.25, 1.25] };
  Plotly.react("network-plot", data, {
    font: FONT, height: 300, margin: { l: 4, r: 4, t: 4, b: 4 }, xaxis: hidden, yaxis: { ...hidden, scaleanchor: "x" },
    plot_bgcolor: "#fff", paper_bgcolor: "#fff",
    annotations: ids.length ? [] : [{ text: "no events between two countries here", showarrow: false, x: 0, y: 0 }],
  }, PLOT_CONFIG);
  const plot = $("network-plot");
  if (!plot.dataset.bound) {
    plot.dataset.bound = "1";
    plot.on("plotly_click", (ev) => {
      const id = ev.points[0].text;
      if (typeof id === "string" && /^[A-Z]{3}$/.test(id) && id !== $("actor-a").value) {
        if (![...$("actor-b").options].some((o) => o.value === id)) $("actor-b").append(el("option", { value: id }, id));
        $("actor-b").value = id;
        showDyad().catch((err) => status(err.message, true));
      }
    });
  }
}

function layout(ids, a, b) {
  const pos = {};
  const centre = ids.filter((i) => i === a || i === b);
  centre.forEach((i) => { pos[i] = [i === a ? -0.35 : 0.35, 0]; });
  const others = ids.filter((i) => !(i in pos));
  others.forEach((i, k) => {
    const angle = Math.PI / 2 + (2 * Math.PI * k) / Math.max(others.length, 1);
    pos[i] = [Math.cos(angle), Math.sin(angle)];
  });
  return pos;
}

function indexColour(index) {
  if (index === null || index === undefined) return "#999";
  const v = Math.max(-1, Math.min(1, index));
  return v < 0 ? `rgb(${150 + Math.round(-v * 100)},${Math.round(110 * (1 + v))},${Math.round(110 * (1 + v))})`
    : `rgb(${Math.round(110 * (1 - v))},${130 + Math.round(v * 70)},${Math.round(110 * (1 - v))})`;
}

/* ---- quotes ------------------------------------------------------------------------------- */

async function searchQuotes() {
  const params = { speaker: $("q-speaker").value.trim(), relay: $("q-relay").value.trim(), contains: $("q-contains").value.trim(), limit: 50 };
  const res = await api("/quotes", params);
  $("quotes-note").textContent = `${res.total} quotation${res.total === 1 ? "" : "s"}${res.total > res.items.length ? `, the first ${res.items.length} shown` : ""}.`;
  $("quote-list").replaceChildren(...res.items.map((q) => {
    const sp = q.speaker || {};
    const chain = (q.relays || []).map((r) => r.name || r.text).filter(Boolean);
    if (!chain.length && q.relay) chain.push(q.relay.name || q.relay.text);
    return el("li", {},
      el("span", { class: "who" }, sp.name || sp.text || "unknown speaker"),
      sp.country ? ` (${[sp.country, sp.sector].filter(Boolean).join(" ")})` : "",
      chain.length ? el("span", { class: "via" }, ` via ${chain.join(" ← ")}`) : "",
      el("q", {}, q.text),
      el("span", { class: "meta" }, `${q.kind} · ${fileName(q.doc_ref)} `),
      el("button", { type: "button", onclick: () => readQuote(q).catch((err) => status(err.message, true)) }, "read the report"));
  }));
}

async function readQuote(q) {
  for (const b of $("clusters").querySelectorAll("button")) b.setAttribute("aria-pressed", "false");
  const sp = q.speaker || {};
  $("cluster-detail").replaceChildren(el("p", { class: "note" },
    `A quotation of ${sp.name || sp.text || "an unknown speaker"}, marked in its report:`));
  await openDocument(q.doc_id, null, null, q.quote_id);
}

/* ---- start -------------------------------------------------------------------------------- */

function guard(fn) {
  return (ev) => { if (ev) ev.preventDefault(); Promise.resolve(fn()).catch((err) => status(err.message, true)); };
}

async function start() {
  $("dyad-form").addEventListener("submit", guard(showDyad));
  $("quote-form").addEventListener("submit", guard(searchQuotes));
  $("swap").addEventListener("click", guard(() => {
    const a = $("actor-a").value; $("actor-a").value = $("actor-b").value; $("actor-b").value = a; return showDyad();
  }));
  if (typeof Plotly === "undefined") { status("plotly.min.js did not load (is the plotly package installed?).", true); return; }
  await loadActors();
  await Promise.all([showDyad().catch((err) => status(err.message, true)), searchQuotes()]);
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => { start().catch((err) => { status(err.message, true); document.body.dataset.ready = "error"; }); });
