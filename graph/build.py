"""Merge the extractions of many articles into one networkx MultiDiGraph: the single source of truth.

Every other form of the graph (RDF, exports, the viewer) is derived from this one. Its shape:

graph.graph["articles"]  {article id: {"title", "date", "path", "sha256", "url", "kind"}}
node id                  "<type>/<slug of canonical name>", e.g. "person/zhang-jifu" (resolve.entity_id);
                         an entity known only inside one article (a surname two people of it share,
                         "the Municipal Government") has the article's slug after "--"; entities whose
                         names give one slug ("Wang Wei", "Wang Wei 王伟") each get "-" and 6 hex digits
node attributes          label (canonical name), type (ontology type, or "Amount"), aliases (every other
                         name form, sorted), articles (ids of the articles that name it, sorted)
edge key                 the predicate, with ":" and the role for holds_position ("holds_position:Secretary")
edge attributes          predicate, role (holds_position only: the most common spelling of the title),
                         sources (the evidence: one dict per sentence with article, evidence, start, end,
                         confidence, date, event_date, rule), articles, dates (the articles' dates,
                         sorted: a post is held "as of" each), confidence (the highest of its sources)

Entities are resolved across articles first (resolve.py), then every triple becomes an edge between
the nodes its names resolve to; edges that resolution turns into self-loops are dropped. Symmetric
relations are stored once, from the lower node id to the higher. Nodes, edges and sources are inserted
in sorted order, so the same articles give the same graph in any reading order.
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from extract.model import Extraction, Triple
from extract.ontology import AMOUNT, PREDICATES

from .aliases import NO_ALIASES, Aliases
from .names import name_key
from .resolve import ArticleNames, Resolution, article_entities, canonical_name, resolve

log = logging.getLogger(__name__)

EdgeKey = tuple[str, str, str, str]  # subject, object, predicate, normalized role ("" if none)


def amount_id(subject_id: str, amount: str) -> str:
    """The node id of a money amount, which belongs to what it measures."""
    digest = hashlib.sha1(f"{subject_id}|{name_key(amount)}".encode()).hexdigest()[:12]
    return f"amount/{digest}"


def _source(triple: Triple, article_date: str | None) -> dict[str, Any]:
    return {"article": triple.article, "evidence": triple.evidence, "start": triple.start, "end": triple.end,
            "confidence": triple.confidence, "date": triple.date or article_date,
            "event_date": triple.event_date, "rule": triple.rule}


def _source_order(source: dict[str, Any]) -> tuple[Any, ...]:
    return (source["article"], source["start"], source["end"], source["rule"], source["confidence"],
            source["evidence"], source["date"] or "", source["event_date"] or "")


class _Layout:
    """Lays out resolved entities and triples as nodes and edges."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution
        self.amounts: dict[str, dict[str, Any]] = defaultdict(lambda: {"names": [], "articles": set()})
        self.edges: dict[EdgeKey, dict[str, list[Any]]] = defaultdict(lambda: {"roles": [], "sources": []})

    def add(self, names: ArticleNames, triples: Iterable[Triple], article_date: str | None) -> None:
        for triple in triples:
            subject = self.resolution.node(names.entity(triple.subject_type, triple.subject))
            if triple.object_type == AMOUNT:
                obj = amount_id(subject, triple.object)
                self.amounts[obj]["names"].append(triple.object)
                self.amounts[obj]["articles"].add(triple.article)
            else:
                obj = self.resolution.node(names.entity(triple.object_type, triple.object))
            if subject == obj:
                log.debug("%s: %s %s itself, once its names are resolved; dropped",
                          triple.article, triple.subject, triple.predicate)
                continue
            if PREDICATES[triple.predicate].is_symmetric(triple.subject_type, triple.object_type) and obj < subject:
                subject, obj = obj, subject
            edge = self.edges[(subject, obj, triple.predicate, name_key(triple.role or ""))]
            if triple.role is not None:
                edge["roles"].append(triple.role)
            edge["sources"].append(_source(triple, article_date))

    def graph(self, articles: dict[str, dict[str, Any]]) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph(articles=dict(sorted(articles.items())))
        nodes = {node.id: {"label": node.label, "type": node.type, "aliases": list(node.aliases),
                           "articles": list(node.articles)} for node in self.resolution.nodes.values()}
        for node, amount in self.amounts.items():
            label = canonical_name(amount["names"])
            nodes[node] = {"label": label, "type": AMOUNT, "aliases": sorted(set(amount["names"]) - {label}),
                           "articles": sorted(amount["articles"])}
        graph.add_nodes_from(sorted(nodes.items()))
        for (subject, obj, predicate, _), edge in sorted(self.edges.items()):
            sources = sorted(edge["sources"], key=_source_order)
            unique = [s for i, s in enumerate(sources) if i == 0 or s != sources[i - 1]]
            attributes: dict[str, Any] = {"predicate": predicate}
            key = predicate
            if edge["roles"]:
                attributes["role"] = canonical_name(edge["roles"])
                key = f"{predicate}:{attributes['role']}"
            graph.add_edge(subject, obj, key=key, **attributes, sources=unique,
                           articles=sorted({s["article"] for s in unique}),
                           dates=sorted({s["date"] for s in unique if s["date"]}),
                           confidence=max(s["confidence"] for s in unique))
        return graph


def build_graph(extractions: Iterable[Extraction], *, aliases: Aliases = NO_ALIASES) -> nx.MultiDiGraph:
    """Merge the extractions of any number of articles into one graph (see the module docstring).

    `aliases` are the user's same-as and not-same-as corrections (aliases.read_aliases).

    >>> build_graph([]).number_of_nodes()
    0
    """
    articles: dict[str, dict[str, Any]] = {}
    records: list[tuple[ArticleNames, tuple[Triple, ...]]] = []
    for extraction in extractions:
        article = extraction.article
        articles[article.id] = {"title": article.title, "date": article.date, "path": article.path,
                                "sha256": article.sha256, "url": article.url, "kind": article.kind}
        records.append((article_entities(extraction), extraction.triples))
    layout = _Layout(resolve((names for names, _ in records), aliases))
    for names, triples in records:
        layout.add(names, triples, articles[names.article]["date"])
    return layout.graph(articles)
