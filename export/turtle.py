"""Turtle, written straight from the graph by Oxigraph's serializer (rdflib's own is 30-150x slower)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph import serialize_rdf

from .atomic import atomic_path


def render(graph: nx.MultiDiGraph) -> str:
    return serialize_rdf(graph).decode("utf-8")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as temporary:
        serialize_rdf(graph, temporary)
