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
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from spacy.language import Language

import extract
from extract import Article, Entity, Extraction, NewsgraphError, Triple

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


def load_extraction(text: str, article: Article) -> Extraction:
    """An extraction from the cache, told which file it now belongs to (the same bytes may have
    been read under another name before)."""
    data = json.loads(text)
    return Extraction(article=article,
                      entities=tuple(_record(Entity, entity) for entity in data["entities"]),
                      triples=tuple(Triple.from_json({**triple, "article": article.id}) for triple in data["triples"]))


@dataclasses.dataclass
class ExtractionCache:
    """An open cache of one extractor version. `reuse=False` ignores what it holds but still fills it."""

    connection: sqlite3.Connection
    version: str
    reuse: bool = True
    pending: int = 0

    def get(self, article: Article) -> Extraction | None:
        if not self.reuse:
            return None
        row = self.connection.execute("SELECT extraction FROM extractions WHERE sha256 = ? AND version = ?",
                                      (article.sha256, self.version)).fetchone()
        return None if row is None else load_extraction(row[0], article)

    def put(self, extraction: Extraction) -> None:
        self.connection.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)",
                                (extraction.article.sha256, self.version, dump_extraction(extraction)))
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self.connection.commit()
            self.pending = 0


def _connect(path: Path, version: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.execute(_SCHEMA)
    connection.execute("DELETE FROM extractions WHERE version != ?", (version,))
    connection.commit()
    return connection


@contextmanager
def open_cache(path: Path, version: str, *, reuse: bool = True) -> Iterator[ExtractionCache]:
    """Open (or create) the cache file; a file that is not a readable cache is replaced, with a warning."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsgraphError(f"{path.parent}: cannot create folder ({error.strerror})") from None
    try:
        connection = _connect(path, version)
    except sqlite3.OperationalError as error:
        raise NewsgraphError(f"{path}: cannot open the extraction cache ({error})") from None
    except sqlite3.DatabaseError as error:
        log.warning("%s: not a newsgraph cache (%s); starting a new one", path, error)
        path.unlink()
        connection = _connect(path, version)
    with closing(connection):
        yield ExtractionCache(connection, version, reuse)
        connection.commit()
