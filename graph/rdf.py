"""Derive RDF from the merged graph, with the evidence of every edge readable by plain SPARQL 1.1.

How an edge and its evidence are written, and why:

    person:zhang-jifu ng:metWith person:alex-ju .                    # the direct edge, easy to query
    statement:3f2a… a rdf:Statement ;                                  # the same edge, as a node that
        rdf:subject person:zhang-jifu ; rdf:predicate ng:metWith ;     # can carry its role, dates and
        rdf:object person:alex-ju ; ng:confidence 0.8 ;                # evidence
        ng:evidence evidence:9c1b… .
    evidence:9c1b… a ng:Evidence ; ng:sentence "…" ; ng:startOffset 120 ; ng:endOffset 260 ;
        ng:confidence 0.8 ; ng:rule "verb" ; prov:wasQuotedFrom article:000_86024d371d842b7a .
    article:000_86024d371d842b7a a schema:NewsArticle ; schema:headline "…" ; schema:datePublished "…" ;
        ng:sourceFile "seeds/000_86024d371d842b7a.txt" .

This is Wikidata's pattern (a direct "truthy" edge beside a statement node that holds qualifiers and
references), with the standard rdf:Statement vocabulary for the statement's three parts. Unlike
named graphs it keeps one default graph that any SPARQL 1.1 engine and every RDF format (Turtle,
N-Triples) can hold, and an edge seen in many sentences is one statement with many evidence nodes
rather than many graphs; unlike RDF-star, which rdflib cannot parse, it is plain RDF 1.1.

Positions follow the W3C Organization Ontology: a holds_position statement is also an org:Membership
(org:member, org:organization, org:role) when held in an organization, and an org:Post (org:heldBy,
org:role, ng:jurisdiction) when held in a place, as "deputy mayor of Guiyang" is a post in the city's
government rather than employment by a place. Each carries ng:asOf with the dates of its articles.

The triples are made as pyoxigraph terms. `serialize_rdf` streams them into Oxigraph's writers (no
store: the fastest way to a file); `rdf_store` bulk-loads them into an Oxigraph store, which answers
SPARQL in native code, and `to_rdf` wraps that store for rdflib's API (oxrdflib). Going through
rdflib's Python terms and its own Turtle writer is 30-150 times slower (tests/benchmarks/rdf_speed.py).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

from .resolve import canonical_name, slug
from .vocab import ENTITY_CLASSES, NG, PREDICATE_IRIS, PREFIXES, RESOURCE_IRI


def _iri(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(term))


# Every IRI of the vocabulary, made once as an Oxigraph term.
A, SUBJECT, PREDICATE, OBJECT, STATEMENT = (_iri(term) for term in (RDF.type, RDF.subject, RDF.predicate,
                                                                      RDF.object, RDF.Statement))
LABEL, ALT_LABEL = _iri(RDFS.label), _iri(SKOS.altLabel)
NEWS_ARTICLE, HEADLINE, DATE_PUBLISHED, IDENTIFIER, URL = (_iri(term) for term in (
    SDO.NewsArticle, SDO.headline, SDO.datePublished, SDO.identifier, SDO.url))
PROV_ENTITY, QUOTED_FROM = _iri(PROV.Entity), _iri(PROV.wasQuotedFrom)
ROLE_CLASS, ROLE, POST, HELD_BY, MEMBERSHIP, MEMBER, ORGANIZATION = (_iri(term) for term in (
    ORG.Role, ORG.role, ORG.Post, ORG.heldBy, ORG.Membership, ORG.member, ORG.organization))
NG_TERMS = {name: _iri(NG[name]) for name in (
    "Evidence", "role", "asOf", "confidence", "evidence", "sentence", "startOffset", "endOffset",
    "eventDate", "rule", "sourceFile", "sha256", "mentionedIn", "jurisdiction")}
CLASSES = {kind: tuple(_iri(cls) for cls in classes) for kind, classes in ENTITY_CLASSES.items()}
PREDICATES = {name: _iri(iri) for name, iri in PREDICATE_IRIS.items()}
DATE = _iri(XSD.date)
ANY_URI = _iri(XSD.anyURI)


def node_iri(node: str) -> ox.NamedNode:
    """The IRI of a graph node: its id under the resource namespace."""
    return ox.NamedNode(RESOURCE_IRI + node)


def article_iri(article: str) -> ox.NamedNode:
    return ox.NamedNode(f"{RESOURCE_IRI}article/{quote(article, safe='')}")


def digest(*parts: object) -> str:
    """A short stable hash of the parts: the local name of a statement or evidence node."""
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _date(value: str) -> ox.Literal:
    return ox.Literal(value, datatype=DATE)


def _article_triples(article: str, info: dict[str, Any]) -> Iterator[ox.Quad]:
    iri = article_iri(article)
    yield ox.Quad(iri, A, NEWS_ARTICLE)
    yield ox.Quad(iri, A, PROV_ENTITY)
    yield ox.Quad(iri, IDENTIFIER, ox.Literal(article))
    yield ox.Quad(iri, HEADLINE, ox.Literal(info["title"]))
    yield ox.Quad(iri, NG_TERMS["sourceFile"], ox.Literal(info["path"]))
    yield ox.Quad(iri, NG_TERMS["sha256"], ox.Literal(info["sha256"]))
    if info.get("date"):
        yield ox.Quad(iri, DATE_PUBLISHED, _date(info["date"]))
    if info.get("url"):
        yield ox.Quad(iri, URL, ox.Literal(info["url"], datatype=ANY_URI))


def _node_triples(graph: nx.MultiDiGraph, node: str, data: dict[str, Any]) -> Iterator[ox.Quad]:
    """The node's type, names and articles, and its direct edges (once for several roles in one place)."""
    iri = node_iri(node)
    for cls in CLASSES[data["type"]]:
        yield ox.Quad(iri, A, cls)
    yield ox.Quad(iri, LABEL, ox.Literal(data["label"]))
    for alias in data["aliases"]:
        yield ox.Quad(iri, ALT_LABEL, ox.Literal(alias))
    for article in data["articles"]:
        yield ox.Quad(iri, NG_TERMS["mentionedIn"], article_iri(article))
    for obj, predicate in dict.fromkeys((obj, p) for _, obj, p in graph.out_edges(node, data="predicate")):
        yield ox.Quad(iri, PREDICATES[predicate], node_iri(obj))


def _role_triples(graph: nx.MultiDiGraph) -> Iterator[ox.Quad]:
    """Every role as an org:Role, labelled with the most common of the spellings that share its IRI."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for _, _, role in graph.edges(data="role"):
        if role is not None:
            spellings[slug(role)].append(role)
    for role_slug, roles in sorted(spellings.items()):
        yield ox.Quad(node_iri("role/" + role_slug), A, ROLE_CLASS)
        yield ox.Quad(node_iri("role/" + role_slug), LABEL, ox.Literal(canonical_name(roles)))


def _position_triples(statement: ox.NamedNode, person: ox.NamedNode, holder: ox.NamedNode, holder_type: str,
                      role: str, dates: list[str]) -> Iterator[ox.Quad]:
    role_iri = node_iri("role/" + slug(role))
    yield ox.Quad(statement, NG_TERMS["role"], ox.Literal(role))
    yield ox.Quad(statement, ROLE, role_iri)
    if holder_type == "Place":
        yield ox.Quad(statement, A, POST)
        yield ox.Quad(statement, HELD_BY, person)
        yield ox.Quad(statement, NG_TERMS["jurisdiction"], holder)
    else:
        yield ox.Quad(statement, A, MEMBERSHIP)
        yield ox.Quad(statement, MEMBER, person)
        yield ox.Quad(statement, ORGANIZATION, holder)
    for date in dates:
        yield ox.Quad(statement, NG_TERMS["asOf"], _date(date))


def evidence_iri(statement: ox.NamedNode, source: dict[str, Any]) -> ox.NamedNode:
    return node_iri("evidence/" + digest(statement.value, source["article"], source["start"], source["end"],
                                         source["rule"]))


def _evidence_triples(evidence: ox.NamedNode, source: dict[str, Any]) -> Iterator[ox.Quad]:
    yield ox.Quad(evidence, A, NG_TERMS["Evidence"])
    yield ox.Quad(evidence, NG_TERMS["sentence"], ox.Literal(source["evidence"]))
    yield ox.Quad(evidence, NG_TERMS["startOffset"], ox.Literal(source["start"]))
    yield ox.Quad(evidence, NG_TERMS["endOffset"], ox.Literal(source["end"]))
    yield ox.Quad(evidence, NG_TERMS["confidence"], ox.Literal(float(source["confidence"])))
    yield ox.Quad(evidence, NG_TERMS["rule"], ox.Literal(source["rule"]))
    yield ox.Quad(evidence, QUOTED_FROM, article_iri(source["article"]))
    if source.get("event_date"):
        yield ox.Quad(evidence, NG_TERMS["eventDate"], _date(source["event_date"]))


def _edge_triples(graph: nx.MultiDiGraph, subject: str, obj: str, key: str,
                  data: dict[str, Any]) -> Iterator[ox.Quad]:
    """The edge as a statement node, with its position (holds_position) and evidence."""
    s, o, p = node_iri(subject), node_iri(obj), PREDICATES[data["predicate"]]
    statement = node_iri("statement/" + digest(subject, key, obj))
    yield ox.Quad(statement, A, STATEMENT)
    yield ox.Quad(statement, SUBJECT, s)
    yield ox.Quad(statement, PREDICATE, p)
    yield ox.Quad(statement, OBJECT, o)
    yield ox.Quad(statement, NG_TERMS["confidence"], ox.Literal(float(data["confidence"])))
    if "role" in data:
        yield from _position_triples(statement, s, o, graph.nodes[obj]["type"], data["role"], data["dates"])
    evidence = [evidence_iri(statement, source) for source in data["sources"]]
    for iri in evidence:
        yield ox.Quad(statement, NG_TERMS["evidence"], iri)
    for iri, source in zip(evidence, data["sources"]):
        yield from _evidence_triples(iri, source)


def rdf_quads(graph: nx.MultiDiGraph) -> Iterator[ox.Quad]:
    """Every RDF triple of the graph, once, as a pyoxigraph quad in the default graph: articles, entities
    with their direct edges, roles, and statements with their evidence; each subject's triples together."""
    for article, info in graph.graph.get("articles", {}).items():
        yield from _article_triples(article, info)
    for node, data in graph.nodes(data=True):
        yield from _node_triples(graph, node, data)
    yield from _role_triples(graph)
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        yield from _edge_triples(graph, subject, obj, key, data)


def rdf_store(graph: nx.MultiDiGraph) -> ox.Store:
    """The RDF of the graph in an in-memory Oxigraph store (default graph), loaded in bulk."""
    store = ox.Store()
    store.bulk_extend(rdf_quads(graph))
    return store


def serialize_rdf(graph: nx.MultiDiGraph, destination: str | Path | None = None, *,
                  format: ox.RdfFormat = ox.RdfFormat.TURTLE,
                  graph_name: ox.NamedNode | None = None) -> bytes | None:
    """Write the graph's RDF straight from the networkx graph through Oxigraph's writer, with the
    project's prefixes, and no store in between: the fastest way to a file. Returns the bytes when
    `destination` is None. The order follows the graph's (sorted) nodes and edges, so it is stable.
    For the quad formats, `graph_name` puts every triple in that named graph.

    >>> serialize_rdf(nx.MultiDiGraph(articles={}), format=ox.RdfFormat.N_TRIPLES)
    b''
    """
    prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD),
                **{prefix: str(namespace) for prefix, namespace in PREFIXES.items()}}
    quads = rdf_quads(graph)
    if graph_name is not None:
        quads = (ox.Quad(quad.subject, quad.predicate, quad.object, graph_name) for quad in quads)
    return ox.serialize(quads, destination, format=format, prefixes=prefixes)


def as_rdflib(store: ox.Store) -> Graph:
    """An rdflib Graph over the store's default graph, with the project's prefixes bound."""
    rdf = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace, override=True)
    return rdf


def to_rdf(graph: nx.MultiDiGraph) -> Graph:
    """The RDF form of the merged graph (see the module docstring), as an rdflib Graph over Oxigraph.

    Serialize it with format="ox-turtle" (or "ox-ntriples", …): Oxigraph's writers, not rdflib's.
    """
    return as_rdflib(rdf_store(graph))
