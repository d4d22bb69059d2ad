"""Time `newsgraph extract`'s path against the bare spaCy pipeline on the same texts; print the ratio.

    .venv/bin/python tests/benchmarks/extract_speed.py [--copies 60] [--runs 5]

The seeds are repeated to a few hundred articles. Each run times, in turn, (a) the bare pipeline:
spacy.load(model).pipe over the article texts, and (b) the extraction path: reading and cleaning
the files, the pipeline with newsgraph's components, and every rule (extract_articles). The runs are
interleaved so that load from other processes falls on both alike; the medians are compared.
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


def time_bare(nlp: spacy.language.Language, paths: list[Path]) -> float:
    started = time.perf_counter()
    texts = (path.read_text(encoding="utf-8") for path in paths)
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def time_extract(folder: Path) -> tuple[float, int]:
    started = time.perf_counter()
    items = (read_article(path) for path in iter_article_files([folder]))
    triples = sum(len(extraction.triples) for extraction in extract_articles(items, load_nlp(DEFAULT_MODEL)))
    return time.perf_counter() - started, triples


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
        bare, extract = [], []
        for run in range(args.runs):
            bare.append(time_bare(bare_nlp, paths))
            seconds, triples = time_extract(folder)
            extract.append(seconds)
            print(f"run {run + 1}: bare {bare[-1]:.2f} s, extract {extract[-1]:.2f} s ({triples} triples)")
    bare_median, extract_median = statistics.median(bare), statistics.median(extract)
    print(f"{len(paths)} articles, {words} words")
    print(f"bare nlp.pipe  median {bare_median:.2f} s ({words / bare_median:.0f} words/s)")
    print(f"extract        median {extract_median:.2f} s ({words / extract_median:.0f} words/s)")
    print(f"ratio extract / bare: {extract_median / bare_median:.2f}")


if __name__ == "__main__":
    main()
