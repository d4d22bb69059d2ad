"""cooperates_with where the parties are "the two parties", "both sides" or a "bilateral cooperation".

The two parties are a company and the local government it works with: the sentence's one company and
the place or body it names (the article's city where it names that); with no company named, the last
pair of parties the article named (the pair that just signed).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from . import ontology
from .context import PARTIES, Candidate, Context
from .entities import Mention
from .lexicon import lexicon

_PAIRED = frozenset({"signed_agreement_with", "cooperates_with"})


def _says_two_parties(tokens: list[Token]) -> bool:
    words = lexicon()
    lowers = [token.lower_ for token in tokens]
    cooperation = any(token.lemma_.lower() in {"cooperate", "collaborate", "partner"} or
                      token.lower_ in words.cooperation_nouns for token in tokens)
    return cooperation and any(tuple(lowers[i:i + len(phrase)]) == phrase
                               for phrase in words.two_parties for i in range(len(lowers)))


def _pair(sent: Span, context: Context) -> tuple[Mention, Mention] | None:
    named = context.in_span(sent)
    companies = list({m.name: m for m in named if m.type == ontology.COMPANY}.values())
    if len(companies) > 1:
        return None
    if companies:
        others = [m for m in named if m.type in {ontology.PLACE, ontology.GOVERNMENT_BODY}]
        home = context.home_place("city")
        partner = next((m for m in others if home and m.name == home.name), others[0] if others else None)
        return (companies[0], partner) if partner else None
    last = context.last_stated(_PAIRED)
    return (last.subject, last.object) if last else None


def two_parties(sent: Span, context: Context) -> Iterator[Candidate]:
    """cooperates_with between "the two parties" of a sentence that states their cooperation."""
    if not _says_two_parties(context.tokens_of(sent)):
        return
    pair = _pair(sent, context)
    if pair and pair[0].type in PARTIES and pair[1].type in PARTIES:
        yield Candidate(pair[0], "cooperates_with", pair[1], "two_parties")
