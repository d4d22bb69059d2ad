"""A build's output set, published whole or not at all.

A build writes every output into a fresh folder, OUT/.builds/<build id>/, with a manifest (build.json:
the build's id and each file's size and SHA-256), then switches one link, OUT/.current, to it. The
files users open (OUT/graph.json, OUT/graph.ttl, OUT/graph.html, ...) are links to .current/<name>,
so a reader sees the files of one build, never a mix of two; a build that fails or is killed leaves
the previous set as it was. A lock on OUT/.lock keeps two builds from writing to one folder at once,
and each build removes what killed ones left behind (their folders, temporary files and links).
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import NewsgraphError

BUILDS = ".builds"
CURRENT = ".current"
LOCK = ".lock"
MANIFEST = "build.json"
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.(tmp|link)$")  # atomic_path's and this module's, by process id


@dataclass
class OutputSet:
    """The folder a build writes its outputs into, and the names it wrote there."""

    out: Path
    build_id: str
    folder: Path
    names: list[str] = field(default_factory=list)

    def path(self, name: str) -> Path:
        """Where to write output `name`; it is published as OUT/`name`."""
        self.names.append(name)
        return self.folder / name


def new_build_id() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + secrets.token_hex(3)


@contextmanager
def output_set(out: Path) -> Iterator[OutputSet]:
    """Yield a fresh OutputSet in `out`; publish it if the block succeeds, discard it otherwise.

    An OSError (a full disk, a folder that cannot be written) becomes a one-line NewsgraphError that
    says the previous outputs are kept.
    """
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with _locked(out):
            remove_leftovers(out)
            build_id = new_build_id()
            folder = out / BUILDS / build_id
            folder.mkdir(parents=True)
            try:
                outputs = OutputSet(out, build_id, folder)
                yield outputs
                _write_manifest(outputs)
                _publish(outputs)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            remove_leftovers(out)
    except OSError as error:
        kept = "the previous outputs are kept" if (out / CURRENT).exists() else "nothing was written"
        raise NewsgraphError(f"{out}: cannot write the outputs ({error.strerror or error}); {kept}") from None


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    with open(out / LOCK, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise NewsgraphError(f"{out}: another build is writing to this folder; wait for it to end") from None
        yield


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _write_manifest(outputs: OutputSet) -> None:
    files = {}
    for name in outputs.names:
        path = outputs.folder / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                files[file.relative_to(outputs.folder).as_posix()] = {"bytes": file.stat().st_size,
                                                                      "sha256": _digest(file)}
    manifest = {"build": outputs.build_id, "outputs": outputs.names, "files": files}
    (outputs.folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _link(link: Path, target: Path) -> None:
    """Make `link` a symbolic link to `target` in one step (a folder in its place is removed first)."""
    if link.is_symlink() and Path(os.readlink(link)) == target:
        return
    temporary = link.parent / f".{link.name}.{os.getpid()}.link"
    temporary.unlink(missing_ok=True)
    temporary.symlink_to(target)
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(temporary, link)


def _publish(outputs: OutputSet) -> None:
    """Point OUT/<name> at .current/<name> for every output, then switch .current to this build."""
    for name in outputs.names:
        _link(outputs.out / name, Path(CURRENT) / name)
    _link(outputs.out / CURRENT, Path(BUILDS) / outputs.build_id)


def current_build(out: Path) -> Path | None:
    """The folder of the published build in `out`, or None before the first build."""
    link = out / CURRENT
    return (out / os.readlink(link)) if link.is_symlink() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> None:
    """Remove what killed builds left: unpublished build folders, temporary files, dead links."""
    current = current_build(out)
    builds = out / BUILDS
    for folder in builds.iterdir() if builds.is_dir() else ():
        if current is None or folder.name != current.name:
            shutil.rmtree(folder, ignore_errors=True)
    for entry in out.iterdir():
        match = _TEMPORARY.match(entry.name)
        if match and int(match[1]) != os.getpid() and not _alive(int(match[1])):
            _remove(entry)
        elif entry.is_symlink() and os.readlink(entry).startswith(CURRENT + os.sep) and not entry.exists():
            entry.unlink()


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
