"""A folder of CSV files in the layout of Neo4j's bulk importer, `neo4j-admin database import`.

The graph is the property graph of propertygraph.py: entities.csv, articles.csv and evidence.csv
hold the nodes (`id:ID`, `:LABEL`, typed property columns such as `confidence:double`, arrays joined
by `;`), relations.csv and quoted_from.csv the relationships (`:START_ID`, `:END_ID`, `:TYPE`). Load
it into an empty database from inside the folder with

    neo4j-admin database import full --nodes=entities.csv --nodes=articles.csv --nodes=evidence.csv \\
        --relationships=relations.csv --relationships=quoted_from.csv --multiline-fields=true neo4j

(`--multiline-fields` because sentences may span lines). A `;` inside an alias splits it in two, as
the importer has no escape for its array delimiter; names, sentences and roles are exact.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from extract.errors import NewsgraphError

from .atomic import atomic_path
from .propertygraph import (
    ARTICLE_PROPERTIES,
    ENTITY_PROPERTIES,
    EVIDENCE_PROPERTIES,
    QUOTE_PROPERTIES,
    RELATION_PROPERTIES,
    Node,
    Relationship,
    property_graph,
)

ARRAY_DELIMITER = ";"

# File name -> (the part of the property graph it holds, its property columns and their types)
NODE_FILES: dict[str, tuple[str, dict[str, str]]] = {
    "entities.csv": ("entities", ENTITY_PROPERTIES),
    "articles.csv": ("articles", ARTICLE_PROPERTIES),
    "evidence.csv": ("evidence", EVIDENCE_PROPERTIES),
}
RELATIONSHIP_FILES: dict[str, tuple[str, dict[str, str]]] = {
    "relations.csv": ("relations", RELATION_PROPERTIES),
    "quoted_from.csv": ("quotes", QUOTE_PROPERTIES),
}


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(map(str, value))
    return str(value)


def _columns(properties: dict[str, str]) -> list[str]:
    return [f"{name}:{kind}" for name, kind in properties.items()]


def _node_rows(nodes: list[Node], properties: dict[str, str]) -> Iterator[list[str]]:
    yield ["id:ID", ":LABEL", *_columns(properties)]
    for node in nodes:
        yield [node.id, node.label, *(_field(node.properties.get(name)) for name in properties)]


def _relationship_rows(relationships: list[Relationship], properties: dict[str, str]) -> Iterator[list[str]]:
    yield [":START_ID", ":END_ID", ":TYPE", *_columns(properties)]
    for relationship in relationships:
        yield [relationship.start.id, relationship.end.id, relationship.type,
               *(_field(relationship.properties.get(name)) for name in properties)]


def _csv(rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def render(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Each CSV file of the folder, by name, as text."""
    parts = property_graph(graph)
    return {**{name: _csv(_node_rows(getattr(parts, part), properties))
               for name, (part, properties) in NODE_FILES.items()},
            **{name: _csv(_relationship_rows(getattr(parts, part), properties))
               for name, (part, properties) in RELATIONSHIP_FILES.items()}}


def _check_replaceable(path: Path) -> None:
    """Refuse to replace a folder that holds anything but an earlier export's files."""
    if path.is_dir() and any(child.name not in {*NODE_FILES, *RELATIONSHIP_FILES} for child in path.iterdir()):
        raise NewsgraphError(f"{path}: folder holds other files than a neo4j export; choose a new or empty folder")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    _check_replaceable(Path(path))
    files = render(graph)
    with atomic_path(path) as temporary:
        temporary.mkdir()
        for name, text in files.items():
            (temporary / name).write_text(text, encoding="utf-8")
