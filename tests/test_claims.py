"""Claims (quotes, reported speech) and quoted terms in news-style snippets."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.corpus import parse_article
from kit.schema import COLUMNS


def parse(text: str, published: str = "2016-01-27"):
    return parse_article(text, published=published, article_id="t")


def quotes(text: str, published: str = "2016-01-27") -> list[tuple[str, str]]:
    c = parse(text, published).claims
    q = c[c["kind"] == "quote"]
    return [(t.strip(" ,.”’\"'"), s) for t, s in zip(q["text"], q["speaker"], strict=True)]


def reported(text: str, published: str = "2016-01-27") -> list[tuple[str, str]]:
    c = parse(text, published).claims
    r = c[c["kind"] == "reported"]
    return list(zip(r["text"], r["speaker"], strict=True))


def test_columns_offsets_and_running_index():
    text = (
        "Talks\n\n"
        "Secretary of State John Kerry said the talks were useful. “We will keep trying,” he said."
    )
    art = parse(text)
    c = art.claims
    assert list(c.columns[: len(COLUMNS["claims"])]) == COLUMNS["claims"]
    assert list(c["claim"]) == list(range(1, len(c) + 1))
    for row in c.itertuples():
        assert text[row.start : row.end] == row.text
        if not pd.isna(row.cue_start):
            assert text[row.cue_start : row.cue_end] == row.cue


def test_quote_marks_curly_straight_and_apostrophes():
    text = (
        "Talks\n\n"
        '“We don’t want war,” said John Kerry. "Kim’s regime is the problem in the ’90s sense," '
        "Kerry added."
    )
    assert quotes(text) == [
        ("We don’t want war", "John Kerry"),
        ("Kim’s regime is the problem in the ’90s sense", "John Kerry"),
    ]


def test_fragments_after_called_are_quotes_of_the_speaker():
    text = (
        "Talks\n\n"
        "Chinese Foreign Minister Wang Yi met reporters. Wang called China’s response "
        "“clear cut” and “responsible.”"
    )
    assert quotes(text) == [("clear cut", "Wang Yi"), ("responsible", "Wang Yi")]


def test_split_quote_and_quote_without_cue_follow_the_speaker():
    text = (
        "Talks\n\n"
        "“China is dealing with a loose cannon,” said Ted Galen Carpenter, a foreign policy "
        "specialist at the Cato Institute. “Then the regime is unconstrained.”"
    )
    assert quotes(text) == [
        ("China is dealing with a loose cannon", "Ted Galen Carpenter"),
        ("Then the regime is unconstrained", "Ted Galen Carpenter"),
    ]


def test_multi_paragraph_quote_is_one_row():
    text = (
        "Talks\n\n"
        "“We did not come lightly,” Ri Yong-ho said. “The door is open.\n\n"
        "“But the South must stop dancing to the tune of outsiders.”\n\n"
        "The talks begin on Tuesday."
    )
    rows = quotes(text, "2018-01-08")
    assert rows[0] == ("We did not come lightly", "Ri Yong Ho")
    assert len(rows) == 2
    assert rows[1][0].startswith("The door is open")
    assert rows[1][0].endswith("outsiders")
    assert rows[1][1] == "Ri Yong Ho"


def test_pronoun_resolves_to_the_last_speaker():
    text = (
        "Talks\n\n"
        "Andrew Scobell, a senior political scientist at the RAND Corp., says China is wary. "
        "Successive administrations have been disappointed, he says.\n\n"
        "“He’s got to be concerned about his internal control,” he adds."
    )
    assert quotes(text) == [
        ("He’s got to be concerned about his internal control", "Andrew Scobell")
    ]


def test_unnamed_source_keeps_its_phrase():
    text = (
        "Talks\n\n“We want to send a message to the region,” said a senior administration official."
    )
    c = parse(text).claims
    assert list(c["speaker"]) == ["a senior administration official"]
    assert list(c["speaker_kind"]) == ["unnamed"]


def test_country_as_speaker():
    text = "Test\n\nNorth Korea tested a device. Pyongyang said it was a hydrogen bomb."
    c = parse(text).claims
    row = c[c["kind"] == "reported"].iloc[0]
    assert row["speaker"] == "North Korea"
    assert row["speaker_kind"] == "country"
    assert row["text"] == "it was a hydrogen bomb"


def test_scare_quotes_and_book_titles_are_terms():
    text = (
        "Policy\n\n"
        "Officials in Beijing distrust the U.S. “pivot” to Asia. “The Chinese are more worried "
        "about the US,” says Scobell, co-author of the book, “China’s Search for Security.”"
    )
    art = parse(text, "2013-04-09")
    terms = art.terms
    assert list(terms["kind"]) == ["scare_quote", "title"]
    assert list(terms["text"]) == ["pivot", "China’s Search for Security."]
    assert [t for t, _ in quotes(text, "2013-04-09")] == [
        "The Chinese are more worried about the US"
    ]
    for row in terms.itertuples():
        assert text[row.start : row.end] == row.text


def test_headline_single_quotes_guardian_style():
    text = (
        "North Korea 'ready to talk', says envoy\n\n"
        "Ri Chol-min, a vice-chairman of the delegation, told KCNA that talks could start soon. "
        "“We did not come to this decision lightly,” Ri said."
    )
    rows = quotes(text, "2018-01-08")
    assert rows[0] == ("ready to talk", "Ri Chol-min")


def test_reported_speech_content_clause_and_cue():
    text = (
        "Talks\n\n"
        "In a joint press conference, Kerry said the international community could get tougher "
        "with Pyongyang. China, though, is reluctant to pressure Pyongyang, Mr. Scobell says."
    )
    c = parse(text).claims
    r = c[c["kind"] == "reported"]
    assert list(r["text"]) == [
        "the international community could get tougher with Pyongyang",
        "China, though, is reluctant to pressure Pyongyang",
    ]
    assert list(r["cue"]) == ["said", "says"]
    assert list(r["speaker"])[0] == "John Kerry"


def test_reported_speech_not_from_nouns_or_passives():
    text = (
        "Fears\n\n"
        "Officials are worried about the tests. His announced intent to pivot was clear. "
        "Top officials have long feared a refugee exodus."
    )
    assert reported(text) == []


def test_fragment_inside_reported_speech_is_a_quote():
    text = "Test\n\nBeijing said on Tuesday that it “resolutely opposed” the test."
    assert quotes(text, "2009-05-26") == [("resolutely opposed", "China")]
    assert reported(text, "2009-05-26") == [("it “resolutely opposed” the test", "China")]


def test_no_claims_in_boilerplate():
    text = (
        "What hope?\n\n"
        "“It is hard to know,” says Bruce Bennett, a RAND security analyst.\n\n"
        "You've read  of  free articles. Subscribe to continue."
    )
    c = parse(text, "2013-04-09").claims
    assert len(c) == 1


def test_british_single_quotes_with_plural_possessive():
    text = (
        "Launch\n\n"
        "‘We will protect the people,’ said Shinzo Abe. ‘The generals’ patience is not unlimited.’"
    )
    assert quotes(text, "2017-08-29") == [
        ("We will protect the people", "Shinzo Abe"),
        ("The generals’ patience is not unlimited", "Shinzo Abe"),
    ]


def test_quoted_as_saying_and_colon_introductions():
    text = (
        "Speech\n\n"
        'KCNA quoted Kim Jong Un as saying: "The launch was a great success."\n\n'
        "Foreign Minister Ri Yong-ho told the BBC: ‘Sanctions will not work.’"
    )
    assert quotes(text, "2017-07-05") == [
        ("The launch was a great success", "Kim Jong Un"),
        ("Sanctions will not work", "Ri Yong Ho"),
    ]


def test_spokesperson_for_a_named_leader_is_not_the_leader():
    text = (
        "Reaction\n\n"
        "A spokesperson for the secretary general, Antonio Guterres, said he strongly condemned "
        "the launch."
    )
    c = parse(text, "2017-08-29").claims
    assert list(c["speaker"]) == ["A spokesperson for the secretary general"]
    assert list(c["text"]) == ["he strongly condemned the launch"]


def test_she_does_not_resolve_to_a_man():
    text = (
        "Summit\n\n"
        "Jung Hae-rin, a professor at Korea University, met reporters. She added that Washington "
        "would judge the summit by what Mr. Trump does with President Donald Trump in Singapore. "
        "“If Pyongyang is serious, we will know it,” she said."
    )
    q = quotes(text, "2018-04-27")
    assert q == [("If Pyongyang is serious, we will know it", "Jung Hae-rin")]


def test_read_more_lines_give_no_claims():
    text = (
        "Missile\n\n"
        "READ MORE: 'We are ready', says Kim as talks stall\n\n"
        '"We will respond," said Defense Minister Song Young-moo.'
    )
    assert quotes(text, "2017-09-03") == [("We will respond", "Song Young-moo")]


def test_subject_before_appositive_with_relative_clause_speaks():
    text = (
        "Mr. Cho, the vice minister who met Wang Yi last week, said Seoul would act "
        "“prudently” on the matter."
    )
    assert quotes(text) == [("prudently", "Cho")]


def test_fragment_cued_inside_reported_content_is_the_reporters():
    text = "Mr. Lee told reporters in Seoul that South Korea would respond “flexibly” to the offer."
    assert quotes(text) == [("flexibly", "Lee")]
    # "called" inside the content: the words are the content subject's own
    text = "Kerry said China had called the plan “clear cut” last week."
    assert quotes(text) == [("clear cut", "China")]


def test_said_later_that_single_quoted_fragment():
    text = "The minister said later that ‘initial indications’ pointed to an accident."
    assert quotes(text) == [("initial indications", "The minister")]


def test_what_x_calls_derided_as_and_work_titles_are_terms():
    for text, term, kind in [
        (
            "The interceptor uses what the military calls “hit-to-kill” technology.",
            "hit-to-kill",
            "nickname",
        ),
        (
            "Mr. Trump derided Mr. Kim as “Little Rocket Man” at the United Nations.",
            "Little Rocket Man",
            "nickname",
        ),
        (
            "A report released on Monday by the Brookings Institution, “The Long Shadow of "
            "Sanctions,” found that trade had grown.",
            "The Long Shadow of Sanctions",
            "title",
        ),
    ]:
        art = parse(text)
        assert quotes(text) == [], text
        assert [
            (t.strip(" ,"), k) for t, k in zip(art.terms["text"], art.terms["kind"], strict=True)
        ] == [(term, kind)]
    # past tense "what it called ‘...’" is a quote of that speaker
    assert quotes(
        "Japan lodged a protest against what it called ‘a grave threat’ to its security."
    ) == [("a grave threat", "Japan")]


def test_reported_content_stops_before_the_writers_own_clause():
    for text in [
        "The minister said the ship had sunk, a day after the government announced new sanctions.",
        "The minister said the ship had sunk, as rescue workers found more bodies.",
        "The minister said the ship had sunk, and American diplomats had left the city.",
        "The minister said the ship had sunk, while the foreign secretary, Ann Cole, flew home.",
    ]:
        assert [t for t, _ in reported(text)] == ["the ship had sunk"], text


def test_reported_in_relative_clause_statement_saying_and_signalled():
    assert reported("North Korea launched a rocket that it says placed a satellite in orbit.") == [
        ("placed a satellite in orbit", "North Korea")
    ]
    assert reported("The ministry issued a statement saying the drills would go ahead.") == [
        ("the drills would go ahead", "The ministry")
    ]
    assert reported("The foreign minister signalled that Tokyo was ready to talk.") == [
        ("Tokyo was ready to talk", "The foreign minister")
    ]


def test_unnamed_source_continues_through_he_said_and_bare_quotes():
    text = (
        "Britain’s ambassador told the BBC that the visit had been useful. ‘It was a frank "
        "exchange of views about the nuclear programme,’ he said. ‘We made our position clear.’"
    )
    assert [s for _, s in quotes(text)] == ["Britain’s ambassador"] * 2
    assert reported(text) == [("the visit had been useful", "Britain’s ambassador")]


def test_second_speaker_after_and_gets_own_fragment():
    text = (
        "The foreign office said it was a ‘peaceful mission’ to Pyongyang, and the ambassador "
        "said the aim was ‘dialogue’."
    )
    assert quotes(text) == [
        ("peaceful mission", "The foreign office"),
        ("dialogue", "the ambassador"),
    ]


def test_according_to_a_titled_name_with_an_appositive():
    for text in [
        "According to Dr. Michael Hart, an expert on Korea, the talks matter a great deal.",
        "According to Dr. Michael Hart, who teaches in Seoul, the talks matter a great deal.",
    ]:
        assert reported(text) == [("the talks matter a great deal", "Michael Hart")], text


def test_expressed_regret_and_quoted_modifier_of_a_noun():
    assert quotes("Mr Hunt expressed his ‘regret’ at the decision.") == [("regret", "Hunt")]
    art = parse("The ‘peaceful’ mission to Pyongyang said it had met officials there.")
    assert quotes("The ‘peaceful’ mission to Pyongyang said it had met officials there.") == []
    assert list(art.terms["text"]) == ["peaceful"]


def test_second_speaker_after_called_and_definite_needs_same_modifier():
    text = (
        "Japan’s prime minister called it ‘unforgivable’ and the defence minister said it was "
        "‘regrettable’."
    )
    assert quotes(text) == [
        ("unforgivable", "Japan’s prime minister"),
        ("regrettable", "the defence minister"),
    ]


def test_name_inside_reported_content_is_not_the_he_of_the_next_quote():
    text = (
        "Dr. Michael Hart, who studies the regime, said the figure to watch was Jang Song-thaek. "
        "“Jang has built his own network,” he said."
    )
    assert quotes(text) == [("Jang has built his own network", "Michael Hart")]


def test_told_an_audience_then_a_clause_without_that():
    assert reported("Mr Hague told MPs the test was ‘a clear breach’ of the resolutions.") == [
        ("the test was ‘a clear breach’ of the resolutions", "Hague")
    ]
    assert quotes("Mr Hague told MPs the test was ‘a clear breach’ of the resolutions.") == [
        ("a clear breach", "Hague")
    ]
    assert reported("A spokesman told Reuters the talks would resume next week.") == [
        ("the talks would resume next week", "A spokesman")
    ]
    assert reported("The minister told him to leave the room.") == []


def test_relative_pronoun_is_not_part_of_an_unnamed_speaker():
    text = "Kim Jong Un, whom state media called the “brilliant commander”, visited the unit."
    assert quotes(text) == [("brilliant commander", "state media")]


def test_bare_quote_after_a_countrys_reported_claim_continues_it():
    text = "China said on Monday that it would respond firmly. “We will not sit idly by.”"
    assert quotes(text) == [("We will not sit idly by", "China")]


def test_sentence_subject_is_never_inside_a_prepositional_phrase():
    # the speaker ("Moon", never introduced) is unknown: no claim rather than a wrong speaker
    text = "Speaking in Seoul, Moon called the summit with Kim Jong Un “historic” on Friday."
    assert quotes(text) == []
    text = "President Moon Jae-in flew home. " + text
    assert quotes(text) == [("historic", "Moon Jae-in")]


def test_it_is_the_country_that_is_a_subject_not_one_after_a_preposition():
    lead = "Shinzo Abe said the launch was “unacceptable.” "
    for rest in [
        "Japan lodged a protest with Beijing over what it called ‘a grave provocation’.",
        "Japan lodged a protest on Monday. It called the launch ‘a grave provocation’.",
    ]:
        assert quotes(lead + rest)[-1] == ("a grave provocation", "Japan"), rest


def test_he_said_after_a_sentence_naming_two_people_is_its_subject():
    text = (
        "Lee Do-hoon met Choe Son-hui in Hanoi. “We tried hard,” he said. "
        "Choe Son-hui said the talks had failed. “Nothing has changed at all,” she said."
    )
    assert [s for _, s in quotes(text)] == ["Lee Do-hoon", "Choe Son Hui"]


def test_she_stays_with_the_woman_speaking_over_a_newer_name():
    text = (
        "Ms. Whitfield said the regime was stable. The figure to watch is Jang Song-thaek, the "
        "leader’s uncle. “Jang has built a network of his own,” she said."
    )
    assert quotes(text) == [("Jang has built a network of his own", "Whitfield")]


def test_said_mr_x_at_the_end_of_a_sentence():
    lead = "Shinzo Abe arrived on Monday. "
    for tail in ["said Mr. Abe.", "said Mr. Abe, who looked tired."]:
        assert quotes(lead + "“We are watching closely,” " + tail) == [
            ("We are watching closely", "Shinzo Abe")
        ], tail
    assert quotes("“We will respond,” said a U.S. official.") == [
        ("We will respond", "a U.S. official")
    ]


def test_content_then_says_mr_x_at_the_end_of_a_sentence():
    text = (
        "Michael Hart studies Korea. The sanctions are leaking badly at the border, said Dr. "
        "Hart, who visited Dandong."
    )
    assert [t for t, _ in reported(text)] == ["The sanctions are leaking badly at the border"]
    assert reported(text)[0][1] in ("Hart", "Michael Hart")


def test_agency_quoting_an_unnamed_source_names_the_source():
    text = (
        "Nuclear statement\n\n"
        "“We will never give up our deterrent,” the Korean Central News Agency quoted a "
        "Foreign Ministry spokesman as saying."
    )
    assert quotes(text) == [("We will never give up our deterrent", "a Foreign Ministry spokesman")]


def test_told_audience_and_place_then_that_reports_the_clause_after_that():
    text = (
        "Tokyo\n\n"
        "Prime Minister Junichiro Koizumi told reporters in Tokyo that Japan would not accept "
        "a nuclear North."
    )
    assert reported(text, "2006-10-15") == [
        ("Japan would not accept a nuclear North", "Junichiro Koizumi")
    ]


def test_short_quote_that_is_a_whole_sentence_is_the_previous_speakers():
    text = (
        "Defectors\n\n"
        "“He was a man who ruled by fear,” said Park Sun-young, a defector. “I feel nothing.”"
    )
    assert quotes(text, "2011-12-19") == [
        ("He was a man who ruled by fear", "Park Sun-young"),
        ("I feel nothing", "Park Sun-young"),
    ]


def test_it_does_not_stand_for_a_spokesman():
    text = (
        "Mourning\n\n"
        "A spokesman said the US was in close touch with its allies.\n\n"
        "China’s foreign ministry expressed “deep grief” and said it believed North Koreans "
        "would “turn their grief into strength”."
    )
    speakers = dict(quotes(text, "2011-12-19"))
    assert speakers["turn their grief into strength"] != "A spokesman"


def test_possessive_source_is_the_source_not_the_person():
    text = (
        "Letter\n\n"
        "Kim Yo-jong handed President Moon Jae-in a letter inviting him “whenever it suits "
        "him,” according to Mr. Moon’s spokesman."
    )
    assert quotes(text, "2018-02-12") == [("whenever it suits him", "Mr. Moon’s spokesman")]


def test_participle_aside_between_subject_and_cue_names_an_object():
    text = (
        "Warmbier\n\n"
        "Otto Warmbier returned home on Tuesday.\n\n"
        "President Donald Trump, asked about Warmbier during a meeting with lawmakers, said the "
        "case had been handled “very, very well”."
    )
    assert quotes(text, "2017-06-14") == [("very, very well", "Donald Trump")]


def test_saying_after_a_sentence_opened_by_he_is_his():
    text = (
        "Guam\n\n"
        "Gen Kim Rak-gyom said the missiles would pass over Japan.\n\n"
        "He dismissed President Donald Trump’s warning, saying the North would “act, not talk”."
    )
    assert quotes(text, "2017-08-10") == [("act, not talk", "Kim Rak-gyom")]


def test_two_content_clauses_joined_by_and_that_are_two_claims():
    text = (
        "Stockholm\n\n"
        "Kim Myong-gil said the talks had failed and that the North would not return unless "
        "the US changed course."
    )
    assert reported(text, "2019-10-06") == [
        ("the talks had failed", "Kim Myong-gil"),
        ("the North would not return unless the US changed course", "Kim Myong-gil"),
    ]


def test_including_continues_the_content_clause():
    text = (
        "Hanoi\n\n"
        "Ri Yong-ho said the North had offered to dismantle all facilities at Yongbyon, "
        "including its uranium plants."
    )
    assert reported(text, "2019-03-01") == [
        (
            "the North had offered to dismantle all facilities at Yongbyon, including its "
            "uranium plants",
            "Ri Yong Ho",  # the canonical name in officeholders.csv
        )
    ]


def test_a_bullet_in_a_standfirst_starts_a_new_sentence():
    text = (
        "Talks collapse\n\n"
        "US says it will meet again within two weeks • Analysts in Beijing say Pyongyang is "
        "raising the price\n\n"
        "The talks in Stockholm ended on Saturday."
    )
    texts = [t for t, _ in reported(text, "2019-10-06")]
    assert "Pyongyang is raising the price" in texts
    assert not any("•" in t for t in texts)


def test_cue_after_a_full_stop_inside_the_quote_belongs_to_the_next_sentence():
    text = (
        "Hack\n\n"
        "President Barack Obama said last week that the United States would respond to the "
        "hack “with measures that will be felt.” White House officials said new sanctions "
        "could come next week."
    )
    assert quotes(text, "2014-12-27") == [("with measures that will be felt", "Barack Obama")]


def test_dateline_place_is_not_the_subject_of_the_first_sentence():
    text = (
        "Outage\n\n"
        "Seoul, South Korea (CNN) — North Korea on Saturday accused the United States of "
        "causing the outages, and warned Washington of “inescapable” consequences."
    )
    assert quotes(text, "2014-12-27") == [("inescapable", "North Korea")]


def test_title_case_words_in_reported_content_are_a_title_and_known_as_is_a_name():
    text = (
        "Film\n\n"
        "North Korea said the release of “The Interview,” a comedy, was an act of war.\n\n"
        "Officials said the North may test a missile known in the West as the “Musudan”."
    )
    assert quotes(text, "2014-12-27") == []
    terms = parse(text, "2014-12-27").terms
    assert {t.strip(",") for t in terms["text"]} == {"The Interview", "Musudan"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beijing has said it opposes all forms of hacking but has urged Washington not to "
            "rush to judgment.",
            [
                ("it opposes all forms of hacking", "China"),
                ("Washington not to rush to judgment", "China"),
            ],
        ),
        (
            "Doctors at the hospital said they would give an update later this week.",
            [("they would give an update later this week", "Doctors at the hospital")],
        ),
        (
            "The US, which has about 28,500 troops in South Korea, said it was monitoring the "
            "situation closely.",
            [("it was monitoring the situation closely", "United States")],
        ),
    ],
)
def test_reported_speech_subjects(text, expected):
    assert reported("Story\n\n" + text, "2014-12-27") == expected


def test_double_quote_nested_in_a_single_quote_is_part_of_it():
    text = (
        "Loudspeakers\n\n"
        "‘Pyongyang calls the broadcasts “an act of war”, and I think they mean it,’ said "
        "Cha Ji-hoon, an analyst.\n\n"
        "‘Kim cannot be seen to back down.’"
    )
    assert quotes(text, "2015-08-21") == [
        ("Pyongyang calls the broadcasts “an act of war”, and I think they mean it", "Cha Ji-hoon"),
        ("Kim cannot be seen to back down", "Cha Ji-hoon"),
    ]


def test_long_described_source_after_a_quote():
    text = (
        "Kaesong\n\n"
        "“Nobody came today,” the owner of a clothing firm with a plant in Kaesong told "
        "Reuters by telephone."
    )
    assert quotes(text, "2013-04-09") == [
        ("Nobody came today", "the owner of a clothing firm with a plant in Kaesong")
    ]


def test_quoted_phrase_in_content_before_its_cue_is_the_speakers_but_one_word_is_a_term():
    text = (
        "Alert\n\n"
        "The Korean Central News Agency reported the meeting. Frontline units had been put on "
        "‘full combat alert’, the agency said.\n\n"
        "The U.S. ‘pivot’ to Asia is real, some experts say."
    )
    assert quotes(text, "2015-08-21")[0][0] == "full combat alert"
    assert "pivot" in set(parse(text, "2015-08-21").terms["text"])


def test_reported_speech_after_a_quote_paragraph_or_sentence_is_not_its_attribution():
    text = (
        "Deal\n\n"
        "“This is a very good day,” said Christopher Hill. “But it is only a first step.”\n"
        "Hill told reporters that the United States would begin talks with North Korea.\n\n"
        "President Barack Obama said the United States would respond “with measures that "
        "will be felt.” White House officials said new sanctions could come next week."
    )
    found = reported(text, "2007-02-13")
    assert ("the United States would begin talks with North Korea", "Christopher Hill") in found
    assert ("new sanctions could come next week", "White House officials") in found


def test_appositive_with_an_abbreviation_between_quote_and_cue():
    text = (
        "Tower\n\n"
        "“This is a very significant step,” Sung Kim, the U.S. State Department’s top Korea "
        "expert, told reporters at the site."
    )
    assert quotes(text, "2008-06-27") == [("This is a very significant step", "Sung Kim")]


def test_accused_x_of_y_is_reported_speech_and_its_quoted_word_the_speakers():
    text = "Launches\n\nNorth Korea accused the United States of “hyping” the launches."
    assert reported(text, "2006-07-15") == [
        ("the United States of “hyping” the launches", "North Korea")
    ]
    assert quotes(text, "2006-07-15") == [("hyping", "North Korea")]


def test_quoted_x_as_saying_reports_the_content_and_a_closing_straight_quote_is_not_an_opening():
    text = (
        "Tower\n\n"
        "Xinhua quoted Foreign Ministry spokesman Qin Gang as saying Beijing welcomed the "
        "declaration.\n\n"
        'Foreign Minister Ban Ki-moon said the vote sent "an unmistakable signal," but he '
        "cautioned against steps that could isolate the North."
    )
    found = reported(text, "2008-06-27")
    assert ("Beijing welcomed the declaration", "Qin Gang") in found
    assert ('the vote sent "an unmistakable signal,"', "Ban Ki-moon") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At a briefing in Beijing, a ministry spokesman, Ma Zhaoxu, urged “all relevant "
            "parties” to stay calm.",
            [("all relevant parties", "Ma Zhaoxu")],
        ),
        (
            "The delegation was led by Fu Ying, director general of Asian affairs at China’s "
            "Foreign Ministry, who told reporters the talks would be “the first step.”",
            [("the first step", "Fu Ying")],
        ),
        (
            "A senior official in Seoul, who spoke on condition of anonymity, cautioned that "
            "“we have been here before.”",
            [("we have been here before", "A senior official in Seoul")],
        ),
        (
            "North Korea’s official KCNA news agency said the demolition was good, and urged "
            "Washington to act “without delay”.",
            [("without delay", "KCNA")],
        ),
    ],
)
def test_speakers_named_in_appositives_and_relative_clauses(text, expected):
    assert quotes("Story\n\n" + text, "2009-05-28") == expected


def test_writers_summary_after_the_content_is_not_part_of_it():
    text = (
        "Nuclear\n\n"
        "North Korea said it was suspending its participation in the talks, a move that "
        "stunned its neighbours.\n\n"
        "Kim Myong-gil said Washington had come with nothing new, in a setback to efforts to "
        "revive diplomacy."
    )
    assert [t for t, _ in reported(text, "2005-02-10")] == [
        "it was suspending its participation in the talks",
        "Washington had come with nothing new",
    ]


def test_cue_after_a_quote_that_began_a_sentence_earlier_is_its_attribution():
    text = (
        "Analysts\n\n"
        "“Pyongyang is raising the stakes. It wants to negotiate as a nuclear power,” Park "
        "Soo-jin, a specialist on the North at Kyungnam University in Seoul, told AFP."
    )
    assert reported(text, "2005-02-10") == []
    assert quotes(text, "2005-02-10")[0][1] == "Park Soo-jin"


def test_agency_after_a_possessive_country_is_the_subject_and_and_urged_is_a_second_verb():
    text = (
        "Tower\n\n"
        "North Korea’s official KCNA news agency said in a statement that the demolition showed "
        "the country’s “sincere will” to implement the deal, and urged Washington to act "
        "“without delay”."
    )
    assert quotes(text, "2008-06-27") == [("sincere will", "KCNA"), ("without delay", "KCNA")]
    assert ("Washington to act “without delay”", "KCNA") in reported(text, "2008-06-27")


def test_cue_followed_by_a_quoted_fragment_and_more_words_reports_a_clause():
    text = (
        "Briefing\n\n"
        "A ministry spokesman, Ma Zhaoxu, urged “all relevant parties” to respond “calmly and "
        "appropriately”."
    )
    assert reported(text, "2009-05-28") == [
        ("“all relevant parties” to respond “calmly and appropriately”", "Ma Zhaoxu")
    ]
    assert quotes(text, "2009-05-28") == [
        ("all relevant parties", "Ma Zhaoxu"),
        ("calmly and appropriately", "Ma Zhaoxu"),
    ]


def test_the_statement_speaks_for_whoever_issued_it():
    text = (
        "Weapons\n\n"
        "North Korea said in a statement on Thursday that it had manufactured nuclear weapons.\n\n"
        "“The talks have no meaning now,” the statement said."
    )
    assert quotes(text, "2005-02-10") == [("The talks have no meaning now", "North Korea")]


def test_relative_clause_inside_reported_content_is_its_own_claim():
    text = (
        "Talks\n\n"
        "Zhao Lei, an analyst, spoke. Zhao said Beijing, which has urged both sides to show "
        "flexibility, would step up contacts."
    )
    assert ("both sides to show flexibility", "China") in reported(text, "2019-10-06")


@pytest.mark.parametrize(
    ("text", "expected_quotes"),
    [
        # "Secretary of State" is a title: its "of" does not make the name an object
        (
            "Secretary of State Rex Tillerson condemned the launch and said the door to talks "
            "“is still open, but it is not open forever.”",
            [("is still open, but it is not open forever", "Rex Tillerson")],
        ),
        # an appositive too long for a speaker phrase: its head speaks
        (
            "“The sanctions regime is failing,” Marcus Feld, a senior fellow at the Asan "
            "Institute for Policy Studies in Seoul, told Bloomberg Television.",
            [("The sanctions regime is failing", "Marcus Feld")],
        ),
        # "the X spokesman, Name, called ..."
        (
            "The State Department spokesman, Richard Boucher, called the decision ‘a serious "
            "step in the wrong direction’.",
            [("a serious step in the wrong direction", "Richard Boucher")],
        ),
        # "quoted X as telling Y that ..."
        (
            "Xinhua quoted Kim Jong-il as telling Hu Jintao that Pyongyang would “remain "
            "patient and flexible” at the talks.",
            [("remain patient and flexible", "Kim Jong Il")],
        ),
        # "As she put it:" introduces the next paragraph's quote
        (
            "Mira Castellanos, a senior fellow, is less sure. As she put it:\n\n"
            "“The negotiators never agreed on a definition.”",
            [("The negotiators never agreed on a definition", "Mira Castellanos")],
        ),
    ],
)
def test_more_speakers(text, expected_quotes):
    assert quotes("Story\n\n" + text, "2017-11-29") == expected_quotes


def test_subject_before_a_long_appositive_and_an_embedded_quote_in_its_content():
    text = (
        "Talks\n\n"
        "Ri Chol-min, a vice-chairman of the North’s Committee for the Peaceful Reunification "
        "of the Country, told the state news agency KCNA that his team would travel to "
        "Panmunjom “with an open heart”."
    )
    assert reported(text, "2018-01-08") == [
        ("his team would travel to Panmunjom “with an open heart”", "Ri Chol-min")
    ]
    assert quotes(text, "2018-01-08") == [("with an open heart", "Ri Chol-min")]


def test_words_quoted_in_the_writers_sentence_do_not_continue_a_speaker_across_paragraphs():
    text = (
        "Funeral\n\n"
        "“Nobody can afford for him to fail,” said Cho Eun-bi, a researcher.\n\n"
        "2012 was meant to be the year in which the North became a “strong and prosperous "
        "nation”, timed for a centenary."
    )
    assert quotes(text, "2011-12-31") == [
        ("Nobody can afford for him to fail", "Cho Eun-bi"),
        ("strong and prosperous nation", ""),  # when unsure, no speaker rather than a guess
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Roh Moo-hyun vowed to continue the policy of engagement.",
            [("to continue the policy of engagement", "Roh Moo-hyun")],
        ),
        (
            "Roh Moo-hyun called for direct talks between Pyongyang and Washington.",
            [("direct talks between Pyongyang and Washington", "Roh Moo-hyun")],
        ),
        (
            "Rex Tillerson called on China and Russia to cut off oil supplies.",
            [("China and Russia to cut off oil supplies", "Rex Tillerson")],
        ),
        ("The plan called for troops to withdraw.", []),  # no speaker: a plan, not a person
        ("Officials feared a refugee exodus.", []),  # a cognition verb needs a clause
    ],
)
def test_promises_threats_and_calls_for_action_are_reported_speech(text, expected):
    assert reported("Story\n\n" + text, "2007-10-05") == expected


def test_though_and_a_new_subject_end_the_reported_content():
    text = (
        "Talks\n\n"
        "Glyn Davies said the door remained open, though he acknowledged that nothing would "
        "move quickly.\n\n"
        "President George W. Bush said the dispute can be resolved peacefully, and his aides "
        "were careful to avoid talk of a deadline."
    )
    assert reported(text, "2011-12-31") == [
        ("the door remained open", "Glyn Davies"),
        ("nothing would move quickly", "Glyn Davies"),
        ("the dispute can be resolved peacefully", "George W. Bush"),
    ]


def test_subject_with_an_age_and_a_long_relative_clause():
    text = (
        "Summit\n\n"
        "President Roh Moo-hyun said the deal was historic.\n\n"
        "Grace Chung, 71, who fled south as a girl during the war and has not seen her brother "
        "since 1951, said she cried when she watched the two leaders.\n\n"
        "“Every summit, I think maybe this time I will see him,” she said."
    )
    assert quotes(text, "2007-10-05") == [
        ("Every summit, I think maybe this time I will see him", "Grace Chung")
    ]


def test_the_government_speaks_for_the_country_just_reported():
    text = (
        "Treaty\n\n"
        "Pyongyang said the withdrawal was a legitimate measure.\n\n"
        "‘We are not afraid of anyone,’ the government declared in the statement."
    )
    assert quotes(text, "2003-01-11") == [("We are not afraid of anyone", "North Korea")]


def test_wire_dateline_with_hyphen_is_not_part_of_the_subject():
    text = (
        "Talks\n\n"
        "BEIJING (Reuters) - The top U.S. negotiator said on Wednesday that talks had been "
        "useful."
    )
    assert reported(text) == [("talks had been useful", "The top U.S. negotiator")]


@pytest.mark.parametrize(
    "sentence",
    [
        "“We are ready to talk,” said Sen. Tom Harlan.",  # an abbreviated title after the cue
        "“We are ready to talk,” Tom Harlan (R-Ohio) said.",  # party and state in brackets
        "“We are ready to talk,” said Sen. Tom Harlan (R-Ohio), a senior Republican.",
        "“We are ready to talk,” Gov. Tom Harlan (pictured) said.",
    ],
)
def test_abbreviated_titles_and_bracketed_asides_around_the_speaker(sentence):
    assert quotes("Talks\n\nTalks resumed. " + sentence) == [("We are ready to talk", "Tom Harlan")]


def test_bracketed_aside_between_subject_and_cue():
    text = "Talks\n\nTom Harlan (R-Ohio) said on Tuesday that talks should resume."
    assert reported(text) == [("talks should resume", "Tom Harlan")]


def test_wire_credit_lines_are_boilerplate():
    text = (
        "Talks\n\n"
        "“We are ready,” said Tom Harlan, a diplomat.\n\n"
        "Reporting by Ann Lee; Editing by Bo Chan\n\n"
        "Our Standards: The Thomson Reuters Trust Principles."
    )
    a = parse(text).actors
    assert sorted(a["actor"]) == ["Tom Harlan"]


def test_that_then_a_whole_quote_is_both_a_quote_and_the_reported_clause():
    text = (
        "Talks\n\n"
        "A senior official warned on Tuesday that “all options are on the table” after the "
        "launch."
    )
    assert quotes(text) == [("all options are on the table", "A senior official")]
    assert reported(text) == [("“all options are on the table”", "A senior official")]
    # without "that" it is a direct quote only
    assert reported("Talks\n\nA senior official said, “All options are on the table.”") == []


def test_unnamed_source_phrase_drops_its_relative_clause():
    text = (
        "Talks\n\n“The door remains open,” the official, who spoke on condition of anonymity, said."
    )
    assert quotes(text) == [("The door remains open", "the official")]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a given name from given_names.csv: "she" is not Rex Tillerson
        (
            "Rex Tillerson, the secretary of state, met Susan Thornton, a senior diplomat, on "
            "Monday. “We are ready,” she said.",
            "Susan Thornton",
        ),
        # the gender column of officeholders.csv: "he" is not Park Geun-hye
        (
            "Park Geun-hye met Wang Yi, the foreign minister, in Seoul on Monday. “We are "
            "ready,” he said.",
            "Wang Yi",
        ),
        # a role noun: the spokeswoman is a she
        (
            "Lin Wei, a ministry spokeswoman, spoke on Monday. Hwang Sung-min arrived later. “We are "
            "ready,” she said.",
            "Lin Wei",
        ),
    ],
)
def test_he_and_she_skip_a_person_known_to_be_of_the_other_sex(text, speaker):
    assert quotes("Talks\n\n" + text) == [("We are ready", speaker)]


def test_twitter_handles_and_bracketed_handles_name_their_person():
    text = (
        "Talks\n\nPresident Donald Trump spoke on Monday. “Japan, we are with you!” "
        "@realDonaldTrump tweeted.\n\n"
        "“That’s a message,” tweeted Vipin Nair (@vnair_arms), an analyst at a think tank."
    )
    assert quotes(text) == [
        ("Japan, we are with you!", "Donald Trump"),
        ("That’s a message", "Vipin Nair"),
    ]


def test_fragment_after_said_it_is_the_second_speakers():
    text = (
        "Test\n\nShinzo Abe called the test “an intolerable challenge,” while Ban Ki-moon said "
        "it “undermines years of effort” to ease tensions."
    )
    assert quotes(text) == [
        ("an intolerable challenge", "Shinzo Abe"),
        ("undermines years of effort", "Ban Ki-moon"),
    ]


def test_the_ministry_speaks_for_the_country_whose_ministry_was_just_named():
    text = (
        "Reactors\n\nThe statement from Pyongyang’s foreign ministry came a day later.\n\n"
        "‘The US must provide the reactors first,’ the ministry said."
    )
    assert quotes(text) == [("The US must provide the reactors first", "North Korea")]


def test_adding_that_after_a_cue_is_its_own_claim():
    text = "Talks\n\nKim met the envoy, Kerry said, adding that talks would resume."
    c = parse(text).claims
    assert list(zip(c["text"], c["cue"], strict=True)) == [
        ("Kim met the envoy", "said"),
        ("talks would resume", "adding"),
    ]


def test_he_after_a_sentence_whose_subject_is_a_new_person_in_the_paragraph():
    text = (
        "Talks\n\n“We know,” said Dana Whitford, a former official.\n\n"
        "Pompeo declined to say whether he agreed with Bolton. “It will be a Trump model,” "
        "he said."
    )
    assert quotes(text, "2018-05-11")[-1] == ("It will be a Trump model", "Mike Pompeo")


def test_long_participle_aside_after_the_subject():
    text = (
        "Options\n\nMattis, speaking to reporters outside the White House after a meeting with "
        "his national security team, said the president had asked about “each and every” option."
    )
    assert reported(text, "2017-09-03") == [
        ("the president had asked about “each and every” option", "Jim Mattis")
    ]


@pytest.mark.parametrize(
    "sentence, content",
    [
        # an aside right after the content's subject does not end the content
        (
            "The spokesman said that the U.S., failing to learn from its defeat, is staging "
            "drills.",
            "the U.S., failing to learn from its defeat, is staging drills",
        ),
        # but a participle after a whole clause is the writer's
        ("Kerry said the talks failed, leaving the region on edge.", "the talks failed"),
        ("Kerry said afterward that he would need guarantees.", "he would need guarantees"),
        # a footnote mark ends a sentence and is not part of what was said
        (
            "The Justice Department said the ship was in U.S. custody.[1] Officials declined "
            "to comment.",
            "the ship was in U.S. custody",
        ),
    ],
)
def test_content_clause_edges(sentence, content):
    assert [t for t, _ in reported("Talks\n\n" + sentence)] == [content]


def test_code_names_and_footnote_lines_are_not_claims():
    text = (
        "Drills\n\nThe spokesman said the drills codenamed “Key Resolve” were a threat.\n\n"
        "[1] “United States Files Complaint Against Cargo Vessel,” Justice Department, May 9."
    )
    assert quotes(text) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a verb after a modal inside the content is no new claim
        (
            "Xi said that China and the US should maintain ties.",
            [("China and the US should maintain ties", "said")],
        ),
        # ", while stressing that" ends the first content and adds a claim
        (
            "China called on all parties to act, while stressing that sanctions are no end.",
            [("all parties to act", "called on"), ("sanctions are no end", "stressing")],
        ),
        # a comma inside the closing quote mark still opens ", saying"
        (
            "Hong Lei dismissed the “China responsibility theory,” saying that the root "
            "lies elsewhere.",
            [("the root lies elsewhere", "saying")],
        ),
        ("Hong Lei told reporters afterward that Kim would wait.", [("Kim would wait", "told")]),
    ],
)
def test_more_content_clause_starts_and_ends(sentence, expected):
    c = parse("Talks\n\n" + sentence).claims
    r = c[c["kind"] == "reported"]
    assert list(zip(r["text"], r["cue"], strict=True)) == expected


def test_a_display_quote_without_a_cue_takes_the_speaker_of_the_body_quote_it_repeats():
    text = (
        "‘A photo op, not a policy’: Senators split over the meeting\n\n"
        "“The president traveled to the DMZ for a photo op, not a policy,” Tom Harlan said."
    )
    assert quotes(text)[0] == ("A photo op, not a policy", "Tom Harlan")


def test_he_after_a_sentence_opened_by_a_surname():
    text = (
        "Tests\n\n“We are ready,” said James Mattis, the defense secretary.\n\n"
        "Trump himself weighed in online. “The world is watching,” he tweeted."
    )
    assert quotes(text, "2017-09-04")[-1] == ("The world is watching", "Donald Trump")


def test_bracket_then_who_clause_then_told_reporters_that():
    text = (
        "Senate\n\nSen. Tom Harlan (R-Ohio), who chairs the panel, told reporters last week, "
        "before the trip, that talks had to keep sanctions “until North Korea takes real steps.”"
    )
    assert reported(text) == [
        ("talks had to keep sanctions “until North Korea takes real steps.”", "Tom Harlan")
    ]
    assert quotes(text) == [("until North Korea takes real steps", "Tom Harlan")]


def test_the_statement_issued_by_an_actor_is_that_actors():
    text = (
        "Arms\n\nThe statement, issued by the North’s Foreign Ministry and carried by the "
        "state news agency, said the weapons had been built “as a shield.”"
    )
    assert quotes(text) == [("as a shield", "Foreign Ministry")]


def test_expressed_confidence_that_is_a_second_claim_of_the_same_speaker():
    text = (
        "Kim\n\nA foreign ministry spokesman said China was ‘shocked and saddened’ and "
        "expressed confidence that the people would ‘hold firmly together’."
    )
    c = parse(text).claims
    assert set(c["speaker"]) == {"A foreign ministry spokesman"}
    assert list(c.loc[c["kind"] == "reported", "cue"]) == ["said", "expressed confidence"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day right after the cue, then the content without "that"
        (
            "Arms\n\nNorth Korea said Thursday it had built nuclear weapons.",
            [("it had built nuclear weapons", "North Korea")],
        ),
        # Title Case headlines
        (
            "North Korea Says It Has Nuclear Weapons\n\nThe talks failed, officials said.",
            [("It Has Nuclear Weapons", "North Korea"), ("The talks failed", "officials")],
        ),
        (
            "United States Files Complaint Against Ship\n\nThe talks failed, officials said.",
            [("The talks failed", "officials")],
        ),
        # a new clause of the writer's after ", and he has" / ", as X put"
        (
            "Talks\n\nLi Gun, the envoy, said the neighbors share responsibility, and he has "
            "ruled out a deal.",
            [("the neighbors share responsibility", "Li Gun")],
        ),
        (
            "Talks\n\nThe agency urged the nation to unite, as South Korea put its troops on alert.",
            [("the nation to unite", "The agency")],
        ),
    ],
)
def test_more_reported_speech_shapes(text, expected):
    assert reported(text) == expected


def test_he_is_the_person_the_writer_met_or_asked():
    text = (
        "Essay\n\n“It failed,” said Lee Myung-bak.\n\n"
        "When I called Yeo Tae-sik again this week, I asked him for advice. “Wait,” he said."
    )
    assert quotes(text, "2012-04-19")[-1] == ("Wait", "Yeo Tae-sik")


def test_the_foreign_ministry_after_a_named_foreign_minister():
    text = (
        "Test\n\nForeign Minister Yang Jiechi summoned the ambassador.\n\n"
        "In a statement, the foreign ministry said the test “harms everyone”."
    )
    assert quotes(text, "2013-02-14") == [("harms everyone", "China")]


def test_a_reporting_noun_after_a_determiner_is_no_cue():
    text = (
        'Test\n\nRoh Moo-hyun, who took office in February, called the claim "deeply regrettable."'
    )
    assert quotes(text, "2003-04-25") == [("deeply regrettable", "Roh Moo-hyun")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a day, a phrase, then "that"
        (
            "North Korea announced yesterday for the first time that it has built weapons, and "
            "it said it was leaving the talks.",
            [
                ("it has built weapons", "announced"),
                ("it was leaving the talks", "said"),
            ],
        ),
        # the attribution of a whole sentence ends a nested clause
        (
            "His presence suggested that tension would be on the agenda, analysts said.",
            [("His presence suggested that tension would be on the agenda", "said")],
        ),
    ],
)
def test_content_after_a_day_phrase_and_before_a_closing_attribution(sentence, expected):
    c = parse("Talks\n\n" + sentence, "2005-02-11").claims
    r = c[c["kind"] == "reported"]
    assert sorted(zip(r["text"], r["cue"], strict=True)) == sorted(expected)


def test_the_vice_president_is_not_a_president_of_something_else():
    text = (
        "Games\n\nVice President Mike Pence avoided a table where Kim Yong Nam, the North's "
        "nominal head of state, was seated.\n\n“We will not be fooled,” the vice president said."
    )
    assert quotes(text, "2018-02-10") == [("We will not be fooled", "Mike Pence")]


def test_north_koreas_official_news_agency_is_kcna():
    text = "Talks\n\nThe US is “not interested in a fair solution,” North Korea's official news agency said."
    assert quotes(text) == [("not interested in a fair solution", "Korean Central News Agency")]


def test_the_ministry_in_a_capital_and_the_dispatch_of_an_agency():
    text = (
        "Talks\n\nIn a statement, the foreign ministry in Pyongyang said the talks were "
        "‘finished for good’.\n\nThe ministry said the reactor would return ‘to full operation’.\n\n"
        "Jang was put to death on Thursday, the Korean Central News Agency (KCNA) said in a "
        "dispatch.\n\nThe dispatch accused Jang of forming “a faction of his own”."
    )
    assert quotes(text, "2013-12-13") == [
        ("finished for good", "North Korea"),
        ("to full operation", "North Korea"),
        ("a faction of his own", "Korean Central News Agency"),
    ]


def test_the_bureau_is_the_fbi_named_before():
    text = (
        "Hack\n\nThe FBI on Friday accused North Korea of the attack.\n\n"
        "In a statement, the bureau said it had found “technical fingerprints” tying the attack "
        "to North Korea."
    )
    assert quotes(text, "2014-12-19") == [("technical fingerprints", "FBI")]


@pytest.mark.parametrize(
    "sentence",
    [
        "According to two officials, Li Gun, a senior diplomat, said the weapons were real.",
        "According to two officials, Li Gun, a senior diplomat, took Kelly aside and said the "
        "weapons were real.",
    ],
)
def test_according_to_around_a_clause_with_its_own_speaker_gives_no_wrapper_row(sentence):
    assert reported("Talks\n\n" + sentence, "2003-04-26") == [("the weapons were real", "Li Gun")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a cognition verb before a present-tense clause without an auxiliary
        (
            "Most analysts believe neither side wants a return to war.",
            [("neither side wants a return to war", "Most analysts")],
        ),
        # the writer's ", a claim Tokyo rejects"
        (
            "Pyongyang says the other eight are dead, a claim Tokyo rejects.",
            [("the other eight are dead", "North Korea")],
        ),
        # ", and several cautioned that ..." is another clause
        (
            "Officials said no decision would be made soon, and several cautioned that China "
            "might balk.",
            [("no decision would be made soon", "Officials")],
        ),
        # a list of gerunds is part of the content
        (
            "Xi Jinping stressed that upholding peace, maintaining stability, and solving "
            "problems through dialogue remained China's policy.",
            [
                (
                    "upholding peace, maintaining stability, and solving problems through "
                    "dialogue remained China's policy",
                    "Xi Jinping",
                )
            ],
        ),
    ],
)
def test_content_clause_rules_from_the_fresh6_misses(sentence, expected):
    assert reported("Talks\n\n" + sentence, "2014-05-30") == expected


def test_reported_citing_a_source_that():
    text = "Talks\n\nYonhap reported, citing a government source, that the North could hand over its report."
    assert reported(text) == [("the North could hand over its report", "Yonhap")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "said right after the test that", and the writer's ",” and he has been ..."
        (
            'Ban Ki-moon said right after the test that it was "deeply troubling," and he has '
            "been clear that he wants dialogue.",
            [('it was "deeply troubling,"', "Ban Ki-moon")],
        ),
        # the writer's ", a demand U.S. officials said was ...": its own claim and speaker
        (
            "North Korea said the US should provide a reactor first, a demand U.S. officials said "
            "was not part of the deal.",
            [
                ("the US should provide a reactor first", "North Korea"),
                ("was not part of the deal", "U.S. officials"),
            ],
        ),
    ],
)
def test_writers_appositives_after_the_content(sentence, expected):
    assert reported("Talks\n\n" + sentence) == expected


def test_the_author_of_a_quoted_title_keeps_the_next_quote():
    text = (
        'Talks\n\n"It is the classic move," said Gregory Lund, an analyst and the author of '
        '"Brinkmanship on the Yalu," a history of the 1994 crisis. "Whether they have a bomb is '
        'beside the point."'
    )
    assert quotes(text) == [
        ("It is the classic move", "Gregory Lund"),
        ("Whether they have a bomb is beside the point", "Gregory Lund"),
    ]
    assert list(parse(text).terms["text"]) == ["Brinkmanship on the Yalu,"]


@pytest.mark.parametrize(
    "sentence, content",
    [
        (
            'KCNA said the United States was "seeking a pretext for war" and defended its policy.',
            'the United States was "seeking a pretext for war"',
        ),
        (
            "North Korea said it was leaving the talks “for as long as the policy persists,” a "
            "sharp setback for the strategy.",
            "it was leaving the talks “for as long as the policy persists,”",
        ),
        (
            "North Korea said the dispute is a matter for itself alone, and it wants a treaty.",
            "the dispute is a matter for itself alone",
        ),
        # an adjectival participle after a quote is part of the content
        (
            'Seoul said the system was "purely defensive" and aimed only at the North.',
            'the system was "purely defensive" and aimed only at the North',
        ),
    ],
)
def test_writers_second_verbs_and_appositives_after_quoted_words(sentence, content):
    assert [t for t, _ in reported("Talks\n\n" + sentence)] == [content]


def test_and_the_administration_has_since_is_the_writers():
    text = (
        "Talks\n\nTrump warned that Pyongyang would face force, and the administration "
        "has since pressed ahead with its campaign."
    )
    assert reported(text, "2017-09-03") == [("Pyongyang would face force", "Donald Trump")]


def test_a_display_line_opening_with_an_actor_and_a_colon_gives_its_quotes():
    text = (
        "China: THAAD deployment will “damage” regional balance\n\n"
        "BEIJING: Kim Jong Un has “wrapped up” a visit to China.\n\n"
        "Beijing has long opposed the system."
    )
    art = parse(text)
    assert quotes(text) == [("damage", "China")]
    # a dateline in capitals is not a speaker: the quoted words stay a term
    assert list(art.terms["text"]) == ["wrapped up"]


def test_a_quoted_subheading_repeats_a_body_quote_and_takes_its_speaker():
    text = (
        "Banks Wary After Macau Ruling\n\n"
        "HONG KONG — Bankers said on Monday that the ruling had changed how they deal with "
        "the North.\n\n"
        "“The money was small. The signal was everything,” said Ann Lee, a former Treasury "
        "lawyer.\n\n"
        "“Nobody wants to be next,” said Tom Park, a banker in Macau.\n\n"
        "‘The Signal Was Everything’\n\n"
        "Bankers in Hong Kong said that the ruling would last for years, and that few of them "
        "expected the Treasury to change its mind soon."
    )
    assert ("The Signal Was Everything", "Ann Lee") in quotes(text)


def test_said_a_but_that_b_gives_two_clauses_and_the_quote_in_b_is_the_speakers():
    text = (
        "Talks\n\n"
        "A senior official, who asked not to be named, said a joint statement was being drafted "
        'but that the wording on denuclearization was "still open." But that did not stop talk '
        "of a deal."
    )
    assert reported(text) == [
        ("a joint statement was being drafted", "A senior official"),
        ('the wording on denuclearization was "still open."', "A senior official"),
    ]
    assert quotes(text) == [("still open", "A senior official")]


def test_a_verb_in_the_first_clause_does_not_speak_the_quote_in_the_second():
    text = (
        "Council vote\n\n"
        "South Korea’s ambassador, Park In-kook, said Seoul was pleased that the council had "
        "condemned the attack and that the statement sent “a clear message” to Pyongyang."
    )
    assert quotes(text) == [("a clear message", "Park In-kook")]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        (
            "Before she left, she heard what one South Korean official called “a very different "
            "mood.”",
            "one South Korean official",
        ),
        (
            "Officials had braced for what North Korean diplomats called a “Christmas gift.”",
            "North Korean diplomats",
        ),
    ],
)
def test_what_x_called_starts_a_new_subject(sentence, speaker):
    assert [s for _, s in quotes(f"Talks\n\n{sentence}")] == [speaker]


def test_it_is_the_body_that_is_the_subject_of_its_own_sentence():
    text = (
        "Talks\n\n"
        "Beijing has said it wants calm. China said on Monday that it opposed new sanctions.\n\n"
        "Pyongyang has said it will never give up its nuclear weapons, which it calls “the "
        "nation’s shield.”"
    )
    assert quotes(text) == [("the nation’s shield", "North Korea")]


def test_he_after_a_sentence_opened_by_mr_surname_is_that_man():
    text = (
        "Summit\n\n"
        "In Seoul, President Moon Jae-in said afterward that he was “deeply disappointed.”\n\n"
        "Jin Zhehao, a trader in Yanbian, has watched the talks closely.\n\n"
        "Mr. Jin expects the two sides to find their way back to the table. “Beijing wants this "
        "summit to happen,” he said."
    )
    assert ("Beijing wants this summit to happen", "Jin Zhehao") in quotes(text)


def test_call_off_is_not_a_reporting_cue():
    text = (
        "Drills\n\n"
        "Pyongyang has demanded that the U.S. and South Korea call off joint military exercises "
        "scheduled to begin Feb. 24."
    )
    assert reported(text) == [
        (
            "the U.S. and South Korea call off joint military exercises scheduled to begin Feb. 24",
            "North Korea",
        )
    ]


def test_a_source_with_a_long_participle_aside_still_speaks():
    text = (
        "Channels\n\n"
        "A State Department official, speaking on condition of anonymity because the official "
        "was not authorized to discuss the matter publicly, said the contacts had so far dealt "
        "with small matters."
    )
    assert reported(text) == [
        ("the contacts had so far dealt with small matters", "A State Department official")
    ]


def test_a_trailing_according_to_is_the_writers_source_not_the_speaker():
    text = (
        "Visit\n\n"
        "Jiang Zemin, 77, told the vice president that relations between the two countries were "
        '"at their best in many years," according to Chinese state television.'
    )
    assert reported(text) == [
        (
            'relations between the two countries were "at their best in many years,"',
            "Jiang Zemin",
        )
    ]
    assert quotes(text) == [("at their best in many years", "Jiang Zemin")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a whole name as the one told: not "told President Lee" + "Myung-bak that ..."
        (
            "Premier Wen Jiabao told South Korean President Lee Myung-bak that China would not "
            "shield anyone - a pledge that Seoul never saw kept.",
            [("China would not shield anyone", "Wen Jiabao")],
        ),
        # an aside between spaced hyphens is not the subject
        (
            "Foreign Minister Ban Ki-moon - who takes over as UN Secretary-General in January - "
            "told Ms Rice that his government would review its projects.",
            [("his government would review its projects", "Ban Ki-moon")],
        ),
    ],
)
def test_dashes_around_asides_and_writers_tails(sentence, expected):
    assert reported(f"Visit\n\n{sentence}") == expected


def test_a_person_and_a_long_workplace_after_the_cue_is_the_speaker():
    text = (
        "Purge\n\n"
        "The execution rattled Beijing, said Sarah Whitcombe of the Center for Strategic and "
        "International Studies."
    )
    assert reported(text) == [("The execution rattled Beijing", "Sarah Whitcombe")]
    assert (
        "Sarah Whitcombe"
        not in parse(text).actors.query("kind == 'organization'")["actor"].tolist()
    )


def test_a_negotiator_on_a_country_is_not_that_country():
    text = (
        "Talks\n\n"
        "BERLIN (Reuters) - The top U.S. negotiator on North Korea said on Thursday his meeting "
        'had been "useful and substantive."'
    )
    assert quotes(text) == [("useful and substantive", "The top U.S. negotiator on North Korea")]


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        # a short headline fragment that repeats a body quote is a quote, not a scare quote
        (
            "Xi and Park close ranks over North Korea’s ‘nuclear dead end’\n\n"
            "SEOUL — Park Geun-hye said on Thursday that the North’s weapons had led it into a "
            "‘nuclear dead end’.",
            "nuclear dead end",
            "Park Geun-hye",
        ),
        # a subheading may shorten the words it repeats
        (
            "Summit in California\n\n"
            "RANCHO MIRAGE — The two leaders met on Friday for talks on North Korea.\n\n"
            "‘Not Kim’s lawyer’\n\n"
            "“Xi wants to show that he is not Kim Jong Un’s lawyer,” said Michael Farrow, an "
            "analyst at a research group in Washington.",
            "Not Kim’s lawyer",
            "Michael Farrow",
        ),
    ],
)
def test_display_quotes_that_repeat_body_quotes(text, words, speaker):
    assert (words, speaker) in quotes(text)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "suspect" and "propose" are cues; "others" and "some" can be sources
        (
            "Some diplomats suspect it is preparing another test; others think it may be waiting.",
            [
                ("it is preparing another test", "Some diplomats"),
                ("it may be waiting", "others"),
            ],
        ),
        (
            "China has proposed that North Korea suspend its tests.",
            [("North Korea suspend its tests", "China")],
        ),
        # an aside between the content's subject and its verb
        (
            "Some analysts believe the Chinese leadership, newly strengthened after the party "
            "congress last month, hopes to steer Trump toward direct talks.",
            [
                (
                    "the Chinese leadership, newly strengthened after the party congress last "
                    "month, hopes to steer Trump toward direct talks",
                    "Some analysts",
                )
            ],
        ),
        # a noun, a preposition or a gerund after the cue is not a clause
        ("Lee proposed a “grand bargain” under which the North would disarm.", []),
        ("Pyongyang has denied planting the mines, and has called the charge a lie.", []),
    ],
)
def test_more_cues_sources_and_clause_checks(sentence, expected):
    assert reported(f"Talks\n\n{sentence}") == expected


@pytest.mark.parametrize(
    "sentence, content",
    [
        (
            "Colin Powell said he had discussed Iraq with Jiang but would not say whether he had won "
            "any commitment.",
            "he had discussed Iraq with Jiang",
        ),
        (
            "A spokeswoman said Beijing hoped the visit would ease tensions, but declined to say "
            "whether Kim would be invited.",
            "Beijing hoped the visit would ease tensions",
        ),
        # "would not give in" belongs to the content
        (
            "President Park Geun-hye said Seoul would respond calmly but would not give in to "
            "threats.",
            "Seoul would respond calmly but would not give in to threats",
        ),
    ],
)
def test_but_declined_to_say_is_the_speakers_next_act(sentence, content):
    assert [t for t, _ in reported(f"Talks\n\n{sentence}")] == [content]


def test_and_then_an_aside_then_a_second_cue_of_the_same_subject():
    text = (
        "Talks\n\n"
        "Pyongyang expelled inspectors and said it was restarting a reactor and, on January "
        "10, announced it was pulling out of the treaty."
    )
    assert reported(text) == [
        ("it was restarting a reactor", "North Korea"),
        ("it was pulling out of the treaty", "North Korea"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "a pledge Seoul officials say ...": the writer's noun is not part of the source
        (
            "Wen said China would shield no one, a pledge Seoul officials say Beijing never kept.",
            ("Beijing never kept", "Seoul officials"),
        ),
        # "calls for" after a clause is a noun: no claim with a clause as its speaker
        (
            "He said Beijing favored dialogue, a phrase Chinese officials have used for years "
            "to fend off calls for tougher sanctions.",
            None,
        ),
    ],
)
def test_writers_nouns_and_clauses_are_not_sources(sentence, expected):
    rows = reported(f"Talks\n\nBEIJING — {sentence}")
    speakers = {s for _, s in rows}
    assert not any("phrase" in (s or "") or "pledge" in (s or "") for s in speakers)
    if expected:
        assert expected in rows


def test_a_possessive_source_names_its_own_owner():
    text = (
        "Shield\n\n"
        "Seoul's defence ministry said it was ready. Russia's foreign ministry warned that the "
        'move could have "irreparable consequences" for regional stability.'
    )
    assert quotes(text) == [("irreparable consequences", "Russia's foreign ministry")]


def test_a_source_with_a_long_who_clause_still_speaks():
    text = (
        "Alliance\n\n"
        "A senior South Korean official, who spoke on condition of anonymity because he was not "
        "authorized to discuss alliance deliberations, said the allies were “in complete "
        "agreement.”"
    )
    assert quotes(text) == [("in complete agreement", "A senior South Korean official")]


def test_and_that_after_a_nested_cue_belongs_to_the_inner_speaker():
    text = (
        "Visit\n\n"
        "BEIJING (AP) — The official Xinhua News Agency said Kim Jong Un told Xi Jinping that "
        "North Korea was willing to hold summits and that the standoff could be settled "
        '"step by step."\n\n'
        "Park Seo-yeon, an analyst, noted that Kim Jong Un told lawmakers that he would wait "
        'for "a correct posture," and that the clock on that offer is running.'
    )
    assert ("step by step", "Kim Jong Un") in quotes(text)
    assert ("the clock on that offer is running", "Park Seo-yeon") in reported(text)


def test_a_title_case_headline_cue_gives_its_quote_a_speaker():
    text = (
        "China Urges 'Calm and Restraint' as N. Korea Quits Nuclear Pact\n\n"
        'BEIJING — Kong Quan, a Foreign Ministry spokesman, urged "calm and restraint" on Friday.'
    )
    assert ("Calm and Restraint", "China") in quotes(text)


def test_two_names_joined_by_and_are_one_subject_of_the_content():
    text = (
        "Visit\n\n"
        "The Korean Central News Agency gave its own account. It said Kim Jong Un and Xi "
        "Jinping had agreed to meet often."
    )
    assert [t for t, _ in reported(text)] == ["Kim Jong Un and Xi Jinping had agreed to meet often"]


@pytest.mark.parametrize(
    "sentence, content",
    [
        (
            "President Bush, who said Wednesday that the United States remained committed to "
            "diplomacy, met China’s state councilor at the White House.",
            "the United States remained committed to diplomacy",
        ),
        (
            "The resolution, adopted five days after North Korea said it had set off a nuclear "
            "explosion, bans the sale of heavy weapons.",
            "it had set off a nuclear explosion",
        ),
        # a comma that opens an aside inside the content does not close the clause
        (
            "Trump, who said the meeting, which he had called off in May, would go ahead, "
            "flew to Singapore.",
            "the meeting, which he had called off in May, would go ahead",
        ),
    ],
)
def test_a_clause_holding_the_cue_ends_at_the_main_verb(sentence, content):
    texts = [t for t, _ in reported(f"Vote\n\nUNITED NATIONS — {sentence}")]
    if "which he had called off" in content:  # not cut at the aside's closing comma
        assert any(t.startswith(content) for t in texts), texts
    else:
        assert content in texts


def test_and_said_after_a_participle_cue_takes_the_sentences_subject():
    text = (
        "Talks\n\n"
        "BEIJING — According to two officials briefed on the exchange, Li Gun, a senior North "
        "Korean diplomat, took James Kelly aside on Thursday and said the North's weapons were "
        '"a fact."'
    )
    assert quotes(text) == [("a fact", "Li Gun")]
