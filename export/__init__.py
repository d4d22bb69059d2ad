"""newsgraph's third stage: the merged graph -> files for people and for other tools.

EXPORTERS maps each format name to its exporter; `newsgraph export --help` lists them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from extract.errors import NewsgraphError

from . import graphjson, html, turtle


@dataclass(frozen=True)
class Exporter:
    """One output format: how to write it and the file name `newsgraph build` gives it."""

    write: Callable[[nx.MultiDiGraph, Path], None]
    filename: str
    description: str


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter(turtle.write, "graph.ttl", "RDF Turtle"),
    "html": Exporter(html.write, "graph.html", "interactive viewer, one offline HTML file"),
    "json": Exporter(graphjson.write, "graph.json", "networkx node-link JSON, read back by newsgraph"),
}


def exporter(name: str) -> Exporter:
    """The exporter registered under `name`; a NewsgraphError lists the choices otherwise."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise NewsgraphError(f"unknown format {name!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
