"""One entity's neighbourhood: find the entity by name, cut out what lies within a few hops, show it.

`newsgraph view` writes the page; a notebook shows the same page inline:

>>> from IPython.display import IFrame                                      # doctest: +SKIP
>>> page = focused_viewer(load_graph(Path("out")), "Zhang Jifu", hops=2)     # doctest: +SKIP
"""
from __future__ import annotations

import difflib

import networkx as nx

from extract.errors import NewsgraphError
from graph import name_key

from . import html

CLOSE_MATCHES = 5


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node id of the entity called `name` (its label or an alias, compared as graph.name_key does),
    or given by its id. A NewsgraphError names the close matches when none or several fit."""
    if name in graph:
        return name
    key = name_key(name)
    by_label = [node for node, data in graph.nodes(data=True) if name_key(data["label"]) == key]
    matches = by_label or [node for node, data in graph.nodes(data=True)
                           if key in {name_key(alias) for alias in data.get("aliases", [])}]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(f"{graph.nodes[node]['label']} ({node})" for node in sorted(matches))
        raise NewsgraphError(f"{name!r} names {len(matches)} entities: {listed}; give one of the ids instead")
    names = {name_key(label): label for _, label in graph.nodes(data="label")}
    close = [names[found] for found in difflib.get_close_matches(key, names, n=CLOSE_MATCHES, cutoff=0.6)]
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise NewsgraphError(f"no entity named {name!r} in the graph{hint}")


def neighbourhood(graph: nx.MultiDiGraph, node: str, hops: int) -> nx.MultiDiGraph:
    """The entities within `hops` relations of `node`, whichever way the relations point, with every
    relation among them and the graph's article table."""
    return nx.ego_graph(graph, node, radius=hops, undirected=True).copy()


def focused_viewer(graph: nx.MultiDiGraph, name: str, *, hops: int = 2) -> str:
    """The viewer page of the neighbourhood of the entity called `name`, with that entity selected."""
    node = find_entity(graph, name)
    heading = f"Around {graph.nodes[node]['label']} ({hops} hop{'s' * (hops != 1)})"
    return html.render(neighbourhood(graph, node, hops), heading=heading, focus=node)
