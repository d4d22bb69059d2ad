"""Write output files whole or not at all: write beside the target, then rename onto it."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extract.errors import NewsgraphError


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it onto `path` only if the block succeeds.

    Works for a file or a folder. On any error the temporary is removed and `path` is left as it was;
    an OSError (a full disk) is raised again naming `path`.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsgraphError(f"{path.parent}: cannot create folder ({error.strerror})") from None
    if not os.access(path.parent, os.W_OK):
        raise NewsgraphError(f"{path}: cannot write here (permission denied)")
    temporary = path.parent / f".{path.name}.{os.getpid()}.tmp"
    try:
        yield temporary
        if path.exists() and path.is_dir() != temporary.is_dir():
            raise NewsgraphError(f"{path}: is a {'folder' if path.is_dir() else 'file'}; give another name")
        if path.is_dir():
            shutil.rmtree(path)
        os.replace(temporary, path)
    except OSError as error:  # named after the target, not the temporary
        raise OSError(error.errno, error.strerror or str(error), str(path)) from None
    finally:
        if temporary.is_dir():
            shutil.rmtree(temporary, ignore_errors=True)
        elif temporary.exists():
            temporary.unlink()


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text to `path` atomically."""
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
