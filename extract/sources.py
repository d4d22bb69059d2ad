"""Every article of one input file, whatever its kind: a text file, a saved HTML page, a news dump
(JSON Lines, JSON or CSV, one article a record), or gzip of any of these.

Offsets are into the article's text: for a text file, the file as Python reads it (read.py); for an
HTML page, the main text that extract/html.py takes from it; for a record of a dump, its text field as
given. `newsgraph build` keeps the texts that are not a file's own in articles.jsonl.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from .dates import parse_date, publication_date
from .dumps import AUTO, DUMP_SUFFIXES, GZIP_SUFFIX, FieldNames, Record, iter_records, open_input
from .errors import ArticleError, printable
from .html import looks_like_html, read_html
from .model import ArticleText
from .read import BYTE_ORDER_MARKS, HTML_SUFFIXES, MAX_ARTICLE_BYTES, article_text, decode, read_bytes


def input_kind(path: Path) -> str:
    """What a file holds, by its name: "txt", "html", "jsonl", "csv", ... and "jsonl.gz" for gzip."""
    suffixes = path.suffix.lower()
    if suffixes == GZIP_SUFFIX:
        suffixes = Path(path.stem).suffix.lower() + suffixes
    return suffixes.lstrip(".")


def read_source(path: Path, article_id: str, fields: FieldNames = AUTO) -> Iterator[ArticleText | ArticleError]:
    """The articles of one input file, and an ArticleError for each that cannot be read (or for the
    file). A dump gives one article a record, with the id the record gives, else its URL, else
    `article_id#number` (the record's place in the file). A text file that plainly is an HTML page is read as one."""
    kind = input_kind(path)
    try:
        if f".{kind.removesuffix('.gz')}" in DUMP_SUFFIXES:
            yield from _records(path, article_id, fields)
        else:
            yield _page_or_text(path, article_id, _gunzipped(path) if kind.endswith("gz") else read_bytes(path))
    except ArticleError as error:
        yield error


def _gunzipped(path: Path) -> bytes:
    stream, _ = open_input(path)
    with stream:
        data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, f"too long for a news article (over {MAX_ARTICLE_BYTES:,} bytes unpacked)")
    return data


def _page_or_text(path: Path, article_id: str, data: bytes) -> ArticleText:
    kind, sha256 = input_kind(path), hashlib.sha256(data).hexdigest()
    if f".{kind.removesuffix('.gz')}" not in HTML_SUFFIXES and not looks_like_html(_sniffed(data)):
        text = decode(data, path)
        return article_text(path, article_id, text, sha256=sha256, title=None, date=publication_date(text),
                            kind=kind)
    page = read_html(data, printable(path))
    return article_text(path, article_id, page.text, sha256=sha256, title=page.title,
                        date=page.date or publication_date(page.text), url=page.url,
                        kind="html" + (".gz" if kind.endswith("gz") else ""))


def _sniffed(data: bytes) -> str:
    """The start of a file as text, whatever its encoding, to see whether it is an HTML page."""
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data[:8192].decode(codec, "replace")
    return data[:8192].decode("latin-1")


def _records(path: Path, file_id: str, fields: FieldNames) -> Iterator[ArticleText | ArticleError]:
    stream, suffix = open_input(path)
    with stream:
        for item in iter_records(stream, printable(path), suffix, fields):
            if isinstance(item, ArticleError):
                yield item
                continue
            try:
                yield _record_article(path, file_id, item)
            except ArticleError as error:
                yield error


def _record_article(path: Path, file_id: str, record: Record) -> ArticleText:
    article_id = printable(record.id or record.url or f"{file_id}#{record.number}")
    identity = json.dumps([record.text, record.title, record.date, record.url, record.id], ensure_ascii=False)
    return article_text(Path(f"{printable(path)}:{record.line}"), article_id, record.text,
                        sha256=hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest(),
                        title=record.title, url=record.url, kind=input_kind(path),
                        date=_record_date(record.date) or publication_date(record.text))


def _record_date(value: str | None) -> str | None:
    """A dump's date field as ISO 8601: ISO forms at once ("2021-08-09T08:15:00Z"), others by dateparser."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return parse_date(value)
