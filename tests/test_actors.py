"""Actors and mentions: persons, countries and organizations in news-style snippets."""

from __future__ import annotations

import pytest

from kit.corpus import parse_article
from kit.data_files import read_csv
from kit.schema import COLUMNS


def actors_of(text: str, published: str = "2016-01-27"):
    return parse_article(text, published=published, article_id="t").actors


def names(text: str, kind: str, published: str = "2016-01-27") -> list[str]:
    df = actors_of(text, published)
    return sorted(df.loc[df["kind"] == kind, "actor"])


def test_columns_and_offsets_round_trip():
    text = (
        "Kerry in Beijing\n\n"
        "Secretary of State John Kerry met Chinese Foreign Minister Wang Yi in Beijing on "
        "Wednesday. Mr. Kerry said later that Wang had listened."
    )
    art = parse_article(text, published="2016-01-27", article_id="t")
    assert list(art.actors.columns[: len(COLUMNS["actors"])]) == COLUMNS["actors"]
    assert list(art.mentions.columns[: len(COLUMNS["mentions"])]) == COLUMNS["mentions"]
    for row in art.mentions.itertuples():
        assert text[row.start : row.end] == row.text
    for row in art.actors.itertuples():
        assert text[row.start : row.end] == row.text


def test_full_name_and_later_mentions_are_one_person():
    text = (
        "Talks in Beijing\n\n"
        "Secretary of State John Kerry arrived on Tuesday. Mr. Kerry met officials, and Kerry "
        "later spoke to reporters."
    )
    df = actors_of(text)
    persons = df[df["kind"] == "person"]
    assert list(persons["actor"]) == ["John Kerry"]
    row = persons.iloc[0]
    assert row["mentions"] == 3
    assert row["role"] == "Secretary of State"
    assert row["country"] == "United States"


def test_kim_jong_un_spellings_are_one_person():
    text = (
        "Kim speaks\n\n"
        "North Korean leader Kim Jong-un gave a speech. Analysts said Kim Jong Un wanted talks, "
        "and Mr. Kim repeated the offer."
    )
    df = actors_of(text, "2013-04-09")
    persons = df[df["kind"] == "person"]
    assert len(persons) == 1
    assert persons.iloc[0]["mentions"] == 4  # the headline's "Kim" counts too
    assert persons.iloc[0]["country"] == "North Korea"


def test_unknown_person_found_by_appositive_with_role_and_affiliation():
    text = (
        "Analysis\n\n"
        "“It is a long game,” said Ted Galen Carpenter, a foreign policy specialist at the "
        "Cato Institute. Carpenter added that patience was thin."
    )
    df = actors_of(text)
    row = df[df["actor"] == "Ted Galen Carpenter"].iloc[0]
    assert row["kind"] == "person"
    assert row["role"] == "foreign policy specialist"
    assert row["affiliation"] == "Cato Institute"
    assert row["country"] == "United States"  # the Cato Institute's home country
    assert row["mentions"] == 2


def test_photo_credit_is_not_an_actor():
    text = (
        "What hope for diplomacy?\n\n"
        "A short standfirst about the crisis and Secretary of State John Kerry.\n\n"
        "Ng Han Guan/AP/File\n"
        "North Korean leader Kim Jong-un waves at a stadium in Pyongyang.\n\n"
        "Kim Jong-un has raised tensions on the Korean peninsula, analysts say."
    )
    df = actors_of(text, "2013-04-09")
    assert "Ng Han Guan" not in set(df["actor"])
    assert "Associated Press" not in set(df["actor"])


def test_us_is_the_country_but_us_is_not():
    text = "Talks\n\nThe U.S. and the US Navy will help us, said an official in Washington."
    mentions = parse_article(text, published="2016-01-27", article_id="t").mentions
    us = mentions[mentions["actor"] == "United States"]
    assert "us" not in set(us["text"])
    assert {"U.S.", "Washington"} <= set(us["text"])


def test_capitals_and_demonyms_are_countries():
    text = (
        "Diplomacy\n\n"
        "Beijing and Pyongyang traded words. Chinese officials said North Koreans were hungry, "
        "while Seoul stayed quiet."
    )
    assert names(text, "country") == ["China", "North Korea", "South Korea"]


def test_korean_war_and_seas_are_not_countries():
    text = (
        "History\n\n"
        "The alliance was forged in the Korean war. Ships sail the South China Sea and the "
        "East China Sea, and a unified Korea worries planners on the Korean peninsula."
    )
    assert names(text, "country") == []


def test_the_north_in_a_korean_context():
    text = "Talks\n\nNorth Korea tested a missile. Seoul said the North would pay a price."
    mentions = parse_article(text, published="2016-01-27", article_id="t").mentions
    north = mentions[mentions["text"] == "North"]
    assert list(north["actor"]) == ["North Korea"]


def test_organizations_known_and_by_rule():
    text = (
        "Sanctions\n\n"
        "The UN Security Council voted, analysts at the RAND Corp. said, and the Korea Institute "
        "for National Unification agreed. “Not yet,” said Evelyn Marsh of the Brookings Institution."
    )
    orgs = names(text, "organization")
    assert "UN Security Council" in orgs
    assert "RAND Corp." in orgs
    assert "Korea Institute for National Unification" in orgs
    assert "Brookings Institution" in orgs
    assert "Evelyn Marsh" in names(text, "person")


def test_month_weekday_and_sentence_openers_are_not_persons():
    text = (
        "Week ahead\n\n"
        "Investigators said on Monday that May would be busy. But officials said little."
    )
    assert names(text, "person") == []


def test_surname_only_officeholder_active_in_the_article_year():
    text = "Summit\n\nObama will meet Xi next month, aides said."
    assert names(text, "person") == ["Barack Obama", "Xi Jinping"]


def test_data_files_have_the_documented_columns():
    assert {"canonical", "aliases", "capital", "adjectives"} <= set(read_csv("countries.csv")[0])
    assert {"name", "aliases", "country", "office", "years"} <= set(
        read_csv("officeholders.csv")[0]
    )
    assert {"canonical", "aliases", "country"} <= set(read_csv("organizations.csv")[0])
    assert len(read_csv("countries.csv")) >= 193


@pytest.mark.parametrize("seed_id", ["cnn-2016-kerry-beijing", "csm-2013-diplomacy-hope"])
def test_seed_persons_are_listed_once(seed_id):
    from kit.corpus import load_corpus

    actors = load_corpus().actors
    persons = actors[(actors["article"] == seed_id) & (actors["kind"] == "person")]
    assert persons["actor"].is_unique
    assert len(persons) >= 5


# -- name boundaries -------------------------------------------------------------------------
def test_middle_initial_stays_inside_the_name():
    text = (
        "Sanctions\n\nRobert J. Calloway, a sanctions lawyer in New York, said the rules were "
        "vague. Mr. Calloway added that banks were nervous."
    )
    assert names(text, "person") == ["Robert J. Calloway"]


def test_title_of_several_words_is_not_part_of_the_name():
    text = "Tokyo protests\n\nChief Cabinet Secretary Taro Minegishi said Japan would protest."
    assert names(text, "person") == ["Taro Minegishi"]


def test_organization_name_runs_past_of_after_a_person():
    text = (
        "Analysis\n\nProfessor Goh Chee Leong of the Nanyang Institute of Maritime Studies said "
        "the talks were stuck. Researchers at the Central University of Malaysia agreed."
    )
    orgs = names(text, "organization")
    assert "Nanyang Institute of Maritime Studies" in orgs
    assert "Central University of Malaysia" in orgs


def test_based_prefix_is_not_part_of_an_organization_nor_a_country():
    text = "Report\n\nA study by the Tokyo-based Harbor Policy Institute found gaps in the data."
    assert names(text, "organization") == ["Harbor Policy Institute"]
    assert names(text, "country") == []


def test_well_known_organizations_from_the_list():
    text = (
        "Arms\n\nThe C.I.A. declined to comment. Lockheed Martin, which builds the radar, said "
        "it was ready. Air China cancelled flights, and the BRICS leaders met."
    )
    assert names(text, "organization") == [
        "Air China",
        "BRICS",
        "C.I.A.",
        "Lockheed Martin",
    ]


def test_contributor_line_is_not_an_actor_mention():
    text = (
        "Storm\n\nThe storm hit the coast on Monday, officials said.\n\n"
        "Reuters reporter Anna Brightwater in Manila contributed to this report."
    )
    assert names(text, "person") == []
    assert names(text, "organization") == []


# -- persons that are not in the text ------------------------------------------------------
def test_bare_office_or_common_surname_is_not_the_office_holder():
    text = (
        "Election\n\nSouth Korea's presidential election is in December. A farmer named Lee, "
        "who gave only his surname, said prices were high."
    )
    assert "Lee Myung-bak" not in names(text, "person", published="2011-06-01")


def test_office_title_and_common_surname_is_the_office_holder():
    text = "Seoul\n\nPresident Lee said on Monday that the talks would go on."
    assert names(text, "person", published="2011-06-01") == ["Lee Myung-bak"]


def test_name_set_off_after_a_role_noun_is_a_person():
    text = "Study\n\nThe report's lead author, Marta Kowalczyk, argued that the data were thin."
    assert names(text, "person") == ["Marta Kowalczyk"]


def test_capital_as_a_place_is_not_the_government():
    text = (
        "Talks\n\nEnvoys gathered in Jakarta and Canberra last week. The Manila summit ended "
        "early, and the meeting moved to the capital, Bangkok."
    )
    assert names(text, "country") == []


def test_capital_as_the_government_is_the_country():
    text = "Talks\n\nManila said on Friday that it would host the talks; Canberra agreed."
    assert names(text, "country") == ["Australia", "Philippines"]


def test_rule_found_organization_stops_at_a_sentence_end():
    text = "Launch\n\nThe rocket lifted off from Sohae. The Defense Ministry said it flew far."
    assert names(text, "organization") == ["Defense Ministry"]


def test_listed_organization_inside_a_rule_match_stays_whole():
    text = "Plenum\n\nKim chaired the Political Bureau of the Workers' Party of Korea on Sunday."
    orgs = names(text, "organization")
    assert "Political Bureau" in orgs
    assert "Workers' Party of Korea" in orgs


def test_distributor_after_via_is_a_credit():
    text = "Launch\n\nThe image was released by state media via Reuters on Monday."
    assert names(text, "organization") == []


def test_reporting_by_line_is_a_credit():
    text = (
        "Storm\n\nThe storm hit the coast on Monday, officials said.\n\n"
        "(Reporting by Anna Brightwater; Editing by Tom Rourke at Reuters)"
    )
    assert names(text, "person") == []
    assert names(text, "organization") == []


def test_table_builder_gives_the_same_frame_as_row_dicts():
    import pandas as pd

    from kit.schema import TableBuilder, frame

    row = {"article": "a", "text": "x", "kind": "title", "start": 1, "end": 2, "sentence": 0}
    odd = {**row, "extra": 3}
    for parts in ([[row, row]], [[row], [odd]], [[]]):
        builder = TableBuilder("terms")
        for part in parts:
            builder.add(part)
        expected = frame("terms", [r for part in parts for r in part])
        pd.testing.assert_frame_equal(builder.frame(), expected)


def test_nuclear_site_named_like_an_institution_is_not_an_organization():
    text = (
        "Reactor\n\nSmoke rose over the Yongbyon Nuclear Scientific Research Center, analysts said."
    )
    assert names(text, "organization") == []


def test_organization_at_sentence_end_leaves_the_full_stop_out():
    text = (
        "Analysts\n\n"
        "“It is a dangerous moment,” said Gary Samore, an expert at the Council on Foreign "
        "Relations. Officials at Acme Holdings Corp. declined to comment."
    )
    orgs = names(text, "organization")
    assert "Council on Foreign Relations" in orgs
    assert "Acme Holdings Corp." in orgs  # an abbreviation keeps its full stop


def test_name_with_a_thing_appositive_or_after_in_is_not_a_person():
    text = (
        "Outage\n\n"
        "The lines went down on Monday, according to NetPulse Analytics, a U.S. firm that "
        "monitors traffic. “Nobody came today,” the owner of a firm with a plant in Kaesong "
        "told Reuters."
    )
    assert names(text, "person", "2014-12-27") == []


def test_listed_person_keeps_the_full_name_as_the_article_writes_it():
    text = "Guam\n\nUS Defence Secretary James Mattis said the North was outgunned. Mattis added"
    assert names(text, "person", "2017-08-10") == ["James Mattis"]


def test_name_joined_by_and_to_a_person_is_a_person():
    text = (
        "Release\n\n"
        "The journalists, Laura Ling and Euna Lee, who work for a media company, were freed. "
        "Ms. Ling thanked her family."
    )
    df = actors_of(text, "2009-08-05")
    persons = df[df["kind"] == "person"].set_index("actor")
    assert sorted(persons.index) == ["Euna Lee", "Laura Ling"]
    assert persons.loc["Laura Ling", "mentions"] == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He was taken to the University of Cincinnati Medical Center. His father spoke.",
            ["University of Cincinnati Medical Center"],
        ),
        (
            "Kim convened the party’s Central Military Commission on Thursday, officials said.",
            ["Central Military Commission"],
        ),
        ("The opposition Minjoo Party of Korea called the move hasty.", ["Minjoo Party of Korea"]),
        ("Christopher Hill told reporters the talks went well.", []),  # not "The Hill"
    ],
)
def test_organization_names_found_by_the_rule(text, expected):
    assert names("Talks\n\n" + text, "organization", "2015-08-21") == expected


def test_outlets_in_credits_and_bylines_are_not_actors():
    text = (
        "Border\n\n"
        "Soldiers ride on a truck near the border. Photo: Park Ji-hwan/AFP/Getty Images\n\n"
        "Trucks return from the Kaesong complex on Thursday. (Yonhap)\n\n"
        "Analysis by Laura Wexford, BBC Seoul correspondent\n\n"
        "The North said it would respond."
    )
    assert names(text, "organization", "2015-08-21") == []


def test_names_broken_across_lines_of_a_hard_wrapped_text():
    body = (
        "Kim Yo-jong met President Moon Jae-in in Seoul on Saturday, and later she met\n"
        "students at Ewha Womans University, where Vice President Mike Pence had\n"
        "spoken a day earlier about the nuclear program and the allies in the\n"
        "region, officials said after the meeting at the presidential Blue House.\n"
    )
    text = "Olympic thaw\n\n" + body + "\nMr.\nPence said nothing has changed.\n"
    df = actors_of(text, "2018-02-12")
    assert "Ewha Womans University" in set(df.loc[df["kind"] == "organization", "actor"])
    assert "Mike Pence" in set(df.loc[df["kind"] == "person", "actor"])
    for row in df.itertuples():  # the original text, line breaks and all, at every offset
        assert text[row.start : row.end] == row.text


def test_office_holder_listed_as_president_x_and_x_is_found_by_surname():
    text = "Talks\n\nPresident Bush said the talks were useful. Bush added that he was hopeful."
    assert names(text, "person", "2003-04-25") == ["George W. Bush"]


def test_persons_in_a_list_with_known_persons_and_after_a_kinship_word():
    text = (
        "Visit\n\n"
        "Xi was greeted by Kim Jong Un and his wife Ri Sol Ju at the airport. "
        "Ding Xuexiang, Yang Jiechi, Wang Yi and He Lifeng were among the delegation."
    )
    persons = set(names(text, "person", "2019-06-20"))
    assert {"Ri Sol Ju", "Ding Xuexiang", "He Lifeng"} <= persons
    assert "Lifeng" not in persons


def test_dateline_place_and_the_seat_of_a_university_are_not_actors():
    text = (
        "Outage\n\n"
        "Seoul, South Korea (CNN) — North Korea on Saturday blamed the United States.\n\n"
        "“It has to be seen to hit back,” said Lim Sung-jae, a professor at Kyungnam "
        "University in Seoul."
    )
    assert names(text, "country", "2014-12-27") == ["North Korea", "United States"]


def test_full_name_before_any_reporting_verb_is_a_person_but_a_reporting_credit_is_not():
    text = (
        "Hanoi\n\n"
        "Writing for a website, Robert J. Tamsin argued that the offer was substantial.\n\n"
        "Helen Cho reported from Seoul, and David Kessler from Beijing."
    )
    assert names(text, "person", "2019-03-15") == ["Robert J. Tamsin"]


def test_two_organizations_joined_by_and_the_stay_two():
    text = "Talks\n\nThe Pentagon and the State Department said the deal was dead."
    assert names(text, "organization") == ["Pentagon", "State Department"]


def test_a_capitalized_place_before_a_cue_is_not_a_person():
    text = "Talks\n\nOfficials at the Kaesong Industrial Complex said the plant would reopen."
    assert names(text, "person") == []


def test_capitalized_reporting_verbs_in_a_headline_are_not_names():
    text = (
        "Ministry Spokesman Says Talks Are Over as Kim Tells Moon to Wait\n\n"
        "A spokesman said the talks were over."
    )
    assert not {"Says", "Tells", "Kim Tells"} & set(names(text, "person"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # North Korean names in three one-syllable parts, in a dash-delimited list
        (
            "The detainees — Kim Dong Chul, Kim Hak Song and Tony Kim — landed on Thursday.",
            ["Kim Dong Chul", "Kim Hak Song", "Tony Kim"],
        ),
        # a long capitalized run: country, office and name
        (
            "South Korean Defense Minister Song Young-moo said the launch was a provocation.",
            ["Song Young-moo"],
        ),
    ],
)
def test_korean_names_in_lists_and_long_runs(text, expected):
    assert names("Talks\n\n" + text, "person", "2018-05-11") == expected


def test_kcna_lower_case_south_korea_and_the_uk_style_security_council():
    text = (
        "Drills\n\nThe south Korean puppet forces staged drills in south Korea, and the UN "
        "security council met."
    )
    assert names(text, "country") == ["South Korea"]
    assert names(text, "organization") == ["UN Security Council"]


def test_congressional_leadership_titles_are_titles():
    text = "Senate\n\nSenate Minority Leader Chuck Schumer was blunter."
    assert names(text, "person", "2019-07-01") == ["Chuck Schumer"]


def test_outlets_in_datelines_and_sign_offs_are_not_actors():
    text = (
        "Talks\n\nTOKYO, Feb. 28 Kyodo - Prime Minister Junichiro Koizumi said the talks were "
        "useful.\n\n==Kyodo"
    )
    assert names(text, "organization", "2004-02-28") == []


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        # "chief executive of" marks the person; the company is no person
        (
            "Michael Lynton, chief executive of Sony Pictures Entertainment, told Variety that "
            "the studio would fight.",
            "person",
            ["Michael Lynton"],
        ),
        # business names end in words such as Entertainment, Airlines, Electronics
        ("Officials at Koryo Airlines said flights would resume.", "person", []),
        # "Inspector-General of Police": "Police" is never a name
        (
            "Inspector-General of Police Khalid Abu Bakar told a press conference that two "
            "suspects had fled.",
            "person",
            ["Khalid Abu Bakar"],
        ),
    ],
)
def test_business_names_and_long_titles(text, kind, expected):
    assert names("Story\n\n" + text, kind, "2017-03-05") == expected


@pytest.mark.parametrize(
    "sentence, person",
    [
        # a correspondent: a place or a participle aside between the name and the cue
        ("The BBC's Daniel Ashworth in Beijing says leaders were embarrassed.", "Daniel Ashworth"),
        (
            "Al Jazeera’s Mariam Okoro, reporting from the UN in New York, said the vote was close.",
            "Mariam Okoro",
        ),
        # a Korean family name from kit/data/east_asian_surnames.txt ("Sin", as in Sin Son-ho)
        ("North Korea’s ambassador to the UN, Sin Son-ho, hailed the outcome.", "Sin Son-ho"),
    ],
)
def test_names_found_from_a_cue_after_an_aside_or_a_korean_surname(sentence, person):
    assert person in names(f"Council vote\n\n{sentence}", "person")


def test_a_chinese_family_name_alone_refers_back_to_the_full_name():
    text = (
        "Trade\n\n"
        "“It has never worked like that,” said Jia Qingshan, a professor at Renmin University.\n\n"
        "Jia said China had already tightened controls on some trade with the North."
    )
    actors = actors_of(text)
    row = actors[actors["actor"] == "Jia Qingshan"].iloc[0]
    assert row["mentions"] == 2


@pytest.mark.parametrize(
    "text, persons",
    [
        # a Title Case headline's verb splits the run: "Kim Tells Wen" is two persons
        (
            "Kim Tells Wen North Korea May Return to Talks\n\n"
            "North Korean leader Kim Jong Il told Chinese Premier Wen Jiabao on Monday that his "
            "country may return to talks.",
            {"Kim Jong Il", "Wen Jiabao"},
        ),
        # British spelling of a title (kit/data/person_titles.txt)
        (
            "Rice in Beijing\n\n"
            "State Councillor Tang Jiaxuan briefed the visitors. Mr Tang had met Kim Jong-il.",
            {"Tang Jiaxuan", "Kim Jong Il"},
        ),
        # leaders still named long after their time (kit/data/officeholders.csv)
        (
            "Trade\n\n"
            "“It has never worked like that, not even in Mao’s time,” said Jia Qingshan, a "
            "professor at Renmin University.",
            {"Mao Zedong", "Jia Qingshan"},
        ),
    ],
)
def test_headline_verbs_british_titles_and_historic_leaders(text, persons):
    assert set(names(text, "person", published="2013-12-06")) == persons


@pytest.mark.parametrize(
    "sentence, org",
    [
        (
            "Patricia Vance, now at the Center for a New American Security, said so.",
            "Center for a New American Security",
        ),
        (
            "Sun Weidong, a researcher at the China Foundation for International Studies, said so.",
            "China Foundation for International Studies",
        ),
    ],
)
def test_organization_names_with_for_a_and_foundation_for(sentence, org):
    assert org in names(f"Talks\n\n{sentence}", "organization")
    assert "International Studies" not in names(f"Talks\n\n{sentence}", "person")


@pytest.mark.parametrize(
    "caption",
    [
        "[The warship was raised from the seabed in April [AFP]]",
        "Kim Jong Un in Dalian this month. Credit: Xinhua, via Associated Press",
        "[Photo: Vice President Cheney in Beijing yesterday. (Hao Wenlong -- Associated Press)]",
    ],
)
def test_agencies_in_photo_credits_are_not_actors(caption):
    text = f"Talks\n\n{caption}\n\nSEOUL — The talks went on, officials said on Monday."
    assert not {"AFP", "Xinhua", "Associated Press"} & set(names(text, "organization"))


@pytest.mark.parametrize(
    "text, orgs",
    [
        (
            "Bush met leaders in New York for the United Nations General Assembly.",
            ["United Nations General Assembly"],
        ),
        (
            "Richard Lugar, the ranking Republican on the Senate Foreign Relations Committee, "
            "said so.",
            ["Senate Foreign Relations Committee"],
        ),
        (
            "Richard Haass of the Council on Foreign Relations said so.",
            ["Council on Foreign Relations"],
        ),
        # a photographer working for an outlet: a credit, not an actor
        (
            "John Bolton spoke with Wang Guangya before the vote.\nDaniel Ferrante for The New "
            "York Times",
            [],
        ),
    ],
)
def test_links_before_organization_names_and_for_credits(text, orgs):
    assert names(f"Vote\n\n{text}", "organization") == orgs
