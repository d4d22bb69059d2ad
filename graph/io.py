"""The merged graph as node-link JSON: the lossless file (graph.json) that later commands read."""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import networkx as nx

from extract.errors import NewsgraphError
from extract.ontology import AMOUNT, ENTITY_TYPES, PREDICATES

GRAPH_FILE = "graph.json"
_TEXT = {"type": "string"}
_TEXTS = {"type": "array", "items": _TEXT}
_MAYBE_TEXT = {"type": ["string", "null"]}


def _record(properties: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required)}


def graph_schema() -> dict[str, Any]:
    """The JSON Schema of graph.json: what later commands rely on (extra keys are allowed)."""
    source = _record({"article": _TEXT, "evidence": _TEXT, "start": {"type": "integer", "minimum": 0},
                      "end": {"type": "integer", "minimum": 0}, "confidence": {"type": "number"},
                      "date": _MAYBE_TEXT, "event_date": _MAYBE_TEXT, "rule": _TEXT},
                     ("article", "evidence", "start", "end", "confidence"))
    node = _record({"id": _TEXT, "label": _TEXT, "type": {"enum": [*ENTITY_TYPES, AMOUNT]}, "aliases": _TEXTS,
                    "articles": _TEXTS}, ("id", "label", "type", "aliases", "articles"))
    edge = _record({"source": _TEXT, "target": _TEXT, "key": _TEXT, "predicate": {"enum": list(PREDICATES)},
                    "role": _TEXT, "sources": {"type": "array", "items": source}, "articles": _TEXTS,
                    "dates": _TEXTS, "confidence": {"type": "number"}},
                   ("source", "target", "key", "predicate", "sources", "articles", "dates", "confidence"))
    article = _record({"title": _TEXT, "date": _MAYBE_TEXT, "path": _TEXT, "sha256": _TEXT, "url": _MAYBE_TEXT,
                       "kind": _TEXT, "story": _TEXT}, ("title", "path"))
    return _record({"directed": {"const": True}, "multigraph": {"const": True},
                    "graph": _record({"articles": {"type": "object", "additionalProperties": article}}, ("articles",)),
                    "nodes": {"type": "array", "items": node}, "edges": {"type": "array", "items": edge}},
                   ("directed", "multigraph", "graph", "nodes", "edges"))


@cache
def _validator() -> Callable[[Any], Any]:
    return fastjsonschema.compile(graph_schema())


def check_graph_json(data: Any) -> None:
    """Raise ValueError saying what is wrong if `data` is not a graph.json document of newsgraph."""
    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        raise ValueError(error.message.replace("data.", "", 1).replace("data ", "the document ", 1)) from None
    ids = {node["id"] for node in data["nodes"]}
    if len(ids) != len(data["nodes"]):
        raise ValueError("two nodes share an id")
    for number, edge in enumerate(data["edges"]):
        for end in ("source", "target"):
            if edge[end] not in ids:
                raise ValueError(f"edges[{number}].{end} {edge[end]!r} is not a node")


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
        data = json.loads(file.read_text(encoding="utf-8"))
        check_graph_json(data)
        return graph_from_json(data)
    except FileNotFoundError:
        raise NewsgraphError(f"{file}: no graph here; run `newsgraph build` first") from None
    except IsADirectoryError:
        raise NewsgraphError(f"{file}: is a folder, not a graph.json") from None
    except OSError as error:
        raise NewsgraphError(f"{file}: cannot read it ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise NewsgraphError(f"{file}: not UTF-8 text (byte {error.start}); not a newsgraph graph file") from None
    except RecursionError:
        raise NewsgraphError(f"{file}: nested too deeply; not a newsgraph graph file") from None
    except json.JSONDecodeError as error:
        raise NewsgraphError(f"{file}: not JSON ({error.msg} at line {error.lineno}, column {error.colno}); "
                             "was it cut short?") from None
    except (ValueError, KeyError, TypeError) as error:
        raise NewsgraphError(f"{file}: not a newsgraph graph file ({error})") from None
