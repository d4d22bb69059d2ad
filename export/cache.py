"""The extraction cache that makes `newsgraph build` incremental: one SQLite file in the output folder.

An entry is an article's Extraction as JSON, keyed by the SHA-256 of the article file's bytes and by
the extractor's version: a hash over the `extract` package's code and pattern files, the spaCy
pipeline (name, version, components) and spaCy's own version. So an article is extracted again only
when its bytes or the extractor change, and a build whose articles all hit the cache gives the same
graph as a full rebuild. Entries of other extractor versions are dropped when the cache is opened.

SQLite keeps a million entries in one file, looks each up by index and survives an interrupted build
(whatever was committed stays valid); nothing but the entries being written is held in memory.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from spacy.language import Language

import extract
from extract import Article, Entity, Extraction, Triple

log = logging.getLogger(__name__)

CACHE_FILE = Path("cache") / "extractions.sqlite"
COMMIT_EVERY = 200  # entries written between commits: an interrupted build keeps most of its work
_SCHEMA = """CREATE TABLE IF NOT EXISTS extractions (
    sha256 TEXT NOT NULL, version TEXT NOT NULL, extraction TEXT NOT NULL, PRIMARY KEY (sha256, version))"""


def source_digest(root: Path) -> str:
    """A hash of a package's code and pattern files: their paths and bytes, in sorted order."""
    digest = hashlib.sha256()
    files = sorted(path for path in root.rglob("*") if path.is_file() and
                   (path.suffix == ".py" or "patterns" in path.relative_to(root).parts))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def extractor_version(nlp: Language) -> str:
    """A hash of everything that defines what the extractor finds in a text.

    Any edit to a .py file or a pattern file of the `extract` package, another pipeline or pipeline
    version, or another spaCy version gives another value, and so invalidates the cache.
    """
    pipeline = [source_digest(Path(extract.__file__).parent), nlp.meta.get("lang"), nlp.meta.get("name"),
                nlp.meta.get("version"), nlp.pipe_names, package_version("spacy")]
    return hashlib.sha256(json.dumps(pipeline).encode()).hexdigest()[:20]


def _record(cls: type, data: dict[str, Any]) -> Any:
    """A dataclass from its JSON form: unknown keys dropped, lists made tuples again."""
    names = {field.name for field in dataclasses.fields(cls)}
    return cls(**{key: tuple(value) if isinstance(value, list) else value
                  for key, value in data.items() if key in names})


def dump_extraction(extraction: Extraction) -> str:
    return json.dumps({"entities": [dataclasses.asdict(entity) for entity in extraction.entities],
                       "triples": [triple.to_json() for triple in extraction.triples]}, ensure_ascii=False)


def load_extraction(text: str | bytes, article: Article) -> Extraction:
    """An extraction from the cache, told which file it now belongs to (the same bytes may have
    been read under another name before)."""
    data = json.loads(text)
    return Extraction(article=article,
                      entities=tuple(_record(Entity, entity) for entity in data["entities"]),
                      triples=tuple(Triple.from_json({**triple, "article": article.id}) for triple in data["triples"]))


@dataclasses.dataclass
class ExtractionCache:
    """An open cache of one extractor version. `reuse=False` ignores what it holds but still fills it.

    The cache only saves time: a damaged entry is dropped and its article extracted again, and a cache
    that fails to read or write is given up for the rest of the build, with a warning each time.
    """

    connection: sqlite3.Connection
    version: str
    reuse: bool = True
    pending: int = 0
    path: Path = Path(":memory:")
    working: bool = True

    def get(self, article: Article) -> Extraction | None:
        if not (self.reuse and self.working):
            return None
        try:
            row = self.connection.execute("SELECT extraction FROM extractions WHERE sha256 = ? AND version = ?",
                                          (article.sha256, self.version)).fetchone()
            return None if row is None else load_extraction(row[0], article)
        except sqlite3.Error as error:
            self._give_up(error)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            log.warning("%s: damaged cache entry for %s (%s); extracting it again", self.path, article.id, error)
            self._drop(article.sha256)
        return None

    def put(self, extraction: Extraction) -> None:
        if not self.working:
            return
        try:
            self.connection.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)",
                                    (extraction.article.sha256, self.version, dump_extraction(extraction)))
            self.pending += 1
            if self.pending >= COMMIT_EVERY:
                self.commit()
        except sqlite3.Error as error:
            self._give_up(error)

    def commit(self) -> None:
        try:
            self.connection.commit()
            self.pending = 0
        except sqlite3.Error as error:
            self._give_up(error)

    def _drop(self, sha256: str) -> None:
        try:
            self.connection.execute("DELETE FROM extractions WHERE sha256 = ? AND version = ?", (sha256, self.version))
        except sqlite3.Error as error:
            self._give_up(error)

    def _give_up(self, error: sqlite3.Error) -> None:
        if self.working:
            log.warning("%s: extraction cache unusable (%s); going on without it", self.path, error)
        self.working = False


def _connect(path: Path, version: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.text_factory = bytes  # an entry that is not UTF-8 is then a damaged entry, not an error
    try:
        connection.execute(_SCHEMA)
        connection.execute("DELETE FROM extractions WHERE version != ?", (version,))
        connection.commit()
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _open(path: Path, version: str) -> sqlite3.Connection:
    """Open (or create) the cache file. One that cannot be used is moved aside (to *.damaged) with a
    warning and a new one started; where even that fails, the build goes on with a cache in memory."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _connect(path, version)
    except (OSError, sqlite3.Error) as error:
        reason = error
    damaged = path.with_name(path.name + ".damaged")
    try:
        if damaged.is_dir() and not damaged.is_symlink():
            shutil.rmtree(damaged)
        os.replace(path, damaged)
        connection = _connect(path, version)
    except (OSError, sqlite3.Error) as error:
        log.warning("%s: not a usable extraction cache (%s) and no new one can be made (%s); building without "
                    "a cache", path, reason, error)
        return _connect(Path(":memory:"), version)
    log.warning("%s: not a usable extraction cache (%s); moved to %s, starting a new one", path, reason, damaged.name)
    return connection


@contextmanager
def open_cache(path: Path, version: str, *, reuse: bool = True) -> Iterator[ExtractionCache]:
    """The extraction cache in `path`, committed when the block ends."""
    with closing(_open(path, version)) as connection:
        cache = ExtractionCache(connection, version, reuse, path=path)
        yield cache
        cache.commit()
