"""TriG: Turtle with named graphs, readable with prefixes, for quad stores (see namedgraph.py)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .atomic import atomic_path
from .namedgraph import named_graph_store


def render(graph: nx.MultiDiGraph) -> str:
    store, prefixes = named_graph_store(graph)
    return store.dump(format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    store, prefixes = named_graph_store(graph)
    with atomic_path(path) as temporary:
        store.dump(str(temporary), format=ox.RdfFormat.TRIG, prefixes=prefixes)
