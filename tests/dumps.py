"""News dumps made from the real articles, as common news datasets lay them out, with bad records among them.

    .venv/bin/python tests/dumps.py DIR      # writes the dumps into DIR (new) and lists them

Twenty of the real articles (tests/data/real/articles, line 1 the headline) are written as JSON Lines
in the layout of news-please, of CC-News (with a byte-order mark and CRLF line ends, as .ndjson) and of
a dump with the article nested (`{"article": {"body": ...}}`); as a JSON array as NewsAPI gives it
(pretty-printed, and on one line); as JSON Lines named .json; and as CSV exported from a spreadsheet
(a header in other words, text over several lines, commas and quotes inside). Each is also gzipped.
Among the records are bad ones: a line that is not JSON, an array, a record with no text field, with
empty text, with a number as text, with a byte that is not UTF-8, a CSV row with too few fields; and
whole files that are bad: a gzip file cut short, one that is damaged, one that is not gzip, a dump
whose text field has an unusual name (read when it is named), empty ones.

`dumps()` returns a Dump per file, saying what reading it must give: `expected`, in order, a Record for
each record read and a Bad for each error. Everything is made from code, deterministically (gzip
without a time stamp); tests/test_extract_dumps.py reads every dump and checks every item.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from extract.dumps import AUTO, FieldNames, Record

ARTICLES = Path(__file__).resolve().parent / "data" / "real" / "articles"
COUNT = 20

NAMED_MISSING = "no field 'article.body'"
LOOKED_FOR = "looked for text, content, body, maintext, article, full_text, article_text, in any case"


@dataclass(frozen=True)
class Bad:
    """An error reading a dump: `line` the record's (None for the whole file), `problem` the message
    after the file and line, exactly."""

    line: int | None
    problem: str


@dataclass(frozen=True)
class Dump:
    """One dump file: its name (the suffix says the format), its bytes, and what reading it gives.

    `expected` is every item in order. Where `stream_error` is set, the stream fails part-way (a
    gzip file cut short): the items read are the first of `expected`, then that error, for the file.
    """

    name: str
    data: bytes
    expected: tuple[Record | Bad, ...]
    fields: FieldNames = AUTO
    stream_error: str = ""


@dataclass(frozen=True)
class Article:
    stem: str
    headline: str
    body: str
    url: str
    published: date


def articles() -> list[Article]:
    """Twenty real articles, every sixth file in name order: the headline is line 1, the body the rest."""
    paths = sorted(ARTICLES.glob("*.txt"))
    chosen = paths[::len(paths) // COUNT][:COUNT]
    found = []
    for index, path in enumerate(chosen):
        headline, _, body = path.read_text(encoding="utf-8").partition("\n")
        found.append(Article(stem=path.stem, headline=headline.strip(), body=body.strip(),
                             url=f"https://english.news.example.cn/{path.stem.replace('_', '-')}.html",
                             published=date(2021, 1, 4) + timedelta(days=17 * index)))
    return found


class _Lines:
    """A JSON Lines file as it is written, line by line, with what reading each line gives."""

    def __init__(self) -> None:
        self.lines: list[bytes] = []
        self.expected: list[Record | Bad] = []
        self.number = 0

    def good(self, value: object, text: str, title: str | None = None, date: str | None = None,
             url: str | None = None, id: str | None = None) -> None:
        self.number += 1
        self.lines.append(json.dumps(value, ensure_ascii=False).encode("utf-8"))
        self.expected.append(Record(line=len(self.lines), text=text, title=title, date=date, url=url, id=id,
                                    number=self.number))

    def bad(self, raw: bytes, problem: str) -> None:
        self.number += 1
        self.lines.append(raw)
        self.expected.append(Bad(len(self.lines), problem))

    def blank(self, raw: bytes = b"") -> None:
        self.lines.append(raw)

    def data(self, end: bytes = b"\n", start: bytes = b"") -> bytes:
        return start + b"".join(line + end for line in self.lines)


def _news_please(article: Article) -> dict[str, object]:
    """A record as news-please writes it (its JSON output, one article)."""
    return {
        "authors": [], "date_download": "2023-05-02 11:20:31", "date_modify": None,
        "date_publish": f"{article.published} 08:15:00", "description": article.body.split("\n")[0][:160],
        "filename": f"{article.stem}.json", "image_url": None, "language": "en", "localpath": None,
        "maintext": article.body, "source_domain": "english.news.example.cn", "title": article.headline,
        "title_page": None, "title_rss": None, "url": article.url,
    }


def news_please(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """news-please's JSON Lines, with a bad record of each kind among the good ones, and blank lines."""
    lines = _Lines()
    for article in chosen[:3]:
        lines.good(_news_please(article), article.body, article.headline, f"{article.published} 08:15:00",
                   article.url)
    lines.bad(b'{"title": "Cut off", "maintext": "The district government', "not JSON (Unterminated string "
                                                                            "starting at column 34)")
    lines.blank()
    lines.bad(json.dumps([chosen[3].headline, chosen[3].body]).encode(), "not a JSON object (an array)")
    record = _news_please(chosen[4])
    del record["maintext"]
    lines.bad(json.dumps(record).encode(), f"no text field ({LOOKED_FOR}; the record has: authors, "
                                           "date_download, date_modify, date_publish, description, filename, "
                                           "image_url, language and 6 more)")
    lines.bad(json.dumps({**_news_please(chosen[5]), "maintext": ""}).encode(),
              "empty text (field 'maintext' is blank)")
    lines.bad(json.dumps({**_news_please(chosen[5]), "maintext": None}).encode(),
              "empty text (field 'maintext' is null)")
    lines.bad(json.dumps({**_news_please(chosen[5]), "maintext": 20210304}).encode(),
              "text is not a string (field 'maintext' is a number)")
    latin1 = json.dumps({"title": "Caf\u00e9 owners sign deal", "maintext": chosen[6].body}, ensure_ascii=False)
    lines.bad(latin1.encode("latin-1", "replace"), "not UTF-8 (byte 0xe9 at column 15)")
    lines.blank(b"   \t")
    for article in chosen[6:8]:
        lines.good(_news_please(article), article.body, article.headline, f"{article.published} 08:15:00",
                   article.url)
    return lines.data(), tuple(lines.expected)


def cc_news(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """CC-News (Hugging Face cc_news) records, with a byte-order mark and CRLF line ends."""
    lines = _Lines()
    for article in chosen[8:12]:
        value = {"title": article.headline, "text": article.body, "domain": "english.news.example.cn",
                 "date": f"{article.published} 19:31:27", "description": article.body[:100],
                 "url": article.url, "image_url": None}
        lines.good(value, article.body, article.headline, f"{article.published} 19:31:27", article.url)
    lines.bad(json.dumps({"title": "Photo gallery", "text": " \n ", "url": "https://x.example.cn/p"}).encode(),
              "empty text (field 'text' is blank)")
    return lines.data(b"\r\n", b"\xef\xbb\xbf"), tuple(lines.expected)


def nested(chosen: list[Article], named: bool = False) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """Records with the article one level down, and ids as numbers: the text is at article.body (found,
    or `named` in NESTED_FIELDS)."""
    lines = _Lines()
    for number, article in enumerate(chosen[12:16], 1001):
        value = {"id": number, "source": {"id": "xinhua", "name": "Xinhua"}, "link": article.url,
                 "article": {"headline": article.headline, "body": article.body,
                             "published": f"{article.published}T08:15:00+08:00"}}
        lines.good(value, article.body, article.headline, f"{article.published}T08:15:00+08:00", article.url,
                   str(number))
    lines.bad(json.dumps({"id": 1099, "source": {"id": "xinhua"}, "article": {"headline": "No body"}}).encode(),
              f"no text field ({NAMED_MISSING if named else LOOKED_FOR}; the record has: id, source, "
              "article)")
    return lines.data(), tuple(lines.expected)


NESTED_FIELDS = FieldNames(text="article.body", title="article.headline", date="article.published",
                           url="link", id="id")


def _news_api(article: Article) -> dict[str, object]:
    return {"source": {"id": None, "name": "China News Example"}, "author": None, "title": article.headline,
            "description": article.body[:120], "url": article.url, "urlToImage": None,
            "publishedAt": f"{article.published}T00:15:00Z", "content": article.body}


def news_api(chosen: list[Article], indent: int | None) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """A JSON array of NewsAPI articles, pretty-printed (`indent`) or on one line, with two bad elements."""
    elements: list[tuple[object, Record | Bad]] = []
    for article in chosen[16:18]:
        elements.append((_news_api(article), Record(line=0, text=article.body, title=article.headline,
                                                    date=f"{article.published}T00:15:00Z", url=article.url)))
    elements.append(("[Removed]", Bad(0, "not a JSON object (a string; item 3 of the array)")))
    elements.append(({**_news_api(chosen[18]), "content": None},
                     Bad(0, "empty text (field 'content' is null; item 4 of the array)")))
    elements.append((_news_api(chosen[19]), Record(line=0, text=chosen[19].body, title=chosen[19].headline,
                                                   date=f"{chosen[19].published}T00:15:00Z",
                                                   url=chosen[19].url)))
    parts = [json.dumps(value, indent=indent, ensure_ascii=False) for value, _ in elements]
    if indent is None:
        text = "[" + ", ".join(parts) + "]"
        lines = [1] * len(parts)
    else:
        text = "[\n" + ",\n".join(parts) + "\n]\n"
        lines = [2 + sum(part.count("\n") + 1 for part in parts[:index]) for index in range(len(parts))]
    expected: list[Record | Bad] = []
    for number, ((_, item), line) in enumerate(zip(elements, lines), 1):
        expected.append(dataclasses.replace(item, line=line, number=number) if isinstance(item, Record)
                        else dataclasses.replace(item, line=line))
    return text.encode("utf-8"), tuple(expected)


def hf_export(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """JSON Lines named .json, as Hugging Face datasets' to_json writes it, ids as text."""
    lines = _Lines()
    for article in chosen[:5]:
        value = {"id": article.stem, "title": article.headline, "text": article.body,
                 "date": article.published.strftime("%B %d, %Y"), "url": article.url}
        lines.good(value, article.body, article.headline, article.published.strftime("%B %d, %Y"), article.url,
                   article.stem)
    return lines.data(), tuple(lines.expected)


CSV_HEADER = ["Article ID", "Headline", "Published At", "URL", "Body", "Section"]


def spreadsheet(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """CSV as a spreadsheet exports it: a byte-order mark, CRLF rows, text over several lines, commas and quotes in fields,
    a column header in words; a short row, an empty body and a byte that is not UTF-8 among the rows."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    expected: list[Record | Bad] = []
    number = 0

    def line() -> int:  # the line the next row starts on
        text = buffer.getvalue()
        return text.count("\n") - text.count("\r\n") + text.count("\r") + 1

    def good(article: Article, headline: str) -> None:
        nonlocal number
        number += 1
        expected.append(Record(line=line(), text=article.body, title=headline, date=article.published.isoformat(),
                               url=article.url, id=f"A{number:04d}", number=number))
        writer.writerow([f"A{number:04d}", headline, article.published.isoformat(), article.url, article.body,
                         "Business, Economy"])

    def bad(row: list[str], problem: str) -> None:
        nonlocal number
        number += 1
        expected.append(Bad(line(), problem))
        writer.writerow(row)

    for article in chosen[:4]:
        good(article, article.headline)
    bad(["A0005", chosen[4].headline, chosen[4].published.isoformat()], "wrong number of fields (3; the header "
                                                                         "has 6)")
    good(chosen[5], f'{chosen[5].headline} ("Exclusive")')
    bad(["A0007", chosen[6].headline, chosen[6].published.isoformat(), chosen[6].url, "", "Business"],
        "empty text (field 'Body' is blank)")
    bad(["A0008", "Z\u00fcrich firm \u00a7 deal", "2021-05-01", chosen[7].url, "Z\u00fcrich text", "World"],
        "not UTF-8 (byte 0xfc in field 'Headline')")
    good(chosen[8], chosen[8].headline)
    data = buffer.getvalue().encode("utf-8-sig")
    data = data.replace("Z\u00fcrich firm \u00a7".encode(), "Z\u00fcrich firm \u00a7".encode("latin-1"))
    return data, tuple(expected)


def wrong_shape(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """A scraper's own layout, its text under a name that is not one of the usual ones ("story"): not one
    record has a text field, which is one error for the file."""
    lines = [json.dumps({"headline": article.headline, "story": article.body, "pub_date": str(article.published),
                         "permalink": article.url}) for article in chosen]
    problem = (f"none of its {len(chosen)} records can be read: no text field (line 1: {LOOKED_FOR}; the record "
               "has: headline, story, pub_date, permalink); name the field that holds the text")
    return "".join(line + "\n" for line in lines).encode(), (Bad(None, problem),)


SCRAPER_FIELDS = FieldNames(text="story", title="headline", date="pub_date", url="permalink")


def scraper_named(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """The scraper's layout with its fields named: every record read."""
    data, _ = wrong_shape(chosen)
    return data, tuple(Record(line=number, text=article.body, title=article.headline, date=str(article.published),
                              url=article.url, number=number) for number, article in enumerate(chosen, 1))


def many_bad(chosen: list[Article]) -> tuple[bytes, tuple[Record | Bad, ...]]:
    """Good records, then 25 with no text field, then a good one: ten errors listed, the rest counted."""
    lines = _Lines()
    lines.good({"text": chosen[0].body}, chosen[0].body)
    for index in range(25):
        lines.bad(json.dumps({"headline": f"Gallery {index}"}).encode(),
                  f"no text field ({LOOKED_FOR}; the record has: headline)")
    lines.good({"text": chosen[1].body}, chosen[1].body)
    expected = [item for item in lines.expected if isinstance(item, Record) or (item.line or 0) <= 11]
    expected.append(Bad(None, "15 more records: no text field (only the first 10 are listed)"))
    return lines.data(), tuple(expected)


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def dumps() -> list[Dump]:
    """Every dump, each also gzipped, and the bad files."""
    chosen = articles()
    plain = [
        Dump("news_please.jsonl", *news_please(chosen)),
        Dump("cc_news.ndjson", *cc_news(chosen)),
        Dump("nested.jsonl", *nested(chosen)),
        Dump("nested_named.jsonl", *nested(chosen, named=True), fields=NESTED_FIELDS),
        Dump("newsapi.json", *news_api(chosen, indent=2)),
        Dump("newsapi_one_line.json", *news_api(chosen, indent=None)),
        Dump("hf_export.json", *hf_export(chosen)),
        Dump("spreadsheet.csv", *spreadsheet(chosen)),
        Dump("scraper.jsonl", *wrong_shape(chosen)),
        Dump("scraper_named.jsonl", *scraper_named(chosen), fields=SCRAPER_FIELDS),
        Dump("many_bad.jsonl", *many_bad(chosen)),
        Dump("empty.jsonl", b"", (Bad(None, "no records"),)),
        Dump("header_only.csv", (",".join(CSV_HEADER) + "\r\n").encode(), (Bad(None, "no records"),)),
    ]
    compressed = [dataclasses.replace(dump, name=dump.name + ".gz", data=gzipped(dump.data)) for dump in plain]
    return plain + compressed + list(bad_gzip(chosen))


def bad_gzip(chosen: list[Article]) -> Iterator[Dump]:
    """Gzip files that fail part-way: cut short, damaged (a CRC that does not match), not gzip at all.
    The dump is large enough (over 1 MiB) for records to come out before the failure."""
    lines = _Lines()
    for copy in range(80):
        for article in chosen:
            lines.good({"id": f"{article.stem}-{copy}", "text": article.body}, article.body,
                       id=f"{article.stem}-{copy}")
    data = gzipped(lines.data())
    expected = tuple(lines.expected)
    yield Dump("cut_short.jsonl.gz", data[:len(data) * 2 // 3], expected,
               stream_error="gzip file cut short (it ends inside its compressed data)")
    damaged = bytearray(data)
    damaged[-5] ^= 0xFF  # in the CRC-32 of the uncompressed data, in the gzip trailer
    yield Dump("damaged.jsonl.gz", bytes(damaged), expected,
               stream_error="not a valid gzip file (its data is damaged: CRC check failed)")
    yield Dump("not_gzip.jsonl.gz", lines.data()[:5000], (), stream_error="not a valid gzip file (not gzip data)")


def write_dumps(folder: Path) -> list[Dump]:
    """Write every dump into `folder`, which must not exist; return them."""
    folder.mkdir(parents=True)
    cases = dumps()
    for dump in cases:
        (folder / dump.name).write_bytes(dump.data)
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="folder to write the dumps into (must not exist)")
    for dump in write_dumps(parser.parse_args().folder):
        records = sum(isinstance(item, Record) for item in dump.expected)
        errors = len(dump.expected) - records
        if dump.stream_error:
            print(f"{dump.name:<28} {len(dump.data):>9,} bytes  the first of {records} records, then: "
                  f"{dump.stream_error}")
        else:
            print(f"{dump.name:<28} {len(dump.data):>9,} bytes  {records:>4} records  {errors:>2} errors")


if __name__ == "__main__":
    main()
