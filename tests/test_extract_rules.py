"""Relation rules on sentences written for these tests (never copied from the seeds): the exact triples.

Each case is an article of a few sentences; the test asserts the set of (subject, predicate, object,
role) triples it gives, so a missing triple and an extra one both fail.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

Fact = tuple[str, str, str, "str | None"]


SYMMETRIC = {"signed_agreement_with", "cooperates_with"}


def facts(extraction) -> set[Fact]:  # type: ignore[no-untyped-def]
    """The triples as (subject, predicate, object, role), a symmetric pair in name order."""
    found = set()
    for t in extraction.triples:
        subject, obj = (sorted((t.subject, t.object)) if t.predicate in SYMMETRIC else (t.subject, t.object))
        found.add((subject, t.predicate, obj, t.role))
    return found


CASES = {
    "title chain, one triple per organization, sub-unit kept in the role": (
        "On May 8, Liu Wei, member of the Standing Committee of the Provincial Party Committee and Secretary "
        "of the Hefei Municipal Party Committee, met with Ma Hong, the founder and CEO of Kunlun Data Group.",
        {("Liu Wei", "holds_position", "Provincial Party Committee", "member of the Standing Committee"),
         ("Liu Wei", "holds_position", "Hefei Municipal Party Committee", "Secretary"),
         ("Ma Hong", "holds_position", "Kunlun Data Group", "founder and CEO"),
         ("Liu Wei", "met_with", "Ma Hong", None)}),
    "implied city for a city title; a municipal body named after the article's city": (
        "Wuhu hosts investors\n\n"
        "Sun Tao, Executive Deputy Mayor, Deputy Director of the Standing Committee of the Municipal "
        "People's Congress, and the heads of the Wuhu Municipal Bureau of Commerce welcomed the investors "
        "to Wuhu.",
        {("Sun Tao", "holds_position", "Wuhu", "Executive Deputy Mayor"),
         ("Sun Tao", "holds_position", "Wuhu Municipal People's Congress", "Deputy Director of the Standing Committee")}),
    "titles before the name, with and without the organization": (
        "Nanning signs data deal\n\n"
        "Vice Mayor Li Ming visited the Nanning Digital Industry Park in Nanning with Hengtong Holdings "
        "vice president Wang Hua.",
        {("Li Ming", "holds_position", "Nanning", "Vice Mayor"),
         ("Wang Hua", "holds_position", "Hengtong Holdings", "vice president"),
         ("Li Ming", "visited", "Nanning Digital Industry Park", None),
         ("Nanning Digital Industry Park", "located_in", "Nanning", None)}),
    "an organization's title before the name, with a possessive": (
        "Huayun Group's chairman Zhou Bo said the group would expand.",
        {("Zhou Bo", "holds_position", "Huayun Group", "chairman")}),
    "talks, a title after the name, a sub-unit of a company": (
        "Wang Lin held talks with Chen Hao, president of Lianchuang Technology Co., Ltd., and Gu Fei, head of "
        "the overseas business department of Lianchuang Technology Co., Ltd.",
        {("Wang Lin", "met_with", "Chen Hao", None),
         ("Wang Lin", "met_with", "Gu Fei", None),
         ("Chen Hao", "holds_position", "Lianchuang Technology Co., Ltd.", "president"),
         ("Gu Fei", "holds_position", "Lianchuang Technology Co., Ltd.",
          "head of the overseas business department")}),
    "a delegation to a city; the company's factory": (
        "Baolong Motors Co., Ltd. makes electric buses. Li Dong led a delegation to Kunming and visited the "
        "company's factory.",
        {("Li Dong", "visited", "Kunming", None),
         ("Li Dong", "visited", "Baolong Motors Co., Ltd.", None)}),
    "an attendance list with the principals of a company": (
        "Gao Ming, Xu Li and the representatives of Xinda Group attended the Western China Digital Economy "
        "Forum.",
        {("Gao Ming", "attended", "Western China Digital Economy Forum", None),
         ("Xu Li", "attended", "Western China Digital Economy Forum", None),
         ("Xinda Group", "attended", "Western China Digital Economy Forum", None)}),
    "every pair of co-signers": (
        "Changsha High-tech Zone, Yuelu District and Sanhe Heavy Industry Co., Ltd. signed a cooperation "
        "agreement on Friday.",
        {("Changsha High-tech Zone", "signed_agreement_with", "Yuelu District", None),
         ("Changsha High-tech Zone", "signed_agreement_with", "Sanhe Heavy Industry Co., Ltd.", None),
         ("Sanhe Heavy Industry Co., Ltd.", "signed_agreement_with", "Yuelu District", None)}),
    "an agreement between two parties, then their cooperation": (
        "Officials witnessed the signing of a framework agreement between Jiangmen Port Authority Group and "
        "the Jiangmen Municipal Government. Jiangmen Port Authority Group has cooperated with Zhongshan "
        "University since 2019.",
        {("Jiangmen Municipal Government", "signed_agreement_with", "Jiangmen Port Authority Group", None),
         ("Jiangmen Port Authority Group", "cooperates_with", "Zhongshan University", None)}),
    "investment in a project with its value": (
        "Ruijie Holdings will invest 3 billion yuan in the Fuzhou Smart Logistics Park, which will have a "
        "total investment of 7 billion yuan.",
        {("Ruijie Holdings", "invests_in", "Fuzhou Smart Logistics Park", None),
         ("Fuzhou Smart Logistics Park", "has_value", "7 billion yuan", None)}),
    "two projects under one company's name": (
        "Haiwei Cloud Northern Data Center and Disaster Recovery Base will be built in Ulanqab, Haiwei Cloud "
        "said.",
        {("Haiwei Cloud", "develops", "Haiwei Cloud Northern Data Center", None),
         ("Haiwei Cloud", "develops", "Haiwei Cloud Disaster Recovery Base", None),
         ("Haiwei Cloud Northern Data Center", "located_in", "Ulanqab", None),
         ("Haiwei Cloud Disaster Recovery Base", "located_in", "Ulanqab", None)}),
    "nested places": (
        "Yanta district in Xi'an, capital of Northwest China's Shaanxi province, will develop the Yanta "
        "Software Park.",
        {("Yanta district", "located_in", "Xi'an", None),
         ("Xi'an", "located_in", "Shaanxi province", None),
         ("Shaanxi province", "located_in", "Northwest China", None),
         ("Yanta district", "develops", "Yanta Software Park", None)}),
    "a subsidiary": (
        "Xinda Cloud, a subsidiary of Xinda Group, runs servers.",
        {("Xinda Cloud", "subsidiary_of", "Xinda Group", None)}),
    "the parts of a park": (
        "The Lanzhou New Materials Industrial Park consists of the Chemical Zone, the Logistics Zone and "
        "the Equipment Zone.",
        {("Chemical Zone", "part_of", "Lanzhou New Materials Industrial Park", None),
         ("Logistics Zone", "part_of", "Lanzhou New Materials Industrial Park", None),
         ("Equipment Zone", "part_of", "Lanzhou New Materials Industrial Park", None)}),
    "the two parties of a cooperation are the company and the article's city": (
        "Jinhua welcomes Dingxin\n\n"
        "Zheng Yi met with executives of Dingxin Robotics Co., Ltd. in Jinhua. Dingxin Robotics values "
        "the bilateral cooperation, Zheng said.",
        {("Dingxin Robotics Co., Ltd.", "cooperates_with", "Jinhua", None),
         ("Zheng Yi", "met_with", "Dingxin Robotics Co., Ltd.", None)}),
    "a person and his delegation": (
        "Xu Jun met with Liu Qiang and his delegation.",
        {("Xu Jun", "met_with", "Liu Qiang", None)}),
    "an attendance list set apart by semicolons, with a company's representatives": (
        "Hu Lin, deputy director of the Hubei Science Association; Wen Jun, deputy mayor of Xiangyang; and "
        "representatives of Dongfeng Motor Group attended the Xiangyang Auto Industry Forum.",
        {("Hu Lin", "holds_position", "Hubei Science Association", "deputy director"),
         ("Wen Jun", "holds_position", "Xiangyang", "deputy mayor"),
         ("Hu Lin", "attended", "Xiangyang Auto Industry Forum", None),
         ("Wen Jun", "attended", "Xiangyang Auto Industry Forum", None),
         ("Dongfeng Motor Group", "attended", "Xiangyang Auto Industry Forum", None)}),
    "titles joined by commas share the organization; the city named only in its bodies' names": (
        "On April 2, Chen Min, Secretary of the Wuhan Municipal Party Committee, met with Lei Jun, founder, "
        "chairman and CEO of Xiaomi Group, and his delegation. Vice Mayor Xu Honglan attended the meeting.",
        {("Chen Min", "holds_position", "Wuhan Municipal Party Committee", "Secretary"),
         ("Lei Jun", "holds_position", "Xiaomi Group", "founder, chairman and CEO"),
         ("Chen Min", "met_with", "Lei Jun", None),
         ("Xu Honglan", "holds_position", "Wuhan", "Vice Mayor")}),
    "companies named as examples of those who attend": (
        "More than 300 companies, including Apple, Microsoft and Huawei, will attend the Guiyang Big Data "
        "Expo.",
        {("Apple", "attended", "Guiyang Big Data Expo", None),
         ("Microsoft", "attended", "Guiyang Big Data Expo", None),
         ("Huawei", "attended", "Guiyang Big Data Expo", None)}),
    "an event held in a city": (
        "The Harbin Ice Economy Expo was held in Harbin, where Lu Yuan, general manager of Beiguo Foods Co., "
        "Ltd., spoke.",
        {("Harbin Ice Economy Expo", "located_in", "Harbin", None),
         ("Lu Yuan", "holds_position", "Beiguo Foods Co., Ltd.", "general manager")}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rule_gives_exactly_the_stated_triples(extract_text, name: str) -> None:  # type: ignore[no-untyped-def]
    text, expected = CASES[name]
    assert facts(extract_text(text)) == expected


def test_surname_and_short_forms_resolve_to_the_full_name(extract_text) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_text(
        "Zhang Jianguo, chairman of Kunpeng Data Group, arrived in Hohhot. Zhang said Kunpeng will build the "
        "Kunpeng Hohhot Computing Center.")
    entities = {(e.name, e.type): e.aliases for e in extraction.entities}
    assert entities[("Zhang Jianguo", "Person")] == ("Zhang",)
    assert entities[("Kunpeng Data Group", "Company")] == ("Kunpeng",)
    assert ("Kunpeng Data Group", "develops", "Kunpeng Hohhot Computing Center", None) in facts(extraction)
    assert ("Zhang Jianguo", "visited", "Hohhot", None) in facts(extraction)


def test_no_fact_for_an_unnamed_meeting_or_a_title_without_organization(extract_text) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_text("Wu Jing, secretary-general, and Ma Lan attended the meeting. "
                              "President Deng Rui spoke.")
    assert facts(extraction) == set()


def test_evidence_offsets_and_dates(extract_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Qinzhou port deal\nPublished on 12 July 2022\n\n"
            "On July 3rd, Qinzhou Port Group signed an agreement with Beibu Gulf Shipping Co., Ltd.")
    [triple] = extract_text(text).triples
    assert text[triple.start:triple.end] == triple.evidence
    assert triple.evidence.startswith("On July 3rd")
    assert (triple.date, triple.event_date) == ("2022-07-12", "2022-07-03")
