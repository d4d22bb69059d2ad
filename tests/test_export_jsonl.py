"""The graph's triples as JSON lines: the triples.jsonl contract, read back and merged again into the same graph."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from conftest import TRICKY_SENTENCE
from export import EXPORTERS
from extract.model import Article, Extraction, Triple
from graph import build_graph, load_graph

CONTRACT = ["article", "subject", "subject_type", "predicate", "object", "object_type", "role", "evidence", "start",
            "end", "confidence", "date", "event_date", "rule"]


def _lines(graph: nx.MultiDiGraph, folder: Path) -> list[dict]:
    path = folder / "graph.jsonl"
    EXPORTERS["jsonl"].write(graph, path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _rebuilt(graph: nx.MultiDiGraph, lines: list[dict]) -> nx.MultiDiGraph:
    """Merge the exported triples again, article by article, as `newsgraph build` merges extracted ones."""
    triples = [Triple.from_json(line) for line in lines]
    return build_graph(Extraction(Article(article, info["path"], info["title"], info["date"], info["sha256"]),
                                  triples=tuple(t for t in triples if t.article == article))
                       for article, info in graph.graph["articles"].items())


def test_the_triples_merge_back_into_the_same_edges(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    lines = _lines(tricky_graph, tmp_path)
    assert all(list(line) == CONTRACT for line in lines)
    assert len(lines) == sum(len(data["sources"]) for *_, data in tricky_graph.edges(data=True)) == 12
    rebuilt = _rebuilt(tricky_graph, lines)
    assert sorted(rebuilt.edges(keys=True, data=True)) == sorted(tricky_graph.edges(keys=True, data=True))
    assert {node: data["label"] for node, data in rebuilt.nodes(data=True)} == {
        node: data["label"] for node, data in tricky_graph.nodes(data=True)}


def test_tricky_text_survives_the_jsonl(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    [secretary] = [line for line in _lines(tricky_graph, tmp_path) if line["role"] == "Secretary; <acting>"]
    assert secretary == {
        "article": "a1 one", "subject": 'Li "Lucky" Wei & 李伟', "subject_type": "Person",
        "predicate": "holds_position", "object": "Jinhua Party Committee <script>alert(1)</script>",
        "object_type": "GovernmentBody", "role": "Secretary; <acting>", "evidence": TRICKY_SENTENCE, "start": 10,
        "end": 10 + len(TRICKY_SENTENCE), "confidence": 0.75, "date": "2021-06-05", "event_date": None, "rule": "test"}


def test_the_seeds_graph_holds_every_extracted_triple(seeds_build: Path, tmp_path: Path) -> None:
    extracted = [json.loads(line) for line in (seeds_build / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    exported = _lines(load_graph(seeds_build), tmp_path)

    def sentences(lines: list[dict]) -> set[tuple]:
        return {(t["article"], t["predicate"], t["role"], t["start"], t["end"], t["evidence"]) for t in lines}

    assert sentences(exported) == sentences(extracted)
    assert ("Alex Ju", "Zhang Jifu") in {(t["subject"], t["object"]) for t in exported if t["predicate"] == "met_with"}
