"""The CLI end to end on the sample articles, and its answers to bad input."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from rdflib import RDFS, Graph

from conftest import SEEDS

NEWSGRAPH = Path(sys.executable).parent / "newsgraph"


def _triples(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_build_writes_the_three_files(seeds_build: Path) -> None:
    for name in ("triples.jsonl", "graph.ttl", "graph.html", "graph.json"):
        assert (seeds_build / name).stat().st_size > 0, name
    hidden = sorted(p.name for p in seeds_build.iterdir() if p.name.startswith("."))
    assert hidden == [".builds", ".current", ".lock"], "temporary files left behind"
    assert len(list((seeds_build / ".builds").iterdir())) == 1


def test_triples_carry_the_meeting_with_its_evidence(seeds_build: Path) -> None:
    triples = _triples(seeds_build / "triples.jsonl")
    [meeting] = [t for t in triples if t["predicate"] == "met_with"
                 and {t["subject"], t["object"]} == {"Zhang Jifu", "Alex Ju"}]
    assert meeting["article"] == "000_86024d371d842b7a"
    assert meeting["subject_type"] == meeting["object_type"] == "Person"
    assert "met with Alex Ju, the founder and CEO of Chindata Group" in meeting["evidence"]
    text = (SEEDS / "000_86024d371d842b7a.txt").read_text(encoding="utf-8")
    assert text[meeting["start"]:meeting["end"]] == meeting["evidence"]
    assert 0 < meeting["confidence"] <= 1


def test_every_triple_follows_the_contract(seeds_build: Path) -> None:
    fields = {"article", "subject", "subject_type", "predicate", "object", "object_type", "role",
              "evidence", "start", "end", "confidence", "date"}
    for triple in _triples(seeds_build / "triples.jsonl"):
        assert fields <= triple.keys()
        text = (SEEDS / f"{triple['article']}.txt").read_text(encoding="utf-8")
        assert text[triple["start"]:triple["end"]] == triple["evidence"]
        assert (triple["role"] is not None) == (triple["predicate"] == "holds_position")


def test_publication_date_is_attached(seeds_build: Path) -> None:
    dates = {t["article"]: t["date"] for t in _triples(seeds_build / "triples.jsonl")}
    assert dates["004_60ae0ecac7092d18"] == "2021-08-09"


def test_turtle_parses_and_holds_the_graph_entities(seeds_build: Path) -> None:
    rdf = Graph().parse(seeds_build / "graph.ttl", format="turtle")
    labels = {str(label) for label in rdf.objects(None, RDFS.label)}
    graph = json.loads((seeds_build / "graph.json").read_text(encoding="utf-8"))
    assert {"Zhang Jifu", "Alex Ju", "Chindata Group"} <= labels
    assert {node["label"] for node in graph["nodes"]} <= labels


def test_html_holds_the_entity_names(seeds_build: Path) -> None:
    page = (seeds_build / "graph.html").read_text(encoding="utf-8")
    for name in ("Zhang Jifu", "Alex Ju", "Chindata Group", "Chen Long"):
        assert name in page


def test_extract_command_writes_triples_only(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    output = tmp_path / "t.jsonl"
    result = run_cli("extract", SEEDS / "004_60ae0ecac7092d18.txt", "-o", output)
    assert result.exit_code == 0, result.output
    triples = _triples(output)
    assert triples and {t["article"] for t in triples} == {"004_60ae0ecac7092d18"}
    assert list(tmp_path.iterdir()) == [output]
    assert result.output.startswith(f"{len(triples)} triples from 1 article (0 skipped) in ")


def test_a_missing_path_is_one_line_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("build", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {tmp_path / 'nowhere'}: no such file or folder"
    assert not (tmp_path / "out").exists()


def test_unknown_format_and_model_are_one_line_errors(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("build", SEEDS, "-o", tmp_path, "--formats", "ttl2")
    assert result.exit_code == 2 and "unknown format 'ttl2'; choose one of:" in result.output
    result = run_cli("extract", SEEDS, "-o", tmp_path / "t.jsonl", "--model", "en_core_web_xx")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "'en_core_web_xx' is not installed" in result.output
    assert list(tmp_path.iterdir()) == []


def test_bad_articles_are_skipped_with_a_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "004_60ae0ecac7092d18.txt", corpus)
    (corpus / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    result = subprocess.run([NEWSGRAPH, "build", corpus, "-o", tmp_path / "out"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "1 read, 3 skipped" in result.stdout
    assert result.stderr.splitlines() == [
        f"warning: {corpus / 'binary.txt'}: binary file, not text; skipped",
        f"warning: {corpus / 'empty.txt'}: no article text; skipped",
        f"warning: {corpus / 'latin1.txt'}: not UTF-8 text (byte 3); skipped",
    ]
    assert (tmp_path / "out" / "graph.html").exists()


def test_a_file_name_that_is_not_utf8_is_read_like_any_other(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:4]:
        shutil.copy(seed, corpus)
    odd = os.fsencode(corpus) + b"/\xff\xfe news.txt"  # as unzipped Chinese archives name files
    with open(odd, "wb") as handle:
        handle.write(seeds[4].read_bytes())
    out = tmp_path / "out"
    built = subprocess.run([NEWSGRAPH, "build", corpus, "-o", out], capture_output=True, text=True, check=False)
    extracted = subprocess.run([NEWSGRAPH, "extract", corpus, "-o", tmp_path / "t.jsonl"], capture_output=True,
                               text=True, check=False)
    assert (built.returncode, built.stderr) == (0, "")
    assert "5 read, 0 skipped" in built.stdout
    assert (extracted.returncode, extracted.stderr) == (0, "")
    for triples in (out / "triples.jsonl", tmp_path / "t.jsonl"):
        articles = {triple["article"] for triple in _triples(triples)}
        assert articles == {"\\xff\\xfe news", *(seed.stem for seed in seeds[:4])}
    assert json.dumps("\\xff\\xfe news.txt")[1:-1] in (out / "graph.json").read_text(encoding="utf-8")


def test_unwritable_output_is_one_line_error(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    result = run_cli("extract", SEEDS / "002_506a02e770c55c1b.txt", "-o", tmp_path / "a-file" / "t.jsonl")
    assert result.exit_code == 2
    assert result.output.strip().startswith(f"Error: {tmp_path / 'a-file'}: cannot create folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_console_script_is_installed() -> None:
    result = subprocess.run([NEWSGRAPH, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "build" in result.stdout and "extract" in result.stdout
