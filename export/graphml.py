"""GraphML, for Cytoscape, yEd, Gephi and igraph: networkx's writer over the flat graph (flat.py).

Attributes are typed (string, long, double) and parallel edges keep their own ids.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from .atomic import write_text
from .flat import flat_graph

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def render(graph: nx.MultiDiGraph) -> str:
    writer = GraphMLWriter()  # not nx.generate_graphml, whose splitlines() turns "\r\n" in text into "\n"
    writer.add_graph_element(flat_graph(graph))
    # ElementTree writes carriage returns in text as they are, and XML readers turn them into line feeds.
    return XML_DECLARATION + str(writer).replace("\r", "&#13;")


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
