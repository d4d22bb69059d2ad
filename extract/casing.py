"""Headlines in title case, written as the article's body writes their words, before parsing.

"Changsha, SIC Cooperate in Smart City Construction" parsed as it stands gives the names "SIC Cooperate"
and "Smart City": the parser and NER read capitals as names. A line in title case is rewritten so
that a word the body writes in lower case only, a function word, or a headline verb is in lower case:
"Changsha, SIC cooperate in smart city construction". Case changes keep every character offset, so
the rewritten text is parsed while evidence is still cut from the article's own text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon, read_pattern_file

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_SHARE = 0.7
_LEAST_WORDS = 3
_MOST_WORDS = 24  # a headline; a longer line in capitals is a sentence full of names
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                       "friday", "saturday", "sunday"})
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    table = read_pattern_file("verbs.json")["headline"]
    return frozenset(form for predicate, forms in table.items() if not predicate.startswith("_") for form in forms)


def _is_title_case_heading(line: str) -> bool:
    """Whether a line is a heading in title case: short, with no full stop at its end, and most words,
    less short function words, capitalised."""
    words = _WORD.findall(line)
    stopwords = lexicon().name_stopwords
    content = [word for word in words if word.lower() not in stopwords]
    return _LEAST_WORDS <= len(content) and len(words) <= _MOST_WORDS and not line.rstrip().endswith(".") and \
        sum(word[0].isupper() for word in content) >= _TITLE_SHARE * len(content)


def _body_cases(lines: list[str], headings: set[int]) -> tuple[set[str], set[str]]:
    """The words the body writes in lower case, and those it capitalises inside a sentence."""
    lower, capitalised = set(), set()
    for number, line in enumerate(lines):
        if number in headings:
            continue
        for match in _WORD.finditer(line):
            word = match.group()
            if word.islower():
                lower.add(word)
            elif word[0].isupper() and not _SENTENCE_END.search(line[:match.start()] or "."):
                capitalised.add(word.lower())
    return lower, capitalised


def truecase(text: str) -> str:
    """`text` with its title-case lines in sentence case as the body writes their words; same length.

    >>> truecase("Huawei Inks Partnership with Shenzhen\\n\\nHuawei signed a partnership in Shenzhen.")
    'Huawei inks partnership with Shenzhen\\n\\nHuawei signed a partnership in Shenzhen.'
    """
    lines = text.split("\n")
    headings = {number for number, line in enumerate(lines) if _is_title_case_heading(line)}
    if not headings:
        return text
    lower, capitalised = _body_cases(lines, headings)
    stopwords, verbs = lexicon().name_stopwords, _headline_verbs()

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        folded = word.lower()
        if match.start() == 0 or not word[0].isupper() or word.isupper() and len(word) > 1 or len(folded) != len(word):
            return word
        if folded in _CALENDAR:
            return word
        if folded in stopwords or folded in verbs or folded in lower and folded not in capitalised:
            return folded
        return word

    for number in headings:
        line = lines[number]
        first = len(line) - len(line.lstrip())
        lines[number] = line[:first] + _WORD.sub(recase, line[first:])
    return "\n".join(lines)
