"""Named entities of one article: find them, type them by ontology, and resolve short forms.

spaCy's NER finds the spans; the entity type comes from the last words of the name
(patterns/entity_heads.json) and falls back to the NER label. Inside one article, a surname used
alone ("Zhang said") and a shortened name ("Chindata" for "Chindata Group") resolve to the
fullest form.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from . import ontology
from .model import Entity

NER_TYPES = {
    "PERSON": ontology.PERSON,
    "ORG": ontology.ORGANIZATION,
    "GPE": ontology.PLACE,
    "LOC": ontology.PLACE,
    "FAC": ontology.PROJECT,
    "EVENT": ontology.EVENT,
}
_LEADING = ("the ", "The ")


@dataclass(frozen=True)
class Mention:
    """A span of the doc that names an entity: token offsets, its text and its type."""

    start: int
    end: int
    text: str
    type: str


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    data = json.loads(resources.files("extract").joinpath("patterns/entity_heads.json").read_text("utf-8"))
    return {head: kind for kind, heads in data.items() if not kind.startswith("_") for head in heads}


def type_of(span: Span) -> str | None:
    """The ontology type of a named span, or None for spans that name no entity of ours."""
    if span.label_ == "PERSON":
        return ontology.PERSON
    words = [token.lower_ for token in span if not token.is_punct or token.text == "."]
    heads = _heads()
    for size in (2, 1):
        kind = heads.get(" ".join(words[-size:]))
        if kind and len(words) > size:
            return kind
    return NER_TYPES.get(span.label_)


def _trim(span: Span) -> Span:
    """Drop a leading "the" and a trailing possessive or punctuation from a name span."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ == "the" or span.doc[start].is_space
                           or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_space
                           or span.doc[end - 1].text in {",", "-", "—", "——"}):
        end -= 1
    return Span(span.doc, start, end, label=span.label)


def find_mentions(doc: Doc) -> list[Mention]:
    """Every named-entity mention in the doc that has an ontology type, in text order."""
    mentions = []
    for ent in doc.ents:
        span = _trim(ent)
        kind = type_of(span) if len(span) else None
        if kind:
            mentions.append(Mention(span.start, span.end, span.text, kind))
    return mentions


def resolve_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """Map every mention's text to the fullest name it stands for in this article.

    A surname alone resolves to the nearest earlier full name that starts with it; a name that is
    the first words of a longer name of the same type resolves to that longer name.
    """
    mentions = list(mentions)
    canonical: dict[str, str] = {}
    for index, mention in enumerate(mentions):
        words = mention.text.split()
        longer = [other.text for other in mentions[:index] + mentions[index + 1:]
                  if other.type == mention.type and len(other.text.split()) > len(words)
                  and other.text.split()[:len(words)] == words]
        earlier = [name for name in longer if name in {m.text for m in mentions[:index]}]
        if mention.type == ontology.PERSON and len(words) == 1:
            canonical[mention.text] = (earlier or longer or [mention.text])[-1]
        elif longer and mention.type != ontology.PERSON:
            canonical[mention.text] = min(longer, key=len)
        else:
            canonical.setdefault(mention.text, mention.text)
    return canonical


def entities_of(mentions: Iterable[Mention], canonical: dict[str, str]) -> tuple[Entity, ...]:
    """Group mentions into the article's entities, each with every other name form as an alias."""
    forms: dict[tuple[str, str], set[str]] = {}
    for mention in mentions:
        forms.setdefault((canonical[mention.text], mention.type), set()).add(mention.text)
    return tuple(Entity(name, kind, tuple(sorted(names - {name})))
                 for (name, kind), names in sorted(forms.items()))
