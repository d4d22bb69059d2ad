"""The graph's RDF as one named graph of a dataset, for the quad formats (N-Quads, TriG).

A named graph lets a triple store hold newsgraph's triples beside other data, and drop or replace
them as one unit (`DROP GRAPH <https://newsgraph.example/id/graph>`, then load a new build). The
triples pass from rdflib to a pyoxigraph store as N-Triples, which Oxigraph parses and writes at
native speed (copying them triple by triple through rdflib takes longer than building them).
"""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from graph import to_rdf
from graph.vocab import ID

NAMED_GRAPH = ID["graph"]


def named_graph_store(graph: nx.MultiDiGraph) -> tuple[ox.Store, dict[str, str]]:
    """A pyoxigraph store whose one graph, NAMED_GRAPH, holds the graph's RDF; and the prefixes to write it with."""
    rdf = to_rdf(graph)
    store = ox.Store()
    store.load(rdf.serialize(format="ox-ntriples", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode(str(NAMED_GRAPH)))
    return store, {prefix: str(namespace) for prefix, namespace in rdf.namespaces()}
