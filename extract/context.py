"""What every relation rule reads: the parsed article, its resolved mentions, and helpers over the parse."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from . import ontology
from .coref import Home, core_words, display_name, words_of
from .entities import Mention, last_ending_by
from .lexicon import lexicon

_BRACKET_REACH = 10
_CONJUNCTIONS = frozenset({"and", "or"})
_LIST_WORDS = frozenset({",", "and", "or", "the", "as", "well", "、"})
_SPOKESPEOPLE = lexicon().representatives
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
_AGREEMENTS = lexicon().agreement_nouns
_PHASES = lexicon().phase_nouns
_TITLE_WORDS = lexicon().title_words
_CHAIN_WORDS = frozenset({"of", "at", "from", "in", "the", "and", "'s", "’s", "-", "&", "to", "for", "with"})
_PERSON_LIST_LINKS = frozenset({",", ";", "and"})
# How the parser attaches the first of two names listed before their verb ("Fujian, Haixi cooperate").
_MISPARSED_LIST_ITEMS = frozenset({"npadvmod", "nmod", "dep"})
PARTIES = frozenset({ontology.COMPANY, ontology.GOVERNMENT_BODY, ontology.ORGANIZATION, ontology.PLACE})


@dataclass(frozen=True)
class Candidate:
    """A triple a rule proposes, over mentions; extract_triples checks it against the ontology."""

    subject: Mention
    predicate: str
    object: Mention
    rule: str
    role: str | None = None


@dataclass
class Context:
    """One article's parse and its mentions, in text order (sorted by their start). `found` holds the
    candidates of the sentences read so far, as `add` records them.

    Whatever a rule reads of the whole article (its mentions of a kind, a sentence's mentions, what was
    found before) is indexed here once, so that a long article costs what the same text split into short
    ones costs."""

    doc: Doc
    mentions: list[Mention]
    home: Home
    found: list[Candidate] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tokens: list[Token] = list(self.doc)  # made once: spaCy makes a Token object at every doc[i]
        self._spans: dict[tuple[int, int], list[Mention]] = {}
        self.by_token: dict[int, Mention] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start - m.end):
            for i in range(mention.start, mention.end):
                self.by_token[i] = mention
        # The mentions' starts (they are sorted by them): a sentence's mentions are found by bisection, so
        # reading every sentence of a long article costs no more than reading its short ones.
        self._starts = [mention.start for mention in self.mentions]
        self._of_kinds: dict[frozenset[str], tuple[list[Mention], list[int]]] = {}
        self._stated: dict[tuple[str, str | None], list[int]] = {}  # by predicate (and subject): in found

    def add(self, found: Candidate) -> None:
        """Record a candidate of the sentence being read, for the rules of later sentences."""
        for key in ((found.predicate, None), (found.predicate, found.subject.name)):
            self._stated.setdefault(key, []).append(len(self.found))
        self.found.append(found)

    def stated(self, predicate: str, subject: str | None = None) -> list[Candidate]:
        """The candidates of a predicate found so far (of one subject, by name), in the order found."""
        return [self.found[k] for k in self._stated.get((predicate, subject), ())]

    def last_stated(self, predicates: Iterable[str]) -> Candidate | None:
        """The last candidate found so far of one of the predicates."""
        lasts = [self._stated[(predicate, None)][-1] for predicate in predicates
                 if (predicate, None) in self._stated]
        return self.found[max(lasts)] if lasts else None

    def sentences(self) -> list[Span]:
        """The doc's sentences, two joined where the parser split one inside a name ("... Committee Yang |
        Shiping accompanied ...")."""
        if "sentences" not in self.cache:
            joined: list[Span] = []
            for sent in self.doc.sents:
                inside = self.by_token.get(sent.start)
                if joined and inside is not None and inside.start < sent.start:
                    joined[-1] = self.doc[joined[-1].start:sent.end]
                else:
                    joined.append(sent)
            self.cache["sentences"] = joined
        return self.cache["sentences"]  # type: ignore[no-any-return]

    def mentions_named(self, text: str) -> Mention | None:
        """A mention written as `text` elsewhere in the article, for its resolved name."""
        if "by_text" not in self.cache:
            by_text: dict[str, Mention] = {}
            for mention in self.mentions:
                by_text.setdefault(mention.text, mention)
            self.cache["by_text"] = by_text
        return self.cache["by_text"].get(text)  # type: ignore[no-any-return]

    def tokens_of(self, span: Span) -> list[Token]:
        """The tokens of a span (a sentence), from the list made once."""
        return self.tokens[span.start:span.end]

    def at(self, token: Token | None) -> Mention | None:
        """The mention a token belongs to (the innermost one)."""
        return None if token is None else self.by_token.get(token.i)

    def starting_at(self, i: int) -> Mention | None:
        mention = self.by_token.get(i)
        return mention if mention and mention.start == i else None

    def ending_at(self, i: int) -> Mention | None:
        """The mention whose last token is doc[i - 1]."""
        mention = self.by_token.get(i - 1)
        return mention if mention and mention.end == i else None

    def in_span(self, span: Span) -> list[Mention]:
        """The mentions inside a span (a sentence), in text order; computed once per span."""
        key = (span.start, span.end)
        if key not in self._spans:
            first, last = bisect_left(self._starts, span.start), bisect_right(self._starts, span.end)
            self._spans[key] = [m for m in self.mentions[first:last] if m.end <= span.end]
        return self._spans[key]

    def entities_in(self, span: Span) -> list[Span]:
        """NER's entities inside a span (a sentence), as span.ents gives them, but from the doc's entities
        listed once (span.ents lists the whole doc's)."""
        if "entities" not in self.cache:
            entities = list(self.doc.ents)
            self.cache["entities"] = entities, [ent.start for ent in entities]
        entities, starts = self.cache["entities"]
        found = []
        for ent in entities[bisect_left(starts, span.start):]:
            if ent.end > span.end:
                break
            found.append(ent)
        return found

    def home_place(self, level: str) -> Mention | None:
        """A mention of the article's city ("city") or province ("province"); where the article names it
        only inside the names of its bodies ("the Wuhan Municipal Party Committee"), a mention made for it."""
        key = f"home_place:{level}"
        if key not in self.cache:
            self.cache[key] = self._home_place(level)
        return self.cache[key]  # type: ignore[no-any-return]

    def _home_place(self, level: str) -> Mention | None:
        place = self.home.city if level == "city" else self.home.province
        if place is None:
            return None
        candidates = [m for m in self.mentions if m.type == ontology.PLACE and " ".join(core_words(m.name)) == place]
        if candidates:
            return candidates[0]
        name = display_name(place, self.mentions)
        return Mention(0, 0, name, ontology.PLACE, name=name, source="home")

    def coordinated(self, mention: Mention) -> list[Mention]:
        """The mentions listed with this one, in text order ("A, B and C" for any of them): names
        separated only by commas, "and", "or", "as well as" and articles, a place's possessive standing for
        what it owns ("A and Nepal's B"). A list ends at its "and": "A and B, the C" lists no C."""
        chain = [mention]
        closed = False  # whether the list's "and" came before the mention, which is then its last name
        for step in (-1, 1):
            current, commas_only = mention, False
            while not (step > 0 and closed):
                i, seen_link, represented = self._skip_link(current.start - 1 if step < 0 else current.end, step)
                other = self.ending_at(i + 1) if step < 0 else self._possessed(self.starting_at(i))
                if mention.type == ontology.PERSON and not represented and (other is None or
                                                                            other.type != ontology.PERSON):
                    other = self._person_past_titles(current, step)
                    seen_link = seen_link or other is not None
                if not seen_link or other is None or not represented and \
                        (other.type == ontology.PERSON) != (mention.type == ontology.PERSON) or \
                        _across_clauses(self.doc[current.end - 1], self.doc[other.end - 1]):
                    break
                between = self.doc[other.end:current.start] if step < 0 else self.doc[current.end:other.start]
                joined = any(token.lower_ in _CONJUNCTIONS for token in between)
                if step < 0 and joined and commas_only:
                    break
                chain.insert(0, other) if step < 0 else chain.append(other)
                if step > 0 and joined:
                    break
                commas_only = commas_only or not joined
                closed = closed or joined
                current = other
        return chain

    def _person_past_titles(self, person: Mention, step: int) -> Mention | None:
        """The next person of a list whose names carry their titles ("A, President of X, B, Manager of Y
        and C"; "A, title; B, title"; "Vice Governor A, Secretary-General of X B, and Secretary C"): the
        words between are a title chain (titles, names of organizations and places, linking and lower-case
        words) with a comma, semicolon or "and" among them, and no verb."""
        doc, sent = self.doc, self.doc[person.start].sent
        i = person.end if step > 0 else person.start - 1
        separated = False
        while sent.start <= i < sent.end:
            found = self.by_token.get(i)
            if found is not None and found.type == ontology.PERSON:
                return found if separated else None
            token = doc[i]
            if found is None and (token.pos_ in {"VERB", "AUX"} and token.lower_ not in _TITLE_WORDS or
                                  not (token.lower_ in _TITLE_WORDS or token.lower_ in _CHAIN_WORDS or
                                       token.is_lower or token.is_punct and token.text not in {".", ":"})):
                return None
            separated = separated or found is None and token.lower_ in _PERSON_LIST_LINKS
            i += step
        return None

    def _possessed(self, mention: Mention | None) -> Mention | None:
        """The name a place's possessive form goes with ("Nepal's Himalaya Trading Co."), else the mention."""
        if mention is None or mention.type != ontology.PLACE or mention.end + 1 >= len(self.doc) or \
                self.doc[mention.end].text not in {"'s", "’s"}:
            return mention
        return self.starting_at(mention.end + 1) or mention

    def _skip_link(self, i: int, step: int) -> tuple[int, bool, bool]:
        """Step over the words between two listed names: list words, a short form in brackets ("A Co., Ltd.
        ("A") and B"), and (forwards) the people who stand for the next name ("and the representatives
        of"). Returns where the next name should end or start, whether any word was stepped over, and
        whether representatives were."""
        seen_link = represented = False
        while 0 <= i < len(self.doc):
            word = self.doc[i].lower_
            closing = self.bracket_end(i, step)
            if closing is not None:
                i = closing
            elif word in _LIST_WORDS:
                seen_link = True
            elif step > 0 and (word in _SPOKESPEOPLE or represented and word in {"of", "from"}):
                seen_link = represented = True
            else:
                break
            i += step
        return i, seen_link, represented

    def bracket_end(self, i: int, step: int) -> int | None:
        """Where a bracket opened at token i (stepping forwards, or closed there stepping backwards) of a
        few words closes, or None."""
        opening, closing = ("(", ")") if step > 0 else (")", "(")
        if self.doc[i].text != opening:
            return None
        for j in range(i + step, i + step * _BRACKET_REACH, step):
            if not 0 <= j < len(self.doc) or self.doc[j].text == opening:
                return None
            if self.doc[j].text == closing:
                return j
        return None

    def salient(self, kinds: frozenset[str], before: int) -> Mention | None:
        """The name of one of `kinds` that the text is about just before token `before`: of the last
        sentence naming one, the subject if it is one, else the last named."""
        if kinds not in self._of_kinds:
            of_kinds = [m for m in self.mentions if m.type in kinds]
            self._of_kinds[kinds] = of_kinds, [m.start for m in of_kinds]
        of_kinds, starts = self._of_kinds[kinds]
        named = last_ending_by(of_kinds, starts, before)
        if named is None:
            return None
        sentence = self.doc[named.start].sent
        latest = [m for m in of_kinds[bisect_left(starts, sentence.start):bisect_right(starts, before)]
                  if m.end <= before]
        subjects = [m for m in latest if self.doc[m.end - 1].dep_ in {"nsubj", "nsubjpass"}]
        return (subjects or latest)[0 if subjects else -1]

    def topic_project(self) -> Mention | None:
        """The project the article is about: named in its first sentence (the headline), and most often."""
        if "topic_project" not in self.cache:
            self.cache["topic_project"] = self._topic_project()
        return self.cache["topic_project"]  # type: ignore[no-any-return]

    def _topic_project(self) -> Mention | None:
        first = next(iter(self.sentences()), None)
        headline = {m.name for m in self.in_span(first)} if first is not None else set()
        counts = Counter(m.name for m in self.mentions if m.type == ontology.PROJECT and m.name in headline)
        if not counts:
            return None
        name = counts.most_common(1)[0][0]
        return next(m for m in self.mentions if m.name == name)

    def project_meant(self, noun: Token, *, topic: bool = False) -> Mention | None:
        """The project an unnamed one stands for ("will build a production base in Z"): the one project
        the article names with that head word ("the X Power Battery Base"), else with `topic` the project
        the article is about."""
        if self.at(noun) or lexicon().head_type(noun.lower_) != ontology.PROJECT:
            return None
        key = f"same_head:{noun.lower_}"
        if key not in self.cache:
            self.cache[key] = {m.name: m for m in self.mentions if m.type == ontology.PROJECT and
                               words_of(m.name)[-1:] == (noun.lower_,)}
        same_head: dict[str, Mention] = self.cache[key]
        if len(same_head) == 1:
            return next(iter(same_head.values()))
        return self.topic_project() if topic else None

    def follows_a_place(self, mention: Mention) -> bool:
        """"in A in the C": C directly follows the place A, so it says where A is, not where the
        sentence's subject is."""
        i = mention.start - 1
        if i > 0 and self.doc[i].lower_ == "the":
            i -= 1
        before = self.ending_at(i)
        return self.doc[i].lower_ == "in" and before is not None and before.type == ontology.PLACE

    def mentions_of(self, tokens: Iterable[Token]) -> list[Mention]:
        """The mentions of the tokens, a relative or possessive pronoun's being its antecedent's."""
        found: list[Mention] = []
        for token in tokens:
            for mention in map(self.at, [token] if self.at(token) else antecedents(token)):
                if mention and mention not in found:
                    found.append(mention)
        return found


def possible_types(mention: Mention) -> tuple[str, ...]:
    """The types a mention may have: its own first, then what else its head word (or NER's label, for a
    name only NER typed) allows (lexicon other_types); the facts stated of it choose among them."""
    others = lexicon().other_types
    words = words_of(mention.name or mention.text)
    key = words[-1] if mention.strong and words else f"ner:{mention.type}"
    return (mention.type, *(kind for kind in others.get(key, ()) if kind != mention.type))


def _across_clauses(one: Token, other: Token) -> bool:
    """Whether two names listed one after the other belong to different clauses: one is a subject and the
    other is not inside that subject ("invest in A, and B will build": B starts a new clause)."""
    for subject, rest in ((one, other), (other, one)):
        if subject.dep_ in {"nsubj", "nsubjpass"} and rest not in subject.subtree and \
                not (rest.head == subject.head and rest.dep_ in _MISPARSED_LIST_ITEMS):
            return True
    return False


def antecedents(token: Token) -> list[Token]:
    """What a pronoun or a noun of a part stands for inside the sentence: "which", "that" or "whose" of a
    relative clause, the noun the clause is about ("the park, which X built"); "its" and "their", the subject of
    their verb ("X will increase its investment"); a phase of a project, the project ("the first phase
    of X broke ground")."""
    if token.tag_ in {"WDT", "WP", "WP$"}:
        verb = governing_verb(token)
        return [verb.head] if verb is not None and verb.dep_ == "relcl" and verb.head is not token else []
    if token.lower_ in _POSSESSIVE_PRONOUNS and token.dep_ == "poss":
        return subjects_of(token)
    if token.lower_ in _PHASES:
        return [grand for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
                for grand in child.children if grand.dep_ == "pobj"]
    return []


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("A, B and C"), also where the parse coordinates the next
    one, a name of the same kind, with the first one's title ("A, Party Secretary of X, and B, Mayor of X,
    attended")."""
    return [token, *token.conjuncts, *(other for child in token.children if child.dep_ == "appos"
                                       for other in child.conjuncts
                                       if token.ent_type_ and other.ent_type_ == token.ent_type_)]


def _companions(token: Token) -> list[Token]:
    """The people set beside a subject (or its verb): "A, accompanied by B and C, inspected"; "A, together
    with B,"; "A, along with B, toured" ("A visited Z, accompanied by B" is verbs.accompanied_visits')."""
    words = lexicon()
    found: list[Token] = []
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_ in words.companion_verbs:
            preps = [agent for agent in child.children if agent.dep_ == "agent"]
        elif child.dep_ == "prep" and child.lower_ == "with" and child.i > 0 and \
                child.doc[child.i - 1].lower_ in words.companion_adverbs:
            preps = [child]
        elif child.dep_ in {"prep", "advmod"} and child.lower_ in words.companion_adverbs:
            preps = [grand for grand in child.children if grand.dep_ == "prep" and grand.lower_ == "with"]
        else:
            continue
        found += [t for prep in preps for pobj in prep.children if pobj.dep_ == "pobj" for t in conjuncts(pobj)]
    return found


def _joint_partners(verb: Token) -> list[Token]:
    """Who signed with the subject, where the agreement's purpose is done "jointly" ("X entered into an
    agreement with Y to jointly build Z", "X signed with Y to jointly develop Z", "X signed an agreement
    with Y and jointly set up Z"): Y."""
    words = lexicon()
    if verb.dep_ not in {"acl", "advcl", "xcomp", "conj"} or \
            not any(c.lower_ in words.joint_adverbs for c in verb.children):
        return []
    above = verb.head
    agreements = [above] if above.lower_ in _AGREEMENTS else [
        t for child in above.children if child.dep_ in {"dobj", "prep"}
        for t in (child, *child.children) if t.lower_ in _AGREEMENTS]
    return [t for holder in (*agreements, governing_verb(above) or above) for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ == "with" for pobj in prep.children if pobj.dep_ == "pobj"
            for t in conjuncts(pobj)]


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token, the token itself if it is one."""
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def subjects_of(token: Token) -> list[Token]:
    """The subjects of the verb that governs a token and their companions ("A, accompanied by B,"), through
    conjoined verbs, open complements ("X will keep innovating and deepen cooperation with Y" -> X) and the
    purpose of an agreement ("X and Y signed an agreement to jointly build Z" -> X, Y; "X entered into an
    agreement with Y to build Z" -> X, and with "jointly" Y too)."""
    verb = governing_verb(token)
    partners = _joint_partners(verb) if verb is not None else []
    for _ in range(4):
        if verb is None:
            return []
        if verb.dep_ == "acl" and verb.head.lower_ in _AGREEMENTS and verb.head.dep_ in {"dobj", "pobj"}:
            verb = governing_verb(verb.head.head)
            if verb is None:
                return []
        subjects = [child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and subjects[0].tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            return [verb.head]
        if subjects:
            return [t for subject in subjects for first in conjuncts(subject)
                    for t in (first, *_companions(first))] + _companions(verb) + partners
        controller = [child for child in verb.head.children if child.dep_ == "dobj"
                      and verb.head.lemma_ not in lexicon().saying_verbs]
        if verb.dep_ == "xcomp" and controller:
            return conjuncts(controller[0])
        if verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head is not verb:
            verb = governing_verb(verb.head)
        elif verb.dep_ in {"relcl", "acl"}:
            return [verb.head]
        else:
            return []
    return []
