"""Benchmark: SPARQL on rdflib's own evaluator against Oxigraph's, on a synthetic graph of 1M+ triples.

For each ready query (graph/queries/*.rq) and a count query, times rdflib's pure-Python evaluator on
a plain in-memory rdflib.Graph, pyoxigraph's Store (what `newsgraph query` and `serve` use) and rdflib
over the oxrdflib store (Oxigraph's engine behind rdflib's API); prints the medians and the ratio
rdflib / pyoxigraph per query, and the load times. A row count that differs from pyoxigraph's is
flagged with "!"; an rdflib query still running after --cap seconds is stopped and reported as
"> cap", and one that rdflib cannot evaluate as "fails".

    .venv/bin/python tests/benchmarks/query_speed.py                 # 10,000 articles, 1.06M triples
    .venv/bin/python tests/benchmarks/query_speed.py --articles 500  # a quick look

The synthetic graph is written once as N-Triples (default: in the system's temporary folder) and
read from there on later runs.
"""
from __future__ import annotations

import argparse
import contextlib
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import FrameType

import rdflib
from pyoxigraph import QueryBoolean, RdfFormat, Store
from synthetic import synthetic_extractions  # beside this script, so on sys.path when it runs

from graph import build_graph, serialize_rdf
from graph.queries import ready_queries
from graph.query import QUERY_PREFIXES, run_query

COUNT = ("count", "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }")


class Capped(Exception):
    """An rdflib query stopped at the time cap."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise Capped


@contextmanager
def cap(seconds: float) -> Iterator[None]:
    """Raise Capped in pure-Python code still running after `seconds` (rdflib's evaluator is pure Python)."""
    signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def synthetic_file(articles: int, folder: Path) -> Path:
    """The N-Triples of `articles` synthetic articles, written once."""
    path = folder / f"newsgraph-synthetic-{articles}.nt"
    if not path.exists():
        started = time.perf_counter()
        graph = build_graph(synthetic_extractions(articles))
        partial = path.with_suffix(".part")
        serialize_rdf(graph, partial, format=RdfFormat.N_TRIPLES)
        partial.rename(path)
        print(f"wrote {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


Engine = Callable[[str, dict[str, str]], int]  # runs a query with its parameters; returns its row count


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def oxigraph_engine(store: Store) -> Engine:
    """What `newsgraph query` does: pyoxigraph's Store, through graph.query.run_query."""
    def run(sparql: str, params: dict[str, str]) -> int:
        result = run_query(store, sparql, params=params)
        return 1 if isinstance(result, QueryBoolean) else sum(1 for _ in result)
    return run


def rdflib_engine(rdf: rdflib.Graph) -> Engine:
    """rdflib's Graph.query: its own evaluator on a plain Graph, Oxigraph's on an oxrdflib Graph."""
    def run(sparql: str, params: dict[str, str]) -> int:
        bindings = {name: rdflib.Literal(value) for name, value in params.items()}
        result = rdf.query(sparql, initNs=QUERY_PREFIXES, initBindings=bindings)
        return 1 if result.type == "ASK" else sum(1 for _ in result)
    return run


def median_time(action: Callable[[], int], runs: int, *,
                cap_seconds: float | None = None) -> tuple[float, int]:
    """The median time of `runs` runs and the rows of the last; runs after one that took over a
    third of the cap are skipped, and a run past the cap raises Capped."""
    times, rows = [], 0
    for _ in range(runs):
        with cap(cap_seconds) if cap_seconds else contextlib.nullcontext():
            seconds, rows = timed(action)  # type: ignore[assignment]
        times.append(seconds)
        if cap_seconds and seconds > cap_seconds / 3:
            break
    return statistics.median(times), rows


def compare(name: str, sparql: str, params: dict[str, str], engines: dict[str, Engine],
            options: argparse.Namespace) -> str:
    """One table row: the query timed on each engine, rdflib's evaluator capped."""
    ox_time, ox_rows = median_time(partial(engines["pyoxigraph"], sparql, params), options.runs)
    over_time, over_rows = median_time(partial(engines["oxrdflib"], sparql, params), options.runs)
    try:
        rdflib_time, rdflib_rows = median_time(partial(engines["rdflib"], sparql, params), options.runs,
                                               cap_seconds=options.cap)
        rdflib_cell, ratio = f"{rdflib_time:.2f}", f"{rdflib_time / ox_time:.0f}x"
        if rdflib_rows != ox_rows:
            rdflib_cell += f" ({rdflib_rows:,} rows!)"
    except Capped:
        rdflib_cell, ratio = f"> {options.cap:g}", f"> {options.cap / ox_time:.0f}x"
    except Exception as error:  # noqa: BLE001 - rdflib's evaluator fails on some valid queries: say how, and go on
        rdflib_cell, ratio = f"fails: {type(error).__name__}", "-"
    over_cell = f"{over_time:.3f}" + ("" if over_rows == ox_rows else f" ({over_rows:,} rows!)")
    return f"| {name} | {ox_rows:,} | {rdflib_cell} | {ox_time:.3f} | {ratio} | {over_cell} |"


def load(data: Path) -> tuple[dict[str, Engine], Store]:
    """The three engines over the synthetic graph, with their load times printed."""
    store = Store()
    ox_load, _ = timed(lambda: store.bulk_load(path=data, format=RdfFormat.N_TRIPLES))
    plain, over = rdflib.Graph(), rdflib.Graph(store="Oxigraph")
    rdflib_load, _ = timed(lambda: plain.parse(data, format="nt"))
    over_load, _ = timed(lambda: over.parse(data, format="ox-nt"))
    print(f"load: pyoxigraph Store {ox_load:.1f} s, rdflib Graph {rdflib_load:.1f} s "
          f"({rdflib_load / ox_load:.0f}x), rdflib over oxrdflib {over_load:.1f} s")
    return {"pyoxigraph": oxigraph_engine(store), "rdflib": rdflib_engine(plain),
            "oxrdflib": rdflib_engine(over)}, store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000,
                        help="synthetic articles (10,000 give 1.06M triples)")
    parser.add_argument("--runs", type=int, default=3, help="runs per query and engine; the median is shown")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds before an rdflib query is stopped")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()),
                        help="where the synthetic N-Triples file is kept")
    options = parser.parse_args()
    data = synthetic_file(options.articles, options.folder)
    engines, store = load(data)
    print(f"triples: {len(store):,} from {options.articles:,} synthetic articles ({data})\n")
    [top] = run_query(store, "SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name ; ng:mentionedIn ?a } "
                             "GROUP BY ?p ?name ORDER BY DESC(COUNT(?a)) LIMIT 1")  # type: ignore[misc]
    print("| query | rows | rdflib (s) | pyoxigraph (s) | rdflib / pyoxigraph | rdflib over oxrdflib (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, query in ready_queries().items():
        params = {param: top["name"].value for param in query.params}  # entity: the most named person
        print(compare(name, query.sparql, params, engines, options), flush=True)
    print(compare(*COUNT, {}, engines, options), flush=True)


if __name__ == "__main__":
    main()
