"""What a dyad report holds, read from the store: the series, the network, the top clusters with
their evidence, and the quotes of the reports behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tidings.api.network import network
from tidings.link.dyad import dyad_series
from tidings.store import Store

TOP_CLUSTERS = 12
EVIDENCE_PER_CLUSTER = 3
MAX_QUOTES = 30


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    trigger: str
    trigger_at: int | None  # the trigger's offset in the sentence, when the store knows it
    outlet: str | None
    doc_ref: str
    date: str | None


@dataclass(frozen=True, slots=True)
class ClusterView:
    cluster_id: str
    type: str
    source: tuple[str, str]  # (codes, name)
    target: tuple[str, str]
    date: str | None
    place: str | None
    num_sources: int
    num_articles: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    a: str
    b: str
    since: date | None
    until: date | None
    series: dict[str, Any]
    network: dict[str, Any]
    clusters: tuple[ClusterView, ...]
    quotes: tuple[dict[str, Any], ...]
    names: dict[str, str] = field(default_factory=dict)  # country code → a name for it


def _party(actor: Any) -> tuple[str, str]:
    """(codes, name) of a cluster's party: ("IRN GOV", "Hossein Amir-Abdollahian"); no name for a state."""
    if isinstance(actor, dict):
        codes = " ".join(x for x in (actor.get("country"), actor.get("sector")) if x) or "?"
        name = actor.get("name") or ""
        return codes, "" if not actor.get("sector") else str(name)
    return str(actor or "?"), ""


def _evidence(store: Store, cluster_id: str) -> tuple[Evidence, ...]:
    found = store.cluster(cluster_id) or {}
    out: list[Evidence] = []
    seen: set[str] = set()
    for m in found.get("members", []):
        sentence = m.get("sentence") or ""
        if not sentence or sentence in seen:
            continue
        seen.add(sentence)
        at = None
        if m.get("trigger_start") is not None and m.get("sentence_start") is not None:
            at = int(m["trigger_start"]) - int(m["sentence_start"])
        out.append(
            Evidence(sentence, m.get("trigger") or "", at, m.get("outlet"), str(m.get("doc_ref") or ""), m.get("date"))
        )
    return tuple(out[:EVIDENCE_PER_CLUSTER])


def top_clusters(store: Store, a: str, b: str, since: date | None, until: date | None) -> list[dict[str, Any]]:
    """The dyad's clusters both ways, those told by most sources first."""
    rows = store.clusters(source=a, target=b, since=since, until=until) + store.clusters(
        source=b, target=a, since=since, until=until
    )
    rows.sort(key=lambda c: (-(c.get("num_sources") or 0), -(c.get("num_articles") or 0), str(c.get("date") or "")))
    return rows[:TOP_CLUSTERS]


def ego_network(full: dict[str, Any], a: str, b: str) -> dict[str, Any]:
    """The edges that touch ``a`` or ``b``, and their ends."""
    edges = [e for e in full["edges"] if {e["source"], e["target"]} & {a, b}]
    totals: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            totals[end] = totals.get(end, 0) + int(e["events"])
    nodes = [{"id": k, "events": v} for k, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def dyad_quotes(store: Store, doc_ids: set[str], a: str, b: str) -> list[dict[str, Any]]:
    """The quotations of speakers of either side in the reports that tell the dyad's clusters."""
    out: list[dict[str, Any]] = []
    for doc_id in sorted(doc_ids):
        out += [q for q in store.quotes(doc_id=doc_id) if (q.get("speaker") or {}).get("country") in (a, b)]
    return out[:MAX_QUOTES]


def country_names(store: Store, codes: set[str]) -> dict[str, str]:
    """A readable name for each code the report shows (the store's actor of that id, else the code)."""
    if not codes:
        return {}
    marks = ", ".join("?" for _ in codes)
    rows = store.con.execute(f"SELECT actor_id, name FROM actors WHERE actor_id IN ({marks})", sorted(codes)).fetchall()
    return {str(k): str(v) for k, v in rows if v}


def gather(store: Store, a: str, b: str, since: date | None = None, until: date | None = None) -> ReportData:
    a, b = a.upper(), b.upper()
    series = dyad_series(store, a, b, by="month", since=since, until=until).to_dict()
    clusters = top_clusters(store, a, b, since, until)
    views = tuple(
        ClusterView(
            cluster_id=str(c["cluster_id"]),
            type=str(c["type"]),
            source=_party(c.get("source")),
            target=_party(c.get("target")),
            date=c.get("date"),
            place=c.get("place") if isinstance(c.get("place"), str) else (c.get("place") or {}).get("name"),
            num_sources=int(c.get("num_sources") or 0),
            num_articles=int(c.get("num_articles") or 0),
            evidence=_evidence(store, str(c["cluster_id"])),
        )
        for c in clusters
    )
    doc_ids = {d for c in clusters for d in c.get("doc_ids") or []}
    net = ego_network(network(store, since, until), a, b)
    codes = {a, b} | {n["id"] for n in net["nodes"]}
    return ReportData(
        a, b, since, until, series, net, views, tuple(dyad_quotes(store, doc_ids, a, b)), country_names(store, codes)
    )
