"""Find article files and read each into an ArticleText: id, title, date, and the cleaned body."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from .clean import clean_text
from .dates import publication_date
from .errors import ArticleError, printable
from .model import Article, ArticleText

ARTICLE_SUFFIXES = (".txt", ".md")
# spaCy's own limit (nlp.max_length): its parser needs about 1 GB per 100,000 characters. A news
# article is a few thousand; a file of a million is a dump, not an article.
MAX_ARTICLE_CHARS = 1_000_000


def iter_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the article files named by `paths`: files as given, folders searched for .txt and .md files.

    Every path is checked before anything is yielded, so a mistyped path fails before work starts.
    Files are yielded in sorted order within each folder, so a run is repeatable.
    """
    paths = list(paths)
    for path in paths:
        if not path.exists():
            raise ArticleError(path, "no such file or folder")
    return _files_under(paths)


def _files_under(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
        else:
            yield path


def decode(data: bytes, path: Path) -> str:
    """Decode an article file's bytes as UTF-8 (a byte-order mark is dropped), line ends untouched."""
    if b"\x00" in data:
        raise ArticleError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(path, f"not UTF-8 text (byte {error.start})") from None


TITLE_CHARS = 200


def title_of(body: str) -> str:
    """The article's title: the first non-blank line of its cleaned body, or, where that line is a
    whole paragraph (a page with no headline), its first sentence, cut at TITLE_CHARS.

    >>> title_of("\\n  Headline here  \\nBody.")
    'Headline here'
    """
    line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if len(line) <= TITLE_CHARS:
        return line
    sentence = line.split(". ")[0].rstrip(".") + "."
    return sentence if len(sentence) <= TITLE_CHARS else sentence[:TITLE_CHARS - 1].rstrip() + "…"


def read_article(path: Path) -> ArticleText:
    """Read one article file; raise ArticleError if it is not a readable, non-empty text of article size."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, error.strerror or "cannot be read") from None
    text = decode(data, path)
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(path, f"too long for a news article ({len(text):,} characters; "
                                 f"the limit is {MAX_ARTICLE_CHARS:,})")
    body = clean_text(text)
    if not body.strip():
        raise ArticleError(path, "no article text")
    article = Article(id=printable(path.stem), path=printable(path), title=title_of(body), date=publication_date(text),
                      sha256=hashlib.sha256(data).hexdigest())
    return ArticleText(article=article, text=text, body=body)
