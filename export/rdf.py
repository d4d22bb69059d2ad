"""RDF files, written straight from the graph by Oxigraph's serializers (rdflib's own are 30-150x slower).

Turtle and N-Triples hold the triples; N-Quads and TriG put them in one named graph, NAMED_GRAPH,
which lets a triple store hold newsgraph's triples beside other data and drop or replace them as one
unit (`DROP GRAPH <https://newsgraph.example/id/graph>`, then load a new build).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph import serialize_rdf
from graph.vocab import ID

from .atomic import atomic_path

NAMED_GRAPH = ox.NamedNode(str(ID["graph"]))


@dataclass(frozen=True)
class RdfFile:
    """One RDF syntax, and the named graph its triples go in (quad syntaxes only)."""

    format: ox.RdfFormat
    graph_name: ox.NamedNode | None = None

    def render(self, graph: nx.MultiDiGraph) -> str:
        data = serialize_rdf(graph, format=self.format, graph_name=self.graph_name)
        return data.decode("utf-8") if data else ""

    def write(self, graph: nx.MultiDiGraph, path: Path) -> None:
        with atomic_path(path) as temporary:
            serialize_rdf(graph, temporary, format=self.format, graph_name=self.graph_name)


TURTLE = RdfFile(ox.RdfFormat.TURTLE)
NTRIPLES = RdfFile(ox.RdfFormat.N_TRIPLES)
NQUADS = RdfFile(ox.RdfFormat.N_QUADS, NAMED_GRAPH)
TRIG = RdfFile(ox.RdfFormat.TRIG, NAMED_GRAPH)
