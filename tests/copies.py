"""Syndicated copies made from real article texts, for testing graph/stories.py.

    .venv/bin/python tests/copies.py           # lists every text: its id, what it copies and how
    .venv/bin/python tests/copies.py --table   # scores graph/stories.py on them at thresholds 0.2..0.9

The articles of tests/data/real/articles (real English news pages; line 1 the headline) are the originals.
For twenty of them, chosen to vary length (the shortest pages of the set among them), site and topic,
this module makes the copies another site would publish:

- "chrome": the story (headline and paragraphs) in another site's page: a provincial portal
  ("Source: China Daily | Editor: ..."), a news aggregator (byline, share links, a photo caption, "Read
  more" headlines) or a city site ("Previous:/Next:" headlines, "【Print】【Close】").
- "edit": the original text with one small edit: one sentence rewritten, a typo, the last paragraph
  dropped, or the line breaks changed.
- "both": a portal or city page around an edited text.

and pairs of different articles that must stay apart:

- "topic": two articles of one site or one topic: two signing ceremonies, two delegation visits, two
  meetings of one chamber of commerce, two CATL plants in one city, and the pairs of the set whose texts
  share most five-word phrases.
- "chrome": two different articles inside the very same page chrome (same site, same date, same related
  headlines), short articles and same-topic articles among them.

Every text has the stem of the article it comes from, so the truth is simple: two texts are one story
if and only if they have the same original. Nothing here is random: the choices come from a
random.Random seeded with the article's stem, so the same files give the same texts.
"""
from __future__ import annotations

import argparse
import random
import re
import textwrap
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path

from graph.stories import THRESHOLD, StoryIndex

ARTICLES = Path(__file__).resolve().parent / "data" / "real" / "articles"

# The articles copied: the three shortest pages of the set (94-115 words), China Daily texts already
# republished elsewhere (221, 319, 321), pages that keep their own site's chrome (315, 402), and the
# articles of the same-topic pairs below, so that each side of a pair also has copies.
COPIED = (
    "370_cr_power_gaoyao_pumped_storage",
    "369_sinopec_chongqing_framework",
    "226_baotou_cloud_computing_center",
    "221_harbin_cmgb",
    "319_huangpu_35_projects_break_ground",
    "321_guiyang_promotion_shenzhen_investors",
    "315_ningbo_delegation_visits_shaoxing",
    "402_baowu_sangang_fujian_steel",
    "209_dut_chengdu_framework_agreement",
    "236_volvo_chengdu_plant",
    "313_zhejiang_delegation_visits_anhui",
    "335_jingmen_scun_strategic_cooperation",
    "336_hongshan_district_scun_framework_agreement",
    "343_eu_chamber_guangzhou_vice_mayor",
    "344_eu_chamber_shenyang_mayor",
    "366_catl_yichun_production_base",
    "401_catl_yichun_lithium_plant",
    "212_liangjiang_wcifit_contracts",
    "409_chongqing_wcifit_84_projects_signed",
    "233_faw_changchun_agreement",
)

# Different articles with much in common, each with why it is a hard pair.
SAME_TOPIC = (
    ("209_dut_chengdu_framework_agreement", "236_volvo_chengdu_plant", "two Chengdu deals"),
    ("335_jingmen_scun_strategic_cooperation", "336_hongshan_district_scun_framework_agreement",
     "SCUN signs with two Hubei governments, same site"),
    ("343_eu_chamber_guangzhou_vice_mayor", "344_eu_chamber_shenyang_mayor",
     "EU Chamber meets two mayors, same site and template"),
    ("352_shaoqing_delegation_visits_hkgcc", "353_hkgcc_hainan_mission", "two HKGCC delegations, same site"),
    ("313_zhejiang_delegation_visits_anhui", "315_ningbo_delegation_visits_shaoxing",
     "two delegation visits"),
    ("313_zhejiang_delegation_visits_anhui", "324_zhejiang_delegation_sichuan_poverty",
     "two Zhejiang delegations"),
    ("310_zhengzhou_airport_zone_10_projects", "334_zhengzhou_airport_zone_project_signing",
     "two Zhengzhou Airport Zone ceremonies"),
    ("339_gong_zheng_visits_zizhu_park", "340_zizhu_park_framework_agreement_minhang",
     "two Zizhu park events"),
    ("366_catl_yichun_production_base", "401_catl_yichun_lithium_plant", "two CATL plants in Yichun"),
    ("362_catl_xiamen_battery_plant", "378_catl_luoyang_zhongzhou_base", "two CATL groundbreakings"),
    ("212_liangjiang_wcifit_contracts", "409_chongqing_wcifit_84_projects_signed", "two WCIFIT signings"),
    ("233_faw_changchun_agreement", "304_faw_changchun_automobile_city", "two FAW-Changchun agreements"),
    ("233_faw_changchun_agreement", "305_changchun_auto_clusters_sister_cities",
     "most shared 5-grams of the set"),
    ("365_china_south_chongqing_agreement", "376_guoneng_huozhou_pv_phase2", "2nd most shared 5-grams"),
    ("302_dalian_ftz_promotion_conference", "376_guoneng_huozhou_pv_phase2", "3rd most shared 5-grams"),
    ("392_minmetals_guo_wenqing_meets_lian_maojun", "393_binhai_cloud_signing_80_projects",
     "two Binhai pages"),
    ("371_chongqing_leaders_meet_sany", "372_shaanxi_governor_meets_weichai", "two leaders meet chairmen"),
    ("398_byd_hefei_new_firm", "399_hefei_nev_production_soars", "two Hefei NEV pages"),
)

# Different articles put inside the same page: the shortest ones (where chrome weighs most) and
# same-topic pairs.
SAME_CHROME = (
    ("370_cr_power_gaoyao_pumped_storage", "369_sinopec_chongqing_framework", "portal"),
    ("226_baotou_cloud_computing_center", "401_catl_yichun_lithium_plant", "aggregator"),
    ("370_cr_power_gaoyao_pumped_storage", "226_baotou_cloud_computing_center", "city"),
    ("335_jingmen_scun_strategic_cooperation", "336_hongshan_district_scun_framework_agreement", "portal"),
    ("343_eu_chamber_guangzhou_vice_mayor", "344_eu_chamber_shenyang_mayor", "city"),
    ("366_catl_yichun_production_base", "401_catl_yichun_lithium_plant", "aggregator"),
    ("209_dut_chengdu_framework_agreement", "236_volvo_chengdu_plant", "portal"),
)

EDITS = ("sentence", "typo", "last", "breaks")
CHROMES = ("portal", "aggregator", "city")


@dataclass(frozen=True)
class Text:
    """One text of the test corpus: an original article, or a copy of one."""

    id: str  # the article file's stem for an original; "<stem>~<how>" for a copy
    original: str  # the stem of the article it is a copy of (its own stem for an original)
    how: str  # "original", "chrome-<style>", "edit-<edit>", "both-<style>-<edit>", "same-chrome-<style>"
    text: str


@dataclass(frozen=True)
class Apart:
    """Two texts of different articles that must not be one story."""

    first: str  # a Text id
    second: str
    kind: str  # "topic" or "chrome"
    reason: str


@cache
def original(stem: str) -> str:
    """The text of a real article file."""
    return (ARTICLES / f"{stem}.txt").read_text(encoding="utf-8")


def headline(text: str) -> str:
    """The first line."""
    return text.lstrip().splitlines()[0].strip()


def paragraphs(text: str) -> list[str]:
    """The story's paragraphs: the lines of at least 12 words (the page's short lines, its navigation,
    bylines, dates and labels, are left behind when another site copies the story)."""
    return [" ".join(line.split()) for line in text.splitlines()[1:] if len(line.split()) >= 12]


def _story(stem: str) -> str:
    """Headline and paragraphs, as a site that republishes the story stores them."""
    text = original(stem)
    return "\n".join([headline(text), *paragraphs(text)])


# Page chrome. {h1}..{h3} are other articles' headlines ("Related news"); the rest is made up per page.
_PORTAL = """\
中文 | English | Mobile
Home | News | Government | Investment | Culture | Travel | Services | Contact
You are here: Home > News > Local News
{headline}
Updated: {date} {time} | Source: China Daily | Editor: {editor}
Font size: [Large] [Medium] [Small]
{body}
Print | Close | Share to: WeChat Weibo
Related News
{h1}
{h2}
{h3}
Copyright © {year} The People's Government of {province} Province. All Rights Reserved.
ICP No. {icp} | Contact Us | Site Map | Disclaimer
"""

_AGGREGATOR = """\
{site} - Business - China - Local News
{headline}
By {reporter} | {site} | Updated: {date} {time}
Share: Facebook Twitter LinkedIn Email WhatsApp
{caption} [Photo/{site}]
{body}
Read more:
{h1}
{h2}
Most popular: {h3}
Subscribe to our newsletter to get the day's top stories.
"""

_CITY = """\
Welcome to {province} | 中文 | Search
Home > News Center > City News
{date}  Source: {site}  Author: {reporter}  Editor: {editor}  [Large] [Medium] [Small]
{body}
Editor: {editor}
【Print】【Close】
Previous: {h1}
Next: {h2}
"""

_TEMPLATES = {"portal": _PORTAL, "aggregator": _AGGREGATOR, "city": _CITY}
_NAMES = ("Wang Xiaoyu", "Li Na", "Zhang Wei", "Liu Yang", "Chen Jing", "Yang Fan", "Zhao Lei", "Huang Min")
_PROVINCES = ("Sichuan", "Hubei", "Guangdong", "Zhejiang", "Shandong", "Henan", "Jiangxi", "Hunan")
_SITES = ("chinadaily.com.cn", "ecns.cn", "newsgd.com", "en.imsilkroad.com", "english.news.cn")
_CAPTIONS = (
    "Guests attend the signing ceremony.",
    "An aerial view of the industrial park.",
    "Officials and executives pose for a group photo after the meeting.",
    "Workers at the construction site of the project.",
)


@cache
def _headlines() -> list[str]:
    """The set's headlines, for "Related news" (its first lines of at most 20 words: some pages have
    no headline and open with a paragraph)."""
    lines = (headline(original(path.stem)) for path in sorted(ARTICLES.glob("*.txt")))
    return [line for line in lines if len(line.split()) <= 20]


def page(body: str, style: str, seed: str) -> str:
    """`body` inside the chrome of a page of `style`, the chrome's details chosen by `seed`."""
    rng = random.Random(f"{style}:{seed}")
    h1, h2, h3 = rng.sample(_headlines(), 3)
    year = rng.randrange(2012, 2025)
    return _TEMPLATES[style].format(
        headline=headline(body), body=body, h1=h1, h2=h2, h3=h3, year=year,
        date=f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
        time=f"{rng.randrange(7, 23):02d}:{rng.randrange(60):02d}",
        editor=rng.choice(_NAMES), reporter=rng.choice(_NAMES), province=rng.choice(_PROVINCES),
        site=rng.choice(_SITES), caption=rng.choice(_CAPTIONS), icp=rng.randrange(10**7, 10**8))


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _prose(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if i > 0 and len(line.split()) >= 12]


def rewrite_sentence(text: str, seed: str) -> str:
    """One sentence of the middle paragraph rewritten: its words in another order, so that, as in a
    rewrite, none of its five-word phrases is kept (and none is shared with another article's copy)."""
    lines = text.splitlines()
    i = (prose := _prose(lines))[len(prose) // 2]
    sentences = _SENTENCE.split(lines[i])
    words = sentences[len(sentences) // 2].split()
    random.Random(seed).shuffle(words)
    sentences[len(sentences) // 2] = " ".join(words)
    lines[i] = " ".join(sentences)
    return "\n".join(lines)


def typo(text: str) -> str:
    """Two letters of one long word of the middle paragraph swapped (or swapped back: a typo fixed)."""
    lines = text.splitlines()
    i = (prose := _prose(lines))[len(prose) // 2]
    words = lines[i].split(" ")
    j = next(j for j in range(len(words) // 2, len(words)) if words[j].isalpha() and len(words[j]) >= 6)
    word = words[j]
    words[j] = word[:2] + word[3] + word[2] + word[4:]
    lines[i] = " ".join(words)
    return "\n".join(lines)


def drop_last(text: str) -> str:
    """The text without its last paragraph (the page's own lines after it kept)."""
    lines = text.splitlines()
    del lines[_prose(lines)[-1]]
    return "\n".join(lines)


def rebreak(text: str) -> str:
    """The line breaks changed: every paragraph wrapped at 60 characters, a blank line between."""
    return "\n\n".join(textwrap.fill(line, 60) for line in text.splitlines() if line.strip())


def edited(text: str, edit: str, seed: str) -> str:
    """`text` with one of the EDITS made."""
    if edit == "sentence":
        return rewrite_sentence(text, seed)
    return {"typo": typo, "last": drop_last, "breaks": rebreak}[edit](text)


def _copies(stem: str) -> list[Text]:
    text, story = original(stem), _story(stem)
    made = [Text(f"{stem}~chrome-{style}", stem, f"chrome-{style}", page(story, style, stem))
            for style in CHROMES]
    made += [Text(f"{stem}~edit-{edit}", stem, f"edit-{edit}", edited(text, edit, stem)) for edit in EDITS]
    rng = random.Random(f"both:{stem}")
    for style in ("portal", "city"):
        edit = rng.choice(EDITS)
        made.append(Text(f"{stem}~both-{style}-{edit}", stem, f"both-{style}-{edit}",
                         page(edited(story, edit, stem), style, f"both:{stem}")))
    return made


def _same_chrome(first: str, second: str, style: str) -> tuple[Text, Text]:
    seed = f"{first}+{second}"  # one seed: the same date, names and related headlines around both
    a, b = (Text(f"{stem}~same-{style}-as-{other[:3]}", stem, f"same-chrome-{style}",
                 page(_story(stem), style, seed)) for stem, other in ((first, second), (second, first)))
    return a, b


@cache
def corpus() -> tuple[Text, ...]:
    """Every original of the real set, the copies of the COPIED ones, and the SAME_CHROME pages."""
    texts = [Text(path.stem, path.stem, "original", original(path.stem))
             for path in sorted(ARTICLES.glob("*.txt"))]
    for stem in COPIED:
        texts += _copies(stem)
    for first, second, style in SAME_CHROME:
        texts += _same_chrome(first, second, style)
    return tuple(texts)


@cache
def apart() -> tuple[Apart, ...]:
    """The hard pairs of different articles: SAME_TOPIC originals and SAME_CHROME pages."""
    pairs = [Apart(first, second, "topic", reason) for first, second, reason in SAME_TOPIC]
    for first, second, style in SAME_CHROME:
        a, b = _same_chrome(first, second, style)
        pairs.append(Apart(a.id, b.id, "chrome", f"same {style} chrome"))
    return tuple(pairs)


@dataclass(frozen=True)
class Score:
    """How graph/stories.py does on the corpus at one threshold."""

    threshold: float
    found: int  # copies in the story of their original
    direct: int  # of those, copies whose own pair with the original was confirmed (not through another copy)
    missed: int  # copies in another story than their original's
    wrong: int  # pairs of texts of different articles in one story
    real: int  # pairs of the real set's originals found to be copies of each other


def score(threshold: float) -> Score:
    """Run StoryIndex over the corpus at `threshold` and count what it gets right and wrong."""
    index = StoryIndex(threshold=threshold)
    texts = corpus()
    for item in texts:
        index.add(item.id, item.text)
    story = index.stories()
    pairs = {(pair.first, pair.second) for pair in index.duplicates()}
    made = [item for item in texts if item.how != "original"]
    found = [item for item in made if story[item.id] == story[item.original]]
    members: dict[str, list[Text]] = {}
    for item in texts:
        members.setdefault(story[item.id], []).append(item)
    wrong = sum(1 for group in members.values()
                for a, b in combinations(group, 2) if a.original != b.original)
    originals = {item.id for item in texts if item.how == "original"}
    return Score(threshold, len(found),
                 sum(1 for item in found if tuple(sorted((item.id, item.original))) in pairs),
                 len(made) - len(found), wrong,
                 sum(1 for first, second in pairs if first in originals and second in originals))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="store_true", help="score graph/stories.py at thresholds 0.2..0.9")
    if parser.parse_args().table:
        print("threshold  found (direct)  missed  wrongly folded  real-set pairs")
        for threshold in (0.2, 0.25, 0.3, THRESHOLD, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9):
            row = score(threshold)
            print(f"{row.threshold:9.2f}  {row.found:5d} ({row.direct:3d})  {row.missed:6d}  "
                  f"{row.wrong:14d}  {row.real:14d}")
    else:
        for item in corpus():
            print(f"{item.id}\t{item.how}\t{len(item.text.split())} words")
