"""How soon the viewer of a 5,000-entity graph is interactive in headless Chromium, opened from disk.

    .venv/bin/python tests/benchmarks/viewer_speed.py [--articles 12500] [--runs 5]

Builds a synthetic graph (13,000 articles give about 5,100 entities), writes its viewer and times
the render; then opens the page from disk in Debian's headless Chromium, in a fresh tab each run,
and measures

  ready        navigation start -> the page's "newsgraph:ready" mark (data parsed, network built,
               first frame drawn; positions are computed beforehand, so nothing moves after it)
  search       typing an entity's name in the search box -> that entity selected, its neighbourhood
               lit and the details panel filled
  interactive  ready + search: from opening the file to the first search answered

and prints each run and the medians. A script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from synthetic import synthetic_extractions

from export import html
from graph import build_graph

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_viewer_browser import start_chromium

MIN_ENTITIES = 5_000


def one_run(driver, page: Path, node: str, name: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds from navigation to ready, and from typing `name` to `node` selected with its panel."""
    driver.switch_to.new_window("tab")
    driver.get(page.as_uri())
    WebDriverWait(driver, 120, poll_frequency=0.05).until(lambda d: d.execute_script(
        "return Boolean(window.newsgraphViewer && window.newsgraphViewer.ready)"))
    ready = driver.execute_script("return performance.getEntriesByName('newsgraph:ready')[0].startTime")
    ready /= 1000  # ms -> s
    started = time.perf_counter()
    driver.find_element(By.ID, "search").send_keys(name)
    WebDriverWait(driver, 60, poll_frequency=0.02).until(lambda d: d.execute_script(
        "const v = window.newsgraphViewer; return v.network.getSelectedNodes()[0] === arguments[0]"
        " && !document.getElementById('panel').hidden", node))
    search = time.perf_counter() - started
    driver.close()
    driver.switch_to.window(driver.window_handles[0])
    return ready, search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=13_000, help="synthetic articles to build from")
    parser.add_argument("--runs", type=int, default=5, help="page loads to take the median of")
    args = parser.parse_args()

    graph = build_graph(synthetic_extractions(args.articles))
    if graph.number_of_nodes() < MIN_ENTITIES:
        sys.exit(f"only {graph.number_of_nodes()} entities from {args.articles} articles; raise --articles")
    started = time.perf_counter()
    text = html.render(graph)
    render = time.perf_counter() - started
    # an entity of middling degree, named only once, so that typing its name selects it
    labels = Counter(label for _, label in graph.nodes(data="label"))
    candidates = sorted((node for node, label in graph.nodes(data="label")
                         if labels[label] == 1 and graph.degree(node) > 2), key=lambda node: (graph.degree(node), node))
    node = candidates[len(candidates) // 2]
    print(f"graph        {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations "
          f"({args.articles:,} synthetic articles)")
    print(f"render       {render:.1f} s in Python; page {len(text.encode()) / 1e6:.1f} MB")

    with tempfile.TemporaryDirectory(prefix="newsgraph-viewer-speed-") as folder:
        page = Path(folder) / "graph.html"
        page.write_text(text, encoding="utf-8")
        driver = start_chromium(str(Path(folder) / "profile"))
        try:
            runs = [one_run(driver, page, node, graph.nodes[node]["label"]) for _ in range(args.runs)]
        finally:
            driver.quit()
    for number, (ready, search) in enumerate(runs, 1):
        print(f"run {number}        ready {ready:.2f} s, search answered {search:.2f} s later")
    ready = statistics.median(r for r, _ in runs)
    search = statistics.median(s for _, s in runs)
    interactive = statistics.median(r + s for r, s in runs)
    print(f"median       ready {ready:.2f} s, search {search:.2f} s, interactive {interactive:.2f} s")


if __name__ == "__main__":
    main()
