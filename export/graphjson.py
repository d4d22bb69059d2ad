"""The merged graph as networkx node-link JSON: lossless, read back by `newsgraph export/query/view`."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph import graph_to_json

from .atomic import write_text


def render(graph: nx.MultiDiGraph) -> str:
    return json.dumps(graph_to_json(graph), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
