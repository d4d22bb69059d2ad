"""The RDF of the merged graph: vocabulary, evidence, posts over time, SHACL shapes, stable output."""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from test_graph_resolve import article

from conftest import ROOT
from graph import ONTOLOGY_FILE, SHAPES_FILE, build_graph, rdf_store, serialize_rdf, to_rdf
from graph.rdf import as_rdflib
from graph.vocab import NG, ONTOLOGY_IRI

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX ng: <https://newsgraph.example/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX person: <https://newsgraph.example/id/person/>
PREFIX place: <https://newsgraph.example/id/place/>
PREFIX governmentbody: <https://newsgraph.example/id/governmentbody/>
"""


def chen_long_over_two_years() -> nx.MultiDiGraph:
    """Chen Long: party secretary in 2021 and 2022, mayor of Jinhua in 2023; a meeting reported twice."""
    return build_graph([
        article("a1", ("Chen Long", "Person", "holds_position", "Jinhua Municipal Party Committee", "GovernmentBody",
                       "Secretary"), ("Chen Long", "Person", "met_with", "Dao Feng", "Person"),
                date="2021-08-09", title="Chen Long Visits Shenzhen"),
        article("a2", ("Chen Long", "Person", "holds_position", "the Jinhua Municipal Party Committee",
                       "GovernmentBody", "secretary"), ("Dao Feng", "Person", "met_with", "Chen", "Person"),
                entities=(), date="2022-03-15", title="Chen Long Meets Tencent"),
        article("a3", ("Chen Long", "Person", "holds_position", "Jinhua", "Place", "Mayor"),
                ("Jinhua Data Park", "Project", "has_value", "30 billion yuan", "Amount"),
                date="2023-01-05", title="New Mayor"),
    ])


def sorted_ntriples(rdf: Graph) -> bytes:
    return b"".join(sorted(rdf.serialize(format="ox-ntriples", encoding="utf-8").splitlines(keepends=True)))


def shacl(data: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=Graph().parse(SHAPES_FILE), advanced=True)
    return conforms, text


# ---- the ontology file ---------------------------------------------------------------------------

def test_the_ontology_gives_every_term_a_label_and_a_comment() -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    declared = {str(s) for s in ontology.subjects(RDF.type, None) if str(s).startswith(ONTOLOGY_IRI)} - {ONTOLOGY_IRI}
    assert declared == {str(NG[name]) for name in NG.__annotations__}
    for term in declared:
        assert ontology.value(URIRef(term), RDFS.label), term
        assert len(str(ontology.value(URIRef(term), RDFS.comment) or "")) > 20, term


def test_the_ontology_maps_terms_to_standard_vocabularies() -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    assert (NG.Person, RDFS.subClassOf, URIRef("https://schema.org/Person")) in ontology
    assert (NG.GovernmentBody, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#FormalOrganization")) in ontology
    assert (NG.evidence, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in ontology
    assert (NG.subsidiaryOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/org#subOrganizationOf")) in ontology
    assert (NG.cooperatesWith, RDF.type, OWL.SymmetricProperty) in ontology


def test_every_newsgraph_term_the_rdf_uses_is_declared() -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    rdf = to_rdf(chen_long_over_two_years())
    used = {term for triple in rdf for term in triple if isinstance(term, URIRef)
            and str(term).startswith(ONTOLOGY_IRI)}
    assert used and all((term, RDFS.label, None) in ontology for term in used)


# ---- evidence, posts and time --------------------------------------------------------------------

README_QUERY = re.search(r"```sparql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.DOTALL)


def test_the_readme_evidence_query_returns_each_sentence_with_its_article() -> None:
    assert README_QUERY, "README.md shows the evidence query"
    graph = build_graph([
        article("a1", ("Zhang Jifu", "Person", "met_with", "Alex Ju", "Person"), date="2021-06-03",
                title="Zhang Jifu Meets with Alex Ju"),
        article("a2", ("Alex Ju", "Person", "met_with", "Zhang Jifu", "Person"), date=None, title="Second talks"),
    ])
    rows = to_rdf(graph).query(README_QUERY.group(1))
    assert sorted((str(row.sentence), str(row.title), str(row.date) if row.date else None, str(row.file))
                  for row in rows) == [
        ("Alex Ju met with Zhang Jifu.", "Second talks", None, "articles/a2.txt"),
        ("Zhang Jifu met with Alex Ju.", "Zhang Jifu Meets with Alex Ju", "2021-06-03", "articles/a1.txt")]


def test_a_post_in_a_city_is_an_org_post_in_its_jurisdiction_while_the_edge_keeps_the_place() -> None:
    graph = chen_long_over_two_years()
    assert graph.has_edge("person/chen-long", "place/jinhua", key="holds_position:Mayor")
    rdf = to_rdf(graph)
    assert rdf.query(PREFIXES + """ASK { person:chen-long ng:holdsPosition place:jinhua .
        ?post a org:Post ; org:heldBy person:chen-long ; ng:jurisdiction place:jinhua ;
              org:role/rdfs:label "Mayor" ; ng:asOf "2023-01-05"^^xsd:date }""").askAnswer
    assert not rdf.query(PREFIXES + "ASK { ?m a org:Membership ; org:organization place:jinhua }").askAnswer


def test_a_person_keeps_each_post_with_the_dates_it_was_reported() -> None:
    rows = to_rdf(chen_long_over_two_years()).query(PREFIXES + """
        SELECT ?kind ?holder ?role ?date WHERE {
          ?post org:role/rdfs:label ?role ; ng:asOf ?date ; a ?kind .
          { ?post org:member person:chen-long ; org:organization ?holder }
          UNION { ?post org:heldBy person:chen-long ; ng:jurisdiction ?holder }
          FILTER (?kind IN (org:Membership, org:Post))
        } ORDER BY ?date""")
    assert [(row.kind.split("#")[1], row.holder.split("/")[-1], str(row.role), str(row.date)) for row in rows] == [
        ("Membership", "jinhua-municipal-party-committee", "Secretary", "2021-08-09"),
        ("Membership", "jinhua-municipal-party-committee", "Secretary", "2022-03-15"),
        ("Post", "jinhua", "Mayor", "2023-01-05")]


def test_rdf_and_networkx_hold_the_same_edges_and_evidence() -> None:
    graph = chen_long_over_two_years()
    rdf = to_rdf(graph)
    rows = rdf.query(PREFIXES + """SELECT ?s ?o (COUNT(?evidence) AS ?n) WHERE {
        ?statement a rdf:Statement ; rdf:subject ?s ; rdf:object ?o ; ng:evidence ?evidence } GROUP BY ?s ?o""")
    prefix = "https://newsgraph.example/id/"
    from_rdf = sorted((str(row.s).removeprefix(prefix), str(row.o).removeprefix(prefix), int(row.n)) for row in rows)
    from_networkx = sorted((s, o, len(data["sources"])) for s, o, data in graph.edges(data=True))
    assert from_rdf == from_networkx
    assert len(from_rdf) == 4  # two posts, one meeting (two sentences), one amount
    labels = {str(label) for label in rdf.objects(None, RDFS.label)}
    assert {data["label"] for _, data in graph.nodes(data=True)} <= labels


# ---- SHACL ---------------------------------------------------------------------------------------

def test_a_built_graph_conforms_to_the_shapes() -> None:
    conforms, text = shacl(to_rdf(chen_long_over_two_years()))
    assert conforms, text


@pytest.mark.parametrize(("damage", "message"), [
    ("DELETE { ?statement ng:evidence ?evidence } WHERE { ?statement rdf:predicate ng:metWith ; ng:evidence ?evidence }",
     "has no statement with evidence"),
    ("DELETE { ?entity rdfs:label ?label } WHERE { ?entity rdfs:label ?label ; a ng:Person }", "rdfs:label"),
    ("DELETE { ?entity a ?type } WHERE { ?entity a ?type ; rdfs:label 'Dao Feng' }", "OrConstraintComponent"),
    ("DELETE { ?evidence ng:startOffset ?s } INSERT { ?evidence ng:startOffset 99999 } WHERE { ?evidence ng:startOffset ?s }",
     "ng:endOffset"),
])
def test_the_shapes_catch_a_damaged_graph(damage: str, message: str) -> None:
    store = rdf_store(chen_long_over_two_years())
    store.update(PREFIXES + damage)
    conforms, text = shacl(as_rdflib(store))
    assert not conforms
    assert message in text


@pytest.mark.model
def test_the_seeds_graph_conforms_to_the_shapes(seeds_build: Path) -> None:
    rdf = Graph().parse(seeds_build / "graph.ttl", format="turtle")
    conforms, text = shacl(rdf)
    assert conforms, text
    assert len(set(rdf.subjects(RDF.type, NG.Evidence))) >= 20


# ---- stable output -------------------------------------------------------------------------------

def test_any_reading_order_gives_byte_identical_sorted_ntriples_and_turtle() -> None:
    extractions = [
        article("a1", ("Chen Long", "Person", "holds_position", "Jinhua", "Place", "Mayor"),
                ("Chen", "Person", "visited", "Tencent Co., Ltd.", "Company"), date="2023-01-05"),
        article("a2", ("Dao Feng", "Person", "holds_position", "Tencent", "Company", "vice president"),
                ("Tencent", "Company", "cooperates_with", "Jinhua", "Place"), date="2021-08-09"),
        article("a3", ("Tencent Cloud", "Company", "subsidiary_of", "Tencent", "Company"),
                ("Zhang", "Person", "met_with", "Dao Feng", "Person"), date=None),
    ]
    expected = to_rdf(build_graph(extractions))
    expected_nt, expected_ttl = sorted_ntriples(expected), serialize_rdf(build_graph(extractions))
    rng = random.Random(3)
    for _ in range(4):
        rng.shuffle(extractions)
        graph = build_graph(extractions)
        assert sorted_ntriples(to_rdf(graph)) == expected_nt
        assert serialize_rdf(graph) == expected_ttl


def test_the_turtle_written_straight_from_the_graph_holds_each_triple_of_the_store_once() -> None:
    graph = chen_long_over_two_years()
    lines = serialize_rdf(graph, format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    assert b"".join(sorted(lines)) == sorted_ntriples(to_rdf(graph))
    turtle = serialize_rdf(graph).decode("utf-8")
    subjects = [line.split()[0] for line in turtle.splitlines() if line[:1] not in ("", " ", "\t", "@")]
    assert len(subjects) == len(set(subjects)), "each subject's triples are written together"
    assert "@prefix person: <https://newsgraph.example/id/person/>" in turtle


def test_turtle_is_byte_identical_in_another_process() -> None:
    script = ("import sys; sys.path.insert(0, 'tests'); from test_graph_rdf import chen_long_over_two_years; "
              "from graph import serialize_rdf; sys.stdout.buffer.write(serialize_rdf(chen_long_over_two_years()))")
    other = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, check=True).stdout
    assert other == serialize_rdf(chen_long_over_two_years())


def test_turtle_written_by_oxigraph_reads_back_into_rdflib_unchanged() -> None:
    rdf = to_rdf(chen_long_over_two_years())
    again = Graph().parse(data=serialize_rdf(chen_long_over_two_years()).decode("utf-8"), format="turtle")
    assert len(again) == len(rdf) > 100
    assert sorted_ntriples(again) == sorted_ntriples(rdf)
