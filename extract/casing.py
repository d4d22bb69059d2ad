"""Headlines in title case, written as the article's body writes their words, before parsing.

"Changsha, SIC Cooperate in Smart City Construction" parsed as it stands gives the names "SIC Cooperate"
and "Smart City": the parser and NER read capitals as names. A line in title case is rewritten so
that a word the body writes in lower case only, a function word, or a headline verb is in lower case:
"Changsha, SIC cooperate in smart city construction". Case changes keep every character offset, so
the rewritten text is parsed while evidence is still cut from the article's own text.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .lexicon import lexicon, read_pattern_file

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
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
    """Whether a line is a heading in title case: short, with no full stop at its end, and every word but
    short function words capitalised."""
    words = _WORD.findall(line)
    stopwords = lexicon().name_stopwords
    content = [word for word in words if word.lower() not in stopwords]
    return _LEAST_WORDS <= len(content) and len(words) <= _MOST_WORDS and not line.rstrip().endswith(".") and \
        all(word[0].isupper() for word in content)


def _body_cases(lines: list[str], headings: set[int]) -> tuple[Counter[str], Counter[str]]:
    """How often the body writes each word in lower case, and capitalised inside a sentence."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for number, line in enumerate(lines):
        if number in headings:
            continue
        for match in _WORD.finditer(line):
            word = match.group()
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and not _SENTENCE_END.search(line[:match.start()] or "."):
                capitalised[word.lower()] += 1
    return lower, capitalised


def _recased(line: str, lower: Counter[str], capitalised: Counter[str]) -> str:
    """A heading's words in lower case where the body writes them so at least as often as capitalised, or
    where they are function words or headline verbs; the first word, acronyms and dates as they are."""
    stopwords, verbs = lexicon().name_stopwords, _headline_verbs()
    pieces, last = [], 0
    for number, match in enumerate(_WORD.finditer(line)):
        word, folded = match.group(), match.group().lower()
        keep = number == 0 or not word[0].isupper() or word.isupper() and len(word) > 1 or \
            len(folded) != len(word) or folded in _CALENDAR
        if not keep and (folded in stopwords or folded in verbs or lower[folded] >= max(capitalised[folded], 1)):
            word = folded
        pieces += [line[last:match.start()], word]
        last = match.end()
    return "".join(pieces) + line[last:]


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
    for number in headings:
        line = lines[number]
        first = len(line) - len(line.lstrip())
        lines[number] = line[:first] + _recased(line[first:], lower, capitalised)
    return "\n".join(lines)
