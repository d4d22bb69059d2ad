"""The main job as one function: articles -> triples.jsonl, the merged graph, and its export files.

The CLI and the notebook both call build(); it streams the articles, so memory holds the graph,
not the corpus.
"""
from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

import networkx as nx
from spacy.language import Language

from extract import (
    DEFAULT_MODEL,
    ArticleError,
    ArticleText,
    Extraction,
    NewsgraphError,
    extract_articles,
    iter_article_sources,
    load_nlp,
    read_article,
)
from extract.errors import printable
from graph import NO_ALIASES, build_graph, read_aliases

from . import exporter
from .atomic import atomic_path
from .cache import CACHE_FILE, ExtractionCache, extractor_version, open_cache
from .outputs import output_set

log = logging.getLogger(__name__)

TRIPLES_FILE = "triples.jsonl"
DEFAULT_FORMATS = ("json", "turtle", "html")
CHUNK = 64  # articles read ahead to split between the cache and the parser: bounds the texts held


@dataclass
class BuildReport:
    """What a build read, skipped, found and wrote."""

    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    extracted: int = 0
    build_id: str = ""
    cached: int = 0
    triples: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def entities_by_type(self) -> Counter[str]:
        return Counter(data["type"] for _, data in self.graph.nodes(data=True))

    def triples_by_predicate(self) -> Counter[str]:
        return Counter(data["predicate"] for _, _, data in self.graph.edges(data=True))


def read_corpus(sources: Iterable[tuple[Path, str]], report: BuildReport) -> Iterator[ArticleText]:
    """Read every article file (with its id), noting in the report (and the log) the files skipped,
    and why. An id already given to another file of the run gets a suffix ("index~2"), with a warning,
    so that no two articles are ever one."""
    taken: dict[str, Path] = {}
    for path, article_id in sources:
        try:
            item = read_article(path, _unique(article_id, path, taken))
        except ArticleError as error:
            log.warning("%s; skipped", error)
            report.skipped.append(str(error))
            continue
        report.articles += 1
        yield item


def _unique(article_id: str, path: Path, taken: dict[str, Path]) -> str:
    unique, number = article_id, 1
    while unique in taken:
        number += 1
        unique = f"{article_id}~{number}"
    if unique != article_id:
        log.warning("%s: article id %r is taken by %s; this one is %r", printable(path), article_id,
                    printable(taken[article_id]), unique)
    taken[unique] = path
    return unique


def write_triples(extractions: Iterable[Extraction], handle: IO[str], report: BuildReport) -> Iterator[Extraction]:
    """Pass extractions through, writing each one's triples as JSON lines on the way."""
    for extraction in extractions:
        for triple in extraction.triples:
            handle.write(json.dumps(triple.to_json(), ensure_ascii=False) + "\n")
            report.triples += 1
        yield extraction


def extract_with_cache(items: Iterable[ArticleText], nlp: Language, cache: ExtractionCache,
                       report: BuildReport) -> Iterator[Extraction]:
    """Extractions in reading order: from the cache where an article and the extractor are unchanged,
    from the parser (and into the cache) otherwise. Reads CHUNK articles ahead, no more."""
    items = iter(items)
    while chunk := list(islice(items, CHUNK)):
        hits = [cache.get(item.article) for item in chunk]
        fresh = extract_articles([item for item, hit in zip(chunk, hits) if hit is None], nlp)
        for hit in hits:
            if hit is not None:
                report.cached += 1
                yield hit
                continue
            extraction = next(fresh)
            report.extracted += 1
            cache.put(extraction)
            yield extraction


def _nothing_read(report: BuildReport) -> NewsgraphError:
    if report.skipped:
        return NewsgraphError(f"no article could be read ({len(report.skipped)} skipped); nothing was written")
    return NewsgraphError("no article found (articles are .txt or .md files); nothing was written")


def extract_to_file(paths: Iterable[Path], output: Path, *, model: str = DEFAULT_MODEL) -> BuildReport:
    """`newsgraph extract`: the triples of every article, as JSON lines in `output`."""
    report = BuildReport()
    started = time.perf_counter()
    files = iter_article_sources(paths)
    nlp = load_nlp(model)
    with atomic_path(output) as temporary, temporary.open("w", encoding="utf-8") as handle:
        for _ in write_triples(extract_articles(read_corpus(files, report), nlp), handle, report):
            pass
        if not report.articles:
            raise _nothing_read(report)
    report.outputs.append(output)
    report.seconds = time.perf_counter() - started
    return report


def build(paths: Iterable[Path], out: Path, *, model: str = DEFAULT_MODEL,
          formats: Iterable[str] = DEFAULT_FORMATS, aliases: Path | None = None,
          reuse_cache: bool = True) -> BuildReport:
    """`newsgraph build`: extract, merge and write out/triples.jsonl plus one file per format.

    `aliases` is the user's aliases file (graph/aliases.py). Extractions are kept in out/cache/
    (export/cache.py) and reused while an article and the extractor are unchanged; with
    `reuse_cache=False` every article is extracted again and the cache refreshed. The outputs are
    published together when all are written, or not at all (export/outputs.py).
    """
    exporters = [exporter(name) for name in dict.fromkeys(("json", *formats))]
    corrections = read_aliases(aliases) if aliases is not None else NO_ALIASES
    report = BuildReport()
    started = time.perf_counter()
    files = iter_article_sources(paths)
    nlp = load_nlp(model)
    with output_set(out) as outputs:
        with (open_cache(out / CACHE_FILE, extractor_version(nlp), reuse=reuse_cache) as cache,
              outputs.path(TRIPLES_FILE).open("w", encoding="utf-8") as handle):
            extractions = extract_with_cache(read_corpus(files, report), nlp, cache, report)
            report.graph = build_graph(write_triples(extractions, handle, report), aliases=corrections)
        if not report.articles:
            raise _nothing_read(report)
        for chosen in exporters:
            chosen.write(report.graph, outputs.path(chosen.filename))
        report.build_id = outputs.build_id
    report.outputs = [out / name for name in outputs.names]
    report.seconds = time.perf_counter() - started
    return report
