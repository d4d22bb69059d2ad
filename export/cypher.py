"""A Cypher script of MERGE statements that builds the property graph of propertygraph.py.

Runs as it is in Neo4j (`cypher-shell -f graph.cypher`) and in Kùzu; re-running it changes nothing,
as every node and relationship is merged on its id. The differences, stated in the script's header:
Neo4j wants a uniqueness constraint per label for speed on large graphs, and Kùzu wants its node and
relationship tables declared first (Kùzu has a schema, Neo4j has none).

Only syntax both accept is used: single-quoted strings with `\\` and `'` escaped (newlines stay as
they are), list literals, date('YYYY-MM-DD'), and one statement per `;`.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from .atomic import write_text
from .propertygraph import (
    ARTICLE_PROPERTIES,
    ENTITY_PROPERTIES,
    EVIDENCE_PROPERTIES,
    RELATION_PROPERTIES,
    Node,
    Relationship,
    property_graph,
)

PROPERTY_TYPES = {**ENTITY_PROPERTIES, **ARTICLE_PROPERTIES, **EVIDENCE_PROPERTIES, **RELATION_PROPERTIES}


def string(text: str) -> str:
    """A Cypher string literal that Neo4j and Kùzu read back as `text`."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _scalar(value: Any, kind: str) -> str:
    if kind == "string":
        return string(value)
    if kind == "date":
        return f"date({string(value)})"
    return repr(value)


def literal(value: Any, kind: str) -> str:
    """A Cypher literal for a value of a Neo4j import type ("string", "double", "date[]", ...)."""
    if kind.endswith("[]"):
        return "[" + ", ".join(_scalar(item, kind[:-2]) for item in value) + "]"
    return _scalar(value, kind)


def _set(variable: str, properties: dict[str, Any]) -> str:
    assignments = [f"{variable}.{name} = {literal(value, PROPERTY_TYPES[name])}"
                   for name, value in properties.items() if name != "id"]
    return " SET " + ", ".join(assignments) if assignments else ""


def _match(variable: str, node: Node) -> str:
    return f"({variable}:{node.label} {{id: {string(node.id)}}})"


def merge_node(node: Node) -> str:
    return f"MERGE {_match('n', node)}{_set('n', node.properties)};"


def merge_relationship(relationship: Relationship) -> str:
    key = f" {{id: {string(relationship.properties['id'])}}}" if "id" in relationship.properties else ""
    return (f"MATCH {_match('a', relationship.start)}, {_match('b', relationship.end)} "
            f"MERGE (a)-[r:{relationship.type}{key}]->(b){_set('r', relationship.properties)};")


def statements(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The script: a header of comments, then one statement each (newlines in strings are kept)."""
    parts = property_graph(graph)
    labels = sorted({node.label for node in parts.entities} | {"Article", "Evidence"})
    yield (f"// newsgraph: {len(parts.entities)} entities, {len(parts.articles)} articles, "
           f"{len(parts.evidence)} evidence sentences, {len(parts.relations)} relations.")
    yield "// Neo4j: for speed on large graphs, first create one constraint per label:"
    for label in labels:
        yield f"//   CREATE CONSTRAINT IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
    yield ("// Kuzu: first declare a node table per label and a rel table per relationship type "
           "(CREATE NODE TABLE, CREATE REL TABLE) with the properties set below.")
    for node in (*parts.entities, *parts.articles, *parts.evidence):
        yield merge_node(node)
    for relationship in (*parts.relations, *parts.quotes):
        yield merge_relationship(relationship)


def render(graph: nx.MultiDiGraph) -> str:
    return "\n".join(statements(graph)) + "\n"


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
