"""The ontology of the graph: 7 entity types and 12 predicates (see the gold GUIDELINES.md).

Every stage checks triples against this one table, so a predicate's allowed subject and object
types, and whether it is symmetric, are stated once.
"""
from __future__ import annotations

from dataclasses import dataclass

PERSON = "Person"
COMPANY = "Company"
GOVERNMENT_BODY = "GovernmentBody"
ORGANIZATION = "Organization"
PROJECT = "Project"
PLACE = "Place"
EVENT = "Event"
AMOUNT = "Amount"  # the object type of has_value: a money amount, not an entity

ENTITY_TYPES = (PERSON, COMPANY, GOVERNMENT_BODY, ORGANIZATION, PROJECT, PLACE, EVENT)

_PARTIES = frozenset({COMPANY, GOVERNMENT_BODY, ORGANIZATION, PLACE})


@dataclass(frozen=True)
class Predicate:
    """A relation of the ontology with the entity types it may join.

    `symmetric_for` holds the types between which the relation is symmetric: a triple whose
    subject and object both have one of these types reads the same in either direction.
    """

    name: str
    subjects: frozenset[str]
    objects: frozenset[str]
    symmetric_for: frozenset[str] = frozenset()
    description: str = ""

    def allows(self, subject_type: str, object_type: str) -> bool:
        return subject_type in self.subjects and object_type in self.objects

    def is_symmetric(self, subject_type: str, object_type: str) -> bool:
        return subject_type in self.symmetric_for and object_type in self.symmetric_for


def _predicate(name: str, subjects: set[str], objects: set[str], description: str,
               symmetric_for: frozenset[str] = frozenset()) -> tuple[str, Predicate]:
    return name, Predicate(name, frozenset(subjects), frozenset(objects), symmetric_for, description)


PREDICATES: dict[str, Predicate] = dict([
    _predicate("holds_position", {PERSON}, {COMPANY, GOVERNMENT_BODY, ORGANIZATION, PLACE},
               "a person holds a post in an organization, or in the government of a place"),
    _predicate("met_with", {PERSON}, {PERSON, COMPANY, GOVERNMENT_BODY, ORGANIZATION},
               "a person met or held talks with a person or organization",
               symmetric_for=frozenset({PERSON})),
    _predicate("visited", {PERSON, ORGANIZATION}, {COMPANY, ORGANIZATION, GOVERNMENT_BODY, PLACE, PROJECT},
               "a person or delegation visited or inspected a place, body or project"),
    _predicate("attended", {PERSON, COMPANY, ORGANIZATION, GOVERNMENT_BODY}, {EVENT},
               "a party attended a named event"),
    _predicate("signed_agreement_with", set(_PARTIES), set(_PARTIES),
               "two parties signed an agreement or contract", symmetric_for=_PARTIES),
    _predicate("cooperates_with", set(_PARTIES), set(_PARTIES),
               "two parties cooperate, with no signing stated", symmetric_for=_PARTIES),
    _predicate("invests_in", {COMPANY, ORGANIZATION, GOVERNMENT_BODY}, {PROJECT, PLACE, COMPANY},
               "a party invests in a project, place or company"),
    _predicate("develops", {COMPANY, GOVERNMENT_BODY, ORGANIZATION}, {PROJECT},
               "a party builds, operates or develops a project"),
    _predicate("located_in", {PROJECT, COMPANY, ORGANIZATION, GOVERNMENT_BODY, PLACE, EVENT}, {PLACE, PROJECT},
               "something is located in, or held at, a place or a park"),
    _predicate("subsidiary_of", {COMPANY}, {COMPANY}, "a company is a subsidiary of another"),
    _predicate("part_of", {PROJECT, PLACE, GOVERNMENT_BODY, ORGANIZATION},
               {PROJECT, PLACE, GOVERNMENT_BODY, ORGANIZATION}, "something is a part of a larger whole"),
    _predicate("has_value", {PROJECT, EVENT, COMPANY}, {AMOUNT},
               "a project, event or company is measured by a money amount"),
])
