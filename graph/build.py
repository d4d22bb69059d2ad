"""Merge the extractions of many articles into one networkx MultiDiGraph: the single source of truth.

Every other form of the graph (RDF, exports, the viewer) is derived from this one. Its shape:

graph.graph["articles"]  {article id: {"title", "date", "path", "sha256"}}
node id                  "<type>/<slug of canonical name>", e.g. "person/zhang-jifu" (see resolve.entity_id)
node attributes          label (canonical name), type (ontology type, or "Amount"), aliases (other
                         names, sorted), articles (ids of the articles that name it, sorted)
edge key                 the predicate, with ":" and the role for holds_position ("holds_position:Secretary")
edge attributes          predicate, role (holds_position only), sources (the evidence: one dict per
                         sentence with article, evidence, start, end, confidence, date, event_date, rule),
                         articles, dates (sorted), confidence (the highest of its sources)

Symmetric relations are stored once, from the lower node id to the higher. Nodes and edges are
inserted in sorted order, so the same articles give the same graph in any reading order.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from extract.model import Extraction, Triple
from extract.ontology import AMOUNT, PREDICATES

from .resolve import canonical_name, entity_id, name_key


@dataclass
class _Cluster:
    """The names and articles gathered for one entity while merging."""

    type: str
    names: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def _source(triple: Triple) -> dict[str, Any]:
    return {"article": triple.article, "evidence": triple.evidence, "start": triple.start, "end": triple.end,
            "confidence": triple.confidence, "date": triple.date, "event_date": triple.event_date,
            "rule": triple.rule}


def amount_id(subject_id: str, amount: str) -> str:
    """The node id of a money amount, which belongs to what it measures."""
    digest = hashlib.sha1(f"{subject_id}|{name_key(amount)}".encode()).hexdigest()[:12]
    return f"amount/{digest}"


class _Merger:
    """Collects entities and triples article by article, then lays them out as a graph."""

    def __init__(self) -> None:
        self.articles: dict[str, dict[str, Any]] = {}
        self.clusters: dict[str, _Cluster] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def add_name(self, entity_type: str, name: str, article: str, aliases: Iterable[str] = ()) -> str:
        node = entity_id(entity_type, name)
        cluster = self.clusters.setdefault(node, _Cluster(entity_type))
        cluster.names.append(name)
        cluster.aliases.update(aliases)
        cluster.articles.add(article)
        return node

    def add(self, extraction: Extraction) -> None:
        article = extraction.article
        self.articles[article.id] = {"title": article.title, "date": article.date, "path": article.path,
                                     "sha256": article.sha256}
        for entity in extraction.entities:
            self.add_name(entity.type, entity.name, article.id, entity.aliases)
        for triple in extraction.triples:
            self.add_triple(triple)

    def add_triple(self, triple: Triple) -> None:
        subject = self.add_name(triple.subject_type, triple.subject, triple.article)
        if triple.object_type == AMOUNT:
            obj = amount_id(subject, triple.object)
            self.clusters.setdefault(obj, _Cluster(AMOUNT)).names.append(triple.object)
            self.clusters[obj].articles.add(triple.article)
        else:
            obj = self.add_name(triple.object_type, triple.object, triple.article)
        if PREDICATES[triple.predicate].is_symmetric(triple.subject_type, triple.object_type) and obj < subject:
            subject, obj = obj, subject
        key = triple.predicate if triple.role is None else f"{triple.predicate}:{triple.role}"
        edge = self.edges.setdefault((subject, obj, key), {"predicate": triple.predicate, "sources": []})
        if triple.role is not None:
            edge["role"] = triple.role
        edge["sources"].append(_source(triple))

    def graph(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph(articles=dict(sorted(self.articles.items())))
        for node, cluster in sorted(self.clusters.items()):
            label = canonical_name(cluster.names)
            aliases = (cluster.aliases | set(cluster.names)) - {label}
            graph.add_node(node, label=label, type=cluster.type, aliases=sorted(aliases),
                           articles=sorted(cluster.articles))
        for (subject, obj, key), edge in sorted(self.edges.items()):
            sources = sorted(edge["sources"], key=lambda s: (s["article"], s["start"], s["end"], s["rule"]))
            unique = [s for i, s in enumerate(sources) if i == 0 or s != sources[i - 1]]
            graph.add_edge(subject, obj, key=key, **{
                **edge,
                "sources": unique,
                "articles": sorted({s["article"] for s in unique}),
                "dates": sorted({s["date"] for s in unique if s["date"]}),
                "confidence": max(s["confidence"] for s in unique),
            })
        return graph


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge the extractions of any number of articles into one graph (see the module docstring).

    >>> build_graph([]).number_of_nodes()
    0
    """
    merger = _Merger()
    for extraction in extractions:
        merger.add(extraction)
    return merger.graph()
