"""`newsgraph serve` as a user runs it: the real command on a free loopback port, queried with SPARQLWrapper
(GET and POST) and urllib; then the protocol's pieces (content negotiation, request parsing) on their own."""
from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat, parse
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from export.serve import GRAPH_FORMATS, SOLUTION_FORMATS, QueryRequest, Refused, negotiate, query_request

NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
TIME_LIMIT = 5  # long enough for a fast query to be answered beside two slow ones on a busy 2-core machine
NG = "https://newsgraph.example/ontology#"
POSTS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX ng: <https://newsgraph.example/ontology#>
SELECT ?person ?role ?body WHERE {
  ?post org:member/rdfs:label ?person ; ng:role ?role ; org:organization/rdfs:label ?body .
  FILTER (?person = "Chen Long")
}"""
CHEN_LONG = {"person": "Chen Long", "role": "secretary", "body": "Jinhua Municipal Party Committee"}
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
STOPPED = f"query stopped at the time limit of {TIME_LIMIT} s"


@dataclass(frozen=True)
class Endpoint:
    url: str
    temporary: Path


@contextlib.contextmanager
def serving(graph: Path, temporary: Path, *options: str) -> Iterator[Endpoint]:
    """`newsgraph serve` on a port the system picks; stopped with SIGTERM, which must leave nothing behind."""
    command = [str(NEWSGRAPH), "serve", str(graph), "--port", "0", "--time-limit", str(TIME_LIMIT), *options]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "TMPDIR": str(temporary)})
    assert server.stdout is not None
    readable, _, _ = select.select([server.stdout], [], [], 120)
    line = server.stdout.readline() if readable else ""
    found = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", line)
    if found is None:
        server.kill()
        pytest.fail(f"the server did not start: {line}{server.communicate()[1]}")
    try:
        yield Endpoint(found[1], temporary)
    finally:
        server.send_signal(signal.SIGTERM)
        output, errors = server.communicate(timeout=60)
    assert server.returncode == 0, errors
    assert output.splitlines()[-1] == "stopped"
    assert list(temporary.iterdir()) == [], "the server left its store behind"


@pytest.fixture(scope="module")
def endpoint(seeds_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    """The endpoint as `newsgraph serve` starts it by default, but for a short time limit."""
    with serving(seeds_build, tmp_path_factory.mktemp("serve-tmp")) as found:
        yield found


def client(endpoint: Endpoint, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint.url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def exchange(url: str, *, data: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, Message, str]:
    """Status, headers and body of one request, error statuses included."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode("utf-8")


def http(url: str, *, data: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Status, content type and body of one request, error statuses included."""
    status, received, body = exchange(url, data=data, headers=headers)
    return status, received["Content-Type"], body


def post(endpoint: Endpoint, query: str) -> tuple[int, str, str]:
    """A query POSTed as an application/sparql-query body."""
    return http(endpoint.url + "/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})


class Race:
    """Queries sent from threads of their own, and the order in which their answers came."""

    def __init__(self) -> None:
        self.finished: list[tuple[str, int, str]] = []
        self.threads: list[threading.Thread] = []

    def send(self, endpoint: Endpoint, name: str, query: str) -> None:
        thread = threading.Thread(target=self._ask, args=(endpoint, name, query))
        thread.start()
        self.threads.append(thread)

    def _ask(self, endpoint: Endpoint, name: str, query: str) -> None:
        status, _, body = post(endpoint, query)
        self.finished.append((name, status, body))

    def wait(self) -> list[tuple[str, int, str]]:
        for thread in self.threads:
            thread.join()
        return self.finished


def _solutions(sparql: SPARQLWrapper) -> list[dict[str, str]]:
    result = sparql.queryAndConvert()
    assert isinstance(result, dict)
    return [{name: value["value"] for name, value in row.items()} for row in result["results"]["bindings"]]


def test_select_over_get_post_form_and_post_body_gives_the_same_rows(endpoint: Endpoint) -> None:
    by_get = client(endpoint, POSTS)
    by_form = client(endpoint, POSTS)
    by_form.setMethod(POST)
    by_body = client(endpoint, POSTS)
    by_body.setMethod(POST)
    by_body.setRequestMethod(POSTDIRECTLY)
    assert _solutions(by_get) == _solutions(by_form) == _solutions(by_body) == [CHEN_LONG]


def test_the_project_prefixes_are_declared_for_endpoint_queries_too(endpoint: Endpoint) -> None:
    result = client(endpoint, "ASK { ?someone ng:metWith person:zhang-jifu }").queryAndConvert()
    assert result == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("fmt", "content_type", "shows"), [
    (XML, "application/sparql-results+xml", "<literal>Chen Long</literal>"),
    (CSV, "text/csv; charset=utf-8", "\r\nChen Long,secretary,Jinhua Municipal Party Committee\r\n"),
    (TSV, "text/tab-separated-values; charset=utf-8", '"Chen Long"\t"secretary"'),
])
def test_select_results_by_content_negotiation(endpoint: Endpoint, fmt: str, content_type: str,
                                               shows: str) -> None:
    response = client(endpoint, POSTS, fmt).query()
    assert response.info()["content-type"] == content_type
    body = response.convert()
    text = body.toxml() if fmt == XML else body.decode("utf-8")  # type: ignore[union-attr]
    assert shows in text


@pytest.mark.parametrize(("fmt", "content_type", "syntax"), [
    (TURTLE, "text/turtle", RdfFormat.TURTLE),
    (RDFXML, "application/rdf+xml", RdfFormat.RDF_XML),
    (JSONLD, "application/ld+json", RdfFormat.JSON_LD),
])
def test_construct_results_by_content_negotiation(endpoint: Endpoint, fmt: str, content_type: str,
                                                  syntax: RdfFormat) -> None:
    response = client(endpoint, "CONSTRUCT WHERE { ?a ng:metWith ?b }", fmt).query()
    assert response.info()["content-type"] == content_type
    # read the body as the format it claims; SPARQLWrapper's own RDF parsing uses a deprecated rdflib class
    triples = parse(response.response.read(), format=syntax)
    pairs = {frozenset((triple.subject.value, triple.object.value)) for triple in triples
             if triple.predicate.value == NG + "metWith"}
    assert frozenset({"https://newsgraph.example/id/person/zhang-jifu",
                      "https://newsgraph.example/id/person/alex-ju"}) in pairs


def test_n_triples_and_an_unacceptable_type(endpoint: Endpoint) -> None:
    query = urlencode({"query": "CONSTRUCT WHERE { ?a ng:metWith ?b }"})
    url = f"{endpoint.url}/sparql?{query}"
    status, content_type, body = http(url, headers={"Accept": "application/n-triples"})
    assert (status, content_type) == (200, "application/n-triples")
    assert ("<https://newsgraph.example/id/person/alex-ju> <https://newsgraph.example/ontology#metWith> "
            "<https://newsgraph.example/id/person/zhang-jifu> .") in body.splitlines()
    status, _, body = http(url, headers={"Accept": "image/png"})
    assert status == 406
    assert body == ("this result can be sent as: text/turtle, application/n-triples, application/rdf+xml, "
                    "application/ld+json\n")


def test_updates_are_refused_however_sent(endpoint: Endpoint) -> None:
    insert = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    sparql = client(endpoint, insert)
    sparql.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        sparql.query()
    assert refused.value.code == 403
    assert refused.value.read() == b"this SPARQL endpoint is read-only: updates are refused\n"
    update_body = http(endpoint.url + "/sparql", data=insert.encode(),
                       headers={"Content-Type": "application/sparql-update"})
    update_param = http(f"{endpoint.url}/sparql?{urlencode({'update': insert})}")
    assert update_body[0] == update_param[0] == 403
    ask = "ASK { <https://example.org/a> ?p ?o }"
    assert client(endpoint, ask).queryAndConvert() == {"head": {}, "boolean": False}


@pytest.mark.parametrize("clause", ["SERVICE", "SERVICE SILENT"])
def test_federated_queries_are_refused_and_connect_nowhere(endpoint: Endpoint, listener, clause: str) -> None:
    query = f"SELECT * WHERE {{ {clause} <{listener.url}> {{ ?s ?p ?o }} }}"
    by_get = http(f"{endpoint.url}/sparql?{urlencode({'query': query})}")
    by_post = http(endpoint.url + "/sparql", data=query.encode(),
                   headers={"Content-Type": "application/sparql-query"})
    refusal = "query line 1, column 18: federated queries (SERVICE) are not allowed here; query the graph itself\n"
    assert by_get == by_post == (400, "text/plain; charset=utf-8", refusal)
    assert listener.connections == 0


def test_a_query_past_the_time_limit_is_stopped(endpoint: Endpoint) -> None:
    status, _, body = http(endpoint.url + "/sparql", data=urlencode({"query": EXPENSIVE}).encode(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 503
    assert body.startswith(STOPPED)
    assert client(endpoint, "ASK {}").queryAndConvert() == {"head": {}, "boolean": True}


def test_a_fast_query_is_answered_while_two_slow_ones_run(endpoint: Endpoint) -> None:
    race = Race()
    race.send(endpoint, "slow", EXPENSIVE)
    race.send(endpoint, "slow", EXPENSIVE)
    time.sleep(0.5)  # both slow queries are running, each for the whole time limit
    race.send(endpoint, "fast", POSTS)
    finished = race.wait()
    assert [(name, status) for name, status, _ in finished] == [("fast", 200), ("slow", 503), ("slow", 503)]
    assert "Chen Long" in finished[0][2]
    assert all(body.startswith(STOPPED) for _, _, body in finished[1:])


def test_past_the_workers_and_the_queue_a_query_is_refused_at_once(seeds_build: Path, tmp_path: Path) -> None:
    with serving(seeds_build, tmp_path, "--workers", "1", "--queue", "0") as endpoint:
        race = Race()
        race.send(endpoint, "slow", EXPENSIVE)
        time.sleep(0.5)  # the slow query holds the only worker
        status, headers, body = exchange(endpoint.url + "/sparql?" + urlencode({"query": "ASK {}"}))
        race.finished.append(("refused", status, body))
        finished = race.wait()
        assert [(name, status) for name, status, _ in finished] == [("refused", 503), ("slow", 503)]
        assert body == (f"the endpoint is busy: every worker (1) runs a query and the queue (0) is full; try "
                        f"again in {TIME_LIMIT} s\n")
        assert headers["Retry-After"] == str(TIME_LIMIT)
        assert finished[1][2].startswith(STOPPED)
        assert post(endpoint, "ASK {}")[0] == 200


def test_a_deeply_nested_query_is_a_400_and_the_endpoint_goes_on(endpoint: Endpoint) -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
    assert post(endpoint, deep) == (400, "text/plain; charset=utf-8",
                                    "query line 1, column 216: nested more than 200 levels deep ({, ( and [ "
                                    "together); write the query with fewer nested groups\n")
    assert client(endpoint, "ASK {}").queryAndConvert() == {"head": {}, "boolean": True}


def test_a_malformed_query_is_a_400_with_its_position(endpoint: Endpoint) -> None:
    with pytest.raises(QueryBadFormed, match=r"query line 1, column 7: unknown prefix 'nope:'"):
        client(endpoint, "ASK { nope:x ?p ?o }").query()


def test_the_viewer_is_at_the_root_and_other_paths_are_not_found(endpoint: Endpoint) -> None:
    status, content_type, body = http(endpoint.url + "/")
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    assert "Chen Long" in body and "vis-network" in body
    assert http(endpoint.url + "/query")[0] == 404


# -- the protocol's pieces on their own -----------------------------------------------------------

@pytest.mark.parametrize(("accept", "expected"), [
    (None, QueryResultsFormat.JSON),
    ("*/*", QueryResultsFormat.JSON),
    ("text/csv;q=0.5, application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/csv;q=0.9, text/tab-separated-values", QueryResultsFormat.TSV),
    ("application/json", QueryResultsFormat.JSON),
    ("text/*", QueryResultsFormat.CSV),
    ("image/png, text/csv;q=0", None),
])
def test_negotiate_solutions(accept: str | None, expected: QueryResultsFormat | None) -> None:
    assert negotiate(accept, SOLUTION_FORMATS) == expected


@pytest.mark.parametrize(("accept", "expected"), [
    (None, RdfFormat.TURTLE),
    ("application/rdf+xml, text/turtle;q=0.8", RdfFormat.RDF_XML),
    ("application/ld+json", RdfFormat.JSON_LD),
    ("application/sparql-results+json", None),
])
def test_negotiate_graphs(accept: str | None, expected: RdfFormat | None) -> None:
    assert negotiate(accept, GRAPH_FORMATS) == expected


def test_query_request_reads_every_protocol_form() -> None:
    expected = QueryRequest("ASK {}", "*/*", ("https://example.org/g",))
    graph = urlencode({"default-graph-uri": "https://example.org/g"})
    form = f"query=ASK+%7B%7D&{graph}"
    assert query_request("GET", form, "", b"", "*/*") == expected
    assert query_request("POST", "", "application/x-www-form-urlencoded", form.encode(), "*/*") == expected
    assert query_request("POST", graph, "application/sparql-query; charset=utf-8", b"ASK {}", "*/*") \
        == expected


@pytest.mark.parametrize(("method", "url_query", "content_type", "body", "status"), [
    ("GET", "", "", b"", 400),
    ("GET", "query=ASK+%7B%7D&query=ASK+%7B%7D", "", b"", 400),
    ("POST", "query=ASK+%7B%7D", "application/sparql-query", b"ASK {}", 400),
    ("POST", "", "text/plain", b"ASK {}", 415),
    ("POST", "", "application/sparql-update", b"CLEAR ALL", 403),
    ("POST", "", "application/x-www-form-urlencoded", b"update=CLEAR+ALL", 403),
])
def test_query_request_refuses_what_is_not_one_query(method: str, url_query: str, content_type: str,
                                                     body: bytes, status: int) -> None:
    with pytest.raises(Refused) as refused:
        query_request(method, url_query, content_type, body, "*/*")
    assert refused.value.reply.status == status
