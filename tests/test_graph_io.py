"""graph.json files of the wrong shape give every command that reads them one line naming the file and
what is wrong (graph/io.py), never a traceback."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.io import check_graph_json

Run = Callable[..., Any]


def _good(seeds_build: Path) -> dict[str, Any]:
    return json.loads((seeds_build / "graph.json").read_text(encoding="utf-8"))


def _changed(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], str]:
    def make(good: dict[str, Any]) -> str:
        change(good)
        return json.dumps(good)
    return make


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set one value in the document, at a path like 'edges.0.sources.0.start'."""
    *parents, last = path.split(".")

    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for step in parents:
            target = target[int(step)] if isinstance(target, list) else target[step]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return change


def _other_program(directed: bool) -> Callable[[dict[str, Any]], str]:
    graph = nx.karate_club_graph()
    return lambda _: json.dumps(nx.node_link_data(nx.MultiDiGraph(graph) if directed else graph, edges="edges"))


# case: (how to make the file's text from a good graph.json, words the error must contain)
CASES: dict[str, tuple[Callable[[dict[str, Any]], str | bytes], str]] = {
    "truncated": (lambda good: json.dumps(good)[: len(json.dumps(good)) // 2], "not JSON"),
    "empty": (lambda _: "", "not JSON"),
    "a list": (lambda _: "[1, 2, 3]", "must be object"),
    "a string": (lambda _: '"graph"', "must be object"),
    "null": (lambda _: "null", "must be object"),
    "another object": (lambda _: '{"nodes": 3}', "must contain"),
    "another program's undirected node-link file": (_other_program(False), "directed"),
    "another program's multigraph node-link file": (_other_program(True), "graph must contain"),
    "an unknown entity type": (_changed(_set("nodes.0.type", "Alien")), "nodes[0].type must be one of"),
    "an unknown predicate": (_changed(_set("edges.0.predicate", "likes")), "edges[0].predicate must be one of"),
    "an offset that is text": (_changed(_set("edges.0.sources.0.start", "12")),
                               "edges[0].sources[0].start must be integer"),
    "an edge to no node": (_changed(_set("edges.0.target", "person/nobody")), "edges[0].target 'person/nobody'"),
    "nodes that are not a list": (_changed(_set("nodes", {"a": 1})), "nodes must be array"),
    "a node without an id": (_changed(lambda good: good["nodes"][0].pop("id")), "nodes[0] must contain"),
    "not UTF-8": (lambda good: b"\xff\xfe" + json.dumps(good).encode("utf-16-le"), "not UTF-8"),
    "nested deeply": (lambda _: "[" * 100_000 + "]" * 100_000, "not a newsgraph graph file"),
}


def test_a_built_graph_passes_the_check(seeds_build: Path) -> None:
    check_graph_json(_good(seeds_build))


@pytest.mark.parametrize("command", ["export", "view", "query"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_graph_file_of_the_wrong_shape_is_one_line(run_cli: Run, tmp_path: Path, seeds_build: Path,
                                                      case: str, command: str) -> None:
    make, words = CASES[case]
    text = make(_good(seeds_build))
    file = tmp_path / "graph.json"
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text, encoding="utf-8")
    arguments = {"export": ("export", file, "-f", "turtle"),
                 "view": ("view", file, "--entity", "Zhang Jifu", "-o", tmp_path / "view.html"),
                 "query": ("query", file, "SELECT * WHERE { ?s ?p ?o }")}[command]
    result = run_cli(*arguments)
    assert result.exit_code == 2, (result.output, result.exception)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {file}: "), result.output
    assert words in lines[0], lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.json"], "nothing written"


def test_a_folder_named_graph_json_is_one_line(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "graph.json").mkdir()
    result = run_cli("export", tmp_path / "graph.json", "-f", "turtle")
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {tmp_path / 'graph.json' / 'graph.json'}: no graph here")
