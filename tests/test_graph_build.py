"""Merging extractions into one graph, and its RDF form, on hand-made extractions (no model)."""
from __future__ import annotations

import json

from extract.model import Article, Entity, Extraction, Triple
from graph import build_graph, graph_to_json, to_rdf


def _triple(article: str, subject: str, s_type: str, predicate: str, obj: str, o_type: str,
            sentence: str, role: str | None = None) -> Triple:
    return Triple(article=article, subject=subject, subject_type=s_type, predicate=predicate, object=obj,
                  object_type=o_type, evidence=sentence, start=0, end=len(sentence), confidence=0.8,
                  role=role, date="2022-05-01", rule="test")


def _extractions() -> list[Extraction]:
    first = "Wang Lei, mayor of Harbin, met with Sun Mei on Monday."
    second = "Sun Mei and Wang Lei met again in Harbin."
    return [
        Extraction(
            article=Article("a1", "a1.txt", "Mayor meets investor", "2022-05-01", "0" * 64),
            entities=(Entity("Wang Lei", "Person", ("Wang",)), Entity("Sun Mei", "Person"),
                      Entity("Harbin", "Place")),
            triples=(_triple("a1", "Wang Lei", "Person", "met_with", "Sun Mei", "Person", first),
                     _triple("a1", "Wang Lei", "Person", "holds_position", "Harbin", "Place", first, "mayor")),
        ),
        Extraction(
            article=Article("a2", "a2.txt", "A second meeting", None, "1" * 64),
            entities=(Entity("Sun Mei", "Person", ("Sun",)), Entity("Wang Lei", "Person")),
            triples=(_triple("a2", "Sun Mei", "Person", "met_with", "Wang Lei", "Person", second),),
        ),
    ]


def test_the_same_person_in_two_articles_is_one_node() -> None:
    graph = build_graph(_extractions())
    assert graph.nodes["person/wang-lei"]["articles"] == ["a1", "a2"]
    assert graph.nodes["person/wang-lei"]["aliases"] == ["Wang"]
    assert graph.nodes["person/sun-mei"]["label"] == "Sun Mei"


def test_a_symmetric_meeting_is_one_edge_with_both_sentences() -> None:
    graph = build_graph(_extractions())
    edges = [(s, o, d) for s, o, d in graph.edges(data=True) if d["predicate"] == "met_with"]
    assert len(edges) == 1
    subject, obj, data = edges[0]
    assert (subject, obj) == ("person/sun-mei", "person/wang-lei")
    assert [source["article"] for source in data["sources"]] == ["a1", "a2"]


def test_reading_order_does_not_change_the_graph() -> None:
    forward = json.dumps(graph_to_json(build_graph(_extractions())), sort_keys=True)
    backward = json.dumps(graph_to_json(build_graph(reversed(_extractions()))), sort_keys=True)
    assert forward == backward


def test_evidence_of_an_edge_is_one_sparql_query_away() -> None:
    rdf = to_rdf(build_graph(_extractions()))
    rows = rdf.query("""
        SELECT ?sentence ?title WHERE {
          ?statement rdf:subject person:wang-lei ; rdf:predicate ng:holdsPosition ; rdf:object place:harbin ;
                     ng:role "mayor" ; ng:evidence ?evidence .
          ?evidence ng:sentence ?sentence ; prov:wasQuotedFrom ?article .
          ?article schema:headline ?title .
        }""")
    assert [(str(s), str(t)) for s, t in rows] == [
        ("Wang Lei, mayor of Harbin, met with Sun Mei on Monday.", "Mayor meets investor")]


def test_a_post_in_a_city_is_an_org_post_with_jurisdiction() -> None:
    rdf = to_rdf(build_graph(_extractions()))
    assert rdf.query("""ASK { ?post a org:Post ; org:heldBy person:wang-lei ; ng:jurisdiction place:harbin ;
                                   org:role/rdfs:label "mayor" ; ng:asOf "2022-05-01"^^xsd:date }""").askAnswer
