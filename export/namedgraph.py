"""The graph's RDF as one named graph of a dataset, for the quad formats (N-Quads, TriG).

A named graph lets a triple store hold newsgraph's triples beside other data, and drop or replace
them as one unit (`DROP GRAPH <https://newsgraph.example/id/graph>`, then load a new build).
"""
from __future__ import annotations

import networkx as nx
from rdflib import Dataset, URIRef
from rdflib.namespace import NamespaceManager

from graph import to_rdf
from graph.vocab import ID

NAMED_GRAPH: URIRef = ID["graph"]


def named_graph_dataset(graph: nx.MultiDiGraph) -> Dataset:
    """A dataset (over an Oxigraph store) whose one named graph, NAMED_GRAPH, holds the graph's RDF."""
    rdf = to_rdf(graph)
    dataset = Dataset(store="Oxigraph")
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="core")  # not rdflib's 30 others
    for prefix, namespace in rdf.namespaces():
        dataset.bind(prefix, namespace, override=True)
    context = dataset.graph(NAMED_GRAPH)
    dataset.addN((s, p, o, context) for s, p, o in rdf)
    return dataset
