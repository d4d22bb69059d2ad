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


LONGJI_PROJECT = "Longji Solar Technology Co., Ltd. module headquarters project"
DAXIN_PROJECT = "Daxin Kunming Chip Packaging Project"
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
    "a bilateral cooperation of a sentence that names one party alone is nobody's (real pages name the "
    "other party elsewhere, seldom the article's city)": (
        "Jinhua welcomes Dingxin\n\n"
        "Zheng Yi met with executives of Dingxin Robotics Co., Ltd. in Jinhua. Dingxin Robotics values "
        "the bilateral cooperation, Zheng said.",
        {("Zheng Yi", "met_with", "Dingxin Robotics Co., Ltd.", None)}),
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
    "a venue named after events; a facility of a place; a rotating chairman": (
        "The 2022 Silk Road Trade Forum was held at the Lanzhou Olympic Sports and Convention Center. Hu "
        "Wei, rotating chairman of Kunlun Data Group, said the Kunlun Lanzhou Data Center, located in "
        "the Software Valley of China, will have a total investment of 2 billion yuan.",
        {("Silk Road Trade Forum", "located_in", "Lanzhou Olympic Sports and Convention Center", None),
         ("Hu Wei", "holds_position", "Kunlun Data Group", "rotating chairman"),
         ("Kunlun Lanzhou Data Center", "located_in", "Software Valley of China", None),
         ("Kunlun Data Group", "develops", "Kunlun Lanzhou Data Center", None),
         ("Kunlun Lanzhou Data Center", "has_value", "2 billion yuan", None)}),
    "'it' is what the sentence before was about; passive agents build": (
        "The Nanchang Blockchain Center will open next year. It will be operated by Ganjiang Digital "
        "Co., Ltd.",
        {("Ganjiang Digital Co., Ltd.", "develops", "Nanchang Blockchain Center", None)}),
    "signers of an agreement to jointly build a project build it": (
        "The Changde Economic Development Zone and Sanxin Technology Co., Ltd. signed an agreement to "
        "jointly build the Changde Smart Logistics Park.",
        {("Changde Economic Development Zone", "signed_agreement_with", "Sanxin Technology Co., Ltd.", None),
         ("Changde Economic Development Zone", "develops", "Changde Smart Logistics Park", None),
         ("Sanxin Technology Co., Ltd.", "develops", "Changde Smart Logistics Park", None)}),
    "a possessive pronoun is its clause's subject; the value of a park a relative clause describes": (
        "Xingyuan Group will increase its investment in Wuhu. The Xingyuan Wuhu Industrial Park, which "
        "Xingyuan Group built in Fanchang District of Wuhu, is expected to achieve an annual output "
        "value of 30 billion yuan.",
        {("Xingyuan Group", "invests_in", "Wuhu", None),
         ("Xingyuan Group", "develops", "Xingyuan Wuhu Industrial Park", None),
         ("Fanchang District", "located_in", "Wuhu", None),
         ("Xingyuan Wuhu Industrial Park", "located_in", "Fanchang District", None),
         ("Xingyuan Wuhu Industrial Park", "has_value", "30 billion yuan", None)}),
    "the two companies pair with the other party only": (
        "Tang Bo met with executives of Huaxin Cloud and Lianfa Group. They discussed cooperation "
        "between Hainan and the two companies.",
        {("Tang Bo", "met_with", "Huaxin Cloud", None),
         ("Tang Bo", "met_with", "Lianfa Group", None),
         ("Hainan", "cooperates_with", "Huaxin Cloud", None),
         ("Hainan", "cooperates_with", "Lianfa Group", None)}),
    "a project described in apposition": (
        "Yunhai Group will invest in the Yunnan Digital Harbor, a key project in Kunming.",
        {("Yunhai Group", "invests_in", "Yunnan Digital Harbor", None),
         ("Yunnan Digital Harbor", "located_in", "Kunming", None)}),
    "responsible for the operation of a project": (
        "Lihua Cloud Technology Co., Ltd. will be responsible for the operation of the Guiyang Cloud "
        "Computing Center.",
        {("Lihua Cloud Technology Co., Ltd.", "develops", "Guiyang Cloud Computing Center", None)}),
    "signing with one party pairs each signer with it only": (
        "China Minsheng Bank Jinan Branch and Qilu Bank signed credit agreements with the Jinan "
        "High-tech Zone.",
        {("China Minsheng Bank Jinan Branch", "signed_agreement_with", "Jinan High-tech Zone", None),
         ("Jinan High-tech Zone", "signed_agreement_with", "Qilu Bank", None)}),
    "the two parties are the pair that last signed": (
        "Ruiming Group and the Taizhou Municipal People's Government signed a framework agreement. Under "
        "the agreement, the two parties will jointly build the Taizhou Hydrogen Energy Industrial Park.",
        {("Ruiming Group", "signed_agreement_with", "Taizhou Municipal People's Government", None),
         ("Ruiming Group", "develops", "Taizhou Hydrogen Energy Industrial Park", None),
         ("Taizhou Municipal People's Government", "develops", "Taizhou Hydrogen Energy Industrial Park",
          None)}),
    "a company's name modifying its project's noun": (
        "The Longji Solar Technology Co., Ltd. module headquarters project, with an investment of 4 "
        "billion yuan, will cover 500 mu.",
        {("Longji Solar Technology Co., Ltd.", "develops", LONGJI_PROJECT, None),
         (LONGJI_PROJECT, "has_value", "4 billion yuan", None)}),
    "an agreement signed between two parties ends its list; a park built by two": (
        "According to an agreement signed between Xinjian Group and the Zhuzhou municipal government, "
        "the Zhuzhou Rail Transit Industrial Park will open in May. The park, jointly built by Xinjian "
        "Group and the Zhuzhou Economic Development Zone, covers 300 hectares.",
        {("Xinjian Group", "signed_agreement_with", "Zhuzhou municipal government", None),
         ("Xinjian Group", "develops", "Zhuzhou Rail Transit Industrial Park", None),
         ("Zhuzhou Economic Development Zone", "develops", "Zhuzhou Rail Transit Industrial Park", None)}),
    "a short form in brackets inside a list; a press release's dateline and its About section": (
        'CHANGSHA, China, May 8, 2023 /PRNewswire/ -- Sanhe Heavy Industry Co., Ltd. ("Sanhe") and the '
        "People's Government of Changsha Municipality signed a cooperation agreement on May 7.\n\nAbout "
        "Sanhe\n\nSanhe is headquartered in Changsha, Hunan Province.",
        {("People's Government of Changsha Municipality", "signed_agreement_with",
          "Sanhe Heavy Industry Co., Ltd.", None)}),
    "a headline in title case": (
        "Haiwei and Nantong Sign Cooperation Agreement on Offshore Wind\n\nThe deal was signed on Monday.",
        {("Haiwei", "signed_agreement_with", "Nantong", None)}),
    "at a zone; titles before their own names; those who accompany a visit visit what it visits": (
        "At the Weinan High-tech Industrial Development Zone, Liu Gang inspected the Weinan Lithium "
        "Battery Industrial Park. Vice Governor Xu Ming, Secretary-General of the Provincial Government "
        "Zhou Ping, and Secretary of the Weinan Municipal Party Committee Wang Lei accompanied him.",
        {*((person, "visited", place, None) for person in ("Liu Gang", "Xu Ming", "Zhou Ping", "Wang Lei")
           for place in ("Weinan Lithium Battery Industrial Park", "Weinan High-tech Industrial Development Zone")),
         ("Zhou Ping", "holds_position", "Provincial Government", "Secretary-General"),
         ("Wang Lei", "holds_position", "Weinan Municipal Party Committee", "Secretary")}),
    "a subsidiary set up in a city; a place named after a region": (
        "Xinlian Energy Co., Ltd. set up a subsidiary, Xinlian Yibin Battery Co., Ltd., in Yibin, "
        "southwest China's Sichuan Province.",
        {("Sichuan Province", "located_in", "southwest China", None),
         ("Yibin", "located_in", "Sichuan Province", None),
         ("Xinlian Yibin Battery Co., Ltd.", "subsidiary_of", "Xinlian Energy Co., Ltd.", None),
         ("Xinlian Yibin Battery Co., Ltd.", "located_in", "Yibin", None)}),
    "a base named later takes the value of the one built": (
        "Hongtu Group will build a battery base in Suining with a total investment of 9 billion yuan. "
        "The Hongtu Suining Battery Base will be completed in 2025.",
        {("Hongtu Suining Battery Base", "located_in", "Suining", None),
         ("Hongtu Suining Battery Base", "has_value", "9 billion yuan", None),
         ("Hongtu Group", "develops", "Hongtu Suining Battery Base", None)}),
    "a name split where a part stands alone; a ministry of two fields; a bank branch": (
        "Zhixin said it would invest more. Zhixin and Qingdao Port Group signed an agreement witnessed "
        "by officials of the Ministry of Industry and Information Technology. Bank of China Qingdao "
        "Branch attended.",
        {("Qingdao Port Group", "signed_agreement_with", "Zhixin", None)}),
    "a video call; more investment; an agreement reached": (
        "Wang Jun had a video call with Li Hua, chairman of Fengda Group. Fengda Group will increase "
        "investment in Hefei. Fengda Group reached a cooperation agreement with Anhui Jianghuai Co., "
        "Ltd.",
        {("Li Hua", "holds_position", "Fengda Group", "chairman"),
         ("Wang Jun", "met_with", "Li Hua", None),
         ("Fengda Group", "invests_in", "Hefei", None),
         ("Anhui Jianghuai Co., Ltd.", "signed_agreement_with", "Fengda Group", None)}),
    "a delegation led by its chairman; a company's headquarters set up in a city": (
        "Zhou Min met with a delegation from Tianyu Group led by its chairman Gao Feng. Tianyu Group "
        "will set up its regional headquarters in Nanning.",
        {("Gao Feng", "holds_position", "Tianyu Group", "chairman"),
         ("Zhou Min", "met_with", "Gao Feng", None)}),
    "a park of a district; the first phase of a project; invested and built by a subsidiary": (
        "The first phase of the Daxin Kunming Chip Packaging Project broke ground in Dianzhong "
        "Electronics Industrial Park of Kunming's Anning district. The project is invested and "
        "constructed by Daxin Semiconductor (Kunming) Co., Ltd., a wholly owned subsidiary of South "
        "Korea's Daxin Inc.",
        {("Dianzhong Electronics Industrial Park", "located_in", "Anning district", None),
         ("Anning district", "located_in", "Kunming", None),
         (DAXIN_PROJECT, "located_in", "Dianzhong Electronics Industrial Park", None),
         ("Daxin Semiconductor (Kunming) Co., Ltd.", "develops", DAXIN_PROJECT, None),
         ("Daxin Semiconductor (Kunming) Co., Ltd.", "invests_in", DAXIN_PROJECT, None),
         ("Daxin Inc.", "located_in", "South Korea", None),
         ("Daxin Semiconductor (Kunming) Co., Ltd.", "subsidiary_of", "Daxin Inc.", None)}),
    "a hyphenated given name; a project in a headline; a project named after a company's brand": (
        "Construction starts on chip project in Wuxi\n\nLi Jun-hui, vice president of Hanwha Group, said "
        "the Hanwha Wuxi Chip Project will be completed in 2026.",
        {("Hanwha Wuxi Chip Project", "located_in", "Wuxi", None),
         ("Li Jun-hui", "holds_position", "Hanwha Group", "vice president"),
         ("Hanwha Group", "develops", "Hanwha Wuxi Chip Project", None)}),
    "a project whose description carries its place": (
        "Officials discussed the Qilu Hydrogen Base, a project with a total investment of 6 billion yuan "
        "located in the Jinan New Area of Shandong.",
        {("Qilu Hydrogen Base", "located_in", "Jinan New Area", None),
         ("Jinan New Area", "located_in", "Shandong", None),
         ("Qilu Hydrogen Base", "has_value", "6 billion yuan", None)}),
    "a name in brackets after a person's; attendees of an event": (
        "The 2023 Pearl River Digital Summit was held in Guangzhou. Attendees included Ma Huateng (Pony "
        "Ma), chairman of Tencent; and Lei Jun, founder of Xiaomi Group.",
        {("Pearl River Digital Summit", "located_in", "Guangzhou", None),
         ("Ma Huateng", "holds_position", "Tencent", "chairman"),
         ("Lei Jun", "holds_position", "Xiaomi Group", "founder"),
         ("Ma Huateng", "attended", "Pearl River Digital Summit", None),
         ("Lei Jun", "attended", "Pearl River Digital Summit", None)}),
    "the city of an article about a city outside the gazetteer; a plant named after its definite noun": (
        "Jiuding Co will build a plant in Pecs, Hungary. The plant, with an investment of 500 million "
        "euros, will open in 2025. The city will work with Jiuding Co on training. The Pecs plant will "
        "employ 1,000 people.",
        {("Pecs", "located_in", "Hungary", None),
         ("Pecs plant", "located_in", "Pecs", None),
         ("Pecs plant", "has_value", "500 million euros", None),
         ("Jiuding Co", "cooperates_with", "Pecs", None)}),
    "companions of a subject visit what it visits: 'accompanied by', 'together with', 'along with'": (
        "On May 15, Governor Mao Lin, accompanied by Xie Bo and Tan Yu, inspected the Xiangtan Rail Park and "
        "the Liling Ceramics Base. Mao, together with Huang Kai, also visited Hunan Kaida Group. Zhu Pei, "
        "along with Lu Jie, toured the Hengyang Battery Base.",
        {(person, "visited", place, None) for person in ("Mao Lin", "Xie Bo", "Tan Yu")
         for place in ("Xiangtan Rail Park", "Liling Ceramics Base")}
        | {("Mao Lin", "visited", "Hunan Kaida Group", None), ("Huang Kai", "visited", "Hunan Kaida Group", None),
           ("Zhu Pei", "visited", "Hengyang Battery Base", None), ("Lu Jie", "visited", "Hengyang Battery Base", None),
           ("Mao Lin", "holds_position", "Hunan", "Governor")}),
    "who accompanies an inspection or is visited 'with' someone visits nothing": (
        "Vice Governor Wang Hao accompanied the inspection. Chen Wei visited the Yueyang Port Park with Zhao Min.",
        {("Chen Wei", "visited", "Yueyang Port Park", None)}),
    "two people each with a title, coordinated: both act": (
        "Huang Gang, Secretary of the Zhuzhou Municipal Party Committee, and Deng Ling, Mayor of Zhuzhou, "
        "visited Zhuzhou Fuda Co., Ltd.",
        {("Huang Gang", "holds_position", "Zhuzhou Municipal Party Committee", "Secretary"),
         ("Deng Ling", "holds_position", "Zhuzhou", "Mayor"),
         ("Huang Gang", "visited", "Zhuzhou Fuda Co., Ltd.", None),
         ("Deng Ling", "visited", "Zhuzhou Fuda Co., Ltd.", None)}),
    "the opening ceremony of a named fair is the fair; 'also attended' alone attends the event the text is about": (
        "The 9th Qinling Trade Fair opened in Baoji. Governor Lin Tao attended the opening ceremony of the "
        "fair. Ministry of Commerce Vice Minister Song Yu also attended.",
        {("Qinling Trade Fair", "located_in", "Baoji", None),
         ("Lin Tao", "attended", "Qinling Trade Fair", None),
         ("Song Yu", "attended", "Qinling Trade Fair", None),
         ("Song Yu", "holds_position", "Ministry of Commerce", "Vice Minister")}),
    "attending with no event named in the article, or attending something else, attends no event": (
        "Mayor Lu Feng attended the signing ceremony. Vice Mayor Xu Ran also attended. The 3rd Huaihe Expo "
        "closed on Friday. Gao Peng attended a meeting on the budget.",
        set()),
    "'inked a deal to jointly develop' Y: both sign, both develop; 'biotown' names a project": (
        "Tianma New Area and Huaxin Holdings Co., Ltd. inked a deal to jointly develop the Tianma "
        "International Biotown.",
        {("Huaxin Holdings Co., Ltd.", "signed_agreement_with", "Tianma New Area", None),
         ("Tianma New Area", "develops", "Tianma International Biotown", None),
         ("Huaxin Holdings Co., Ltd.", "develops", "Tianma International Biotown", None)}),
    "a place described as a capital or a city of another; 'home to'; 'the provincial capital'": (
        "Nanchang is the capital of Jiangxi Province. Jiujiang, a city in northern Jiangxi, is home to the "
        "Lushan New Area. The Lehua Park, which lies in Xinjian District, opened. Guo Ming visited Ganzhou, "
        "the provincial capital, on Monday.",
        {("Nanchang", "located_in", "Jiangxi Province", None), ("Jiujiang", "located_in", "Jiangxi Province", None),
         ("Lushan New Area", "located_in", "Jiujiang", None), ("Lehua Park", "located_in", "Xinjian District", None),
         ("Ganzhou", "located_in", "Jiangxi Province", None), ("Guo Ming", "visited", "Ganzhou", None)}),
    "a home to no name, a capital of nothing named, and no province to be the capital of: no place": (
        "Nanchang is home to more than 300 battery companies. Kunming, the provincial capital, grew. "
        "Dali is a city of culture.",
        set()),
    "a country is in no province and a city in no district; two places are never in each other": (
        "Apple will build its first data center in China in Guizhou Province. Guiyang in Huaxi District grew. "
        "Guiyang, Guizhou Province, welcomes Apple. Guizhou Province, Guiyang, welcomes Apple. Lehua Town in "
        "Xinjian District grew. Xinjian District in Lehua Town grew.",
        {("Guiyang", "located_in", "Guizhou Province", None), ("Lehua Town", "located_in", "Xinjian District", None)}),
    "'Its subsidiary A' for the sentence before's subject; the subsidiary runs 'the facility' of the article": (
        "Lumora Inc. will build the Lumora Xining Data Center. Lumora Inc. is listed in New York. Its subsidiary "
        "Qinghai Lumora Cloud Co., Ltd. will operate the facility. Lumora Chief Executive Officer Dana Reyes "
        "visited Xining.",
        {("Lumora Inc.", "develops", "Lumora Xining Data Center", None),
         ("Qinghai Lumora Cloud Co., Ltd.", "subsidiary_of", "Lumora Inc.", None),
         ("Qinghai Lumora Cloud Co., Ltd.", "develops", "Lumora Xining Data Center", None),
         ("Dana Reyes", "holds_position", "Lumora Inc.", "Chief Executive Officer"),
         ("Dana Reyes", "visited", "Xining", None)}),
    "'its' after a person's sentence owns no subsidiary; 'the facility' of no named project is none": (
        "Zhou Bin spoke. Its subsidiary Qinghai Lumora Cloud Co., Ltd. will operate the facility.",
        set()),
    "a place in brackets inside a body's name; 'X announced that it has signed ... with B to build Y'": (
        "Vorne Robotics AG announced that it has signed an investment agreement with the Administrative "
        "Committee of the Nanhui Special Area of China (Shanghai) Pilot Free Trade Zone to build the Vorne "
        "Nanhui Smart Factory.",
        {("Administrative Committee of the Nanhui Special Area of China (Shanghai) Pilot Free Trade Zone",
          "signed_agreement_with", "Vorne Robotics AG", None),
         ("Vorne Robotics AG", "develops", "Vorne Nanhui Smart Factory", None)}),
    "a title-case headline 'Seals Pact with'; 'clinched a deal with', 'struck a deal with'": (
        "Vorne Robotics Seals Pact with Donghai University\n\nNingbo Port Group clinched a deal with Zhoushan "
        "Shipping Co., Ltd. on Monday. Ningbo Port Group struck a deal with Jinhua Logistics Group.",
        {("Donghai University", "signed_agreement_with", "Vorne Robotics", None),
         ("Ningbo Port Group", "signed_agreement_with", "Zhoushan Shipping Co., Ltd.", None),
         ("Jinhua Logistics Group", "signed_agreement_with", "Ningbo Port Group", None)}),
    "a headline's place that modifies a noun places nothing; a value for what an agreement is about; "
    "'the group' for a company of another head; a short form after a company's and a place's names": (
        "Lianhe Holdings, Jinsha County sign deal on park at southwest China fair\n\n"
        "Jinsha County and Lianhe Holdings Co., Ltd. signed an agreement on the Jinsha Lianhe Smart Park, with "
        "a total investment of 3 billion yuan. The group will invest in the first phase of the park. The Smart "
        "Park is located in Xinmin Town.",
        {("Jinsha County", "signed_agreement_with", "Lianhe Holdings Co., Ltd.", None),
         ("Jinsha Lianhe Smart Park", "has_value", "3 billion yuan", None),
         ("Lianhe Holdings Co., Ltd.", "invests_in", "Jinsha Lianhe Smart Park", None),
         ("Jinsha Lianhe Smart Park", "located_in", "Xinmin Town", None)}),
    "a surname written alone after a given name first ('Whitby' of 'Daniel Whitby'), even where NER types it": (
        "US chipmaker Qorvex Inc. said its chief executive Daniel Whitby visited Jinsha County. Mayor Li Hong "
        "met with Whitby. Apple's vice president Lisa Harmon arrived. Governor Sun Gang met with Harmon.",
        {("Daniel Whitby", "holds_position", "Qorvex Inc.", "chief executive"),
         ("Daniel Whitby", "visited", "Jinsha County", None),
         ("Li Hong", "met_with", "Daniel Whitby", None),
         ("Lisa Harmon", "holds_position", "Apple", "vice president"),
         ("Sun Gang", "met_with", "Lisa Harmon", None)}),
    "'entered into an agreement with B to jointly build Y': both develop; without 'jointly' only the subject": (
        "Lanxin Technology Co., Ltd. entered into a cooperation agreement with the People's Government of "
        "Huaihua City to jointly build the Lanxin Huaihua Terminal Park. Qiyun Group signed an agreement with "
        "the Shaoyang Municipal Government to build the Qiyun Shaoyang Battery Base.",
        {("Lanxin Technology Co., Ltd.", "signed_agreement_with", "People's Government of Huaihua City", None),
         ("Lanxin Technology Co., Ltd.", "develops", "Lanxin Huaihua Terminal Park", None),
         ("People's Government of Huaihua City", "develops", "Lanxin Huaihua Terminal Park", None),
         ("Qiyun Group", "signed_agreement_with", "Shaoyang Municipal Government", None),
         ("Qiyun Group", "develops", "Qiyun Shaoyang Battery Base", None)}),
    "a country's possessive in a list of signers stands for what it owns; 'Among those attending were'": (
        "The 5th Lancang Trade Expo opened in Pu'er. Among those attending were Governor Ma Ling and Mayor "
        "Tao Rui. Yunnan Tea Group and Nepal's Everest Trading Co. signed a supply agreement.",
        {("Lancang Trade Expo", "located_in", "Pu'er", None),
         ("Ma Ling", "attended", "Lancang Trade Expo", None),
         ("Tao Rui", "attended", "Lancang Trade Expo", None),
         ("Ma Ling", "holds_position", "Yunnan", "Governor"),
         ("Everest Trading Co.", "located_in", "Nepal", None),
         ("Everest Trading Co.", "signed_agreement_with", "Yunnan Tea Group", None)}),
    "'B's wholly owned subsidiary, A,'; 'Its subsidiary' after 'X said B has ...'; NER's person for a company": (
        "Klaus Brandt said Weissfeld Chemie has operated in China for 20 years. Its subsidiary Weissfeld "
        "Chemie (Zhangzhou) Co., Ltd. runs a plant. Weissfeld Chemie GmbH makes resins. Moxun's wholly owned "
        "subsidiary, Yueyang Moxun Electronics Co., Ltd., will open in May. Moxun Technology Co., Ltd. is "
        "listed in Shenzhen.",
        {("Weissfeld Chemie (Zhangzhou) Co., Ltd.", "subsidiary_of", "Weissfeld Chemie GmbH", None),
         ("Yueyang Moxun Electronics Co., Ltd.", "subsidiary_of", "Moxun Technology Co., Ltd.", None)}),
    "a speech at an event attends it; 'took part in the event, including A and B'; a country's 'headquarters'": (
        "The 2025 Nanhai Marine Forum was held in Sanya. Governor Wei Bo delivered a keynote speech at the forum. "
        "Representatives of 200 firms took part in the event, including Zhang Hai, chairman of Haiyun Group. "
        "Nordvik Marine AB will open its China headquarters in Sanya.",
        {("Nanhai Marine Forum", "located_in", "Sanya", None),
         ("Wei Bo", "attended", "Nanhai Marine Forum", None),
         ("Zhang Hai", "attended", "Nanhai Marine Forum", None),
         ("Zhang Hai", "holds_position", "Haiyun Group", "chairman")}),
    "launching a joint venture or setting up a partnership cooperates; 'It' after 'The joint venture, X,'": (
        "Liangjiang Development Group and Jinfeng Motor Co., Ltd. launched a joint venture to make trucks. "
        "The joint venture, Jinfeng Hydrogen Vehicle Co., Ltd., is based in Yubei. It will build the Yubei "
        "Hydrogen Truck Plant. Hunan Steel Co., Ltd. and Xiangtan University set up a partnership on materials. "
        "Qiyun Group formed a joint venture with Hengda Co., Ltd. Lanxin Group launched a new venture.",
        {("Jinfeng Motor Co., Ltd.", "cooperates_with", "Liangjiang Development Group", None),
         ("Jinfeng Hydrogen Vehicle Co., Ltd.", "develops", "Yubei Hydrogen Truck Plant", None),
         ("Jinfeng Hydrogen Vehicle Co., Ltd.", "located_in", "Yubei", None),
         ("Hunan Steel Co., Ltd.", "cooperates_with", "Xiangtan University", None),
         ("Hengda Co., Ltd.", "cooperates_with", "Qiyun Group", None)}),
    "'a memorandum of understanding with B'; 'X Co., Ltd. announced that it has invested N in B'; "
    "a headline's 'deals worth N' are no event's value": (
        "Tianchi Expo opens in Hami, deals worth 30 bln yuan signed\n\n"
        "Tianshan Energy Group inked a memorandum of understanding with Kazakh energy company QazNur Services. "
        "Sinofarm Technology Group Co., Ltd. announced that it has invested 800 million yuan in Hengtai "
        "Agriculture Co., Ltd.",
        {("QazNur Services", "signed_agreement_with", "Tianshan Energy Group", None),
         ("Sinofarm Technology Group Co., Ltd.", "invests_in", "Hengtai Agriculture Co., Ltd.", None),
         ("Tianchi Expo", "located_in", "Hami", None)}),
    "a place named by the start of the area a body governs is that area, the body's head words the body; "
    "an unnamed project gets no triple": (
        "Vorne AG signed an agreement with the Administrative Committee of the Nanhui Special Area of China "
        "(Shanghai) Pilot Free Trade Zone. The Vorne Smart Factory will be located in Nanhui. Vorne AG also "
        "signed an agreement with Donghai Hydrogen Co., Ltd. on a hydrogen industrial park. Sun Li, Deputy "
        "Director of the Administrative Committee, attended the signing.",
        {("Administrative Committee of the Nanhui Special Area of China (Shanghai) Pilot Free Trade Zone",
          "signed_agreement_with", "Vorne AG", None),
         ("Vorne Smart Factory", "located_in", "Nanhui Special Area of China (Shanghai) Pilot Free Trade Zone", None),
         ("Vorne AG", "develops", "Vorne Smart Factory", None),
         ("Donghai Hydrogen Co., Ltd.", "signed_agreement_with", "Vorne AG", None),
         ("Sun Li", "holds_position",
          "Administrative Committee of the Nanhui Special Area of China (Shanghai) Pilot Free Trade Zone",
          "Deputy Director")}),
    "short forms without a leading place or with a company's first words; a title 'of the company'; "
    "a headline's name that only modifies a noun is no object": (
        "Nansha district signs AI computing deal with Pengcheng Cloud\n\n"
        "Anhui Qirui Robot Co., Ltd. makes robots. Qirui Robot, a subsidiary of Qirui Holding Group, "
        "was founded in 2012. The company has partnered with Hefei University. Pengcheng Cloud Computing Co., "
        "Ltd. will build the Nansha Computing Center, said Chen Jun, general manager of the company.",
        {("Nansha district", "signed_agreement_with", "Pengcheng Cloud Computing Co., Ltd.", None),
         ("Anhui Qirui Robot Co., Ltd.", "subsidiary_of", "Qirui Holding Group", None),
         ("Anhui Qirui Robot Co., Ltd.", "cooperates_with", "Hefei University", None),
         ("Pengcheng Cloud Computing Co., Ltd.", "develops", "Nansha Computing Center", None),
         ("Chen Jun", "holds_position", "Pengcheng Cloud Computing Co., Ltd.", "general manager")}),
    "a company's first words are no short form of a longer unit's name, nor a full name of another's": (
        "Kunlun Cloud will build the Kunlun Xining Data Center. Zhou Ming, president of Kunlun Cloud "
        "Intelligent Infrastructure Business Group, spoke. Weissfeld Chemie GmbH and Weissfeld Chemie "
        "(Zhangzhou) Co., Ltd. signed an agreement.",
        {("Kunlun Cloud", "develops", "Kunlun Xining Data Center", None),
         ("Zhou Ming", "holds_position", "Kunlun Cloud Intelligent Infrastructure Business Group", "president"),
         ("Weissfeld Chemie (Zhangzhou) Co., Ltd.", "signed_agreement_with", "Weissfeld Chemie GmbH", None)}),
    "a nationality before a company's noun is no name; a value hung on the builder goes to what it builds; "
    "'a cluster worth N' is no named project's value; a place-led short form of a company": (
        "Xiamen Haigang Group and Danish shipping company Nordhavn Line A/S signed an agreement. The Kangyue "
        "Vaccine Base will be built by Sichuan Kangyue Biological Products Co., Ltd., a wholly-owned subsidiary "
        "of Shenzhen Kangyue Biological Products Co., Ltd., with a total investment of 3 billion yuan. Wang "
        "said Chengdu is building a biomedical industry cluster worth over 100 billion yuan. Du Ming, chairman "
        "of Shenzhen Kangyue, spoke.",
        {("Nordhavn Line A/S", "signed_agreement_with", "Xiamen Haigang Group", None),
         ("Sichuan Kangyue Biological Products Co., Ltd.", "develops", "Kangyue Vaccine Base", None),
         ("Sichuan Kangyue Biological Products Co., Ltd.", "subsidiary_of",
          "Shenzhen Kangyue Biological Products Co., Ltd.", None),
         ("Kangyue Vaccine Base", "has_value", "3 billion yuan", None),
         ("Du Ming", "holds_position", "Shenzhen Kangyue Biological Products Co., Ltd.", "chairman")}),
    "a project in a city followed by its province is in both; a place so written only in the city": (
        "Gotai Co., Ltd. will build the Gotai Battery Base in Yibin, southwest China's Sichuan Province. "
        "Lankao county in Kaifeng, Henan province, signed an agreement with Gotai Co., Ltd.",
        {("Gotai Co., Ltd.", "develops", "Gotai Battery Base", None),
         ("Gotai Battery Base", "located_in", "Yibin", None),
         ("Gotai Battery Base", "located_in", "Sichuan Province", None),
         ("Yibin", "located_in", "Sichuan Province", None),
         ("Sichuan Province", "located_in", "southwest China", None),
         ("Lankao county", "located_in", "Kaifeng", None),
         ("Kaifeng", "located_in", "Henan province", None),
         ("Gotai Co., Ltd.", "signed_agreement_with", "Lankao county", None)}),
    "'whose investor is X'; 'A's parent company, B,'; 'signed by A and B'; 'X-based' starts no name; "
    "'acquired' a company invests in it; a trailing 'accompanied by' visits what the sentence's visit visits": (
        "The Gansu Hydrogen Valley Project, whose investor is Longhua Energy Group, opened. Lanzhou Qilian "
        "Materials Co., Ltd. makes foil. The company's parent company, Qilian Metals Group, is in Lanzhou. "
        "The agreement was signed by Qilian Metals Group and the Lanzhou New Area Administrative Committee. "
        "Suzhou-based Tongyuan Medical Technology Co., Ltd. has acquired Bremer Sensorik GmbH for 95 million "
        "euros. Ren Gang "
        "visited Lanzhou, accompanied by Zhu Hao.",
        {("Longhua Energy Group", "invests_in", "Gansu Hydrogen Valley Project", None),
         ("Lanzhou Qilian Materials Co., Ltd.", "subsidiary_of", "Qilian Metals Group", None),
         ("Lanzhou New Area Administrative Committee", "signed_agreement_with", "Qilian Metals Group", None),
         ("Tongyuan Medical Technology Co., Ltd.", "located_in", "Suzhou", None),
         ("Tongyuan Medical Technology Co., Ltd.", "invests_in", "Bremer Sensorik GmbH", None),
         ("Ren Gang", "visited", "Lanzhou", None),
         ("Zhu Hao", "visited", "Lanzhou", None)}),
    "'A and B, the capital of C' puts only B in C; 'the two cities will cooperate'; a place's office after "
    "'its' is no name; a place-led short form of three words; 'was attended by ..., including X'": (
        "Chongqing Municipality and Vientiane, the capital of Laos, signed a sister-city agreement. Vientiane "
        "Mayor Khamphanh Sayavong spoke. The two cities will cooperate in tourism. Chongqing Logistics Group "
        "also opened its Vientiane office. The 2025 Hubei Investment Conference was held in Wuhan. The "
        "conference was attended by 500 business leaders, including Liu Ping. China Huadian will invest in "
        "the Jingmen Clean Energy Base. China Huadian Corporation is a power company.",
        {("Chongqing Municipality", "signed_agreement_with", "Vientiane", None),
         ("Chongqing Municipality", "cooperates_with", "Vientiane", None),
         ("Vientiane", "located_in", "Laos", None),
         ("Khamphanh Sayavong", "holds_position", "Vientiane", "Mayor"),
         ("Hubei Investment Conference", "located_in", "Wuhan", None),
         ("Liu Ping", "attended", "Hubei Investment Conference", None),
         ("China Huadian Corporation", "invests_in", "Jingmen Clean Energy Base", None)}),
    "'presided over' and 'said at' an event attend it; a title of a described company; 'was appointed as'; "
    "'located in the north of Z'; 'responsible for the investment, construction and operation of the station'": (
        "The 2025 Foshan Smart Manufacturing Summit opened on June 5. Mayor Bai Tao presided over the summit. "
        "Mr. Kenji Mori, president of Japanese machine tool maker Hayate Machinery Co., Ltd., said at the summit "
        "that his company will grow. Mori was recently appointed as chairman of the Japan-China Tool "
        "Association. The Sanshui Lake Science City, located in the north of Foshan, grows. The Foshan Xinan "
        "Pumped Storage Power Station will open. Nanling Green Power Co., Ltd. will be responsible for the "
        "investment, construction and operation of the power station. Mr. Bai said at the meeting that "
        "Foshan will grow.",
        {("Bai Tao", "attended", "Foshan Smart Manufacturing Summit", None),
         ("Bai Tao", "holds_position", "Foshan", "Mayor"),
         ("Kenji Mori", "attended", "Foshan Smart Manufacturing Summit", None),
         ("Kenji Mori", "holds_position", "Hayate Machinery Co., Ltd.", "president"),
         ("Kenji Mori", "holds_position", "Japan-China Tool Association", "chairman"),
         ("Sanshui Lake Science City", "located_in", "Foshan", None),
         ("Nanling Green Power Co., Ltd.", "develops", "Foshan Xinan Pumped Storage Power Station", None),
         ("Nanling Green Power Co., Ltd.", "invests_in", "Foshan Xinan Pumped Storage Power Station", None)}),
    "an amount written before a project's noun measures that project, one sum written twice is one fact; "
    "before any other noun it measures nothing": (
        "Construction starts on 15-billion-yuan chip project in Chongqing\n\n"
        "The Xiyong Chip Packaging Project started. With a total investment of RMB 15 billion, the project "
        "will open in 2026. The Wufeng Pumped Storage Power Station, a 9.8-billion-yuan project in Wufeng "
        "County, will open. Hefei has a 100-billion-yuan industry.",
        {("Xiyong Chip Packaging Project", "located_in", "Chongqing", None),
         ("Xiyong Chip Packaging Project", "has_value", "RMB 15 billion", None),
         ("Wufeng Pumped Storage Power Station", "has_value", "9.8 billion yuan", None),
         ("Wufeng Pumped Storage Power Station", "located_in", "Wufeng County", None)}),
    "a hyphenated word other than '-based' inside a body's name; a city's project after 'its' is a name": (
        "Xu Yong, Director of the State-owned Assets Supervision and Administration Commission of Guizhou "
        "Province, spoke. BYD Co., Ltd. will expand its Wuhan plant.",
        {("Xu Yong", "holds_position", "State-owned Assets Supervision and Administration Commission", "Director"),
         ("BYD Co., Ltd.", "develops", "Wuhan plant", None)}),
    "'X led a delegation to Z. The delegation visited Y': X visits both; 'an R&D center' is no name": (
        "Han Ming, Secretary of the CPC Nanjing Municipal Committee, led a delegation to Suzhou on October 20. "
        "The delegation visited Xinda Biologics Co., Ltd. Han invited the firm to set up an R&D center in "
        "the Jiangbei New Area.",
        {("Han Ming", "holds_position", "CPC Nanjing Municipal Committee", "Secretary"),
         ("Han Ming", "visited", "Suzhou", None),
         ("Han Ming", "visited", "Xinda Biologics Co., Ltd.", None)}),
    "'a keynote speech at the opening ceremony' attends the event named before, a signing ceremony nothing; "
    "an amount after the examples of a plural measures none of them; a brand word after a country is the "
    "company named first, not its subsidiary named after it": (
        "The 2026 Jinan Hydrogen Energy Expo opened on May 9. Sun Wei, vice mayor of Jinan, delivered a keynote "
        "speech at the opening ceremony. Ma Lin attended the signing ceremony. The Jinan Municipal Bureau of "
        "Commerce signed agreements with 8 companies, including Qilu Hydrogen Co., Ltd. and Taishan Fuel Cell "
        "Co., Ltd., with a total investment of 12 billion yuan. China Yuantai Energy Group set up a "
        "subsidiary, Yuantai Hydrogen Technology Co., Ltd. Yuantai also announced that it has signed an "
        "agreement with Shandong University to jointly build the Jinan Hydrogen Research Center. Kong Hui addressed "
        "the closing ceremony, which was presided over by Tian Bo.",
        {("Sun Wei", "holds_position", "Jinan", "vice mayor"),
         ("Sun Wei", "attended", "Jinan Hydrogen Energy Expo", None),
         ("Jinan Municipal Bureau of Commerce", "signed_agreement_with", "Qilu Hydrogen Co., Ltd.", None),
         ("Jinan Municipal Bureau of Commerce", "signed_agreement_with", "Taishan Fuel Cell Co., Ltd.", None),
         ("Yuantai Hydrogen Technology Co., Ltd.", "subsidiary_of", "China Yuantai Energy Group", None),
         ("China Yuantai Energy Group", "signed_agreement_with", "Shandong University", None),
         ("China Yuantai Energy Group", "develops", "Jinan Hydrogen Research Center", None),
         ("Shandong University", "develops", "Jinan Hydrogen Research Center", None),
         ("Kong Hui", "attended", "Jinan Hydrogen Energy Expo", None),
         ("Tian Bo", "attended", "Jinan Hydrogen Energy Expo", None)}),
    "a company's brand after a leading place is its short form; 'the chamber'; a chamber of commerce 'in' a "
    "country is one name; 'X, a state-owned enterprise, announced that it has set up a subsidiary, A'; "
    "'the new company' is the company named last": (
        "Zhou Ping visited Changsha Boyuan Precision Machinery Co., Ltd. At Boyuan, Zhou heard a report from Xu "
        "Jie, chairman of the company. Zhou met with Anna Keller, vice president of the Swiss Chamber of Commerce "
        "in China. Keller said the chamber will cooperate with the Changsha Municipal Bureau of Commerce. Guotai "
        "Shipbuilding Group, a central state-owned enterprise, announced that it has set up a subsidiary, Guotai "
        "Marine Engines Co., Ltd., in Changsha. The new company will invest 2 billion yuan in the Xingsha Marine "
        "Industrial Park, which opened in 2020.",
        {("Zhou Ping", "visited", "Changsha Boyuan Precision Machinery Co., Ltd.", None),
         ("Xu Jie", "holds_position", "Changsha Boyuan Precision Machinery Co., Ltd.", "chairman"),
         ("Anna Keller", "holds_position", "Swiss Chamber of Commerce in China", "vice president"),
         ("Zhou Ping", "met_with", "Anna Keller", None),
         ("Changsha Municipal Bureau of Commerce", "cooperates_with", "Swiss Chamber of Commerce in China", None),
         ("Guotai Marine Engines Co., Ltd.", "subsidiary_of", "Guotai Shipbuilding Group", None),
         ("Guotai Marine Engines Co., Ltd.", "located_in", "Changsha", None),
         ("Guotai Marine Engines Co., Ltd.", "invests_in", "Xingsha Marine Industrial Park", None)}),
    "'the fund', 'the valley'; 'funded by A and managed by X' (X manages, A funds); 'Z, home to Y' parsed "
    "as an adverb; a word the article names a place by is no company's brand": (
        "The Wuxi Biomedical Industry Fund was launched on Friday. The fund is funded by Wuxi Industry "
        "Development Group and managed by Taihu Venture Capital Co., Ltd. Zhao Min spoke at the ceremony in "
        "Liangxi District, home to the Wuxi Life Science Valley. Taihu Venture Capital will invest in the "
        "valley, which hosts 40 firms. Officials of Luoxi County met investors. Luoxi Lvyuan Tea Co., Ltd. "
        "will build the Luoxi Black Tea Base. The Luoxi Pottery Park opened in May.",
        {("Wuxi Industry Development Group", "invests_in", "Wuxi Biomedical Industry Fund", None),
         ("Taihu Venture Capital Co., Ltd.", "develops", "Wuxi Biomedical Industry Fund", None),
         ("Wuxi Life Science Valley", "located_in", "Liangxi District", None),
         ("Taihu Venture Capital Co., Ltd.", "invests_in", "Wuxi Life Science Valley", None),
         ("Luoxi Lvyuan Tea Co., Ltd.", "develops", "Luoxi Black Tea Base", None)}),
    "'we' outside quotation marks in a government's work report is that government; 'completed' a project "
    "develops it; 'signed an agreement with Y and jointly established Z' makes Y develop Z too": (
        "Nanjing 2026 Work Report (excerpt)\n\nNanjing Municipal People's Government   2026-01-18\n\n"
        "Last year, Jinling Heavy Industry Group completed the Nanjing Crane Base. We signed an agreement with "
        "Southeast University and jointly established the Nanjing Bridge Research Center. \"We will grow,\" "
        "said Ma Rui, chairman of Jinling Heavy Industry Group.",
        {("Jinling Heavy Industry Group", "develops", "Nanjing Crane Base", None),
         ("Nanjing Municipal People's Government", "signed_agreement_with", "Southeast University", None),
         ("Nanjing Municipal People's Government", "develops", "Nanjing Bridge Research Center", None),
         ("Southeast University", "develops", "Nanjing Bridge Research Center", None),
         ("Ma Rui", "holds_position", "Jinling Heavy Industry Group", "chairman")}),
    "a title implied in an article about a municipality takes the municipality, not a 'Science City' in it; a "
    "district NER took for a nationality is a name": (
        "Shanghai will open the Xuhui AI Computing Center in May, Zhang Wei, vice mayor, said. The center, "
        "located in Xuhui district's Caohejing Science City, is operated by Shanghai Lingsuan Co., Ltd.",
        {("Zhang Wei", "holds_position", "Shanghai", "vice mayor"),
         ("Shanghai", "develops", "Xuhui AI Computing Center", None),
         ("Xuhui AI Computing Center", "located_in", "Caohejing Science City", None),
         ("Shanghai Lingsuan Co., Ltd.", "develops", "Xuhui AI Computing Center", None),
         ("Caohejing Science City", "located_in", "Xuhui district", None)}),
    "'Z, where he inspected A and B' puts A and B in Z; a brand word that a place's head follows ('Beibu "
    "Gulf') makes its company own no project of that name; 'the university'": (
        "Feng Tao went to Beihai, where he inspected the Beibu Gulf Cruise Terminal and Beihai Lanhai Marine Co., "
        "Ltd. Beibu Gulf Shipping Group is a state-owned company. Pan Li, president of Nanhai University, spoke. "
        "Wu Qiang, dean of the university, also spoke.",
        {("Feng Tao", "visited", "Beihai", None),
         ("Feng Tao", "visited", "Beibu Gulf Cruise Terminal", None),
         ("Feng Tao", "visited", "Beihai Lanhai Marine Co., Ltd.", None),
         ("Beibu Gulf Cruise Terminal", "located_in", "Beihai", None),
         ("Beihai Lanhai Marine Co., Ltd.", "located_in", "Beihai", None),
         ("Pan Li", "holds_position", "Nanhai University", "president"),
         ("Wu Qiang", "holds_position", "Nanhai University", "dean")}),
    "a 'Congress' whose name opens with a year or 'World' and has no level word is an event; 'a keynote "
    "address at the opening session' attends it; a people's congress stays a body": (
        "The 2026 World Robot Congress opened in Shenyang. Gao Lin gave a keynote address at the opening "
        "session. Wu Bo, deputy to the 14th National People's Congress, spoke.",
        {("World Robot Congress", "located_in", "Shenyang", None),
         ("Gao Lin", "attended", "World Robot Congress", None)}),
    "a name whose head word heads projects is an organization where it signs or a post is held in it; a "
    "surname and a place's name that NER reads as a person; an apostrophe in a given name": (
        "The Wuxi Municipal People's Government and the National Grid Research Center signed a cooperation "
        "agreement on Monday. Chen Min’er, Secretary of the Wuxi Municipal Party Committee, and Wang Jinhua, "
        "director of the National Grid Research Center, attended the signing.",
        {("National Grid Research Center", "signed_agreement_with", "Wuxi Municipal People's Government", None),
         ("Chen Min’er", "holds_position", "Wuxi Municipal Party Committee", "Secretary"),
         ("Wang Jinhua", "holds_position", "National Grid Research Center", "director")}),
    "a headline in title case parsed as the body writes its words; two names listed before their verb": (
        "Fujian, Haixi Cooperate in Smart Port Construction\n\n"
        "On May 3, the Fujian Provincial People's Government and Haixi Shipping Group signed an agreement on "
        "smart port construction.",
        {("Fujian", "cooperates_with", "Haixi Shipping Group", None),
         ("Fujian Provincial People's Government", "signed_agreement_with", "Haixi Shipping Group", None)}),
    "title chains of real pages: a body of no name of its own kept in the role, after a title or after an "
    "organization's possessive; a sub-unit named before its organization; a list of people who carry their "
    "titles; a title two people share": (
        "Guo Fan, Secretary of the Party Committee and President of Nanhai Shipping Group, and Zhou Yi, Lianda "
        "Group’s Secretary of the CPC Committee and Chairman, met with Lu Qiang, President of Velotek Group in "
        "Greater China region, Xu Bo, President of Hengda Group, and Ma Li, Manager of the Southwest Regional "
        "Headquarters of Hengda Group. Yang Jie and Ma Jun, vice-general managers of Hengda Group, attended.",
        {("Guo Fan", "holds_position", "Nanhai Shipping Group", "Secretary of the Party Committee and President"),
         ("Zhou Yi", "holds_position", "Lianda Group", "Secretary of the CPC Committee and Chairman"),
         ("Lu Qiang", "holds_position", "Velotek Group", "President"),
         ("Xu Bo", "holds_position", "Hengda Group", "President"),
         ("Ma Li", "holds_position", "Hengda Group", "Manager of the Southwest Regional Headquarters"),
         ("Yang Jie", "holds_position", "Hengda Group", "vice-general managers"),
         ("Ma Jun", "holds_position", "Hengda Group", "vice-general managers"),
         *(("Guo Fan" if i < 3 else "Zhou Yi", "met_with", guest, None)
           for i, guest in enumerate(["Lu Qiang", "Xu Bo", "Ma Li"] * 2))}),
    "'Title, Mr. X'; bodies written in lower case after a level word or a possessive; 'academician from'": (
        "Anhui hosts guests\n\n"
        "The guests included Executive Vice Governor, Mr. Feng Hao; Director of the provincial development and "
        "reform commission, Mr. Tian Lei; and Shi Jun, academician from the Chinese Academy of Engineering. Wu "
        "Tao, director of Optics Valley's administrative committee, signed the agreements in Hefei, Anhui "
        "Province.",
        {("Feng Hao", "holds_position", "Anhui Province", "Executive Vice Governor"),
         ("Tian Lei", "holds_position", "Anhui provincial development and reform commission", "Director"),
         ("Shi Jun", "holds_position", "Chinese Academy of Engineering", "academician"),
         ("Wu Tao", "holds_position", "Optics Valley's administrative committee", "director"),
         ("Hefei", "located_in", "Anhui Province", None)}),
    "a ceremony for a project held in Z places it there; a definite noun of a project with lower-case words "
    "before it; a government named in lower case": (
        "Kunpeng to build new data center\n\n"
        "The groundbreaking ceremony for the Kunpeng Xinyu Data Center was held in Xinyu on Monday. The data "
        "center, co-developed by the government of Yushui district and Kunpeng Group, will draw an investment of "
        "200 million yuan.",
        {("Kunpeng Xinyu Data Center", "located_in", "Xinyu", None),
         ("Kunpeng Group", "develops", "Kunpeng Xinyu Data Center", None),
         ("government of Yushui district", "develops", "Kunpeng Xinyu Data Center", None),
         ("Kunpeng Xinyu Data Center", "has_value", "200 million yuan", None)}),
    "a place and its title going on a chain; a title with a level word takes the last place of that level; "
    "persons in charge of enterprises, including A, B and C; a possessive title after another person's "
    "title is not the next person's; no meeting with one's own organization": (
        "Wang Qiang, secretary of Jinpu New District Party Working Committee and Jinpu District Mayor, met "
        "persons in charge of 53 enterprises, including Xuesong Holdings, Siemens and Ciming Group. Zhou Bin, "
        "member of the Jinpu District Party Standing Committee and Deputy District Mayor, attended. Sun Li, Orix "
        "Group’s Vice President, Toshiba’s General Manager, Wu Kai, Orix Group’s President, and Lu Fei, Orix "
        "Group’s Consultant, spoke.",
        {("Wang Qiang", "holds_position", "Jinpu New District Party Working Committee", "secretary"),
         ("Wang Qiang", "holds_position", "Jinpu District", "Mayor"),
         ("Wang Qiang", "met_with", "Xuesong Holdings", None),
         ("Wang Qiang", "met_with", "Siemens", None),
         ("Wang Qiang", "met_with", "Ciming Group", None),
         ("Zhou Bin", "holds_position", "Jinpu District Party Standing Committee", "member"),
         ("Zhou Bin", "holds_position", "Jinpu District", "Deputy District Mayor"),
         ("Sun Li", "holds_position", "Orix Group", "Vice President"),
         ("Sun Li", "holds_position", "Toshiba", "General Manager"),
         ("Wu Kai", "holds_position", "Orix Group", "President"),
         ("Lu Fei", "holds_position", "Orix Group", "Consultant")}),
    "double spaces inside a name and a bracket glued to it; a company with its local unit's place in "
    "brackets": (
        "Wuzheng Group and China  Mobile(Rizhao) signed a 5G cooperation agreement on Monday. Li Baojun, general "
        "manager of China  Mobile(Rizhao), attended.",
        {("China Mobile(Rizhao)", "signed_agreement_with", "Wuzheng Group", None),
         ("Li Baojun", "holds_position", "China Mobile(Rizhao)", "general manager")}),
    "the article's city named only at the start of another name; a district title in a new area; a "
    "political consultative conference is a body; 'join hands to build'": (
        "Projects signed in Tianjin Binhai New Area\n\n"
        "The Tianjin Binhai New Area signed 80 projects. Jin Bo, Deputy Mayor, and Yang Mao, Deputy Secretary "
        "of the Binhai District Party Committee and District Governor, spoke. Liu Hua, Deputy Director of the "
        "District Political Consultative Conference, attended. FAW Group and Changchun join hands to build the "
        "Changchun Automobile Park.",
        {("Jin Bo", "holds_position", "Tianjin", "Deputy Mayor"),
         ("Yang Mao", "holds_position", "Binhai District Party Committee", "Deputy Secretary"),
         ("Yang Mao", "holds_position", "Tianjin Binhai New Area", "District Governor"),
         ("Liu Hua", "holds_position", "District Political Consultative Conference", "Deputy Director"),
         ("Changchun", "cooperates_with", "FAW Group", None),
         ("FAW Group", "develops", "Changchun Automobile Park", None),
         ("Changchun", "develops", "Changchun Automobile Park", None)}),
    "an agreement's title is no entity; 'the governments of A and B signed'; countries listed are in none "
    "of each other": (
        "Tangshan seizes opportunity\n\n"
        "In July 2014, the governments of Beijing and Hebei Province signed Framework Agreement for "
        "Co-development of Caofeidian Demonstration Area. Tangshan will cooperate with Japan, ROK, Germany, "
        "Israel and Singapore.",
        {("Beijing", "signed_agreement_with", "Hebei Province", None),
         *((min(country, "Tangshan"), "cooperates_with", max(country, "Tangshan"), None)
           for country in ("Japan", "ROK", "Germany", "Israel", "Singapore"))}),
    "a breadcrumb is no text; 'his inspection tour in Z'; 'Secretary A and President B of X'; a company named "
    "after its city with no head word; a center of a university; 'did surveys to Z'": (
        "Position:news > buses > Kunlun to Build a New Production Base\n\n"
        "Kunlun to Build a New Production Base\n\n"
        "Li Ming, secretary of the CPC Anhui Provincial Committee, made the remark during his inspection tour in "
        "Feixi county of Hefei. Secretary Jiang Bo and President Xu Lin of Hefei University attended, as did "
        "Wang Fan, president of Hefei Lanxin Smart, and Prof. Zhou Yu, Director of the China Center of Stanford "
        "University. YRIC did surveys to Feixi County.",
        {("Li Ming", "holds_position", "CPC Anhui Provincial Committee", "secretary"),
         ("Li Ming", "visited", "Feixi county", None),
         ("Feixi county", "located_in", "Hefei", None),
         ("Jiang Bo", "holds_position", "Hefei University", "Secretary"),
         ("Xu Lin", "holds_position", "Hefei University", "President"),
         ("Wang Fan", "holds_position", "Hefei Lanxin Smart", "president"),
         ("Zhou Yu", "holds_position", "China Center of Stanford University", "Director"),
         ("YRIC", "visited", "Feixi County", None)}),
    "'Secretary-General of X' names X; 'Vice Premier of X'; 'Chief Economist ... at X'; an organization's "
    "title before a name, shared by a second titled name after 'and'": (
        "Wang Hua, Secretary-General of Shandong Provincial Government, attended. Zhang Dejiang, Vice Premier of "
        "the State Council and CPC Chongqing Committee Secretary, met with Sinopec Group Chairman Fu Chengyu and "
        "President Wang Tianpu. Preston McAfee, Chief Economist and Corporate Vice President at Microsoft, spoke.",
        {("Wang Hua", "holds_position", "Shandong Provincial Government", "Secretary-General"),
         ("Zhang Dejiang", "holds_position", "State Council", "Vice Premier"),
         ("Zhang Dejiang", "holds_position", "CPC Chongqing Committee", "Secretary"),
         ("Fu Chengyu", "holds_position", "Sinopec Group", "Chairman"),
         ("Wang Tianpu", "holds_position", "Sinopec Group", "President"),
         ("Zhang Dejiang", "met_with", "Fu Chengyu", None),
         ("Zhang Dejiang", "met_with", "Wang Tianpu", None),
         ("Preston McAfee", "holds_position", "Microsoft", "Chief Economist and Corporate Vice President")}),
    "'A Company of B' is B's subsidiary; 'A and B in Z' puts only B there where A is of another kind; 'in Z, "
    "in Y's W province'; 'a 30 GWh plant' is no name": (
        "On August 9, Guangdong New Energy Company of China Resources Power and Gaoyao District in Zhaoqing City "
        "signed an agreement. BYD plans to build a 30 GWh plant in Yichun, in China’s Jiangxi province.",
        {("Gaoyao District", "signed_agreement_with", "Guangdong New Energy Company of China Resources Power", None),
         ("Gaoyao District", "located_in", "Zhaoqing City", None),
         ("Guangdong New Energy Company of China Resources Power", "subsidiary_of", "China Resources Power", None),
         ("Jiangxi province", "located_in", "China", None),
         ("Yichun", "located_in", "Jiangxi province", None)}),
    "'takes place in' a venue named after events; 'A (alias) in Z'; 'based in Y's capital city, Z'; 'the "
    "city of Z' names a city, not the article's": (
        "The 2026 World Robot Expo takes place in the Yuelai International Exhibition and Conference City in "
        "Liangjiang New Area. East Lake High-tech Development Zone (Optics Valley of China) in Wuhan received "
        "investment. Huagong Technology Company is based in Hubei's capital city, Wuhan. Zhejiang will provide "
        "land for a factory in the city of Shaoxing.",
        {("World Robot Expo", "located_in", "Yuelai International Exhibition and Conference City", None),
         ("Yuelai International Exhibition and Conference City", "located_in", "Liangjiang New Area", None),
         ("East Lake High-tech Development Zone", "located_in", "Wuhan", None),
         ("Huagong Technology Company", "located_in", "Wuhan", None),
         ("Wuhan", "located_in", "Hubei", None)}),
    "a project named by an acronym's possessive and common nouns, its value in brackets; 'A signed an "
    "agreement with B and C' (one agreement: B and C signed too); 'the two cities'; 'sponsored by'": (
        "KTK’s rail transit industrial park has an investment of 5 billion yuan, and AAC’s new energy plant (500 "
        "million yuan) started. The Harbin municipal government signed a strategic cooperation agreement with "
        "the China Metallurgical Geology Bureau and Harbin Institute of Technology. Wuxi and Xuzhou signed an "
        "agreement. The two cities will carry out exchange and cooperation. The Wuxi-Xuzhou Industrial Park is "
        "sponsored by the Wuxi National Hi-tech District.",
        {("KTK", "develops", "KTK’s rail transit industrial park", None),
         ("AAC", "develops", "AAC’s new energy plant", None),
         ("KTK’s rail transit industrial park", "has_value", "5 billion yuan", None),
         ("AAC’s new energy plant", "has_value", "500 million yuan", None),
         ("China Metallurgical Geology Bureau", "signed_agreement_with", "Harbin municipal government", None),
         ("Harbin Institute of Technology", "signed_agreement_with", "Harbin municipal government", None),
         ("China Metallurgical Geology Bureau", "signed_agreement_with", "Harbin Institute of Technology", None),
         ("Wuxi", "signed_agreement_with", "Xuzhou", None),
         ("Wuxi", "cooperates_with", "Xuzhou", None),
         ("Wuxi National Hi-tech District", "develops", "Wuxi-Xuzhou Industrial Park", None)}),
    "titles before names in a list ('Secretary of X A, Deputy Secretary of X and District Mayor B'); a body's "
    "name that runs into a person's; the parties of a signing at an event attend it; 'comprises six cities: "
    "A, B and C'": (
        "A ceremony was held in Linzi District. Secretary of the Linzi District Party Committee Zhu Bo, Deputy "
        "Secretary of the Linzi District Party "
        "Committee and District Mayor Song Li, and The director of the Standing Committee of the District "
        "People's Congress Lu Hua attended. The Yunnan Academy of Agricultural Sciences and Jiangsu Academy of "
        "Agricultural Sciences signed an agreement at the 2017 Kunming Technology Seminar. The Beibu Gulf "
        "Economic Zone comprises three cities: Nanning, Beihai and Qinzhou.",
        {("Zhu Bo", "holds_position", "Linzi District Party Committee", "Secretary"),
         ("Song Li", "holds_position", "Linzi District", "District Mayor"),
         ("Jiangsu Academy of Agricultural Sciences", "signed_agreement_with", "Yunnan Academy of Agricultural Sciences", None),
         ("Yunnan Academy of Agricultural Sciences", "attended", "Kunming Technology Seminar", None),
         ("Jiangsu Academy of Agricultural Sciences", "attended", "Kunming Technology Seminar", None),
         *((city, "part_of", "Beibu Gulf Economic Zone", None) for city in ("Nanning", "Beihai", "Qinzhou"))}),
    "an organization's delegation visits with its leader; 'a party of five, led by X'; 'visited several parks in "
    "Z'; 'hosted by A' attends; a hotel is a place; 'two Weichai Power Executive Presidents'; 'Secretary X of A "
    "and President Y'; 'Secretary General of A'; an acronym is no short form of a longer name it starts": (
        "On May 14, CEATEC delegation headed by Chen Jing, Executive Vice President of CEATEC, visited Xi’an "
        "Economic and Technological Development Zone. A party of five, led by Deng Li, visited Beijing. Chen "
        "Yong visited several industrial parks and enterprises in Zhuhai's Xiangzhou district. The Third Huainan "
        "Transformation Conference, hosted by the Huainan Municipal People's Government, was held at the Huainan "
        "State Guest Hotel. The Party Secretary Yang Zhen of Shanghai Jiaotong University and President Lin Qin "
        "spoke. Cao Peng, Secretary General of Shenyang Municipal Government, spoke. Du Dong, Vice President of "
        "SCUN, visited the SCUN Museum of Ethnology. Xu Xinyu and Zhang Quan, two Weichai Power Executive "
        "Presidents, arrived.",
        {("Chen Jing", "holds_position", "CEATEC", "Executive Vice President"),
         ("Chen Jing", "visited", "Xi’an Economic and Technological Development Zone", None),
         ("CEATEC", "visited", "Xi’an Economic and Technological Development Zone", None),
         ("Deng Li", "visited", "Beijing", None),
         ("Chen Yong", "visited", "Xiangzhou district", None),
         ("Xiangzhou district", "located_in", "Zhuhai", None),
         ("Huainan Municipal People's Government", "attended", "Third Huainan Transformation Conference", None),
         ("Third Huainan Transformation Conference", "located_in", "Huainan State Guest Hotel", None),
         ("Yang Zhen", "holds_position", "Shanghai Jiaotong University", "Party Secretary"),
         ("Lin Qin", "holds_position", "Shanghai Jiaotong University", "President"),
         ("Cao Peng", "holds_position", "Shenyang Municipal Government", "Secretary General"),
         ("Du Dong", "holds_position", "SCUN", "Vice President"),
         ("Du Dong", "visited", "SCUN Museum of Ethnology", None),
         ("Xu Xinyu", "holds_position", "Weichai Power", "Executive Presidents"),
         ("Zhang Quan", "holds_position", "Weichai Power", "Executive Presidents")}),
    "a surname in capitals; a title already held elsewhere implies no other place ('Mayor of Matola ... Mayor "
    "Parruque'); 'the delegation' of one who came 'with a delegation'; a body's shorter name inside its "
    "longer one": (
        "Mr. Júlio José Parruque, Mayor of Matola, Mozambique, visited Ningbo with a delegation of 8 colleagues. "
        "The delegation visited Ningbo Zhoushan Port, and enterprises including Roaby Group and Sellers Union "
        "Group. Ms. BAO Xianping, "
        "Director-General of Ningbo Foreign Affairs Office, met with Mayor Parruque. The People’s Government of "
        "Guangming District of Shenzhen and the Shenzhen Institute of Advanced Technology signed an agreement. "
        "The Government of Guangming District will fund it.",
        {("Júlio José Parruque", "holds_position", "Matola", "Mayor"),
         ("Matola", "located_in", "Mozambique", None),
         ("Júlio José Parruque", "visited", "Ningbo", None),
         ("Júlio José Parruque", "visited", "Ningbo Zhoushan Port", None),
         ("Júlio José Parruque", "visited", "Roaby Group", None),
         ("Júlio José Parruque", "visited", "Sellers Union Group", None),
         ("BAO Xianping", "holds_position", "Ningbo Foreign Affairs Office", "Director-General"),
         ("BAO Xianping", "met_with", "Júlio José Parruque", None),
         ("People’s Government of Guangming District of Shenzhen", "signed_agreement_with",
          "Shenzhen Institute of Advanced Technology", None)}),
    "a body's head in lower case 'of' a name; 'General Legal Counsel' is a title; a center of a project; a "
    "list's last 'A and B Group' stays one name where A has no head": (
        "Zhang Chunxian, secretary of the Xinjiang committee of the Communist Party of China, spoke. He Yuping, "
        "General Legal Counsel and the Board Secretary of Yuexiu Group, spoke. Huang Wei visited the Intelligent "
        "Exhibition Center of China-ASEAN Information Harbor. The Chongqing Municipal People’s Government signed "
        "agreements with China Ocean Shipping Group Co., Ltd., China Energy Conservation and Environmental "
        "Protection Group Co., Ltd., and China Logistics Group Co., Ltd.",
        {("Zhang Chunxian", "holds_position", "Xinjiang committee of the Communist Party of China", "secretary"),
         ("He Yuping", "holds_position", "Yuexiu Group", "General Legal Counsel and the Board Secretary"),
         ("Huang Wei", "visited", "Intelligent Exhibition Center of China-ASEAN Information Harbor", None),
         *((company, "signed_agreement_with", "Chongqing Municipal People’s Government", None) for company in (
             "China Ocean Shipping Group Co., Ltd.", "China Energy Conservation and Environmental Protection Group Co., "
             "Ltd.", "China Logistics Group Co., Ltd."))}),
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


def test_nobody_meets_the_organization_they_hold_a_post_in(extract_text) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_text("Li Wei, Deputy General Manager of Minmetals Corporation, met with Minmetals "
                              "Corporation and Guo Hao.")
    assert ("Li Wei", "met_with", "Minmetals Corporation", None) not in facts(extraction)
    assert ("Li Wei", "met_with", "Guo Hao", None) in facts(extraction)


def test_no_fact_for_an_unnamed_meeting_or_a_title_without_organization(extract_text) -> None:  # type: ignore[no-untyped-def]
    extraction = extract_text("Wu Jing, secretary-general, and Ma Lan attended the meeting. "
                              "President Deng Rui spoke.")
    assert facts(extraction) == set()


def test_evidence_is_cut_from_the_article_where_spaces_were_squeezed(extract_text) -> None:  # type: ignore[no-untyped-def]
    text = "Kunlun\tGroup  and   the Hefei  Municipal People's Government signed\u00a0a deal.\n"
    [triple] = extract_text(text).triples
    assert (triple.subject, triple.object) == ("Kunlun Group", "Hefei Municipal People's Government")
    assert text[triple.start:triple.end] == triple.evidence == text.strip()


def test_evidence_offsets_and_dates(extract_text) -> None:  # type: ignore[no-untyped-def]
    text = ("Qinzhou port deal\nPublished on 12 July 2022\n\n"
            "On July 3rd, Qinzhou Port Group signed an agreement with Beibu Gulf Shipping Co., Ltd.")
    [triple] = extract_text(text).triples
    assert text[triple.start:triple.end] == triple.evidence
    assert triple.evidence.startswith("On July 3rd")
    assert (triple.date, triple.event_date) == ("2022-07-12", "2022-07-03")
