"""The merged graph as node-link JSON: the lossless file (graph.json) that later commands read."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from extract.errors import NewsgraphError

GRAPH_FILE = "graph.json"


def graph_to_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as a node-link document (networkx's own JSON form), attributes kept as they are."""
    return nx.node_link_data(graph, edges="edges")


def graph_from_json(data: dict[str, Any]) -> nx.MultiDiGraph:
    graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return graph


def graph_file(path: Path) -> Path:
    """The graph.json that `path` names: the file itself, or graph.json inside a build folder."""
    return path / GRAPH_FILE if path.is_dir() else path


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph written by `newsgraph build` (its output folder or its graph.json)."""
    file = graph_file(path)
    try:
        return graph_from_json(json.loads(file.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise NewsgraphError(f"{file}: no graph here; run `newsgraph build` first") from None
    except (ValueError, KeyError, TypeError) as error:
        raise NewsgraphError(f"{file}: not a newsgraph graph file ({error})") from None
