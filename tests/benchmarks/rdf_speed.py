"""Benchmark: building the RDF of a merged graph and writing it as Turtle, Oxigraph against rdflib.

    .venv/bin/python tests/benchmarks/rdf_speed.py                 # ~160k and ~1.6M triples, 3 runs each
    .venv/bin/python tests/benchmarks/rdf_speed.py --articles 1300 --runs 5

For each size it reports the median of the runs for: build_graph (merging synthetic extractions),
to_rdf (pyoxigraph terms bulk-loaded into an Oxigraph store, wrapped for rdflib), Oxigraph's Turtle
writer on that store (format="ox-turtle"), serialize_rdf (Oxigraph's writer fed straight from the
graph, no store: what `newsgraph build` writes), and rdflib's own Turtle writer on the same triples
in rdflib's memory store (loading that store is reported too). rdflib's writer is run
only up to --rdflib-max triples; above that its time is extrapolated linearly from the largest size
it ran on, which is a lower bound (it grows faster than linearly), and marked as such.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from oxrdflib._converter import from_ox
from rdflib import Graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from synthetic import synthetic_extractions

from graph import build_graph, serialize_rdf, to_rdf
from graph.rdf import rdf_quads

# Articles for about 160,000 and 1,600,000 triples (fewer triples an article as entities recur).
DEFAULT_ARTICLES = (1_300, 15_500)


def timed(action: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The median wall time of `runs` calls, and the last call's result."""
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def rdflib_memory_graph(graph: Any) -> Graph:
    """The same triples in rdflib's own memory store, through rdflib terms."""
    rdf = Graph()
    rdf.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), rdf) for q in rdf_quads(graph))
    return rdf


def measure(articles: int, runs: int, rdflib_max: int, rdflib_rate: list[float], folder: Path) -> None:
    extractions = list(synthetic_extractions(articles))
    build_s, graph = timed(lambda: build_graph(extractions), runs)
    to_rdf_s, rdf = timed(lambda: to_rdf(graph), runs)
    triples = len(rdf)
    ox_path, direct_path = folder / "ox.ttl", folder / "direct.ttl"
    ox_s, _ = timed(lambda: rdf.serialize(destination=str(ox_path), format="ox-turtle"), runs)
    direct_s, _ = timed(lambda: serialize_rdf(graph, direct_path), runs)
    print(f"\n{articles:,} articles: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges, "
          f"{triples:,} triples")
    print(f"  build_graph                      {build_s:8.2f} s")
    print(f"  to_rdf (Oxigraph store, bulk)    {to_rdf_s:8.2f} s")
    print(f"  Turtle from the store (ox-turtle){ox_s:8.2f} s   {ox_path.stat().st_size / 1e6:7.1f} MB")
    print(f"  Turtle from the graph, no store  {direct_s:8.2f} s   {direct_path.stat().st_size / 1e6:7.1f} MB"
          "   (serialize_rdf: what newsgraph build writes)")
    if triples <= rdflib_max:
        load_s, plain = timed(lambda: rdflib_memory_graph(graph), 1)
        rdflib_path = folder / "rdflib.ttl"
        rdflib_s, _ = timed(lambda: plain.serialize(destination=str(rdflib_path), format="turtle"), runs)
        rdflib_rate.append(rdflib_s / triples)
        print(f"  (rdflib memory store, load)      {load_s:8.2f} s")
        print(f"  Turtle, rdflib's own writer      {rdflib_s:8.2f} s   {rdflib_path.stat().st_size / 1e6:7.1f} MB"
              f"   {rdflib_s / direct_s:5.0f}x serialize_rdf's time")
    elif rdflib_rate:
        estimate = rdflib_rate[-1] * triples
        print(f"  Turtle, rdflib's own writer    >={estimate:8.0f} s   (not run: extrapolated linearly from the "
              f"smaller size, a lower bound; >={estimate / direct_s:.0f}x serialize_rdf's time)")
    else:
        print("  Turtle, rdflib's own writer          not run (above --rdflib-max)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=DEFAULT_ARTICLES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rdflib-max", type=int, default=400_000,
                        help="largest number of triples to run rdflib's Turtle writer on")
    options = parser.parse_args()
    rdflib_rate: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for articles in sorted(options.articles):
            measure(articles, options.runs, options.rdflib_max, rdflib_rate, Path(folder))


if __name__ == "__main__":
    main()
