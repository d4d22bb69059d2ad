"""Saved HTML news pages made from real article text, for testing extract/html.py.

    .venv/bin/python tests/pages.py DIR      # writes DIR/<name>.html and DIR/<name>.json, lists the pages

Twelve articles of tests/data/real/articles (real English news from Chinese government portals and news
sites; line 1 the headline) are wrapped in the chrome of five kinds of page, as a browser's "Save page as"
keeps them:

- "gov": a government portal: a top bar with a language switch (中文 | English), navigation of many links,
  a breadcrumb, a left menu, related news, "Print | Close" links and a footer with the copyright and ICP
  number; one page laid out in tables, one encoded in GBK and declared GB2312, as such portals are.
- "news": a news site: og: and article: meta tags, JSON-LD NewsArticle, a cookie banner, a header and
  section navigation, share buttons, a "most read" sidebar, related stories, readers' comments, a footer.
- "company": a company newsroom with little metadata: the date only in a <span class="date">.
- "scripted": <script> and <style> blocks (and a <template>) whose text reads like news ("X signed a
  strategic cooperation agreement with Y") and must never be taken for the article.
- "noscript": a page with <noscript> messages and tracking images.

Each Page records what a reader of the page would say it holds: its headline, date, URL, site, language
and the article's paragraphs, and the strings of its chrome that must not be read as article text.
Nothing here is random: the same article files give the same pages, byte for byte.
"""
from __future__ import annotations

import argparse
import html
import json
import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "data" / "real" / "articles"


@dataclass(frozen=True)
class PageCase:
    """One generated page and what reading it must give."""

    name: str  # file name without suffix: "<style>_<article file stem>"
    style: str
    data: bytes  # the page as saved
    headline: str
    date: str | None  # yyyy-mm-dd
    url: str | None
    site: str | None
    language: str | None
    paragraphs: tuple[str, ...]  # the article's text, each paragraph whole
    absent: tuple[str, ...]  # chrome and script text that must not appear in the article's text


@dataclass(frozen=True)
class _Made:
    """A page as a style makes it, with what it declares."""

    page: str
    url: str | None  # the address the page gives (canonical link, og:url, "saved from"); None if none
    language: str | None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class _Spec:
    """How to make one page: which article, in which style, with which metadata."""

    article: str  # file stem in ARTICLES
    style: str
    variant: int  # which of the style's variants (0, 1, 2)
    date: str
    url: str
    site: str
    limit: int = 8  # at most this many paragraphs of the article


# Chosen by hand to vary the pages and the headlines: commas, a dollar amount with a decimal point (which
# confuses <title> splitting), curly and straight quotes, a colon without a space, a yen sign.
SPECS = (
    _Spec("201_changsha_sic_smart_city", "gov", 0, "2019-07-11",
          "http://www.hunan.gov.cn/hnszf/hnyw/zwdt/201907/t20190711_5394385.html",
          "The Official Website of the People’s Government of Hunan Province"),
    _Spec("322_sichuan_victoria_sister_provinces", "gov", 1, "2016-09-26",
          "http://www.sc.gov.cn/10462/wza2012/c100523/2016/9/26/10397145.shtml", "Sichuan Province"),
    _Spec("335_jingmen_scun_strategic_cooperation", "gov", 2, "2016-01-06",
          "http://www.jingmen.gov.cn/english/news/201601/t20160106_1123.shtml", "Jingmen China"),
    _Spec("223_lingang_37_deals", "news", 0, "2022-05-25",
          "https://www.chinadaily.com.cn/a/202205/25/WS628d8a3fa310fd2b29e5e1a2.html", "China Daily"),
    _Spec("231_caixin_nev_provinces", "news", 1, "2018-09-28",
          "https://www.caixinglobal.com/2018-09-28/provinces-roll-out-red-carpet-for-electric-car-makers-101330181.html",
          "Caixin Global"),
    _Spec("404_xi_guangxi_beibu_gulf_visit", "news", 2, "2017-04-21",
          "https://news.cgtn.com/news/3d637a4d3545444e/share_p.html", "CGTN"),
    _Spec("362_catl_xiamen_battery_plant", "company", 0, "2022-12-20",
          "https://www.catl.com/en/news/1104.html", "CATL"),
    _Spec("367_minmetals_qinghai_salt_lake", "company", 1, "2024-09-09",
          "https://metalswire.com/china-minmetals-lithium-qinghai/", "Metals Wire", limit=3),
    _Spec("235_huawei_shenzhen_partnership", "scripted", 0, "2020-07-28",
          "https://en.pingwest.com/a/7523", "PingWest"),
    _Spec("393_binhai_cloud_signing_80_projects", "scripted", 1, "2020-05-19",
          "http://en.tjbh.gov.cn/system/2020/05/19/011234567.shtml", "Tianjin Binhai New Area"),
    _Spec("312_wujin_24_key_projects_construction", "noscript", 0, "2020-03-02",
          "http://english.changzhou.gov.cn/html/czen/2020/OKMEHQQO_0302/12345.html", "Changzhou China"),
    _Spec("321_guiyang_promotion_shenzhen_investors", "noscript", 1, "2014-03-26",
          "http://www.chinadaily.com.cn/m/guiyang/2014-03/26/content_17380000.htm", "China Daily"),
)

_SENTENCE_END = re.compile(r"[.!?\"”’)]$")


def article_text(stem: str, limit: int = 8) -> tuple[str, tuple[str, ...]]:
    """The headline (line 1) and the paragraphs of an article file: its lines of at least 12 words that end
    a sentence, each once, the headline and the scraped page furniture (short lines) left out."""
    lines = (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    headline = lines[0].strip()
    paragraphs: list[str] = []
    for line in (" ".join(line.split()) for line in lines[1:]):
        if len(line.split()) >= 12 and _SENTENCE_END.search(line) and line != headline and line not in paragraphs:
            paragraphs.append(line)
    return headline, tuple(paragraphs[:limit])


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _links(names: tuple[str, ...], indent: str = "      ") -> str:
    return "\n".join(f'{indent}<li><a href="/{_slug(name)}/">{_e(name)}</a></li>' for name in names)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _saved_from(url: str) -> str:
    """The comment a browser puts first in a page it saves (the "mark of the web")."""
    return f"<!-- saved from url=({len(url):04d}){url} -->\n"


# ---------------------------------------------------------------------------------------------- gov portal

_GOV_NAV = ("Home", "About", "Government", "News", "Policies", "Invest", "Business", "Living", "Travel",
            "Culture", "Education", "Healthcare", "Transportation", "Data", "Services", "Leaders",
            "Mayor’s Mailbox", "Press Conferences", "Special Reports", "Photos", "Videos", "Sister Cities")
_GOV_LEFT_MENU = ("Local News", "Provincial Affairs", "Notices and Announcements", "Economic Data Release",
                  "Investment Projects Library", "Foreign Affairs Updates")
_GOV_RELATED = ("Provincial leaders inspect flood prevention work along the river",
                "Delegation from Bavaria visits the high-tech industrial development zone",
                "Notice on the 2019 work plan for optimizing the business environment")
_GOV_MARKERS = ("Mayor’s Mailbox", "Sister Cities", "Current Location", "中文", "Français",
                "Investment Projects Library", "Foreign Affairs Updates", "Print", "Close", "ICP",
                "All Rights Reserved", "Sponsored by", "Best viewed", "Related News", *_GOV_RELATED,
                "Font size", "Share to")


def _gov_page(spec: _Spec, headline: str, paragraphs: tuple[str, ...]) -> _Made:
    """A government portal's page: (html, language, encoding)."""
    region = {0: "Hunan", 1: "Sichuan", 2: "Jingmen"}[spec.variant]
    separator = {0: " - ", 1: " | ", 2: "_"}[spec.variant]
    language = {0: "en", 1: None, 2: "en"}[spec.variant]
    encoding = "gbk" if spec.variant == 2 else "utf-8"
    charset = "gb2312" if spec.variant == 2 else "utf-8"
    lang = f' lang="{language}"' if language else ""
    host = spec.url.split("/")[2]
    top = f"""<div class="topbar">
  <div class="wrap">
    <span class="welcome">Welcome to {_e(spec.site)}</span>
    <span class="lang"><a href="http://{host}/zw/">中文</a> | <a href="/">English</a> | <a href="/fr/">Français</a></span>
    <form class="search" action="/search/"><input type="text" name="q" value="Search"><button>Go</button></form>
  </div>
</div>
<div class="header"><div class="logo"><h1><a href="/">{region}</a></h1><p>{_e(spec.site)}</p></div></div>
<div class="nav">
  <ul>
{_links(_GOV_NAV)}
  </ul>
</div>"""
    breadcrumb = ('<div class="position">Current Location: <a href="/">Home</a> &gt; <a href="/news/">News</a>'
                  ' &gt; <a href="/news/local/">Local News</a></div>')
    left = f"""<div class="left-menu">
  <h3>News</h3>
  <ul>
{_links(_GOV_LEFT_MENU)}
  </ul>
</div>"""
    related = f"""<div class="related">
  <h3>Related News</h3>
  <ul>
{_links(_GOV_RELATED)}
  </ul>
</div>"""
    tools = ('<div class="tools">Font size: <a href="javascript:doZoom(16)">L</a> <a href="javascript:doZoom(14)">M</a>'
             ' <a href="javascript:doZoom(12)">S</a> &nbsp; Share to: <a href="#">WeChat</a> <a href="#">Weibo</a></div>')
    print_close = ('<div class="print"><a href="javascript:window.print()">Print</a> | '
                   '<a href="javascript:window.close()">Close</a></div>')
    footer = f"""<div class="footer">
  <p><a href="/about/">About Us</a> | <a href="/sitemap/">Site Map</a> | <a href="/contact/">Contact Us</a></p>
  <p>Sponsored by the General Office of the {region} People’s Government</p>
  <p>Copyright © {spec.date[:4]} {host} All Rights Reserved &nbsp; ICP No. 05003616-{spec.variant + 1}</p>
  <p>Best viewed with IE 8.0 or above at 1024×768 resolution</p>
</div>"""
    info = f'<div class="info">Source: {region} Daily &nbsp;&nbsp; Date: {spec.date} &nbsp;&nbsp; Views: 1024</div>'
    if spec.variant == 1:  # an old portal: tables for layout, <br> between paragraphs of one cell
        body_text = "<br>\n<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{_e(p)}" for p in paragraphs)
        main = f"""<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
  <tr>
    <td width="220" valign="top">{left}</td>
    <td width="780" valign="top">
      {breadcrumb}
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td class="title" align="center"><font size="4"><b>{_e(headline)}</b></font></td></tr>
        <tr><td align="center">{info}</td></tr>
        <tr><td id="zoom" class="content">
{body_text}
        </td></tr>
        <tr><td>{print_close}</td></tr>
      </table>
      {related}
    </td>
  </tr>
</table>"""
    else:
        heading = (f'<div class="article-title">{_e(headline)}</div>' if spec.variant == 0
                   else f"<h2 class=\"title\">{_e(headline)}</h2>")
        body_text = "\n".join(f'<p style="text-indent:2em">{_e(p)}</p>' for p in paragraphs)
        main = f"""<div class="main wrap">
  {left}
  <div class="right">
    {breadcrumb}
    <div class="article">
      {heading}
      {info}
      {tools}
      <div class="TRS_Editor" id="zoom">
{body_text}
      </div>
      {print_close}
    </div>
    {related}
  </div>
</div>"""
    page = f"""{_saved_from(spec.url) if spec.variant != 1 else ""}<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"{lang}>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{_e(headline)}{separator}{_e(spec.site)}</title>
<meta name="SiteName" content="{_e(spec.site)}" />
<meta name="ColumnName" content="Local News" />
<meta name="PubDate" content="{spec.date} 10:23" />
<link href="/images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript">
function doZoom(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}
</script>
</head>
<body>
{top}
{main}
{footer}
</body>
</html>
"""
    return _Made(page, None if spec.variant == 1 else spec.url, language, encoding)  # 1 has no "saved from"


# ---------------------------------------------------------------------------------------------- news site

_NEWS_SECTIONS = ("China", "World", "Business", "Lifestyle", "Culture", "Travel", "Sports", "Opinion",
                  "Regional", "Forum", "Newspaper", "Video")
_NEWS_MOST_READ = ("Smart factories put robots to work around the clock",
                   "Eight cities named pilots for new energy vehicle charging networks",
                   "Tourism spending surges during the holiday week")
_NEWS_RELATED = ("Port operator reports record container volumes in first quarter",
                 "Free trade zone eases rules for overseas investors")
_NEWS_COMMENTS = (("shanghai_reader", "Great news for the area, I hope the jobs go to local graduates."),
                  ("mike_t", "Will any of these firms be hiring foreign engineers? Asking for a friend."),
                  ("Lily W.", "Impressive numbers, but I'd like to see how many of these deals actually get built."))
_NEWS_MARKERS = ("We use cookies", "Cookie Policy", "Accept all cookies", "Share on WeChat", "Share on Weibo",
                 "Most Read", *_NEWS_MOST_READ, "Related Stories", *_NEWS_RELATED, "Comments (3)",
                 *(text for _, text in _NEWS_COMMENTS), "shanghai_reader", "Leave a comment", "Post comment",
                 "Terms of Use", "Privacy Policy", "All rights reserved", "Newspaper", "Subscribe")


def _news_page(spec: _Spec, headline: str, paragraphs: tuple[str, ...]) -> _Made:
    published = f"{spec.date}T09:12:00+08:00"
    modified = f"{date.fromisoformat(spec.date) + timedelta(days=1)}T16:40:00+08:00"  # a day later: not the date
    language = {0: "en", 1: "en-US", 2: "en"}[spec.variant]
    suffix = {0: " - Chinadaily.com.cn", 1: " - Caixin Global", 2: " - CGTN"}[spec.variant]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "datePublished": published,
        "dateModified": modified,
        "author": {"@type": "Person", "name": "Shi Jing"},
        "publisher": {"@type": "Organization", "name": spec.site,
                      "logo": {"@type": "ImageObject", "url": f"https://{spec.url.split('/')[2]}/logo.png"}},
        "mainEntityOfPage": spec.url,
    }
    meta = ['<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{_e(headline)}">',
            f'<meta property="og:description" content="{_e(paragraphs[0][:150])}">',
            f'<meta property="og:image" content="https://img.example-cdn.com/{spec.date}/lead.jpg">',
            f'<meta property="article:published_time" content="{published}">',
            f'<meta property="article:modified_time" content="{modified}">',
            '<meta property="article:section" content="Business">',
            '<meta name="twitter:card" content="summary_large_image">']
    if spec.variant in (0, 1):
        meta.append(f'<meta property="og:site_name" content="{_e(spec.site)}">')
    if spec.variant in (0, 2):
        meta.append(f'<meta property="og:url" content="{spec.url}">')
    if spec.variant in (0, 1):
        meta.append(f'<link rel="canonical" href="{spec.url}">')
    body_text = "\n".join(f"        <p>{_e(p)}</p>" for p in paragraphs)
    comments = "\n".join(f"""      <div class="comment"><span class="user">{_e(user)}</span> <span class="when">2 hours ago</span>
        <p>{_e(text)}</p><a class="reply" href="#">Reply</a> <a class="like" href="#">Like (12)</a></div>"""
                         for user, text in _NEWS_COMMENTS)
    page = f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(headline)}{suffix}</title>
<meta name="description" content="{_e(paragraphs[0][:150])}">
{chr(10).join(meta)}
<script type="application/ld+json">
{json.dumps(ld, ensure_ascii=False, indent=2)}
</script>
<link rel="stylesheet" href="/static/css/main.css">
<style>
.cookie-banner {{ position: fixed; bottom: 0; width: 100%; background: #222; color: #fff; }}
.share a {{ display: inline-block; width: 32px; height: 32px; }}
</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>
<script>
window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}
gtag('js', new Date()); gtag('config', 'G-XXXX', {{"content_group": "Business"}});
</script>
</head>
<body class="article-page">
<div class="cookie-banner" id="cookie-banner">
  <p>We use cookies to improve your experience on our site. By continuing to browse you agree to our
  <a href="/cookie-policy">Cookie Policy</a>.</p>
  <button id="accept-cookies">Accept all cookies</button> <button>Manage settings</button>
</div>
<header class="site-header">
  <a class="logo" href="/"><img src="/static/img/logo.png" alt="{_e(spec.site)}"></a>
  <div class="user"><a href="/login">Sign in</a> | <a href="/subscribe">Subscribe</a></div>
  <nav class="sections">
    <ul>
{_links(_NEWS_SECTIONS)}
    </ul>
  </nav>
</header>
<div class="container">
  <main>
    <div class="breadcrumb"><a href="/">Home</a> / <a href="/business/">Business</a> / <a href="/business/companies/">Companies</a></div>
    <article class="story">
      <h1 class="headline">{_e(headline)}</h1>
      <div class="byline">By <span class="author">SHI JING</span> | <time datetime="{published}">Updated: {spec.date} 09:12</time></div>
      <div class="share">
        <a href="#" class="wechat">Share on WeChat</a> <a href="#" class="weibo">Share on Weibo</a>
        <a href="#" class="facebook">Facebook</a> <a href="#" class="twitter">Twitter</a> <a href="#" class="linkedin">LinkedIn</a>
      </div>
      <figure><img src="https://img.example-cdn.com/{spec.date}/lead.jpg" alt="">
        <figcaption>A view of the site. [Photo/Xinhua]</figcaption></figure>
      <div class="article-body">
{body_text}
      </div>
      <div class="tags">Tags: <a href="/tag/investment">investment</a> <a href="/tag/industry">industry</a></div>
    </article>
    <section class="related">
      <h2>Related Stories</h2>
      <ul>
{_links(_NEWS_RELATED)}
      </ul>
    </section>
    <section id="comments" class="comments">
      <h3>Comments (3)</h3>
{comments}
      <form class="comment-form"><textarea placeholder="Leave a comment"></textarea><button>Post comment</button></form>
    </section>
  </main>
  <aside class="sidebar">
    <h3>Most Read</h3>
    <ol>
{_links(_NEWS_MOST_READ)}
    </ol>
  </aside>
</div>
<footer class="site-footer">
  <p><a href="/about">About us</a> | <a href="/contact">Contact us</a> | <a href="/terms">Terms of Use</a> | <a href="/privacy">Privacy Policy</a></p>
  <p>Copyright {spec.date[:4]} {_e(spec.site)}. All rights reserved. The content (including but not limited to text,
  photo, multimedia information, etc) published in this site belongs to {_e(spec.site)}.</p>
</footer>
</body>
</html>
"""
    return _Made(page, spec.url, language)


# ---------------------------------------------------------------------------------------------- company newsroom

_COMPANY_NAV = ("About Us", "Products", "Technology", "Sustainability", "Investors", "Careers", "Newsroom",
                "Contact")
_COMPANY_MARKERS = ("Sustainability", "Investors", "Careers", "Previous:", "Next:", "Back to list",
                    "All rights reserved", "Subscribe to our newsletter", "Enter your email", "ICP",
                    "Legal Notice")


def _company_page(spec: _Spec, headline: str, paragraphs: tuple[str, ...]) -> _Made:
    language = "en-US" if spec.variant == 0 else "en"
    year, month, day = spec.date.split("-")
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    shown = spec.date if spec.variant == 0 else f"{months[int(month) - 1]} {int(day)}, {year}"
    separator = " - " if spec.variant == 0 else " | "
    body_text = "\n".join(f"      <p>{_e(p)}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="UTF-8">
<title>{_e(headline)}{separator}{_e(spec.site)}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<div class="header">
  <a href="/" class="logo"><img src="/assets/logo.svg" alt="{_e(spec.site)}"></a>
  <ul class="menu">
{_links(_COMPANY_NAV)}
  </ul>
</div>
<div class="banner"><img src="/assets/news-banner.jpg" alt=""></div>
<div class="news-detail">
  <h1 class="news-title">{_e(headline)}</h1>
  <div class="meta"><span class="date">{shown}</span></div>
  <div class="news-content">
{body_text}
  </div>
  <div class="pager">
    <p><a href="/en/news/1103.html">Previous: Annual report on corporate social responsibility published</a></p>
    <p><a href="/en/news/1105.html">Next: Company wins award for supplier quality</a></p>
  </div>
  <a class="back" href="/en/news/">Back to list</a>
</div>
<div class="newsletter">
  <h4>Subscribe to our newsletter</h4>
  <p>Weekly updates for industry professionals, investors, analysts and journalists.</p>
  <input type="email" placeholder="Enter your email"><button>Sign up</button>
</div>
<div class="footer">
  <p><a href="/legal">Legal Notice</a> | <a href="/privacy">Privacy</a></p>
  <p>© {year} {_e(spec.site)}. All rights reserved. 闽ICP备10000000号</p>
</div>
</body>
</html>
"""
    return _Made(page, None, language)  # a newsroom that gives no address


# ---------------------------------------------------------------------------------------------- scripts and styles

# Text that reads like news, inside <script>, <style> and <template>: never article text.
SCRIPT_TEXTS = (
    "Shenzhen Energy Group signed a strategic cooperation agreement with Guangming District",
    "Tencent Cloud signed a strategic cooperation agreement with Longhua District Government",
    "BYD Company signed a strategic cooperation agreement with Pingshan District",
    "Mayor Chen Rugui met with the chairman of Foxconn Technology Group",
    "Tianjin Port Holdings signed a framework agreement with Dongjiang Free Trade Port Zone",
    "China Mobile Tianjin signed a 5G cooperation agreement with Binhai High-tech Zone",
)


def _scripted_page(spec: _Spec, headline: str, paragraphs: tuple[str, ...]) -> _Made:
    first, second, third, fourth, fifth, sixth = SCRIPT_TEXTS
    date_meta = (f'<meta property="article:published_time" content="{spec.date}T22:45:00+08:00">'
                 if spec.variant == 0 else "")
    og = (f'<meta property="og:title" content="{_e(headline)}">\n'
          f'<meta property="og:site_name" content="{_e(spec.site)}">\n'
          f'<meta property="og:url" content="{spec.url}">') if spec.variant == 0 else ""
    canonical = f'<link rel="canonical" href="{spec.url}">' if spec.variant == 1 else ""
    title = f"{headline} | {spec.site}" if spec.variant == 0 else f"{headline} - {spec.site}"
    info = ("" if spec.variant == 0 else
            f'<div class="info">Source: Jinbin Net &nbsp; Editor: Wang Ning &nbsp; {spec.date} 18:09</div>')
    body_text = "\n".join(f"    <p>{_e(p)}</p>" for p in paragraphs)
    # the middle of the article: a script that writes markup, as old CMS pages do
    middle = len(paragraphs) // 2
    before, after = "\n".join(body_text.splitlines()[:middle]), "\n".join(body_text.splitlines()[middle:])
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_e(title)}</title>
{og}
{date_meta}
{canonical}
<style type="text/css">
body {{ font-family: Arial, sans-serif; }}
.promo::before {{ content: "{third}"; }}
/* {fourth} */
</style>
<script>
var relatedNews = [
  {{"title": "{first}", "url": "/a/7001"}},
  {{"title": "Chip designer opens research centre in Nanshan", "url": "/a/7002"}}
];
var pageConfig = {{"channel": "business", "tags": ["cooperation", "5G"], "summary": "{fifth}"}};
</script>
</head>
<body>
<div class="top-nav"><a href="/">Home</a> <a href="/tech/">Tech</a> <a href="/business/">Business</a> <a href="/about/">About</a></div>
<div class="promo"></div>
<div class="post">
  <h1>{_e(headline)}</h1>
  {info}
  <div class="post-content">
{before}
    <script type="text/javascript">
    document.write('<p class="inline-ad">{second}</p>');
    </script>
{after}
  </div>
</div>
<template id="card"><div class="card"><p>{sixth}.</p></div></template>
<script type="text/template" id="tpl-related"><li><p>{first} in March.</p></li></script>
<script>
  (function() {{ var s = document.createElement("script"); s.src = "https://hm.baidu.com/hm.js?abc"; document.head.appendChild(s); }})();
</script>
</body>
</html>
"""
    return _Made(page, spec.url, "en")


# ---------------------------------------------------------------------------------------------- noscript

_NOSCRIPT_TEXTS = ("You need to enable JavaScript to run this site",
                   "Your browser does not support JavaScript! Some features of this page will not work")
_NOSCRIPT_MARKERS = (*_NOSCRIPT_TEXTS, "Laws and Regulations", "Living in Changzhou", "Big Data Hub",
                     "Glorious Guiyang", "All rights reserved", "ICP Record")


def _noscript_page(spec: _Spec, headline: str, paragraphs: tuple[str, ...]) -> _Made:
    menu = (("Home", "About Changzhou", "Government Bulletin", "Latest News", "Laws and Regulations",
             "Living in Changzhou", "Investment Guide") if spec.variant == 0 else
            ("Home", "Glorious Guiyang", "Big Data Hub", "Investment", "Culture", "Photos"))
    body_text = "\n".join(f"<p>{_e(p)}</p>" for p in paragraphs)
    byline = (f'<p class="byline">By Li Yang | chinadaily.com.cn | Updated: {spec.date}</p>' if spec.variant == 1
              else f'<div class="date">Date: {spec.date}</div>')
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(headline)} - {_e(spec.site)}</title>
<meta property="og:title" content="{_e(headline)}">
<meta property="og:site_name" content="{_e(spec.site)}">
<link rel="canonical" href="{spec.url}">
<meta name="publishdate" content="{spec.date}">
<noscript><style>.js-only {{ display: none; }}</style></noscript>
</head>
<body>
<noscript><div class="noscript-warning">{_NOSCRIPT_TEXTS[0]}.</div></noscript>
<noscript><img height="1" width="1" style="display:none" src="https://stat.example.gov.cn/pixel.gif?id=42" alt="tracker"></noscript>
<div class="nav"><ul>
{_links(menu)}
</ul></div>
<div class="content">
<h1>{_e(headline)}</h1>
{byline}
<noscript><p>{_NOSCRIPT_TEXTS[1]}.</p></noscript>
<div class="js-only"><a href="#" onclick="share()">Share</a></div>
{body_text}
</div>
<div class="footer">
<p>Sponsored by: General Office and Foreign Affairs Office of the Municipal People’s Government</p>
<p>All rights reserved. ICP Record No. 05003616</p>
</div>
</body>
</html>
"""
    return _Made(page, spec.url, "en")


_STYLES = {
    "gov": (_gov_page, _GOV_MARKERS),
    "news": (_news_page, _NEWS_MARKERS),
    "company": (_company_page, _COMPANY_MARKERS),
    "scripted": (_scripted_page, SCRIPT_TEXTS),
    "noscript": (_noscript_page, _NOSCRIPT_MARKERS),
}


def page_cases() -> list[PageCase]:
    """The pages, in SPECS order, each with what reading it must give.

    Raises ValueError where a chrome marker also occurs in the article (the test would then be wrong).
    """
    cases = []
    for spec in SPECS:
        headline, paragraphs = article_text(spec.article, spec.limit)
        make, markers = _STYLES[spec.style]
        made = make(spec, headline, paragraphs)
        for marker in markers:
            if any(marker in text for text in (headline, *paragraphs)):
                raise ValueError(f"{spec.article}: the chrome marker {marker!r} is in the article")
        cases.append(PageCase(name=f"{spec.style}_{spec.article}", style=spec.style,
                              data=made.page.encode(made.encoding, "xmlcharrefreplace"), headline=headline,
                              date=spec.date, url=made.url, site=spec.site, language=made.language,
                              paragraphs=paragraphs, absent=markers))
    return cases


def write_pages(folder: Path) -> list[PageCase]:
    """Write each page as <name>.html and what it must give as <name>.json into `folder` (made if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = page_cases()
    for case in cases:
        (folder / f"{case.name}.html").write_bytes(case.data)
        expected = {key: value for key, value in asdict(case).items() if key != "data"}
        (folder / f"{case.name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n",
                                                  encoding="utf-8")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="folder to write the pages into")
    for case in write_pages(parser.parse_args().folder):
        print(f"{case.style:<9} {case.name}.html  {len(case.data):,} bytes, {len(case.paragraphs)} paragraphs")


if __name__ == "__main__":
    main()
