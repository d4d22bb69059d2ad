"""`newsgraph query` on the seeds' build: ready queries, output formats and one-line errors."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from rdflib import Graph, URIRef

from graph.queries import ready_queries

Run = Callable[..., Result]
NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
NG = "https://newsgraph.example/ontology#"
ID = "https://newsgraph.example/id/"


def test_list_names_each_ready_query_with_what_it_answers(run_cli: Run) -> None:
    result = run_cli("query", "--list")
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert listed == list(ready_queries())
    assert "officials     Officials and their posts:" in result.output
    assert "--param name=VALUE: the entity's name or one of its other names" in result.output


def test_a_ready_query_as_csv(run_cli: Run, seeds_build: Path) -> None:
    result = run_cli("query", seeds_build, "--name", "officials", "--format", "csv")
    assert result.exit_code == 0, result.output
    found = list(csv.DictReader(io.StringIO(result.output)))
    assert {"person": "Chen Long", "role": "secretary", "organization": "Jinhua Municipal Party Committee",
            "earliest": "2021-08-09", "latest": "2021-08-09"} in found


def test_a_ready_query_as_sparql_json(run_cli: Run, seeds_build: Path) -> None:
    result = run_cli("query", seeds_build, "--name", "meetings", "--format", "json")
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["person", "met", "date", "where", "article"]
    pairs = [{row["person"]["value"], row["met"]["value"]} for row in data["results"]["bindings"]]
    assert {"Zhang Jifu", "Alex Ju"} in pairs


def test_a_query_as_an_aligned_table_and_as_tsv(run_cli: Run, seeds_build: Path) -> None:
    query = 'SELECT ?name ?role { ?p rdfs:label "Chen Long", ?name . ?post org:member ?p ; ng:role ?role }'
    assert run_cli("query", seeds_build, query).output == ("name       role\n"
                                                           "---------  ---------\n"
                                                           "Chen Long  secretary\n"
                                                           "(1 row)\n")
    tsv = run_cli("query", seeds_build, query, "--format", "tsv")
    assert tsv.output.splitlines() == ["?name\t?role", '"Chen Long"\t"secretary"']


def test_ask_prints_true_or_false(run_cli: Run, seeds_build: Path) -> None:
    assert run_cli("query", seeds_build, "ASK { ?x ng:metWith person:zhang-jifu }").output == "true\n"
    assert run_cli("query", seeds_build, "ASK { person:chen-long ng:metWith ?x }").output == "false\n"


def test_construct_prints_turtle(run_cli: Run, seeds_build: Path) -> None:
    result = run_cli("query", seeds_build, "CONSTRUCT WHERE { ?a ng:metWith ?b }")
    assert result.exit_code == 0, result.output
    rdf = Graph().parse(data=result.output, format="turtle")
    meetings = {frozenset((str(s), str(o))) for s, o in rdf.subject_objects(URIRef(NG + "metWith"))}
    assert frozenset((ID + "person/zhang-jifu", ID + "person/alex-ju")) in meetings


def test_describe_prints_the_entity_as_turtle(run_cli: Run, seeds_build: Path) -> None:
    result = run_cli("query", seeds_build / "graph.ttl", "DESCRIBE person:chen-long")
    assert result.output.startswith("@prefix ")
    assert 'rdfs:label "Chen Long"' in result.output


def test_query_from_a_file_with_a_parameter(run_cli: Run, seeds_build: Path, tmp_path: Path) -> None:
    query = tmp_path / "holder.rq"
    query.write_text("SELECT ?name ?organization WHERE {\n"
                     "  ?p rdfs:label ?name ; ng:holdsPosition/rdfs:label ?organization }", encoding="utf-8")
    result = run_cli("query", seeds_build, "--file", query, "--param", "name=Chen Long", "--format", "csv")
    assert result.stdout_bytes == b"name,organization\r\nChen Long,Jinhua Municipal Party Committee\r\n"


def test_entity_needs_its_name(run_cli: Run, seeds_build: Path) -> None:
    result = run_cli("query", seeds_build, "--name", "entity", "--param", "name=Alex Ju", "--format", "csv")
    found = list(csv.DictReader(io.StringIO(result.output)))
    assert {(row["subject"], row["predicate"], row["object"]) for row in found} >= {
        ("Alex Ju", f"{NG}holdsPosition", "Chindata Group"),
        ("Alex Ju", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"{NG}Person")}


@pytest.mark.parametrize(("args", "message"), [
    (["SELECT ?x WHERE {\n  ?x foo:bar ?y }"], "Error: query line 2, column 6: unknown prefix 'foo:'; decl"),
    (["SELECT ?x WHERE { ?x ?p ?o } LIMIT x"], 'Error: query line 1, column 36, after "?o } LIMIT": expect'),
    (["--file", "nope.rq"], "Error: nope.rq: no such query file"),
    (["--name", "entity"], "Error: query 'entity' needs --param name=VALUE (the entity's name or one of"),
    (["--name", "officers"], "Error: no ready query 'officers'; choose one of: entity, meetings, officials"),
    (["--name", "officials", "ASK {}"], "Error: give the query one way: as text after GRAPH, with --file"),
    (["ASK {}", "--param", "nothing"], "Error: --param takes NAME=VALUE, not 'nothing'"),
])
def test_bad_input_is_one_line(run_cli: Run, seeds_build: Path, args: list[str], message: str) -> None:
    result = run_cli("query", seeds_build, *args)
    assert result.exit_code == 2
    assert result.output.startswith(message)
    assert result.output.count("\n") == 1


def test_a_missing_graph_is_one_line(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("query", tmp_path, "ASK {}")
    assert result.exit_code == 2
    assert result.output == (f"Error: {tmp_path / 'graph.ttl'}: no such file; give a build folder (run "
                             "`newsgraph build`) or an RDF file\n")
    assert run_cli("query").output == "Error: give GRAPH: a build folder (such as out) or an RDF file\n"


@pytest.mark.parametrize("clause", ["SERVICE", "SERVICE SILENT", "service silent"])
def test_federated_queries_are_refused_and_connect_nowhere(run_cli: Run, seeds_build: Path, listener,
                                                           tmp_path: Path, clause: str) -> None:
    query = f"SELECT * WHERE {{\n  {clause} <{listener.url}> {{ ?s ?p ?o }}\n}}"
    query_file = tmp_path / "federated.rq"
    query_file.write_text(query, encoding="utf-8")
    for result in (run_cli("query", seeds_build, query), run_cli("query", seeds_build, "--file", query_file)):
        assert result.exit_code == 2
        assert result.output == ("Error: query line 2, column 3: federated queries (SERVICE) are not allowed "
                                 "here; query the graph itself\n")
    assert listener.connections == 0


def test_the_word_service_elsewhere_is_no_federated_query(run_cli: Run, seeds_build: Path) -> None:
    query = 'SELECT ?service WHERE { ?service rdfs:label "SERVICE <http://127.0.0.1/>" } # SERVICE'
    result = run_cli("query", seeds_build, query)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(0 rows)\n")


def test_an_escaped_character_in_a_name_hides_no_federated_query(run_cli: Run, seeds_build: Path,
                                                                 listener) -> None:
    # `ex:a\#b` is one name (a#b): its `#` starts no comment that would hide what follows from the check
    query = (f"PREFIX ex: <http://e/>\nSELECT * WHERE {{ BIND(ex:a\\#b AS ?x) SERVICE SILENT <{listener.url}> "
             "{ ?s ?p ?o } }")
    result = run_cli("query", seeds_build, query)
    assert result.exit_code == 2
    assert result.output == ("Error: query line 2, column 38: federated queries (SERVICE) are not allowed "
                             "here; query the graph itself\n")
    assert listener.connections == 0
    named = run_cli("query", seeds_build, "PREFIX ex: <http://e/>\nASK { ?s ?p ex:a\\#SERVICE }")
    assert (named.exit_code, named.output) == (0, "false\n")


@pytest.mark.parametrize(("query", "column"), [
    ("SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000, 216),
    ("SELECT * WHERE { ?s ?p ?o FILTER (?o<" + "(" * 5000 + "1" + ")" * 5000 + ">0) }", 236),
])
def test_a_deeply_nested_query_is_one_line_not_a_crash(seeds_build: Path, query: str, column: int) -> None:
    # a process of its own, as a user runs it: Oxigraph's parser would end it with a segmentation fault
    done = subprocess.run([str(NEWSGRAPH), "query", str(seeds_build), query], capture_output=True, text=True,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"Error: query line 1, column {column}: nested more than 200 levels deep "
                           "({, ( and [ together); write the query with fewer nested groups\n")


def test_a_query_nested_up_to_the_bound_runs(run_cli: Run, seeds_build: Path) -> None:
    query = "ASK " + "{" * 100 + " ?s ng:metWith ?o FILTER (" + "(" * 98 + "?s != ?o" + ")" * 99 + "}" * 100
    result = run_cli("query", seeds_build, query)
    assert (result.exit_code, result.output) == (0, "true\n")


def test_quoted_triples_nested_deeply_are_refused_before_parsing(run_cli: Run, seeds_build: Path) -> None:
    # Oxigraph takes 6 s to parse 100 levels and minutes for 500: refused before it starts
    deep = "SELECT * WHERE { " + "<< " * 500 + "?s ?p ?o" + " >> ?p ?o" * 500 + " }"
    result = run_cli("query", seeds_build, deep)
    assert result.exit_code == 2
    assert result.output == ("Error: query line 1, column 66: quoted triples (<< >>) nested more than 16 levels "
                             "deep; write the query with fewer\n")
    shallow = "SELECT * WHERE { " + "<< " * 3 + "?s ?p ?o" + " >> ?p ?o" * 3 + " }"
    assert run_cli("query", seeds_build, shallow).exit_code == 0
