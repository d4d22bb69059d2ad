"""Find article files and read each into an ArticleText: id, title, date, and the cleaned body.

Bad input is refused one file at a time, with a message naming the file: anything that is not a
regular file (a named pipe would block the run, a device would never end), a file that cannot be read,
is too large, binary or not UTF-8 (or UTF-16 or UTF-32 with a byte-order mark), or holds no text.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from .clean import clean_text
from .dates import publication_date
from .dumps import DUMP_SUFFIXES, GZIP_SUFFIX
from .errors import ArticleError, printable
from .model import Article, ArticleText

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
INPUT_SUFFIXES = ARTICLE_SUFFIXES + HTML_SUFFIXES + DUMP_SUFFIXES
OUTPUT_MARK = ".current"  # the link in a folder that `newsgraph build` writes to (export/outputs.py)
# spaCy's own limit (nlp.max_length): its parser needs about 1 GB per 100,000 characters. A news
# article is a few thousand; a file of a million is a dump, not an article.
MAX_ARTICLE_CHARS = 1_000_000
# No encoding read here takes more than 4 bytes a character, so a larger file is too long unread.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS + 4

# The byte-order marks read, longest first (UTF-32 LE begins with UTF-16 LE's), each with the codec
# that Python's own reading of such a file uses: "utf-8" keeps the mark as the character U+FEFF,
# "utf-16" and "utf-32" drop it. Offsets are into the text these give (README, the triples contract).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def iter_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the article files named by `paths`: files as given, folders searched for .txt and .md files.

    Every path is checked before anything is yielded, so a mistyped path fails before work starts.
    Files are yielded in sorted order within each folder, so a run is repeatable. Within a folder,
    a link to a folder is not followed (links can loop), and a folder that cannot be listed is
    skipped with a warning; special files and unreadable files are yielded, for read_article to refuse
    with a message naming them.
    """
    return (path for path, _ in iter_article_sources(paths))


def iter_article_sources(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """The article files of iter_article_files, each with its article id: its path relative to the
    folder named, without the suffix ("2021-06/index" for 2021-06/index.txt in a folder named), or
    the file's name without the suffix for a file named itself. So files of the same name in two
    sub-folders are two articles, and an id does not depend on where the folder named lies."""
    paths = list(paths)
    for path in paths:
        try:
            os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise ArticleError(path, "no such file or folder") from None
        except OSError:
            pass  # it exists but cannot be looked at (a folder above it is locked): read_article says why
    return _files_under(paths)


def _files_under(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    for path in paths:
        if _is_folder(path):
            for file in sorted(_walk(path)):
                yield file, _id_of(file.relative_to(path))
        else:
            yield path, _id_of(Path(path.name))


def _id_of(relative: Path) -> str:
    """"2021-06/index" for 2021-06/index.txt, and for 2021-06/index.html.gz."""
    if relative.suffix.lower() == GZIP_SUFFIX:
        relative = relative.with_suffix("")
    return printable(relative.with_suffix("").as_posix())


def is_input(path: Path) -> bool:
    """Whether a file found in a folder is read, by its name: text, HTML or a dump, or gzip of one."""
    name = path.name.lower().removesuffix(GZIP_SUFFIX)
    return Path(name).suffix in INPUT_SUFFIXES


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _walk(top: Path) -> Iterator[Path]:
    """The article files under the folder `top`, in no particular order."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            log.warning("%s; skipped", ArticleError(folder, f"folder cannot be listed ({_reason(error)})"))
            continue
        if any(entry.name == OUTPUT_MARK for entry in entries) and folder != top:
            log.warning("%s; skipped", ArticleError(folder, "a newsgraph output folder, not input"))
            continue
        for entry in entries:
            path = folder / entry.name
            if _entry_is_folder(entry):
                if entry.is_symlink():
                    log.warning("%s; skipped", ArticleError(path, "symbolic link to a folder "
                                                                  "(name the folder itself to read it)"))
                else:
                    folders.append(path)
            elif is_input(path):
                yield path


def _entry_is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False  # cannot be looked at: if it is named as an article, read_article says why


def _reason(error: OSError, path: Path | None = None) -> str:
    """An OSError as the words of a message: 'permission denied', 'symbolic link loop', ..."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and path is not None and os.path.islink(path):
        return "symbolic link to nothing"
    return (error.strerror or "cannot be read").lower()


def _check_regular(path: Path, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = next((kind for is_kind, kind in _FILE_KINDS if is_kind(status.st_mode)), "a special file")
        raise ArticleError(path, f"{kind}, not a regular file")


def _too_long(path: Path, size: int, unit: str) -> ArticleError:
    return ArticleError(path, f"too long for a news article ({size:,} {unit}; the limit is "
                              f"{MAX_ARTICLE_CHARS:,} characters)")


def read_bytes(path: Path) -> bytes:
    """The bytes of an article file; ArticleError for anything but a regular, readable file of at most
    MAX_ARTICLE_BYTES. The file is looked at before it is opened, and opened so that a file swapped for
    a named pipe in between cannot block."""
    try:
        _check_regular(path, os.stat(path))
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            _check_regular(path, status)
            if status.st_size > MAX_ARTICLE_BYTES:
                raise _too_long(path, status.st_size, "bytes")
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except OSError as error:
        raise ArticleError(path, _reason(error, path)) from None
    if len(data) > MAX_ARTICLE_BYTES:  # it grew while being read
        raise _too_long(path, len(data), "bytes")
    return data


def decode(data: bytes, path: Path) -> str:
    """Decode an article file's bytes as Python reads such a file, line ends untouched: UTF-8, where a
    byte-order mark is kept as the character U+FEFF, or UTF-16 or UTF-32 where their byte-order mark
    says so (the mark dropped).

    >>> decode("\\ufeffHeadline\\r\\n".encode("utf-8"), Path("a.txt"))
    '\\ufeffHeadline\\r\\n'
    >>> decode("Headline\\n".encode("utf-16"), Path("a.txt"))
    'Headline\\n'
    """
    codec = next((codec for mark, codec in BYTE_ORDER_MARKS if data.startswith(mark)), "utf-8")
    if codec == "utf-8" and b"\x00" in data:
        if _utf16_without_mark(data):
            raise ArticleError(path, "binary file, not text (it looks like UTF-16 without a byte-order mark: "
                                     "save it as UTF-8)")
        raise ArticleError(path, "binary file, not text")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise ArticleError(path, f"not {codec.upper()} text (byte {error.start})") from None
    if "\x00" in text:
        raise ArticleError(path, "binary file, not text")
    return text


def _utf16_without_mark(data: bytes) -> bool:
    """Whether the bytes look like English in UTF-16 without a byte-order mark: nearly every other byte
    0 (the high byte of a Latin letter), nearly no other byte 0. A hint for the message, never a reading."""
    sample = data[:4096] if len(data) >= 4096 else data[:len(data) // 2 * 2]
    evens, odds = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return half >= 8 and (min(evens, odds) <= half // 20 and max(evens, odds) >= half * 9 // 10)


TITLE_CHARS = 300
# Words that end in a full stop inside a sentence ("Alibaba (China) Co., Ltd. Signs ...").
ABBREVIATIONS = frozenset(["co", "ltd", "inc", "corp", "plc", "no", "nos", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "gov", "govt", "dept", "univ", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
_FULL_STOP = re.compile(r"(\w+)\.[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")


def title_of(body: str) -> str:
    """The article's title: the first non-blank line of its cleaned body. Where that line is a
    paragraph (a page with no headline), its first sentence; a full stop after an abbreviation or an
    initial ends no sentence ("Co., Ltd."). Past TITLE_CHARS, shortened at a space, with an ellipsis.

    >>> title_of("\\n  Headline here  \\nBody.")
    'Headline here'
    >>> title_of("Alibaba (China) Co., Ltd. Signs With Chengdu. It will build a centre there.")
    'Alibaba (China) Co., Ltd. Signs With Chengdu.'
    """
    line = " ".join(next((line for line in body.splitlines() if line.strip()), "").split())
    for stop in _FULL_STOP.finditer(line):
        if stop[1].lower() not in ABBREVIATIONS and not (len(stop[1]) == 1 and stop[1].isupper()):
            line = line[:stop.end()].rstrip()
            break
    if len(line) <= TITLE_CHARS:
        return line
    return line[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def read_article(path: Path, article_id: str | None = None) -> ArticleText:
    """Read one article text file; raise ArticleError if it is not a readable, non-empty text of article size.

    `article_id` defaults to the file's name without its suffix (see iter_article_sources)."""
    data = read_bytes(path)
    text = decode(data, path)
    return article_text(path, article_id or printable(path.stem), text, sha256=hashlib.sha256(data).hexdigest(),
                        title=None, date=publication_date(text))


def article_text(path: Path, article_id: str, text: str, *, sha256: str, title: str | None, date: str | None,
                 url: str | None = None, kind: str | None = None) -> ArticleText:
    """An article from its text and what is known of it; its title, where none is given, from its first line.

    `kind` defaults to the file's suffix without the dot ("txt"). Raises ArticleError where the text is
    too long or holds nothing but boilerplate."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise _too_long(path, len(text), "characters")
    body = clean_text(text)
    if body.startswith("\ufeff"):  # a UTF-8 byte-order mark: kept in the text, for offsets, but not parsed
        body = " " + body[1:]
    if not body.strip():
        raise ArticleError(path, "no article text")
    article = Article(id=article_id, path=printable(path), title=" ".join((title or "").split()) or title_of(body),
                      date=date, sha256=sha256, url=url, kind=kind or path.suffix.lower().lstrip("."))
    return ArticleText(article=article, text=text, body=body)
