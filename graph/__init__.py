"""newsgraph's second stage: extractions of many articles -> one merged graph, and its RDF form.

>>> from graph import build_graph, to_rdf
>>> graph = build_graph([])
>>> len(to_rdf(graph))
0
"""
from .build import build_graph
from .io import graph_from_json, graph_to_json, load_graph
from .query import QueryError, graph_store, open_store, run_query
from .rdf import to_rdf
from .resolve import entity_id, name_key

__all__ = ["QueryError", "build_graph", "entity_id", "graph_from_json", "graph_store", "graph_to_json",
           "load_graph", "name_key", "open_store", "run_query", "to_rdf"]
