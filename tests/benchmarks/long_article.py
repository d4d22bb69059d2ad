"""Time extraction per 1,000 words of one long article against the same text split into short ones.

    .venv/bin/python tests/benchmarks/long_article.py [--short 10] [--long 500] [--runs 5] [--no-memory]

The text is generated, deterministically, as a stream of paragraphs in the genre of the seeds (meetings,
visits, signings, investments, projects, events), each paragraph naming new people, companies, places and
amounts. Its first ~500 KB make one long article, and the same paragraphs make ~10 KB articles, each with
a headline and a date line like the long one. Every article is parsed once with newsgraph's pipeline;
then extraction alone (extract_doc: mentions, coreference and every rule) is timed on fresh copies of
the parses, the short articles and the long one in alternating order, several runs. Printed: the CPU time
per 1,000 words of each (median over runs) and the ratio long / short, per run and its median. Extraction
that indexes each document once costs the same per word at any length (a ratio near 1); a rule that scans
the whole document for each sentence makes the ratio grow with the article's length. Then one more run
of the long article and of one short one, under tracemalloc, gives the peak of the memory Python
allocates during extraction; last, the process's peak resident memory, the parses' included.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import resource
import statistics
import time
import tracemalloc

from spacy.tokens import Doc

from extract import DEFAULT_MODEL, ArticleText, extract_doc, load_nlp
from extract.model import Article
from extract.pipeline import parse_text
from extract.spacing import Squeezed

SURNAMES = ("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
            "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
            "Feng", "Deng")
SYLLABLES = ("jian", "wei", "ming", "hua", "qiang", "long", "fang", "lei", "jun", "yan", "xiao", "hong",
             "ping", "gang", "ling", "tao", "bo", "hui", "jie", "yu", "sheng", "kai", "rong", "xin", "zhi",
             "peng")
CITIES = {"Datong": "Shanxi", "Taiyuan": "Shanxi", "Chengdu": "Sichuan", "Guiyang": "Guizhou",
          "Jinhua": "Zhejiang", "Hefei": "Anhui", "Wuhu": "Anhui", "Lanzhou": "Gansu", "Nanning": "Guangxi",
          "Kunming": "Yunnan", "Harbin": "Heilongjiang", "Changsha": "Hunan", "Nanchang": "Jiangxi",
          "Fuzhou": "Fujian", "Yinchuan": "Ningxia", "Haikou": "Hainan", "Zhuhai": "Guangdong",
          "Yibin": "Sichuan"}
BRANDS = ("Huayun", "Zhongke", "Tianrui", "Xinda", "Jinpeng", "Ruijie", "Haiwei", "Lianchuang", "Dingxin",
          "Hengtong", "Baolong", "Guoxin", "Yida", "Kaiyuan", "Shengda", "Minghe", "Zhenhua", "Botai")
SECTORS = ("Cloud", "Data", "Energy", "Robotics", "Semiconductor", "Logistics", "New Materials", "Digital",
           "Battery", "Pharmaceutical")
COMPANY_FORMS = ("Co., Ltd.", "Group", "Technology Co., Ltd.", "Holdings")
PROJECT_KINDS = ("Industrial Park", "Data Center", "Innovation Base", "Logistics Hub", "Battery Plant")
EVENTS = ("Digital Economy Conference", "Investment Promotion Conference", "New Energy Expo",
          "Industrial Internet Summit")
CITY_TITLES = ("Secretary of the {city} Municipal Party Committee", "Mayor of {city}",
               "Deputy Mayor of {city}", "Director of the {city} Bureau of Commerce", "Vice Mayor of {city}")
COMPANY_TITLES = ("chairman of {company}", "general manager of {company}", "president of {company}",
                  "founder and CEO of {company}", "vice president of {company}")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


class _Writer:
    """Names for the paragraphs: every paragraph draws new people; companies and projects recur a while."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.paragraphs = 0

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)}"

    def company(self) -> str:
        rng = self.rng
        return f"{rng.choice(BRANDS)} {rng.choice(SECTORS)} {rng.choice(COMPANY_FORMS)}"

    def paragraph(self) -> str:
        """One paragraph: a meeting, a signing with its investment, a visit and an event, in one city."""
        rng = self.rng
        self.paragraphs += 1
        city = rng.choice(list(CITIES))
        province = CITIES[city]
        official, deputy, host = self.person(), self.person(), self.person()
        boss, manager = self.person(), self.person()
        company, partner = self.company(), self.company()
        brand = company.split()[0]
        project = f"{city} {brand} {rng.choice(PROJECT_KINDS)}"
        event = f"{2015 + self.paragraphs % 10} {city} {rng.choice(EVENTS)}"
        day = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}"
        amount = f"{rng.randint(2, 90) / 2:g} billion yuan"
        area = rng.randint(50, 900)
        official_title = rng.choice(CITY_TITLES).format(city=city)
        deputy_title = rng.choice(CITY_TITLES).format(city=city)
        boss_title = rng.choice(COMPANY_TITLES).format(company=company)
        manager_title = rng.choice(COMPANY_TITLES).format(company=partner)
        official_surname = official.split()[0]
        middle = [
            f"{company} signed a cooperation agreement with the {city} Municipal People's Government "
            f"to build the {project}, with a total investment of {amount}.",
            f"The {project}, located in the {city} High-tech Zone, covers an area of {area} mu.",
            f"{deputy}, {deputy_title}, and {manager}, {manager_title}, attended the signing ceremony.",
            rng.choice((f"{partner} will set up a subsidiary in {city}, and {host} of {partner} visited the "
                        f"project site.", f"{host}, {rng.choice(COMPANY_TITLES).format(company=partner)}, "
                        f"inspected the {city} High-tech Zone on {day}.")),
        ]
        rng.shuffle(middle)
        return " ".join([
            f"On {day}, {official}, {official_title}, {rng.choice(('met with', 'held talks with'))} {boss}, "
            f"{boss_title}, in {city}.",
            f"The two sides exchanged views on deepening cooperation in the "
            f"{rng.choice(SECTORS).lower()} industry.",
            f"{official_surname} said {city} welcomes {company} to expand its investment in {province}.",
            *middle,
            f"{official} also attended the {event}, which was held in {city}, {province} province.",
        ])


def paragraphs(size: int, seed: int = 7) -> list[str]:
    """The stream's first paragraphs, about `size` characters of them."""
    writer, found, length = _Writer(seed), [], 0
    while length < size:
        found.append(writer.paragraph())
        length += len(found[-1]) + 2
    return found


def article(number: int, body: list[str]) -> ArticleText:
    """An article of the paragraphs, after a headline and a date line."""
    city = list(CITIES)[number % len(CITIES)]
    text = "\n\n".join([f"{city} signs with investors on new projects", "2024-06-05 09:30", *body]) + "\n"
    name = f"generated-{number:04d}"
    meta = Article(id=name, path=f"{name}.txt", title=text.split("\n")[0], date="2024-06-05",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    return ArticleText(article=meta, text=text, body=text)


def split(body: list[str], size: int) -> list[ArticleText]:
    """The paragraphs in articles of about `size` characters each."""
    found: list[ArticleText] = []
    start = length = 0
    for end, paragraph in enumerate(body, 1):
        length += len(paragraph) + 2
        if length >= size or end == len(body):
            found.append(article(len(found), body[start:end]))
            start, length = end, 0
    return found


def extract_all(parses: list[tuple[Doc, ArticleText, Squeezed]]) -> tuple[float, int]:
    """CPU seconds of extract_doc over fresh copies of the parses, and the triples found."""
    fresh = [(doc.copy(), item, parsed) for doc, item, parsed in parses]
    start = time.process_time()
    triples = sum(len(extract_doc(doc, item, parsed).triples) for doc, item, parsed in fresh)
    return time.process_time() - start, triples


def peak_memory(doc: Doc, item: ArticleText, parsed: Squeezed) -> int:
    """The peak of the bytes Python allocates during one extraction (tracemalloc)."""
    fresh = doc.copy()
    tracemalloc.start()
    extract_doc(fresh, item, parsed)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", type=int, default=10, help="the short articles' size in KB")
    parser.add_argument("--long", type=int, default=500, help="the long article's size in KB")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    args = parser.parse_args()
    nlp = load_nlp(DEFAULT_MODEL)
    body = paragraphs(args.long * 1000)
    sets = {"short": split(body, args.short * 1000), "long": [article(0, body)]}
    words = {label: sum(len(item.body.split()) for item in items) for label, items in sets.items()}
    parses: dict[str, list[tuple[Doc, ArticleText, Squeezed]]] = {}
    for label, items in sets.items():
        start = time.process_time()
        parsed = [parse_text(item) for item in items]
        parses[label] = [(nlp(squeezed.text), item, squeezed) for item, squeezed in zip(items, parsed)]
        size = sum(len(item.text) for item in items) / len(items) / 1000
        print(f"{label:>5}: {len(items)} article(s) of {size:.0f} KB, {words[label]} words in all; "
              f"parsed in {time.process_time() - start:.1f} s CPU")
    extract_all(parses["short"][:1])  # the rules' patterns and caches made
    per_kword: dict[str, list[float]] = {"short": [], "long": []}  # ms CPU per 1,000 words, by run
    for run in range(args.runs):
        report = []
        for label in ["short", "long"] if run % 2 == 0 else ["long", "short"]:
            spent, triples = extract_all(parses[label])
            per_kword[label].append(spent / words[label] * 1e6)
            report.append(f"{label} {spent:.2f} s CPU ({triples} triples)")
        print(f"run {run + 1}: {', '.join(report)}")
    ratios = [whole / apart for apart, whole in zip(per_kword["short"], per_kword["long"])]
    short, long = (statistics.median(per_kword[label]) for label in ("short", "long"))
    print(f"extraction per 1,000 words, median of {args.runs} runs: short articles {short:.1f} ms CPU, "
          f"long article {long:.1f} ms CPU")
    print(f"ratio long / short, per 1,000 words: median {statistics.median(ratios):.2f} "
          f"(runs: {', '.join(f'{ratio:.2f}' for ratio in ratios)}; target <= 1.5)")
    if not args.no_memory:
        for label, which in (("short", "the longest short article"), ("long", "the long article")):
            peak = peak_memory(*max(parses[label], key=lambda parse: len(parse[0])))
            print(f"extraction peak memory (tracemalloc), {which}: {peak / 1e6:.1f} MB")
    print(f"process peak resident memory (the parses included): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000:.0f} MB")


if __name__ == "__main__":
    main()
