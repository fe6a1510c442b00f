"""The report as one HTML file: its CSS, plotly's JavaScript (from the installed Python package)
and its figures' data inlined, so that it opens offline; print CSS for paper."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from tidings.evidence import trigger_spans
from tidings.report.figures import network_figure, period_totals, timeline_figure
from tidings.report.gather import ClusterView, Evidence, ReportData
from tidings.report.palette import type_colours


def plotly_source() -> str:
    """plotly.min.js as shipped inside the ``plotly`` Python package."""
    path = Path(str(resources.files("plotly"))) / "package_data" / "plotly.min.js"
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


def _css() -> str:
    return (resources.files("tidings.report") / "report.css").read_text(encoding="utf-8")


def country_name(code: str, names: dict[str, str]) -> str:
    if code in names:
        return names[code]
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    return str(getattr(found, "common_name", None) or getattr(found, "name", None) or code)


def marked(ev: Evidence) -> str:
    """The sentence, HTML-escaped, its trigger's words in <mark>."""
    out, pos = [], 0
    for start, end in trigger_spans(ev.sentence, ev.trigger, ev.trigger_at):
        out.append(escape(ev.sentence[pos:start]))
        out.append(f"<mark>{escape(ev.sentence[start:end])}</mark>")
        pos = end
    out.append(escape(ev.sentence[pos:]))
    return "".join(out)


def _party_html(party: tuple[str, str]) -> str:
    codes, name = party
    return escape(codes) + (f' <span class="name">{escape(name)}</span>' if name else "")


def _cluster_html(c: ClusterView) -> str:
    colour = type_colours().get(c.type, "#888")
    where = f" · {escape(c.place)}" if c.place else ""
    sources = f"{c.num_sources} source{'s' if c.num_sources != 1 else ''}, {c.num_articles} report{'s' if c.num_articles != 1 else ''}"
    quotes = "".join(
        f"<blockquote>{marked(e)}<cite>{escape(e.outlet or 'unknown outlet')} · {escape(Path(e.doc_ref).name)}</cite></blockquote>"
        for e in c.evidence
    )
    return (
        f'<article class="cluster" style="--type:{colour}"><h3>{_party_html(c.source)} → '
        f'<span class="type" style="color:{colour}">{escape(c.type)}</span> → {_party_html(c.target)}</h3>'
        f'<div class="meta">{escape(c.date or "undated")}{where} · {sources}</div>{quotes}</article>'
    )


def _period_rows(data: ReportData) -> str:
    rows = []
    for p in data.series["periods"]:
        ab = ", ".join(f"{t} {n}" for t, n in sorted(p["counts"]["a_to_b"].items())) or "–"
        ba = ", ".join(f"{t} {n}" for t, n in sorted(p["counts"]["b_to_a"].items())) or "–"
        idx = "–" if p["index"] is None else f"{p['index']:+.2f}"
        rows.append(
            f"<tr><td>{escape(p['start'][:7])}</td><td>{escape(ab)}</td><td>{escape(ba)}</td>"
            f'<td class="num">{p["events"]}</td><td class="num">{idx}</td></tr>'
        )
    return "".join(rows)


def _quote_html(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    who = sp.get("name") or sp.get("text") or "unknown speaker"
    codes = " ".join(x for x in (sp.get("country"), sp.get("sector")) if x)
    chain = [r.get("name") or r.get("text") for r in q.get("relays") or [] if isinstance(r, dict)]
    relay = q.get("relay") or {}
    if not chain and (relay.get("name") or relay.get("text")):
        chain = [relay.get("name") or relay.get("text")]
    via = f' <span class="via">via {escape(" ← ".join(str(c) for c in chain if c))}</span>' if chain else ""
    return (
        f'<div class="quote"><span class="who">{escape(str(who))}</span>{" (" + escape(codes) + ")" if codes else ""}{via}'
        f'<blockquote>“{escape(q.get("text") or "")}”<cite>{escape(str(q.get("kind") or ""))} · '
        f"{escape(Path(str(q.get('doc_ref') or '')).name)}</cite></blockquote></div>"
    )


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/")


def render(data: ReportData, command: str = "") -> str:
    a, b = data.a, data.b
    name_a, name_b = country_name(a, data.names), country_name(b, data.names)
    periods = data.series["periods"]
    total = sum(p["events"] for p in periods)
    span = (
        f"{periods[0]['start'][:7]} to {periods[-1]['start'][:7]}" if periods else "no dated events"
    )
    asked = " ".join(
        x for x in (f"from {data.since}" if data.since else "", f"until {data.until}" if data.until else "") if x
    )
    types = ", ".join(f"{t} {sum(v)}" for t, v in period_totals(data.series).items())
    undated = data.series.get("undated", 0) + data.series.get("coarse", 0)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    clusters = "".join(_cluster_html(c) for c in data.clusters) or "<p>No clusters in this period.</p>"
    quotes = "".join(_quote_html(q) for q in data.quotes) or "<p>No quotations in these reports.</p>"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(name_a)} – {escape(name_b)}: tidings report</title>
<style>{_css()}</style>
<script>{plotly_source()}</script>
</head><body><main>
<header><h1>{escape(name_a)} ({escape(a)}) – {escape(name_b)} ({escape(b)})</h1>
<p>What the two did to each other, as the stored reports tell it{escape(" — " + asked) if asked else ""}: {escape(span)}.</p>
<ul class="facts"><li><b>{total}</b>distinct events (clusters), dated</li>
<li><b>{len(periods)}</b>months with events</li><li><b>{undated}</b>undated or dated only roughly</li>
<li><b>{len(data.quotes)}</b>quotations</li></ul></header>
<section id="timeline"><h2>Timeline</h2>
<p class="note">Events between {escape(a)} and {escape(b)} by month, both directions, by PLOVER type; the line above is the
cooperation–conflict index (the mean Goldstein score of the month's events ÷ 10: −1 conflict … +1 cooperation). {escape(types)}.</p>
<div class="plot" id="timeline-plot" role="img" aria-label="Events by month and type, with the cooperation–conflict index"></div>
<table><thead><tr><th>month</th><th>{escape(a)} → {escape(b)}</th><th>{escape(b)} → {escape(a)}</th><th>events</th><th>index</th></tr></thead>
<tbody>{_period_rows(data)}</tbody></table></section>
<section id="network"><h2>Actor network</h2>
<p class="note">Who deals with {escape(a)} and {escape(b)} in the period: a line per direction, wider for more events,
green for cooperation and red for conflict.</p>
<div class="plot" id="network-plot" role="img" aria-label="Actor network around {escape(a)} and {escape(b)}"></div></section>
<section id="clusters"><h2>Top events with their evidence</h2>
<p class="note">Each is one act, however many reports told it, with the sentences that tell it (the words that code it marked).</p>
{clusters}</section>
<section id="quotes"><h2>Quotations</h2>
<p class="note">What was said in the reports behind these events: speaker, the outlets that relayed it, the words.</p>
{quotes}</section>
<footer>Made by tidings on {generated}{" with <code>" + escape(command) + "</code>" if command else ""}. Event codes: PLOVER types;
countries: ISO 3166 alpha-3. This file holds everything it shows and needs no network.</footer>
</main>
<script type="application/json" id="figures">{_json({"timeline": timeline_figure(data.series), "network": network_figure(data.network, a, b, data.names)})}</script>
<script>
(function () {{
  var figs = JSON.parse(document.getElementById("figures").textContent);
  var config = {{responsive: true, displayModeBar: false}};
  Plotly.newPlot("timeline-plot", figs.timeline.data, figs.timeline.layout, config);
  Plotly.newPlot("network-plot", figs.network.data, figs.network.layout, config);
  window.addEventListener("beforeprint", function () {{
    ["timeline-plot", "network-plot"].forEach(function (id) {{ Plotly.relayout(id, {{width: 680}}); }});
  }});
  window.addEventListener("afterprint", function () {{
    ["timeline-plot", "network-plot"].forEach(function (id) {{ Plotly.relayout(id, {{width: null, autosize: true}}); }});
  }});
}})();
</script>
</body></html>
"""
