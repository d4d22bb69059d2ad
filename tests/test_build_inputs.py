"""`newsgraph build` over a folder mixing text files, saved HTML pages, news dumps and gzip: every
article built once, under an id of its own, with its headline, date and URL, evidence true to the
text its offsets are into, and no page chrome (extract/sources.py)."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from copies import corpus
from dumps import articles, news_please, spreadsheet
from pages import page_cases

from conftest import SEEDS
from extract.dumps import Record

pytestmark = pytest.mark.model

NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
PAGES = page_cases()[:4]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of every kind: text, text in gzip, HTML pages (one gzipped, one saved as .txt), a JSON
    Lines dump with a bad record, a CSV dump in gzip, and two files of one name in two sub-folders."""
    folder = tmp_path_factory.mktemp("mixed") / "news"
    (folder / "2021-06").mkdir(parents=True)
    (folder / "2021-08").mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seeds[0], folder / "2021-06" / "index.txt")
    shutil.copy(seeds[4], folder / "2021-08" / "index.txt")
    (folder / "seed-1.txt.gz").write_bytes(gzip.compress(seeds[1].read_bytes(), mtime=0))
    (folder / "pages").mkdir()
    for number, page in enumerate(PAGES):
        name = page.name + (".html", ".html.gz", ".txt", ".htm")[number]
        data = gzip.compress(page.data, mtime=0) if name.endswith(".gz") else page.data
        (folder / "pages" / name).write_bytes(data)
    data, _ = news_please(articles())
    (folder / "dump.jsonl").write_bytes(data)
    data, _ = spreadsheet(articles())
    (folder / "sheet.csv.gz").write_bytes(gzip.compress(data, mtime=0))
    return folder


def _expected(made: tuple[bytes, tuple[Any, ...]]) -> tuple[list[Record], int]:
    """A generated dump's good records, and how many of its records are bad."""
    _, expected = made
    return [item for item in expected if isinstance(item, Record)], sum(1 for item in expected
                                                                      if not isinstance(item, Record))


JSONL, JSONL_BAD = _expected(news_please(articles()))
CSV, CSV_BAD = _expected(spreadsheet(articles()))


@pytest.fixture(scope="module")
def built(mixed: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("mixed-out")
    result = subprocess.run([str(NEWSGRAPH), "build", str(mixed), "-o", str(out)], capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stderr
    triples = [json.loads(line) for line in (out / "triples.jsonl").read_text(encoding="utf-8").splitlines()]
    kept = [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return {"result": result, "triples": triples, "articles": {a["id"]: a for a in kept}}


def test_the_summary_counts_each_kind_read_and_skipped(built: dict[str, Any]) -> None:
    stdout = built["result"].stdout
    line = next(line for line in stdout.splitlines() if line.startswith("articles"))
    kinds = Counter(article["kind"] for article in built["articles"].values())
    assert kinds == {"txt": 2, "txt.gz": 1, "html": 3, "html.gz": 1, "jsonl": len(JSONL), "csv.gz": len(CSV)}
    read, skipped = 7 + len(JSONL) + len(CSV), JSONL_BAD + CSV_BAD
    assert re.match(rf"articles  {read} read \(.*\), {skipped} skipped \(.*\), \d+ stories, in ", line), line
    assert f"jsonl {JSONL_BAD}" in line.split("skipped")[1] and f"csv.gz {CSV_BAD}" in line.split("skipped")[1]
    for kind, count in kinds.items():
        assert f"{kind} {count}" in line


def test_records_that_cannot_be_read_are_named_by_file_and_line(built: dict[str, Any], mixed: Path) -> None:
    warnings = [line for line in built["result"].stderr.splitlines() if "skipped" in line]
    assert len(warnings) == JSONL_BAD + CSV_BAD
    assert all(re.match(rf"warning: ({mixed / 'dump.jsonl'}|{mixed / 'sheet.csv.gz'}):\d+: .*; skipped$", line)
               for line in warnings), warnings


def test_every_article_has_an_id_of_its_own(built: dict[str, Any]) -> None:
    ids = built["articles"]
    assert {"2021-06/index", "2021-08/index", "seed-1"} <= set(ids)
    assert ids["2021-06/index"]["title"] != ids["2021-08/index"]["title"]
    assert len(ids) == 7 + len(JSONL) + len(CSV)
    assert {triple["article"] for triple in built["triples"]} <= set(ids)


def test_html_pages_give_their_headline_date_and_url_and_no_chrome(built: dict[str, Any]) -> None:
    by_url = {article["url"]: article for article in built["articles"].values() if article["url"]}
    for page in PAGES:
        article = by_url[page.url] if page.url else built["articles"][f"pages/{page.name}"]
        assert article["title"] == page.headline
        assert article["date"] == page.date
        assert article["kind"].startswith("html")
        for absent in page.absent:
            assert absent not in article["text"], absent
        for triple in built["triples"]:
            if triple["article"] == article["id"]:
                assert not any(absent in triple["evidence"] for absent in page.absent)


def test_dump_records_keep_their_title_date_url_and_id(built: dict[str, Any]) -> None:
    for kind, records in (("jsonl", JSONL), ("csv.gz", CSV)):
        kept = {article["path"].rsplit(":", 1)[1]: article for article in built["articles"].values()
                if article["kind"] == kind}
        for record in records:
            article = kept[str(record.line)]
            assert article["id"] == (record.id or record.url)
            assert (article["title"], article["url"]) == (record.title, record.url)
            assert article["date"] == (record.date or "")[:10]
            assert article["text"] == record.text


def test_offsets_are_true_to_the_text_they_are_into(built: dict[str, Any], mixed: Path) -> None:
    """The file itself for text files; the kept text in articles.jsonl for pages and records."""
    checked: Counter[str] = Counter()
    for triple in built["triples"]:
        article = built["articles"][triple["article"]]
        if "text" in article:
            text = article["text"]
        elif article["kind"] == "txt.gz":
            text = gzip.decompress(Path(article["path"]).read_bytes()).decode("utf-8")
        else:
            with open(article["path"], encoding="utf-8", newline="") as handle:
                text = handle.read()
        assert text[triple["start"]:triple["end"]] == triple["evidence"]
        checked[article["kind"]] += 1
    assert set(checked) >= {"txt", "txt.gz", "html", "jsonl", "csv.gz"}, checked


def test_field_options_name_a_dump_s_fields(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = articles()[0]
    record = {"story": {"words": article.body, "heading": article.headline}, "when": "2020-05-06T08:00:00Z",
              "address": article.url, "key": 77}
    (tmp_path / "odd.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    plain = run_cli("extract", tmp_path / "odd.jsonl", "-o", tmp_path / "t.jsonl")
    assert (plain.exit_code, plain.output) == (2, "Error: no article could be read (1 skipped); nothing was written\n")
    named = run_cli("build", tmp_path / "odd.jsonl", "-o", tmp_path / "out", "--text-field", "story.words",
                    "--title-field", "story.heading", "--date-field", "when", "--url-field", "address",
                    "--id-field", "key")
    assert named.exit_code == 0, named.output
    [kept] = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert (kept["id"], kept["title"], kept["date"], kept["url"]) == ("77", article.headline, "2020-05-06",
                                                                      article.url)


def test_syndicated_copies_are_one_story(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Copies of one story in other sites' chrome, one edited, and a different story: 4 articles, 2 stories;
    every copy keeps its own evidence."""
    stem = next(text.original for text in corpus() if text.how.startswith("both-"))
    texts = [text for text in corpus() if text.original == stem and text.how != "original"][:3]
    assert len(texts) == 3
    (tmp_path / "in").mkdir()
    for number, text in enumerate(texts):
        (tmp_path / "in" / f"copy{number}.txt").write_text(text.text, encoding="utf-8")
    shutil.copy(min(SEEDS.glob("*.txt")), tmp_path / "in" / "other.txt")
    result = run_cli("build", tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "articles  4 read, 0 skipped, 2 stories, in " in result.output
    articles = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))["graph"]["articles"]
    assert {article: info["story"] for article, info in articles.items()} == {
        "copy0": "copy0", "copy1": "copy0", "copy2": "copy0", "other": "other"}
    triples = [json.loads(line) for line in (tmp_path / "out" / "triples.jsonl").read_text().splitlines()]
    assert {"copy0", "copy1", "copy2"} <= {triple["article"] for triple in triples}
