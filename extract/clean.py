"""Blank out page boilerplate while keeping every character offset of the article text.

Each cleaning step maps text to text of the same length: what it drops becomes spaces (line breaks
stay), so an offset into the cleaned body is an offset into the original file. The patterns are
page chrome (navigation, contact forms, footers, date stamps) and live in patterns/boilerplate.json.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

_BREADCRUMB = re.compile(r"^\s*home\s*>(?P<trail>.*)$", re.IGNORECASE | re.MULTILINE)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    data = json.loads(resources.files("extract").joinpath("patterns/boilerplate.json").read_text("utf-8"))
    return {kind: [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in data[kind]]
            for kind in ("line", "footer", "inline")}


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks, so that the length is unchanged.

    >>> blank("ab\\ncd", 1, 4)
    'a \\n d'
    """
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _blank_matches(text: str, patterns: list[re.Pattern[str]]) -> str:
    for pattern in patterns:
        for match in reversed(list(pattern.finditer(text))):
            text = blank(text, match.start(), match.end())
    return text


def blank_breadcrumb_sections(text: str) -> str:
    """Blank lines that only repeat a section name of the page's breadcrumb ("Home> Section > Page")."""
    sections = {part.strip().lower() for match in _BREADCRUMB.finditer(text)
                for part in match["trail"].split(">") if part.strip()}
    if not sections:
        return text
    for match in reversed(list(re.finditer(r"^.*$", text, re.MULTILINE))):
        if match.group().strip().lower() in sections:
            text = blank(text, match.start(), match.end())
    return text


def blank_inline_chrome(text: str) -> str:
    """Blank date stamps and page labels that stand inside a line ("|Updated: February 19, 2014")."""
    return _blank_matches(text, _patterns()["inline"])


def blank_chrome_lines(text: str) -> str:
    """Blank whole lines of page chrome: breadcrumbs, form fields, pagination, non-English lines."""
    return _blank_matches(text, _patterns()["line"])


def blank_footer(text: str) -> str:
    """Blank everything from the first footer heading after the headline ("Contact Us", "Related News",
    "About Inspur Group") to the end."""
    headline = re.search(r"\S[^\n]*", text)
    after = headline.end() if headline else 0
    starts = [match.start() for pattern in _patterns()["footer"] for match in pattern.finditer(text, after)]
    return blank(text, min(starts), len(text)) if starts else text


STEPS: tuple[Callable[[str], str], ...] = (
    blank_breadcrumb_sections,
    blank_inline_chrome,
    blank_footer,
    blank_chrome_lines,
)


def clean_text(text: str) -> str:
    """Return the article body: `text` with boilerplate blanked, of exactly the same length.

    >>> clean_text("Title\\n\\nContact Us\\nEmail *\\n") == "Title\\n\\n" + " " * 10 + "\\n" + " " * 7 + "\\n"
    True
    """
    for step in STEPS:
        text = step(text)
    return text
