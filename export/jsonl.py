"""The graph's triples as JSON lines, in the triples.jsonl contract (see the README), one per sentence.

Regenerated from the merged graph: every source of every edge is one triple, named with the
entities' canonical names, so the file says what the graph holds rather than what each article wrote.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from extract.model import Triple

from .atomic import write_text


def triples(graph: nx.MultiDiGraph) -> Iterator[Triple]:
    """One Triple for each source of each edge, in the graph's order."""
    for subject, obj, data in graph.edges(data=True):
        subject_data, object_data = graph.nodes[subject], graph.nodes[obj]
        for source in data["sources"]:
            yield Triple.from_json({**source, "subject": subject_data["label"], "subject_type": subject_data["type"],
                                    "predicate": data["predicate"], "object": object_data["label"],
                                    "object_type": object_data["type"], "role": data.get("role")})


def render(graph: nx.MultiDiGraph) -> str:
    return "".join(json.dumps(triple.to_json(), ensure_ascii=False) + "\n" for triple in triples(graph))


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
