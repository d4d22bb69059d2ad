"""N-Triples: one triple a line, the format bulk loaders and line tools (grep, sort, split) read best."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph import to_rdf

from .atomic import atomic_path


def render(graph: nx.MultiDiGraph) -> str:
    return to_rdf(graph).serialize(format="ox-ntriples")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as temporary:
        to_rdf(graph).serialize(destination=str(temporary), format="ox-ntriples")
