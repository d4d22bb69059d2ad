"""signed_agreement_with wherever a word of signing and the other party stand in one clause, whatever
the parse puts between them: "X held the signing ceremony of a cooperation agreement with Y"; "a
framework agreement signing ceremony was held between A and B"; "X signed with Y at the fair";
"X and Y held a signing ceremony" (each pair of the subjects where no other party is named); "X signed an
agreement with A and B" (A and B are parties to the one agreement too, as the gold rules have it); the
parties of a signing "at" or "during" a named event attended it.

The verb patterns (verbs.json) read the usual shapes; this rule reads the rest: from the word of
signing up to the verb that governs it, any "with" or "between" there names the other parties, and the
verb's subjects are the signers.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from spacy.tokens import Span, Token

from . import ontology
from .context import Candidate, Context, governing_verb, subjects_of
from .lexicon import lexicon
from .verbs import names_of, verb_table

_REACH = 4  # words from the word of signing up to its verb
_ADJUNCTS = frozenset({"during", "at", "after", "before", "following", "on", "since"})
_LEMMAS = verb_table()["lemmas"]
_WITNESSING = frozenset({*_LEMMAS["attend"], *_LEMMAS["participate"], "witness"})
_SIGNING_VERBS = frozenset({*_LEMMAS["sign"], *_LEMMAS["hold"]})  # "A and B signed", "held a signing ceremony"


def _is_signing(token: Token) -> bool:
    words = lexicon()
    return token.lemma_ in _LEMMAS["sign"] or token.lower_ in words.agreement_nouns or \
        token.lower_ == "signing"


def _chain(token: Token) -> list[Token]:
    """The word of signing and the words above it up to its verb; none where the signing only says when
    or where the verb's act took place ("during the signing ceremony, the two parties held talks")."""
    chain, verb = [token], governing_verb(token)
    while chain[-1] is not verb and chain[-1].head is not chain[-1] and len(chain) < _REACH:
        if chain[-1].dep_ == "pobj" and chain[-1].head.lower_ in _ADJUNCTS:
            return []
        chain.append(chain[-1].head)
        if chain[-1].pos_ in {"VERB", "AUX"}:
            break
    return chain


def _several_agreements(words: list[Token]) -> bool:
    """Whether the signing names agreements in the plural ("signed agreements with A and B"): one each."""
    return any(word.lower_ in lexicon().agreement_nouns and word.tag_ == "NNS" for word in words)


def signings(sent: Span, context: Context) -> Iterator[Candidate]:
    """signed_agreement_with from each word of signing in the sentence (see the module's docstring)."""
    done: set[int] = set()
    for token in context.tokens_of(sent):
        if not _is_signing(token) or token.i in done:
            continue
        chain = _chain(token)
        done.update(t.i for t in chain)
        if not chain:
            continue
        holders = chain + [child for t in chain for child in t.children if child.dep_ in {"dobj", "nsubjpass"}]
        preps = [child for t in holders for child in t.children if child.dep_ == "prep"]
        partners = names_of([obj for prep in preps if prep.lower_ == "with" for obj in prep.children
                             if obj.dep_ == "pobj"], context)
        between = names_of([obj for prep in preps if prep.lower_ in {"between", "among"} for obj in prep.children
                            if obj.dep_ == "pobj"], context)
        verb = chain[-1]
        if verb.lemma_ in _WITNESSING:
            continue
        signers = names_of(subjects_of(verb), context) if verb.pos_ in {"VERB", "AUX"} else []
        for signer in signers:
            for partner in partners:
                yield Candidate(signer, "signed_agreement_with", partner, "signing")
        parties = between or ([] if partners or verb.lemma_ not in _SIGNING_VERBS else signers)
        if signers and len(partners) > 1 and not _several_agreements(holders):
            parties = partners  # "A signed an agreement with B and C": B and C are parties to it too
        for left, right in combinations(parties, 2):
            yield Candidate(left, "signed_agreement_with", right, "signing")
        events = [m for m in names_of([obj for prep in preps if prep.lower_ in {"at", "during"} for obj in
                                       prep.children if obj.dep_ == "pobj"], context) if m.type == ontology.EVENT]
        for event in events:  # "A signed with B at the X Expo": both attended it (gold rule 5)
            for party in dict.fromkeys([*signers, *partners, *between]):
                yield Candidate(party, "attended", event, "signing")
