"""Entity resolution across articles, on hand-made extractions (no model): what merges, what stays apart."""
from __future__ import annotations

import doctest
import importlib
import random

import networkx as nx
import pytest

from extract.model import Article, Entity, Extraction, Triple
from graph import build_graph, entity_id
from graph.aliases import parse_aliases
from graph.names import clean_name, core_key, exact_key, is_relative

Fact = tuple  # (subject, subject type, predicate, object, object type[, role])


def article(article_id: str, *facts: Fact, entities: tuple[Entity, ...] = (), date: str | None = "2022-05-01",
            title: str = "") -> Extraction:
    """An extraction of one article whose sentences state the facts, one sentence each."""
    triples, offset = [], 0
    for subject, s_type, predicate, obj, o_type, *role in facts:
        sentence = f"{subject} {predicate.replace('_', ' ')} {obj}" + (f" as {role[0]}." if role else ".")
        triples.append(Triple(article=article_id, subject=subject, subject_type=s_type, predicate=predicate,
                              object=obj, object_type=o_type, role=role[0] if role else None, evidence=sentence,
                              start=offset, end=offset + len(sentence), confidence=0.8, date=date, rule="test"))
        offset += len(sentence) + 1
    return Extraction(article=Article(article_id, f"articles/{article_id}.txt", title or f"Article {article_id}",
                                      date, article_id.encode().hex().ljust(64, "0")[:64]),
                      entities=entities, triples=tuple(triples))


def nodes_named(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """The nodes that carry `name` as label or alias."""
    return sorted(node for node, data in graph.nodes(data=True) if name == data["label"] or name in data["aliases"])


def edge_ends(graph: nx.MultiDiGraph, predicate: str) -> set[tuple[str, str]]:
    return {(s, o) for s, o, p in graph.edges(data="predicate") if p == predicate}


# ---- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "entity_type", "expected"), [
    ("Alibaba (China) Co., Ltd.", "Company", "alibaba"),
    ("Chindata Group", "Company", "chindata"),
    ("Huawei Technologies Co., Ltd.", "Company", "huawei technologies"),
    ("State Grid Datong Power Supply Company", "Company", "state grid datong power supply"),
    ("Datong City", "Place", "datong"),
    ("Shanxi Province", "Place", "shanxi"),
    ("Jinyuan District", "Place", "jinyuan district"),
    ("Chengdu High-tech Zone", "GovernmentBody", "chengdu high tech zone"),
])
def test_core_key_drops_only_words_that_say_what_kind_of_thing(name: str, entity_type: str, expected: str) -> None:
    assert core_key(name, entity_type) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Secretary Chen", "Chen"), ("President Xi Jinping", "Xi Jinping"), ("Mr. Alex Ju", "Alex Ju"),
    ("Executive Deputy Mayor Zhang Qiang", "Zhang Qiang"), ("Chen Long", "Chen Long"), ("Mayor", "Mayor"),
])
def test_titles_are_not_part_of_a_persons_name(name: str, expected: str) -> None:
    assert clean_name(name, "Person") == expected


def test_spellings_of_one_person_name_share_a_key() -> None:
    assert exact_key("Zhang Ji-fu", "Person") == exact_key("ZHANG Jifu", "Person") == exact_key("Zhāng Jìfū", "Person")
    assert exact_key("Zhang Jifu", "Person") != exact_key("Zhang Qiang", "Person")


@pytest.mark.parametrize(("name", "relative"), [
    ("the Municipal Party Committee", True), ("Standing Committee of the Provincial Party Committee", True),
    ("Municipal Development and Reform Commission", True), ("County Government", True),
    ("Jinhua Municipal Party Committee", False), ("Standing Committee of the Jinhua Municipal Party Committee", False),
    ("State Council", False),
])
def test_names_relative_to_the_articles_place(name: str, relative: bool) -> None:
    assert is_relative(name, "GovernmentBody") is relative


# ---- the same entity across articles is one node -------------------------------------------------

def test_a_companys_legal_name_and_short_name_are_one_node() -> None:
    graph = build_graph([
        article("a1", ("Alibaba (China) Co., Ltd.", "Company", "signed_agreement_with", "Chengdu High-tech Zone",
                       "GovernmentBody")),
        article("a2", ("Alibaba", "Company", "invests_in", "Chengdu", "Place")),
    ])
    [node] = nodes_named(graph, "Alibaba")
    assert node == "company/alibaba-china-co-ltd"
    assert graph.nodes[node]["label"] == "Alibaba (China) Co., Ltd."
    assert graph.nodes[node]["aliases"] == ["Alibaba"]
    assert graph.nodes[node]["articles"] == ["a1", "a2"]
    assert {s for s, _ in edge_ends(graph, "invests_in")} == {node}


def test_chindata_group_and_chindata_are_one_company_named_as_most_articles_name_it() -> None:
    graph = build_graph([
        article("a1", ("Alex Ju", "Person", "holds_position", "Chindata Group", "Company", "founder and CEO")),
        article("a2", ("Chindata", "Company", "develops", "Chindata Datong Campus", "Project")),
        article("a3", ("Chindata", "Company", "invests_in", "Datong", "Place")),
    ])
    assert nodes_named(graph, "Chindata Group") == nodes_named(graph, "Chindata") == ["company/chindata"]
    assert graph.nodes["company/chindata"]["articles"] == ["a1", "a2", "a3"]


def test_a_body_named_with_and_without_the_is_one_node() -> None:
    graph = build_graph([
        article("a1", ("Chen Long", "Person", "holds_position", "the Jinhua Municipal Party Committee",
                       "GovernmentBody", "Secretary")),
        article("a2", ("Lin Xiaofeng", "Person", "holds_position", "Jinhua Municipal Party Committee",
                       "GovernmentBody", "member of the Standing Committee")),
    ])
    node = "governmentbody/jinhua-municipal-party-committee"
    assert nodes_named(graph, "Jinhua Municipal Party Committee") == [node]
    assert graph.nodes[node]["articles"] == ["a1", "a2"]
    assert {o for _, o in edge_ends(graph, "holds_position")} == {node}


def test_a_city_with_and_without_city_is_one_place() -> None:
    graph = build_graph([
        article("a1", ("Chindata", "Company", "invests_in", "Datong City", "Place")),
        article("a2", ("Wang Kai", "Person", "holds_position", "Datong", "Place", "deputy mayor")),
    ])
    assert nodes_named(graph, "Datong") == nodes_named(graph, "Datong City") == ["place/datong-city"]


def test_a_spelling_slip_in_a_long_word_is_the_same_name() -> None:
    graph = build_graph([
        article("a1", ("Chindata", "Company", "develops",
                       "Chindata Information Technology Industrial Campus", "Project")),
        article("a2", ("Chindata", "Company", "invests_in",
                       "Chindata Information Techonology Industrial Campus", "Project")),
    ])
    [project] = [node for node, kind in graph.nodes(data="type") if kind == "Project"]
    names = {graph.nodes[project]["label"], *graph.nodes[project]["aliases"]}
    assert names == {"Chindata Information Technology Industrial Campus",
                     "Chindata Information Techonology Industrial Campus"}
    assert graph.nodes[project]["articles"] == ["a1", "a2"]


def test_names_that_differ_in_a_place_word_stay_apart() -> None:
    graph = build_graph([
        article("a1", ("Zhengzhou Airport Logistics Hub", "Project", "located_in", "Zhengzhou", "Place")),
        article("a2", ("Zhengzhou Airport Logistics Hub", "Project", "located_in", "Henan", "Place")),
        article("a3", ("Fujian Zhangzhou Logistics Hub", "Project", "located_in", "Zhangzhou", "Place"),
                ("Fujian Zhengzhou Logistics Hub", "Project", "located_in", "Fujian", "Place")),
    ])
    assert len(nodes_named(graph, "Zhengzhou Airport Logistics Hub")) == 1
    assert len(nodes_named(graph, "Fujian Zhangzhou Logistics Hub") + nodes_named(graph, "Fujian Zhengzhou Logistics Hub")) == 2


# ---- people: surnames and titles inside their article; full names across articles ---------------

def test_a_surname_alone_is_the_one_person_of_its_article_with_that_surname() -> None:
    graph = build_graph([
        article("a1", ("Zhang Jifu", "Person", "holds_position", "Datong Municipal Party Committee",
                       "GovernmentBody", "Secretary"),
                ("Zhang", "Person", "met_with", "Alex Ju", "Person")),
        article("a2", ("Secretary Chen", "Person", "visited", "Tencent Co., Ltd.", "Company"),
                entities=(Entity("Chen Long", "Person"),)),
    ])
    assert edge_ends(graph, "met_with") == {("person/alex-ju", "person/zhang-jifu")}
    assert edge_ends(graph, "visited") == {("person/chen-long", "company/tencent-co-ltd")}
    assert graph.nodes["person/zhang-jifu"]["aliases"] == ["Zhang"]
    assert graph.nodes["person/chen-long"]["aliases"] == ["Chen"]


def test_people_who_share_a_surname_stay_apart() -> None:
    graph = build_graph([
        article("a1", ("Zhang Jifu", "Person", "met_with", "Alex Ju", "Person"),
                ("Zhang", "Person", "visited", "Datong", "Place")),
        article("a2", ("Zhang Qiang", "Person", "holds_position", "Datong", "Place", "executive deputy mayor"),
                ("Zhang", "Person", "visited", "Lingqiu County", "Place")),
    ])
    assert nodes_named(graph, "Zhang") == ["person/zhang-jifu", "person/zhang-qiang"]
    assert ("person/zhang-jifu", "place/datong") in edge_ends(graph, "visited")
    assert ("person/zhang-qiang", "place/lingqiu-county") in edge_ends(graph, "visited")
    assert "person/zhang" not in graph


def test_a_surname_two_people_of_the_article_share_stays_in_that_article() -> None:
    both = article("a1", ("Zhang Jifu", "Person", "met_with", "Alex Ju", "Person"),
                   ("Zhang Qiang", "Person", "holds_position", "Datong", "Place", "executive deputy mayor"),
                   ("Zhang", "Person", "visited", "Lingqiu County", "Place"))
    other = article("a2", ("Zhang", "Person", "visited", "Datong", "Place"))
    graph = build_graph([both, other])
    assert nodes_named(graph, "Zhang") == ["person/zhang--a1", "person/zhang--a2"]
    assert edge_ends(graph, "visited") == {("person/zhang--a1", "place/lingqiu-county"),
                                           ("person/zhang--a2", "place/datong")}


def test_a_body_named_relative_to_the_articles_city_is_not_merged_across_articles() -> None:
    graph = build_graph([
        article("a1", ("Xue Mingyao", "Person", "holds_position", "Municipal Party Committee", "GovernmentBody",
                       "member of the Standing Committee"),
                entities=(Entity("Datong Municipal Party Committee", "GovernmentBody",
                                 ("Municipal Party Committee",)),)),
        article("a2", ("Lin Xiaofeng", "Person", "holds_position", "the Municipal Party Committee",
                       "GovernmentBody", "member of the Standing Committee")),
    ])
    assert nodes_named(graph, "Municipal Party Committee") == [
        "governmentbody/datong-municipal-party-committee", "governmentbody/municipal-party-committee--a2"]
    assert edge_ends(graph, "holds_position") == {
        ("person/xue-mingyao", "governmentbody/datong-municipal-party-committee"),
        ("person/lin-xiaofeng", "governmentbody/municipal-party-committee--a2")}


def test_a_one_word_company_name_is_the_one_company_of_its_article_that_starts_with_it() -> None:
    graph = build_graph([article(
        "a1", ("Zhou Jian", "Person", "holds_position", "Ubtech Robotics Co., Ltd.", "Company", "chairman"),
        ("Ubtech", "Company", "cooperates_with", "Jinhua", "Place"),
        ("Alibaba", "Company", "invests_in", "Jinhua", "Place"),
        ("Alibaba Cloud", "Company", "develops", "Jinhua Data Center", "Project"),
        ("Alibaba Health", "Company", "develops", "Jinhua Clinic", "Project"))])
    assert graph.nodes["company/ubtech-robotics-co-ltd"]["aliases"] == ["Ubtech"]
    assert len(nodes_named(graph, "Alibaba")) == 1 and nodes_named(graph, "Alibaba") != nodes_named(
        graph, "Alibaba Cloud")


def test_every_name_form_is_kept_as_an_alias() -> None:
    graph = build_graph([
        article("a1", ("Zhang Jifu", "Person", "met_with", "Alex Ju", "Person"),
                entities=(Entity("Zhang Jifu", "Person", ("Zhang", "Secretary Zhang Jifu")),)),
        article("a2", ("Zhang Ji-fu", "Person", "visited", "Datong", "Place")),
        article("a3", ("Zhang Jifu", "Person", "visited", "Lingqiu County", "Place")),
    ])
    assert graph.nodes["person/zhang-jifu"]["label"] == "Zhang Jifu"
    assert graph.nodes["person/zhang-jifu"]["aliases"] == ["Zhang", "Zhang Ji-fu"]
    assert graph.nodes["person/zhang-jifu"]["articles"] == ["a1", "a2", "a3"]


def test_a_triple_that_resolution_turns_into_a_self_loop_is_dropped() -> None:
    graph = build_graph([article("a1", ("Alibaba", "Company", "cooperates_with", "Alibaba Group", "Company"))])
    assert graph.number_of_nodes() == 1 and graph.number_of_edges() == 0


# ---- the user's aliases file ---------------------------------------------------------------------

ALIBABA = [
    article("a1", ("Alibaba (China) Co., Ltd.", "Company", "signed_agreement_with", "Chengdu", "Place")),
    article("a2", ("Zhou Ming", "Person", "holds_position", "Alibaba Group", "Company", "vice president")),
]


def test_not_same_as_keeps_apart_what_the_names_would_merge() -> None:
    assert len(nodes_named(build_graph(ALIBABA), "Alibaba Group")) == 1
    assert nodes_named(build_graph(ALIBABA), "Alibaba Group") == nodes_named(build_graph(ALIBABA),
                                                                              "Alibaba (China) Co., Ltd.")
    aliases = parse_aliases('type,name,relation,other\nCompany,"Alibaba (China) Co., Ltd.",not_same_as,'
                            'Alibaba Group\n', "aliases.csv")
    graph = build_graph(ALIBABA, aliases=aliases)
    assert nodes_named(graph, "Alibaba Group") == ["company/alibaba-group"]
    assert nodes_named(graph, "Alibaba (China) Co., Ltd.") == ["company/alibaba-china-co-ltd"]


def test_not_same_as_wins_over_a_name_both_articles_share() -> None:
    extractions = [*ALIBABA, article("a3", ("Alibaba", "Company", "invests_in", "Chengdu", "Place"))]
    aliases = parse_aliases('type,name,relation,other\nCompany,"Alibaba (China) Co., Ltd.",not_same_as,'
                            'Alibaba Group\n', "aliases.csv")
    graph = build_graph(extractions, aliases=aliases)
    assert len(nodes_named(graph, "Alibaba Group") + nodes_named(graph, "Alibaba (China) Co., Ltd.")) == 2
    assert len(nodes_named(graph, "Alibaba")) == 1


def test_same_as_merges_what_the_names_keep_apart() -> None:
    extractions = [article("a1", ("Datong Daily", "Organization", "located_in", "Datong", "Place")),
                   article("a2", ("Datong Ribao", "Organization", "located_in", "Datong", "Place"))]
    assert len(build_graph(extractions)) == 3
    aliases = parse_aliases("type,name,relation,other\nOrganization,Datong Ribao,same_as,Datong Daily\n", "a.csv")
    graph = build_graph(extractions, aliases=aliases)
    assert nodes_named(graph, "Datong Ribao") == nodes_named(graph, "Datong Daily")
    assert len(graph) == 2


# ---- ids and order -------------------------------------------------------------------------------

def test_an_id_follows_from_the_type_and_canonical_name() -> None:
    assert entity_id("Person", "Zhang Jifu") == "person/zhang-jifu"
    assert entity_id("Company", "Alibaba (China) Co., Ltd.") == "company/alibaba-china-co-ltd"
    assert entity_id("Person", "Zhang", scope="000_86024d371d842b7a") == "person/zhang--000-86024d371d842b7a"


def test_two_entities_whose_names_give_one_slug_get_distinct_ids() -> None:
    graph = build_graph([article("a1", ("Wang Wei", "Person", "met_with", "Wang Wei 王伟", "Person"))])
    ids = sorted(graph.nodes)
    assert len(ids) == 2 and ids[0] != ids[1]
    assert all(node.startswith("person/wang-wei-") for node in ids)


def test_the_same_articles_in_any_order_give_the_same_graph() -> None:
    extractions = [
        *ALIBABA,
        article("a3", ("Alibaba", "Company", "invests_in", "Chengdu City", "Place"),
                ("Zhou", "Person", "visited", "Chengdu", "Place"), date="2022-06-01"),
        article("a4", ("Zhou Ming", "Person", "holds_position", "Alibaba Cloud Intelligence", "Company",
                       "general manager"), ("Zhang", "Person", "met_with", "Zhou Ming", "Person"), date=None),
        article("a5", ("Chindata Group", "Company", "develops", "Chindata Datong Campus", "Project"),
                ("Chindata", "Company", "has_value", "30 billion yuan", "Amount")),
    ]
    expected = nx.node_link_data(build_graph(extractions), edges="edges")
    rng = random.Random(7)
    for _ in range(5):
        shuffled = extractions[:]
        rng.shuffle(shuffled)
        assert nx.node_link_data(build_graph(shuffled), edges="edges") == expected


@pytest.mark.parametrize("module", ["graph", "graph.names", "graph.resolve", "graph.build", "graph.aliases", "graph.rdf"])
def test_the_examples_in_the_docstrings_hold(module: str) -> None:
    failed, _ = doctest.testmod(importlib.import_module(module))
    assert failed == 0
