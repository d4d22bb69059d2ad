"""Time `newsgraph extract`'s path against the bare spaCy pipeline on the same texts; print the ratio.

    .venv/bin/python tests/benchmarks/extract_speed.py [--copies 60] [--runs 5]

The seeds are repeated to a few hundred articles. Each run times, in turn, (a) the bare pipeline:
spacy.load(model).pipe over the article texts, and (b) the extraction path: reading and cleaning
the files, the pipeline with newsgraph's components, and every rule (extract_articles). The runs are
interleaved so that load from other processes falls on both alike. Both the process's CPU time (which
other processes' load hardly touches) and the wall-clock time are taken; the medians are compared.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import spacy

from extract import DEFAULT_MODEL, extract_articles, iter_article_files, load_nlp, read_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def copy_seeds(folder: Path, copies: int) -> list[Path]:
    """Write `copies` copies of every seed article into `folder`."""
    paths = []
    for seed in sorted(SEEDS.glob("*.txt")):
        data = seed.read_bytes()
        for n in range(copies):
            path = folder / f"{seed.stem}_{n:03d}.txt"
            path.write_bytes(data)
            paths.append(path)
    return paths


def time_bare(nlp: spacy.language.Language, paths: list[Path]) -> tuple[float, float]:
    """CPU and wall seconds of nlp.pipe over the files' texts."""
    cpu, wall = time.process_time(), time.perf_counter()
    texts = (path.read_text(encoding="utf-8") for path in paths)
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.process_time() - cpu, time.perf_counter() - wall


def time_extract(folder: Path) -> tuple[float, float, int]:
    """CPU and wall seconds of extracting every article in the folder, and the triples found."""
    cpu, wall = time.process_time(), time.perf_counter()
    items = (read_article(path) for path in iter_article_files([folder]))
    triples = sum(len(extraction.triples) for extraction in extract_articles(items, load_nlp(DEFAULT_MODEL)))
    return time.process_time() - cpu, time.perf_counter() - wall, triples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=60, help="copies of each seed article")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bare_nlp = spacy.load(DEFAULT_MODEL)
    load_nlp(DEFAULT_MODEL)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = copy_seeds(folder, args.copies)
        words = sum(len(path.read_text(encoding="utf-8").split()) for path in paths)
        bare: list[tuple[float, float]] = []
        extract: list[tuple[float, float]] = []
        for run in range(args.runs):
            bare.append(time_bare(bare_nlp, paths))
            cpu, wall, triples = time_extract(folder)
            extract.append((cpu, wall))
            print(f"run {run + 1}: bare {bare[-1][0]:.2f} s CPU / {bare[-1][1]:.2f} s wall, "
                  f"extract {cpu:.2f} s CPU / {wall:.2f} s wall ({triples} triples)")
    print(f"{len(paths)} articles, {words} words")
    for index, clock in enumerate(("CPU", "wall")):
        bare_median = statistics.median(times[index] for times in bare)
        extract_median = statistics.median(times[index] for times in extract)
        print(f"{clock:>4}: bare nlp.pipe median {bare_median:.2f} s ({words / bare_median:.0f} words/s), "
              f"extract median {extract_median:.2f} s; ratio extract / bare {extract_median / bare_median:.2f}")


if __name__ == "__main__":
    main()
