"""GEXF, Gephi's own format: networkx's writer over the flat graph (flat.py).

Gephi shows each node's label and each edge's label (role or predicate), sizes edges by their
weight (the number of evidence sentences), and lists the other attributes, typed, in its Data
Laboratory; colour nodes by `type` under Appearance > Partition.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from .atomic import write_text
from .flat import flat_graph

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def gexf_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The flat graph, with each edge's id (its key) and weight where networkx's GEXF writer looks."""
    flat = flat_graph(graph)
    for _, _, key, data in flat.edges(keys=True, data=True):
        data["id"] = key
        data["weight"] = float(data["evidence_count"])
    return flat


def render(graph: nx.MultiDiGraph) -> str:
    writer = GEXFWriter()
    writer.add_graph(gexf_graph(graph))
    writer.xml.find("meta").attrib.pop("lastmodifieddate")  # today's date: the same graph would differ by day
    return XML_DECLARATION + str(writer)


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
