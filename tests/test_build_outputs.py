"""A build's outputs appear together or not at all: killed builds, full disks, damaged caches, two
builds at once and empty input leave the previous output set whole (export/outputs.py, export/cache.py)."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from export.cache import CACHE_FILE
from export.cli import cli
from export.outputs import BUILDS, CURRENT, LOCK, MANIFEST, current_build

NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
FORMATS = "json,turtle,html,graphml,neo4j"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

pytestmark = pytest.mark.model


def newsgraph(*args: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own (to kill it, or to run it on a small disk)."""
    return subprocess.run([str(NEWSGRAPH), *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=timeout)


def run(*args: object) -> subprocess.CompletedProcess[str]:
    """The CLI in this process (the model loaded once): its exit status and what it printed."""
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def output_set_id(out: Path) -> str:
    """The id of the build `out` shows, after checking every output against that build's manifest."""
    folder = current_build(out)
    assert folder is not None, f"{out}: no build"
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    for name in manifest["outputs"]:
        assert (out / name).resolve() == (folder / name).resolve(), f"{name} is not from {manifest['build']}"
    for name, expected in manifest["files"].items():
        assert digest(folder / name) == expected["sha256"], f"{name} changed after build {manifest['build']}"
    return str(manifest["build"])


def contents(out: Path) -> dict[str, str]:
    """Every output file's digest, by its path under `out` (links followed)."""
    folder = current_build(out)
    assert folder is not None
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return {name: expected["sha256"] for name, expected in manifest["files"].items()}


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two inputs: one seed, and three."""
    folder = tmp_path_factory.mktemp("sources")
    for name, seeds in (("one", SEED_FILES[:1]), ("three", SEED_FILES[:3])):
        (folder / name).mkdir()
        for seed in seeds:
            shutil.copy(seed, folder / name)
    return {"one": folder / "one", "three": folder / "three"}


@pytest.fixture(scope="module")
def clean(sources: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """The digests of each file of a clean build of each input."""
    folder = tmp_path_factory.mktemp("clean")
    for name, source in sources.items():
        assert run("build", source, "-o", folder / name, "--formats", FORMATS).returncode == 0
    return {name: contents(folder / name) for name in sources}


def test_a_build_publishes_one_set_and_removes_what_it_replaced(tmp_path: Path, sources: dict[str, Path]) -> None:
    out = tmp_path / "out"
    assert run("build", sources["one"], "-o", out, "--formats", FORMATS).returncode == 0
    first = output_set_id(out)
    assert (out / "graph.graphml").exists() and (out / "neo4j" / "entities.csv").exists()
    assert run("build", sources["one"], "-o", out).returncode == 0
    second = output_set_id(out)
    assert second != first
    assert [p.name for p in (out / BUILDS).iterdir()] == [second], "the replaced build is removed"
    assert not (out / "graph.graphml").exists() and not (out / "graph.graphml").is_symlink(), \
        "a format the new build did not write is not left from the old one"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".builds", ".current", ".lock", "articles.jsonl", "cache", "graph.html", "graph.json", "graph.ttl",
         "triples.jsonl"])


def test_the_next_build_removes_what_killed_builds_left(tmp_path: Path, sources: dict[str, Path]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = 2 ** 22 + 7  # above Linux's default pid_max: no live process has it
    (out / f".graph.ttl.{dead}.tmp").write_text("half", encoding="utf-8")
    (out / f".neo4j.{dead}.tmp").mkdir()
    (out / BUILDS / "20200101T000000Z-abcdef").mkdir(parents=True)
    (out / "graph.json").write_text("{}", encoding="utf-8")  # a file from before output sets
    assert run("build", sources["one"], "-o", out).returncode == 0
    build_id = output_set_id(out)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [".builds", ".current", ".lock", "articles.jsonl", "cache", "graph.html", "graph.json", "graph.ttl",
         "triples.jsonl"])
    assert [p.name for p in (out / BUILDS).iterdir()] == [build_id]


def test_a_killed_build_leaves_the_previous_set_whole_and_the_next_build_equals_a_clean_one(
        tmp_path: Path, sources: dict[str, Path], clean: dict[str, dict[str, str]]) -> None:
    """Builds of three seeds killed (SIGKILL) at random moments of their second half, over a set built
    from one seed: what `out` shows is always one whole build, never a mix."""
    out = tmp_path / "out"
    assert newsgraph("build", sources["one"], "-o", out, "--formats", FORMATS).returncode == 0
    assert contents(out) == clean["one"]
    started = time.perf_counter()
    assert newsgraph("build", sources["three"], "-o", tmp_path / "timing", "--formats", FORMATS,
                     "--no-cache").returncode == 0
    duration = time.perf_counter() - started
    outcomes = []
    for moment in sorted(random.Random(13).uniform(0.5, 1.05) for _ in range(4)):
        process = subprocess.Popen([str(NEWSGRAPH), "build", str(sources["three"]), "-o", str(out), "--formats",
                                    FORMATS, "--no-cache"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * moment)
        process.kill()
        process.wait()
        output_set_id(out)
        shown = contents(out)
        assert shown in (clean["one"], clean["three"]), "a mix of two builds"
        outcomes.append("one" if shown == clean["one"] else "three")
        if shown == clean["three"]:  # the build ended before the kill: start again from the small set
            assert run("build", sources["one"], "-o", out, "--formats", FORMATS).returncode == 0
    print("kill moments gave:", outcomes)
    assert "one" in outcomes, "no kill fell inside a build"
    assert run("build", sources["three"], "-o", out, "--formats", FORMATS).returncode == 0
    assert contents(out) == clean["three"]
    assert len(list((out / BUILDS).iterdir())) == 1


def test_a_second_build_into_the_same_folder_is_refused_while_one_runs(tmp_path: Path,
                                                                       sources: dict[str, Path]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with open(out / LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        error = one_line_error(run("build", sources["one"], "-o", out))
    assert "another build is writing to this folder" in error
    assert not (out / CURRENT).exists()


def test_no_article_found_is_an_error_and_keeps_the_previous_outputs(tmp_path: Path,
                                                                     sources: dict[str, Path]) -> None:
    out = tmp_path / "out"
    assert run("build", sources["one"], "-o", out).returncode == 0
    before = output_set_id(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.dat").write_text("a,b\n", encoding="utf-8")
    assert "no article found" in one_line_error(run("build", empty, "-o", out))
    assert output_set_id(out) == before
    assert "no article found" in one_line_error(run("extract", empty, "-o", tmp_path / "t.jsonl"))
    assert not (tmp_path / "t.jsonl").exists()


# ---- the extraction cache ---------------------------------------------------------------------------

DAMAGED_ENTRIES = (b"{not json", b"\xff\xfe bytes that are not UTF-8", b'{"entities": 3}')


def test_damaged_cache_entries_are_extracted_again(tmp_path: Path, sources: dict[str, Path],
                                                   clean: dict[str, dict[str, str]],
                                                   caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    assert run("build", sources["three"], "-o", out, "--formats", FORMATS).returncode == 0
    with sqlite3.connect(out / CACHE_FILE) as connection:
        rows = [rowid for (rowid,) in connection.execute("SELECT rowid FROM extractions ORDER BY sha256")]
        for rowid, value in zip(rows, DAMAGED_ENTRIES, strict=True):
            connection.execute("UPDATE extractions SET extraction = ? WHERE rowid = ?", (value, rowid))
    warnings = []
    for _ in range(2):  # the damaged entries are dropped and written again: the next build is clean
        caplog.clear()
        assert run("build", sources["three"], "-o", out, "--formats", FORMATS).returncode == 0
        assert contents(out) == clean["three"]
        warnings.append([record.getMessage() for record in caplog.records])
    assert len(warnings[0]) == 3 and all("damaged cache entry" in warning for warning in warnings[0]), warnings
    assert warnings[1] == []


@pytest.mark.parametrize("damage", ["garbage", "folder", "truncated"])
def test_an_unusable_cache_is_set_aside_and_rebuilt(tmp_path: Path, damage: str, sources: dict[str, Path],
                                                    clean: dict[str, dict[str, str]],
                                                    caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    assert run("build", sources["three"], "-o", out, "--formats", FORMATS).returncode == 0
    cache = out / CACHE_FILE
    if damage == "garbage":
        cache.write_bytes(random.Random(7).randbytes(8192))
    elif damage == "folder":
        cache.unlink()
        cache.mkdir()
    else:
        cache.write_bytes(cache.read_bytes()[:1500])
    caplog.clear()
    assert run("build", sources["three"], "-o", out, "--formats", FORMATS).returncode == 0
    assert "not a usable extraction cache" in caplog.text
    assert contents(out) == clean["three"]
    assert cache.with_name(cache.name + ".damaged").exists()
    caplog.clear()
    assert run("build", sources["three"], "-o", out, "--formats", FORMATS).returncode == 0
    assert caplog.text == ""


# ---- a full disk ------------------------------------------------------------------------------------

def _tmpfs_available() -> str | None:
    """Why a small tmpfs cannot be mounted in a private namespace here, or None if it can."""
    if shutil.which("unshare") is None:
        return "no unshare command"
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           check=False, capture_output=True, text=True)
    return None if probe.returncode == 0 else f"cannot mount a tmpfs: {probe.stderr.strip()}"


def _on_small_disk(tmp_path: Path, source: Path, size: str, script: str) -> subprocess.CompletedProcess[str]:
    """Run a shell `script` with $SOURCE the articles, $OUT a fresh tmpfs of `size` (in a private mount namespace) and
    $KEEP a folder outside it; the script copies what the test checks into $KEEP."""
    reason = _tmpfs_available()
    if reason:
        print(f"skipped: {reason}")
        pytest.skip(reason)
    disk, keep = tmp_path / "disk", tmp_path / "keep"
    disk.mkdir()
    keep.mkdir()
    env = {**os.environ, "OUT": str(disk), "KEEP": str(keep), "NEWSGRAPH": str(NEWSGRAPH), "SOURCE": str(source)}
    return subprocess.run(["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size={size} tmpfs \"$OUT\" && {script}"],
                          check=False, capture_output=True, text=True, env=env, timeout=300)


def _outcome(keep: Path, code: str, stderr: str) -> subprocess.CompletedProcess[str]:
    """A run on the small disk, from the exit status and error output its script saved into $KEEP."""
    return subprocess.CompletedProcess([], int((keep / code).read_text()), "", (keep / stderr).read_text())


def test_a_full_disk_is_a_one_line_error_and_keeps_the_previous_outputs(tmp_path: Path, sources: dict[str, Path]) -> None:
    script = ('"$NEWSGRAPH" build "$SOURCE" -o "$OUT" --formats json 2>"$KEEP/first.err"; echo $? >"$KEEP/first"; '
              'cp -a "$OUT" "$KEEP/before"; '
              f'"$NEWSGRAPH" build "$SOURCE" -o "$OUT" --formats {FORMATS} --no-cache 2>"$KEEP/second.err"; '
              'echo $? >"$KEEP/second"; cp -a "$OUT" "$KEEP/after"')
    result = _on_small_disk(tmp_path, sources["three"], "900k", script)
    keep = tmp_path / "keep"
    assert result.returncode == 0, result.stderr
    assert (keep / "first").read_text().strip() == "0", (keep / "first.err").read_text()
    second = _outcome(keep, "second", "second.err")
    assert "No space left on device" in one_line_error(second)
    assert "the previous outputs are kept" in second.stderr
    assert output_set_id(keep / "after") == output_set_id(keep / "before")
    assert contents(keep / "after") == contents(keep / "before")
    assert [p.name for p in (keep / "after" / BUILDS).iterdir()] == [output_set_id(keep / "before")]


def test_a_first_build_on_a_full_disk_writes_nothing(tmp_path: Path, sources: dict[str, Path]) -> None:
    script = (f'"$NEWSGRAPH" build "$SOURCE" -o "$OUT" --formats {FORMATS} 2>"$KEEP/err"; echo $? >"$KEEP/code"; '
              'cp -a "$OUT" "$KEEP/after"')
    result = _on_small_disk(tmp_path, sources["three"], "200k", script)
    keep = tmp_path / "keep"
    assert result.returncode == 0, result.stderr
    failed = _outcome(keep, "code", "err")
    assert "No space left on device" in one_line_error(failed)
    assert "nothing was written" in failed.stderr
    shown = sorted(p.name for p in (keep / "after").iterdir() if not p.name.startswith("."))
    assert shown in (["cache"], []), shown
    assert not (keep / "after" / CURRENT).exists()


def test_extract_on_a_full_disk_keeps_the_previous_triples_file(tmp_path: Path, sources: dict[str, Path]) -> None:
    script = ('echo old >"$OUT/t.jsonl"; "$NEWSGRAPH" extract "$SOURCE" -o "$OUT/t.jsonl" 2>"$KEEP/err"; '
              'echo $? >"$KEEP/code"; cp -a "$OUT" "$KEEP/after"')
    result = _on_small_disk(tmp_path, sources["three"], "16k", script)
    keep = tmp_path / "keep"
    assert result.returncode == 0, result.stderr
    failed = _outcome(keep, "code", "err")
    assert "t.jsonl: cannot write (No space left on device)" in one_line_error(failed)
    assert [p.name for p in (keep / "after").iterdir()] == ["t.jsonl"]
    assert (keep / "after" / "t.jsonl").read_text() == "old\n"
