"""Time `newsgraph extract`'s path against the bare spaCy pipeline on the same texts; print the ratio.

    .venv/bin/python tests/benchmarks/extract_speed.py [--copies 20] [--runs 5] [--chunk 10]

The seeds are repeated to a hundred articles or more. Each run times, chunk by chunk of articles and
in alternating order, (a) the bare pipeline: spacy.load(model).pipe over the files' texts, and (b) the
extraction path: reading and cleaning the files, the pipeline with newsgraph's components and every
rule (read_article + extract_articles). Alternating small chunks lets the load of other processes fall
on both alike. The process's CPU time and the wall-clock time are both taken; the ratio of the sums
is computed per run, and the median over runs is printed.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from extract import DEFAULT_MODEL, extract_articles, load_nlp, read_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def copy_seeds(folder: Path, copies: int) -> list[Path]:
    """Write `copies` copies of every seed article into `folder`."""
    paths = []
    for n in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            path = folder / f"{seed.stem}_{n:03d}.txt"
            path.write_bytes(seed.read_bytes())
            paths.append(path)
    return paths


def clocked(work: Callable[[], object]) -> tuple[float, float]:
    """CPU and wall seconds that `work()` takes."""
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def bare(nlp: spacy.language.Language, paths: list[Path]) -> Callable[[], object]:
    return lambda: list(nlp.pipe((path.read_text(encoding="utf-8") for path in paths), batch_size=16))


def extract(paths: list[Path]) -> Callable[[], object]:
    nlp = load_nlp(DEFAULT_MODEL)
    return lambda: [len(x.triples) for x in extract_articles((read_article(path) for path in paths), nlp)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20, help="copies of each seed article")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chunk", type=int, default=10, help="articles timed at a time")
    args = parser.parse_args()
    bare_nlp = spacy.load(DEFAULT_MODEL)
    with tempfile.TemporaryDirectory() as tmp:
        paths = copy_seeds(Path(tmp), args.copies)
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in paths)
        chunks = [paths[i:i + args.chunk] for i in range(0, len(paths), args.chunk)]
        extract(chunks[0])()
        ratios: dict[str, list[float]] = {"CPU": [], "wall": []}
        speeds: list[float] = []
        for run in range(args.runs):
            totals = {"bare": [0.0, 0.0], "extract": [0.0, 0.0]}
            for number, chunk in enumerate(chunks):
                order = [("bare", bare(bare_nlp, chunk)), ("extract", extract(chunk))]
                for name, work in order if (number + run) % 2 == 0 else reversed(order):
                    cpu, wall = clocked(work)
                    totals[name][0] += cpu
                    totals[name][1] += wall
            for index, clock in enumerate(ratios):
                ratios[clock].append(totals["extract"][index] / totals["bare"][index])
            speeds.append(words / totals["bare"][0])
            print(f"run {run + 1}: bare {totals['bare'][0]:.2f} s CPU / {totals['bare'][1]:.2f} s wall, "
                  f"extract {totals['extract'][0]:.2f} s CPU / {totals['extract'][1]:.2f} s wall")
    print(f"{len(paths)} articles, {words} words; bare pipeline {statistics.median(speeds):.0f} words/s (CPU)")
    for clock, values in ratios.items():
        print(f"ratio extract / bare, {clock:>4} time: median {statistics.median(values):.2f} "
              f"(runs: {', '.join(f'{value:.2f}' for value in values)})")


if __name__ == "__main__":
    main()
