"""The bad-input corpus: every kind of file newsgraph must read, or refuse by name, without stopping.

    .venv/bin/python tests/badinput.py DIR      # writes the corpus into DIR (new) and lists its cases

The corpus is written from code, never checked in: files in other encodings (UTF-16 and UTF-32 with
byte-order marks, UTF-8 with one, UTF-16 without one, GB18030, Latin-1), binary, empty and blank files,
huge files, odd names (bytes that are not UTF-8, spaces, a newline, a leading dash, 250 characters),
special files (a named pipe, a device), unreadable files and folders, symbolic link loops, and copies
of the seed articles among them. `write_corpus` returns a Case per file or folder, saying what a run
must do with it; tests/test_bad_input.py runs the CLI over the corpus and checks every case.

Root reads any file whatever its permissions, so for the unreadable cases to be unreadable a run as
root must give up the two capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): a
subprocess with `preexec_fn=drop_access_override`, code in this process inside `access_checked()`.
`locking_unavailable()` says why neither can be done, where that is so.
"""
from __future__ import annotations

import argparse
import codecs
import ctypes
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

READ = "read"  # read and extracted: the triples of the seed it holds
SKIPPED = "skipped"  # a warning naming it and the problem; counted as skipped; no triples
WARNED = "warned"  # a folder: a warning naming it and the problem (not an article, so not counted)
UNSEEN = "unseen"  # inside a folder that cannot be listed: no triples, and no warning of its own
IGNORED = "ignored"  # not named as input (.txt, .md, .html, .jsonl, .csv, ...): neither read nor mentioned


@dataclass(frozen=True)
class Case:
    """One file or folder of the corpus: how to make it, and what a run must do with it."""

    name: str
    path: bytes  # relative to the corpus, as bytes: a file name need not be UTF-8
    outcome: str
    problem: str = ""  # SKIPPED, WARNED: what the warning says after the path
    seed: str = ""  # READ: the seed article whose text the file holds
    encoding: str = "utf-8"  # READ: how its user reads it: open(path, encoding=encoding, newline="")
    shift: int | None = 0  # READ: its offsets less the seed's; None where its line ends change them
    locked: bool = False  # unreadable only where permissions bind (see access_checked)
    data: bytes = b""  # the file's bytes
    size: int = 0  # where more than len(data): the file is extended to it, sparse (no disk taken)
    link: str = ""  # a symbolic link to this, instead of a file
    fifo: bool = False  # a named pipe, instead of a file
    folder: bool = False  # a folder, instead of a file
    mode: int | None = None  # permissions, set once everything is written

    def where(self, corpus: Path) -> Path:
        return Path(os.fsdecode(os.path.join(os.fsencode(corpus), self.path)))


def _undecodable(data: bytes, codec: str = "utf-8") -> str:
    try:
        data.decode(codec)
    except UnicodeDecodeError as error:
        return f"not {codec.upper()} text (byte {error.start})"
    raise ValueError(f"the case is meant not to be {codec}")


def _too_long(size: int, unit: str) -> str:
    return f"too long for a news article ({size:,} {unit}; the limit is 1,000,000 characters)"


def _label(relative: bytes) -> str:
    return relative.decode("utf-8", "backslashreplace").replace("\n", "\\n")


def corpus_cases() -> list[Case]:
    """Every case of the corpus, in the order they are written; nothing is written here."""
    seeds = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    one, two, three, four, five = seeds
    cases: list[Case] = []

    def article(relative: bytes, seed: str, data: bytes | None = None, *, name: str = "", encoding: str = "utf-8",
                shift: int | None = 0) -> None:
        cases.append(Case(name or _label(relative), relative, READ, seed=seed, encoding=encoding, shift=shift,
                          data=seeds[seed].encode("utf-8") if data is None else data))

    def refused(relative: bytes, problem: str, data: bytes = b"", **how: Any) -> None:
        cases.append(Case(_label(relative), relative, SKIPPED, problem, data=data, **how))

    # Good articles among the bad: at the top, in every folder and 40 folders down.
    article(one.encode(), one)
    article(b"encodings/" + two.encode(), two)
    article(b"names/" + three.encode(), three)
    article(b"special/" + four.encode(), four)
    deep = b"deep/" + b"/".join(b"level%d" % n for n in range(40)) + b"/" + five.encode()
    article(deep, five, name=f"deep/level0/.../level39/{five}")

    # Encodings. A byte-order mark says which: read, offsets into the text as Python reads the file.
    text = seeds[two]
    article(b"encodings/utf8-bom.txt", two, codecs.BOM_UTF8 + text.encode("utf-8"), shift=1)
    article(b"encodings/utf16-le-bom.txt", two, codecs.BOM_UTF16_LE + text.encode("utf-16-le"), encoding="utf-16")
    article(b"encodings/utf16-be-bom.md", two, codecs.BOM_UTF16_BE + text.encode("utf-16-be"), encoding="utf-16")
    article(b"encodings/utf32-le-bom.txt", two, codecs.BOM_UTF32_LE + text.encode("utf-32-le"), encoding="utf-32")
    article(b"encodings/crlf.txt", two, text.replace("\n", "\r\n").encode("utf-8"), shift=None)
    # Without a mark, nothing tells GB18030 or Latin-1 from other encodings: refused, never guessed.
    refused(b"encodings/utf16-no-bom.txt", "binary file, not text (it looks like UTF-16 without a byte-order "
            "mark: save it as UTF-8)", text.encode("utf-16-le"))
    odd = codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1]
    refused(b"encodings/utf16-odd-length.txt", _undecodable(odd, "utf-16"), odd)
    gb18030 = ("金华 (Jinhua) news\n\n" + text).encode("gb18030")
    refused(b"encodings/gb18030.txt", _undecodable(gb18030), gb18030)
    latin1 = ("Caf\xe9 talks in Z\xfcrich\n\n" + seeds[four]).encode("latin-1", "replace")
    refused(b"encodings/latin1.txt", _undecodable(latin1), latin1)

    # Binary, empty, blank and huge files.
    refused(b"binary/image.txt", "binary file, not text", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    noise = random.Random(13).randbytes(8192)
    refused(b"binary/noise.md", "binary file, not text" if b"\x00" in noise else _undecodable(noise), noise)
    refused(b"blank/empty.txt", "no article text")
    refused(b"blank/whitespace.txt", "no article text", b" \t\n\r\n\n   \n")
    refused(b"blank/bom-only.txt", "no article text", codecs.BOM_UTF8 + b"\n")
    huge = text * (3_000_000 // len(text) + 1)
    refused(b"huge/three-megabytes.txt", _too_long(len(huge), "characters"), huge.encode("utf-8"))
    refused(b"huge/sparse.txt", _too_long(20_000_000, "bytes"), size=20_000_000)

    # Odd names: read like any other, ids and paths written with escapes.
    article(b"names/\xff\xfe not utf-8.txt", two)  # as unzipped Chinese archives name files
    article("names/spaces and ünïcödé.txt".encode(), two)
    article(b"names/new\nline.txt", two)
    article(b"names/-leading-dash.txt", two)
    article(b"names/" + b"l" * 246 + b".txt", two, name="names/l...l.txt (250 bytes)")  # file systems take 255
    article(b"names/SHOUTING.TXT", two)
    cases.append(Case("names/notes.dat", b"names/notes.dat", IGNORED, data=text.encode("utf-8")))

    # Special files: refused before they are opened, or they would block (a pipe) or never end (a device).
    refused(b"special/pipe.txt", "a named pipe (FIFO), not a regular file", fifo=True)
    refused(b"special/device.txt", "a character device, not a regular file", link="/dev/zero")

    # Symbolic links: to an article (read), in a loop, to nothing, and to a folder above (not followed).
    cases.append(Case("special/link-to-article.txt", b"special/link-to-article.txt", READ, seed=four,
                      link=four))
    refused(b"special/loop-a.txt", "symbolic link loop", link="loop-b.txt")
    refused(b"special/loop-b.txt", "symbolic link loop", link="loop-a.txt")
    refused(b"special/dangling.txt", "symbolic link to nothing", link="missing.txt")
    cases.append(Case("special/up", b"special/up", WARNED, "symbolic link to a folder (name the folder itself to "
                      "read it)", link=".."))

    # Unreadable: an article in a sub-folder, a sub-folder that cannot be listed, and one that can be
    # listed but not entered. Each holds a seed's text, so that reading it by mistake would show.
    refused(b"locked/unreadable.txt", "permission denied", seeds[three].encode("utf-8"), locked=True, mode=0)
    cases.append(Case("locked/unlistable/article.txt", b"locked/unlistable/article.txt", UNSEEN, locked=True,
                      data=seeds[three].encode("utf-8")))
    cases.append(Case("locked/unlistable", b"locked/unlistable", WARNED, "folder cannot be listed (permission "
                      "denied)", locked=True, folder=True, mode=0))
    refused(b"locked/unsearchable/article.txt", "permission denied", seeds[four].encode("utf-8"), locked=True)
    cases.append(Case("locked/unsearchable", b"locked/unsearchable", UNSEEN, locked=True, folder=True, mode=0o644))
    return cases


def write_corpus(corpus: Path, cases: list[Case] | None = None) -> list[Case]:
    """Write the cases (by default every one) into the folder `corpus`, which must not exist; return them."""
    cases = corpus_cases() if cases is None else cases
    corpus.mkdir(parents=True)
    root = os.fsencode(corpus)
    for case in cases:
        path = os.path.join(root, case.path)
        os.makedirs(path if case.folder else os.path.dirname(path), exist_ok=True)
        if case.link:
            os.symlink(case.link, path)
        elif case.fifo:
            os.mkfifo(path)
        elif not case.folder:
            with open(path, "wb") as handle:
                handle.write(case.data)
                handle.truncate(max(case.size, len(case.data)))
    for case in cases:  # permissions last: a locked folder takes no more files
        if case.mode is not None:
            os.chmod(os.path.join(root, case.path), case.mode)
    return cases


def unlock(corpus: Path) -> None:
    """Give folders back the permissions write_corpus took, so that the corpus can be deleted."""
    for case in corpus_cases():
        path = case.where(corpus)
        if case.folder and path.is_dir():
            path.chmod(0o755)


# Linux capabilities (linux/capability.h) that let root read, list and enter whatever the permissions say.
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2
_ACCESS_OVERRIDES = (1 << _CAP_DAC_OVERRIDE) | (1 << _CAP_DAC_READ_SEARCH)
_PR_CAPBSET_DROP = 24
_CAPABILITY_VERSION_3 = 0x20080522


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _checked(result: int, call: str) -> None:
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, f"{call}: {os.strerror(number)}")


def drop_access_override() -> None:
    """For subprocess's preexec_fn: the program run, even as root, is held to file permissions (the two
    capabilities leave the bounding set, so that exec cannot grant them)."""
    if os.geteuid() == 0:
        libc = _libc()
        for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
            _checked(libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0), "prctl(PR_CAPBSET_DROP)")


@contextmanager
def access_checked() -> Iterator[None]:
    """Within the block, this thread's file access is held to permissions, even as root (the two
    capabilities leave its effective set, and come back after)."""
    if os.geteuid() != 0:
        yield
        return
    libc = _libc()
    header, data = _CapHeader(_CAPABILITY_VERSION_3, 0), (_CapData * 2)()
    _checked(libc.capget(ctypes.byref(header), data), "capget")
    held = data[0].effective
    data[0].effective = held & ~_ACCESS_OVERRIDES
    _checked(libc.capset(ctypes.byref(header), data), "capset")
    try:
        yield
    finally:
        data[0].effective = held
        _checked(libc.capset(ctypes.byref(header), data), "capset")


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except PermissionError:
        return False
    return True


def locking_unavailable() -> str | None:
    """None where a file can be made unreadable to this process's runs (in a subprocess with
    preexec_fn=drop_access_override, and inside access_checked()); otherwise why not."""
    if os.geteuid() != 0:
        return None
    if not sys.platform.startswith("linux"):
        return "running as root, and dropping root's file-access capabilities needs Linux"
    with tempfile.TemporaryDirectory() as folder:
        locked = Path(folder) / "locked.txt"
        locked.write_text("secret", encoding="utf-8")
        locked.chmod(0)
        try:
            with access_checked():
                in_process = _can_read(locked)  # not os.access: it lends root its permitted capabilities
            child = subprocess.run([sys.executable, "-c", f"open({str(locked)!r}).read()"], capture_output=True,
                                   preexec_fn=drop_access_override, check=False)
        except OSError as error:
            return f"running as root, and root's file-access capabilities cannot be dropped ({error})"
        if in_process or child.returncode == 0:
            return "running as root, and root still reads a file of mode 000 without its file-access capabilities"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="folder to write the corpus into (must not exist)")
    folder = parser.parse_args().folder
    for case in write_corpus(folder):
        print(f"{case.outcome:<8} {case.name}{': ' + case.problem if case.problem else ''}")


if __name__ == "__main__":
    main()
