"""The interactive HTML viewer: one self-contained page that works offline, opened straight from disk.

pyvis builds vis-network's node and edge items; the page is our own template (pyvis 0.3.2 links
CDNs in every mode), into which the vis-network files shipped inside the pyvis wheel are inlined
with our script and style. The graph goes into the page as JSON (jinja's `tojson` escapes `<`, so
no text can close the script element), and the script puts every text into the page with
`textContent`, so article text is shown as text and never run.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape

from extract.ontology import PREDICATES

from .atomic import write_text
from .layout import Footprint, layout

VIS_VERSION = "vis-9.1.2"

TYPE_STYLES: dict[str, tuple[str, str]] = {  # entity type: (colour, vis-network shape)
    "Person": ("#e15759", "dot"),
    "Company": ("#4e79a7", "square"),
    "GovernmentBody": ("#f28e2b", "diamond"),
    "Organization": ("#76b7b2", "triangle"),
    "Project": ("#59a14f", "star"),
    "Place": ("#d4a82a", "hexagon"),
    "Event": ("#b07aa1", "triangleDown"),
    "Amount": ("#9c755f", "dot"),
}
OTHER_TYPE = ("#8c8c8c", "dot")

PREDICATE_COLORS: dict[str, str] = {
    "holds_position": "#2a7f62", "met_with": "#d95f02", "visited": "#7570b3", "attended": "#e7298a",
    "signed_agreement_with": "#66a61e", "cooperates_with": "#c49a00", "invests_in": "#a6761d",
    "develops": "#1f78b4", "located_in": "#8c8c8c", "subsidiary_of": "#b15928", "part_of": "#6a3d9a",
    "has_value": "#9c755f",
}
OTHER_PREDICATE = "#666666"

LARGE_GRAPH = 1500  # nodes; above this, edges hide while panning and zooming, and hovering is off
PARALLEL_CURVE = 0.2  # roundness added for each further edge between the same two nodes
NODE_SIZES = (9.0, 28.0)  # radius of the least and the most connected entity
FONT_SIZES = (14.0, 20.0)  # their labels' font size
CHAR_WIDTH = 0.56  # a label character's width, in font sizes


def _colors(color: str, *, focus: bool) -> dict[str, Any]:
    """A node's colour options: its type's colour, with a thick dark border on the focal entity."""
    if not focus:
        return {"color": color}
    return {"borderWidth": 5, "color": {"background": color, "border": "#111111",
                                        "highlight": {"background": color, "border": "#111111"}}}


def predicate_label(predicate: str, role: str | None = None) -> str:
    """How an edge reads: "met with", or "holds position: Secretary"."""
    text = predicate.replace("_", " ")
    return f"{text}: {role}" if role else text


def scaled(degree: int, max_degree: int, sizes: tuple[float, float]) -> float:
    """A size between `sizes` by degree, on a square-root scale so that hubs don't swamp the rest."""
    low, high = sizes
    return round(low + (high - low) * math.sqrt(degree / max_degree), 1) if max_degree else low


def _is_symmetric(graph: nx.MultiDiGraph, subject: str, obj: str, predicate: str) -> bool:
    known = PREDICATES.get(predicate)
    return known is not None and known.is_symmetric(graph.nodes[subject]["type"], graph.nodes[obj]["type"])


def _options(*, large: bool) -> dict[str, Any]:
    """vis-network options: positions are computed beforehand, so physics stays off."""
    font = {"face": "system-ui,sans-serif", "strokeWidth": 4, "strokeColor": "#ffffff"}
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "nodes": {"borderWidth": 1.5, "font": {**font, "color": "#1d1d1f"},
                  "scaling": {"label": {"drawThreshold": 7, "maxVisible": 26}}},
        "edges": {"smooth": False, "width": 1.5, "selectionWidth": 2, "hoverWidth": 1,
                  "arrows": {"to": {"scaleFactor": 0.6}}, "font": {**font, "size": 11, "color": "#444444"}},
        "interaction": {"hover": not large, "tooltipDelay": 300, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "keyboard": False},
    }


def _sizes(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Each node's radius and label font size, by degree."""
    most = max((degree for _, degree in graph.degree()), default=0)
    return {node: (scaled(degree, most, NODE_SIZES), scaled(degree, most, FONT_SIZES))
            for node, degree in graph.degree()}


def _footprint(size: float, font: float, label: str) -> Footprint:
    """How far a node of this radius and label reaches: the label is centred below the node."""
    return Footprint(max(size, CHAR_WIDTH * font * len(label) / 2), size, size + 1.4 * font)


def _network(graph: nx.MultiDiGraph, *, focus: str | None):  # type: ignore[no-untyped-def]
    """The vis-network items and options, built with pyvis.

    Items are appended to the Network directly: Network.add_node/add_edge look each id up in a
    list, which costs seconds on a graph of 5,000 nodes.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    network = Network(directed=True)
    network.set_options(json.dumps(_options(large=graph.number_of_nodes() > LARGE_GRAPH)))
    sizes = _sizes(graph)
    positions = layout(graph, {node: _footprint(*sizes[node], label)
                               for node, label in graph.nodes(data="label")})
    for node, data in graph.nodes(data=True):
        color, shape = TYPE_STYLES.get(data["type"], OTHER_TYPE)
        size, font = sizes[node]
        x, y = positions[node]
        network.nodes.append(Node(node, shape, data["label"], size=size, font={"size": font}, x=x, y=y,
                                  **_colors(color, focus=node == focus)).options)
    earlier: Counter[tuple[str, str]] = Counter()  # edges already drawn between the same two nodes
    for number, (subject, obj, data) in enumerate(graph.edges(data=True)):
        pair = (min(subject, obj), max(subject, obj))
        bend = {"smooth": {"enabled": True, "type": "curvedCW", "roundness": PARALLEL_CURVE * earlier[pair]}}
        network.edges.append(Edge(
            subject, obj, directed=not _is_symmetric(graph, subject, obj, data["predicate"]), id=f"e{number}",
            label=predicate_label(data["predicate"], data.get("role")),
            color=PREDICATE_COLORS.get(data["predicate"], OTHER_PREDICATE),
            width=min(1.5 + 0.5 * (len(data["sources"]) - 1), 5), **(bend if earlier[pair] else {})).options)
        earlier[pair] += 1
    return network


def _legend(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    types = Counter(data["type"] for _, data in graph.nodes(data=True))
    predicates = Counter(data["predicate"] for _, _, data in graph.edges(data=True))
    type_order = [*TYPE_STYLES, *sorted(types.keys() - TYPE_STYLES.keys())]
    predicate_order = [*PREDICATE_COLORS, *sorted(predicates.keys() - PREDICATE_COLORS.keys())]
    return {
        "types": [{"name": name, "color": TYPE_STYLES.get(name, OTHER_TYPE)[0],
                   "shape": TYPE_STYLES.get(name, OTHER_TYPE)[1], "count": types[name]}
                  for name in type_order if types[name]],
        "predicates": [{"name": name, "label": predicate_label(name), "count": predicates[name],
                        "color": PREDICATE_COLORS.get(name, OTHER_PREDICATE)}
                       for name in predicate_order if predicates[name]],
    }


def _cited(graph: nx.MultiDiGraph) -> list[str]:
    """The articles that name an entity of the graph or give evidence for one of its relations, sorted."""
    named = {article for _, articles in graph.nodes(data="articles", default=()) for article in articles}
    quoted = {source["article"] for _, _, sources in graph.edges(data="sources") for source in sources}
    return sorted(named | quoted)


def page_data(graph: nx.MultiDiGraph, *, heading: str = "newsgraph",
              focus: str | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain data.

    `nodes`, `edges` and `options` are vis-network's; `entities` and `relations` (keyed by node and
    edge id) hold what the details panel shows. Articles and evidence sentences are listed once and
    referred to by position, which keeps a page of 5,000 entities and their evidence small: an
    entity's `articles` are indexes into `articles`, a relation's `sources` are
    [article index, sentence index, event date] (a source's date is its article's).
    """
    network = _network(graph, focus=focus)
    articles = _cited(graph)
    article_index = {article: number for number, article in enumerate(articles)}
    sentences: dict[str, int] = {}
    return {
        "heading": heading,
        "focus": focus,
        "large": graph.number_of_nodes() > LARGE_GRAPH,
        "nodes": network.nodes,
        "edges": network.edges,
        "options": network.options,
        "legend": _legend(graph),
        "entities": {node: {"type": data["type"], "aliases": data.get("aliases", []),
                            "articles": [article_index[article] for article in data.get("articles", [])]}
                     for node, data in graph.nodes(data=True)},
        "relations": {f"e{number}": {"predicate": data["predicate"], "role": data.get("role"),
                                     "confidence": data.get("confidence"),
                                     "sources": [[article_index[source["article"]],
                                                  sentences.setdefault(source["evidence"], len(sentences)),
                                                  source.get("event_date")] for source in data["sources"]]}
                      for number, (_, _, data) in enumerate(graph.edges(data=True))},
        "sentences": list(sentences),
        "articles": [{"id": article, **{key: graph.graph.get("articles", {}).get(article, {}).get(key)
                                        for key in ("title", "date", "path", "url")}} for article in articles],
    }


def _asset(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text("utf-8")


def render(graph: nx.MultiDiGraph, *, heading: str = "newsgraph", focus: str | None = None) -> str:
    """The viewer page for the graph, as a string; `focus` is a node id to select when the page opens."""
    environment = Environment(loader=PackageLoader("export", "templates"), autoescape=select_autoescape())
    return environment.get_template("viewer.html").render(
        heading=heading, data=page_data(graph, heading=heading, focus=focus),
        vis_js=_asset("pyvis", f"lib/{VIS_VERSION}/vis-network.min.js"),
        vis_css=_asset("pyvis", f"lib/{VIS_VERSION}/vis-network.css"),
        viewer_js=_asset("export", "templates/viewer.js"),
        viewer_css=_asset("export", "templates/viewer.css"))


def write(graph: nx.MultiDiGraph, path: Path, *, heading: str = "newsgraph",
          focus: str | None = None) -> None:
    write_text(path, render(graph, heading=heading, focus=focus))
