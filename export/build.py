"""The main job as one function: articles -> triples.jsonl, the merged graph, and its export files.

The CLI and the notebook both call build(); it streams the articles, so memory holds the graph,
not the corpus.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
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
)
from extract.dumps import AUTO, FieldNames
from extract.errors import printable
from extract.sources import input_kind, read_source
from graph import NO_ALIASES, build_graph, read_aliases
from graph.stories import StoryIndex

from . import exporter
from .atomic import atomic_path
from .cache import CACHE_FILE, ExtractionCache, extractor_version, open_cache
from .outputs import output_set

log = logging.getLogger(__name__)

TRIPLES_FILE = "triples.jsonl"
ARTICLES_FILE = "articles.jsonl"
OWN_TEXT_KINDS = ("txt", "md")  # kinds whose offsets are into the file itself, so whose text is not repeated
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
    kinds: Counter[str] = field(default_factory=Counter)
    skipped_kinds: Counter[str] = field(default_factory=Counter)
    id_clashes: int = 0
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def stories(self) -> int:
        """How many stories the articles tell: syndicated copies of one story count once."""
        return len({info.get("story", article) for article, info in self.graph.graph.get("articles", {}).items()})

    def entities_by_type(self) -> Counter[str]:
        return Counter(data["type"] for _, data in self.graph.nodes(data=True))

    def triples_by_predicate(self) -> Counter[str]:
        return Counter(data["predicate"] for _, _, data in self.graph.edges(data=True))


def read_corpus(sources: Iterable[tuple[Path, str]], report: BuildReport,
                fields: FieldNames = AUTO) -> Iterator[ArticleText]:
    """Read every article of every input file (each file with its id), noting in the report (and the
    log) the articles read and skipped by kind of file, and why each was skipped. An id already given
    to another article of the run gets a suffix ("index~2"), with a warning, so that no two articles
    are ever one."""
    taken: dict[str, Path] = {}
    for path, file_id in sources:
        for item in read_source(path, file_id, fields):
            if isinstance(item, ArticleError):
                log.warning("%s; skipped", item)
                report.skipped.append(str(item))
                report.skipped_kinds[input_kind(path)] += 1
                continue
            unique = _unique(item.article.id, Path(item.article.path), taken, report)
            report.articles += 1
            report.kinds[item.article.kind] += 1
            yield item if unique == item.article.id else replace(item, article=replace(item.article, id=unique))
    if report.id_clashes > LISTED_ID_CLASHES:
        log.warning("%d more articles had an id already taken, and were given one with ~2, ~3, ...",
                    report.id_clashes - LISTED_ID_CLASHES)


LISTED_ID_CLASHES = 10  # articles whose id was taken, warned one by one; the rest in one line


def _unique(article_id: str, path: Path, taken: dict[str, Path], report: BuildReport) -> str:
    unique, number = article_id, 1
    while unique in taken:
        number += 1
        unique = f"{article_id}~{number}"
    if unique != article_id:
        report.id_clashes += 1
        if report.id_clashes <= LISTED_ID_CLASHES:
            log.warning("%s: article id %r is taken by %s; this one is %r", printable(path), article_id,
                        printable(taken[article_id]), unique)
    taken[unique] = path
    return unique


def write_articles(items: Iterable[ArticleText], handle: IO[str]) -> Iterator[ArticleText]:
    """Pass articles through, writing what is known of each as a JSON line on the way, with the text
    its offsets are into where that is not the file itself (an HTML page's main text, a record's)."""
    for item in items:
        record = dataclasses.asdict(item.article)
        if item.article.kind.removesuffix(".gz") not in OWN_TEXT_KINDS:
            record["text"] = item.text
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        yield item


def index_stories(items: Iterable[ArticleText], stories: StoryIndex) -> Iterator[ArticleText]:
    """Pass articles through, adding each one's text (boilerplate blanked) to the index of stories."""
    for item in items:
        stories.add(item.article.id, item.body)
        yield item


def mark_stories(graph: nx.MultiDiGraph, stories: dict[str, str]) -> None:
    """Give each article of the graph its story: the id of the first of its syndicated copies (graph/stories.py)."""
    for article, info in graph.graph.get("articles", {}).items():
        info["story"] = stories.get(article, article)


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
    return NewsgraphError("no article found (articles are text, HTML, dump or gzip files; see --help); "
                          "nothing was written")


def extract_to_file(paths: Iterable[Path], output: Path, *, model: str = DEFAULT_MODEL,
                    fields: FieldNames = AUTO) -> BuildReport:
    """`newsgraph extract`: the triples of every article, as JSON lines in `output`."""
    report = BuildReport()
    started = time.perf_counter()
    files = iter_article_sources(paths)
    nlp = load_nlp(model)
    with atomic_path(output) as temporary, temporary.open("w", encoding="utf-8") as handle:
        for _ in write_triples(extract_articles(read_corpus(files, report, fields), nlp), handle, report):
            pass
        if not report.articles:
            raise _nothing_read(report)
    report.outputs.append(output)
    report.seconds = time.perf_counter() - started
    return report


def build(paths: Iterable[Path], out: Path, *, model: str = DEFAULT_MODEL,
          formats: Iterable[str] = DEFAULT_FORMATS, aliases: Path | None = None,
          reuse_cache: bool = True, fields: FieldNames = AUTO) -> BuildReport:
    """`newsgraph build`: extract, merge and write out/triples.jsonl, out/articles.jsonl and one file
    per format.

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
              outputs.path(TRIPLES_FILE).open("w", encoding="utf-8") as handle,
              outputs.path(ARTICLES_FILE).open("w", encoding="utf-8") as articles):
            stories = StoryIndex()
            items = index_stories(write_articles(read_corpus(files, report, fields), articles), stories)
            extractions = extract_with_cache(items, nlp, cache, report)
            report.graph = build_graph(write_triples(extractions, handle, report), aliases=corrections)
            mark_stories(report.graph, stories.stories())
        if not report.articles:
            raise _nothing_read(report)
        for chosen in exporters:
            chosen.write(report.graph, outputs.path(chosen.filename))
        report.build_id = outputs.build_id
    report.outputs = [out / name for name in outputs.names]
    report.seconds = time.perf_counter() - started
    return report
