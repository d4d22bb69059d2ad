"""Reading and cleaning articles: ids, titles, dates, boilerplate, offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS
from extract import ArticleError, clean_text, read_article
from extract.dates import complete_date, publication_date


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
    (b"word " * 200_001, "too long for a news article (1,000,005 characters; the limit is 1,000,000)"),
])
def test_unreadable_articles_name_the_file_and_the_problem(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as raised:
        read_article(path)
    assert str(raised.value) == f"{path}: {problem}"


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
