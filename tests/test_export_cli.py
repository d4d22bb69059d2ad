"""`newsgraph export` and `newsgraph build --formats`: every format on the command line, and bad input."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from export import EXPORTERS
from export.atomic import write_text
from graph import load_graph


@pytest.mark.parametrize("name", EXPORTERS)
def test_export_writes_each_format_from_a_build(name: str, run_cli, seeds_build: Path,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    output = tmp_path / "exported" / EXPORTERS[name].filename
    result = run_cli("export", seeds_build / "graph.json", "-f", name, "-o", output)
    assert result.exit_code == 0, result.output
    graph = load_graph(seeds_build)
    assert result.output == (f"wrote {output} ({name}: {graph.number_of_nodes()} nodes, "
                             f"{graph.number_of_edges()} edges)\n")
    files = list(output.iterdir()) if output.is_dir() else [output]
    assert files and all(file.stat().st_size > 0 for file in files)
    assert sorted(p.name for p in output.parent.iterdir()) == [output.name], "temporary files left behind"


def test_help_lists_every_format_with_what_it_is(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("export", "--help")
    assert result.exit_code == 0
    for name, chosen in EXPORTERS.items():
        assert f"{name:<9} {chosen.filename:<15} {chosen.description}" in result.output


def test_output_defaults_to_the_format_file_in_the_build_folder(run_cli, seeds_build: Path,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    graph = tmp_path / "build" / "graph.json"
    write_text(graph, (seeds_build / "graph.json").read_text(encoding="utf-8"))
    result = run_cli("export", graph.parent, "-f", "gexf")
    assert result.exit_code == 0, result.output
    assert (graph.parent / "graph.gexf").read_text(encoding="utf-8").startswith("<?xml")


def test_build_writes_the_chosen_formats(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("build", Path(__file__).parents[1] / "seeds" / "004_60ae0ecac7092d18.txt", "-o", tmp_path,
                     "--formats", "neo4j,ftm,jsonld")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "articles.jsonl", "cache", "graph.ftm.json", "graph.json", "graph.jsonld", "neo4j", "triples.jsonl"]
    assert sorted(p.name for p in (tmp_path / "neo4j").iterdir()) == [
        "articles.csv", "entities.csv", "evidence.csv", "quoted_from.csv", "relations.csv"]


def test_bad_input_is_a_one_line_error_and_writes_nothing(run_cli, seeds_build: Path,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    cases = {
        ("-f", "ttl2", "-o", tmp_path / "new" / "g.ttl"): "Error: unknown format 'ttl2'; choose one of: cypher, ftm,",
        ("-f", "turtle", "-o", tmp_path / "a-file" / "g.ttl"): f"Error: {tmp_path / 'a-file'}: cannot create folder",
        ("-f", "turtle", "-o", tmp_path / "a-folder"): f"Error: {tmp_path / 'a-folder'}: is a folder; give another name",
        ("-f", "neo4j", "-o", tmp_path / "a-file"): f"Error: {tmp_path / 'a-file'}: is a file; give another name",
        ("-f", "neo4j", "-o", tmp_path / "mine"): f"Error: {tmp_path / 'mine'}: folder holds other files",
    }
    for arguments, message in cases.items():
        result = run_cli("export", seeds_build, *arguments)
        assert result.exit_code == 2, arguments
        assert result.output.count("\n") == 1 and result.output.startswith(message), result.output
    result = run_cli("export", tmp_path / "nowhere", "-f", "turtle", "-o", tmp_path / "g.ttl")
    assert (result.exit_code, result.output) == (2, f"Error: {tmp_path / 'nowhere'}: no graph here; "
                                                    "run `newsgraph build` first\n")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a-file", "a-folder", "mine", "notes.txt"]
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a folder"


WRITE_ALL = """
import hashlib, sys
from pathlib import Path
from export import EXPORTERS
from graph import load_graph
graph, out = load_graph(Path(sys.argv[1])), Path(sys.argv[2])
for chosen in EXPORTERS.values():
    chosen.write(graph, out / chosen.filename)
for path in sorted(out.rglob("*")):
    if path.is_file():
        print(path.relative_to(out), hashlib.sha1(path.read_bytes()).hexdigest())
"""


def test_every_format_writes_the_same_bytes_in_every_run(seeds_build: Path, tmp_path: Path) -> None:
    """Output must not depend on Python's hash seed (set iteration order), the date or the run."""
    runs = [subprocess.run([sys.executable, "-c", WRITE_ALL, seeds_build, tmp_path / seed], capture_output=True,
                           text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1]
    assert len(runs[0].splitlines()) == len(EXPORTERS) - 1 + 5  # the neo4j folder holds five files
