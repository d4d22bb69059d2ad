"""Plain data passed between the stages: articles, entities and triples."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """What is known of one article file, without its text.

    `id` is unique in a build (read.iter_article_sources, sources.read_source); `path` the file it
    was read from (with ":line" for a record of a dump); `date` the publication date in ISO 8601 (or
    None where the page shows none); `sha256` the hash of the file's bytes (of the record, for a dump);
    `url` the article's address where the input gives one; `kind` what the file holds: "txt", "html",
    "jsonl", "csv.gz", ...
    """

    id: str
    path: str
    title: str
    date: str | None
    sha256: str
    url: str | None = None
    kind: str = "txt"


@dataclass(frozen=True)
class ArticleText:
    """An article with its text.

    `text` is the file's text exactly as decoded (offsets are into it); `body` has the same length,
    with boilerplate (navigation, contact forms, footers, date stamps) blanked out by spaces, so
    every offset into `body` is an offset into `text`.
    """

    article: Article
    text: str
    body: str


@dataclass(frozen=True)
class Entity:
    """An entity as one article names it: its fullest name and every other form used."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Triple:
    """One subject-predicate-object statement with its evidence.

    Field names are the triples.jsonl contract read by the scorer and by users' scripts.
    `start` and `end` are the character offsets of the evidence sentence in the article file;
    `object` is the amount's text and `object_type` is "Amount" for has_value; `role` is set on
    holds_position only; `date` is the article's publication date; `event_date` is the date the
    sentence gives for what it reports, completed from the publication date where partial.
    """

    article: str
    subject: str
    subject_type: str
    predicate: str
    object: str
    object_type: str
    role: str | None = None
    evidence: str
    start: int
    end: int
    confidence: float
    date: str | None = None
    event_date: str | None = None
    rule: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Triple:
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the graph stage's input."""

    article: Article
    entities: tuple[Entity, ...] = ()
    triples: tuple[Triple, ...] = field(default=())
