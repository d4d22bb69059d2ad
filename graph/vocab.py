"""The newsgraph vocabulary: one closed namespace, and the maps from ontology names to IRIs.

`NG.holdsPosition` resolves; a typo such as `NG.holdsPositon` raises, because the namespace is closed.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS, DefinedNamespace

ONTOLOGY_IRI = "https://newsgraph.example/ontology#"
RESOURCE_IRI = "https://newsgraph.example/id/"
ID = Namespace(RESOURCE_IRI)
# The ontology (every class and property with its label and comment) and the SHACL shapes that a
# built graph must conform to; both ship inside the package.
ONTOLOGY_FILE = Path(str(resources.files("graph").joinpath("ontology.ttl")))
SHAPES_FILE = Path(str(resources.files("graph").joinpath("shapes.ttl")))


class NG(DefinedNamespace):
    """Classes and properties of the newsgraph ontology (ontology.ttl describes each one)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # entity classes
    Person: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Organization: URIRef
    Project: URIRef
    Place: URIRef
    Event: URIRef
    Amount: URIRef
    # provenance classes
    Statement: URIRef
    Evidence: URIRef
    # relations (the 12 predicates)
    holdsPosition: URIRef
    metWith: URIRef
    visited: URIRef
    attended: URIRef
    signedAgreementWith: URIRef
    cooperatesWith: URIRef
    investsIn: URIRef
    develops: URIRef
    locatedIn: URIRef
    subsidiaryOf: URIRef
    partOf: URIRef
    hasValue: URIRef
    # statement, evidence and article properties
    role: URIRef
    asOf: URIRef
    confidence: URIRef
    evidence: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    eventDate: URIRef
    rule: URIRef
    sourceFile: URIRef
    sha256: URIRef
    mentionedIn: URIRef
    jurisdiction: URIRef


# Each entity type: its newsgraph class and the standard class it specializes.
ENTITY_CLASSES: dict[str, tuple[URIRef, URIRef]] = {
    "Person": (NG.Person, SDO.Person),
    "Company": (NG.Company, SDO.Corporation),
    "GovernmentBody": (NG.GovernmentBody, SDO.GovernmentOrganization),
    "Organization": (NG.Organization, SDO.Organization),
    "Project": (NG.Project, PROV.Entity),
    "Place": (NG.Place, SDO.Place),
    "Event": (NG.Event, SDO.Event),
    "Amount": (NG.Amount, SDO.MonetaryAmount),
}

PREDICATE_IRIS: dict[str, URIRef] = {
    "holds_position": NG.holdsPosition,
    "met_with": NG.metWith,
    "visited": NG.visited,
    "attended": NG.attended,
    "signed_agreement_with": NG.signedAgreementWith,
    "cooperates_with": NG.cooperatesWith,
    "invests_in": NG.investsIn,
    "develops": NG.develops,
    "located_in": NG.locatedIn,
    "subsidiary_of": NG.subsidiaryOf,
    "part_of": NG.partOf,
    "has_value": NG.hasValue,
}

# Resource IRIs are ID + "<kind>/<local name>"; one prefix per kind keeps Turtle readable
# (person:zhang-jifu rather than <https://newsgraph.example/id/person/zhang-jifu>).
RESOURCE_KINDS = ("person", "company", "governmentbody", "organization", "project", "place", "event",
                  "amount", "article", "statement", "evidence", "role")

PREFIXES: dict[str, Namespace] = {
    "ng": Namespace(ONTOLOGY_IRI),
    "schema": Namespace(str(SDO)),
    "org": Namespace(str(ORG)),
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    **{kind: Namespace(f"{RESOURCE_IRI}{kind}/") for kind in RESOURCE_KINDS},
}
