"""Reading news dumps (JSON Lines, JSON arrays, CSV) and gzip: every record, every error, one record at a time."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tracemalloc
from pathlib import Path

import pytest
from dumps import Bad, Dump, articles, dumps

from extract import dumps as dumps_module
from extract.dumps import (
    AUTO,
    DUMP_SUFFIXES,
    FieldNames,
    Record,
    RecordError,
    iter_records,
    open_input,
)
from extract.errors import ArticleError

DUMPS = dumps()


def read(path: Path, fields: FieldNames = AUTO) -> list[Record | ArticleError]:
    stream, suffix = open_input(path)
    with stream:
        return list(iter_records(stream, str(path), suffix, fields))


def read_bytes(data: bytes, suffix: str = ".jsonl", fields: FieldNames = AUTO) -> list[Record | ArticleError]:
    return list(iter_records(io.BytesIO(data), f"news{suffix}", suffix, fields))


def message(name: str, bad: Bad) -> str:
    return f"{name}: {bad.problem}" if bad.line is None else f"{name}:{bad.line}: {bad.problem}"


def assert_items(items: list[Record | ArticleError], expected: tuple[Record | Bad, ...], name: str) -> None:
    assert len(items) == len(expected), [str(item) for item in items]
    for item, wanted in zip(items, expected):
        if isinstance(wanted, Record):
            assert item == wanted
        else:
            assert isinstance(item, RecordError), item
            assert str(item) == message(name, wanted)
            assert item.line == wanted.line


@pytest.mark.parametrize("dump", DUMPS, ids=[dump.name for dump in DUMPS])
def test_every_record_and_every_error_comes_out(dump: Dump, tmp_path: Path) -> None:
    path = tmp_path / dump.name
    path.write_bytes(dump.data)
    items = read(path, dump.fields)
    assert all("\n" not in str(item) for item in items if isinstance(item, ArticleError))
    if not dump.stream_error:
        assert_items(items, dump.expected, str(path))
        return
    *before, last = items
    assert_items(before, dump.expected[:len(before)], str(path))
    assert isinstance(last, ArticleError) and not isinstance(last, RecordError)
    assert str(last) == f"{path}: {dump.stream_error}"
    assert len(before) >= 500 or not dump.expected  # a megabyte of records came out before the failure


def test_the_dumps_hold_what_they_should() -> None:
    """The corpus is what its cases say: every format, records over lines, commas and quotes in CSV fields."""
    names = {dump.name for dump in DUMPS}
    assert {Path(name).suffix for name in names} == {*DUMP_SUFFIXES, ".gz"}
    assert all(dump.name + ".gz" in names for dump in DUMPS if not dump.name.endswith(".gz"))
    [spreadsheet] = [dump for dump in DUMPS if dump.name == "spreadsheet.csv"]
    texts = [item.text for item in spreadsheet.expected if isinstance(item, Record)]
    titles = [item.title or "" for item in spreadsheet.expected if isinstance(item, Record)]
    assert all("\n" in text and "," in text for text in texts)
    assert any('"' in title for title in titles)
    assert sum(isinstance(item, Record) for dump in DUMPS for item in dump.expected) > 1000
    chosen = articles()
    assert len(chosen) == 20 and len({article.body for article in chosen}) == 20


@pytest.mark.parametrize("dump", [dump for dump in DUMPS if dump.name.endswith(".gz") and not dump.stream_error],
                         ids=lambda dump: dump.name)
def test_gzip_gives_what_the_plain_file_gives(dump: Dump, tmp_path: Path) -> None:
    plain, packed = tmp_path / dump.name.removesuffix(".gz"), tmp_path / "packed" / dump.name.removesuffix(".gz")
    packed = packed.with_name(packed.name + ".gz")
    packed.parent.mkdir()
    plain.write_bytes(gzip.decompress(dump.data))
    packed.write_bytes(dump.data)

    def problems(items: list[Record | ArticleError]) -> list[Record | tuple[int | None, str]]:
        return [item if isinstance(item, Record) else (getattr(item, "line", None), item.problem) for item in items]

    assert problems(read(packed, dump.fields)) == problems(read(plain, dump.fields))


@pytest.mark.parametrize(("name", "suffix"), [("a.jsonl.gz", ".jsonl"), ("b.html.gz", ".html"), ("c.txt.gz", ".txt"),
                                              ("d.gz", ""), ("E.CSV.GZ", ".csv"), ("f.ndjson", ".ndjson"),
                                              ("g.Json", ".json"), ("h.txt", ".txt")])
def test_open_input_decompresses_and_says_what_is_inside(name: str, suffix: str, tmp_path: Path) -> None:
    data = "Headline\n\nBody text, 中文.\n".encode() * 1000
    (tmp_path / name).write_bytes(gzip.compress(data, mtime=0) if name.lower().endswith(".gz") else data)
    stream, found = open_input(tmp_path / name)
    with stream:
        assert found == suffix
        assert stream.read() == data


def test_a_gzip_error_is_raised_where_the_stream_is_read(tmp_path: Path) -> None:
    """Reading a damaged .txt.gz raises ArticleError naming the file, from read(), readline() and iteration."""
    data = gzip.compress(os.urandom(300_000), mtime=0)
    path = tmp_path / "page.txt.gz"
    path.write_bytes(data[:len(data) // 2])
    for read_all in (lambda stream: stream.read(), lambda stream: list(stream),
                     lambda stream: [stream.readline() for _ in range(10_000)]):
        stream, _ = open_input(path)
        with stream, pytest.raises(ArticleError) as raised:
            read_all(stream)
        assert str(raised.value) == f"{path}: gzip file cut short (it ends inside its compressed data)"
    path.write_bytes(b"Headline\n\nA plain text page, named .gz.\n")
    stream, _ = open_input(path)
    with stream, pytest.raises(ArticleError, match=r"page\.txt\.gz: not a valid gzip file \(not gzip data\)$"):
        stream.read(100)


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_a_bad_gzip_file_is_the_last_item_whatever_it_holds(suffix: str, tmp_path: Path) -> None:
    """The error comes out of the iteration, not out of the call: a caller reads items, never a traceback."""
    path = tmp_path / f"news{suffix}.gz"
    path.write_bytes(b"title,text\nA,a\n")
    stream, inner = open_input(path)
    with stream:
        items = iter_records(stream, str(path), inner)
        assert [str(item) for item in items] == [f"{path}: not a valid gzip file (not gzip data)"]


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv"])
def test_gzip_data_not_named_gz_is_one_error_saying_so(suffix: str) -> None:
    data = gzip.compress(b'{"text": "a"}\n' * 100)
    assert [str(item) for item in read_bytes(data, suffix)] == [
        f"news{suffix}:1: gzip data (the file is compressed: name it with .gz at the end)"]


def test_open_input_closes_the_file_under_the_gzip_stream(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n'))
    stream, _ = open_input(path)
    raw = stream.fileobj  # type: ignore[attr-defined]
    stream.close()
    assert raw.closed


def test_open_input_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"missing\.jsonl: no such file or directory$"):
        open_input(tmp_path / "missing.jsonl")
    (tmp_path / "folder.jsonl").mkdir()
    with pytest.raises(ArticleError, match=r"folder\.jsonl: a folder, not a file$"):
        open_input(tmp_path / "folder.jsonl")
    os.mkfifo(tmp_path / "pipe.jsonl.gz")
    with pytest.raises(ArticleError, match=r"pipe\.jsonl\.gz: not a regular file$"):
        open_input(tmp_path / "pipe.jsonl.gz")  # at once: the pipe has no writer, and is not waited on


def test_explicit_field_names_override_the_usual_ones() -> None:
    record = {"text": "The summary.", "body": "The full text.", "title": "Short", "Headline": "The headline",
              "meta": {"published": "2021-08-09", "link": "https://a.example.cn/1"}, "date": "2020-01-01",
              "article.body": "A key with a dot."}
    data = json.dumps(record).encode()
    [auto] = read_bytes(data)
    assert auto == Record(line=1, text="The summary.", title="Short", date="2020-01-01", number=1)
    fields = FieldNames(text="BODY", title="headline", date="meta.published", url="meta.link", id="meta.none")
    [named] = read_bytes(data, fields=fields)
    assert named == Record(line=1, text="The full text.", title="The headline", date="2021-08-09",
                           url="https://a.example.cn/1", id=None, number=1)
    [dotted_key] = read_bytes(data, fields=FieldNames(text="article.body"))
    assert dotted_key.text == "A key with a dot."  # type: ignore[union-attr]


def test_a_named_text_field_that_is_missing_or_not_text_is_an_error() -> None:
    data = b'{"article": {"headline": "H"}}\n{"article": {"body": ["para 1", "para 2"]}}\n{"article": "flat"}\n'
    assert [str(item) for item in read_bytes(data, fields=FieldNames(text="article.body"))] == [
        "news.jsonl:1: no text field (no field 'article.body'; the record has: article)",
        "news.jsonl:2: text is not a string (field 'article.body' is an array)",
        "news.jsonl:3: no text field (no field 'article.body'; the record has: article)",
    ]


def test_the_usual_names_are_found_in_any_case_and_spelling() -> None:
    lines = [
        {"Text": "", "MainText": "Text.", "Headline": "H", "publishedAt": "2021-08-09T00:15:00Z",
         "Source URL": "https://a.example.cn/1", "Article-ID": 7},
        {"_id": {"$oid": "5f1d7a"}, "content": "Text.", "date": {"$date": "2021-08-09T00:00:00Z"}, "id": True},
        {"uuid": "u-1", "article": {"body": "Nested.", "title": "Inner"}, "title": "Outer", "url": " https://b/ "},
        {"text": "Broken emoji \ud83d.", "title": "\ud83d"},
    ]
    data = b"".join(json.dumps(line).encode() + b"\n" for line in lines)
    assert read_bytes(data) == [
        Record(line=1, text="Text.", title="H", date="2021-08-09T00:15:00Z", url="https://a.example.cn/1", id="7",
               number=1),
        Record(line=2, text="Text.", date="2021-08-09T00:00:00Z", id="5f1d7a", number=2),
        Record(line=3, text="Nested.", title="Inner", url="https://b/", id="u-1", number=3),
        Record(line=4, text="Broken emoji \ufffd.", title="\ufffd", number=4),
    ]


def test_errors_name_the_file_on_one_line_whatever_its_name_and_keys() -> None:
    data = json.dumps({"head\nline": "x", "body\u2028": 1.5, "k" * 100: None}).encode() + b"\n"
    [error] = list(iter_records(io.BytesIO(data), os.fsdecode(b"dump\xff\n.jsonl"), ".jsonl"))
    assert str(error) == ("dump\\xff\\n.jsonl:1: text is not a string (field 'body\\u2028' is a number)")
    [error] = list(iter_records(io.BytesIO(data.replace(b"body", b"other")), "dump.jsonl", ".jsonl"))
    assert str(error) == ("dump.jsonl:1: no text field (looked for text, content, body, maintext, article, full_text, "
                          "article_text, in any case; the record has: head\\nline, other\\u2028, "
                          f"{'k' * 29}…)")


def test_a_json_array_that_breaks_is_read_up_to_the_break() -> None:
    assert [str(item) if isinstance(item, ArticleError) else item.text
            for item in read_bytes(b'[{"text": "a"},\n {"text": b}, {"text": "c"}]', ".json")] == [
        "a", "news.json:2: not JSON (Expecting value; the rest of the file is not read)"]
    assert [str(item) for item in read_bytes(b'[{"text": "a"},\n {"text": "b"', ".json")][1:] == [
        "news.json:2: not JSON (the file ends inside a record (is it cut short?); the rest of the file is not read)"]
    assert [str(item) for item in read_bytes(b'[{"text": "a"}] {"text": "b"}', ".json")][1:] == [
        "news.json:1: not JSON ('{\"text\": \"b\"}' after the end of the array; the rest of the file is not read)"]
    assert [str(item) for item in read_bytes(b'\n\n[{"text": "a"} {"text": "b"}]', ".json")][1:] == [
        "news.json:3: not JSON (expected ',' or ']', found '{\"text\": \"b\"}]'; the rest of the file is not read)"]


def test_an_array_element_spanning_many_chunks_is_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumps_module, "_CHUNK", 7)
    texts = [f"Text {index}, “quoted”, 中文 " * (index * 5 + 1) for index in range(20)]
    data = json.dumps([{"text": text, "id": index} for index, text in enumerate(texts)], indent=1).encode()
    items = read_bytes(data, ".json")
    assert [item.text for item in items] == texts  # type: ignore[union-attr]
    assert [item.line for item in items] == [2 + 4 * index for index in range(20)]  # type: ignore[union-attr]


def test_a_byte_that_is_not_utf8_makes_only_its_array_element_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumps_module, "_CHUNK", 5)
    data = '[{"text": "a"}, {"text": "Caf\u00e9"}, {"text": "\u00e9"}]'.encode()
    data = data.replace("Caf\u00e9".encode(), b"Caf\xe9")
    assert [str(item) if isinstance(item, ArticleError) else item.text for item in read_bytes(data, ".json")] == [
        "a", "news.json:1: not UTF-8 (byte 0xe9; item 2 of the array)", "\u00e9"]


def test_a_record_too_long_is_skipped_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumps_module, "MAX_RECORD_BYTES", 1000)
    monkeypatch.setattr(dumps_module, "_CHUNK", 64)
    data = b'{"text": "a"}\n{"text": "' + b"x" * 5000 + b'"}\n{"text": "c"}\n{"text": "' + b"y" * 5000 + b'"}'
    assert [str(item) if isinstance(item, ArticleError) else item.text for item in read_bytes(data)] == [
        "a", "news.jsonl:2: record too long (over 1,000 bytes)", "c", "news.jsonl:4: record too long (over 1,000 bytes)"]
    items = read_bytes(b'[{"text": "a"}, {"text": "' + b"x" * 5000 + b'"}]', ".json")
    assert str(items[1]) == "news.json:1: record too long (over 1,000 bytes; the rest of the file is not read)"


def test_a_csv_line_too_long_is_skipped_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumps_module, "MAX_FIELD_CHARS", 1000)
    data = ("title,text\r\nA,a\r\nB," + "b" * 5000 + "\r\nC,c\r\n").encode()
    assert [str(item) if isinstance(item, ArticleError) else item.text for item in read_bytes(data, ".csv")] == [
        "a", "news.csv:3: record too long (a line of over 1,000 characters)", "c"]


def test_a_csv_field_over_the_limit_is_an_error_and_the_rows_after_it_are_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dumps_module, "MAX_FIELD_CHARS", 100)
    limit = csv.field_size_limit(100)
    try:
        data = ('title,text\nA,"' + "a" * 60 + "\n" + "a" * 60 + '"\nB,b\n').encode()
        items = read_bytes(data, ".csv")
    finally:
        csv.field_size_limit(limit)
    assert [str(item) if isinstance(item, ArticleError) else item.text for item in items] == [
        "news.csv:2: not CSV (field larger than field limit (100))", "b"]


def test_a_file_that_fails_the_same_way_from_the_start_is_one_error_and_read_no_further() -> None:
    line = b'{"subject": "Zhang Jifu", "evidence": "Zhang Jifu met with Alex Ju."}\n'
    data = line * 1000 + b'{"text": "never read"}\n' + line * 5000
    [error] = read_bytes(data)
    assert str(error) == (
        "news.jsonl: its first 1,000 records cannot be read, so the rest is not read: no text field (line 1: "
        "looked for text, content, body, maintext, article, full_text, article_text, in any case; the record has: "
        "subject, evidence); name the field that holds the text")
    assert isinstance(error, RecordError) and error.line is None and error.path == "news.jsonl"


def test_errors_of_several_kinds_with_no_record_read_are_each_listed() -> None:
    data = b'not json\n[1]\n{"text": ""}\n'
    assert [str(item) for item in read_bytes(data)] == [
        "news.jsonl:1: not JSON (Expecting value at column 1)", "news.jsonl:2: not a JSON object (an array)",
        "news.jsonl:3: empty text (field 'text' is blank)"]
    assert [str(item) for item in read_bytes(b"\n\n\n{[}\n")] == [
        "news.jsonl:4: not JSON (Expecting property name enclosed in double quotes at column 2)"]


def test_a_pretty_printed_object_is_not_json_lines() -> None:
    data = json.dumps({"status": "ok", "articles": [{"content": "x"}]}, indent=2).encode()
    [error] = read_bytes(data, ".json")
    assert data.count(b"\n") == 7
    assert str(error) == ("news.json: none of its 8 records can be read: not JSON (line 1: Expecting "
                                 "property name enclosed in double quotes at column 2); a dump holds one JSON object "
                                 "a line (JSON Lines), or in a .json file, an array of them")


def test_an_unknown_suffix_is_a_mistake_of_the_caller() -> None:
    with pytest.raises(ValueError, match="not a dump suffix: '.txt'"):
        iter_records(io.BytesIO(b""), "a.txt", ".txt")


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".jsonl.gz"])
def test_memory_stays_bounded_whatever_the_size_of_the_dump(suffix: str, tmp_path: Path) -> None:
    """A dump of 20 MB, 20,000 records: the memory taken at the peak is a small part of it (a few chunks
    read, and a record), not the file. (Fewer records than that make the check weak; more, slow, as
    tracemalloc slows every allocation.)"""
    text = "The district government signed an agreement with the company, worth 1.2 billion yuan. " * 11
    records = ({"title": f"Headline {index}", "maintext": text, "date_publish": "2021-08-09 10:00:00",
                "url": f"https://news.example.cn/{index}", "language": "en"} for index in range(20_000))
    path = tmp_path / f"big{suffix}"
    if suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["title", "maintext", "date_publish", "url", "language"])
            writer.writeheader()
            writer.writerows(records)
    else:
        lines = (json.dumps(value) for value in records)
        data = ("[\n" + ",\n".join(lines) + "\n]\n" if suffix == ".json" else "".join(line + "\n" for line in lines))
        path.write_bytes(gzip.compress(data.encode(), 1, mtime=0) if suffix.endswith(".gz") else data.encode())
    size = len(gzip.decompress(path.read_bytes())) if suffix.endswith(".gz") else path.stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    try:
        stream, inner = open_input(path)
        with stream:
            count = sum(isinstance(item, Record) for item in iter_records(stream, path.name, inner))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert peak < size // 10, f"peak {peak:,} bytes for a dump of {size:,}"
