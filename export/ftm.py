"""FollowTheMoney entities, one JSON object a line, for Aleph and the OpenSanctions tools.

Every entity is made with followthemoney's own model, which cleans each value for its property
type, so the output is valid by construction. The mapping:

entities       Person, Company, PublicBody (GovernmentBody), Organization, Project, Address (Place),
               Event; names and aliases, and as proof the Article entities of the articles naming them
holds_position Directorship in a Company, Membership in an Organization, and in a GovernmentBody or
               a Place an Occupancy of a Position ("Secretary of Datong Municipal Party Committee")
subsidiary_of  Ownership (the parent owns the subsidiary)
develops, invests_in a Project
               ProjectParticipant
has_value      a Note on what it measures, with the amount as its summary
anything else  UnknownLink, with the relation ("met with") as its role

Every link carries its evidence sentences (description), the dates the sentences give (date) and
its articles (proof). Ids are hashes of newsgraph's own ids (make_id), so rebuilding gives the same ids.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
from followthemoney import EntityProxy, model

from extract.ontology import AMOUNT

from .atomic import write_text

KEY_PREFIX = "newsgraph"

SCHEMATA = {
    "Person": "Person", "Company": "Company", "GovernmentBody": "PublicBody", "Organization": "Organization",
    "Project": "Project", "Place": "Address", "Event": "Event",
}

# (predicate, type of the object) -> (link schema, its property for the subject, for the object)
LINKS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("holds_position", "Company"): ("Directorship", "director", "organization"),
    ("holds_position", "Organization"): ("Membership", "member", "organization"),
    ("holds_position", "GovernmentBody"): ("Occupancy", "holder", "post"),
    ("holds_position", "Place"): ("Occupancy", "holder", "post"),
    ("subsidiary_of", "Company"): ("Ownership", "asset", "owner"),
    ("develops", "Project"): ("ProjectParticipant", "participant", "project"),
    ("invests_in", "Project"): ("ProjectParticipant", "participant", "project"),
}
OTHER_LINK = ("UnknownLink", "subject", "object")


def _entity(schema: str, *key: str, **properties: Any) -> EntityProxy:
    """An entity of `schema` whose id is made from `key`, with the given property values."""
    entity = model.make_entity(schema, key_prefix=KEY_PREFIX)
    entity.make_id(schema, *key)
    for name, values in properties.items():
        entity.add(name, values)
    return entity


def _article(article: str, info: dict[str, Any]) -> EntityProxy:
    return _entity("Article", article, title=info["title"], fileName=info["path"], publishedAt=info.get("date"),
                   sourceUrl=info.get("url"))


def _node(node: str, data: dict[str, Any], articles: dict[str, EntityProxy]) -> EntityProxy:
    schema = SCHEMATA[data["type"]]
    address = {"full": data["label"]} if schema == "Address" else {}
    return _entity(schema, node, name=data["label"], alias=data["aliases"],
                   proof=[articles[article].id for article in data["articles"]], **address)


def _post(role: str, holder: EntityProxy, holder_name: str) -> EntityProxy:
    """The Position held in a government body, or in the government of a place (an Address)."""
    holder_property = "addressEntity" if holder.schema.name == "Address" else "organization"
    return _entity("Position", role, holder.id, name=f"{role} of {holder_name}", **{holder_property: holder.id})


def _evidence(data: dict[str, Any], articles: dict[str, EntityProxy]) -> dict[str, list[str]]:
    """The sentences of an edge and the articles they come from."""
    return {"description": [source["evidence"] for source in data["sources"]],
            "proof": [articles[article].id for article in data["articles"]]}


def _event_dates(data: dict[str, Any]) -> list[str]:
    return sorted({source["event_date"] for source in data["sources"] if source.get("event_date")})


def _link(schema: str, subject: tuple[str, EntityProxy], obj: tuple[str, EntityProxy], key: str,
          **properties: Any) -> EntityProxy:
    """A link entity: `subject` and `obj` are (the link's property, the entity it names)."""
    (subject_property, subject_entity), (object_property, object_entity) = subject, obj
    return _entity(schema, subject_entity.id, key, object_entity.id,
                   **{subject_property: subject_entity.id, object_property: object_entity.id}, **properties)


def _edge_entities(subject: EntityProxy, obj: EntityProxy | None, object_data: dict[str, Any], key: str,
                   data: dict[str, Any], articles: dict[str, EntityProxy]) -> Iterator[EntityProxy]:
    """What one edge becomes: a Note for an amount; otherwise a link, after the Position it occupies."""
    evidence = _evidence(data, articles)
    if object_data["type"] == AMOUNT:
        amount = object_data["label"]
        yield _entity("Note", subject.id, amount, entity=subject.id, summary=amount, **evidence)
        return
    schema, subject_property, object_property = LINKS.get((data["predicate"], object_data["type"]), OTHER_LINK)
    if schema == "Occupancy":
        obj = _post(data["role"], obj, object_data["label"])
        yield obj
    role = {} if schema == "Occupancy" else {"role": data.get("role") or data["predicate"].replace("_", " ")}
    yield _link(schema, (subject_property, subject), (object_property, obj), key, date=_event_dates(data),
                **role, **evidence)


def entities(graph: nx.MultiDiGraph) -> Iterator[EntityProxy]:
    """Every entity: the articles, the graph's entities, then what its edges become (posts held once)."""
    articles = {article: _article(article, info) for article, info in graph.graph.get("articles", {}).items()}
    nodes = {node: _node(node, data, articles) for node, data in graph.nodes(data=True) if data["type"] != AMOUNT}
    from_edges: dict[str, EntityProxy] = {}
    for subject, obj, key, data in graph.edges(keys=True, data=True):
        for entity in _edge_entities(nodes[subject], nodes.get(obj), graph.nodes[obj], key, data, articles):
            from_edges.setdefault(entity.id, entity)
    yield from articles.values()
    yield from nodes.values()
    yield from from_edges.values()


def render(graph: nx.MultiDiGraph) -> str:
    return "".join(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
                   for entity in entities(graph))


def write(graph: nx.MultiDiGraph, path: Path) -> None:
    write_text(path, render(graph))
