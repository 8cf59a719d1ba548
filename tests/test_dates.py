"""The dates extractor: every rule on small news-style snippets, and the two seeds.

Snippets are written for these tests (news style, not copied from any outlet). Each test
gives a publication date, because words such as "Tuesday" or "last week" are read against it.
"""

from __future__ import annotations

import datetime as dt

import pytest

import kit
from kit.article import build_article
from kit.extract import dates as dates_module
from kit.extract.dates import extract_dates
from kit.schema import COLUMNS


def table(text: str, published: str):
    return extract_dates(build_article(text, published=published, article_id="t"))


def found(text: str, published: str) -> list[tuple[str, str]]:
    """(expression, value) of every non-vague row."""
    df = table(text, published)
    df = df[~df["vague"]]
    return list(zip(df["text"], df["value"], strict=True))


def value_of(text: str, published: str, expression: str) -> str:
    rows = dict(found(text, published))
    assert expression in rows, f"{expression!r} not found in {found(text, published)}"
    return rows[expression]


# -- the table -------------------------------------------------------------------------------
def test_columns_and_offsets_round_trip():
    text = (
        "SEOUL, Jan. 5 (Reuters) - North Korea said on Tuesday it would hold talks next week.\n"
        "Officials met in March 2015 and again in 2016, two days ago and yesterday, he said."
    )
    article = build_article(text, published="2016-01-06", article_id="t")
    df = extract_dates(article)
    assert list(df.columns) == COLUMNS["dates"]
    assert len(df) >= 6
    for row in df.itertuples():
        assert text[row.start : row.end] == row.text
        assert row.sentence == article.sentence_at(row.start)
        assert row.article == "t"
    assert df["vague"].dtype == bool


def test_empty_article_gives_empty_table_with_columns():
    df = table("The talks went nowhere, officials said.", "2016-01-06")
    assert df.empty
    assert list(df.columns) == COLUMNS["dates"]


# -- explicit dates --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "The test took place on January 6, 2016, officials said.",
            "January 6, 2016",
            "2016-01-06",
        ),
        ("The test took place on 6 January 2016, officials said.", "6 January 2016", "2016-01-06"),
        ("It was launched on Wed., Jan. 27, 2016.", "Wed., Jan. 27, 2016", "2016-01-27"),
        ("The council met on Sept. 12, 2017.", "Sept. 12, 2017", "2017-09-12"),
        ("The ship sank on 26 March, killing 46 sailors.", "26 March", "2016-03-26"),
        ("Seoul warned on 7 Mar, 2017 that it would respond.", "7 Mar, 2017", "2017-03-07"),
        ("The file was dated 2016-02-07.", "2016-02-07", "2016-02-07"),
    ],
)
def test_explicit_dates(text, expression, value):
    assert value_of(text, "2016-05-10", expression) == value


def test_dates_with_weekdays_and_named_weekday_pick_the_year():
    # (a page's own time stamp line, "Updated 1:32 PM ET, Wed January 27, 2016", is furniture:
    # see test_page_and_database_time_stamps_are_not_dates)
    text = "Talks\n\nThe round closed Wed January 27, 2016. The first met on Mon 5 Oct 2015.\n"
    assert found(text, "2016-01-27") == [
        ("Wed January 27, 2016", "2016-01-27"),
        ("Mon 5 Oct 2015", "2015-10-05"),
    ]
    # 8 January fell on a Friday in 2016, so "Friday, Jan. 8" read in March 2017 is 2016's.
    assert value_of("Talks ended on Friday, Jan. 8.", "2017-03-01", "Friday, Jan. 8") == (
        "2016-01-08"
    )


def test_month_day_year_is_inferred_from_publication():
    # Published 5 January: "Dec. 28" is the one just before, in the previous year.
    assert value_of("The launch came on Dec. 28, officials said.", "2016-01-05", "Dec. 28") == (
        "2015-12-28"
    )
    # "Jan. 6" in an article of 27 January 2016 is three weeks earlier.
    assert value_of("North Korea tested a bomb on Jan. 6.", "2016-01-27", "Jan. 6") == "2016-01-06"
    # A future date without a year is the next one.
    assert value_of("The envoys will meet on Feb. 3.", "2016-12-20", "Feb. 3") == "2017-02-03"
    # Tense decides, unless the other side is days away and this side months away.
    text = "The test came two days before his birthday, thought to be 8 January."
    assert value_of(text, "2016-01-06", "8 January") == "2016-01-08"
    text = "The men will be tried for the Jan. 5 attack."
    assert value_of(text, "2016-01-06", "Jan. 5") == "2016-01-05"


def test_dateline_counts():
    text = "BEIJING, Aug. 27 (Reuters) - Six-party talks opened on Wednesday."
    assert found(text, "2003-08-27") == [("Aug. 27", "2003-08-27"), ("Wednesday", "2003-08-27")]


def test_month_day_range():
    assert value_of("The talks ran April 6-7 in Geneva.", "2016-05-01", "April 6-7") == (
        "2016-04-06/2016-04-07"
    )


# -- months and years ------------------------------------------------------------------------
def test_month_and_year():
    text = "The leader appeared at a rally in April 2012 and again in September of 2013."
    assert found(text, "2013-04-09") == [
        ("April 2012", "2012-04"),
        ("September of 2013", "2013-09"),
    ]


def test_month_with_relative_year():
    assert value_of("They first met in July last year.", "2017-03-08", "July last year") == (
        "2016-07"
    )


def test_bare_month_past_and_future():
    # Past: the nearest March on or before publication.
    assert value_of("Sanctions were approved in March.", "2016-01-27", "March") == "2015-03"
    assert value_of("Sanctions were approved in January.", "2016-01-27", "January") == "2016-01"
    # Future context: the next one.
    assert value_of("The summit will be held in March.", "2016-01-27", "March") == "2016-03"
    # "last June" excludes the current year's June when it is still to come.
    assert value_of("They met in Singapore last June.", "2019-02-28", "last June") == "2018-06"
    assert value_of("The December launch angered Beijing.", "2013-01-01", "December") == "2012-12"
    # Possibility looks ahead; "may have" looks back.
    text = "The deadline could slip into April or May."
    assert found(text, "2019-03-12") == [("April", "2019-04"), ("May", "2019-05")]
    assert value_of("The envoy may have met Kim in June.", "2019-03-12", "June") == "2018-06"


def test_may_the_verb_and_march_the_noun_are_not_months():
    text = (
        "Leaders may be worried about what may transpire. May I ask? "
        "Thousands joined the march. March on, they said."
    )
    assert found(text, "2016-01-27") == []
    assert value_of("The vote was held in May.", "2016-01-27", "May") == "2015-05"
    assert value_of("The vote was held on May 9.", "2016-06-01", "May 9") == "2016-05-09"


def test_names_with_weekdays_are_not_days():
    text = "The Sunday Times reported it; the Good Friday Agreement and Bloody Sunday were cited."
    assert found(text, "2016-01-27") == []


def test_names_that_are_month_names_are_not_months():
    assert found("April Smith and June Lee spoke to reporters.", "2016-01-27") == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("North Korea first tested a nuclear device in 2006.", "2006", "2006"),
        ("Talks collapsed in early 2009.", "early 2009", "2009"),
        ("The deal frayed by mid-2003.", "mid-2003", "2003"),
    ],
)
def test_years(text, expression, value):
    assert value_of(text, "2016-01-27", expression) == value


def test_counts_money_and_codes_are_not_years():
    text = (
        "The U.S. keeps nearly 30,000 troops there. Access costs $11 a month, or $2016 a year. "
        "Some 2000 troops took part. Resolution 2094 was adopted. The launch was at 2100 GMT."
    )
    assert found(text, "2016-01-27") == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("an alliance forged in the 1950-53 Korean war", "1950-53", "1950/1953"),
        ("since the 1950–1953 Korean War ended", "1950–1953", "1950/1953"),
        ("talks held from 2003 to 2008 failed", "from 2003 to 2008", "2003/2008"),
        ("between 2003 and 2008 the talks stalled", "between 2003 and 2008", "2003/2008"),
        ("the 1994-2002 freeze on plutonium", "1994-2002", "1994/2002"),
    ],
)
def test_year_ranges(text, expression, value):
    assert value_of(text, "2016-01-27", expression) == value


def test_a_list_of_years_is_not_a_range():
    text = "The navies clashed in 1999, 2002 and 2009."
    assert found(text, "2010-05-20") == [("1999", "1999"), ("2002", "2002"), ("2009", "2009")]


def test_decades():
    text = (
        "The famine of the 1990s and the crisis of the early 2000s shaped the North, whose "
        "reactor went critical in the mid-1980s."
    )
    assert found(text, "2016-01-27") == [
        ("the 1990s", "199"),
        ("the early 2000s", "200"),
        ("the mid-1980s", "198"),
    ]


def test_holidays_from_the_word_list():
    text = "On Christmas Day, state media released photos. New Year\u2019s Eve passed quietly."
    assert found(text, "2019-03-12") == [
        ("Christmas Day", "2018-12-25"),
        ("New Year\u2019s Eve", "2018-12-31"),
    ]


# -- weekdays --------------------------------------------------------------------------------
def test_weekday_past_is_latest_on_or_before_publication():
    # Published Wednesday 27 January 2016.
    text = "On this trip, Kerry arrived in China Tuesday after stops in Laos."
    assert value_of(text, "2016-01-27", "Tuesday") == "2016-01-26"
    assert value_of("Officials met on Thursday.", "2016-01-27", "Thursday") == "2016-01-21"


def test_weekday_same_as_publication_day_is_the_publication_date():
    text = "Kerry's diplomatic hot streak faced a major reality check Wednesday."
    assert value_of(text, "2016-01-27", "Wednesday") == "2016-01-27"


def test_weekday_future_is_the_next_one():
    # Published Tuesday 9 April 2013.
    text = "Hence Kerry's upcoming stop in Beijing Saturday and a phone call last week."
    assert value_of(text, "2013-04-09", "Saturday") == "2013-04-13"
    assert value_of("Kerry will travel to Seoul on Friday.", "2013-04-09", "Friday") == (
        "2013-04-12"
    )
    assert value_of("Talks are scheduled to resume Monday.", "2013-04-09", "Monday") == (
        "2013-04-15"
    )
    assert value_of(
        "The officials meet on Tuesday for the first time.", "2018-01-03", "Tuesday"
    ) == ("2018-01-09")


def test_weekday_nearest_cue_wins():
    text = "Kerry, who arrived in Seoul on Friday, will fly to Beijing on Saturday."
    rows = dict(found(text, "2013-04-09"))
    assert rows["Friday"] == "2013-04-05"
    assert rows["Saturday"] == "2013-04-13"


def test_weekday_in_present_tense_headline_is_past():
    text = "Kerry arrives in Beijing Wednesday\n\nThe envoy faced a tough reception, aides said."
    assert value_of(text, "2016-01-28", "Wednesday") == "2016-01-27"
    text = "North Korea is under pressure after Tuesday's test, officials say."
    assert value_of(text, "2016-01-28", "Tuesday") == "2016-01-26"


def test_weekday_in_present_tense_caption_is_past():
    text = (
        "Summit ends early\n\nPhotographer/AP\n"
        "The two leaders meet for dinner at a hotel in Hanoi on Wednesday.\n\n"
        "The summit collapsed, officials said."
    )
    assert value_of(text, "2019-02-28", "Wednesday") == "2019-02-27"


def test_weekday_across_month_and_year_boundaries():
    # Published Tuesday 1 January 2013.
    text = "North Korea launched a rocket on Friday and will hold talks next Monday."
    rows = dict(found(text, "2013-01-01"))
    assert rows["Friday"] == "2012-12-28"
    assert rows["next Monday"] == "2013-01-07"
    assert value_of("Kim spoke last Friday.", "2016-03-01", "last Friday") == "2016-02-26"


def test_weekday_with_part_of_day_and_last_next():
    text = "The launch came Tuesday night. Seoul reacted last Friday and will respond next Monday."
    rows = dict(found(text, "2016-01-27"))
    assert rows == {
        "Tuesday night": "2016-01-26",
        "last Friday": "2016-01-22",
        "next Monday": "2016-02-01",
    }


# -- relative expressions --------------------------------------------------------------------
def test_relative_days():
    text = (
        "Yesterday the envoy arrived; today he meets Wang and tomorrow he leaves. Tonight he dines."
    )
    assert found(text, "2016-01-27") == [
        ("Yesterday", "2016-01-26"),
        ("today", "2016-01-27"),
        ("tomorrow", "2016-01-28"),
        ("Tonight", "2016-01-27"),
    ]


def test_ago():
    text = "Two days ago the North fired a missile; a week ago it threatened Seoul; three years ago it tested."
    assert found(text, "2016-01-27") == [
        ("Two days ago", "2016-01-25"),
        ("a week ago", "2016-01-20"),
        ("three years ago", "2013"),
    ]


def test_weeks_months_years():
    text = (
        "The envoy visited last week and returns later this week. Sanctions passed last month "
        "and more come next month. The test earlier this month was the first this year; "
        "another is expected early next year, after one late last year."
    )
    assert found(text, "2013-04-09") == [
        ("last week", "2013-W14"),
        ("later this week", "2013-W15"),
        ("last month", "2013-03"),
        ("next month", "2013-05"),
        ("earlier this month", "2013-04"),
        ("this year", "2013"),
        ("early next year", "2014"),
        ("late last year", "2012"),
    ]


def test_the_past_week_is_the_span_up_to_publication():
    text = (
        "Over the past week, tensions rose. In the past year, the North fired 20 missiles. "
        "This past weekend, Kim visited a factory. In the past, talks failed."
    )
    assert found(text, "2016-03-02") == [
        ("the past week", "2016-02-24/2016-03-02"),
        ("the past year", "2015-03-02/2016-03-02"),
        ("This past weekend", "2016-W08-WE"),
    ]
    assert "In the past" in set(table(text, "2016-03-02")["text"])  # vague


@pytest.mark.parametrize(
    ("published", "expression", "value"),
    [
        ("2016-01-01", "last week", "2015-W52"),  # a Friday in ISO week 53 of 2015
        ("2016-01-01", "this week", "2015-W53"),
        ("2021-01-03", "this week", "2020-W53"),  # a Sunday, still in 2020-W53
        ("2019-12-30", "this week", "2020-W01"),  # a Monday, already in 2020-W01
        ("2015-12-28", "next week", "2016-W01"),
        ("2016-01-04", "last week", "2015-W53"),
    ],
)
def test_iso_week_edges(published, expression, value):
    text = f"The envoys met {expression}, officials said."
    assert value_of(text, published, expression) == value


def test_weekends():
    # Published Wednesday 27 January 2016: past tense -> the weekend just before.
    text = "Kerry described North Korea to reporters this weekend as a threat."
    assert value_of(text, "2016-01-27", "this weekend") == "2016-W03-WE"
    # Future context -> the coming weekend.
    text = "Seoul had hoped to announce new projects this weekend, but no deal was reached."
    assert value_of(text, "2019-02-28", "this weekend") == "2019-W09-WE"
    assert value_of("Protests spread over the weekend.", "2016-01-25", "the weekend") == (
        "2016-W03-WE"
    )
    assert value_of("They met last weekend.", "2016-01-27", "last weekend") == "2016-W03-WE"


@pytest.mark.parametrize(
    ("published", "expression", "value"),
    [
        ("2016-01-20", "this winter", "2015-WI"),  # December 2015 to February 2016
        ("2016-01-20", "last winter", "2014-WI"),
        ("2016-01-20", "next winter", "2016-WI"),
        ("2016-10-20", "this winter", "2016-WI"),
        ("2016-10-20", "last winter", "2015-WI"),
        ("2016-12-20", "next winter", "2017-WI"),
    ],
)
def test_winter_belongs_to_the_year_of_its_december(published, expression, value):
    assert value_of(f"Talks stalled {expression}.", published, expression) == value


def test_seasons():
    text = "The talks stalled last summer and may resume this spring or in the summer of 2017."
    assert found(text, "2016-03-01") == [
        ("last summer", "2015-SU"),
        ("this spring", "2016-SP"),
        ("the summer of 2017", "2017-SU"),
    ]


# -- not dates -------------------------------------------------------------------------------
def test_durations_ages_and_counts_are_not_dates():
    text = (
        "The meeting lasted four hours. He served for three years and the war ended 60 years "
        "ago? No: after decades of estrangement the 33-year-old leader, aged 33, waited 10 days."
    )
    rows = found(text, "2016-01-27")
    assert ("60 years ago", "1956") in rows  # "N years ago" is a date ...
    assert [r for r in rows if r[0] != "60 years ago"] == []  # ... the rest are not


def test_vague_references_have_no_value():
    text = (
        "For now, China is wary. Another test may come in the coming days or in the near future, "
        "officials said recently; talks could resume soon."
    )
    df = table(text, "2013-04-09")
    assert not df.empty
    assert df["vague"].all()
    assert (df["value"] == "").all()
    assert (df["kind"] == "vague").all()
    assert set(df["text"]) >= {
        "now",
        "in the coming days",
        "in the near future",
        "recently",
        "soon",
    }


def test_boilerplate_is_skipped():
    text = (
        "Kerry will visit Beijing later this week.\n\n"
        "of stories this month > Get unlimited stories\n"
        "You've read  of  free articles. Subscribe to continue."
    )
    df = table(text, "2013-04-09")
    assert list(df["text"]) == ["later this week"]


# -- the seeds -------------------------------------------------------------------------------
def test_cnn_seed():
    corpus = kit.load_corpus()
    article = corpus.article("cnn-2016-kerry-beijing")
    df = extract_dates(article)
    dated = dict(zip(df.loc[~df["vague"], "text"], df.loc[~df["vague"], "value"], strict=True))
    assert dated == {
        "Wednesday": "2016-01-27",
        "this weekend": "2016-W03-WE",
        "earlier this month": "2016-01",
        "1950-53": "1950/1953",
        "Tuesday": "2016-01-26",
        "next month": "2016-02",
        "this year": "2016",
    }
    assert "decades" not in set(df["text"])
    assert "now" in set(df.loc[df["vague"], "text"])


def test_monitor_seed():
    corpus = kit.load_corpus()
    article = corpus.article("csm-2013-diplomacy-hope")
    df = extract_dates(article)
    dated = df[~df["vague"]]
    assert list(zip(dated["text"], dated["value"], strict=True)) == [
        ("April 2012", "2012-04"),
        ("later this week", "2013-W15"),
        ("Tuesday", "2013-04-09"),
        ("Saturday", "2013-04-13"),
        ("last week", "2013-W14"),
        ("this year", "2013"),
        ("last month", "2013-03"),
    ]
    caption = dated.iloc[0]
    assert article.role_at(int(caption["start"])) == "caption"
    assert "this month" not in set(df["text"])  # only in the paywall lines
    assert {"in the coming days", "in the near future"} <= set(df.loc[df["vague"], "text"])


# -- the word lists --------------------------------------------------------------------------
def test_word_list_is_readable_and_complete():
    lx = dates_module.lexicon()
    assert lx.month_number["Sept."] == 9
    assert lx.weekday_number["Sunday"] == 6
    assert "the near future" in lx.vague


def test_broken_word_list_gives_a_clear_error(monkeypatch):
    monkeypatch.setattr(dates_module, "read_yaml", lambda name: {"months": {}})
    dates_module.lexicon.cache_clear()
    try:
        with pytest.raises(kit.KitError, match="date_words.yaml"):
            dates_module.lexicon()
    finally:
        monkeypatch.undo()
        dates_module.lexicon.cache_clear()
    assert dates_module.lexicon().month_number["January"] == 1


def test_values_are_readable_as_calendar_intervals():
    from kit.evaluate import date_interval

    text = (
        "On Jan. 6 the North tested a bomb; in March 2015, last week, this weekend, "
        "the 1990s, 1950-53 and Tuesday all count, as do two days ago and this year."
    )
    df = table(text, "2016-01-27")
    assert len(df) == 9
    for value in df.loc[~df["vague"], "value"]:
        assert date_interval(value) is not None, value
    assert dt.date(2016, 1, 27).isoweekday() == 3


# -- compound and anchored expressions ---------------------------------------------------------


def test_weekday_of_last_week_is_one_expression():
    # published on a Wednesday: the Monday of the previous ISO week
    assert found("The envoy arrived on Monday of last week for talks.", "2012-12-12") == [
        ("Monday of last week", "2012-12-03")
    ]


def test_year_ago_this_month():
    assert found("A year ago this month, the North fired a rocket.", "2012-12-12") == [
        ("A year ago this month", "2011-12")
    ]


def test_day_earlier_counts_from_the_storys_day_else_publication():
    assert found("The ministry had warned a day earlier that a launch was near.", "2012-12-12") == [
        ("a day earlier", "2012-12-11")
    ]
    assert found("On Dec. 3 the ship sank. Two days earlier, it had left port.", "2012-12-12") == [
        ("Dec. 3", "2012-12-03"),
        ("Two days earlier", "2012-12-01"),
    ]
    assert found("Earlier in the day, officials met in Seoul.", "2012-12-12") == [
        ("Earlier in the day", "2012-12-12")
    ]


def test_recurring_date_is_not_a_date_and_running_until_looks_ahead():
    assert found("Every January 1, the leader gives a speech.", "2012-12-12") == []
    assert (
        value_of("The drills run until 29 December.", "2012-12-12", "29 December") == "2012-12-29"
    )
    assert (
        value_of("The talks lasted until 29 November.", "2012-12-12", "29 November") == "2012-11-29"
    )


def test_last_as_a_verb_after_will_is_not_a_past_marker():
    text = (
        "Mourning\n\nThe funeral will be held on 28 December. "
        "A national mourning period will last until 29 December."
    )
    assert value_of(text, "2011-12-19", "29 December") == "2011-12-29"


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # "since" always looks back, even in a sentence that also looks ahead
        (
            "Release\n\nSeoul hoped the North would free a worker held there since March.",
            "2009-08-05",
            "March",
            "2009-03",
        ),
        # "as early as" and a deadline look ahead
        (
            "Missiles\n\nOfficials said a launch could come as early as Wednesday.",
            "2013-04-09",
            "Wednesday",
            "2013-04-10",
        ),
        (
            "Ultimatum\n\nThe deadline expires at 5pm on Saturday.",
            "2015-08-21",
            "Saturday",
            "2015-08-22",
        ),
        # a day and month ten months away is not meant: the one a few weeks back is
        (
            "Tests\n\nThe North tested missiles on 4 July and 28 July, and experts now believe "
            "it may be able to reach the mainland.",
            "2017-08-10",
            "28 July",
            "2017-07-28",
        ),
        # "the abrupt end": a noun, not the present tense of a scheduled event
        (
            "Summit\n\nMoon did not refer to the abrupt end of the summit on Thursday.",
            "2019-03-01",
            "Thursday",
            "2019-02-28",
        ),
        # the verb right before the date is its own; a "that" clause after it is another's
        (
            "Summit\n\nMr. Trump announced on Thursday will take place in June.",
            "2018-05-11",
            "Thursday",
            "2018-05-10",
        ),
        (
            "Drills\n\nNorth Korea declared in a statement on Tuesday that it would end the truce.",
            "2013-03-07",
            "Tuesday",
            "2013-03-05",
        ),
        # "no later than" is a deadline too
        (
            "Talks\n\nKoizumi welcomed the decision to hold talks no later than June.",
            "2004-02-28",
            "June",
            "2004-06",
        ),
        # a date naming an event takes no tense from the sentence: the nearest such day
        (
            "Deal\n\nUnder the Feb. 13 agreement, North Korea is to receive energy aid.",
            "2007-07-02",
            "Feb. 13",
            "2007-02-13",
        ),
        # a colon after the day ("• July 5: ...") is no clock time
        (
            "Timeline\n\n• July 5: The North test-fires seven missiles.",
            "2006-10-10",
            "July 5",
            "2006-07-05",
        ),
        # "last July" written in August is a year ago
        ("Visit\n\nXi visited Seoul last July.", "2015-08-26", "last July", "2014-07"),
        # a month a few months back, not most of a year ahead, despite a "will" nearby
        (
            "Xi\n\nXi, who became party chief in November and will take over next month, "
            "has yet to comment.",
            "2013-02-14",
            "November",
            "2012-11",
        ),
        # a date closing a photo caption is the photo's day, whatever the caption's tense
        (
            "Leaders\n\nWorkers prepare the hall where the leaders will hold talks, on "
            "Wednesday. (Yonhap)\n\nThe leaders meet on Friday.",
            "2018-04-26",
            "Wednesday",
            "2018-04-25",
        ),
        # "by" a day is a deadline, but not in a past-tense sentence
        (
            "Site\n\nThe rubble was being cleared by Monday, officials said.",
            "2008-07-03",
            "Monday",
            "2008-06-30",
        ),
    ],
)
def test_tense_and_distance_decide_which_date_is_meant(text, published, expression, value):
    assert value_of(text, published, expression) == value


def test_print_edition_line_is_boilerplate_so_its_date_is_not_a_date():
    text = (
        "Clinton leaves Pyongyang\n\nMr. Clinton left on Wednesday.\n\n"
        "A version of this article appears in print on August 5, 2009, on Page A1."
    )
    assert [t for t, _ in found(text, "2009-08-05")] == ["Wednesday"]


def test_headline_to_plus_verb_looks_ahead():
    text = (
        "Warmbier returns home in a coma; parents to speak Thursday\n\n"
        "Otto Warmbier returned to the United States on Tuesday."
    )
    assert value_of(text, "2017-06-14", "Thursday") == "2017-06-15"
    assert value_of(text, "2017-06-14", "Tuesday") == "2017-06-13"


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # the future cue is more than 100 characters before the weekday
        (
            "Chinese President Hu Jintao is expected to discuss the issue with President Bush "
            "at the Group of Eight summit in St. Petersburg, Russia, on Monday.",
            "2006-07-15",
            "Monday",
            "2006-07-17",
        ),
        # "a deal announced Wednesday": the participle right before the date is its verb
        (
            "North Korea will suspend tests under a deal announced Wednesday.",
            "2012-03-01",
            "Wednesday",
            "2012-02-29",
        ),
        # "The drills run until Wednesday": a plural subject, so "run" is a verb
        ("The drills run until Wednesday.", "2010-11-28", "Wednesday", "2010-12-01"),
        # "should" looks ahead
        (
            "Wu Dawei said on Sunday that the envoys should meet in early December.",
            "2010-11-28",
            "early December",
            "2010-12",
        ),
        # deadlines, and the date's own verb ("whose term ends in February")
        (
            "The North agreed to declare all its programs by Dec. 31.",
            "2007-10-05",
            "Dec. 31",
            "2007-12-31",
        ),
        ("The talks had been completed by June.", "2004-10-05", "June", "2004-06"),
        (
            "Lee, the front-runner in the Dec. 19 election, said little.",
            "2007-10-05",
            "Dec. 19",
            "2007-12-19",
        ),
        (
            "Roh, whose term ends in February, has said he wants a deal.",
            "2007-10-05",
            "February",
            "2008-02",
        ),
    ],
)
def test_more_tense_cues(text, published, expression, value):
    assert value_of("Story\n\n" + text, published, expression) == value


def test_print_page_header_is_boilerplate():
    text = "Talks open\n\nFriday, April 25, 2003; Page A01\n\nThe talks opened on Wednesday."
    assert [t for t, _ in found(text, "2003-04-25")] == ["Wednesday"]


@pytest.mark.parametrize(
    "furniture",
    [
        "HOUSTON CHRONICLE  |  SATURDAY, APRIL 26, 2003  |  PAGE A4",
        "LOAD-DATE: September 21, 2005",
        "Updated 10:42 a.m. ET, Tue March 7, 2017",
        "September 21, 2005 Wednesday",
        "February 13, 2013 5:04 AM ET",
        "Monday, July 1, 2019",
        "guardian.co.uk, Wednesday 24 November 2010 10.41 GMT",
    ],
)
def test_page_and_database_time_stamps_are_not_dates(furniture):
    text = f"Talks\n\n{furniture}\n\nThe talks failed on Tuesday, officials said."
    d = kit.parse_article(text, published="2019-07-01", article_id="t").dates
    assert list(d["text"]) == ["Tuesday"]


@pytest.mark.parametrize(
    "sentence, value",
    [
        # a present-tense travel verb looks ahead (kit/data/date_words.yaml, present_cues)
        ("Trump flies on Friday to Da Nang for the summit, and then to Manila.", "2017-11-10"),
        # an infinitive has no tense: the past verb before the date decides
        (
            "The North hit back on Friday, giving the workers until 5:30 p.m. to return home.",
            "2017-11-03",
        ),
    ],
)
def test_present_verbs_look_ahead_but_infinitives_do_not(sentence, value):
    # published on Thursday 9 November 2017
    assert found(f"Talks\n\nBEIJING — {sentence}", "2017-11-09") == [("Friday", value)]


@pytest.mark.parametrize(
    "sentence, published, value",
    [
        # "close to" is an adjective, not the verb "close": the past verbs decide
        (
            "Forty-six sailors died when the 1,200-tonne corvette went down near Baengnyeong "
            "island, close to the disputed maritime border, on March 26.",
            "2010-07-09",
            "2010-03-26",
        ),
        # an irregular past form ("quit") is the date's own verb ...
        (
            "Kim said his country may return to the talks, including the negotiations it quit "
            "in April, if the talks make headway.",
            "2009-10-06",
            "2009-04",
        ),
        (
            "The North freed three detainees when Pompeo visited on May 9, and on Thursday it "
            "blew up tunnels at its nuclear test site in front of foreign journalists.",
            "2018-05-25",
            "2018-05-24",
        ),
        # ... unless a modal makes it a base form
        ("The North will quit the talks in October, officials said.", "2010-07-09", "2010-10"),
    ],
)
def test_close_to_is_no_verb_and_irregular_past_forms_look_back(sentence, published, value):
    assert [v for _, v in found(f"Talks\n\nSEOUL — {sentence}", published)][-1] == value


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("China says the ban takes effect Sunday and runs until December 31.", "2017-12-31"),
        ("The ban will last until January, officials said.", "2018-01"),
        # about the past: the end has gone by
        ("The complex had stayed shut until January, officials said.", "2017-01"),
    ],
)
def test_until_a_date_is_an_end_still_ahead(sentence, value):
    # published on Sunday 19 February 2017
    assert found(f"Ban\n\nBEIJING — {sentence}", "2017-02-19")[-1][1] == value
