"""Relations stated by a verb (or a noun of action) and its arguments: dependency-tree patterns.

The patterns live in patterns/verbs.json, in spaCy's DependencyMatcher format (see treematch.py). A match gives the verb and its object; the subject is the
matched "subject" node where the pattern has one, and otherwise the subjects of the verb, found
through conjoined verbs and complements. Arguments that are not names are followed to the names
they stand for: "the company's laboratories" -> the company; "a delegation led by X" -> X; "the
principals of Z" -> Z. "respectively" pairs subjects and objects in order.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations, product
from typing import Any

from spacy.tokens import Span, Token

from . import ontology
from .context import Candidate, Context, antecedents, conjuncts, subjects_of
from .coref import words_of
from .entities import Mention
from .lexicon import expand_references, lexicon, read_pattern_file
from .treematch import TreeMatcher


@lru_cache(maxsize=1)
def verb_table() -> dict[str, Any]:
    """patterns/verbs.json with every '@list' replaced by its words."""
    data = read_pattern_file("verbs.json")
    lexicon_lists = {k: v for k, v in read_pattern_file("lexicon.json").items() if isinstance(v, list)}
    lists = {**lexicon_lists, **data["lemmas"]}
    return {**data, "patterns": expand_references(data["patterns"], lists),
            "pairs": expand_references(data.get("pairs", {}), lists)}


@lru_cache(maxsize=1)
def verb_matcher() -> TreeMatcher:
    """The matcher of every verb pattern, one key per predicate (and "pairs:" for nouns whose arguments
    all relate to each other: "an agreement between A and B")."""
    matcher = TreeMatcher()
    table = verb_table()
    for predicate, patterns in table["patterns"].items():
        matcher.add(predicate, patterns)
    for predicate, patterns in table["pairs"].items():
        matcher.add(f"pairs:{predicate}", patterns)
    return matcher


_FOLLOW_PREPS = {"by", "from", "of"}
_DESCRIPTION_REACH = 6
_LISTING = frozenset({"include", "be", "comprise"})
_PAIRED = frozenset({"signed_agreement_with", "cooperates_with"})
_ATTENDED_ARGUMENTS = frozenset({"dobj", "prep", "conj", "ccomp", "xcomp", "attr"})
_VISITED = frozenset({ontology.COMPANY, ontology.ORGANIZATION, ontology.PROJECT, ontology.GOVERNMENT_BODY})


def _reached(token: Token, *, owners: bool = True) -> list[Token]:
    """Tokens that a non-name argument leads to: its possessor ("the company's labs"); for a delegation
    or representatives, who leads them or whom they come from ("a delegation led by X", "the principals of Z");
    for things counted, the examples named ("300 companies, including A, B and C"); for a part of an event,
    the event ("the opening ceremony of the fair"); for a part of a place, the place ("the north of Z")."""
    words = lexicon()
    reached = [child for child in token.children if child.dep_ == "poss" and owners]
    if token.lower_ in words.site_nouns or token.lower_ in words.event_part_nouns or \
            token.lower_ in words.direction_nouns or words.head_type(token.lower_) == ontology.PROJECT or \
            token.lower_ in words.capital_nouns:  # "in the city of Shaoxing"
        owning = {"of", "for"} if token.lower_ in words.event_part_nouns else {"of"}  # "the ceremony for X"
        reached += [t for child in token.children if child.dep_ == "prep" and child.lower_ in owning
                    for t in _objects_below(child)]
    if token.lower_ in words.representatives or _in_charge(token) is not None:
        for child in [*token.children, *(_in_charge(token) or ())]:
            if child.dep_ == "acl" or (child.dep_ == "prep" and child.lower_ in _FOLLOW_PREPS):
                whom = _objects_below(child)  # "persons in charge of 53 enterprises, including A and B"
                reached += whom + [t for plural in whom if plural.tag_ == "NNS" for t in _examples(plural)]
        reached += _examples_after(token)
    if token.tag_ == "NNS":
        reached += _examples(token)
    return reached


def _in_charge(token: Token) -> list[Token] | None:
    """The preposition after "persons in charge" ("persons in charge of 53 enterprises": "of"), or None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            charge = [grand for grand in child.children if grand.dep_ == "pobj" and grand.lower_ == "charge"]
            if charge:
                return [prep for prep in charge[0].children if prep.dep_ == "prep"]
    return None


def _examples(plural: Token) -> list[Token]:
    """The examples named of things counted ("300 companies, including A, B and C")."""
    return [t for child in plural.children if child.dep_ == "prep" and child.lower_ in lexicon().example_words
            for t in _objects_below(child)]


def _examples_after(token: Token) -> list[Token]:
    """The people a plural of representatives leads to where the parse hangs its examples on another noun
    of its clause ("met with leaders from some enterprises, including A, B and C")."""
    verb = token.head if token.head.pos_ in {"VERB", "AUX"} else token.head.head
    for word in token.doc[token.i + 1:token.sent.end]:
        if word.lower_ == "including" and word.head in verb.subtree:
            return [child for child in word.children if child.dep_ == "pobj" and child.ent_type_ == "PERSON"]
    return []


def _name_groups(tokens: list[Token], context: Context, *, owners: bool = True) -> list[list[Mention]]:
    """The names the tokens stand for, in groups: each name alone, with the names listed alongside it
    ("A, B and C"), or the names that a counted plural gathers ("the two companies"). A token stands for
    its own mention, the name set beside it ("its subsidiary X will"), its antecedent's (a relative or possessive pronoun), or the names it leads to; a
    delegation led by a person stands for that person, "the delegation" with no name of its own for the
    one last led by a person."""
    groups: list[list[Mention]] = []
    seen: set[Mention] = set()
    for token in tokens:
        own = context.at(token)
        counted = [] if own else _listed_after_colon(token, context) or _counted(token, context)
        named = [m for m in map(context.at, (c for c in token.children if c.dep_ == "appos")) if m]
        mentions = [own] if own else counted or named or context.mentions_of(antecedents(token)) or \
            [m for m in map(context.at, _reached(token, owners=owners)) if m] or \
            [m for t in (token, *antecedents(token)) for m in _event_meant(t, context)]
        if token.lower_ in lexicon().delegation_nouns:
            leaders = [m for m in mentions if m.type == ontology.PERSON] or \
                [m for m in map(context.at, _led_by_below(token)) if m is not None and m.type == ontology.PERSON]
            if leaders:
                context.cache["delegation_leader"] = leaders[0]
                sent_by = [m for m in map(context.at, (c for c in token.children if c.dep_ in {"compound", "poss"}))
                           if m is not None and m.type in {ontology.ORGANIZATION, ontology.COMPANY}]
                mentions = leaders + sent_by  # "CEATEC delegation headed by X visited Y": X and CEATEC
            elif not mentions and any(child.lower_ == "the" for child in token.children):
                mentions = [m for m in [context.cache.get("delegation_leader") or _leader_before(token, context)] if m]
        if counted:
            groups.append([m for m in counted if m not in seen])
            seen.update(counted)
            continue
        for mention in dict.fromkeys(mentions):
            for listed in context.coordinated(mention):
                if listed not in seen:
                    groups.append([listed])
                    seen.add(listed)
    return [group for group in groups if group]


def _led_by_below(token: Token) -> list[Token]:
    """Who leads a delegation where the parse hangs "led by" inside its phrase ("a party of five, led by X")."""
    return [t for child in token.subtree if child.dep_ == "acl" and child.lemma_ in {"lead", "head"}
            for t in _objects_below(child)]


def _event_meant(token: Token, context: Context) -> list[Mention]:
    """"the opening ceremony" (or closing, plenary) with no "of the X": the event the text is about, named
    before; a "signing ceremony" is no part of it."""
    words = lexicon()
    kinds = {token.lower_} | {child.lower_ for child in token.children if child.dep_ in {"compound", "amod"}}
    if token.lower_ not in words.event_part_nouns or not kinds & words.whole_event_parts or \
            any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children):
        return []
    event = context.salient(frozenset({ontology.EVENT}), token.i)
    return [event] if event else []


def _leader_before(token: Token, context: Context) -> Mention | None:
    """The person who led the delegation named before ("X led a delegation to Z", "X visited Z with a
    delegation. The delegation toured ...")."""
    if "delegation_nouns" not in context.cache:  # where the article has them, listed once
        nouns = lexicon().delegation_nouns
        context.cache["delegation_nouns"] = [t.i for t in context.tokens if t.lower_ in nouns]
    nouns_at: list[int] = context.cache["delegation_nouns"]
    for noun in (context.tokens[nouns_at[k]] for k in range(bisect_left(nouns_at, token.i) - 1, -1, -1)):
        if noun.dep_ == "dobj" and noun.head.lemma_ == "lead" or \
                noun.dep_ == "pobj" and noun.head.lower_ == "with":  # "X visited Z with a delegation"
            return next((m for m in context.mentions_of(subjects_of(noun.head)) if m.type == ontology.PERSON), None)
    return None


def names_of(tokens: list[Token], context: Context, *, owners: bool = True) -> list[Mention]:
    """The names the tokens stand for (see _name_groups), in one list."""
    return [mention for group in _name_groups(tokens, context, owners=owners) for mention in group]


def _listed_after_colon(token: Token, context: Context) -> list[Mention]:
    """The names a plural introduces after a colon ("comprises six cities: Nanning, Beihai and Qinzhou")."""
    doc = context.doc
    if token.tag_ != "NNS" or token.i + 2 >= len(doc) or doc[token.i + 1].text != ":":
        return []
    first = context.starting_at(token.i + 2)
    return context.coordinated(first) if first is not None else []


def _counted(token: Token, context: Context) -> list[Mention]:
    """"the two companies", "both banks", "the two cities": the names of that kind (no country for a city)
    last named before, as many as counted; "the two parties", "both sides": the two that last signed or
    cooperated."""
    words = lexicon()
    kind = words.definite_heads.get(token.lemma_, "").rstrip("*")
    kind = ontology.PLACE if kind.startswith("home:") else kind
    count = next((words.count_words[child.lower_] for child in token.children
                  if child.dep_ in {"nummod", "det", "predet"} and child.lower_ in words.count_words), 0)
    if token.tag_ != "NNS" or not count:
        return []
    if token.lemma_ in words.party_nouns:
        pair = context.last_stated(_PAIRED)
        return [pair.subject, pair.object] if pair and count == 2 else []
    if kind not in ontology.ENTITY_TYPES:
        return []
    key = f"countable:{kind}"  # the names of the kind, and their starts, listed once per article
    if key not in context.cache:
        countable = [m for m in context.mentions if m.type == kind and
                     words.place_level(m.name) not in {0, 1}]  # the two cities are no countries or regions
        context.cache[key] = countable, [m.start for m in countable]
    return _last_named(*context.cache[key], count, token.i)


def _last_named(mentions: list[Mention], starts: list[int], count: int, before: int) -> list[Mention]:
    """The last `count` names of the mentions (in text order, with their starts) that end by token `before`,
    each by its last mention there, in text order; none unless there are as many. Read back from `before`
    while the names' last mentions start at different tokens; where two start at one, by every mention."""
    last = bisect_right(starts, before)
    latest: dict[str, Mention] = {}
    tied = False
    for mention in (mentions[k] for k in range(last - 1, -1, -1)):
        if mention.end > before or mention.name in latest:
            continue
        if len(latest) == count:
            tied = mention.start == min(m.start for m in latest.values())
            break
        latest[mention.name] = mention
    if not tied and len({m.start for m in latest.values()}) == len(latest):
        return sorted(latest.values(), key=lambda m: m.start) if len(latest) == count else []
    named = {m.name: m for m in mentions[:last] if m.end <= before}  # ties: in the order first named
    found = sorted(named.values(), key=lambda m: m.start)[-count:]
    return found if len(found) == count else []


def _described(token: Token, context: Context) -> list[Mention]:
    """The name a participle describes when the parse hangs it on a word inside that name's description
    ("the X Base, a project with a total investment of 18 billion yuan located in Z": "located" on
    "yuan"): the first name up the tree, through prepositions and appositions, before any verb."""
    for _ in range(_DESCRIPTION_REACH):
        mention = context.at(token)
        if mention is not None:
            return [mention]
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            return []
        token = token.head
    return []


def _names_before(verb: Token, context: Context) -> list[Mention]:
    """The names listed right before a verb ("Beijing and Guiyang signed"), where the parse gives no subject."""
    i = verb.i
    while i > 0 and context.doc[i - 1].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    mention = context.ending_at(i)
    return context.coordinated(mention) if mention else []


def _objects_below(token: Token) -> list[Token]:
    """pobj of a preposition, or the agent's pobj of a participle ("led by X"), with the name set beside a
    title ("led by its chairman X")."""
    preps = [token] if token.dep_ == "prep" else [child for child in token.children if child.dep_ == "agent"]
    objects = [t for prep in preps for child in prep.children if child.dep_ == "pobj" for t in conjuncts(child)]
    return objects + [child for t in objects for child in t.children if child.dep_ == "appos"]


def _semicolon_list(sent: Span, verb: Token, subjects: list[Mention], context: Context) -> list[Mention]:
    """The heads of a list whose items are set apart by semicolons ("X, title of A; Y, title of B; and the
    representatives of C attended"), where the verb's subject is its first item."""
    doc = context.doc
    cuts = [token.i for token in doc[sent.start:verb.i] if token.text == ";"]
    if not cuts or not subjects or subjects[0].start >= cuts[0]:
        return []
    found = []
    for cut in cuts:
        i = cut + 1
        while i < verb.i and doc[i].lower_ in {"and", "the", "as", "well"}:
            i += 1
        mention = context.starting_at(i) or next((m for m in map(context.at, _reached(doc[i])) if m), None)
        if mention:
            found.append(mention)
    return found


def _names_after_with(verb: Token, sent: Span, context: Context) -> list[Mention]:
    """The name after the first "with" that follows a verb closely ("signs MoU with Singapore's Sembcorp"),
    where the parse attached it elsewhere."""
    doc = context.doc
    for i in range(verb.i + 1, min(verb.i + 5, sent.end - 1)):
        if doc[i].lower_ == "with":
            j = i + 1 + (doc[i + 1].lower_ == "the")
            mention = context.starting_at(j)
            if mention and mention.end + 1 < sent.end and doc[mention.end].text in {"'s", "’s"}:
                mention = context.starting_at(mention.end + 1)
            return context.coordinated(mention) if mention else []
    return []


def _object_tokens(nodes: dict[str, Token]) -> list[Token]:
    """The matched object and its conjuncts; for a pattern that ends in a preposition, its object's; for
    a participle with neither, the noun it modifies ("the park, jointly built by X"); a conjoined verb
    with neither, its first verb's passive subject ("Y is invested and constructed by X")."""
    obj = nodes.get("object")
    if obj is None and "prep" in nodes:
        obj = next((child for child in nodes["prep"].children if child.dep_ == "pobj"), None)
    elif obj is None and nodes["verb"].dep_ == "acl":
        obj = nodes["verb"].head
    elif obj is None and nodes["verb"].dep_ == "conj":
        obj = next((child for child in nodes["verb"].head.children if child.dep_ == "nsubjpass"), None)
    return conjuncts(obj) if obj is not None else []


def _objects_of(token: Token) -> list[Token]:
    """The objects of a noun's "of" ("the mart of X": X)."""
    return [t for child in token.children if child.dep_ == "prep" and child.lower_ == "of" for t in _objects_below(child)]


def _places_of_plural(token: Token) -> list[Token]:
    """Where unnamed things visited are ("visited several industrial parks and enterprises in Z": Z)."""
    nouns = [token, *token.conjuncts] if token.tag_ == "NNS" else []
    return [t for noun in nouns for child in noun.children if child.dep_ == "prep" and child.lower_ == "in"
            for t in _objects_below(child)]


def _signed(noun: Token) -> bool:
    """Whether a noun of cooperation is what was signed ("inks partnership with Y", "signed a partnership
    agreement"): a signing, which gives signed_agreement_with only."""
    signing = verb_table()["lemmas"]["sign"]
    return noun.dep_ == "dobj" and noun.head.lemma_ in signing or \
        noun.dep_ in {"compound", "amod"} and noun.head.lower_ in lexicon().agreement_nouns


def _group(predicate: str) -> bool:
    return predicate in verb_table()["group"]


def verb_relations(sent: Span, context: Context) -> Iterator[Candidate]:
    """Triples from the verb patterns matched in the sentence; a conjoined verb's agent is its first verb's
    only where that verb has none of its own ("Y is invested and built by X", but not "Y is funded by A and
    managed by X")."""
    doc = context.doc
    table = verb_table()
    arguments: dict[tuple[str, int], tuple[list[Token], list[Token]]] = {}
    for key, nodes in verb_matcher()(sent):
        verb = nodes["verb"]
        if "also" in nodes and any(child.dep_ == "agent" for child in verb.children) or \
                key == "cooperates_with" and _signed(verb):
            continue
        subject_tokens, object_tokens = arguments.setdefault((key, verb.i), ([], []))
        subject = nodes.get("subject")
        if subject is None and verb.pos_ == "NOUN":  # "his inspection tour in Z", "X's visit to Y"
            subject = next((child for child in verb.children if child.dep_ == "poss" and context.at(child)), None)
        for token in (conjuncts(subject) if subject is not None else subjects_of(verb)):
            if token not in subject_tokens:
                subject_tokens.append(token)
        for token in _object_tokens(nodes):
            if key == "visited" and not context.at(token):  # "visited the textile mart of X", "visited
                token = next(iter(_objects_of(token) or _places_of_plural(token)), token)  # parks in Z"
            if token not in object_tokens:
                object_tokens.append(token)
    respectively = any(token.lower_ == "respectively" for token in context.tokens_of(sent))
    for (key, verb_i), (subject_tokens, object_tokens) in arguments.items():
        if key.startswith("pairs:"):
            for group, other in combinations(_name_groups(object_tokens, context), 2):
                for left, right in product(group, other):
                    yield Candidate(left, key.partition(":")[2], right, "noun")
            continue
        # what is located is the thing itself, not its owner ("X will open its headquarters in Z")
        located = key == "located_in"
        subjects = names_of(subject_tokens, context, owners=not located)
        objects = names_of(object_tokens, context)
        if located:
            objects = [obj for obj in objects if not context.follows_a_place(obj)]
        if not subjects and doc[verb_i].dep_ == "acl":
            subjects = _described(doc[verb_i].head, context)
        if not subjects and not (located and subject_tokens):
            subjects = _names_before(doc[verb_i], context)
        subjects += [m for m in _semicolon_list(sent, doc[verb_i], subjects, context) if m not in subjects]
        if not objects and _group(key):
            objects = _names_after_with(doc[verb_i], sent, context)
        if key in table["reverse"]:
            subjects, objects = objects, subjects
            pairs = [(s, o) for s in subjects for o in objects]
        elif respectively and len(subjects) == len(objects) > 1:
            pairs = list(zip(subjects, objects))
        else:
            pairs = [(s, o) for s in subjects for o in objects]
        for subject_mention, object_mention in pairs:
            yield Candidate(subject_mention, key, object_mention, "verb")
        if _group(key) and not objects:
            for left, right in combinations(subjects, 2):
                yield Candidate(left, key, right, "verb")


def fronted_visits(sent: Span, context: Context) -> Iterator[Candidate]:
    """"At Tencent Co., Ltd., Chen listened to ...": a person at a named company, body, project or zone
    ("At the X High-tech Zone, he ..."); "In the investigation into X, Y made inquiries": Y visited X."""
    areas = lexicon().administered_areas
    visit_nouns = lexicon().visit_nouns
    for token in sent[:3]:
        if token.lower_ not in {"at", "in", "during"} or token.dep_ != "prep" or token.head.dep_ != "ROOT":
            continue
        objects = [child for child in token.children if child.dep_ == "pobj"]
        if token.lower_ != "at":  # "In the investigation into X, Y made inquiries"
            objects = [t for noun in objects if noun.lemma_ in visit_nouns for child in noun.children
                       if child.dep_ == "prep" and child.lower_ in {"into", "of", "to", "at"} for t in _objects_below(child)]
        places = [context.at(child) for child in objects]
        persons = [m for m in names_of(subjects_of(token.head), context) if m.type == ontology.PERSON]
        for place in places:
            if place and (place.type in _VISITED or place.type == ontology.PLACE and
                          words_of(place.name)[-1:][0] in areas):
                for person in persons:
                    yield Candidate(person, "visited", place, "fronted_at")


def bare_attendance(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Ministry of Commerce Vice Minister X also attended.", "X delivered a speech.": people who attend, or
    speak, with nothing named where, attend the event the text is about (named in the sentence, else last
    named before it)."""
    lemmas = verb_table()["lemmas"]
    for verb in sent:
        if verb.pos_ != "VERB" or verb.dep_ == "conj":
            continue
        alone = verb.lemma_ in lemmas["attend_alone"] and \
            not any(child.dep_ in _ATTENDED_ARGUMENTS for child in verb.children)
        speech = [child for child in verb.children if child.dep_ == "dobj" and child.lemma_ in lemmas["speech"]]
        speaking = verb.lemma_ in lemmas["deliver"] and bool(speech) and not any(
            child.dep_ == "prep" for token in (verb, *speech) for child in token.children)
        if not alone and not speaking:
            continue
        events = [m for m in context.in_span(sent) if m.type == ontology.EVENT]
        event = events[0] if events else context.salient(frozenset({ontology.EVENT}), sent.start)
        if event is None:
            continue
        for person in (m for m in names_of(subjects_of(verb), context) if m.type == ontology.PERSON):
            yield Candidate(person, "attended", event, "attendees")


def attendee_lists(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Attendees included A, ...; B, ...; and C", "Among the guests were A and B" and "Among those attending
    were A and B": the people listed
    attended the event the text is about (named in the sentence, else last named before it)."""
    words = lexicon()
    for token in context.tokens_of(sent):
        verb = token.head
        listing = token.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_ in _LISTING or \
            token.dep_ == "pobj" and verb.lower_ == "among" and verb.head.lemma_ == "be"
        attending = token.lemma_ in words.attendee_nouns or token.tag_ == "DT" and any(
            child.dep_ == "acl" and child.lemma_ in verb_table()["lemmas"]["attend_alone"] for child in token.children)
        if not attending or not listing:
            continue
        events = [m for m in context.in_span(sent) if m.type == ontology.EVENT]
        event = events[0] if events else context.salient(frozenset({ontology.EVENT}), sent.start)
        people = [m for m in context.in_span(sent) if m.type == ontology.PERSON and m.start > token.i]
        for person in people if event else ():
            yield Candidate(person, "attended", event, "attendees")
        return


def accompanied_visits(sent: Span, context: Context) -> Iterator[Candidate]:
    """People who accompany a visit visit what it visits, as the gold rules have it: "A and B accompanied
    the investigation" (or "the visit", "him"): the places of the last visit stated before (by the person
    named, for "accompanied X"), all those its sentence names; "X visited Z, accompanied by B": the places
    the sentence's visit names."""
    words = lexicon()
    visit_nouns = lexicon().visit_nouns
    for verb in sent:
        if verb.lemma_ not in words.companion_verbs or verb.pos_ != "VERB":
            continue
        agents = _objects_below(verb)  # "accompanied by B and C"
        joined = [child for child in verb.children if child.dep_ == "dobj"]
        if agents:
            companions = names_of(agents, context)
            visits = [found for found in context.stated("visited")
                      if sent.start <= found.object.start < sent.end]
        elif joined and (joined[0].lemma_ in visit_nouns or joined[0].tag_ == "PRP" or context.at(joined[0])):
            leader = context.at(joined[0])
            companions = names_of(subjects_of(verb), context)
            by_leader = leader.name if leader and leader.type == ontology.PERSON else None
            visits = context.stated("visited", by_leader)
            if visits:
                last = visits[-1]
                where = context.doc[last.object.start].sent  # the sentence of the last visit's object
                visits = [found for found in context.stated("visited", last.subject.name)
                          if where.start <= found.object.start < where.end]
        else:
            continue
        places = list(dict.fromkeys(found.object for found in visits))
        for person in (m for m in companions if m.type == ontology.PERSON):
            for place in places:
                yield Candidate(person, "visited", place, "accompanied")
