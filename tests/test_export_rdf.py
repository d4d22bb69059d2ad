"""The RDF exports (Turtle, N-Triples, N-Quads, TriG, JSON-LD) read back by an independent parser, pyoxigraph."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import XSD, Literal, URIRef

from conftest import TRICKY_SENTENCE
from export import EXPORTERS
from export.rdf import NAMED_GRAPH
from graph import load_graph, to_rdf
from graph.vocab import NG

RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
               "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
QUAD_FORMATS = {"nquads", "trig"}


def _value(lexical: str, datatype: str) -> object:
    """A literal's value, so that "0.75" and "7.5E-1" (JSON-LD writes doubles as JSON numbers) compare equal."""
    return lexical if datatype == str(XSD.string) else Literal(lexical, datatype=URIRef(datatype)).toPython()


def _oxigraph_term(term: ox.NamedNode | ox.Literal) -> tuple[object, ...]:
    if isinstance(term, ox.Literal):
        return ("literal", _value(term.value, term.datatype.value), term.datatype.value)
    return ("iri", term.value)


def _rdflib_term(term: URIRef | Literal) -> tuple[object, ...]:
    if isinstance(term, Literal):
        datatype = str(term.datatype or XSD.string)
        return ("literal", _value(str(term), datatype), datatype)
    return ("iri", str(term))


def _read_back(name: str, graph: nx.MultiDiGraph, folder: Path) -> list[ox.Quad]:
    path = folder / EXPORTERS[name].filename
    EXPORTERS[name].write(graph, path)
    return list(ox.parse(path=str(path), format=RDF_FORMATS[name]))


def _graph(request: pytest.FixtureRequest, which: str) -> nx.MultiDiGraph:
    if which == "seeds":
        return load_graph(request.getfixturevalue("seeds_build"))
    return request.getfixturevalue("tricky_graph")


@pytest.mark.parametrize("which", ["tricky", "seeds"])
@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_rdf_format_holds_exactly_the_triples_of_the_graph(name: str, which: str, request: pytest.FixtureRequest,
                                                                  tmp_path: Path) -> None:
    graph = _graph(request, which)
    quads = _read_back(name, graph, tmp_path)
    expected = {tuple(map(_rdflib_term, triple)) for triple in to_rdf(graph)}
    assert len(quads) == len(expected) > 0
    assert {(_oxigraph_term(q.subject), _oxigraph_term(q.predicate), _oxigraph_term(q.object)) for q in quads} == expected
    graph_names = {q.graph_name for q in quads}
    assert graph_names == ({NAMED_GRAPH} if name in QUAD_FORMATS else {ox.DefaultGraph()})


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_tricky_text_survives_every_rdf_format(name: str, tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    quads = _read_back(name, tricky_graph, tmp_path)
    sentences = {q.object.value for q in quads if q.predicate == ox.NamedNode(str(NG.sentence))}
    roles = {q.object.value for q in quads if q.predicate == ox.NamedNode(str(NG.role))}
    labels = {q.object.value for q in quads if q.predicate.value.endswith("#label")}
    assert sentences == {TRICKY_SENTENCE, "They met again.\nIn 金华.", "Chen attended the Expo, 2021."}
    assert {'chairman "& CEO"; 董事长', "Secretary; <acting>", "member\\deputy"} <= roles
    assert {'Li "Lucky" Wei & 李伟', "Jinhua Party Committee <script>alert(1)</script>", "O'Brien Park"} <= labels


def test_jsonld_keys_are_the_short_terms_of_its_context(tricky_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.jsonld"
    EXPORTERS["jsonld"].write(tricky_graph, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in document["@graph"]}
    person = next(node for node in nodes.values() if node.get("label") == 'Li "Lucky" Wei & 李伟')
    assert set(person["type"]) == {"Person", "schema:Person"}
    assert person["aliases"] == '李 "Li" <b>'
    assert len(person["holdsPosition"]) == 3 and all(iri.startswith("https://") for iri in person["holdsPosition"])
    meeting = next(node for node in nodes.values() if node.get("predicate") == "metWith")
    evidence = [nodes[iri] for iri in meeting["evidence"]]
    assert sorted(item["sentence"] for item in evidence) == sorted([TRICKY_SENTENCE, "They met again.\nIn 金华."])
    assert {item["confidence"] for item in evidence} == {0.75}
    assert document["@context"]["metWith"] == {"@id": "ng:metWith", "@type": "@id"}


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_an_empty_graph_and_a_graph_of_one_entity(name: str, tmp_path: Path) -> None:
    empty = nx.MultiDiGraph(articles={})
    assert _read_back(name, empty, tmp_path) == []
    single = nx.MultiDiGraph(articles={})
    single.add_node("person/x", label="X & 某", type="Person", aliases=[], articles=[])
    quads = _read_back(name, single, tmp_path)
    assert {_oxigraph_term(q.object) for q in quads} == {tuple(map(_rdflib_term, t))[2] for t in to_rdf(single)}
    assert len(quads) == 3
