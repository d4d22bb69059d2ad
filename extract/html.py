"""Saved HTML news pages: tell them from plain text, and read one into its article's text and metadata.

The main text is found by trafilatura (comments, navigation, footers, <script>, <style> and <noscript>
left out); the headline, URL, site and language are read from the page's own markup first and from
trafilatura's metadata after, each checked against the page, since a page's <title> usually ends in its
site's name and its single <h1> is often the site's logo. The date is htmldate's (through trafilatura).
"""
from __future__ import annotations

import codecs
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from .errors import ArticleError

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]  # trafilatura's parser; no stubs

# trafilatura logs a warning for every page it finds no text in ("discarding data: None"), which the CLI's
# logging would print beside our own one-line ArticleError; its errors still show.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

__all__ = ["Page", "decode_html", "looks_like_html", "read_html"]


@dataclass(frozen=True)
class Page:
    """What a saved news page holds: its article's text (paragraphs separated by blank lines, the headline
    not among them) and what the page says of it."""

    text: str
    title: str | None  # the headline, without the site's name
    date: str | None  # publication date, yyyy-mm-dd
    url: str | None  # the article's own address: canonical link, og:url, or where the page was saved from
    site: str | None  # the site's name ("China Daily"), or its domain where the page names none
    language: str | None  # as the page declares it: "en", "en-US"


# ------------------------------------------------------------------------------------------------ detection

_SNIFF_CHARS = 1024
_LEADING_NOISE = re.compile(r"\A(?:\ufeff|\s|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
_DOCUMENT_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_DOCUMENT_TAG = re.compile(r"<(?:html|head|body)(?:\s[^<>]*)?>", re.IGNORECASE)
# Tags of a page's body, with their attributes: what a page is made of and an article's text is not.
_TAG = re.compile(r"</?(?:a|p|div|span|br|li|ul|ol|td|tr|table|img|h[1-6]|meta|link|script|style|b|i|em|"
                  r"strong|font|section|article|header|footer|nav|form|input|iframe)(?:\s[^<>]*)?/?>",
                  re.IGNORECASE)
_MIN_TAGS = 20  # a text with fewer tags is a text, whatever their share
_MIN_TAG_SHARE = 0.05  # of the text's characters, taken by tags


def looks_like_html(text: str) -> bool:
    """Whether a text file plainly is an HTML page: it begins as one (a doctype or an <html>, <head> or
    <body> tag in its first KB, after any comments) or is dense with tags (at least 20, taking 5% of it).
    An article that quotes a tag or mentions "<" is text.

    >>> looks_like_html("<!-- saved from url=(0022)http://example.com/ -->\\n<!DOCTYPE html><html><body>Hi")
    True
    >>> looks_like_html("Mayor meets investors\\n\\nThe fund grew <5% and the <strong>new</strong> plant opened.")
    False
    """
    head = _LEADING_NOISE.sub("", text[:_SNIFF_CHARS * 4], count=1)[:_SNIFF_CHARS]
    if _DOCUMENT_START.match(head) or _DOCUMENT_TAG.search(head):
        return True
    tags = _TAG.findall(text)
    return len(tags) >= _MIN_TAGS and sum(map(len, tags)) >= _MIN_TAG_SHARE * len(text)


# ------------------------------------------------------------------------------------------------ decoding

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark begins it
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">, and an XML
# declaration's encoding, in the page's first bytes, as a browser's prescan finds them.
_PRESCAN_BYTES = 4096
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
                       re.IGNORECASE)
# Labels whose codec is, in browsers (the WHATWG Encoding Standard), a superset: GB2312 pages hold GBK and
# GB18030 characters, Latin-1 pages hold Windows-1252's, and so on.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "csgb2312": "gb18030", "chinese": "gb18030",
    "iso-ir-58": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "shift_jis": "cp932", "sjis": "cp932",
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",  # declared in bytes without a mark: a lie
}


def decode_html(data: bytes) -> str:
    """A page's bytes as text, as a browser reads them: by its byte-order mark, else by the charset its
    <meta> (or XML declaration) declares, else as UTF-8; bytes that do not decode become U+FFFD.

    A page that declares a legacy charset but is valid UTF-8 with non-ASCII characters is read as UTF-8:
    browsers that save a page re-encode it and may leave the old declaration behind, and GBK or Big5 text
    of any length is almost never valid UTF-8.

    >>> decode_html('<meta charset="gb2312"><p>刘文新</p>'.encode("gbk"))
    '<meta charset="gb2312"><p>刘文新</p>'
    """
    for mark, codec in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return data.decode(codec, "replace")
    codec = _declared_codec(data[:_PRESCAN_BYTES]) or "utf-8"
    if codec != "utf-8" and not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass  # not UTF-8: the declaration is right
    return data.decode(codec, "replace")


def _declared_codec(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None  # an unknown charset: UTF-8, as browsers default to for it


# ------------------------------------------------------------------------------------------------ reading

# Elements whose text is never the article's, removed before trafilatura reads the page: its main
# extractor leaves most of them out, but where it finds no article its fallbacks (readability, jusText, a
# baseline of all the text) take the rest of the page, footer and <noscript> messages included; and a
# <template> holds inert markup for scripts to copy, whose text trafilatura keeps.
_CHROME = ("//template | //noscript | //nav | //footer | //*[@role='navigation' or @role='contentinfo']"
           " | //*[contains(concat(' ', normalize-space(@class), ' '), ' footer ') or @id='footer']")
# A paragraph of prose: at least this many words, ending a sentence. A page without one (a list of links,
# a copyright line) holds no article.
_PROSE_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*$")
# Tables used to lay out a page (old portals put the whole page in one): a table holding blocks. trafilatura
# skips tables with include_tables=False and so reads such a page's every link instead of its article;
# turned into <div>s, the article is found. A data table (cells of words and numbers) is left a table.
_LAYOUT_TABLES = ("//table[.//table or .//div or .//p or .//ul or .//ol or .//h1 or .//h2 or .//h3 "
                  "or .//form or .//br]")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")
# What comes between a headline and the site's name in a <title>: "Headline - Site", "Headline | Site",
# "Headline_Site" (common on Chinese portals).
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—•·»]\s+|_")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SITE_META = ("og:site_name", "sitename", "application-name", "apple-mobile-web-app-title")
# Whether the body has an element whose whole text is $text (as a headline is shown).
_SHOWN = "boolean(//body//*[normalize-space(.) = $text])"


def read_html(data: bytes, name: str) -> Page:
    """Read a saved HTML page into its article's text and metadata.

    Args:
        data: the page's bytes, as saved; decoded by decode_html.
        name: the file's name, for the error message.

    Returns:
        a Page. Raises ArticleError where the page holds no article text.

    >>> page = read_html(b'<html lang="en"><head><title>Port Deal Signed - Harbour News</title></head><body>'
    ...                  b'<div class="menu"><a href="/">Home</a> <a href="/news">News</a></div><article>'
    ...                  b'<h1>Port Deal Signed</h1><p>The city and the port group signed a deal on Monday to '
    ...                  b'build two new container berths by 2027, the city government said.</p></article>'
    ...                  b'</body></html>', "deal.html")
    >>> page.title, page.site, page.language
    ('Port Deal Signed', 'Harbour News', 'en')
    >>> page.text
    'The city and the port group signed a deal on Monday to build two new container berths by 2027, the city government said.'
    """
    import trafilatura  # here, not above: it takes 0.3 s to import, and most runs read no HTML

    markup = decode_html(data)
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise ArticleError(Path(name), "not an HTML page that can be parsed")
    site = _meta(tree, *_SITE_META)
    title, url, language = _title_and_site(tree, site), _page_url(tree, markup), _language(tree)
    for element in tree.xpath(_CHROME):
        if element.tag not in ("html", "body"):  # a page's body of class "footer" is still its body
            element.drop_tree()
    for table in tree.xpath(_LAYOUT_TABLES):
        for element in table.iter(*_TABLE_PARTS):
            element.tag = "div"
    document = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False,
                                           include_images=False, include_links=False)
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        raise ArticleError(Path(name), "an HTML page with no article text")
    headline = title[0] if title else _library_title(document.title)
    text = _paragraphs(document.text or "", headline)
    if not any(len(paragraph.split()) >= _PROSE_WORDS and _SENTENCE_END.search(paragraph)
               for paragraph in text.split("\n\n")):
        raise ArticleError(Path(name), "an HTML page with no article text")
    site = site or (title[1] if title else None) or _library_site(document.sitename, headline)
    return Page(text=text, title=headline, date=document.date or None, url=url,
                site=site, language=language or document.language or None)


def _paragraphs(text: str, headline: str | None) -> str:
    """trafilatura's text (a line per block, and per <br>) as paragraphs separated by blank lines, less the
    headline where it comes first, as the page's heading of the article."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if paragraphs and headline and _same(paragraphs[0], headline):
        del paragraphs[0]
    return "\n\n".join(paragraphs)


def _same(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _meta(tree: HtmlElement, *names: str) -> str | None:
    """The first non-blank content of a <meta> named (property=, name=, itemprop= or http-equiv=) one of
    `names`, in that order."""
    for wanted in names:
        for meta in tree.iterfind(".//meta[@content]"):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
                   or "").strip().lower()
            content = " ".join((meta.get("content") or "").split())
            if key == wanted and content:
                return content
    return None


def _title_and_site(tree: HtmlElement, site: str | None) -> tuple[str, str | None] | None:
    """The headline, and the site's name where the page's title gives it: og:title or the <title> (or a
    JSON-LD headline), whole or less a part at either end, as the page shows it as the text of an element;
    else og:title less the site's name; else the single <h1>; else the <title> less its last part.
    None where the page has none of these (trafilatura's title is taken then)."""
    og_title = _meta(tree, "og:title", "twitter:title")
    title_element = tree.find(".//title")
    page_title = _text(title_element) if title_element is not None else ""
    for candidate in (og_title, page_title, *_headlines_in_json_ld(tree)):
        for headline, rest in _splits(candidate) if candidate else ():
            if tree.xpath(_SHOWN, text=headline) and not (site and _same(headline, site)):
                return headline, rest
    if og_title:
        return next(((headline, rest) for headline, rest in _splits(og_title)[1:2]
                     if site and rest and _same(rest, site)), (og_title, None))
    h1s = [text for text in map(_text, tree.iterfind(".//body//h1")) if text]
    if len(h1s) == 1:
        return h1s[0], None
    if page_title:
        return _splits(page_title)[1] if len(_splits(page_title)) > 1 else (page_title, None)
    return None


def _splits(title: str) -> list[tuple[str, str | None]]:
    """A title whole, then less its last part ("Headline - Site"), then less its first ("Site | Headline"),
    each with the part left off."""
    splits: list[tuple[str, str | None]] = [(title, None)]
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if separators:
        first, last = separators[0], separators[-1]
        splits.append((title[:last.start()].strip(), title[last.end():].strip()))
        splits.append((title[first.end():].strip(), title[:first.start()].strip()))
    return [(headline, rest) for headline, rest in splits if headline]


def _headlines_in_json_ld(tree: HtmlElement) -> list[str]:
    """The headlines of JSON-LD articles (NewsArticle and the like) in the page."""
    headlines = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block: other metadata serves
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("headline"), str):
                    headlines.append(" ".join(item["headline"].split()))
                stack.extend(value for value in item.values() if isinstance(value, (list, dict)))
    return headlines


def _page_url(tree: HtmlElement, markup: str) -> str | None:
    """The article's address: its canonical link, else og:url, else the address a browser noted it was saved
    from; relative links resolved against the others. The bare address of a site (a canonical link to the
    home page, a common fault of site templates) is not an article's and is left out."""
    saved = _SAVED_FROM.search(markup[:_SNIFF_CHARS])
    og_url = _meta(tree, "og:url")
    base = og_url or (saved.group(1) if saved else None)
    links: list[str] = [link.get("href", "").strip() for link in tree.iterfind(".//link[@href]")
                        if "canonical" in (link.get("rel") or "").lower().split()]
    for url in (*links, og_url, saved.group(1) if saved else None):
        if url:
            url = urljoin(base, url) if base else url
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.netloc and (parts.path.strip("/") or parts.query):
                return url
    return None


def _language(tree: HtmlElement) -> str | None:
    """The page's language as its <html lang> (or xml:lang, or a Content-Language meta) declares it, with
    "en_US" written "en-US"."""
    root = tree.getroottree().getroot()
    declared = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("xml:lang")
                or _meta(tree, "content-language", "language"))
    if declared and declared.strip():
        return declared.strip().split(",")[0].strip().replace("_", "-")
    return None


def _library_title(title: str | None) -> str | None:
    return " ".join(title.split()) if title and title.strip() else None


def _library_site(site: str | None, headline: str | None) -> str | None:
    """trafilatura's site name, unless it is the headline (it takes a <title> part with a dot in it, such as
    "$1.41 Billion", for the site's name)."""
    if not site or not site.strip() or (headline and (site in headline or headline in site)):
        return None
    return site.strip()
