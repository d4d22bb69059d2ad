"""Builds across articles: the extraction cache, incremental and shuffled-order builds equal to a full
build, and articles of our own (tests/data/articles) that share people and companies with the seeds."""
from __future__ import annotations

import random
import shutil
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from test_graph_resolve import article, nodes_named

import extract
from conftest import DATA, SEEDS
from export.build import BuildReport, build
from export.cache import CACHE_FILE, open_cache, source_digest
from graph import load_graph

ARTICLES = DATA / "articles"
OUTPUTS = ("triples.jsonl", "graph.json", "graph.ttl", "graph.html")


def sorted_ntriples(turtle: Path) -> bytes:
    triples = ox.parse(path=str(turtle), format=ox.RdfFormat.TURTLE)
    return b"".join(sorted(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)))


def assert_same_outputs(out: Path, expected: Path) -> None:
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (expected / name).read_bytes(), name


# ---- the cache, without the model ----------------------------------------------------------------

def test_the_cache_returns_an_extraction_for_the_same_bytes_under_any_file_name(tmp_path: Path) -> None:
    first = article("a1", ("Zhang Jifu", "Person", "met_with", "Alex Ju", "Person"))
    renamed = replace(first.article, id="b7", path="new/b7.txt")
    with open_cache(tmp_path / CACHE_FILE, "v1") as cache:
        cache.put(first)
    with open_cache(tmp_path / CACHE_FILE, "v1") as cache:
        hit = cache.get(renamed)
    assert hit is not None
    assert hit.article == renamed
    assert hit.entities == first.entities
    assert [(t.article, t.subject, t.object, t.evidence) for t in hit.triples] == [
        ("b7", "Zhang Jifu", "Alex Ju", "Zhang Jifu met with Alex Ju.")]


def test_another_extractor_version_or_changed_bytes_miss_the_cache(tmp_path: Path) -> None:
    extraction = article("a1", ("Chen Long", "Person", "visited", "Shenzhen", "Place"))
    with open_cache(tmp_path / CACHE_FILE, "v1") as cache:
        cache.put(extraction)
        assert cache.get(replace(extraction.article, sha256="f" * 64)) is None
    with open_cache(tmp_path / CACHE_FILE, "v2") as cache:
        assert cache.get(extraction.article) is None
    with open_cache(tmp_path / CACHE_FILE, "v1") as cache:
        assert cache.get(extraction.article) is None, "entries of other versions are dropped"


def test_no_reuse_ignores_entries_but_refreshes_them(tmp_path: Path) -> None:
    extraction = article("a1", ("Chen Long", "Person", "visited", "Shenzhen", "Place"))
    with open_cache(tmp_path / CACHE_FILE, "v1", reuse=False) as cache:
        cache.put(extraction)
        assert cache.get(extraction.article) is None
    with open_cache(tmp_path / CACHE_FILE, "v1") as cache:
        assert cache.get(extraction.article) == extraction


def test_a_damaged_cache_file_is_replaced_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / CACHE_FILE
    path.parent.mkdir()
    path.write_bytes(b"not a database at all" * 100)
    with open_cache(path, "v1") as cache:
        assert cache.get(article("a1").article) is None
    assert "not a usable extraction cache" in caplog.text
    assert path.with_name(path.name + ".damaged").read_bytes().startswith(b"not a database at all")


def test_any_edit_to_the_extractor_changes_its_version(tmp_path: Path) -> None:
    copy = tmp_path / "extract"
    shutil.copytree(Path(extract.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = source_digest(copy)
    assert source_digest(copy) == before == source_digest(Path(extract.__file__).parent)
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert source_digest(copy) == before, "compiled files do not count"
    pattern = next((copy / "patterns").iterdir())
    pattern.write_text(pattern.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert source_digest(copy) != before


# ---- real builds (model) -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """One build of the seeds and our own articles together."""
    out = tmp_path_factory.mktemp("corpus") / "out"
    return out, build([SEEDS, ARTICLES], out)


@pytest.mark.model
def test_people_and_companies_named_in_several_articles_are_one_node(corpus: tuple[Path, BuildReport]) -> None:
    graph = load_graph(corpus[0])
    for name, articles in [("Zhang Jifu", {"000_86024d371d842b7a", "100_datong_chindata_campus"}),
                           ("Alex Ju", {"000_86024d371d842b7a", "100_datong_chindata_campus"}),
                           ("Chen Long", {"004_60ae0ecac7092d18", "101_jinhua_tencent_talks"}),
                           ("Chindata Group", {"000_86024d371d842b7a", "100_datong_chindata_campus"})]:
        [node] = nodes_named(graph, name)
        assert articles <= set(graph.nodes[node]["articles"]), name
    [zhang] = nodes_named(graph, "Zhang Jifu")
    assert any(graph.nodes[o]["label"] == "Datong Municipal Party Committee" and data.get("role") == "Secretary"
               for _, o, data in graph.out_edges(zhang, data=True))


@pytest.mark.model
def test_people_who_share_a_surname_with_a_seed_person_stay_apart(corpus: tuple[Path, BuildReport]) -> None:
    graph = load_graph(corpus[0])
    [zhang_wei] = nodes_named(graph, "Zhang Wei")
    [chen_hao] = nodes_named(graph, "Chen Hao")
    assert graph.nodes[zhang_wei]["articles"] == ["100_datong_chindata_campus"]
    assert graph.nodes[chen_hao]["articles"] == ["101_jinhua_tencent_talks"]
    assert zhang_wei not in nodes_named(graph, "Zhang Jifu") and chen_hao not in nodes_named(graph, "Chen Long")


@pytest.mark.model
def test_an_incremental_build_extracts_only_new_and_changed_articles_and_equals_a_full_build(
        tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in [*sorted(SEEDS.glob("00[0-2]*.txt")), ARTICLES / "100_datong_chindata_campus.txt"]:
        shutil.copy(path, folder)
    first = build([folder], tmp_path / "out")
    assert (first.extracted, first.cached) == (4, 0)

    shutil.copy(SEEDS / "004_60ae0ecac7092d18.txt", folder)
    shutil.copy(ARTICLES / "101_jinhua_tencent_talks.txt", folder)
    changed = folder / "100_datong_chindata_campus.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAlex Ju visited Datong again in October.\n",
                       encoding="utf-8")
    second = build([folder], tmp_path / "out")
    assert (second.extracted, second.cached) == (3, 3)

    full = build([folder], tmp_path / "full", reuse_cache=False)
    assert (full.extracted, full.cached) == (6, 0)
    assert_same_outputs(tmp_path / "out", tmp_path / "full")
    assert nx.utils.graphs_equal(second.graph, full.graph)


@pytest.mark.model
def test_articles_read_in_another_order_give_the_same_graph(corpus: tuple[Path, BuildReport],
                                                            tmp_path: Path) -> None:
    files = sorted([*SEEDS.glob("*.txt"), *ARTICLES.glob("*.txt")])
    random.Random(11).shuffle(files)
    shuffled = build(files, tmp_path / "out")
    assert shuffled.extracted == len(files)
    assert sorted_ntriples(tmp_path / "out" / "graph.ttl") == sorted_ntriples(corpus[0] / "graph.ttl")
    assert (tmp_path / "out" / "graph.json").read_bytes() == (corpus[0] / "graph.json").read_bytes()
