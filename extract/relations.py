"""Relation rules over the dependency parse: one small function per kind of wording.

Each rule reads a parsed sentence and yields (subject, predicate, object, role, rule) candidates
over entity mentions; extract_triples checks them against the ontology and attaches the evidence.
Verb lexicons live in patterns/verbs.json.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from . import ontology
from .entities import Mention
from .model import ArticleText, Triple

CONFIDENCE = {"verb": 0.8, "apposition": 0.85, "place_in": 0.7}


@dataclass(frozen=True)
class Candidate:
    subject: Mention
    predicate: str
    object: Mention
    rule: str
    role: str | None = None


@dataclass(frozen=True)
class VerbRule:
    predicate: str
    lemmas: frozenset[str]
    objects: tuple[str, ...]
    group: bool = False


@lru_cache(maxsize=1)
def verb_rules() -> tuple[VerbRule, ...]:
    data = json.loads(resources.files("extract").joinpath("patterns/verbs.json").read_text("utf-8"))
    return tuple(VerbRule(name, frozenset(spec["lemmas"]), tuple(spec["objects"]), spec.get("group", False))
                 for name, spec in data.items() if not name.startswith("_"))


class MentionIndex:
    """Find the mention a token belongs to."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.by_token = {i: mention for mention in mentions for i in range(mention.start, mention.end)}

    def __call__(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _mentions(tokens: list[Token], index: MentionIndex) -> list[Mention]:
    found: list[Mention] = []
    for token in tokens:
        mention = index(token)
        if mention and mention not in found:
            found.append(mention)
    return found


def verb_relations(sent: Span, index: MentionIndex) -> Iterator[Candidate]:
    """"X met with Y", "X visited Y", "A and B signed an agreement": a lexicon verb and its arguments."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        for rule in verb_rules():
            if verb.lemma_.lower() not in rule.lemmas:
                continue
            subjects = _mentions([t for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}
                                  for t in _with_conjuncts(child)], index)
            objects = _mentions([t for child in verb.children for t in _object_tokens(child, rule.objects)], index)
            for subject in subjects:
                for obj in objects:
                    yield Candidate(subject, rule.predicate, obj, "verb")
            if rule.group:
                for left, right in combinations(subjects, 2):
                    yield Candidate(left, rule.predicate, right, "verb")


def _object_tokens(child: Token, slots: tuple[str, ...]) -> list[Token]:
    if child.dep_ == "dobj" and "dobj" in slots:
        return _with_conjuncts(child)
    if child.dep_ == "prep" and child.lower_ in slots:
        return [t for pobj in child.children if pobj.dep_ == "pobj" for t in _with_conjuncts(pobj)]
    return []


def apposition_positions(sent: Span, index: MentionIndex) -> Iterator[Candidate]:
    """"X, secretary of Y" and "X, member of A and secretary of B": titles set beside a person."""
    for token in sent:
        person = index(token)
        if not person or person.type != ontology.PERSON or token.i != person.end - 1:
            continue
        for title in (t for child in token.children if child.dep_ == "appos" for t in _with_conjuncts(child)):
            for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    organization = index(pobj)
                    if organization:
                        role = sent.doc[title.left_edge.i:title.i + 1]
                        words = [t.text_with_ws for t in role if t.lower_ not in {"the", "a", "an"}]
                        yield Candidate(person, "holds_position", organization, "apposition",
                                        "".join(words).strip(" ,"))


def place_in_place(sent: Span, index: MentionIndex) -> Iterator[Candidate]:
    """"Jinyuan district in Taiyuan", "the park located in Z": a name followed by "in" and a place."""
    for prep in sent:
        if prep.lower_ != "in" or prep.dep_ != "prep":
            continue
        head = prep.head
        if head.lemma_ == "locate":
            head = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), head.head)
        subject = index(head)
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            place = index(pobj)
            if subject and place and place.type == ontology.PLACE:
                yield Candidate(subject, "located_in", place, "place_in")


RULES: tuple[Callable[[Span, MentionIndex], Iterator[Candidate]], ...] = (
    verb_relations,
    apposition_positions,
    place_in_place,
)


def _evidence(sent: Span, text: str) -> tuple[str, int, int]:
    """The sentence as it stands in the article file, without surrounding white space, and its offsets."""
    body = sent.text
    start = sent.start_char + len(body) - len(body.lstrip())
    end = sent.end_char - (len(body) - len(body.rstrip()))
    return text[start:end], start, end


def extract_triples(doc: Doc, item: ArticleText, mentions: list[Mention],
                    canonical: dict[str, str]) -> Iterator[Triple]:
    """Yield every triple the rules find in the doc, with the evidence sentence and its offsets."""
    article = item.article
    index = MentionIndex(mentions)
    seen = set()
    for sent in doc.sents:
        evidence, start, end = _evidence(sent, item.text)
        for rule in RULES:
            for found in rule(sent, index):
                predicate = ontology.PREDICATES[found.predicate]
                subject, obj = canonical[found.subject.text], canonical[found.object.text]
                if subject == obj or not predicate.allows(found.subject.type, found.object.type):
                    continue
                key = (subject, found.predicate, obj, found.role, start)
                if key in seen:
                    continue
                seen.add(key)
                yield Triple(article=article.id, subject=subject, subject_type=found.subject.type,
                             predicate=found.predicate, object=obj, object_type=found.object.type,
                             evidence=evidence, start=start, end=end, confidence=CONFIDENCE[found.rule],
                             role=found.role, date=article.date, rule=found.rule)
