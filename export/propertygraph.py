"""The merged graph as a labelled property graph, Neo4j's model: what the neo4j and cypher exports write.

Nodes
    one per entity, labelled by its type (Person, Company, ..., Amount): id, name, aliases, articles
    Article: id (the article id), title, date, path
    Evidence: id, statement, sentence, start_offset, end_offset, confidence, rule, event_date
Relationships
    one per edge of the graph, typed by its predicate (HOLDS_POSITION, MET_WITH, ...): id, predicate,
    role, confidence, evidence_count, articles, dates
    QUOTED_FROM, from each Evidence node to its Article

An edge's evidence sentences are the Evidence nodes whose `statement` is the relationship's `id`:

    MATCH (a)-[r:MET_WITH]->(b), (e:Evidence {statement: r.id})-[:QUOTED_FROM]->(article:Article)
    RETURN a.name, b.name, e.sentence, article.title

Sentences are nodes rather than a list on the relationship because Neo4j's bulk importer cannot
escape its array delimiter, and sentences hold semicolons. Properties whose value is None or an
empty list are left out, as the importer leaves out empty fields.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import networkx as nx

ARTICLE = "Article"
EVIDENCE = "Evidence"
QUOTED_FROM = "QUOTED_FROM"

# Property name -> Neo4j import type, for each kind of node and relationship (the columns of its CSV file).
ENTITY_PROPERTIES = {"name": "string", "aliases": "string[]", "articles": "string[]"}
ARTICLE_PROPERTIES = {"title": "string", "date": "date", "path": "string", "url": "string"}
EVIDENCE_PROPERTIES = {"statement": "string", "sentence": "string", "start_offset": "int", "end_offset": "int",
                       "confidence": "double", "rule": "string", "event_date": "date"}
RELATION_PROPERTIES = {"id": "string", "predicate": "string", "role": "string", "confidence": "double",
                       "evidence_count": "int", "articles": "string[]", "dates": "date[]"}
QUOTE_PROPERTIES: dict[str, str] = {}


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    properties: dict[str, Any]


@dataclass(frozen=True)
class Relationship:
    type: str
    start: Node
    end: Node
    properties: dict[str, Any]


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def statement_id(subject: str, key: str, obj: str) -> str:
    """The stable id of an edge, in every export that names edges: "statement/<16 hex digits>"."""
    return f"statement/{_digest(subject, key, obj)}"


def relationship_type(predicate: str) -> str:
    """Neo4j's convention for relationship types: met_with -> MET_WITH."""
    return predicate.upper()


def _present(properties: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in properties.items() if value is not None and value != []}


def entity_nodes(graph: nx.MultiDiGraph) -> dict[str, Node]:
    return {node: Node(node, data["type"], _present({"name": data["label"], "aliases": data["aliases"],
                                                      "articles": data["articles"]}))
            for node, data in graph.nodes(data=True)}


def article_nodes(graph: nx.MultiDiGraph) -> dict[str, Node]:
    return {article: Node(article, ARTICLE, _present({"title": info["title"], "date": info.get("date"),
                                                      "path": info["path"], "url": info.get("url")}))
            for article, info in graph.graph.get("articles", {}).items()}


@dataclass(frozen=True)
class PropertyGraph:
    """The nodes and relationships, grouped by kind (each kind is one CSV file)."""

    entities: list[Node]
    articles: list[Node]
    evidence: list[Node]
    relations: list[Relationship]
    quotes: list[Relationship]


def _relation(start: Node, end: Node, statement: str, data: dict[str, Any]) -> Relationship:
    return Relationship(relationship_type(data["predicate"]), start, end, _present({
        "id": statement, "predicate": data["predicate"], "role": data.get("role"),
        "confidence": float(data["confidence"]), "evidence_count": len(data["sources"]),
        "articles": data["articles"], "dates": data["dates"]}))


def _evidence(statement: str, source: dict[str, Any]) -> Node:
    node_id = f"evidence/{_digest(statement, source['article'], source['start'], source['end'], source['rule'])}"
    return Node(node_id, EVIDENCE, _present({
        "statement": statement, "sentence": source["evidence"], "start_offset": source["start"], "end_offset": source["end"],
        "confidence": float(source["confidence"]), "rule": source["rule"], "event_date": source.get("event_date")}))


def property_graph(graph: nx.MultiDiGraph) -> PropertyGraph:
    """The graph in Neo4j's model (see the module docstring), in the graph's own order."""
    entities, articles = entity_nodes(graph), article_nodes(graph)
    result = PropertyGraph(list(entities.values()), list(articles.values()), [], [], [])
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        statement = statement_id(subject, key, obj)
        result.relations.append(_relation(entities[subject], entities[obj], statement, data))
        for source in data["sources"]:
            evidence = _evidence(statement, source)
            result.evidence.append(evidence)
            result.quotes.append(Relationship(QUOTED_FROM, evidence, articles[source["article"]], {}))
    return result
