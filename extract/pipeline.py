"""Run the spaCy pipeline over a stream of articles and extract each one's entities and triples."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .entities import entities_of, find_mentions, resolve_names
from .model import ArticleText, Extraction
from .relations import extract_triples


def extract_doc(doc: Doc, item: ArticleText) -> Extraction:
    """Extract one parsed article."""
    mentions = find_mentions(doc)
    canonical = resolve_names(mentions)
    triples = tuple(extract_triples(doc, item, mentions, canonical))
    return Extraction(article=item.article, entities=entities_of(mentions, canonical), triples=triples)


def extract_articles(items: Iterable[ArticleText], nlp: Language, *, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse the articles in batches, streaming: one article's text is held only while it is parsed."""
    for doc, item in nlp.pipe(((item.body, item) for item in items), as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, item)
