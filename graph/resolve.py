"""Entity resolution: which names, in which articles, are one entity, and that entity's stable id.

Two steps, neither of which depends on the order in which articles are read:

1. Inside an article (`article_entities`), the extraction's entities and the names its triples use
   are grouped. Every name form an entity is given joins it; a surname alone ("Zhang", "Secretary
   Chen") joins the one person of the article with that surname; a one-word company name ("Ubtech")
   joins the one company of the article whose name starts with it. Names that identify nothing
   outside their article stay scoped to it: a surname that two people of the article share, and
   names relative to the article's place ("the Municipal Party Committee").
2. Across articles (`resolve`), article entities are joined through the keys of their names, by
   links of decreasing strength: the user's same-as pairs; the names one article gives one entity; a
   company's name without its legal form ("Alibaba (China) Co., Ltd." ~ "Alibaba"), a place's without
   "City" or "Province" ("Datong City" ~ "Datong"); a spelling
   slip in one long word ("Techonology"), found with rapidfuzz. A link that would join two names the
   user keeps apart (not-same-as) is skipped. Links are sorted before use.

People are joined by full name only, so different people who share a surname stay apart. An entity's
id follows from its type and canonical name: `entity_id("Person", "Zhang Jifu") == "person/zhang-jifu"`.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from networkx.utils import UnionFind
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from extract.model import Extraction
from extract.ontology import AMOUNT, COMPANY, PERSON, PLACE

from .aliases import NO_ALIASES, Aliases
from .names import KIND_SUFFIXES, clean_name, core_key, exact_key, is_article_scoped, name_key, slug

__all__ = ["ArticleEntity", "ArticleNames", "Form", "Resolution", "article_entities", "canonical_name",
           "entity_id", "name_key", "resolve", "slug"]

# Link strengths: lower links are applied first, so they win against a not-same-as pair.
USER_SAME_AS, SAME_ARTICLE_ENTITY, CORE, SPELLING = range(4)
# Spelling slips are looked for in names of these types only: people and places are named by short
# syllables, where one letter makes another name (Zhengzhou, Zhangzhou).
SPELLING_TYPES = frozenset({"Company", "GovernmentBody", "Organization", "Project", "Event"})
SPELLING_MIN_WORD = 7
SPELLING_ROWS = 512  # rows of one distance matrix: bounds its memory in large blocks


@dataclass(frozen=True, order=True)
class Form:
    """A normalized name of one type: known across the corpus, or only inside one article (`scope`)."""

    type: str
    key: str
    scope: str = ""


@dataclass(frozen=True)
class ArticleEntity:
    """One entity of one article: its fullest name, every name the article gives it, and its forms."""

    type: str
    name: str
    names: tuple[str, ...]
    forms: tuple[Form, ...]


@dataclass(frozen=True)
class ArticleNames:
    """The entities of one article, and which of them each name the article uses stands for."""

    article: str
    entities: tuple[ArticleEntity, ...]
    index: dict[tuple[str, str], int] = field(repr=False)

    def entity(self, entity_type: str, name: str) -> ArticleEntity:
        """The article's entity that `name` stands for."""
        return self.entities[self.index[_key(entity_type, name)]]


def _key(entity_type: str, name: str) -> tuple[str, str]:
    return entity_type, exact_key(name, entity_type) or name.strip()


def _names_of(extraction: Extraction) -> Iterator[tuple[str, str, bool]]:
    """Every (type, name, is the entity's main name) that the extraction uses."""
    for entity in extraction.entities:
        yield entity.type, entity.name, True
        for alias in entity.aliases:
            yield entity.type, alias, False
    for triple in extraction.triples:
        yield triple.subject_type, triple.subject, False
        if triple.object_type != AMOUNT:
            yield triple.object_type, triple.object, False


def _short_form_target(group: set[tuple[str, str]], groups: list[set[tuple[str, str]]],
                       surface: dict[tuple[str, str], set[str]]) -> int | None:
    """The one other group of the article that a surname alone, or a one-word company name, stands for."""
    entity_type = next(iter(group))[0]
    words = {key for _, key in group}
    if any(" " in word for word in words) or entity_type not in (PERSON, COMPANY):
        return None
    if entity_type == PERSON:
        matches = [index for index, other in enumerate(groups) if other is not group and any(
            t == PERSON and " " in key and (key.split()[0] in words or key.split()[-1] in words)
            for t, key in other)]
    else:
        cores = [{core_key(name, COMPANY) for key in other if key[0] == COMPANY for name in surface[key]}
                 for other in groups]
        if any(other is not group and words & core for other, core in zip(groups, cores)):
            return None  # "Alibaba" beside "Alibaba (China) Co., Ltd.": the company-core link joins them
        matches = [index for index, (other, core) in enumerate(zip(groups, cores)) if other is not group
                   and any(key.split()[0] in words for key in core)]
    return matches[0] if len(matches) == 1 else None


def article_entities(extraction: Extraction) -> ArticleNames:
    """Group the names one article uses into its entities (step 1 of the module docstring)."""
    article = extraction.article.id
    surface: dict[tuple[str, str], set[str]] = defaultdict(set)
    main: set[tuple[str, str]] = set()
    joined = UnionFind()
    for entity in extraction.entities:
        keys = [_key(entity.type, name) for name in (entity.name, *entity.aliases)]
        joined.union(*keys)
    for entity_type, name, is_main in _names_of(extraction):
        key = _key(entity_type, name)
        surface[key].add(clean_name(name, entity_type))
        joined[key]  # registers a name that no entity lists
        if is_main:
            main.add(key)
    groups = sorted((set(group) for group in joined.to_sets()), key=sorted)
    for group in groups:
        target = _short_form_target(group, groups, surface)
        if target is not None:
            joined.union(next(iter(group)), next(iter(groups[target])))
    entities, index = [], {}
    for position, group in enumerate(sorted((set(group) for group in joined.to_sets()), key=sorted)):
        entity_type = next(iter(group))[0]
        names = sorted({name for key in group for name in surface[key]})
        main_names = [name for key in group if key in main for name in surface[key]] or names
        name = min(main_names, key=lambda n: (is_article_scoped(n, entity_type), -len(n), n))
        forms = sorted(Form(entity_type, key) for t, key in group if not is_article_scoped(key, entity_type))
        if not forms:
            forms = [Form(entity_type, exact_key(name, entity_type), scope=article)]
        entities.append(ArticleEntity(entity_type, name, tuple(names), tuple(forms)))
        index.update(dict.fromkeys(group, position))
    return ArticleNames(article, tuple(entities), index)


def entity_id(entity_type: str, name: str, scope: str = "") -> str:
    """The stable node id of an entity: its type and the slug of its canonical name, and for an entity
    known only inside one article, that article.

    >>> entity_id("GovernmentBody", "the Jinhua Municipal Party Committee")
    'governmentbody/jinhua-municipal-party-committee'
    >>> entity_id("Person", "Zhang", scope="000_86024d371d842b7a")
    'person/zhang--000-86024d371d842b7a'
    """
    node = f"{entity_type.lower()}/{slug(name)}"
    return f"{node}--{slug(scope)}" if scope else node


def canonical_name(names: Iterable[str]) -> str:
    """Pick the canonical name among the names an entity is given: the most frequent, then the
    longest, then the first in sorted order, so the choice does not depend on reading order."""
    counts = Counter(names)
    return min(counts, key=lambda name: (-counts[name], -len(name), name))


@dataclass(frozen=True)
class Node:
    """One resolved entity: what becomes a node of the graph."""

    id: str
    type: str
    label: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Resolution:
    """The resolved entities, and the node each form belongs to."""

    nodes: dict[str, Node]
    node_of_form: dict[Form, str]

    def node(self, entity: ArticleEntity) -> str:
        return self.node_of_form[entity.forms[0]]


def _names_by_form(entity: ArticleEntity) -> dict[Form, set[str]]:
    """Which of the entity's names each of its forms stands for (a scoped form: all of them)."""
    if entity.forms[0].scope:
        return {entity.forms[0]: set(entity.names)}
    by_form: dict[Form, set[str]] = {form: set() for form in entity.forms}
    for name in entity.names:
        form = Form(entity.type, _key(entity.type, name)[1])
        if form in by_form:
            by_form[form].add(name)
    return by_form


def _core_links(surface: dict[Form, set[str]]) -> Iterator[tuple[int, Form, Form]]:
    """Link each company or place name to its core: "Alibaba (China) Co., Ltd." to "Alibaba"."""
    for form, names in surface.items():
        if form.type in KIND_SUFFIXES and not form.scope:
            for name in names:
                core = Form(form.type, core_key(name, form.type))
                if core != form:
                    yield CORE, form, core


def _one_word_slip(key: str, other: str, place_words: set[str]) -> bool:
    """Two names that differ in one long word, by one or two letters, where that word is no place."""
    pairs = [(a, b) for a, b in zip(key.split(), other.split()) if a != b]
    if len(pairs) != 1:
        return False
    word, other_word = pairs[0]
    return (min(len(word), len(other_word)) >= SPELLING_MIN_WORD and not {word, other_word} & place_words
            and OSA.distance(word, other_word) <= 2)


def _spelling_links(forms: Iterable[Form]) -> Iterator[tuple[int, Form, Form]]:
    """Links between names that differ by a slip in one long word, compared within blocks of names of
    one type, one length in words and one first word; rapidfuzz computes each block's distances in C."""
    forms = [form for form in forms if not form.scope]
    place_words = {word for form in forms if form.type == PLACE for word in form.key.split()}
    blocks: dict[tuple[str, int, str], list[Form]] = defaultdict(list)
    for form in forms:
        words = form.key.split()
        if form.type in SPELLING_TYPES and len(words) > 1:
            blocks[(form.type, len(words), words[0])].append(form)
    for block in blocks.values():
        block.sort()
        keys = [form.key for form in block]
        for start in range(0, len(keys) if len(keys) > 1 else 0, SPELLING_ROWS):
            distances = cdist(keys[start:start + SPELLING_ROWS], keys, scorer=OSA.distance, score_cutoff=2)
            for row, column in zip(*(distances <= 2).nonzero()):
                i, j = start + int(row), int(column)
                if i < j and _one_word_slip(keys[i], keys[j], place_words):
                    yield SPELLING, block[i], block[j]


def _user_links(aliases: Aliases) -> Iterator[tuple[int, Form, Form]]:
    for pair in aliases.same:
        yield USER_SAME_AS, Form(pair.type, exact_key(pair.name, pair.type)), \
            Form(pair.type, exact_key(pair.other, pair.type))


def _join(links: Iterable[tuple[int, Form, Form]], aliases: Aliases) -> UnionFind:
    """Apply the links strongest first, skipping those that would join two names kept apart."""
    joined = UnionFind()
    banned: dict[Form, set[Form]] = defaultdict(set)
    for pair in aliases.apart:
        name, other = Form(pair.type, exact_key(pair.name, pair.type)), Form(pair.type, exact_key(pair.other, pair.type))
        banned[joined[name]].add(other)
        banned[joined[other]].add(name)
    for _, form, other in sorted(set(links)):
        root, other_root = joined[form], joined[other]
        if root == other_root or any(joined[f] == other_root for f in banned.get(root, ())):
            continue
        joined.union(root, other_root)
        banned[joined[root]] = banned.pop(root, set()) | banned.pop(other_root, set())
    return joined


def _unique_ids(wanted: dict[Form, str], keys: dict[Form, list[str]]) -> dict[Form, str]:
    """Give each cluster its wanted id; clusters that want the same id get a short hash of their keys."""
    claims = Counter(wanted.values())
    return {root: node if claims[node] == 1 else
            f"{node}-{hashlib.sha1('|'.join(sorted(keys[root])).encode()).hexdigest()[:6]}"
            for root, node in wanted.items()}


def resolve(articles: Iterable[ArticleNames], aliases: Aliases = NO_ALIASES) -> Resolution:
    """Resolve the entities of all articles into one set of nodes (step 2 of the module docstring)."""
    articles = list(articles)
    surface: dict[Form, set[str]] = defaultdict(set)
    links: list[tuple[int, Form, Form]] = list(_user_links(aliases))
    for names in articles:
        for entity in names.entities:
            first = entity.forms[0]
            links.extend((SAME_ARTICLE_ENTITY, first, form) for form in entity.forms[1:])
            for form, form_names in _names_by_form(entity).items():
                surface[form].update(form_names)
    links.extend(_core_links(surface))
    links.extend(_spelling_links(surface))
    joined = _join(links, aliases)

    labels: dict[Form, list[str]] = defaultdict(list)
    members: dict[Form, dict[str, set[str]]] = defaultdict(lambda: {"names": set(), "articles": set()})
    entity_type: dict[Form, str] = {}
    for names in articles:
        for entity in names.entities:
            root = joined[entity.forms[0]]
            labels[root].append(entity.name)
            members[root]["names"].update(entity.names)
            members[root]["articles"].add(names.article)
            entity_type[root] = entity.type
    label = {root: canonical_name(names) for root, names in labels.items()}
    wanted = {root: entity_id(entity_type[root], label[root], root.scope) for root in labels}
    forms_of: dict[Form, list[str]] = defaultdict(list)
    for form in surface:
        forms_of[joined[form]].append(f"{form.key}@{form.scope}")
    ids = _unique_ids(wanted, forms_of)
    nodes = {ids[root]: Node(ids[root], entity_type[root], label[root],
                             tuple(sorted(members[root]["names"] - {label[root]})),
                             tuple(sorted(members[root]["articles"]))) for root in labels}
    return Resolution(nodes, {form: ids[joined[form]] for form in surface})
