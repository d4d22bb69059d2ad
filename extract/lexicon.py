"""The word lists and pattern tables in extract/patterns/, loaded once, and the extractor's version.

Rules read words from here, never from literals in code, so that what the extractor knows of the
genre (titles, name heads, place names, verbs) can be read and extended as data.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from . import ontology

PATTERN_FILES = ("lexicon.json", "gazetteer.json", "names.json", "verbs.json", "boilerplate.json")
RULES_VERSION = "2"  # raise on any change to the rules' code that changes what they extract


def read_pattern_file(name: str) -> Any:
    """One JSON file of extract/patterns/."""
    return json.loads(resources.files("extract").joinpath("patterns", name).read_text("utf-8"))


def expand_references(value: Any, lists: Mapping[str, Iterable[str]]) -> Any:
    """Replace, anywhere in a pattern, "@a+b-c" by the sorted words of lists a and b less those of c.

    >>> expand_references({"LOWER": {"IN": "@x+y-z"}}, {"x": ["b", "a"], "y": ["c"], "z": ["c"]})
    {'LOWER': {'IN': ['a', 'b']}}
    """
    if isinstance(value, dict):
        return {key: expand_references(item, lists) for key, item in value.items()}
    if isinstance(value, list):
        return [expand_references(item, lists) for item in value]
    if isinstance(value, str) and value.startswith("@"):
        included, *excluded = value[1:].split("-")
        words = set().union(*(lists[name] for name in included.split("+")))
        return sorted(words.difference(*(lists[name] for name in excluded)))
    return value


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A value that changes whenever the rules or any pattern file change: a key for caches of extractions.

    >>> extractor_version().startswith(RULES_VERSION + "+")
    True
    """
    digest = hashlib.sha256()
    for name in PATTERN_FILES:
        digest.update(resources.files("extract").joinpath("patterns", name).read_bytes())
    return f"{RULES_VERSION}+{digest.hexdigest()[:12]}"


def _words(entries: list[str]) -> frozenset[str]:
    return frozenset(entry.lower() for entry in entries)


def _tokens(entries: list[str]) -> frozenset[str]:
    return frozenset(word for entry in entries for word in entry.lower().split())


def _last_words(entries: list[str]) -> frozenset[str]:
    return frozenset(entry.lower().split()[-1] for entry in entries)


@dataclass(frozen=True)
class Lexicon:
    """Every word list, as frozensets of lower-case words (or phrases, where noted)."""

    head_types: dict[str, str]
    title_case_heads: frozenset[str]
    company_suffixes: frozenset[str]
    administered_areas: frozenset[str]
    generic_name_words: frozenset[str]
    levels: frozenset[str]
    subunits: frozenset[str]
    titles: frozenset[str]
    title_words: frozenset[str]
    city_titles: frozenset[str]
    province_titles: frozenset[str]
    representatives: frozenset[str]
    name_stopwords: frozenset[str]
    surnames: frozenset[str]
    surname_stopwords: frozenset[str]
    definite_heads: dict[str, str]
    definite_determiners: frozenset[str]
    newness_words: frozenset[str]
    possessive_determiners: frozenset[str]
    count_words: dict[str, int]
    place_levels: dict[str, int]
    party_nouns: frozenset[str]
    phase_nouns: frozenset[str]
    event_part_nouns: frozenset[str]
    municipalities: frozenset[str]
    event_body_heads: frozenset[str]
    event_openers: frozenset[str]
    whole_event_parts: frozenset[str]
    attendee_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    two_parties: tuple[tuple[str, ...], ...]
    value_nouns: tuple[tuple[str, ...], ...]
    currency: frozenset[str]
    site_nouns: frozenset[str]
    example_words: frozenset[str]
    delegation_nouns: frozenset[str]
    companion_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    joint_adverbs: frozenset[str]
    companion_adverbs: frozenset[str]
    capital_nouns: frozenset[str]
    province_adjectives: frozenset[str]
    direction_nouns: frozenset[str]
    home_nouns: frozenset[str]
    part_nouns: frozenset[str]
    subsidiary_nouns: frozenset[str]
    parent_nouns: frozenset[str]
    role_nouns: dict[str, str]
    other_types: dict[str, tuple[str, ...]]
    agreement_nouns: frozenset[str]
    cooperation_nouns: frozenset[str]
    generic_bodies: frozenset[str]
    common_acronyms: frozenset[str]
    facility_heads: frozenset[str]
    visit_nouns: frozenset[str]
    places: dict[str, str]

    def place_level(self, name: str) -> int | None:
        """How big a named place is (0 for a country, up to 4 for a district), if the name says."""
        words = tuple(re.findall(r"[\w']+", name.lower()))
        level = self.places.get(" ".join(words)) or (words[-1] if words else None)
        return self.place_levels.get(level) if level else None

    def head_type(self, word: str) -> str | None:
        """The entity type a name ending in `word` has, if `word` is a name head."""
        return self.head_types.get(word.lower())


def _head_types(heads: dict[str, list[str]]) -> dict[str, str]:
    types: dict[str, str] = {}
    for kind in ontology.ENTITY_TYPES:
        for entry in heads.get(kind, ()):
            types.setdefault(entry.lower().split()[-1], kind)
    return types


def _phrases(entries: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.lower().split()) for entry in entries)


# How each plain list of lexicon.json is read: as words, as the last words of phrases, or as phrases.
_LISTS: dict[str, Callable[[list[str]], Any]] = {
    **dict.fromkeys(("title_case_heads", "company_suffixes", "administered_areas", "generic_name_words",
                     "levels", "city_titles", "province_titles", "representatives", "name_stopwords",
                     "surnames", "surname_stopwords", "definite_determiners", "newness_words",
                     "possessive_determiners", "person_pronouns", "speaker_pronouns", "thing_pronouns",
                     "currency", "site_nouns", "example_words", "delegation_nouns", "part_nouns",
                     "cooperation_nouns", "party_nouns", "phase_nouns", "event_part_nouns",
                     "whole_event_parts", "municipalities", "event_body_heads",
                     "event_openers", "province_adjectives", "direction_nouns",
                     "home_nouns", "attendee_nouns", "companion_verbs", "companion_adverbs", "saying_verbs",
                     "joint_adverbs", "parent_nouns", "generic_bodies", "common_acronyms", "facility_heads", "visit_nouns"), _words),
    **dict.fromkeys(("subunits", "titles", "capital_nouns", "subsidiary_nouns", "agreement_nouns"), _last_words),
    **dict.fromkeys(("two_parties", "value_nouns"), _phrases),
}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once from patterns/lexicon.json and patterns/gazetteer.json."""
    data = read_pattern_file("lexicon.json")
    gazetteer = read_pattern_file("gazetteer.json")
    places = {name.lower(): level for level in ("countries", "regions", "provinces", "cities", "areas")
              for name in gazetteer[level]}
    lists = {name: convert(data[name]) for name, convert in _LISTS.items()}
    return Lexicon(
        **lists,
        head_types=_head_types(data["heads"]),
        title_words=_tokens(data["titles"]) | _tokens(data["title_modifiers"]),
        definite_heads={k: v for k, v in data["definite_heads"].items() if not k.startswith("_")},
        count_words={k: v for k, v in data["count_words"].items() if not k.startswith("_")},
        place_levels={k: v for k, v in data["place_levels"].items() if not k.startswith("_")},
        role_nouns={k: v for k, v in data["role_nouns"].items() if not k.startswith("_")},
        other_types={k: tuple(v) for k, v in data["other_types"].items() if not k.startswith("_")},
        places=places,
    )
