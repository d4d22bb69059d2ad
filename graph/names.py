"""Names as resolution sees them: normalized keys, slugs, and the kinds of name that need care.

The lexicons (titles, company suffixes, words that make a name relative to its article) are data,
in names.json beside this file.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from extract.ontology import COMPANY, PERSON, PLACE

_POSSESSIVE = re.compile(r"[’'`]s\b")
_NON_WORD = re.compile(r"[^\w\s]")
_PARENTHESIS = re.compile(r"\([^)]*\)")
_LEADING_THE = re.compile(r"^(the\s+)+", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("graph").joinpath("names.json").read_text("utf-8"))
    return {name: frozenset(words) for name, words in data.items() if not name.startswith("_")}


def _fold(text: str) -> str:
    """Drop diacritics (Zhāng -> Zhang) but keep every other character, CJK included."""
    if text.isascii():
        return text
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


# Names recur across articles, so their keys are memoized; the bound keeps memory flat on any corpus.
_MEMO = 1 << 18


@lru_cache(maxsize=_MEMO)
def name_key(name: str) -> str:
    """Normalize a name for comparison: case, diacritics, punctuation, "&", a leading "the", possessives.

    >>> name_key("The Jinhua Economic & Technological Development Zone's")
    'jinhua economic and technological development zone'
    """
    text = _fold(unicodedata.normalize("NFKC", name)).lower().replace("&", " and ")
    text = " ".join(_NON_WORD.sub(" ", _POSSESSIVE.sub("", text)).split())
    return _LEADING_THE.sub("", text)


def slug(name: str) -> str:
    """A readable, IRI-safe form of a name; names with no Latin letters get a short hash.

    >>> slug("Alibaba (China) Co., Ltd."), slug("大汉网络")
    ('alibaba-china-co-ltd', 'x-d2c21d5c3229')
    """
    ascii_text = unicodedata.normalize("NFKD", name_key(name)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    if words:
        return "-".join(words)
    return "x-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=_MEMO)
def clean_name(name: str, entity_type: str) -> str:
    """A name as a label: trimmed, without a leading "the", and for a person without leading titles.

    >>> clean_name("the Jinhua Municipal Party Committee", "GovernmentBody"), clean_name("Secretary Chen", "Person")
    ('Jinhua Municipal Party Committee', 'Chen')
    """
    text = _LEADING_THE.sub("", " ".join(name.split())).strip(" ,;:")
    if entity_type != PERSON:
        return text
    words = text.split()
    titles = lexicon()["person_titles"]
    while len(words) > 1 and name_key(words[0]) in titles:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=_MEMO)
def exact_key(name: str, entity_type: str) -> str:
    """The key under which two names of one type are the same name. A person's given name is
    written as one word, so "Zhang Ji-fu", "Zhang Ji Fu" and "Zhang Jifu" are one name.

    >>> exact_key("Zhang Ji-fu", "Person")
    'zhang jifu'
    """
    key = name_key(clean_name(name, entity_type))
    if entity_type == PERSON:
        surname, *given = key.split() or [""]
        return " ".join((surname, "".join(given))) if given else surname
    return key


# The types whose names may end in a word that says only what kind of thing they are, and those words.
KIND_SUFFIXES = {COMPANY: "company_suffixes", PLACE: "place_suffixes"}


def core_key(name: str, entity_type: str) -> str:
    """A company's name without its legal form, a place's without "City" or "Province", either without a
    bracketed qualifier; other names are their exact key.

    >>> core_key("Alibaba (China) Co., Ltd.", "Company"), core_key("Chindata Group", "Company")
    ('alibaba', 'chindata')
    >>> core_key("Datong City", "Place")
    'datong'
    """
    if entity_type not in KIND_SUFFIXES:
        return exact_key(name, entity_type)
    words = name_key(_PARENTHESIS.sub(" ", name)).split()
    suffixes = lexicon()[KIND_SUFFIXES[entity_type]]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


def is_surname_only(name: str, entity_type: str) -> bool:
    """A person named by one word ("Zhang", "Secretary Chen"): who it is depends on the article."""
    return entity_type == PERSON and " " not in exact_key(name, entity_type)


@lru_cache(maxsize=_MEMO)
def is_relative(name: str, entity_type: str) -> bool:
    """A body or place named relative to the article's own place ("the Municipal Party Committee",
    "Standing Committee of the Provincial Party Committee"): not the same entity in another article.

    >>> is_relative("the Municipal Government", "GovernmentBody"), is_relative("Datong Municipal Government", "GovernmentBody")
    (True, False)
    """
    if entity_type == PERSON:
        return False
    key = name_key(name)
    words = lexicon()
    changed = True
    while changed:
        changed = False
        for prefix in words["relative_prefixes"]:
            if key.startswith(prefix + " "):
                key, changed = _LEADING_THE.sub("", key[len(prefix) + 1:]), True
    return key.split(" ", 1)[0] in words["relative_words"]


def is_article_scoped(name: str, entity_type: str) -> bool:
    """Names that identify an entity only inside their article: surnames alone and relative names."""
    return is_surname_only(name, entity_type) or is_relative(name, entity_type)
