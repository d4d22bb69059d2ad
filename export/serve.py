"""`newsgraph serve`: a local, read-only SPARQL 1.1 Protocol endpoint at /sparql, and the viewer at /.

Why a small server of our own (http.server and pyoxigraph) rather than Oxigraph's (`oxigraph
serve-read-only` from PyPI's `oxigraph`): Oxigraph's server serves its own query page at /, checks its
time limit only now and then while a query runs (with `--timeout-s 2`, an ORDER BY over a cross product
ran 78 s) and reports the timeout inside a 200 response cut short, which clients read as broken results.
Here each query runs in a worker process over a read-only on-disk copy of the store: at the time limit
the process is killed, the client gets a 503 that says so, and no core is left busy. Workers fork from
a forkserver that has already imported pyoxigraph, open the store once and answer one query after another,
so a query costs a few milliseconds more than in process (a process of its own per query cost
about 100 ms).

At most `workers` queries run at once, by default more than the machine has cores: slow queries that
keep every core busy still leave a worker for a fast one, which the system's scheduler runs between them.
Up to `queue` more wait their turn, each for at most the time limit; beyond that a query is answered
at once with a 503 that says why and a Retry-After header, rather than left hanging.

The protocol: GET /sparql?query=…, or POST with a form (query=…) or an application/sparql-query body;
default-graph-uri and named-graph-uri set the dataset. Results follow the Accept header: SPARQL JSON,
XML, CSV or TSV for SELECT and ASK; Turtle, N-Triples, RDF/XML or JSON-LD for CONSTRUCT and DESCRIBE
(JSON and Turtle when any will do). Updates (update=…, application/sparql-update) are refused with 403.
Queries may use the project's prefixes without declaring them, as on the command line.
"""
from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from pyoxigraph import QueryResultsFormat, QueryTriples, RdfFormat, Store, serialize

from extract.errors import NewsgraphError
from graph.query import QUERY_PREFIXES, QueryError, graph_source, open_store, run_query

log = logging.getLogger(__name__)

SOLUTION_FORMATS = (QueryResultsFormat.JSON, QueryResultsFormat.XML, QueryResultsFormat.CSV,
                    QueryResultsFormat.TSV)
GRAPH_FORMATS = (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML, RdfFormat.JSON_LD)
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
READ_ONLY = "this SPARQL endpoint is read-only: updates are refused"
VIEWER = "graph.html"
MAX_BODY = 16 * 1024 * 1024
DEFAULT_QUEUE = 16

Format = TypeVar("Format", QueryResultsFormat, RdfFormat)


@dataclass(frozen=True)
class Reply:
    """An HTTP response: status, content type, body and any further headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, status: int, message: str, *, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
        return cls(status, "text/plain; charset=utf-8", f"{message}\n".encode(), headers)


@dataclass(frozen=True)
class QueryRequest:
    """One SPARQL protocol query operation: the query, the client's Accept header and the dataset."""

    query: str
    accept: str = "*/*"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


class Refused(Exception):
    """A request the endpoint answers with an error status, without running anything."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.reply = Reply.text(status, message)


def negotiate(accept: str | None, offered: Sequence[Format]) -> Format | None:
    """The offered format the Accept header prefers: by q-value, then by order; the first one for */*.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_FORMATS).name
    'SPARQL Results in XML'
    """
    ranges = []
    for position, item in enumerate((accept or "*/*").split(",")):
        media, *params = (part.strip().lower() for part in item.split(";"))
        weights = [param[2:] for param in params if param.startswith("q=")]
        try:
            weight = float(weights[0]) if weights else 1.0
        except ValueError:
            weight = 0.0
        if weight > 0:
            ranges.append((-weight, position, media))
    for _, _, media in sorted(ranges):
        for candidate in offered:
            if _covers(media, candidate):
                return candidate
    return None


def _covers(media_range: str, candidate: QueryResultsFormat | RdfFormat) -> bool:
    if media_range in ("*/*", "*"):
        return True
    if media_range.endswith("/*"):
        return candidate.media_type.startswith(media_range[:-1])
    return type(candidate).from_media_type(media_range) == candidate


def query_request(method: str, url_query: str, content_type: str, body: bytes, accept: str) -> QueryRequest:
    """The query operation of a protocol request; Refused where it is an update or malformed."""
    params = parse_qs(url_query, keep_blank_values=True)
    media = content_type.split(";")[0].strip().lower()
    if method == "POST":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from None
        if media == UPDATE_BODY:
            raise Refused(HTTPStatus.FORBIDDEN, READ_ONLY)
        if media == FORM:
            for name, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
        elif media == QUERY_BODY:
            params.setdefault("query", []).append(text)
        else:
            raise Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                          f"send the query as {FORM} (query=...) or {QUERY_BODY}, not {media or 'no type'}")
    if "update" in params:
        raise Refused(HTTPStatus.FORBIDDEN, READ_ONLY)
    if len(params.get("query", [])) != 1:
        raise Refused(HTTPStatus.BAD_REQUEST, "give exactly one query: /sparql?query=SELECT...")
    return QueryRequest(params["query"][0], accept, tuple(params.get("default-graph-uri", ())),
                        tuple(params.get("named-graph-uri", ())))


def answer(store: Store, request: QueryRequest) -> Reply:
    """Run one query and write its result in the format the client prefers."""
    try:
        result = run_query(store, request.query, default_graphs=request.default_graphs,
                           named_graphs=request.named_graphs)
    except QueryError as error:
        return Reply.text(HTTPStatus.BAD_REQUEST, str(error))
    if isinstance(result, QueryTriples):
        graph_format = negotiate(request.accept, GRAPH_FORMATS)
        if graph_format is None:
            return _not_acceptable(GRAPH_FORMATS)
        body = serialize(result, format=graph_format, prefixes=QUERY_PREFIXES) or b""
        return Reply(HTTPStatus.OK, graph_format.media_type, body)
    results_format = negotiate(request.accept, SOLUTION_FORMATS)
    if results_format is None:
        return _not_acceptable(SOLUTION_FORMATS)
    return Reply(HTTPStatus.OK, results_format.media_type, result.serialize(format=results_format) or b"")


def _not_acceptable(offered: Sequence[QueryResultsFormat | RdfFormat]) -> Reply:
    choices = ", ".join(candidate.media_type.split(";")[0] for candidate in offered)
    return Reply.text(HTTPStatus.NOT_ACCEPTABLE, f"this result can be sent as: {choices}")


def default_workers() -> int:
    """How many queries may run at once unless told: two more than the cores this process may use, at
    least 4, so that slow queries keeping every core busy still leave workers for fast ones."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(4, cores + 2)


def _work(location: str, connection: Connection) -> None:
    """A worker process's life: open the store read-only, then answer each query sent down the pipe."""
    store = Store.read_only(location)
    while True:
        try:
            request = connection.recv()
        except EOFError:  # the server is gone
            return
        connection.send(answer(store, request))


@dataclass(frozen=True, eq=False)
class Worker:
    """A worker process and the server's end of its pipe."""

    process: BaseProcess
    connection: Connection


class QueryRunner:
    """Runs queries in worker processes: `workers` at most at once and `queue` more waiting, each query
    stopped at the time limit by killing its worker. Workers start when first needed and are reused."""

    def __init__(self, location: Path, *, time_limit: float, workers: int, queue: int) -> None:
        forkserver = "forkserver" in multiprocessing.get_all_start_methods()
        self.context: ForkServerContext | SpawnContext = (
            multiprocessing.get_context("forkserver") if forkserver else multiprocessing.get_context("spawn"))
        self.context.set_forkserver_preload([__name__])
        self.location = str(location)
        self.time_limit = time_limit
        self.workers = workers
        self.queue = queue
        self.admitted = threading.BoundedSemaphore(workers + queue)
        self.slots = threading.BoundedSemaphore(workers)
        self.lock = threading.Lock()
        self.idle: list[Worker] = []
        self.started: set[Worker] = set()
        self.closed = False

    def run(self, request: QueryRequest) -> Reply:
        """The reply to one query; a 503 at once where `workers` queries run and `queue` more wait."""
        if not self.admitted.acquire(blocking=False):
            return self._busy(f"the endpoint is busy: every worker ({self.workers}) runs a query and the queue "
                              f"({self.queue}) is full")
        try:
            if not self.slots.acquire(timeout=self.time_limit):
                return self._busy(f"no worker came free within {self.time_limit:g} s")
            try:
                return self._run(request)
            finally:
                self.slots.release()
        finally:
            self.admitted.release()

    def close(self) -> None:
        """Stop every worker, idle or busy."""
        with self.lock:
            workers, self.idle, self.closed = list(self.started), [], True
        for worker in workers:
            self._stop(worker)

    def _busy(self, reason: str) -> Reply:
        wait = math.ceil(self.time_limit)  # by then every query now running has ended
        return Reply.text(HTTPStatus.SERVICE_UNAVAILABLE, f"{reason}; try again in {wait} s",
                          headers=(("Retry-After", str(wait)),))

    def _run(self, request: QueryRequest) -> Reply:
        worker = self._take()
        try:
            worker.connection.send(request)
            reply: Reply | None = worker.connection.recv() if worker.connection.poll(self.time_limit) else None
        except (EOFError, OSError):
            self._stop(worker)
            return Reply.text(HTTPStatus.INTERNAL_SERVER_ERROR, "the query's worker ended without an answer")
        if reply is None:
            self._stop(worker)
            self._give_back(self._start())  # in its place, warm by the time the next query comes
            return Reply.text(HTTPStatus.SERVICE_UNAVAILABLE,
                              f"query stopped at the time limit of {self.time_limit:g} s; narrow it down or "
                              "use `newsgraph query`, which has no time limit")
        self._give_back(worker)
        return reply

    def _take(self) -> Worker:
        """An idle worker, else a new one."""
        with self.lock:
            worker = self.idle.pop() if self.idle else None
        if worker is not None and worker.process.is_alive():
            return worker
        if worker is not None:
            self._stop(worker)
        return self._start()

    def _give_back(self, worker: Worker) -> None:
        """Keep a worker for the next query; stop it where the runner is closed."""
        with self.lock:
            if not self.closed:
                self.idle.append(worker)
                return
        self._stop(worker)

    def _start(self) -> Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(target=_work, args=(self.location, theirs), daemon=True)
        process.start()
        theirs.close()
        worker = Worker(process, ours)
        with self.lock:
            self.started.add(worker)
        return worker

    def _stop(self, worker: Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.connection.close()
        with self.lock:
            self.started.discard(worker)


class SparqlHandler(BaseHTTPRequestHandler):
    """Routes / to the viewer and /sparql to the query runner."""

    server_version = "newsgraph"

    def __init__(self, *args: Any, runner: QueryRunner, viewer: Path, **kwargs: Any) -> None:
        self.runner = runner
        self.viewer = viewer
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        url = urlsplit(self.path)
        routes: dict[str, Callable[[str], Reply]] = {"/": self._viewer, "/sparql": self._sparql}
        route = routes.get(url.path)
        try:
            reply = route(url.query) if route else Reply.text(HTTPStatus.NOT_FOUND, "the endpoint is /sparql")
        except Refused as refused:
            reply = refused.reply
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def _viewer(self, _: str) -> Reply:
        if self.command != "GET":
            raise Refused(HTTPStatus.METHOD_NOT_ALLOWED, "the viewer is read with GET")
        if not self.viewer.is_file():
            return Reply.text(HTTPStatus.NOT_FOUND, f"no {VIEWER} beside the graph; the endpoint is /sparql")
        return Reply(HTTPStatus.OK, "text/html; charset=utf-8", self.viewer.read_bytes())

    def _sparql(self, url_query: str) -> Reply:
        request = query_request(self.command, url_query, self.headers.get("Content-Type", ""), self._body(),
                                self.headers.get("Accept", "*/*"))
        return self.runner.run(request)

    def _body(self) -> bytes:
        if self.command != "POST":
            return b""
        length = self.headers.get("Content-Length", "0")
        if not length.isdigit():
            raise Refused(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length with the query")
        if int(length) > MAX_BODY:
            raise Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"a query may be at most {MAX_BODY} bytes")
        return self.rfile.read(int(length))

    def log_message(self, format: str, *args: Any) -> None:
        log.info(format, *args)


def load_store(graph: Path, location: Path) -> None:
    """Load the RDF of a build folder or RDF file into an on-disk store at `location`, then close it."""
    open_store(graph, location=location).flush()


def serve(graph: Path, *, host: str = "127.0.0.1", port: int = 8000, time_limit: float = 10.0,
          workers: int | None = None, queue: int = DEFAULT_QUEUE,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the graph's SPARQL endpoint and viewer until interrupted; `on_ready` gets the base URL.

    At most `workers` queries (default_workers() when None) run at once and `queue` more wait; further
    queries are answered 503 at once.
    """
    viewer = graph_source(graph).parent / VIEWER
    with tempfile.TemporaryDirectory(prefix="newsgraph-serve-") as location:
        load_store(graph, Path(location))
        runner = QueryRunner(Path(location), time_limit=time_limit, workers=default_workers() if workers is None else workers,
                             queue=queue)
        with contextlib.closing(runner):
            _serve(runner, host=host, port=port, viewer=viewer, on_ready=on_ready)


def _serve(runner: QueryRunner, *, host: str, port: int, viewer: Path,
           on_ready: Callable[[str], None] | None) -> None:
    warm_up = runner.run(QueryRequest("ASK {}"))
    if warm_up.status != HTTPStatus.OK:
        raise NewsgraphError(f"the store cannot be queried: {warm_up.body.decode().strip()}")
    try:
        server = ThreadingHTTPServer((host, port), partial(SparqlHandler, runner=runner, viewer=viewer))
    except OSError as error:
        raise NewsgraphError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    with server:
        if on_ready is not None:
            on_ready(f"http://{host}:{server.server_port}")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
