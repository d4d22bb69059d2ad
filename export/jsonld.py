"""JSON-LD: the graph's RDF as plain-looking JSON, for web developers and any JSON-LD processor.

The @context makes the ontology's terms the keys ("label", "metWith", "sentence", "evidence") and
coerces their values (IRIs, dates), so a node reads as

    {"id": "https://newsgraph.example/id/person/zhang-jifu", "type": ["Person", "schema:Person"],
     "label": "Zhang Jifu", "metWith": "https://newsgraph.example/id/person/alex-ju", ...}

while a JSON-LD processor (pyoxigraph, rdflib, jsonld.js) reads back exactly the triples of the
Turtle file. rdflib compacts; nodes and values are then sorted so that output is deterministic.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import ORG, PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.plugins.serializers.jsonld import from_rdf

from graph import to_rdf
from graph.vocab import NG, PREDICATE_IRIS

from .atomic import write_text


def _iri(name: str) -> dict[str, str]:
    return {"@id": name, "@type": "@id"}


def _date(name: str) -> dict[str, str]:
    return {"@id": name, "@type": "xsd:date"}


# Terms of the newsgraph ontology are keys by @vocab; these give short keys to the standard
# vocabularies' terms and say which values are IRIs or dates.
CONTEXT: dict[str, Any] = {
    "@vocab": str(NG),
    "ng": str(NG), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "schema": str(SDO),
    "org": str(ORG), "prov": str(PROV), "skos": str(SKOS),
    "id": "@id", "type": "@type",
    "Statement": "rdf:Statement",
    "label": "rdfs:label", "aliases": "skos:altLabel",
    "mentionedIn": _iri("ng:mentionedIn"),
    **{iri.fragment: _iri(f"ng:{iri.fragment}") for iri in PREDICATE_IRIS.values()},
    "subject": _iri("rdf:subject"), "predicate": {"@id": "rdf:predicate", "@type": "@vocab"},
    "object": _iri("rdf:object"),
    "evidence": _iri("ng:evidence"), "asOf": _date("ng:asOf"), "jurisdiction": _iri("ng:jurisdiction"),
    "member": _iri("org:member"), "organization": _iri("org:organization"), "heldBy": _iri("org:heldBy"),
    "eventDate": _date("ng:eventDate"), "quotedFrom": _iri("prov:wasQuotedFrom"),
    "headline": "schema:headline", "datePublished": _date("schema:datePublished"),
    "identifier": "schema:identifier",
}


def _sorted(value: Any) -> Any:
    """JSON-LD values are sets: sort lists (by their JSON) so that equal graphs give equal files."""
    if isinstance(value, dict):
        return {key: _sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((_sorted(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def _node(node: dict[str, Any]) -> dict[str, Any]:
    """A node with its id and type first, then its other keys in order."""
    first = {key: _sorted(node[key]) for key in ("id", "type") if key in node}
    return {**first, **{key: _sorted(node[key]) for key in sorted(node) if key not in first}}


def document(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as a compacted JSON-LD document: {"@context": CONTEXT, "@graph": [node, ...]}."""
    compacted = from_rdf(to_rdf(graph), context_data=CONTEXT, auto_compact=True)
    # auto_compact gives {"@context", "@graph": [...]}, or the node itself when there is one, or {}
    nodes = compacted.get("@graph", [{key: value for key, value in compacted.items() if key != "@context"}])
    nodes = [node for node in nodes if node]
    return {"@context": CONTEXT, "@graph": sorted((_node(node) for node in nodes), key=lambda node: node["id"])}


def render(graph: nx.MultiDiGraph) -> str:
    return json.dumps(document(graph), ensure_ascii=False, indent=1) + "\n"


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
