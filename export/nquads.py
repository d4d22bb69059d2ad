"""N-Quads: N-Triples with a fourth term, the named graph, for quad stores (see namedgraph.py)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from .atomic import atomic_path
from .namedgraph import named_graph_dataset


def render(graph: nx.MultiDiGraph) -> str:
    return named_graph_dataset(graph).serialize(format="ox-nquads")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as temporary:
        named_graph_dataset(graph).serialize(destination=str(temporary), format="ox-nquads")
