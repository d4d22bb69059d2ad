"""The CLI over the bad-input corpus (tests/badinput.py): every good article built, every bad file named
in a one-line warning, never a traceback, never a hang.

The corpus is written once; `newsgraph build` and `newsgraph extract` each run once over all of it, as
subprocesses with a timeout, and every case is checked in both runs' output.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from badinput import (
    IGNORED,
    READ,
    SKIPPED,
    UNSEEN,
    WARNED,
    Case,
    corpus_cases,
    drop_access_override,
    locking_unavailable,
    unlock,
    write_corpus,
)

from extract.errors import printable

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(os.name != "posix", reason="named pipes and symbolic links are POSIX files")]

NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
TIMEOUT = 600  # seconds; a run that blocks on a named pipe fails here instead of hanging the suite
LOCKING = locking_unavailable() if os.name == "posix" else None
CASES = corpus_cases()


@dataclass(frozen=True)
class Run:
    """One run of the CLI: its exit status, output and the triples it wrote, by article id."""

    returncode: int
    stdout: str
    stderr: str
    triples: dict[str, list[dict[str, Any]]]


def _cli(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NEWSGRAPH), *map(str, args)], capture_output=True, encoding="utf-8", check=False,
                          timeout=TIMEOUT, cwd=cwd, preexec_fn=drop_access_override if LOCKING is None else None)


def _run(result: subprocess.CompletedProcess[str], triples: Path) -> Run:
    found: dict[str, list[dict[str, Any]]] = {}
    if triples.exists():
        for line in triples.read_text(encoding="utf-8").splitlines():
            triple = json.loads(line)
            found.setdefault(triple["article"], []).append(triple)
    return Run(result.returncode, result.stdout, result.stderr, found)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The corpus, without the unreadable cases where permissions cannot be made to bind."""
    folder = tmp_path_factory.mktemp("bad-input") / "corpus"
    write_corpus(folder, [case for case in CASES if LOCKING is None or not case.locked])
    yield folder
    unlock(folder)


@pytest.fixture(scope="module")
def runs(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """`newsgraph build CORPUS` and `newsgraph extract CORPUS`, once each."""
    work = tmp_path_factory.mktemp("bad-input-runs")
    built = _cli("build", corpus, "-o", work / "out", cwd=work)
    extracted = _cli("extract", corpus, "-o", work / "triples.jsonl", cwd=work)
    return {"build": _run(built, work / "out" / "triples.jsonl"), "extract": _run(extracted, work / "triples.jsonl")}


def _warning(corpus: Path, case: Case) -> str:
    return f"warning: {printable(case.where(corpus))}: {case.problem}; skipped"


def _article_id(case: Case) -> str:
    """The article id of a case's file in the corpus: its path there without the suffix."""
    return printable(case.where(Path(".")).with_suffix("").as_posix())


def _fact(triple: dict[str, Any]) -> tuple[Any, ...]:
    """A triple without its article and offsets, its evidence with LF line ends."""
    return tuple(value.replace("\r\n", "\n") if name == "evidence" else value
                 for name, value in sorted(triple.items()) if name not in {"article", "start", "end"})


def _present(case: Case) -> bool:
    return LOCKING is None or not case.locked


@pytest.mark.parametrize("command", ["build", "extract"])
def test_a_run_over_the_corpus_ends_well_and_warns_once_per_bad_file(runs: dict[str, Run], corpus: Path,
                                                                      command: str) -> None:
    run = runs[command]
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    expected = {_warning(corpus, case) for case in CASES if case.outcome in {SKIPPED, WARNED} and _present(case)}
    assert sorted(run.stderr.splitlines()) == sorted(expected)
    read = sum(case.outcome == READ for case in CASES if _present(case))
    skipped = sum(case.outcome == SKIPPED for case in CASES if _present(case))
    summary = (rf"articles  {read} read \(txt \d+, md \d+\), {skipped} skipped \(txt \d+, md \d+\)"
               if command == "build" else rf"triples from {read} articles \(txt \d+, md \d+\) \({skipped} skipped ")
    assert re.search(summary, run.stdout), run.stdout
    assert sorted(run.triples) == sorted({_article_id(case) for case in CASES if case.outcome == READ})


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case(runs: dict[str, Run], corpus: Path, case: Case) -> None:
    if not _present(case):
        pytest.skip(f"{case.name} cannot be made unreadable: {LOCKING}")
    for command, run in runs.items():
        mentions = [line for line in run.stderr.splitlines()
                    if line.startswith(f"warning: {printable(case.where(corpus))}: ")]
        if case.outcome == READ:
            assert _article_id(case) in run.triples, (command, run.stderr)
            _check_read(case, corpus, run)
            assert not mentions, command
        elif case.outcome in {SKIPPED, WARNED}:
            assert _warning(corpus, case) in mentions, (command, run.stderr)
        else:
            assert case.outcome in {UNSEEN, IGNORED}
            assert not mentions, command
        if case.outcome != READ:
            assert _article_id(case) not in run.triples, command


def _check_read(case: Case, corpus: Path, run: Run) -> None:
    """The case's triples are its seed's, and their offsets are true to the file as its user reads it."""
    plain = next(other for other in CASES if other.outcome == READ and other.where(Path(".")).name == case.seed)
    triples, seed = run.triples[_article_id(case)], run.triples[_article_id(plain)]
    assert Counter(map(_fact, triples)) == Counter(map(_fact, seed))
    if case.shift is not None:
        assert sorted((t["start"], t["end"]) for t in triples) == \
            sorted((t["start"] + case.shift, t["end"] + case.shift) for t in seed)
    with open(case.where(corpus), encoding=case.encoding, newline="") as handle:
        text = handle.read()
    for triple in triples:
        assert text[triple["start"]:triple["end"]] == triple["evidence"]


def test_files_named_one_by_one(corpus: Path, tmp_path: Path) -> None:
    """Named on the command line, a named pipe is refused at once (it used to block the run), and a file
    whose name begins with a dash is read after `--`."""
    named = {case.name: case for case in CASES}
    picked = [named[name] for name in ("special/pipe.txt", "names/-leading-dash.txt", "special/loop-a.txt",
                                       "special/device.txt", "special/dangling.txt")]
    result = _cli("extract", "-o", tmp_path / "triples.jsonl", "--", *(case.where(corpus) for case in picked),
                  cwd=tmp_path)
    run = _run(result, tmp_path / "triples.jsonl")
    assert run.returncode == 0, run.stderr
    assert sorted(run.stderr.splitlines()) == sorted(_warning(corpus, case) for case in picked
                                                     if case.outcome == SKIPPED)
    assert list(run.triples) == ["-leading-dash"]
    assert f"from 1 article ({len(picked) - 1} skipped)" in run.stdout


def test_an_unreadable_file_named_on_the_command_line_is_skipped_like_one_in_a_folder(corpus: Path,
                                                                                   tmp_path: Path) -> None:
    """Named alone, it is skipped with its warning; nothing is read, so the run is an error (exit 2)."""
    if LOCKING is not None:
        pytest.skip(f"locked/unreadable.txt cannot be made unreadable: {LOCKING}")
    unreadable = corpus / "locked" / "unreadable.txt"
    result = _cli("extract", unreadable, "-o", tmp_path / "triples.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"warning: {unreadable}: permission denied; skipped",
                                          "Error: no article could be read (1 skipped); nothing was written"]
    assert not (tmp_path / "triples.jsonl").exists()
