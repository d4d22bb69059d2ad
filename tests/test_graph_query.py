"""SPARQL over the graph: the ready queries on a hand-made graph (every row known) and on the seeds'
graph (checked against graph.json), prefixes, parameters, errors and result formats."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import Store

from extract.errors import NewsgraphError
from extract.model import Article, Entity, Extraction, Triple
from graph import build_graph, load_graph, rdf_store
from graph.queries import ready_queries, ready_sparql
from graph.query import QueryError, QueryResult, open_store, run_query, undeclared_prefix
from graph.results import cell, render

ZHANG_MEETS_JU = ("On June 3rd, Zhang Jifu, Secretary of the Shanxi Provincial Party Committee, met with "
                  "Alex Ju, founder and CEO of Chindata Group, in Taiyuan.")
CHINDATA_SIGNS = ("Chindata Group signed an agreement with the Datong Municipal People's Government to build "
                  "the Datong Big Data Center in Datong.")
CENTER_VALUE = "The Datong Big Data Center will have a total investment of 5 billion yuan."
MAYOR_ATTENDS = ("Wang Hong, mayor of Datong, and Zhang Jifu, Secretary of the Shanxi Provincial Party "
                 "Committee, attended the signing.")
TENCENT_SIGNS = "Tencent Cloud signed a cooperation agreement with the Datong Municipal People's Government."
ZHANG_MEETS_FIRMS = "Zhang Jifu met with Chindata Group and Tencent Cloud."
FIRMS_SIGN = "Chindata Group and Tencent Cloud signed a framework agreement."

# (sentence, subject, its type, predicate, object, its type, role, event date), article by article
GOVERNMENT = "Datong Municipal People's Government"
FACTS = {
    Article("a1", "a1.txt", "Shanxi secretary meets Chindata founder", "2021-06-03", "1" * 64): [
        (ZHANG_MEETS_JU, "Zhang Jifu", "Person", "holds_position", "Shanxi Provincial Party Committee",
         "GovernmentBody", "Secretary", None),
        (ZHANG_MEETS_JU, "Alex Ju", "Person", "holds_position", "Chindata Group", "Company",
         "founder and CEO", None),
        (ZHANG_MEETS_JU, "Zhang Jifu", "Person", "met_with", "Alex Ju", "Person", None, "2021-06-03"),
        (CHINDATA_SIGNS, "Chindata Group", "Company", "signed_agreement_with", GOVERNMENT, "GovernmentBody",
         None, None),
        (CHINDATA_SIGNS, "Chindata Group", "Company", "develops", "Datong Big Data Center", "Project", None,
         None),
        (CHINDATA_SIGNS, "Datong Big Data Center", "Project", "located_in", "Datong", "Place", None, None),
        (CENTER_VALUE, "Datong Big Data Center", "Project", "has_value", "5 billion yuan", "Amount", None,
         None),
    ],
    Article("b2", "b2.txt", "Datong signs with Tencent Cloud", "2022-01-10", "2" * 64): [
        (MAYOR_ATTENDS, "Wang Hong", "Person", "holds_position", "Datong", "Place", "mayor", None),
        (MAYOR_ATTENDS, "Zhang Jifu", "Person", "holds_position", "Shanxi Provincial Party Committee",
         "GovernmentBody", "Secretary", None),
        (TENCENT_SIGNS, "Tencent Cloud", "Company", "signed_agreement_with", GOVERNMENT, "GovernmentBody",
         None, None),
        (ZHANG_MEETS_FIRMS, "Zhang Jifu", "Person", "met_with", "Chindata Group", "Company", None, None),
        (FIRMS_SIGN, "Chindata Group", "Company", "signed_agreement_with", "Tencent Cloud", "Company", None,
         None),
    ],
}
# Named in the articles without taking part in a triple: places a meeting sentence may name.
MENTIONED = {"a1": [Entity("Taiyuan", "Place"), Entity("Shanxi", "Place"), Entity("Chindata Group", "Company",
                                                                                  ("Chindata",))],
             "b2": []}


def _extraction(article: Article, facts: list[tuple]) -> Extraction:
    text = " ".join(dict.fromkeys(fact[0] for fact in facts))
    triples = tuple(
        Triple(article=article.id, subject=subject, subject_type=s_type, predicate=predicate, object=obj,
               object_type=o_type, role=role, evidence=sentence, start=text.index(sentence),
               end=text.index(sentence) + len(sentence), confidence=0.8, date=article.date,
               event_date=event_date, rule="hand")
        for sentence, subject, s_type, predicate, obj, o_type, role, event_date in facts)
    named = {(t.subject, t.subject_type) for t in triples} | {(t.object, t.object_type) for t in triples
                                                               if t.object_type != "Amount"}
    entities = tuple(MENTIONED[article.id]) + tuple(Entity(name, kind) for name, kind in sorted(named))
    return Extraction(article, entities, triples)


@pytest.fixture(scope="module")
def hand_store() -> Store:
    return rdf_store(build_graph(_extraction(article, facts) for article, facts in FACTS.items()))


@pytest.fixture(scope="module")
def seeds_store(seeds_build: Path) -> Store:
    return open_store(seeds_build)


@pytest.fixture(scope="module")
def seeds_graph(seeds_build: Path) -> nx.MultiDiGraph:
    return load_graph(seeds_build)


def rows(result: QueryResult) -> list[tuple[str, ...]]:
    """SELECT solutions as tuples of the cells a table shows."""
    assert not isinstance(result, bool)
    names = [variable.value for variable in result.variables]  # type: ignore[union-attr]
    return [tuple(cell(solution[name]) for name in names) for solution in result]  # type: ignore[union-attr]


def ready(store: Store, query: str, /, **params: str) -> list[tuple[str, ...]]:
    return rows(run_query(store, ready_sparql(query, params), params=params))


# -- every ready query on the hand-made graph, where every row is known --------------------------

EXPECTED = {
    "officials": [
        ("Wang Hong", "mayor", "Datong", "2022-01-10", "2022-01-10"),
        ("Zhang Jifu", "Secretary", "Shanxi Provincial Party Committee", "2021-06-03", "2022-01-10"),
    ],
    "meetings": [
        ("Alex Ju", "Zhang Jifu", "2021-06-03", "Taiyuan", "a1"),
        ("Zhang Jifu", "Chindata Group", "2022-01-10", "", "b2"),
    ],
    "signings": [
        ("Chindata Group", "Datong Municipal People's Government", "2021-06-03", "a1"),
        ("Tencent Cloud", "Datong Municipal People's Government", "2022-01-10", "b2"),
    ],
    "projects": [
        ("Datong Big Data Center", "Datong", "Chindata Group", "5 billion yuan"),
    ],
    "top-entities": [
        ("Chindata Group", "Company", "2"),
        ("Datong", "Place", "2"),
        ("Datong Municipal People's Government", "GovernmentBody", "2"),
        ("Shanxi Provincial Party Committee", "GovernmentBody", "2"),
        ("Zhang Jifu", "Person", "2"),
        ("Alex Ju", "Person", "1"),
        ("Datong Big Data Center", "Project", "1"),
        ("Shanxi", "Place", "1"),
        ("Taiyuan", "Place", "1"),
        ("Tencent Cloud", "Company", "1"),
        ("Wang Hong", "Person", "1"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_ready_query_gives_every_row_of_the_hand_made_graph(hand_store: Store, name: str) -> None:
    assert ready(hand_store, name) == EXPECTED[name]


def test_entity_query_finds_everything_by_another_name(hand_store: Store) -> None:
    found = ready(hand_store, "entity", name="Chindata")
    assert sorted(found) == sorted([
        ("Chindata", "Chindata Group", "rdf:type", "ng:Company", "", "", ""),
        ("Chindata", "Chindata Group", "skos:altLabel", "Chindata", "", "", ""),
        ("Chindata", "Chindata Group", "ng:mentionedIn", "a1", "", "", ""),
        ("Chindata", "Chindata Group", "ng:mentionedIn", "b2", "", "", ""),
        ("Chindata", "Alex Ju", "ng:holdsPosition", "Chindata Group", "founder and CEO", ZHANG_MEETS_JU,
         "a1"),
        ("Chindata", "Chindata Group", "ng:develops", "Datong Big Data Center", "", CHINDATA_SIGNS, "a1"),
        ("Chindata", "Chindata Group", "ng:signedAgreementWith", GOVERNMENT, "", CHINDATA_SIGNS, "a1"),
        ("Chindata", "Chindata Group", "ng:signedAgreementWith", "Tencent Cloud", "", FIRMS_SIGN, "b2"),
        ("Chindata", "Zhang Jifu", "ng:metWith", "Chindata Group", "", ZHANG_MEETS_FIRMS, "b2"),
    ])


def test_a_parameter_is_a_literal_never_query_text(hand_store: Store) -> None:
    assert ready(hand_store, "entity", name='x" ) } SELECT * WHERE { ?s ?p ?o } #') == []
    assert ready(hand_store, "entity", name="chindata") == [], "names are matched as the graph writes them"


def test_every_ready_query_says_what_it_answers_and_is_run_above() -> None:
    queries = ready_queries()
    assert set(queries) == set(EXPECTED) | {"entity"}
    for query in queries.values():
        assert len(query.description) > 40, query.name
        assert query.sparql.startswith("# "), query.name
    assert queries["entity"].params == {"name": "the entity's name or one of its other names, as written in "
                                                "the graph"}


def test_a_ready_query_wants_exactly_its_parameters() -> None:
    with pytest.raises(QueryError, match=r"needs --param name=VALUE"):
        ready_sparql("entity", {})
    with pytest.raises(QueryError, match=r"has no parameter colour; it takes: none"):
        ready_sparql("officials", {"colour": "red"})
    with pytest.raises(QueryError, match=r"no ready query 'officers'; choose one of: entity, meetings, "):
        ready_sparql("officers", {})


# -- the ready queries on the seeds' graph, checked against graph.json ----------------------------

def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node]["label"])


def _edges(graph: nx.MultiDiGraph, predicate: str) -> list[tuple[str, str, dict]]:
    return [(s, o, data) for s, o, data in graph.edges(data=True) if data["predicate"] == predicate]


def test_seeds_officials_are_the_government_posts_of_the_graph(seeds_store: Store, seeds_graph) -> None:
    found = ready(seeds_store, "officials")
    assert ("Chen Long", "secretary", "Jinhua Municipal Party Committee", "2021-08-09", "2021-08-09") in found
    expected = {(_label(seeds_graph, s), data["role"], _label(seeds_graph, o))
                for s, o, data in _edges(seeds_graph, "holds_position")
                if seeds_graph.nodes[o]["type"] in ("GovernmentBody", "Place")}
    assert {row[:3] for row in found} == expected


def test_seeds_meetings_are_every_meeting_sentence(seeds_store: Store, seeds_graph) -> None:
    found = ready(seeds_store, "meetings")
    assert any({person, met} == {"Zhang Jifu", "Alex Ju"} and article == "000_86024d371d842b7a"
               for person, met, _, _, article in found)
    expected = sorted((_label(seeds_graph, s), _label(seeds_graph, o), source["article"])
                      for s, o, data in _edges(seeds_graph, "met_with") for source in data["sources"])
    assert sorted((person, met, article) for person, met, _, _, article in found) == expected


def test_seeds_signings_are_the_company_government_agreements(seeds_store: Store, seeds_graph) -> None:
    expected = set()
    for s, o, data in _edges(seeds_graph, "signed_agreement_with"):
        kinds = {seeds_graph.nodes[s]["type"]: s, seeds_graph.nodes[o]["type"]: o}
        if set(kinds) == {"Company", "GovernmentBody"}:
            expected |= {(_label(seeds_graph, kinds["Company"]), _label(seeds_graph, kinds["GovernmentBody"]),
                          source["article"]) for source in data["sources"]}
    found = ready(seeds_store, "signings")
    assert {(company, body, article) for company, body, _, article in found} == expected


def test_seeds_projects_have_their_places_developers_and_amounts(seeds_store: Store, seeds_graph) -> None:
    def related(node: str, predicate: str, outgoing: bool) -> set[str]:
        pairs = [(o if outgoing else s) for s, o, data in _edges(seeds_graph, predicate)
                 if (s if outgoing else o) == node]
        return {_label(seeds_graph, other) for other in pairs}

    expected = {(_label(seeds_graph, node), frozenset(related(node, "located_in", True)),
                 frozenset(related(node, "develops", False)), frozenset(related(node, "has_value", True)))
                for node, data in seeds_graph.nodes(data=True) if data["type"] == "Project"}
    found = {(project, *(frozenset(filter(None, value.split("; "))) for value in values))
             for project, *values in ready(seeds_store, "projects")}
    assert "Chindata Capital Rim·Taihang Mountain Energy Information Technology Industrial Campus" in {
        project for project, *_ in found}
    assert found == expected


def test_seeds_top_entities_are_counted_by_article(seeds_store: Store, seeds_graph) -> None:
    found = ready(seeds_store, "top-entities")
    counts = {(data["label"], data["type"]): len(data["articles"]) for _, data in seeds_graph.nodes(data=True)
              if data["type"] != "Amount"}
    assert len(found) == min(25, len(counts))
    assert all(counts[(entity, kind)] == int(articles) for entity, kind, articles in found)
    left_out = set(counts) - {(entity, kind) for entity, kind, _ in found}
    assert min(int(articles) for *_, articles in found) >= max(counts[key] for key in left_out)


def test_seeds_entity_gives_relations_with_their_sentences(seeds_store: Store) -> None:
    found = ready(seeds_store, "entity", name="Chindata Group")
    [position] = [row for row in found if row[1:4] == ("Alex Ju", "ng:holdsPosition", "Chindata Group")]
    assert "Alex Ju, the founder and CEO of Chindata Group" in position[5]
    assert position[6] == "000_86024d371d842b7a"
    assert ("Chindata Group", "Chindata Group", "rdf:type", "ng:Company", "", "", "") in found


# -- prefixes, parameters, errors -----------------------------------------------------------------

def test_project_prefixes_are_declared_and_a_query_may_redeclare_them(hand_store: Store) -> None:
    assert bool(run_query(hand_store, "ASK { person:zhang-jifu ng:metWith ?someone }"))
    assert not bool(run_query(hand_store, "PREFIX ng: <http://example.org/other#> ASK { ?a ng:metWith ?b }"))


@pytest.mark.parametrize(("sparql", "expected"), [
    ("SELECT * WHERE {\n  ?x foo:bar ?y }", ("foo", 2, 6)),
    ("SELECT * WHERE { ?x :bar ?y }", ("", 1, 21)),
    ("PREFIX foo: <http://example.org/> SELECT * WHERE { ?x foo:bar ?y }", None),
    ('SELECT * WHERE { ?x ng:sentence "time: 10:30" ; <http://example.org/a:b> _:b }  # see: here', None),
    ('SELECT * WHERE { ?x ng:sentence """two\nlines: yes""" . ?x bad:one ?z }', ("bad", 2, 20)),
])
def test_undeclared_prefix_is_found_outside_strings_iris_and_comments(sparql: str, expected) -> None:
    assert undeclared_prefix(sparql) == expected


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", "query line 2, column 6: unknown prefix 'foo:'; declare it"),
    ("SELECT ?x WHERE { ?x ?p ?o } LIMIT x", 'query line 1, column 36, after "?o } LIMIT": expected one of'),
    ("SELEC ?x", 'query line 1, column 9, after "SELEC ?x": expected'),
])
def test_a_malformed_query_is_one_line_with_its_position(hand_store: Store, sparql: str,
                                                         message: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(hand_store, sparql)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_a_parameter_the_query_does_not_select_is_an_error(hand_store: Store) -> None:
    with pytest.raises(QueryError, match=r"cannot set who: .*\?who"):
        run_query(hand_store, "SELECT ?x WHERE { ?x rdfs:label ?who }", params={"who": "Wang Hong"})


@pytest.mark.parametrize(("options", "message"), [
    ({"params": {"a name": "x"}}, "not a variable name: 'a name'"),
    ({"default_graphs": ["not an IRI"]}, "not a graph IRI: 'not an IRI'"),
])
def test_a_bad_parameter_name_or_graph_iri_is_one_line(hand_store: Store, options: dict,
                                                       message: str) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(hand_store, "SELECT ?x WHERE { ?x ?p ?o }", **options)


def test_a_graph_is_a_build_folder_an_rdf_file_or_a_graph_json(seeds_build: Path, tmp_path: Path) -> None:
    ask = "ASK { person:chen-long ng:holdsPosition governmentbody:jinhua-municipal-party-committee }"
    for path in (seeds_build, seeds_build / "graph.ttl", seeds_build / "graph.json"):
        assert bool(run_query(open_store(path), ask)), path
    (tmp_path / "graph.ttl").write_text("<a> <b> .", encoding="utf-8")
    (tmp_path / "notes.doc").write_text("not RDF", encoding="utf-8")
    for path, message in [(tmp_path, r"graph.ttl: not valid Turtle: Parser error at line 1 "),
                          (tmp_path / "notes.doc", r"notes.doc: not an RDF file"),
                          (tmp_path / "nowhere", r"nowhere: no such file; give a build folder")]:
        with pytest.raises(NewsgraphError, match=message) as caught:
            open_store(path)
        assert "\n" not in str(caught.value)


# -- result formats -------------------------------------------------------------------------------

def test_table_aligns_columns_and_counts_rows(hand_store: Store) -> None:
    query = "SELECT ?person ?post WHERE { ?p org:heldBy/rdfs:label ?person ; ng:role ?post }"
    result = run_query(hand_store, query)
    assert render(result) == ("person     post\n"
                              "---------  -----\n"
                              "Wang Hong  mayor\n"
                              "(1 row)\n")


def test_ask_prints_true_or_false_and_json_is_sparql_results(hand_store: Store) -> None:
    assert render(run_query(hand_store, "ASK { ?a ng:metWith ?b }")) == "true\n"
    assert json.loads(render(run_query(hand_store, "ASK { ?a ng:attended ?b }"), "json")) == {"head": {},
                                                                                             "boolean": False}


def test_csv_tsv_and_json_are_the_sparql_result_formats(hand_store: Store) -> None:
    query = "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name"
    assert render(run_query(hand_store, query), "csv") == "name\r\nAlex Ju\r\nWang Hong\r\nZhang Jifu\r\n"
    assert render(run_query(hand_store, query), "tsv").splitlines() == ["?name", '"Alex Ju"', '"Wang Hong"',
                                                                        '"Zhang Jifu"']
    bindings = json.loads(render(run_query(hand_store, query), "json"))["results"]["bindings"]
    assert [binding["name"]["value"] for binding in bindings] == ["Alex Ju", "Wang Hong", "Zhang Jifu"]


def test_construct_prints_turtle_with_the_prefixes_it_uses(hand_store: Store) -> None:
    text = render(run_query(hand_store, "CONSTRUCT WHERE { ?a ng:metWith ?b }"), "csv")
    assert text.splitlines() == [
        "@prefix company: <https://newsgraph.example/id/company/> .",
        "@prefix person: <https://newsgraph.example/id/person/> .",
        "@prefix ng: <https://newsgraph.example/ontology#> .",
        "person:alex-ju ng:metWith person:zhang-jifu .",
        "person:zhang-jifu ng:metWith company:chindata-group .",
    ]
