"""Reading and cleaning articles: ids, titles, dates, boilerplate, offsets."""
from __future__ import annotations

import codecs
import json
import logging
import os
import threading
from pathlib import Path

import pytest
from badinput import access_checked, locking_unavailable

from conftest import SEEDS
from extract import ArticleError, clean_text, iter_article_files, iter_article_sources, read_article
from extract.dates import complete_date, publication_date
from extract.errors import printable
from extract.read import title_of


def test_cleaning_keeps_every_offset() -> None:
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        body = clean_text(text)
        assert len(body) == len(text)
        assert all(b == t or b == " " for b, t in zip(body, text))


PAGE = """Harbour Authority Signs Deal With Port Group
Home> News > Business

Harbour Authority Signs Deal With Port Group|Updated: March 4, 2019

The harbour authority and the port group signed a deal on Monday.

Contact Us
Email *
Name *
Produced By 某某网络
"""


def test_boilerplate_is_blanked_and_the_article_kept() -> None:
    body = clean_text(PAGE)
    assert "signed a deal on Monday" in body
    for chrome in ("Home>", "Business", "Updated", "Contact Us", "Email *", "Produced By", "某某"):
        assert chrome not in body, chrome


def test_a_footer_heading_blanks_what_follows() -> None:
    body = clean_text("Story text.\n\nGet in Touch\n\nNo.47 East Road, Beijing\n")
    assert body.strip() == "Story text."


@pytest.mark.parametrize(("page", "date"), [
    ("Headline|Updated: February 19, 2014\n\nBody.", "2014-02-19"),
    ("Headline\n发布日期:2021-08-09 浏览次数:\n\nBody.", "2021-08-09"),
    ("Headline\n2017-09-01 00:56\n\nBody.", "2017-09-01"),
    ("Headline\nPublished on 3 May 2020\n\nBody.", "2020-05-03"),
    ("Headline\n\nThe plant opened in 2019 with 300 staff.", None),
])
def test_publication_date(page: str, date: str | None) -> None:
    assert publication_date(page) == date


def test_partial_dates_take_the_year_of_publication() -> None:
    assert complete_date("On June 3rd", "2021-08-09") == "2021-06-03"
    assert complete_date("the afternoon of November 13", "2020-11-20") == "2020-11-13"
    assert complete_date("June 3rd", None) is None


def test_read_article_keeps_id_title_date_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "harbour-deal.txt"
    path.write_bytes(("\ufeff" + PAGE).replace("\n", "\r\n").encode("utf-8"))
    item = read_article(path)
    assert item.article.id == "harbour-deal"
    assert item.article.title == "Harbour Authority Signs Deal With Port Group"
    assert item.article.date == "2019-03-04"
    start = item.text.index("The harbour authority")
    assert item.body[start:start + 21] == "The harbour authority"
    assert "\r\n" in item.text, "line ends are kept, so offsets match the file"


@pytest.mark.parametrize(("content", "problem"), [
    (b"\x89PNG\x00\x01", "binary file, not text"),
    ("Caf\xe9".encode("latin-1"), "not UTF-8 text (byte 3)"),
    (b"  \n\n", "no article text"),
    (b"word " * 200_001, "too long for a news article (1,000,005 characters; the limit is 1,000,000 characters)"),
    (b"\x00" * 4_000_005, "too long for a news article (4,000,005 bytes; the limit is 1,000,000 characters)"),
    ("News: Wang Wei (王伟) visited.".encode("gb18030"), "not UTF-8 text (byte 16)"),
    ("Headline\n\nThe plant opened.".encode("utf-16-le"),
     "binary file, not text (it looks like UTF-16 without a byte-order mark: save it as UTF-8)"),
    (codecs.BOM_UTF16_LE + "Headline\n\nThe plant opened.".encode("utf-16-le")[:-1], "not UTF-16 text (byte 54)"),
    (codecs.BOM_UTF16_BE + "Headline\x00".encode("utf-16-be"), "binary file, not text"),
    (codecs.BOM_UTF8 + b" \n", "no article text"),
], ids=["binary", "latin-1", "blank", "too-many-characters", "too-many-bytes", "gb18030", "utf-16-without-mark",
        "utf-16-odd-length", "utf-16-with-nul", "byte-order-mark-only"])
def test_unreadable_articles_name_the_file_and_the_problem(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as raised:
        read_article(path)
    assert str(raised.value) == f"{path}: {problem}"


STORY = "Harbour Deal Signed\r\n\r\nThe harbour authority and the port group signed a deal on Monday.\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (STORY.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + STORY.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"), "utf-32"),
    (codecs.BOM_UTF32_BE + STORY.encode("utf-32-be"), "utf-32"),
], ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_text_is_the_file_as_python_reads_it(tmp_path: Path, data: bytes, encoding: str) -> None:
    """Offsets are into the text as `open(path, encoding=..., newline="")` gives it: a UTF-8 byte-order
    mark stays, as U+FEFF at offset 0 (blanked in the body the parser reads); UTF-16's and UTF-32's go."""
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    item = read_article(path)
    with open(path, encoding=encoding, newline="") as handle:
        assert item.text == handle.read()
    assert item.body.lstrip(" ") == clean_text(STORY)
    assert item.article.title == "Harbour Deal Signed"
    start = item.text.index("The harbour")
    assert start == STORY.index("The harbour") + data.startswith(codecs.BOM_UTF8)


def _read_in_time(path: Path) -> str:
    """read_article's error for `path`, failing (not hanging) if it blocks."""
    problems: list[str] = []

    def read() -> None:
        try:
            read_article(path)
        except ArticleError as error:
            problems.append(error.problem)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), f"reading {path} blocked"
    [problem] = problems
    return problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_special_files_are_refused_without_being_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "device.txt").symlink_to(os.devnull)
    (tmp_path / "folder.txt").mkdir()
    assert _read_in_time(tmp_path / "pipe.txt") == "a named pipe (FIFO), not a regular file"
    assert _read_in_time(tmp_path / "device.txt") == "a character device, not a regular file"
    assert _read_in_time(tmp_path / "folder.txt") == "a folder, not a regular file"


def test_broken_links_are_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "loop-a.txt").symlink_to("loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to("loop-a.txt")
    (tmp_path / "dangling.txt").symlink_to("missing.txt")
    assert _read_in_time(tmp_path / "loop-a.txt") == "symbolic link loop"
    assert _read_in_time(tmp_path / "dangling.txt") == "symbolic link to nothing"
    assert list(iter_article_files([tmp_path / "loop-a.txt"])) == [tmp_path / "loop-a.txt"]
    with pytest.raises(ArticleError, match="no such file or folder"):
        iter_article_files([tmp_path / "missing.txt"])


def _tree(tmp_path: Path) -> Path:
    """A folder of articles, with a FIFO, a symbolic link loop, a link to a folder above and a sub-folder."""
    corpus = tmp_path / "corpus"
    (corpus / "b" / "inner").mkdir(parents=True)
    for name in ("z.txt", "a.md", "b/inner/deep.TXT", "b/c.txt", "notes.dat"):
        (corpus / name).write_text("Headline\n\nStory.\n", encoding="utf-8")
    os.mkfifo(corpus / "b" / "pipe.txt")
    (corpus / "loop.txt").symlink_to("loop.txt")
    (corpus / "b" / "up").symlink_to("..")
    return corpus


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_folders_yield_every_article_name_sorted_and_never_follow_folder_links(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = _tree(tmp_path)
    with caplog.at_level(logging.WARNING):
        files = list(iter_article_files([corpus]))
    assert [path.relative_to(corpus).as_posix() for path in files] == \
        ["a.md", "b/c.txt", "b/inner/deep.TXT", "b/pipe.txt", "loop.txt", "z.txt"]
    assert caplog.messages == [f"{corpus / 'b' / 'up'}: symbolic link to a folder (name the folder itself to "
                               "read it); skipped"]
    assert list(iter_article_files([corpus / "b" / "up"]))[:2] == [corpus / "b" / "up" / "a.md",
                                                                   corpus / "b" / "up" / "b" / "c.txt"]


LOCKING = locking_unavailable()


@pytest.mark.skipif(LOCKING is not None, reason=f"no file can be made unreadable here: {LOCKING}")
def test_unreadable_files_and_folders_are_named(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = tmp_path / "corpus"
    for name in ("good.txt", "sub/locked.txt", "unlistable/hidden.txt", "unsearchable/listed.txt"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text("Headline\n\nStory.\n", encoding="utf-8")
    (corpus / "sub" / "locked.txt").chmod(0)
    (corpus / "unlistable").chmod(0)
    (corpus / "unsearchable").chmod(0o644)
    try:
        with access_checked(), caplog.at_level(logging.WARNING):
            files = list(iter_article_files([corpus]))
            problems = {path.relative_to(corpus).as_posix(): _problem(path) for path in files}
    finally:
        (corpus / "unlistable").chmod(0o755)
        (corpus / "unsearchable").chmod(0o755)
    assert problems == {"good.txt": None, "sub/locked.txt": "permission denied",
                        "unsearchable/listed.txt": "permission denied"}
    assert caplog.messages == [f"{corpus / 'unlistable'}: folder cannot be listed (permission denied); skipped"]


def _problem(path: Path) -> str | None:
    try:
        read_article(path)
    except ArticleError as error:
        return error.problem
    return None


def test_names_are_printed_on_one_line() -> None:
    assert printable("news/two\nlines\r\tand\x1b[31m\u2028.txt") == "news/two\\nlines\\r\\tand\\x1b[31m\\u2028.txt"
    assert printable(os.fsdecode(b"news/\xff.txt")) == "news/\\xff.txt"


def test_extractor_version_names_the_rules_and_the_pattern_files() -> None:
    from extract import extractor_version
    from extract.lexicon import RULES_VERSION

    version, _, digest = extractor_version().partition("+")
    assert version == RULES_VERSION
    assert len(digest) == 12 and int(digest, 16) >= 0


@pytest.mark.model
def test_a_dateline_ends_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("NANNING, June 2 -- The Nanning Port Group signed a deal.")
    assert [sent.text for sent in doc.sents][-1] == "The Nanning Port Group signed a deal."


def test_an_article_id_is_its_path_in_the_folder_named(tmp_path: Path) -> None:
    for folder in ("2021-06", "2021-08", "2021-08/extra"):
        (tmp_path / "news" / folder).mkdir(parents=True)
        (tmp_path / "news" / folder / "index.txt").write_text("Headline\n\nText.", encoding="utf-8")
    (tmp_path / "one.md").write_text("Headline\n\nText.", encoding="utf-8")
    sources = list(iter_article_sources([tmp_path / "news", tmp_path / "one.md"]))
    assert [article_id for _, article_id in sources] == ["2021-06/index", "2021-08/extra/index", "2021-08/index",
                                                         "one"]
    moved = tmp_path / "elsewhere" / "copy"
    moved.parent.mkdir()
    (tmp_path / "news").rename(moved)
    assert next(article_id for _, article_id in iter_article_sources([moved])) == "2021-06/index"


def test_files_of_one_name_are_never_one_article(run_cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                caplog: pytest.LogCaptureFixture) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    for number, folder in enumerate(("2021-06", "2021-08")):
        (tmp_path / "a" / folder).mkdir(parents=True)
        (tmp_path / "a" / folder / "index.txt").write_bytes(seeds[number].read_bytes())
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2021-06").mkdir()
    (tmp_path / "b" / "2021-06" / "index.txt").write_bytes(seeds[4].read_bytes())
    result = run_cli("build", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    articles = graph["graph"]["articles"]
    assert sorted(articles) == ["2021-06/index", "2021-06/index~2", "2021-08/index"]
    assert articles["2021-06/index~2"]["path"] == str(tmp_path / "b" / "2021-06" / "index.txt")
    assert articles["2021-06/index~2"]["title"] == "Chen Long Visits Shenzhen for Investment Inspection"
    assert "article id '2021-06/index' is taken by" in caplog.text


@pytest.mark.parametrize(("first_line", "title"), [
    ("Alibaba (China) Co., Ltd. Signs With Chengdu", "Alibaba (China) Co., Ltd. Signs With Chengdu"),
    ("On the afternoon of November 13, Chengdu High-tech Zone and Alibaba (China) Co., Ltd. signed an "
     "agreement. This shows that the cooperation deepens.",
     "On the afternoon of November 13, Chengdu High-tech Zone and Alibaba (China) Co., Ltd. signed an agreement."),
    ("Mr. Ma Xingrui, the Governor, visited Hongwang Inc. Yangjiang on Jan. 5. He met staff.",
     "Mr. Ma Xingrui, the Governor, visited Hongwang Inc. Yangjiang on Jan. 5."),
    ("  Title   with  odd   spacing  ", "Title with odd spacing"),
    ("word " * 100, ("word " * 60).strip() + " …"),
])
def test_the_title_is_the_first_line_or_its_first_sentence_never_cut_in_a_name(first_line: str, title: str) -> None:
    assert title_of(f"\n{first_line}\nBody text.") == title
