"""The interactive HTML viewer: one self-contained file, with vis-network inlined so it works offline.

pyvis lays out the node and edge data; the page is our own template (pyvis 0.3.2 links CDNs in every
mode), into which the vis-network files shipped inside the pyvis wheel are inlined.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape

from .atomic import write_text

TYPE_COLORS = {
    "Person": "#e15759", "Company": "#4e79a7", "GovernmentBody": "#f28e2b", "Organization": "#76b7b2",
    "Project": "#59a14f", "Place": "#edc948", "Event": "#b07aa1", "Amount": "#9c755f",
}
VIS_VERSION = "vis-9.1.2"


def _vis_asset(name: str) -> str:
    return resources.files("pyvis").joinpath(f"lib/{VIS_VERSION}/{name}").read_text("utf-8")


def _network(graph: nx.MultiDiGraph):  # type: ignore[no-untyped-def]
    from pyvis.network import Network

    network = Network(directed=True)
    for node, data in graph.nodes(data=True):
        network.add_node(node, label=data["label"], title=f"{data['type']}: {data['label']}",
                         color=TYPE_COLORS.get(data["type"], "#bab0ac"), group=data["type"])
    for subject, obj, data in graph.edges(data=True):
        network.add_edge(subject, obj, label=data["predicate"], title=data.get("role") or data["predicate"])
    return network


def render(graph: nx.MultiDiGraph, *, heading: str = "newsgraph") -> str:
    """The viewer page for the graph, as a string."""
    network = _network(graph)
    environment = Environment(loader=PackageLoader("export", "templates"), autoescape=select_autoescape())
    return environment.get_template("viewer.html").render(
        heading=heading, nodes=network.nodes, edges=network.edges,
        options=json.dumps({"physics": {"stabilization": {"iterations": 200}}}),
        vis_js=_vis_asset("vis-network.min.js"), vis_css=_vis_asset("vis-network.css"))


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
