"""The name ruler: spaCy SpanRuler patterns for the names of this genre, built from patterns/names.json.

A name is a run of capitalised words ending in a head word that gives its type ("... Party Committee",
"... Industrial Park", "... Co., Ltd."), a Chinese personal name (a surname from the lexicon and a
given name), or a place of the gazetteer. The patterns are written in names.json as sequences of
token classes; this module expands the classes and the '@' references to lexicon lists into
Matcher patterns. Matches go to doc.spans["names"], labelled with their entity type.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from spacy.language import Language

from . import ontology
from .lexicon import expand_references, lexicon, read_pattern_file

SPANS_KEY = "names"
NAME = "Name"  # the label of a name typed by its head word (entities.type_of_name)
PERSON_OR_PLACE = "Person?"  # a surname and a place's name: a person where NER reads one
RULER_NAME = "name_ruler"


def _word_lists() -> dict[str, frozenset[str]]:
    """The lexicon lists that names.json may refer to with '@name'."""
    words = lexicon()
    return {
        "name_stopwords": words.name_stopwords,
        "titles": (words.titles | {"deputy", "vice", "acting", "executive"}) - frozenset(words.head_types),
        "heads": frozenset(words.head_types),
        "event_heads": frozenset(word for word, kind in words.head_types.items() if kind == ontology.EVENT),
        "levels": words.levels,
        "zone_bodies": frozenset(word for phrase in read_pattern_file("lexicon.json")["zone_bodies"]
                                 for word in phrase.split()),
        "company_suffixes": words.company_suffixes,
        "surnames": words.surnames,
        "surname_stopwords": words.surname_stopwords,
        "places": frozenset(name for name in words.places if " " not in name),
        "countries": frozenset(name for name, level in words.places.items() if level == "countries"),
        "provinces": frozenset(name for name, level in words.places.items() if level == "provinces"),
        "directions": words.direction_nouns,
        "project_heads": frozenset(word for word, kind in words.head_types.items() if kind == ontology.PROJECT),
        "organization_heads": frozenset(word for word, kind in words.head_types.items() if kind == ontology.ORGANIZATION),
        "body_heads": frozenset(word for word, kind in words.head_types.items() if kind == ontology.GOVERNMENT_BODY),
        "currency": words.currency,
    }


def _heads(kinds: list[str]) -> list[dict[str, Any]]:
    """The HEAD token alternatives for names of some entity types: one for lower-case heads, one for
    heads that count only in title case."""
    words = lexicon()
    heads = sorted(word for word, head_kind in words.head_types.items() if head_kind in kinds)
    loose = [word for word in heads if word not in words.title_case_heads]
    strict = [word for word in heads if word in words.title_case_heads]
    alternatives: list[dict[str, Any]] = [{"LOWER": {"IN": loose}}]
    if strict:
        alternatives.append({"LOWER": {"IN": strict}, "IS_TITLE": True})
    return alternatives


def _expand(sequence: list[str], classes: dict[str, Any], head: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A names.json template as a Matcher pattern: each class name replaced by its token spec."""
    tokens = []
    for name in sequence:
        if name in {"HEAD", "HEAD^"} and head is not None:
            tokens.append({**copy.deepcopy(head), **({"IS_TITLE": True} if name == "HEAD^" else {})})
        else:
            tokens.append(copy.deepcopy(classes[name]))
    return tokens


@lru_cache(maxsize=1)
def name_patterns() -> tuple[dict[str, Any], ...]:
    """Every SpanRuler pattern: the names.json templates expanded, and the gazetteer's places."""
    data = read_pattern_file("names.json")
    classes = expand_references(data["classes"], _word_lists())
    patterns: list[dict[str, Any]] = []
    for template in data["patterns"]:
        label = template["label"]
        if label.startswith("TYPE"):
            kinds = label.partition(":")[2].split() or list(ontology.ENTITY_TYPES)
            for head in _heads(kinds):
                patterns.append({"label": NAME, "pattern": _expand(template["pattern"], classes, head)})
        else:
            patterns.append({"label": label, "pattern": _expand(template["pattern"], classes, None)})
    gazetteer = read_pattern_file("gazetteer.json")
    for level in ("countries", "regions", "provinces", "cities", "areas"):
        patterns.extend({"label": ontology.PLACE, "pattern": name} for name in gazetteer[level])
    return tuple(patterns)


def add_name_ruler(nlp: Language) -> None:
    """Add the name ruler at the end of the pipeline; it writes doc.spans["names"]."""
    ruler = nlp.add_pipe("span_ruler", name=RULER_NAME, config={
        "spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False,
        "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
    ruler.add_patterns(list(name_patterns()))  # type: ignore[attr-defined]
