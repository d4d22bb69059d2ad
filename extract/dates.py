"""Dates: the publication date a page shows, and partial dates in the body completed from it.

Finding where a date stands is a pattern table over page headers; reading the date itself is
dateparser's job, which knows month names and ordinals. One English parser is made once and reused
(a fresh parse with language detection costs 20-100 ms; a reused parser, about 1 ms); Chinese
numeric dates ("2021年8月9日") are written with dashes first.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

import dateparser
from dateparser.date import DateDataParser
from spacy.tokens import Span

_DATE = (r"(?P<date>[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
         r"|\d{1,2} [A-Z][a-z]+\.? \d{4}"
         r"|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")

# Where a page states its publication date, most explicit first; searched in the page header.
PUBLICATION_DATE_PATTERNS = tuple(re.compile(pattern, re.IGNORECASE | re.MULTILINE) for pattern in (
    r"(?:updated|published|posted|release date|publication date|date)\s*(?:on)?\s*[:：]?\s*" + _DATE,
    r"(?:发布日期|发布时间|日期|时间)\s*[:：]\s*" + _DATE,
    r"^\s*" + _DATE + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
))
HEADER_CHARS = 1500

_SETTINGS = {"DATE_ORDER": "YMD", "REQUIRE_PARTS": ["day", "month", "year"]}


_CHINESE_NUMERIC = str.maketrans({"年": "-", "月": "-", "日": " "})


@lru_cache(maxsize=1)
def _full_date_parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings=_SETTINGS)


def parse_date(text: str) -> str | None:
    """Read one full date in English or Chinese numerals, as ISO 8601.

    >>> parse_date("February 19, 2014"), parse_date("2021-08-09"), parse_date("2021年8月9日"), parse_date("no date")
    ('2014-02-19', '2021-08-09', '2021-08-09', None)
    """
    text = re.sub(r"\s+", " ", text.translate(_CHINESE_NUMERIC)).strip()
    when = _full_date_parser().get_date_data(text).date_obj
    return when.date().isoformat() if when else None


def publication_date(text: str) -> str | None:
    """Find the publication date the page shows near its top, as ISO 8601.

    >>> publication_date("Some headline|Updated: February 19, 2014\\n\\nBody.")
    '2014-02-19'
    """
    header = text[:HEADER_CHARS]
    for pattern in PUBLICATION_DATE_PATTERNS:
        for match in pattern.finditer(header):
            found = parse_date(match["date"])
            if found:
                return found
    return None


def complete_date(text: str, published: str | None) -> str | None:
    """Complete a partial date ("On June 3rd") with the year of the publication date.

    >>> complete_date("On June 3rd", "2021-08-09")
    '2021-06-03'
    >>> complete_date("June 3rd", None) is None
    True
    """
    text = re.sub(r"^\s*(on|in|from|since|by|the afternoon of|the morning of|the evening of)\s+", "",
                  text, flags=re.IGNORECASE)
    base = datetime.fromisoformat(published) if published else None
    settings = {"REQUIRE_PARTS": ["day", "month"], "RELATIVE_BASE": base} if base else _SETTINGS
    when = dateparser.parse(text, languages=["en"], settings=settings)
    return when.date().isoformat() if when else None


def sentence_date(entities: Iterable[Span], published: str | None) -> str | None:
    """The date a sentence gives for what it reports (the first of its DATE entities with a day and a
    month), completed from the publication date; None where it gives none or the page shows no date."""
    if published is None:
        return None
    for ent in entities:
        if ent.label_ == "DATE" and _DAY_AND_MONTH.search(ent.text):
            return _completed(ent.text, published)
    return None


_DAY_AND_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?\b"
                            r"|\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                            re.IGNORECASE)


@lru_cache(maxsize=1024)
def _completed(text: str, published: str) -> str | None:
    return complete_date(text, published)
