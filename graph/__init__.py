"""newsgraph's second stage: extractions of many articles -> one merged graph, and its RDF form.

>>> from graph import build_graph, to_rdf
>>> graph = build_graph([])
>>> len(to_rdf(graph))
0
"""
from .aliases import NO_ALIASES, Aliases, read_aliases
from .build import build_graph
from .io import graph_from_json, graph_to_json, load_graph
from .names import name_key
from .query import QueryError, open_store, run_query
from .rdf import rdf_store, serialize_rdf, to_rdf
from .resolve import entity_id
from .vocab import ONTOLOGY_FILE, SHAPES_FILE

__all__ = ["NO_ALIASES", "ONTOLOGY_FILE", "SHAPES_FILE", "Aliases", "QueryError", "build_graph", "entity_id",
           "graph_from_json", "graph_to_json", "load_graph", "name_key", "open_store", "rdf_store", "read_aliases",
           "run_query", "serialize_rdf", "to_rdf"]
