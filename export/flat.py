"""The merged graph with every attribute a typed scalar, for the GraphML and GEXF readers.

Gephi, Cytoscape, yEd and igraph show one column per attribute and know strings, numbers and
booleans, not lists. So lists become readable strings ("A; B"; evidence sentences a blank line
apart), counts are integers and confidence a float. Node attributes: label, type, aliases,
articles, article_count. Edge attributes: label (the role, or the predicate), predicate, role
(holds_position only), confidence, evidence, evidence_count, articles, dates, first_date (the
earliest publication date, where known), event_dates. Each edge's key is its statement id, the
same as in the Neo4j and Cypher exports.
"""
from __future__ import annotations

from typing import Any

import networkx as nx

from .propertygraph import statement_id

LIST_SEPARATOR = "; "
SENTENCE_SEPARATOR = "\n\n"


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def flat_node(data: dict[str, Any]) -> dict[str, str | int]:
    return {"label": data["label"], "type": data["type"], "aliases": _joined(data["aliases"]),
            "articles": _joined(data["articles"]), "article_count": len(data["articles"])}


def flat_edge(data: dict[str, Any]) -> dict[str, str | int | float]:
    sources = data["sources"]
    optional = {"role": data.get("role"), "first_date": min(data["dates"], default=None)}
    return {
        "label": data.get("role") or data["predicate"],
        "predicate": data["predicate"],
        **{name: value for name, value in optional.items() if value is not None},
        "confidence": float(data["confidence"]),
        "evidence": SENTENCE_SEPARATOR.join(source["evidence"] for source in sources),
        "evidence_count": len(sources),
        "articles": _joined(data["articles"]),
        "dates": _joined(data["dates"]),
        "event_dates": _joined(sorted({source["event_date"] for source in sources if source.get("event_date")})),
    }


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph with flat attributes (see the module docstring) and no graph attributes."""
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((node, flat_node(data)) for node, data in graph.nodes(data=True))
    flat.add_edges_from((subject, obj, statement_id(subject, key, obj), flat_edge(data))
                        for subject, obj, key, data in graph.edges(keys=True, data=True))
    return flat
