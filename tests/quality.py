"""Extraction quality on the article sets that have gold: extract each set, score it with score.py.

    python tests/quality.py                    # every set: triple P/R/F1 and entity F1
    python tests/quality.py real --by-predicate --show-errors

The sets: `seeds` (the sample articles in seeds/), `genre` (articles written in the seeds' genre for the
tests), `real` (real news pages as their sites published them, tests/data/real/SOURCES.md). Gold files
follow tests/data/GUIDELINES.md; score.py is the project's scorer (names matched case- and
punctuation-insensitively against every name the gold gives an entity).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score import score


@dataclass(frozen=True)
class ArticleSet:
    """Articles and the folder of their gold files."""

    name: str
    articles: Path
    gold: Path


SETS = {
    "seeds": ArticleSet("seeds", HERE.parent / "seeds", HERE / "data" / "seeds" / "gold"),
    "genre": ArticleSet("genre", HERE / "data" / "genre" / "articles", HERE / "data" / "genre" / "gold"),
    "real": ArticleSet("real", HERE / "data" / "real" / "articles", HERE / "data" / "real" / "gold"),
}


def extract_set(articles: Path, nlp: Any) -> list[dict[str, Any]]:
    """The triples of every article in a folder, as triples.jsonl rows."""
    from extract import extract_articles, iter_article_files, read_article

    files = iter_article_files([articles])
    return [triple.to_json() for extraction in extract_articles(map(read_article, files), nlp)
            for triple in extraction.triples]


def score_triples(gold: Path, triples: list[dict[str, Any]]) -> dict[str, Any]:
    """score.py's result for these triples against a gold folder."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "triples.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in triples), encoding="utf-8")
        return score(gold, path)


def measure(article_set: ArticleSet, nlp: Any) -> dict[str, Any]:
    return score_triples(article_set.gold, extract_set(article_set.articles, nlp))


def _report(name: str, result: dict[str, Any], *, by_predicate: bool, show_errors: bool) -> str:
    lines = []
    if by_predicate:
        lines.append(f"{'predicate':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
        for predicate, r in result["per_predicate"].items():
            lines.append(f"{predicate:<24}{r['precision']:>7.2f}{r['recall']:>7.2f}{r['f1']:>7.2f}"
                         f"{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}")
    if show_errors:
        lines += [f"{kind:>6}  {article}  {key}" for article, kind, key in result["errors"]]
    t, e = result["triples"], result["entities"]
    lines.append(f"{name:<6} {result['articles']:>3} articles  triples P {t['precision']:.3f} R {t['recall']:.3f} "
                 f"F1 {t['f1']:.3f}  entities F1 {e['f1']:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", metavar="SET", help=f"one of {', '.join(SETS)} (default: all)")
    parser.add_argument("--by-predicate", action="store_true", help="precision and recall of each predicate")
    parser.add_argument("--show-errors", action="store_true", help="list missed and extra triples")
    parser.add_argument("--triples", type=Path, help="also write the extracted triples to this JSON lines file")
    args = parser.parse_args()
    from extract import load_nlp

    unknown = [name for name in args.sets if name not in SETS]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    nlp = load_nlp()
    written = []
    for name in args.sets or list(SETS):
        triples = extract_set(SETS[name].articles, nlp)
        written += triples
        print(_report(name, score_triples(SETS[name].gold, triples), by_predicate=args.by_predicate,
                      show_errors=args.show_errors))
    if args.triples:
        args.triples.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in written),
                                encoding="utf-8")


if __name__ == "__main__":
    main()
