"""newsgraph's first stage: news article text -> entities and triples with evidence.

>>> from extract import load_nlp, read_article, extract_articles
>>> nlp = load_nlp()                                                # doctest: +SKIP
>>> [extraction] = extract_articles([read_article(path)], nlp)      # doctest: +SKIP
"""
from .clean import clean_text
from .errors import ArticleError, ModelError, NewsgraphError
from .lexicon import extractor_version
from .model import Article, ArticleText, Entity, Extraction, Triple
from .nlp import DEFAULT_MODEL, load_nlp
from .pipeline import extract_articles, extract_doc
from .read import iter_article_files, iter_article_sources, read_article

__all__ = [
    "DEFAULT_MODEL", "Article", "ArticleError", "ArticleText", "Entity", "Extraction", "ModelError",
    "NewsgraphError", "Triple", "clean_text", "extract_articles", "extract_doc", "extractor_version",
    "iter_article_files", "iter_article_sources", "load_nlp", "read_article",
]
