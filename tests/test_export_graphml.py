"""GraphML and GEXF read back by networkx and python-igraph, the readers Gephi and Cytoscape users script with."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import igraph
import networkx as nx
import pytest

from conftest import TRICKY_SENTENCE
from export import EXPORTERS
from export.flat import SENTENCE_SEPARATOR, flat_edge, flat_node
from export.propertygraph import statement_id
from graph import load_graph

PERSON = "person/li-lucky-wei-and"
BODY = "governmentbody/jinhua-party-committee-script-alert-1-script"


def _write(name: str, graph: nx.MultiDiGraph, folder: Path) -> Path:
    path = folder / EXPORTERS[name].filename
    EXPORTERS[name].write(graph, path)
    return path


def _networkx(name: str, path: Path) -> nx.MultiDiGraph:
    if name == "graphml":
        return nx.read_graphml(path, force_multigraph=True)
    return nx.MultiDiGraph(nx.read_gexf(path))


def _edges_by_id(graph: nx.MultiDiGraph) -> dict[str, tuple[str, str, dict]]:
    """Edges keyed by their id: the GraphML edge id is networkx's key; GEXF's is also an attribute."""
    return {key: (subject, obj, {name: value for name, value in data.items() if name not in ("id", "weight")})
            for subject, obj, key, data in graph.edges(keys=True, data=True)}


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_networkx_reads_back_every_node_and_edge_with_typed_attributes(name: str, tricky_graph: nx.MultiDiGraph,
                                                                        tmp_path: Path) -> None:
    read = _networkx(name, _write(name, tricky_graph, tmp_path))
    assert dict(read.nodes(data=True)) == {node: flat_node(data) for node, data in tricky_graph.nodes(data=True)}
    expected = {statement_id(subject, key, obj): (subject, obj, flat_edge(data))
                for subject, obj, key, data in tricky_graph.edges(keys=True, data=True)}
    assert _edges_by_id(read) == expected
    assert read.number_of_edges(PERSON, BODY) == 2, "two roles in one body are two parallel edges"


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_tricky_text_and_types_survive_graphml_and_gexf(name: str, tricky_graph: nx.MultiDiGraph,
                                                         tmp_path: Path) -> None:
    read = _networkx(name, _write(name, tricky_graph, tmp_path))
    assert read.nodes[PERSON]["label"] == 'Li "Lucky" Wei & 李伟'
    assert read.nodes[PERSON]["aliases"] == '李 "Li" <b>'
    assert read.nodes[BODY]["label"] == "Jinhua Party Committee <script>alert(1)</script>"
    positions = {data["role"]: data for data in read.get_edge_data(PERSON, BODY).values()}
    assert set(positions) == {"Secretary; <acting>", "member\\deputy"}
    secretary = positions["Secretary; <acting>"]
    assert secretary["evidence"] == TRICKY_SENTENCE
    assert (secretary["evidence_count"], secretary["confidence"], secretary["first_date"]) == (1, 0.75, "2021-06-05")
    assert isinstance(secretary["evidence_count"], int) and isinstance(secretary["confidence"], float)
    [meeting] = [data for _, _, data in read.edges(data=True) if data["predicate"] == "met_with"]
    assert meeting["evidence"] == SENTENCE_SEPARATOR.join([TRICKY_SENTENCE, "They met again.\nIn 金华."])
    assert (meeting["evidence_count"], meeting["articles"], meeting["event_dates"]) == (2, "a1 one; a2", "2021-06-03")
    assert "role" not in meeting


def test_igraph_reads_the_graphml(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    read = igraph.Graph.Read_GraphML(str(_write("graphml", tricky_graph, tmp_path)))
    assert read.is_directed()
    assert (read.vcount(), read.ecount()) == (tricky_graph.number_of_nodes(), tricky_graph.number_of_edges())
    assert sorted(read.vs["label"]) == sorted(label for _, label in tricky_graph.nodes(data="label"))
    assert sum(read.is_multiple()) == 1
    edges = {(read.vs[edge.source]["id"], edge["role"], read.vs[edge.target]["id"]): edge for edge in read.es}
    secretary = edges[(PERSON, "Secretary; <acting>", BODY)]
    assert (secretary["evidence"], secretary["evidence_count"], secretary["confidence"]) == (TRICKY_SENTENCE, 1, 0.75)
    assert Counter(read.es["predicate"]) == Counter(data["predicate"] for *_, data in tricky_graph.edges(data=True))


@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_the_seeds_graph_reads_back_whole(name: str, seeds_build: Path, tmp_path: Path) -> None:
    graph = load_graph(seeds_build)
    read = _networkx(name, _write(name, graph, tmp_path))
    assert (read.number_of_nodes(), read.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert read.nodes["person/zhang-jifu"]["label"] == "Zhang Jifu"
    meetings = {(read.nodes[s]["label"], read.nodes[o]["label"]) for s, o, d in read.edges(data=True)
                if d["predicate"] == "met_with"}
    assert ("Alex Ju", "Zhang Jifu") in meetings
