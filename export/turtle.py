"""Turtle, written by Oxigraph's serializer (rdflib's own is 10-20x slower on large graphs)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph import to_rdf

from .atomic import atomic_path


def render(graph: nx.MultiDiGraph) -> str:
    return to_rdf(graph).serialize(format="ox-turtle")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as temporary:
        to_rdf(graph).serialize(destination=str(temporary), format="ox-turtle")
