"""Relations stated by the shape of a noun phrase rather than by a verb.

- located_in: "Jinyuan district in Taiyuan" (a project also in the province after "Taiyuan, Shanxi Province"); "the eastern new district of Chengdu"; "Taiyuan, capital
  of Shanxi"; "North China's Shanxi province"; "Chengdu, Sichuan Province"; a project that "will
  thrive in Z" or that X "will build in Z"; an event that "opened in Z"; an alliance "launched in Z";
  a zone that uses "land in Z"; "Singapore's Sembcorp"; "a Singapore-based group"; "A, a major
  project in Z";
- part_of: "the Institute of X, Chinese Academy of Sciences"; "A under B"; "A is a key zone of B";
- subsidiary_of: "A, a subsidiary of B"; "B's subsidiary A"; "B set up a subsidiary, A, in Z" (A in Z too);
- develops: a project named after the company that runs it ("Chindata ... Campus", "Huawei's
  headquarters", "Geely Hangzhou Bay ... Base" of Geely Holding Group), and the second of two such
  projects coordinated under one company's name.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from . import ontology
from .context import Candidate, Context, conjuncts, subjects_of
from .coref import core_words, words_of
from .entities import Mention, is_brand_word
from .lexicon import lexicon, read_pattern_file
from .nlp import DATELINE_DASHES

_LOCATABLE = frozenset({ontology.PLACE, ontology.PROJECT, ontology.COMPANY, ontology.ORGANIZATION,
                        ontology.GOVERNMENT_BODY, ontology.EVENT})
_WHERE = frozenset({ontology.PLACE, ontology.PROJECT})
_UNIT_HEADS = frozenset({"company", "branch", "subsidiary", "division"})  # "A Company of B": a unit of B
_AREA_HEADS = frozenset({"district", "county", "zone", "area", "town", "township", "village", "city", "park"})
_BODIES = frozenset({ontology.ORGANIZATION, ontology.GOVERNMENT_BODY})
_PARTS = frozenset({ontology.PROJECT, ontology.PLACE, ontology.GOVERNMENT_BODY, ontology.ORGANIZATION})
_BUILD = frozenset(read_pattern_file("verbs.json")["lemmas"]["develop"])
# Verbs whose "in Z" says where parties acted, not where they are ("X and Y signed an agreement in Z").
_ACTING = frozenset(word for name in ("sign", "meet", "receive", "attend", "participate", "cooperate")
                    for word in read_pattern_file("verbs.json")["lemmas"][name])


def places_in(sent: Span, context: Context) -> Iterator[Candidate]:
    """"A in Z", "the A district of Z", "the A Park of Z's B district": a name followed by "in"/"of" and
    a place (the place a possessive one names); "A and B in Z" puts A there too where it is of B's kind."""
    doc = context.doc
    for mention in context.in_span(sent):
        i = mention.end
        alias = context.bracket_end(i, 1) if i < sent.end else None  # "A (Optics Valley of China) in Z"
        i = alias + 1 if alias is not None else i
        if i + 1 >= sent.end or doc[i].lower_ not in {"in", "of", "at"} or \
                doc[i].lower_ == "at" and mention.type not in _WHERE:
            continue
        j = i + 1 + (doc[i + 1].lower_ == "the")
        where = context.starting_at(j)
        if where and where.end + 1 < sent.end and doc[where.end].text in {"'s", "’s"}:
            where = context.starting_at(where.end + 1)
        if not where or where.type not in _WHERE:
            continue
        if doc[i].lower_ == "of" and not (mention.type in {ontology.PLACE, ontology.PROJECT} and
                                          words_of(mention.text)[-1:][0] in _AREA_HEADS):
            continue
        if doc[i].lower_ == "in" and mention.type not in _WHERE and (
                doc[i].head.i not in range(mention.start, mention.end)
                or doc[mention.end - 1].dep_ not in {"nsubj", "nsubjpass", "appos"}):
            continue
        listed = context.coordinated(mention)
        for inner in (m for m in listed[:listed.index(mention) + 1] if m.type == mention.type):
            for wider in (where, None if inner.type == ontology.PLACE else _province_after(where, context)):
                if wider:
                    yield Candidate(inner, "located_in", wider, "place_in")


def capitals(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Taiyuan, capital of Shanxi"; "Guiyang, as the capital of Guizhou"; "Ordos, a major coal city in
    Inner Mongolia"."""
    doc, words = context.doc, lexicon()
    for mention in context.in_span(sent):
        if mention.type != ontology.PLACE or mention.end >= sent.end or doc[mention.end].text != ",":
            continue
        i = mention.end + 1
        while i < sent.end and (doc[i].lower_ in {"as", "the", "a", "an"} or doc[i].pos_ == "ADJ" or
                                doc[i].is_lower and doc[i].pos_ == "NOUN" and doc[i].lower_ not in words.capital_nouns
                                and i + 1 < sent.end and doc[i + 1].pos_ == "NOUN"):
            i += 1
        if i + 1 < sent.end and doc[i].lower_ in words.capital_nouns and doc[i + 1].lower_ in {"of", "in"}:
            where = context.starting_at(i + 2)
            if where and where.end + 1 < sent.end and doc[where.end].text in {"'s", "’s"}:
                where = context.starting_at(where.end + 1) or where
            if where and where.type == ontology.PLACE:
                yield Candidate(mention, "located_in", where, "capital")


def place_descriptions(sent: Span, context: Context) -> Iterator[Candidate]:
    """A place described by a noun of places in apposition or after "be": "Nanchang is the capital of
    Jiangxi Province", "Zhongwei, a city in western Ningxia"; "Changsha, the provincial capital," is in the
    province the article is about; "Nanchang is home to the Y New Area" and "Z, home to Y," put Y in Z."""
    words = lexicon()
    for token in context.tokens_of(sent):
        appositive = token.dep_ == "appos" or token.lower_ in words.home_nouns and token.i > sent.start \
            and context.doc[token.i - 1].text == ","  # "Z, home to Y," also where parsed as an adverb
        if not appositive and token.dep_ != "attr" or context.at(token):
            continue
        before = token.left_edge.i - 1
        described = ([m for m in [context.ending_at(before)] if m and context.doc[before].text == ","]
                     if appositive else context.mentions_of(subjects_of(token)))
        targets = [context.at(t) for prep in token.children if prep.dep_ == "prep"
                   for pobj in prep.children if pobj.dep_ == "pobj" for t in conjuncts(pobj)
                   if prep.lower_ == ("to" if token.lower_ in words.home_nouns else "of") or prep.lower_ == "in"]
        if token.lower_ in words.home_nouns:
            for place in (m for m in described if m.type == ontology.PLACE):
                yield from (Candidate(target, "located_in", place, "capital") for target in targets
                            if target and target.type in _LOCATABLE)
            continue
        if token.lower_ not in words.capital_nouns:
            continue
        if not targets and any(child.lower_ in words.province_adjectives for child in token.children):
            targets = [context.home_place("province")]
        for place in (m for m in described if m.type == ontology.PLACE):
            yield from (Candidate(place, "located_in", target, "capital") for target in targets
                        if target and target.type == ontology.PLACE)


def capitals_named_after(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Hubei's capital city, Wuhan", "Zhejiang's capital Hangzhou": the city named after its province's
    capital noun is in the province."""
    doc, words = context.doc, lexicon()
    for province in context.in_span(sent):
        i = province.end
        if province.type != ontology.PLACE or i + 2 >= sent.end or doc[i].text not in {"'s", "’s"} or \
                doc[i + 1].lower_ not in words.capital_nouns:
            continue
        j = i + 2 + (doc[i + 2].lower_ == "city")
        j += j < sent.end and doc[j].text == ","
        city = context.starting_at(j) if j < sent.end else None
        if city is not None and city.type == ontology.PLACE:
            yield Candidate(city, "located_in", province, "capital")


def possessive_places(sent: Span, context: Context) -> Iterator[Candidate]:
    """"North China's Shanxi province", "Singapore's Sembcorp": something of a place."""
    doc = context.doc
    for mention in context.in_span(sent):
        i = mention.end
        if mention.type == ontology.PLACE and i + 1 < sent.end and doc[i].text in {"'s", "’s"}:
            inner = context.starting_at(i + 1)
            if inner and inner.type in _LOCATABLE:
                yield Candidate(inner, "located_in", mention, "possessive")


def based_in(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Sembcorp, a Singapore-based energy group"; "Shenzhen-based Huawei"."""
    doc = context.doc
    for token in context.tokens_of(sent):
        if token.lower_ != "based" or token.i < 2 or doc[token.i - 1].text not in {"-", "–"}:
            continue
        place = context.ending_at(token.i - 1)
        noun = token.head
        located = context.at(noun) or (context.at(noun.head) if noun.dep_ == "appos" else None)
        if place and place.type == ontology.PLACE and located and located.type in _LOCATABLE - {ontology.PLACE}:
            yield Candidate(located, "located_in", place, "based_in")


def city_province(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Chengdu, Sichuan Province", "Yibin, southwest China's Sichuan Province", "Szeged, Hungary": a city
    followed by the province or country it is in (but not in a dateline: "JINAN, China, May 20 --")."""
    doc = context.doc
    for mention in context.in_span(sent):
        if mention.type != ontology.PLACE or mention.end + 1 >= sent.end or doc[mention.end].text != ",":
            continue
        after = mention.end + 1 + (doc[mention.end + 1].lower_ == "in")  # "in Yichun, in China's Jiangxi province"
        province = context.starting_at(after)
        if province and province.end + 1 < sent.end and doc[province.end].text in {"'s", "’s"}:
            province = context.starting_at(province.end + 1)
        if province and province.type == ontology.PLACE and not _is_province(mention) and (
                _is_province(province) or _is_country(province) and not _is_dateline(sent)):
            yield Candidate(mention, "located_in", province, "city_province")


def _province_after(where: Mention, context: Context) -> Mention | None:
    """The province a city is followed by ("in Yibin, southwest China's Sichuan Province"): what is in
    the city, other than a place, is in the province too."""
    doc, i = context.doc, where.end
    if _is_province(where) or i + 1 >= len(doc) or doc[i].text != ",":
        return None
    province = context.starting_at(i + 1)
    if province and province.end + 1 < len(doc) and doc[province.end].text in {"'s", "’s"}:
        province = context.starting_at(province.end + 1)
    return province if province and province.type == ontology.PLACE and _is_province(province) else None


def _is_province(mention: Mention) -> bool:
    words = words_of(mention.name)
    return words[-1:] == ("province",) or lexicon().places.get(" ".join(words)) == "provinces"


def described_projects(sent: Span, context: Context) -> Iterator[Candidate]:
    """"the China-ASEAN Information Harbor, a major project in Nanning", "A is one of 13 pilot projects in
    Z": a project described, in apposition or as one of several, by a noun of projects that says where it is."""
    words = lexicon()
    for token in context.tokens_of(sent):
        if words.head_type(token.lemma_) != ontology.PROJECT or context.at(token):
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one" and \
                token.head.head.dep_ == "attr":  # "A is one of 13 pilot projects in Z"
            project = next(iter(context.mentions_of(subjects_of(token.head.head.head))), None)
        elif token.dep_ == "appos":
            project = context.at(token.head)
        else:
            continue
        if project is None or project.type != ontology.PROJECT:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                for where in context.mentions_of(t for child in prep.children if child.dep_ == "pobj"
                                                 for t in conjuncts(child)):
                    if where.type in _WHERE:
                        yield Candidate(project, "located_in", where, "described")


def _is_country(mention: Mention) -> bool:
    return lexicon().places.get(" ".join(words_of(mention.name))) == "countries"


def _is_dateline(sent: Span) -> bool:
    return sent.text.rstrip().endswith(tuple(DATELINE_DASHES))


def where_clauses(sent: Span, context: Context) -> Iterator[Candidate]:
    """"Z, where he inspected A and B": what a clause of "where" on a place names as its verb's object is
    in that place (but no place: "Z, where the district ...")."""
    for token in context.tokens_of(sent):
        verb = token.head
        if token.lower_ != "where" or token.dep_ != "advmod" or verb.dep_ != "relcl":
            continue
        place = context.at(verb.head)
        if place is None or place.type != ontology.PLACE:
            continue
        objects = [t for child in verb.children if child.dep_ == "dobj" for t in conjuncts(child)]
        for mention in context.mentions_of(objects):
            if mention.type in _LOCATABLE - {ontology.PLACE}:
                yield Candidate(mention, "located_in", place, "place_in")


def projects_in(sent: Span, context: Context) -> Iterator[Candidate]:
    """A project or zone that a verb places somewhere: "the Park to thrive in Taiyuan"; "the alliance was
    launched in Z" (but "X set up its headquarters in Z" places no X); "X will build a base in Z", or in
    a headline "semiconductor project in Z" (the project the unnamed one stands for); "the zone uses
    buildings in Z" (a site noun between the verb and "in")."""
    words = lexicon()
    for token in context.tokens_of(sent):
        if token.lower_ not in {"in", "at"} or token.dep_ != "prep":
            continue
        head = token.head
        wheres = [m for m in context.mentions_of(t for child in token.children if child.dep_ == "pobj"
                                                 for t in conjuncts(child))
                  if m.type in _WHERE and not context.follows_a_place(m) and not _modifies_a_head(m, context)]
        if not wheres:
            continue
        if head.pos_ in {"VERB", "AUX"} and head.lemma_ in _ACTING:
            continue
        if head.pos_ in {"VERB", "AUX"}:
            subjects = [m for m in context.mentions_of(subjects_of(head))
                        if m.type in {ontology.PROJECT, ontology.EVENT} or m.type == ontology.ORGANIZATION
                        and head.lemma_ in _BUILD and context.doc[m.end - 1].dep_ == "nsubjpass"]
            if head.lemma_ in _BUILD:
                built = [child for child in head.children if child.dep_ == "dobj"]
                subjects += [m for m in context.mentions_of(built) or map(context.project_meant, built)
                             if m and m.type in {ontology.PROJECT, ontology.ORGANIZATION}]
        elif (head.dep_ == "dobj" and head.head.lemma_ in _BUILD or sent.start == context.sentences()[0].start) \
                and context.project_meant(head):
            subjects = [context.project_meant(head)]
        elif head.lower_ in words.site_nouns:
            subjects = [m for m in context.mentions_of(subjects_of(head))
                        if m.type in {ontology.PROJECT, ontology.PLACE}]
        else:
            continue
        for subject in subjects:
            for where in wheres:
                for wider in (where, None if subject.type == ontology.PLACE else _province_after(where, context)):
                    if wider:
                        yield Candidate(subject, "located_in", wider, "project_in")


def _modifies_a_head(mention: Mention, context: Context) -> bool:
    """Whether a place only modifies the head word of something else written after it ("at western China
    fair" in a headline)."""
    doc = context.doc
    if mention.type != ontology.PLACE or mention.end >= len(doc) or not doc[mention.end].is_lower:
        return False
    kind = lexicon().head_type(doc[mention.end].lower_)
    return kind is not None and kind != ontology.PLACE


def parts(sent: Span, context: Context) -> Iterator[Candidate]:
    """"the Institute of Semiconductors, Chinese Academy of Sciences"; "A under B"; "A is a key zone of B"."""
    doc = context.doc
    yield from _part_nouns(sent, context)
    for mention in context.in_span(sent):
        if mention.type not in _BODIES or mention.end + 1 >= sent.end:
            continue
        link = doc[mention.end]
        whole = context.starting_at(mention.end + 1 + (doc[mention.end + 1].lower_ == "the"))
        if not whole or whole.type not in _BODIES:
            continue
        if link.text == "," and not _listed_before(mention, sent, context) and \
                not _listed_after(whole, sent, context):
            yield Candidate(mention, "part_of", whole, "apposition")
        elif link.lower_ == "under":
            yield Candidate(mention, "part_of", whole, "under")


def _part_nouns(sent: Span, context: Context) -> Iterator[Candidate]:
    """"A is a key zone of B", "A, part of B": a noun of parts between two names."""
    doc, words = context.doc, lexicon()
    for token in context.tokens_of(sent):
        if token.lower_ not in words.part_nouns or token.i + 1 >= sent.end or doc[token.i + 1].lower_ != "of":
            continue
        j = token.i + 2 + (token.i + 2 < sent.end and doc[token.i + 2].lower_ == "the")
        whole = context.starting_at(j)
        parts_of = [m for m in context.mentions_of(subjects_of(token)) if token.dep_ == "attr"]
        if token.dep_ == "appos":
            parts_of = context.mentions_of([token.head])
        for part in parts_of:
            if whole and part.type in _PARTS and whole.type in _PARTS:
                yield Candidate(part, "part_of", whole, "part_noun")


def _listed_after(mention: Mention, sent: Span, context: Context) -> bool:
    """Whether a list goes on after the mention ("A, B, and C": B is not a part of A)."""
    doc = context.doc
    return mention.end < sent.end and doc[mention.end].lower_ in {",", "and", "or", "、"} and \
        any(context.at(token) for token in doc[mention.end:min(mention.end + 3, sent.end)])


def _listed_before(mention: Mention, sent: Span, context: Context) -> bool:
    """Whether the mention comes after another in a list ("A, B": A is listed before B)."""
    doc = context.doc
    return mention.start > sent.start and doc[mention.start - 1].lower_ in {",", "and", "or", "、", "the"} and \
        any(context.at(token) for token in doc[max(sent.start, mention.start - 3):mention.start])


def subsidiaries(sent: Span, context: Context) -> Iterator[Candidate]:
    """"A, a subsidiary of B"; "A is a wholly-owned subsidiary of B"; "A, a wholly owned subsidiary of
    South Korea's B"; "B's subsidiary A", "B's wholly owned subsidiary, A,"; "Its subsidiary A" where "its"
    stands for B; "A's parent company, B,"."""
    doc, words = context.doc, lexicon()
    for mention in context.in_span(sent):
        if mention.type not in {ontology.COMPANY, ontology.ORGANIZATION}:
            continue
        i = mention.end
        while i < sent.end and (doc[i].lower_ in {",", "a", "an", "the", "is", "was", "its", "as"}
                                or doc[i].pos_ in {"ADJ", "ADV"} or doc[i].tag_ == "VBN" or doc[i].text == "-"):
            i += 1
        if i + 1 < sent.end and doc[i].lower_ in words.subsidiary_nouns and doc[i + 1].lower_ in {"of", "under"}:
            parent = context.starting_at(i + 2 + (doc[i + 2].lower_ == "the"))
            if parent and parent.type == ontology.PLACE and parent.end + 1 < sent.end and \
                    doc[parent.end].text in {"'s", "’s"}:
                parent = context.starting_at(parent.end + 1)
            if parent:
                yield Candidate(mention, "subsidiary_of", parent, "subsidiary")
        elif i + 1 < sent.end and (doc[i].text in {"'s", "’s"} or doc[i - 1].tag_ == "PRP$"):
            k = i + (doc[i].text in {"'s", "’s"})
            while k + 1 < sent.end and (doc[k].pos_ in {"ADJ", "ADV"} or doc[k].tag_ == "VBN" or doc[k].text == "-"):
                k += 1
            parent = doc[k].lower_ in words.parent_nouns
            k += parent and k + 1 < sent.end and words.head_type(doc[k + 1].lower_) == ontology.COMPANY
            if not (parent or doc[k].lower_ in words.subsidiary_nouns) or k + 1 >= sent.end:
                continue
            other = context.starting_at(k + 1 + (doc[k + 1].text == ","))
            if other:
                yield Candidate(mention, "subsidiary_of", other, "subsidiary") if parent else \
                    Candidate(other, "subsidiary_of", mention, "subsidiary")


def named_units(sent: Span, context: Context) -> Iterator[Candidate]:
    """A company named as a unit "of" another ("Guangdong New Energy Company of China Resources Power",
    "South China Company of X Co., Ltd."): a subsidiary of the company after "of"."""
    doc = context.doc
    for mention in context.in_span(sent):
        if mention.type != ontology.COMPANY or mention.source not in {"name", "ner"}:
            continue
        span = doc[mention.start:mention.end]
        of = next((t.i for t in span[1:-1] if t.lower_ == "of" and doc[t.i - 1].lower_ in _UNIT_HEADS), None)
        if of is None:
            continue
        parent = doc[of + 1 + (doc[of + 1].lower_ == "the"):mention.end]
        if len(parent) and parent[0].text[:1].isupper():
            name = context.mentions_named(parent.text) or Mention(parent.start, parent.end, parent.text,
                                                                  ontology.COMPANY, name=parent.text)
            yield Candidate(mention, "subsidiary_of", name, "subsidiary")


def project_roles(sent: Span, context: Context) -> Iterator[Candidate]:
    """"The project, whose investor is X"; "the park's developer is X": a noun of a part in a project
    said of a name by "be"."""
    roles = lexicon().role_nouns
    for token in context.tokens_of(sent):
        predicate = roles.get(token.lemma_)
        if predicate is None or token.dep_ not in {"nsubj", "attr"} or token.head.lemma_ != "be":
            continue
        players = context.mentions_of(t for child in token.head.children if child is not token
                                      and child.dep_ in {"nsubj", "attr"} for t in conjuncts(child))
        projects = [m for m in context.mentions_of(child for child in token.children if child.dep_ == "poss")
                    if m.type == ontology.PROJECT]
        for player in players:
            yield from (Candidate(player, predicate, project, "described") for project in projects)


def founded_subsidiaries(sent: Span, context: Context) -> Iterator[Candidate]:
    """"B set up a subsidiary, A, in Z": A is B's subsidiary, located in Z."""
    words = lexicon()
    for token in context.tokens_of(sent):
        verb = token.head
        if token.lower_ not in words.subsidiary_nouns or token.dep_ != "dobj" or verb.lemma_ not in _BUILD:
            continue
        named = context.mentions_of(child for child in token.children if child.dep_ in {"appos", "conj"})
        parents = context.mentions_of(subjects_of(verb))
        wheres = context.mentions_of(t for prep in (*token.children, *verb.children)
                                     if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}
                                     for child in prep.children if child.dep_ == "pobj" for t in conjuncts(child))
        for child in named:
            yield from (Candidate(child, "subsidiary_of", parent, "subsidiary") for parent in parents)
            yield from (Candidate(child, "located_in", where, "project_in") for where in wheres
                        if where.type == ontology.PLACE)


def owned_projects(sent: Span, context: Context) -> Iterator[Candidate]:
    """A project whose name begins with a company's name, or with its brand (the first word of "Geely
    Holding Group"), is that company's project; a name NER took for an organization without a head word
    to say so ("Tencent") counts as a company's, unless it names a place elsewhere ("the Pecs plant"); nor
    is a word the article names a place by a brand ("Heyang" of "Heyang County" and "Heyang Tianrun Co."),
    nor one a place's head word follows ("Beibu" of "Beibu Gulf Port Group")."""
    by_form = _owner_forms(context)
    for mention in context.in_span(sent):
        if mention.type != ontology.PROJECT:
            continue
        name = words_of(mention.name)
        longest = next((name[:size] for size in range(len(name) - 1, -1, -1) if name[:size] in by_form), None)
        if longest is not None:
            yield Candidate(by_form[longest], "develops", mention, "name_owner")


def _owner_forms(context: Context) -> dict[tuple[str, ...], Mention]:
    """The article's companies (and organizations NER found without a head word) by the words of their
    names and brands, the first one written for each form; made once per article."""
    if "owner_forms" in context.cache:
        return context.cache["owner_forms"]  # type: ignore[no-any-return]
    places = {m.name for m in context.mentions if m.type == ontology.PLACE}
    place_words = {core_words(name)[0] for name in places if core_words(name)}
    owners = [m for m in context.mentions if m.type == ontology.COMPANY or m.type == ontology.ORGANIZATION
              and not m.strong and m.source == "ner" and m.name not in places]
    by_form: dict[tuple[str, ...], Mention] = {}
    for owner in owners:
        for form in (words_of(owner.name), words_of(owner.text)):
            by_form.setdefault(form, owner)
            if len(form) > 1 and is_brand_word(form[0]) and form[0] not in place_words and \
                    lexicon().head_type(form[1]) != ontology.PLACE:
                by_form.setdefault(form[:1], owner)
    context.cache["owner_forms"] = by_form
    return by_form
