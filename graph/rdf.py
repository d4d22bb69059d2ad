"""Derive RDF from the merged graph, with the evidence of every edge readable by plain SPARQL 1.1.

How an edge and its evidence are written, and why:

    id:person/zhang-jifu ng:metWith id:person/alex-ju .              # the direct edge, easy to query
    id:statement/3f2a… a rdf:Statement ;                               # the same edge, as a node that
        rdf:subject id:person/zhang-jifu ; rdf:predicate ng:metWith ;  # can carry its role, dates and
        rdf:object id:person/alex-ju ; ng:confidence 0.8 ;             # evidence
        ng:evidence id:evidence/9c1b… .
    id:evidence/9c1b… a ng:Evidence ; ng:sentence "…" ; ng:startOffset 120 ; ng:endOffset 260 ;
        prov:wasQuotedFrom id:article/000_86024d371d842b7a .
    id:article/000_86024d371d842b7a a schema:NewsArticle ; schema:headline "…" ; schema:datePublished "…" .

This is Wikidata's pattern (a direct "truthy" edge beside a statement node that holds qualifiers and
references), with the standard rdf:Statement vocabulary for the statement's three parts. Unlike
named graphs it keeps one default graph that any SPARQL 1.1 engine and every RDF format (Turtle,
N-Triples) can hold; unlike RDF-star, which rdflib cannot parse, it is plain RDF.

Positions follow the W3C Organization Ontology: a holds_position statement is also an org:Membership
(org:member, org:organization, org:role) when held in an organization, and an org:Post (org:heldBy,
org:role, ng:jurisdiction) when held in a place, as "deputy mayor of Guiyang" is a post in the city's
government rather than employment by a place. Each carries ng:asOf with the dates of its articles.

The RDF is built in an Oxigraph store (oxrdflib), whose Turtle writer is far faster than rdflib's own.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO

from .resolve import slug
from .vocab import ENTITY_CLASSES, ID, NG, PREDICATE_IRIS, PREFIXES

Triple3 = tuple[URIRef, URIRef, URIRef | Literal]


def node_iri(node: str) -> URIRef:
    """The IRI of a graph node: its id under the resource namespace."""
    return ID[node]


def article_iri(article: str) -> URIRef:
    return ID["article/" + quote(article, safe="")]


def _digest(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=XSD.date) if value else None


def _article_triples(article: str, info: dict[str, Any]) -> Iterator[Triple3]:
    iri = article_iri(article)
    yield iri, RDF.type, SDO.NewsArticle
    yield iri, RDF.type, PROV.Entity
    yield iri, SDO.identifier, Literal(article)
    yield iri, SDO.headline, Literal(info["title"])
    yield iri, NG.sourceFile, Literal(info["path"])
    yield iri, NG.sha256, Literal(info["sha256"])
    if info.get("date"):
        yield iri, SDO.datePublished, Literal(info["date"], datatype=XSD.date)


def _node_triples(node: str, data: dict[str, Any]) -> Iterator[Triple3]:
    iri = node_iri(node)
    for cls in ENTITY_CLASSES[data["type"]]:
        yield iri, RDF.type, cls
    yield iri, RDFS.label, Literal(data["label"])
    for alias in data["aliases"]:
        yield iri, SKOS.altLabel, Literal(alias)
    for article in data["articles"]:
        yield iri, NG.mentionedIn, article_iri(article)


def _position_triples(statement: URIRef, person: URIRef, holder: URIRef, holder_type: str,
                      role: str) -> Iterator[Triple3]:
    role_iri = ID["role/" + slug(role)]
    yield role_iri, RDF.type, ORG.Role
    yield role_iri, RDFS.label, Literal(role)
    yield statement, ORG.role, role_iri
    if holder_type == "Place":
        yield statement, RDF.type, ORG.Post
        yield statement, ORG.heldBy, person
        yield statement, NG.jurisdiction, holder
    else:
        yield statement, RDF.type, ORG.Membership
        yield statement, ORG.member, person
        yield statement, ORG.organization, holder


def _edge_triples(graph: nx.MultiDiGraph, subject: str, obj: str, key: str,
                  data: dict[str, Any]) -> Iterator[Triple3]:
    s, o, p = node_iri(subject), node_iri(obj), PREDICATE_IRIS[data["predicate"]]
    yield s, p, o
    statement = ID["statement/" + _digest(subject, key, obj)]
    yield statement, RDF.type, RDF.Statement
    yield statement, RDF.subject, s
    yield statement, RDF.predicate, p
    yield statement, RDF.object, o
    yield statement, NG.confidence, Literal(data["confidence"])
    if "role" in data:
        yield statement, NG.role, Literal(data["role"])
        yield from _position_triples(statement, s, o, graph.nodes[obj]["type"], data["role"])
        for date in data["dates"]:
            yield statement, NG.asOf, Literal(date, datatype=XSD.date)
    for source in data["sources"]:
        evidence = ID["evidence/" + _digest(statement, source["article"], source["start"], source["end"])]
        yield statement, NG.evidence, evidence
        yield evidence, RDF.type, NG.Evidence
        yield evidence, NG.sentence, Literal(source["evidence"])
        yield evidence, NG.startOffset, Literal(source["start"])
        yield evidence, NG.endOffset, Literal(source["end"])
        yield evidence, NG.confidence, Literal(source["confidence"])
        yield evidence, NG.rule, Literal(source["rule"])
        yield evidence, PROV.wasQuotedFrom, article_iri(source["article"])
        event_date = _date(source.get("event_date"))
        if event_date is not None:
            yield evidence, NG.eventDate, event_date


def rdf_triples(graph: nx.MultiDiGraph) -> Iterator[Triple3]:
    """Every RDF triple of the graph: articles, entities, edges with their statements and evidence."""
    for article, info in graph.graph.get("articles", {}).items():
        yield from _article_triples(article, info)
    for node, data in graph.nodes(data=True):
        yield from _node_triples(node, data)
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        yield from _edge_triples(graph, subject, obj, key, data)


def new_rdf_graph() -> Graph:
    """An empty rdflib graph over an Oxigraph store, with the project's prefixes bound."""
    rdf = Graph(store="Oxigraph", bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace, override=True)
    return rdf


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The RDF form of the merged graph (see the module docstring for its shape)."""
    rdf = new_rdf_graph()
    rdf.addN((s, p, o, rdf) for s, p, o in rdf_triples(graph))
    return rdf
