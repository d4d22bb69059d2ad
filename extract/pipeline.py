"""Run the spaCy pipeline over a stream of articles and extract each one's entities and triples."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from . import ontology
from .casing import truecase
from .context import Context
from .coref import definite_mentions, home_places, resolve
from .entities import Mention, bracketed_aliases, find_mentions, owner_prefixes, with_names
from .model import ArticleText, Entity, Extraction
from .relations import extract_triples
from .spacing import Squeezed, squeeze


def article_mentions(doc: Doc) -> tuple[list[Mention], Context]:
    """The article's mentions, each resolved to its fullest name, and the context the rules read."""
    mentions = find_mentions(doc)
    home = home_places(doc, mentions)
    names = resolve(mentions, home)
    names.update(owner_prefixes(doc, mentions, names))
    names.update(bracketed_aliases(doc, mentions, names))
    resolved = with_names(mentions, names)
    resolved = sorted(resolved + definite_mentions(doc, resolved, home), key=lambda m: m.start)
    return resolved, Context(doc, resolved, home)


def entities_of(mentions: Iterable[Mention]) -> tuple[Entity, ...]:
    """Group mentions into the article's entities, each with every other name form as an alias."""
    forms: dict[tuple[str, str], dict[str, str]] = {}
    for mention in mentions:
        if mention.source in {"definite", "pronoun"}:
            continue
        found = forms.setdefault((mention.name, mention.type), {})
        found.setdefault(mention.text.lower(), mention.text)
    return tuple(Entity(name, kind, tuple(sorted(form for lower, form in names.items() if lower != name.lower())))
                 for (name, kind), names in sorted(forms.items()) if kind in ontology.ENTITY_TYPES)


def parse_text(item: ArticleText) -> Squeezed:
    """The text the parser reads: the body, its title-case headlines as the body writes their words
    (casing.py) and its runs of spaces squeezed (spacing.py), with the map back to the article's offsets."""
    return squeeze(truecase(item.body))


def extract_doc(doc: Doc, item: ArticleText, parsed: Squeezed | None = None) -> Extraction:
    """Extract one article parsed from parse_text(item)."""
    mentions, context = article_mentions(doc)
    triples = tuple(extract_triples(item, context, parsed or parse_text(item)))
    settled = {name: kind for triple in triples
               for name, kind in ((triple.subject, triple.subject_type), (triple.object, triple.object_type))}
    entities = entities_of(replace(m, type=settled.get(m.name, m.type)) for m in mentions)
    named = {(entity.name, entity.type) for entity in entities}
    implied = {(name, kind) for triple in triples for name, kind in ((triple.subject, triple.subject_type),
                                                                    (triple.object, triple.object_type))
               if kind in ontology.ENTITY_TYPES and (name, kind) not in named}
    entities += tuple(Entity(name, kind) for name, kind in sorted(implied))
    return Extraction(article=item.article, entities=entities, triples=triples)


def extract_articles(items: Iterable[ArticleText], nlp: Language, *, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse the articles in batches, streaming: one article's text is held only while it is parsed."""
    parsed = ((parse_text(item), item) for item in items)
    for doc, (squeezed, item) in nlp.pipe(((squeezed.text, (squeezed, item)) for squeezed, item in parsed),
                                          as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, item, squeezed)
