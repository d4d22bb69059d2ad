"""News dumps: JSON Lines, JSON and CSV files holding many articles, one a record; and gzip of any input.

A dump is read as a stream, one record at a time, so its size does not matter: the memory taken is that
of one record (at most MAX_RECORD_BYTES of JSON, MAX_FIELD_CHARS a CSV field), never of the file.

    >>> import io
    >>> data = b'{"title": "A", "maintext": "Text A."}\\nnot json\\n{"title": "B", "text": "Text B."}\\n'
    >>> for item in iter_records(io.BytesIO(data), "news.jsonl", ".jsonl"):
    ...     print(item)
    Record(line=1, text='Text A.', title='A', date=None, url=None, id=None, number=1)
    news.jsonl:2: not JSON (Expecting value at column 1)
    Record(line=3, text='Text B.', title='B', date=None, url=None, id=None, number=3)

The formats, by suffix (`open_input` gives the suffix inside a .gz):

- `.jsonl`, `.ndjson`: JSON Lines, one JSON object a line; blank lines are skipped.
- `.json`: an array of objects (`[{...}, {...}]`, on one line or pretty-printed), read one element at
  a time with the standard library's `JSONDecoder.raw_decode`; or, where the file does not begin with
  `[`, JSON Lines, as pandas (`lines=True`) and Hugging Face datasets write them under this suffix. A
  single object wrapping the records (NewsAPI's `{"articles": [...]}`) is not read: it cannot be
  streamed, and `jq .articles` makes it an array. An element of an array that is not valid JSON ends the
  reading of the file (nothing tells where the next element starts); in JSON Lines, the next line does.
- `.csv`: a header row, then one record a row (Excel's dialect: commas, "" for a quote inside a quoted
  field, quoted fields over several lines).

Every file is UTF-8, with or without a byte-order mark. Fields are found by name (FieldNames): given
ones exactly (case aside), by a dotted path into a nested object (`article.body`); the others among the
usual names of news datasets, in any case and with or without `_`, `-` or spaces (`publishedAt`
is `published_at`), in the object that holds the text first, then in the record itself. Where no field
of the record is one of the text names, the objects one level down are searched (`{"article": {"body":
...}}`). Title, date, URL and id are kept as given (stripped; numbers written as text; MongoDB's
`{"$date": ...}` and `{"$oid": ...}` unwrapped); the text exactly as given, but that a lone surrogate
that a JSON escape made (`"\\ud83d"` of a cut emoji) becomes U+FFFD, which UTF-8 output can write.

A record that cannot be read is an ArticleError naming the file and its line (RecordError, with `line`),
and the records after it are read. So that a file of the wrong shape gives one clear message, not one a
record, errors are grouped by their problem (`no text field`, `not JSON`, ...):

- the first LISTED_PER_PROBLEM records with a problem are each an error; the rest with that problem, one
  error at the end of the file saying how many;
- a file none of whose records can be read, all for one problem, is one error for the whole file,
  naming the problem and the first such record's line and details (with the names looked for and
  the keys the record has, for `no text field`); where its first GIVE_UP_AFTER records are all so,
  the rest of the file is not read, and the error says so;
- a file with no records at all is one error.

Errors of the stream (a gzip file that is corrupt or cut short, a disk error) end the file, as its last
error; the records before them have been read.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import re
import stat
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, cast

from .errors import ArticleError

DUMP_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")
GZIP_SUFFIX = ".gz"

# A JSON record (one line, or one element of an array) longer than this is refused unread: a news
# article is a few thousand characters, and the reader's limit is a million (read.MAX_ARTICLE_CHARS),
# which is 6 MB as JSON escapes of Chinese characters (\u4e2d).
MAX_RECORD_BYTES = 16 * 1024 * 1024
# A CSV field or line longer than this is refused: 4 times the reader's article limit, so that a long
# article is refused by the reader, with its own message. csv builds a field 4 bytes a character.
MAX_FIELD_CHARS = 4_000_000
LISTED_PER_PROBLEM = 10
GIVE_UP_AFTER = 1000
_CHUNK = 1 << 18  # bytes read at a time: the memory a dump takes is a few times this, and a record

TEXT_NAMES = ("text", "content", "body", "maintext", "article", "full_text", "article_text")
TITLE_NAMES = ("title", "headline")
DATE_NAMES = ("date", "published", "date_publish", "published_at", "pubdate", "publish_date", "datetime")
URL_NAMES = ("url", "link", "source_url")
ID_NAMES = ("id", "_id", "uuid", "article_id", "doc_id")

# The problems of a record, which errors are grouped by.
NOT_JSON = "not JSON"
NOT_OBJECT = "not a JSON object"
NOT_UTF8 = "not UTF-8"
NOT_CSV = "not CSV"
NO_TEXT_FIELD = "no text field"
EMPTY_TEXT = "empty text"
TEXT_NOT_STRING = "text is not a string"
WRONG_FIELD_COUNT = "wrong number of fields"
TOO_LONG = "record too long"
GZIP_DATA = "gzip data"  # the file is compressed, but not named .gz: said once, for the file
GZIP_HINT = "the file is compressed: name it with .gz at the end"
_GZIP_MAGIC = b"\x1f\x8b"
# What to do, for the error of a file none of whose records can be read.
_HINTS = {
    NO_TEXT_FIELD: "; name the field that holds the text",
    NOT_JSON: "; a dump holds one JSON object a line (JSON Lines), or in a .json file, an array of them",
    WRONG_FIELD_COUNT: "; is it CSV with commas, and a header row?",
}

_SPACE_AND_CASE = re.compile(r"[\s_\-]+")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape decodes it
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_WHITESPACE = re.compile(r"[ \t\n\r]*")


@dataclass(frozen=True)
class FieldNames:
    """The fields of a dump's records that hold each part of an article; None to find it by its usual names.

    A name is a key of the record, matched exactly or else in any case, or a dotted path into
    nested objects (`article.body`).

    >>> FieldNames(text="article.body").text
    'article.body'
    """

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None


AUTO = FieldNames()


@dataclass(frozen=True)
class Record:
    """One article of a dump.

    `line` is where the record starts in the file, 1-based (for CSV, the line its row starts on,
    though its fields run over several). `text` is exactly as given. `title`, `date`, `url` and
    `id` are as given, or None where the record has none: the date is not read as a date. `number` is
    the record's place among the file's records, 1-based, counting those that cannot be read (not
    blank lines or the header): unique within the file, where `line` is not (a one-line JSON array).
    """

    line: int
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None
    number: int = 0


class RecordError(ArticleError):
    """A record of a dump that cannot be read (`line` its line), or a dump none of whose can (`line` None).

    The message names the file and line: `news.jsonl:12: not JSON (...)`. `path` is the name of
    the file.
    """

    def __init__(self, name: str, line: int | None, problem: str) -> None:
        super().__init__(name if line is None else f"{name}:{line}", problem)
        self.path = name
        self.line = line


def open_input(path: Path) -> tuple[BinaryIO, str]:
    """Open a file to read its bytes, decompressed where it is gzip; and the suffix of what it holds.

    The suffix is the file's own, or for `.gz` the one before it, in lower case: `.jsonl` for
    `a.jsonl.gz`, `""` for `d.gz`. Whether a file is gzip goes by its name alone. A gzip file is
    decompressed as it is read; where it is corrupt or cut short, the read that finds so raises
    ArticleError naming the file ("not a valid gzip file (...)", "gzip file cut short (...)"), as do
    the iteration and readline of the stream, and iter_records yields that error last. Anything but a
    regular file is refused at once, without waiting on it (a named pipe).

    >>> open_input(Path("seeds/no such file.jsonl.gz"))
    Traceback (most recent call last):
    ...
    extract.errors.ArticleError: seeds/no such file.jsonl.gz: no such file or directory
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ArticleError(path, (error.strerror or "cannot be read").lower()) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise ArticleError(path, "a folder, not a file" if stat.S_ISDIR(mode) else "not a regular file")
    raw = open(descriptor, "rb")  # noqa: SIM115 - returned open, for the caller to close
    if path.suffix.lower() != GZIP_SUFFIX:
        return raw, path.suffix.lower()
    return cast(BinaryIO, _GzipInput(raw, path)), Path(path.stem).suffix.lower()


@contextmanager
def _gzip_errors(path: Path) -> Iterator[None]:
    """Raise what reading a gzip file raises for bad data as ArticleError naming the file."""
    try:
        yield
    except EOFError:
        raise ArticleError(path, "gzip file cut short (it ends inside its compressed data)") from None
    except gzip.BadGzipFile as error:
        reason = "not gzip data" if str(error).startswith("Not a gzipped file") else str(error)
        if reason.startswith("CRC check failed"):
            reason = "its data is damaged: CRC check failed"
        raise ArticleError(path, f"not a valid gzip file ({reason})") from None
    except zlib.error as error:
        raise ArticleError(path, f"not a valid gzip file (its data is damaged: {str(error).split(': ')[-1]})") from None
    except OSError as error:
        raise ArticleError(path, (error.strerror or "cannot be read").lower()) from None


class _GzipInput(gzip.GzipFile):
    """A gzip file whose reads raise ArticleError for bad data, and which closes the file it reads."""

    def __init__(self, raw: BinaryIO, path: Path) -> None:
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw
        self._path = path

    def read(self, size: int | None = -1) -> bytes:
        with _gzip_errors(self._path):
            return super().read(size)

    def read1(self, size: int = -1) -> bytes:
        with _gzip_errors(self._path):
            return super().read1(size)

    def peek(self, n: int) -> bytes:
        with _gzip_errors(self._path):
            return super().peek(n)

    def readline(self, size: int | None = -1) -> bytes:
        with _gzip_errors(self._path):
            return super().readline(size)

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def iter_records(stream: BinaryIO, name: str, suffix: str, fields: FieldNames = AUTO) -> Iterator[Record | ArticleError]:
    """The articles of a dump, as Records, and an ArticleError for each record that cannot be read.

    Args:
        stream: the dump's bytes (open_input gives them), read to its end as the iterator is.
        name: the file as messages name it.
        suffix: one of DUMP_SUFFIXES: what the bytes are.
        fields: which fields hold the text and the rest; by default all found by their usual names.

    Returns:
        In the file's order, a Record for each record read and a RecordError for each record that is
        not (see the module's documentation for how errors are grouped); the stream's own error, a
        gzip file cut short, last. The stream is not closed.

    >>> import io
    >>> data = b'{"id": 7, "article": {"headline": "A", "body": "Text."}}\\n'
    >>> list(iter_records(io.BytesIO(data), "news.jsonl", ".jsonl"))
    [Record(line=1, text='Text.', title='A', date=None, url=None, id='7', number=1)]
    """
    parse = _PARSERS.get(suffix.lower())
    if parse is None:
        raise ValueError(f"not a dump suffix: {suffix!r}; one of {', '.join(DUMP_SUFFIXES)}")
    return _grouped(parse(stream, fields), name)


@dataclass(frozen=True)
class _Problem:
    """Why the record at `line` cannot be read: the problem, which errors are grouped by, and its details."""

    line: int
    kind: str
    detail: str = ""

    @property
    def message(self) -> str:
        return f"{self.kind} ({self.detail})" if self.detail else self.kind


def _grouped(items: Iterator[Record | _Problem], name: str) -> Iterator[Record | ArticleError]:
    """The records and the errors of a dump's records, grouped by problem (see the module's documentation)."""
    held: list[RecordError] = []  # the errors before the first record read, held in case none is
    counts: Counter[str] = Counter()
    first: dict[str, _Problem] = {}
    read = False
    try:
        for item in items:
            if isinstance(item, Record):
                if not read:
                    yield from held
                    held.clear()
                    read = True
                yield item
                continue
            counts[item.kind] += 1
            first.setdefault(item.kind, item)
            if counts[item.kind] <= LISTED_PER_PROBLEM:
                error = RecordError(name, item.line, item.message)
                if read:
                    yield error
                else:
                    held.append(error)
            if not read and len(counts) == 1 and counts[item.kind] >= GIVE_UP_AFTER:
                yield RecordError(name, None, f"its first {GIVE_UP_AFTER:,} records cannot be read, so the "
                                              f"rest is not read: {_unreadable(first[item.kind])}")
                return
    except (ArticleError, OSError) as error:
        yield from held
        yield from _not_listed(counts, name)
        yield error if isinstance(error, ArticleError) else RecordError(name, None, _os_reason(error))
        return
    if not read and not counts:
        yield RecordError(name, None, "no records")
    elif not read and len(counts) == 1 and sum(counts.values()) > 1:
        [(kind, count)] = counts.items()
        yield RecordError(name, None, f"none of its {count:,} records can be read: {_unreadable(first[kind])}")
    else:
        yield from held
        yield from _not_listed(counts, name)


def _unreadable(problem: _Problem) -> str:
    detail = f"line {problem.line}: {problem.detail}" if problem.detail else f"line {problem.line}"
    return f"{problem.kind} ({detail}){_HINTS.get(problem.kind, '')}"


def _not_listed(counts: Counter[str], name: str) -> Iterator[RecordError]:
    for kind, count in counts.items():
        if count > LISTED_PER_PROBLEM:
            yield RecordError(name, None, f"{count - LISTED_PER_PROBLEM:,} more records: {kind} "
                                          f"(only the first {LISTED_PER_PROBLEM} are listed)")


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error) or "cannot be read").lower()


# Records: the fields of one decoded record.

def _norm(name: str) -> str:
    """A field name as auto-detection compares it: lower case, without spaces, '_' and '-'."""
    return _SPACE_AND_CASE.sub("", name).lower()


# The usual names of text, title, date, URL and id, as compared.
_USUAL = tuple(tuple(_norm(name) for name in names)
               for names in (TEXT_NAMES, TITLE_NAMES, DATE_NAMES, URL_NAMES, ID_NAMES))
_TEXT, _TITLE, _DATE, _URL, _ID = range(len(_USUAL))


@lru_cache(maxsize=512)
def _usual_keys(keys: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """For text, title, date, URL and id, the keys of an object that are among their usual names, in
    the order of the names; where two keys compare equal, the first.

    Cached by the keys: the records of a dump mostly have the same ones, in the same order."""
    index: dict[str, str] = {}
    for key in keys:
        index.setdefault(_norm(key), key)
    return tuple(tuple(index[norm] for norm in norms if norm in index) for norms in _USUAL)


def _key(mapping: Mapping[str, Any], name: str) -> str | None:
    """The key of `mapping` that a given field name names: the name itself, or it in another case."""
    if name in mapping:
        return name
    folded = name.casefold()
    return next((key for key in mapping if key.casefold() == folded), None)


def _at(record: Mapping[str, Any], name: str) -> tuple[Mapping[str, Any], Any] | None:
    """The object holding the field a given name names (a key, or a dotted path), and its value."""
    key = _key(record, name)
    if key is not None:
        return record, record[key]
    head, dot, rest = name.partition(".")
    key = _key(record, head) if dot else None
    inner = record[key] if key is not None else None
    return _at(inner, rest) if isinstance(inner, dict) else None


def _record(line: int, number: int, record: Mapping[str, Any], fields: FieldNames) -> Record | _Problem:
    found = _text(line, record, fields)
    if isinstance(found, _Problem):
        return found
    holder, text = found
    holders = (holder,) if holder is record else (holder, record)
    return Record(line=line, text=_writable(text), number=number,
                  title=_field(record, holders, fields.title, _TITLE),
                  date=_field(record, holders, fields.date, _DATE),
                  url=_field(record, holders, fields.url, _URL),
                  id=_field(record, holders, fields.id, _ID))


def _text(line: int, record: Mapping[str, Any], fields: FieldNames) -> tuple[Mapping[str, Any], str] | _Problem:
    """The object that holds the record's text, and the text."""
    if fields.text:
        found = _at(record, fields.text)
        if found is None:
            return _Problem(line, NO_TEXT_FIELD, f"no field '{_shown(fields.text)}'; the record has: {_keys(record)}")
        candidates = [(found[0], fields.text, found[1])]
    else:
        candidates = _text_candidates(record)
        if not any(_is_text(value) for _, _, value in candidates):
            candidates += [(inner, f"{key}.{name}", value) for key, inner in record.items()
                           if isinstance(inner, dict) for _, name, value in _text_candidates(inner)]
        # an object under a text name ({"article": {...}}) is where the text may be, not the text
        candidates = [candidate for candidate in candidates if not isinstance(candidate[2], dict)]
    for holder, _, value in candidates:
        if _is_text(value):
            return holder, value
    if not candidates:
        return _Problem(line, NO_TEXT_FIELD, f"looked for {', '.join(TEXT_NAMES)}, in any case; "
                                             f"the record has: {_keys(record)}")
    _, name, value = candidates[0]
    if value is None or isinstance(value, str):
        return _Problem(line, EMPTY_TEXT, f"field '{_shown(name)}' is {'null' if value is None else 'blank'}")
    return _Problem(line, TEXT_NOT_STRING, f"field '{_shown(name)}' is {_json_kind(value)}")


def _is_text(value: object) -> bool:
    return isinstance(value, str) and value != "" and not value.isspace()


def _text_candidates(record: Mapping[str, Any]) -> list[tuple[Mapping[str, Any], str, Any]]:
    return [(record, key, record[key]) for key in _usual_keys(tuple(record))[_TEXT]]


def _field(record: Mapping[str, Any], holders: tuple[Mapping[str, Any], ...], name: str | None,
           which: int) -> str | None:
    """A field other than the text: the one named, or the first of the usual names with a value."""
    if name:
        found = _at(record, name)
        return _scalar(found[1]) if found else None
    for holder in holders:
        for key in _usual_keys(tuple(holder))[which]:
            value = _scalar(holder[key])
            if value is not None:
                return value
    return None


def _scalar(value: object) -> str | None:
    """A field's value as text: strings stripped, numbers written, MongoDB's {"$date": ...} unwrapped;
    None for nothing, a blank string, true or false, a list or an object."""
    while isinstance(value, dict) and len(value) == 1 and next(iter(value)).startswith("$"):
        [value] = value.values()
    if isinstance(value, str):
        return _writable(value.strip()) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _writable(text: str) -> str:
    """The text with each lone surrogate (which JSON escapes can give) made U+FFFD, so UTF-8 can write it."""
    return text if _encodes(text) else _SURROGATE.sub("\ufffd", text)


def _encodes(text: str) -> bool:
    """Whether UTF-8 can write the text: whether it has no surrogate (much faster than a search for one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else "a string"


def _shown(text: str, limit: int = 40) -> str:
    """Text as a message shows it: on one line, at most `limit` characters."""
    text = text if len(text) <= limit else text[:limit - 1] + "…"
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape", "backslashreplace")
                            .decode("ascii"), text)


def _keys(record: Mapping[str, Any], limit: int = 8) -> str:
    keys = [_shown(key, 30) for key in list(record)[:limit]]
    more = len(record) - limit
    return (", ".join(keys) or "no fields") + (f" and {more} more" if more > 0 else "")


# JSON Lines.

def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    return iter(lambda: stream.read(_CHUNK), b"")


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes | None]:
    """The lines of the bytes, without their ends; None for a line longer than MAX_RECORD_BYTES, which
    is skipped as it is read, never held."""
    pending: list[bytes] = []  # the line begun in earlier chunks
    size = 0
    for chunk in chunks:
        parts = chunk.split(b"\n")
        for part in parts[:-1]:
            size += len(part)
            if size > MAX_RECORD_BYTES:
                yield None
            elif pending:
                pending.append(part)
                yield b"".join(pending)
            else:
                yield part
            pending.clear()
            size = 0
        size += len(parts[-1])
        if size <= MAX_RECORD_BYTES:
            pending.append(parts[-1])
        else:
            pending.clear()
    if size > MAX_RECORD_BYTES:
        yield None
    elif size:
        yield b"".join(pending)


def _json_lines(stream: BinaryIO, fields: FieldNames) -> Iterator[Record | _Problem]:
    return _json_line_records(_lines(_chunks(stream)), fields)


def _json_line_records(lines: Iterable[bytes | None], fields: FieldNames) -> Iterator[Record | _Problem]:
    number = 0
    for line, raw in enumerate(lines, 1):
        if raw is None:
            number += 1
            yield _Problem(line, TOO_LONG, f"over {MAX_RECORD_BYTES:,} bytes")
            continue
        if line == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if line == 1 and raw.startswith(_GZIP_MAGIC):
            yield _Problem(line, GZIP_DATA, GZIP_HINT)
            return
        if not raw.strip():
            continue
        number += 1
        try:
            value = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            yield _Problem(line, NOT_UTF8, f"byte 0x{raw[error.start]:02x} at column {error.start + 1}")
            continue
        except json.JSONDecodeError as error:
            yield _Problem(line, NOT_JSON, f"{error.msg.removesuffix(' at')} at column {error.colno}")
            continue
        except (ValueError, RecursionError) as error:  # an integer of over 4,300 digits; nesting too deep
            yield _Problem(line, NOT_JSON, _shown(str(error) or "nested too deeply", 80))
            continue
        yield _object(line, number, value, fields)


def _object(line: int, number: int, value: object, fields: FieldNames, where: str = "") -> Record | _Problem:
    if not isinstance(value, dict):
        return _Problem(line, NOT_OBJECT, _json_kind(value) + where)
    found = _record(line, number, value, fields)
    if isinstance(found, _Problem) and where:
        return _Problem(found.line, found.kind, found.detail + where)
    return found


# JSON: an array of records, or JSON Lines.

def _json(stream: BinaryIO, fields: FieldNames) -> Iterator[Record | _Problem]:
    """A JSON array of records, or JSON Lines: the first character that is not blank says which."""
    chunks = _chunks(stream)
    head = b""
    for chunk in chunks:  # enough to see the first character that is not blank
        head += chunk
        if head.lstrip(b" \t\r\n\xef\xbb\xbf") or len(head) > MAX_RECORD_BYTES:
            break
    data = chain([head], chunks)
    if head.lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"["):
        yield from _json_array(data, fields)
    else:
        yield from _json_line_records(_lines(data), fields)


def _json_array(chunks: Iterator[bytes], fields: FieldNames) -> Iterator[Record | _Problem]:
    """The records of a JSON array, decoded one element at a time as the chunks are read.

    An element is decoded from the text read so far; where it runs past it, more is read and it is
    decoded again. Decoding fails at once where the element is invalid, near the end where it is only
    cut short: so a bad element is found without reading ahead, and an element is decoded about once
    more a chunk it spans. Bytes that are not UTF-8 are kept as escapes (surrogateescape) until an
    element is decoded, so that they make only their element an error."""
    decode = codecs.getincrementaldecoder("utf-8-sig")("surrogateescape").decode
    decoder = json.JSONDecoder()
    text = ""
    pos = 0  # where in `text` the next unread character is
    line = 1  # the line of text[pos]
    ended = False
    escapes = False  # whether `text` holds a byte that is not UTF-8

    def more() -> bool:
        nonlocal text, pos, ended, escapes
        if ended:
            return False
        chunk = next(chunks, None)
        ended = chunk is None
        new = decode(chunk or b"", final=ended)
        del chunk
        rest, text = text[pos:], ""  # the text read is let go before the new is joined to what is left of it
        escapes = (escapes and not _encodes(rest)) or not _encodes(new)
        text, pos = rest + new, 0
        return True

    def rest_unread(detail: str) -> _Problem:
        return _Problem(line, NOT_JSON, f"{detail}; the rest of the file is not read")

    state = "["  # what comes next: "[", "first" (a value or "]"), "value", "," (or "]"), "end"
    number = 0
    while True:
        blank = _WHITESPACE.match(text, pos)
        assert blank is not None  # it matches the empty string
        line += text.count("\n", pos, blank.end())
        pos = blank.end()
        if pos == len(text):
            if more():
                continue
            break
        char = text[pos]
        if state == "end":
            yield rest_unread(f"{_shown(text[pos:pos + 20])!r} after the end of the array")
            return
        if (state == "[" and char == "[") or (state == "," and char == ","):
            state = "first" if char == "[" else "value"
            pos += 1
            continue
        if state in ("first", ",") and char == "]":
            state = "end"
            pos += 1
            continue
        if state in ("[", ","):
            yield rest_unread(f"expected {state!r} or ']', found {_shown(text[pos:pos + 20])!r}")
            return
        while True:
            try:
                value, end = decoder.raw_decode(text, pos)
                break
            except json.JSONDecodeError as error:
                cut_short = error.pos >= len(text) - 16 or error.msg.startswith("Unterminated string")
                if cut_short and len(text) - pos > MAX_RECORD_BYTES:
                    yield _Problem(line, TOO_LONG, f"over {MAX_RECORD_BYTES:,} bytes; "
                                                   f"the rest of the file is not read")
                    return
                if cut_short and more():
                    continue
                if cut_short:
                    yield rest_unread("the file ends inside a record (is it cut short?)")
                    return
                line += text.count("\n", pos, error.pos)
                yield rest_unread(_shown(error.msg, 80))
                return
            except (ValueError, RecursionError) as error:  # an integer of over 4,300 digits; deep nesting
                yield rest_unread(_shown(str(error) or "nested too deeply", 80))
                return
        number += 1
        where = f"; item {number} of the array"
        bad_byte = _ESCAPED_BYTE.search(text, pos, end) if escapes else None
        if bad_byte:
            yield _Problem(line, NOT_UTF8, f"byte 0x{ord(bad_byte.group()) - 0xDC00:02x}{where}")
        else:
            yield _object(line, number, value, fields, where)
        line += text.count("\n", pos, end)
        pos = end
        state = ","
    if state != "end":
        yield rest_unread("the file ends inside the array (is it cut short?)")


# CSV.

class _LineTooLong(Exception):
    """A line of a CSV file longer than MAX_FIELD_CHARS (its rest has been skipped)."""


class _CountedLines:
    """The lines of a text, counted as they are read, each at most MAX_FIELD_CHARS: a longer one
    raises _LineTooLong (once, for csv.reader to pass on) and is skipped. Lines end as csv reads them
    (newline=""): at \\n, \\r\\n or \\r."""

    def __init__(self, text: io.TextIOBase) -> None:
        self.text = text
        self.count = 0

    def __iter__(self) -> _CountedLines:
        return self

    def __next__(self) -> str:
        line = self.text.readline(MAX_FIELD_CHARS + 1)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) > MAX_FIELD_CHARS and not line.endswith(("\n", "\r")):
            while line and not line.endswith(("\n", "\r")):
                line = self.text.readline(_CHUNK)
            raise _LineTooLong
        return line


def _csv(stream: BinaryIO, fields: FieldNames) -> Iterator[Record | _Problem]:
    """The records of a CSV file with a header row. csv.field_size_limit is raised, for the whole
    process (it is one setting), to MAX_FIELD_CHARS where it is lower."""
    if csv.field_size_limit() < MAX_FIELD_CHARS:
        csv.field_size_limit(MAX_FIELD_CHARS)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape",
                            newline="")
    try:
        lines = _CountedLines(text)
        rows = csv.reader(lines)
        header: list[str] | None = None
        number = 0
        while True:
            line = lines.count + 1
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as error:
                number += 1
                yield _Problem(line, NOT_CSV, _shown(str(error), 80))
                continue
            except _LineTooLong:
                number += 1
                yield _Problem(line, TOO_LONG, f"a line of over {MAX_FIELD_CHARS:,} characters")
                continue
            if not "".join(row).strip() and len(row) <= 1:
                continue  # a blank line
            if header is None and row[0].startswith(_GZIP_MAGIC.decode("latin-1").replace("\x8b", "\udc8b")):
                yield _Problem(line, GZIP_DATA, GZIP_HINT)
                return
            if header is None:
                header = row
                continue
            number += 1
            yield _row(line, number, header, row, fields)
    finally:
        text.detach()  # the stream is the caller's, to close


def _row(line: int, number: int, header: list[str], row: list[str], fields: FieldNames) -> Record | _Problem:
    if len(row) != len(header):
        return _Problem(line, WRONG_FIELD_COUNT, f"{len(row)}; the header has {len(header)}")
    for name, value in zip(header, row):
        bad_byte = None if _encodes(value) else _ESCAPED_BYTE.search(value)
        if bad_byte:
            return _Problem(line, NOT_UTF8, f"byte 0x{ord(bad_byte.group()) - 0xDC00:02x} in field '{_shown(name)}'")
    return _record(line, number, dict(zip(header, row)), fields)


_PARSERS = {".jsonl": _json_lines, ".ndjson": _json_lines, ".json": _json, ".csv": _csv}
