"""newsgraph's third stage: the merged graph -> files for people and for other tools.

EXPORTERS maps each format name to its exporter; `newsgraph export --help` lists them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from extract.errors import NewsgraphError

from . import cypher, ftm, gexf, graphjson, graphml, html, jsonl, jsonld, neo4j, rdf


@dataclass(frozen=True)
class Exporter:
    """One output format: how to write it and the file name `newsgraph build` gives it."""

    write: Callable[[nx.MultiDiGraph, Path], None]
    filename: str
    description: str


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter(rdf.TURTLE.write, "graph.ttl", "RDF Turtle"),
    "ntriples": Exporter(rdf.NTRIPLES.write, "graph.nt", "RDF N-Triples, one triple a line"),
    "nquads": Exporter(rdf.NQUADS.write, "graph.nq", "RDF N-Quads, the triples in one named graph"),
    "trig": Exporter(rdf.TRIG.write, "graph.trig", "RDF TriG, the triples in one named graph"),
    "jsonld": Exporter(jsonld.write, "graph.jsonld", "JSON-LD with a @context of short keys"),
    "graphml": Exporter(graphml.write, "graph.graphml", "GraphML for Cytoscape, yEd, Gephi, igraph"),
    "gexf": Exporter(gexf.write, "graph.gexf", "GEXF for Gephi"),
    "neo4j": Exporter(neo4j.write, "neo4j", "a folder of CSV files for neo4j-admin database import"),
    "cypher": Exporter(cypher.write, "graph.cypher", "a Cypher script of MERGE statements (Neo4j, Kuzu)"),
    "ftm": Exporter(ftm.write, "graph.ftm.json", "FollowTheMoney entities, JSON lines (Aleph, OpenSanctions)"),
    "jsonl": Exporter(jsonl.write, "graph.jsonl", "the graph's triples as JSON lines (the triples.jsonl contract)"),
    "html": Exporter(html.write, "graph.html", "interactive viewer, one offline HTML file"),
    "json": Exporter(graphjson.write, "graph.json", "networkx node-link JSON, read back by newsgraph"),
}


def exporter(name: str) -> Exporter:
    """The exporter registered under `name`; a NewsgraphError lists the choices otherwise."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise NewsgraphError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
