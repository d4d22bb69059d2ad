"""Reading saved HTML pages (extract/html.py): the pages of tests/pages.py, text files that are not pages,
pages with no article, and pages in other encodings."""
from __future__ import annotations

import codecs
import functools
import json
from pathlib import Path

import pytest
from pages import SCRIPT_TEXTS, PageCase, page_cases, write_pages

from conftest import DATA, SEEDS
from extract.errors import ArticleError
from extract.html import Page, decode_html, looks_like_html, read_html

CASES = page_cases()
BY_NAME = {case.name: case for case in CASES}


@functools.cache
def _read(name: str) -> Page:
    return read_html(BY_NAME[name].data, f"{name}.html")


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(params=CASES, ids=[case.name for case in CASES])
def case(request: pytest.FixtureRequest) -> PageCase:
    return request.param  # type: ignore[no-any-return]


def test_the_pages_vary() -> None:
    assert len(CASES) == 12
    assert {case.style for case in CASES} == {"gov", "news", "company", "scripted", "noscript"}
    assert page_cases() == CASES  # deterministic, byte for byte


def test_metadata(case: PageCase) -> None:
    page = _read(case.name)
    assert (page.title, page.date, page.url, page.site, page.language) == (
        case.headline, case.date, case.url, case.site, case.language)


def test_every_paragraph_is_read_whole(case: PageCase) -> None:
    page = _read(case.name)
    paragraphs = [_norm(paragraph) for paragraph in page.text.split("\n\n")]
    assert [paragraph for paragraph in case.paragraphs if _norm(paragraph) not in paragraphs] == []
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in page.text.split("\n\n"))


def test_no_chrome_or_script_text(case: PageCase) -> None:
    text = _read(case.name).text
    assert [marker for marker in (*case.absent, *SCRIPT_TEXTS) if marker in text] == []


def test_the_headline_is_not_text(case: PageCase) -> None:
    assert not _read(case.name).text.startswith(case.headline)


def test_pages_look_like_html(case: PageCase) -> None:
    assert looks_like_html(decode_html(case.data))
    assert looks_like_html(case.data.decode("utf-8", "replace"))


TEXT_FILES = sorted([*(DATA / "real" / "articles").glob("*.txt"), *(DATA / "genre" / "articles").glob("*.txt"),
                     *SEEDS.glob("*.txt")])


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_text_articles_do_not_look_like_html(path: Path) -> None:
    assert not looks_like_html(path.read_text(encoding="utf-8"))


def _page(body: str, head: str = "", lang: str = "en") -> str:
    return f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n'


ARTICLE = ("<h1>Port Group Signs Deal With City</h1>\n"
           "<p>The city government and the port group signed a cooperation agreement on Monday to build two "
           "container berths by 2027.</p>\n"
           "<p>Mayor Liu Wenxin said the berths would double the port’s capacity and bring 2,000 jobs.</p>")


@pytest.mark.parametrize("text", [
    _page("<p>Hi</p>"),
    "<!-- saved from url=(0022)http://example.com/ -->\r\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<html>",
    "\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
    "\n\n<head><meta charset=\"utf-8\"><title>Deal</title></head><body><p>Text</p></body>",
    "<div class=\"article\">" + "".join(f"<p>Paragraph {n} of the article.</p>\n" for n in range(12)) + "</div>",
], ids=["doctype", "saved-from comment", "xml declaration", "head without html", "tag-dense fragment"])
def test_looks_like_html(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "Mayor Meets Investors\n\nRevenue grew by <5% while costs fell >3%, the report said.",
    "Headline\n\n<strong>China: City Party Chief Inspects Tobacco Purchase</strong> Source: Qujing. "
    "The secretary visited the station on Monday and met growers.",
    "Headline\n\nThe portal's address is <www.example.gov.cn> and its <b>English</b> edition opened today. "
    * 5,
    "",
], ids=["less-than sign", "one stray tag", "a few tags in long text", "empty"])
def test_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


NO_ARTICLE = {
    "empty body": _page(""),
    "navigation and footer": _page(
        '<div class="nav"><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li>'
        '<li><a href="/invest/">Invest</a></li></ul></div>\n'
        '<div class="footer"><p>Copyright 2019 www.hunan.gov.cn All Rights Reserved.</p>'
        "<p>ICP No. 05003616</p></div>"),
    "script and noscript": _page(
        '<div id="app"></div><noscript>You need to enable JavaScript to run this application properly.</noscript>',
        head='<script>var story = "BYD Company signed a strategic cooperation agreement with Pingshan District '
             'and the deal was reported widely in the city this year.";</script>'),
    "list of links": _page("<h1>Local News</h1><ul>" + "".join(
        f'<li><a href="/n/{n}.html">Provincial leaders inspect flood prevention work, item {n}</a> '
        f"<span>2019-07-{n + 1:02d}</span></li>" for n in range(20)) + "</ul>"),
}


@pytest.mark.parametrize("markup", NO_ARTICLE.values(), ids=NO_ARTICLE.keys())
def test_a_page_without_article_text_is_refused_in_one_line(markup: str) -> None:
    with pytest.raises(ArticleError) as error:
        read_html(markup.encode(), "news/index.html")
    message = str(error.value)
    assert message == "news/index.html: an HTML page with no article text"
    assert error.value.path == Path("news/index.html")


CHINESE_PAGE = _page(
    ARTICLE.replace("Mayor Liu Wenxin", "Mayor Liu Wenxin (刘文新)") + '\n<div class="lang">中文 | English</div>',
    head="{declaration}\n<title>Port Group Signs Deal With City_Ningbo China</title>")


@pytest.mark.parametrize("declaration", [
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
    '<meta charset="GBK">',
    '<?xml version="1.0" encoding="gb2312"?>',
])
def test_a_page_in_gbk_declared_by_its_meta_charset(declaration: str) -> None:
    markup = CHINESE_PAGE.replace("{declaration}", declaration)
    if declaration.startswith("<?xml"):  # an XML declaration comes first
        markup = declaration + "\n" + markup.replace(declaration, "")
    data = markup.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so the declaration matters
    page = read_html(data, "gbk.html")
    assert "Mayor Liu Wenxin (刘文新) said the berths would double the port’s capacity" in page.text
    assert (page.title, page.site) == ("Port Group Signs Deal With City", "Ningbo China")
    assert "\ufffd" not in page.text


def test_a_page_declared_gb2312_but_saved_as_utf8_is_read_as_utf8() -> None:
    markup = CHINESE_PAGE.replace("{declaration}", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    assert "刘文新" in read_html(markup.encode("utf-8"), "resaved.html").text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_a_page_with_a_byte_order_mark(codec: str) -> None:
    markup = CHINESE_PAGE.replace("{declaration}", '<meta charset="gb2312">')  # the mark wins over the meta
    data = markup.encode(codec)
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    page = read_html(data, "bom.html")
    assert page.title == "Port Group Signs Deal With City"
    assert page.text.startswith("The city government and the port group signed")
    assert "刘文新" in page.text
    assert looks_like_html(data.decode(codec))
    assert looks_like_html(data.decode("utf-8", "replace")) is (codec == "utf-8-sig")


def test_bytes_that_are_not_utf8_and_not_declared_are_replaced() -> None:
    page = read_html(_page(ARTICLE).encode("cp1252"), "cp1252.html")  # ’ is byte 0x92
    assert "double the port\ufffds capacity" in page.text


@pytest.mark.parametrize(("head", "body", "title", "site"), [
    # "Site | Headline": the <title> less its first part, as the page shows it
    ("<title>Ningbo China | Port Group Signs Deal With City</title>", "", "Port Group Signs Deal With City",
     "Ningbo China"),
    # og:title with the site's name, the page's <h1> different: og:title less the og:site_name
    ('<meta property="og:title" content="Port deal signed - Harbour Daily">'
     '<meta property="og:site_name" content="Harbour Daily">', "", "Port deal signed", "Harbour Daily"),
    # no <title> and no og:title: the JSON-LD headline, as shown
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
     '"headline": "Port Group Signs Deal With City"}]}</script>', "", "Port Group Signs Deal With City", None),
    # a headline with a separator in it, shown whole
    ("<title>Ningbo - Zhoushan Port Group Signs Deal - Port News</title>",
     "<h2>Ningbo - Zhoushan Port Group Signs Deal</h2>", "Ningbo - Zhoushan Port Group Signs Deal", "Port News"),
])
def test_headline_and_site(head: str, body: str, title: str, site: str | None) -> None:
    page = read_html(_page(body + ARTICLE.replace("<h1>", "<h1 class=x>"), head=head).encode(), "t.html")
    assert (page.title, page.site) == (title, site)


@pytest.mark.parametrize(("head", "url"), [
    ('<link rel="canonical" href="/news/2019/07/port-deal.html"><meta property="og:url" '
     'content="https://port.example.cn/news/2019/07/port-deal.html?from=wechat">',
     "https://port.example.cn/news/2019/07/port-deal.html"),
    # a canonical link to the home page (a template's fault) is not the article's address
    ('<link rel="canonical" href="https://port.example.cn/">', None),
    ('<base href="https://port.example.cn/news/">', None),
])
def test_url(head: str, url: str | None) -> None:
    assert read_html(_page(ARTICLE, head=head).encode(), "u.html").url == url


def test_language_as_declared() -> None:
    page = read_html(_page(ARTICLE, lang="en_GB").encode(), "l.html")
    assert page.language == "en-GB"
    no_lang = _page(ARTICLE).replace(' lang="en"', "")
    assert read_html(no_lang.encode(), "l.html").language is None


def test_language_from_a_content_language_meta() -> None:
    markup = _page(ARTICLE, head='<meta http-equiv="Content-Language" content="en-us">').replace(' lang="en"', "")
    assert read_html(markup.encode(), "l.html").language == "en-us"


def test_the_pages_script_writes_pages_and_what_they_must_give(tmp_path: Path) -> None:
    cases = write_pages(tmp_path / "pages")
    for case in cases:
        assert (tmp_path / "pages" / f"{case.name}.html").read_bytes() == case.data
        expected = json.loads((tmp_path / "pages" / f"{case.name}.json").read_text(encoding="utf-8"))
        assert (expected["headline"], expected["paragraphs"]) == (case.headline, list(case.paragraphs))
