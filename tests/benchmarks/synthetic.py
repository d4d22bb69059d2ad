"""Large synthetic extractions for the benchmarks: many articles whose people and companies recur.

The graph stage and everything after it only see Extraction records, so benchmarks of merging, RDF,
queries and the viewer can run at any scale without parsing text. Names are drawn with a skew
(a few entities appear in many articles, most in few), as in a real news corpus. Deterministic.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

from extract.model import Article, Entity, Extraction, Triple

SURNAMES = ("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
            "Hu", "Guo", "He", "Lin", "Gao", "Luo")
SYLLABLES = ("jian", "wei", "ming", "hua", "qiang", "long", "fang", "lei", "jun", "yan", "xiao", "hong", "ping",
             "gang", "ling", "tao", "bo", "hui", "jie", "yu")
CITIES = ("Datong", "Taiyuan", "Chengdu", "Guiyang", "Jinhua", "Hefei", "Wuhu", "Xi'an", "Lanzhou", "Nanning",
          "Kunming", "Harbin", "Changsha", "Nanchang", "Fuzhou", "Hohhot", "Yinchuan", "Xining", "Haikou", "Zhuhai")
PROVINCES = ("Shanxi", "Sichuan", "Guizhou", "Zhejiang", "Anhui", "Shaanxi", "Gansu", "Guangxi", "Yunnan",
             "Heilongjiang", "Hunan", "Jiangxi", "Fujian", "Inner Mongolia", "Ningxia", "Qinghai", "Hainan",
             "Guangdong")
BRANDS = ("Huayun", "Zhongke", "Tianrui", "Xinda", "Jinpeng", "Ruijie", "Haiwei", "Lianchuang", "Dingxin",
          "Hengtong", "Baolong", "Guoxin", "Yida", "Kaiyuan", "Shengda")
SECTORS = ("Cloud", "Data", "Energy", "Robotics", "Semiconductor", "Logistics", "New Materials", "Digital")
COMPANY_FORMS = ("Co., Ltd.", "Group", "Technology Co., Ltd.", "Holdings")
BODIES = ("Municipal Party Committee", "Municipal People's Government", "Development and Reform Commission",
          "Bureau of Commerce", "High-tech Zone Management Committee")
PROJECT_KINDS = ("Industrial Park", "Data Center", "Innovation Base", "Science City", "Logistics Hub")
ROLES = {"GovernmentBody": ("Secretary", "Deputy Secretary", "Director", "member of the Standing Committee"),
         "Company": ("chairman", "CEO", "founder and CEO", "vice president", "general manager"),
         "Place": ("mayor", "deputy mayor", "executive deputy mayor")}


def _skewed(rng: random.Random, pool: list[str]) -> str:
    """Pick from the pool with a heavy head: low indexes far more often than high ones."""
    return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]


class _Names:
    def __init__(self, rng: random.Random, size: int) -> None:
        self.people = [f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)}"
                       for _ in range(size)]
        self.companies = [f"{rng.choice(BRANDS)} {rng.choice(SECTORS)} {rng.choice(COMPANY_FORMS)}"
                          for _ in range(size // 2)]
        self.places = list(CITIES) + list(PROVINCES)
        self.bodies = [f"{city} {body}" for city in CITIES for body in BODIES]
        self.projects = [f"{rng.choice(CITIES)} {rng.choice(BRANDS)} {rng.choice(PROJECT_KINDS)}"
                         for _ in range(size // 2)]


def synthetic_extractions(articles: int, *, entities: int = 20_000, seed: int = 42) -> Iterator[Extraction]:
    """Yield `articles` extractions over a pool of about `entities` distinct names."""
    rng = random.Random(seed)
    names = _Names(rng, entities)
    for number in range(articles):
        article_id = f"synthetic-{number:07d}"
        date = f"20{rng.randint(14, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        people = [_skewed(rng, names.people) for _ in range(3)]
        company, company2 = _skewed(rng, names.companies), _skewed(rng, names.companies)
        city = rng.choice(CITIES)
        body = f"{city} {rng.choice(BODIES)}"
        project = _skewed(rng, names.projects)
        facts = [
            (people[0], "Person", "holds_position", body, "GovernmentBody", rng.choice(ROLES["GovernmentBody"])),
            (people[1], "Person", "holds_position", company, "Company", rng.choice(ROLES["Company"])),
            (people[2], "Person", "holds_position", city, "Place", rng.choice(ROLES["Place"])),
            (people[0], "Person", "met_with", people[1], "Person", None),
            (people[0], "Person", "visited", company, "Company", None),
            (body, "GovernmentBody", "signed_agreement_with", company, "Company", None),
            (company, "Company", "develops", project, "Project", None),
            (project, "Project", "located_in", city, "Place", None),
            (company2, "Company", "invests_in", project, "Project", None),
            (project, "Project", "has_value", f"{rng.randint(1, 900)} million yuan", "Amount", None),
        ]
        triples, offset = [], 0
        for subject, s_type, predicate, obj, o_type, role in facts:
            sentence = f"{subject} {predicate.replace('_', ' ')} {obj}" + (f" as {role}." if role else ".")
            triples.append(Triple(article=article_id, subject=subject, subject_type=s_type, predicate=predicate,
                                  object=obj, object_type=o_type, role=role, evidence=sentence, start=offset,
                                  end=offset + len(sentence), confidence=0.8, date=date, rule="synthetic"))
            offset += len(sentence) + 1
        kinds = {s: t for s, t, *_ in facts} | {o: t for _, _, _, o, t, _ in facts if t != "Amount"}
        yield Extraction(
            article=Article(article_id, f"synthetic/{article_id}.txt", f"Synthetic article {number}", date,
                            f"{number:064x}"),
            entities=tuple(Entity(name, kind) for name, kind in sorted(kinds.items())),
            triples=tuple(triples),
        )
