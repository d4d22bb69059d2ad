"""Run every relation rule over an article and turn what they find into triples with evidence.

Each rule reads one sentence and the article's context and yields candidates; this module checks
them against the ontology, keeps each fact once (the first sentence that states it), and attaches
the evidence sentence, its offsets, the publication date and the date the sentence gives.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Span

from . import ontology
from .context import Candidate, Context, possible_types
from .cooperation import two_parties
from .coref import words_of
from .dates import sentence_date
from .entities import Mention
from .headline import headline_relations
from .lexicon import lexicon
from .model import ArticleText, Triple
from .positions import positions
from .signing import signings
from .spacing import Squeezed
from .structure import (
    based_in,
    capitals,
    capitals_named_after,
    city_province,
    described_projects,
    founded_subsidiaries,
    named_units,
    owned_projects,
    parts,
    place_descriptions,
    places_in,
    possessive_places,
    project_roles,
    projects_in,
    subsidiaries,
    where_clauses,
)
from .values import values
from .verbs import accompanied_visits, attendee_lists, bare_attendance, fronted_visits, verb_relations

Rule = Callable[[Span, Context], Iterator[Candidate]]
RULES: tuple[Rule, ...] = (
    positions, verb_relations, headline_relations, attendee_lists, bare_attendance, fronted_visits, places_in,
    capitals, place_descriptions, possessive_places, based_in, city_province, projects_in, described_projects,
    parts, subsidiaries, project_roles, founded_subsidiaries, owned_projects, values, two_parties, where_clauses,
    signings, accompanied_visits, named_units, capitals_named_after,
)
# Predicates whose wording says what kind of party a name is ("X signed an agreement with Y", "Z, director
# of Y"), so a name's type is taken from them where its head word gave another; not so "X develops Y", which
# a misparse can say of two projects.
RETYPING = frozenset({"signed_agreement_with", "cooperates_with", "holds_position", "met_with", "attended",
                      "subsidiary_of", "has_value"})
_COUNTRY_LEVEL = 1  # place_level of countries (0) and world regions (1)
PARTY_PREDICATES = frozenset({"signed_agreement_with", "cooperates_with"})
AGENTS = frozenset({(ontology.PLACE, "develops", "subject"), (ontology.PLACE, "invests_in", "subject"),
                    *((ontology.PROJECT, predicate, role) for predicate in ("signed_agreement_with", "cooperates_with")
                      for role in ("subject", "object"))})
CONFIDENCE = {
    "title": 0.9, "title_before": 0.85, "title_implied": 0.7, "verb": 0.8, "headline": 0.6, "attendees": 0.7, "noun": 0.8,
    "fronted_at": 0.6, "place_in": 0.75, "described": 0.7, "capital": 0.9, "possessive": 0.8, "city_province": 0.8,
    "project_in": 0.65, "apposition": 0.7, "under": 0.75, "based_in": 0.85, "part_noun": 0.7, "subsidiary": 0.9,
    "name_owner": 0.6, "value": 0.65, "two_parties": 0.6, "signing": 0.7, "accompanied": 0.6,
}


def _as_agent(found: Candidate) -> Candidate:
    """A place that builds or invests ("the district will develop the park") acts as its government, and
    so does a park that signs or cooperates ("Suzhou Industrial Park signed with ..."); a subsidiary
    and its parent are companies, where NER could only say organization."""
    subject, obj = (_acting(mention, found.predicate, role)
                    for mention, role in ((found.subject, "subject"), (found.object, "object")))
    return replace(found, subject=subject, object=obj)


def _acting(mention: Mention, predicate: str, role: str) -> Mention:
    if (mention.type, predicate, role) in AGENTS and (
            mention.type == ontology.PLACE or words_of(mention.name)[-1] in lexicon().administered_areas):
        return replace(mention, type=ontology.GOVERNMENT_BODY)
    if predicate == "subsidiary_of" and mention.type == ontology.ORGANIZATION and not mention.strong:
        return replace(mention, type=ontology.COMPANY)
    return mention


def _places_nest(found: Candidate) -> bool:
    """Whether a located_in between two places goes from smaller to bigger ("China" is in no province, and no
    country in another: "Japan, ROK, Germany" lists them)."""
    if found.predicate != "located_in" or found.object.type != ontology.PLACE or found.subject.type != ontology.PLACE:
        return True
    inner, outer = (lexicon().place_level(mention.name) for mention in (found.subject, found.object))
    return inner is None or outer is None or inner >= outer and inner > _COUNTRY_LEVEL


def _evidence(sent: Span, text: str, parsed: Squeezed) -> tuple[str, int, int]:
    """The sentence as it stands in the article file, without surrounding white space, and its offsets."""
    body = sent.text
    start = parsed.original(sent.start_char + len(body) - len(body.lstrip()))
    end = parsed.original(sent.end_char - (len(body) - len(body.rstrip())))
    return text[start:end], start, end


_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12}


def _amount(text: str) -> str:
    """An amount's number, so that one sum written twice is one fact ("RMB 15 billion", "15-billion-yuan")."""
    match = re.search(r"(\d[\d,]*(?:\.\d+)?)\W*(thousand|million|mln|billion|bln|trillion)?", text.lower())
    if match is None:
        return text
    return f"{float(match.group(1).replace(',', '')) * _SCALES.get(match.group(2) or '', 1):.0f}"


def _key(found: Candidate) -> tuple[str, str, str]:
    subject, obj = found.subject.name, found.object.name
    if found.predicate == "has_value":
        obj = _amount(obj)
    predicate = ontology.PREDICATES[found.predicate]
    if predicate.is_symmetric(found.subject.type, found.object.type) and obj < subject:
        subject, obj = obj, subject
    return subject, found.predicate, obj


def _typings(found: Candidate) -> list[tuple[str, str]]:
    """The (subject type, object type) pairs the ontology allows for a candidate, its own types first;
    other types only for predicates whose wording leaves no doubt what kind of party it takes (RETYPING)."""
    predicate = ontology.PREDICATES[found.predicate]
    own = (found.subject.type, found.object.type)
    if found.predicate not in RETYPING:
        return [own] if predicate.allows(*own) else []
    return [(s, o) for s in possible_types(found.subject) for o in possible_types(found.object) if predicate.allows(s, o)]


def settle_types(proposed: list[Candidate]) -> dict[str, str]:
    """The type a name takes in the facts its own type forbids: the other type of it that admits the
    most of them ("the State Information Center signed an agreement": an organization, though "Center"
    heads projects)."""
    support: dict[str, Counter[str]] = {}
    for found in proposed:
        options = _typings(found)
        if not options or options[0] == (found.subject.type, found.object.type):
            continue
        for mention, kinds in ((found.subject, {s for s, _ in options}), (found.object, {o for _, o in options})):
            support.setdefault(mention.name, Counter()).update(kinds - {mention.type})
    return {name: votes.most_common(1)[0][0] for name, votes in support.items() if votes}


def _retyped(found: Candidate, types: dict[str, str]) -> Candidate:
    """A candidate its own types forbid, with its names in the types settle_types chose."""
    options = _typings(found)
    if not options or options[0] == (found.subject.type, found.object.type):
        return found
    wanted = (types.get(found.subject.name, found.subject.type), types.get(found.object.name, found.object.type))
    subject_type, object_type = wanted if wanted in options else options[0]
    return replace(found, subject=replace(found.subject, type=subject_type),
                   object=replace(found.object, type=object_type))


def propose(context: Context) -> list[tuple[int, Span, Candidate]]:
    """Every candidate of every rule, sentence by sentence, that some typing of its names allows; each is
    added to context.found as it is proposed, for the rules of later sentences to read."""
    proposed = []
    posts: dict[str, list[Mention]] = {}  # the organizations each person holds a post in, as stated so far
    for number, sent in enumerate(context.sentences()):
        for rule in RULES:
            for stated in map(_as_agent, rule(sent, context)):
                if stated.predicate == "holds_position":
                    posts.setdefault(stated.subject.name, []).append(stated.object)
                for found in _on_behalf(stated, posts):
                    if found.subject.name == found.object.name or not _typings(found):
                        continue
                    context.add(found)
                    proposed.append((number, sent, found))
    return proposed


def _on_behalf(found: Candidate, posts: dict[str, list[Mention]]) -> list[Candidate]:
    """A person who signs or cooperates does so for the organization they hold a post in ("X, president of
    A, signed an agreement with B": A signed with B); the first such other than a place."""
    if found.predicate not in PARTY_PREDICATES:
        return [found]
    subject, obj = (_represented(mention, posts) for mention in (found.subject, found.object))
    return [replace(found, subject=subject, object=obj)] if subject and obj else []


def _represented(mention: Mention, posts: dict[str, list[Mention]]) -> Mention | None:
    if mention.type != ontology.PERSON:
        return mention
    held = [m for m in posts.get(mention.name, ()) if m.type != ontology.PLACE]
    return held[0] if held else None


def extract_triples(item: ArticleText, context: Context, parsed: Squeezed) -> Iterator[Triple]:
    """Yield every triple the rules find in the article, each fact once, with its evidence: the first
    sentence of the body that states it, or the headline where only the headline does. Names take the
    type that the facts stated of them allow (settle_types)."""
    article = item.article
    proposed = propose(context)
    types = settle_types([found for _, _, found in proposed])
    posts = {(found.subject.name, found.object.name) for _, _, found in proposed if found.predicate == "holds_position"}
    kept: dict[tuple[str, str, str], Triple] = {}
    from_headline: set[tuple[str, str, str]] = set()
    evidence: dict[int, tuple[str, int, int, str | None]] = {}
    for number, sent, found in proposed:
        found = _retyped(found, types)
        predicate = ontology.PREDICATES[found.predicate]
        if not _places_nest(found) or not predicate.allows(found.subject.type, found.object.type) or \
                found.predicate in {"met_with", "visited"} and (found.subject.name, found.object.name) in posts:
            continue  # nobody meets, or visits, the organization they hold a post in
        key = _key(found)
        if (key[2], key[1], key[0]) in kept and found.predicate == "located_in":
            continue
        if key in kept and (key not in from_headline or number == 0):
            continue
        if number not in evidence:
            evidence[number] = (*_evidence(sent, item.text, parsed),
                                sentence_date(context.entities_in(sent), article.date))
        text, start, end, event_date = evidence[number]
        if number == 0:
            from_headline.add(key)
        else:
            from_headline.discard(key)
        kept[key] = Triple(article=article.id, subject=found.subject.name,
                           subject_type=found.subject.type, predicate=found.predicate,
                           object=found.object.name, object_type=found.object.type, role=found.role,
                           evidence=text, start=start, end=end, confidence=CONFIDENCE[found.rule],
                           date=article.date, event_date=event_date, rule=found.rule)
    yield from sorted(kept.values(), key=lambda triple: triple.start)
