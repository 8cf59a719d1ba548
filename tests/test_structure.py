"""Paragraph roles and sentence spans, on the seeds and on small texts of our own."""

import pytest

import kit
from kit.article import build_article
from kit.structure import split_paragraphs


@pytest.fixture(scope="module")
def corpus():
    return kit.load_corpus()


def _roles(corpus, article_id):
    p = corpus.paragraphs
    p = p[p.article == article_id]
    return dict(zip(p.text, p.role, strict=True))


def test_monitor_structure(corpus):
    roles = _roles(corpus, "csm-2013-diplomacy-hope")
    assert roles["What hope for diplomacy to defuse North Korea crisis?"] == "headline"
    assert roles["Ng Han Guan/AP/File"] == "photo_credit"
    standfirst = [t for t, r in roles.items() if r == "standfirst"]
    assert len(standfirst) == 1 and standfirst[0].startswith("Any diplomatic resolution")
    captions = [t for t, r in roles.items() if r == "caption"]
    assert len(captions) == 1 and captions[0].startswith("North Korean leader Kim Jong-un (r.)")
    boiler = [t for t, r in roles.items() if r == "boilerplate"]
    assert boiler == [
        "of stories this month > Get unlimited stories",
        "You've read\xa0\xa0of\xa0\xa0free articles. Subscribe to continue.",
        "Unlimited digital access $11/month.",
        "Get unlimited Monitor journalism.",
    ]
    assert sum(r == "body" for r in roles.values()) == 17


def test_cnn_structure(corpus):
    roles = _roles(corpus, "cnn-2016-kerry-beijing")
    assert "headline" not in roles.values()  # the file opens with the lede
    assert [t for t, r in roles.items() if r == "subheading"] == [
        "Escalating U.S. rhetoric",
        "China concerned about clout",
        "U.S. reaches out to Southeast Asia",
        "North Korea reluctant to bargain",
    ]
    assert "boilerplate" not in roles.values()


def test_offsets_round_trip_for_every_row(corpus):
    for name in ("paragraphs", "sentences"):
        table = getattr(corpus, name)
        assert len(table) > 0
        for row in table.itertuples():
            assert corpus.text(row.article)[row.start : row.end] == row.text, (name, row)


def test_paragraphs_cover_all_non_blank_text(corpus):
    for article_id in corpus.ids:
        text = corpus.text(article_id)
        p = corpus.paragraphs[corpus.paragraphs.article == article_id]
        covered = "".join(text[s:e] for s, e in zip(p.start, p.end, strict=True))
        assert "".join(covered.split()) == "".join(text.split())


def test_sentences_stay_inside_their_paragraph(corpus):
    paragraphs = corpus.paragraphs.set_index(["article", "paragraph"])
    for s in corpus.sentences.itertuples():
        para = paragraphs.loc[(s.article, s.paragraph)]
        assert para.start <= s.start < s.end <= para.end


def _sentences(text):
    article = build_article(text, published="2016-01-27", article_id="t")
    return [text[s.start : s.end] for s in article.sentences]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = (
        "Mr. Kerry met Dr. Lee in Arlington, Va. on Monday. George W. Bush and the U.S. "
        "Navy sent ships. RAND Corp. analysts agreed. The U.S. It was late."
    )
    assert _sentences(text) == [
        "Mr. Kerry met Dr. Lee in Arlington, Va. on Monday.",
        "George W. Bush and the U.S. Navy sent ships.",
        "RAND Corp. analysts agreed.",
        "The U.S.",
        "It was late.",
    ]


def test_sentences_split_after_closing_quotes_and_questions():
    text = "“We have delivered,” he said. “Our position is clear.” Why? Because “it is.”"
    assert _sentences(text) == [
        "“We have delivered,” he said.",
        "“Our position is clear.”",
        "Why?",
        "Because “it is.”",
    ]


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "SEOUL, South Korea (AP) - North Korea said on Tuesday that it would\n"
        "hold talks with the South next week, a rare gesture after months of\n"
        "rising tension along the heavily armed border between the two Koreas.\n"
        "\n"
        "Officials in Seoul welcomed the offer but said they would wait for\n"
        "details before they sent a delegation to the truce village of Panmunjom.\n"
        "The talks would be the first in more than a year, they said.\n"
    )
    article = build_article(text, published="2013-06-04", article_id="wrapped")
    assert len(article.paragraphs) == 2
    assert article.paragraph_text(1).startswith("Officials in Seoul")


def test_byline_readmore_and_crlf_lines():
    text = (
        "Envoy says North Korea 'ready to talk'\r\n"
        "By Jane Park\r\n"
        "North Korea's envoy said on Monday that Pyongyang was ready to return to talks.\r\n"
        "READ MORE: Six-party talks explained\r\n"
        "The envoy spoke in Beijing, where he met Chinese officials for several hours.\r\n"
    )
    article = build_article(text, published="2009-07-06", article_id="crlf")
    roles = [p.role for p in article.paragraphs]
    assert roles == ["headline", "byline", "body", "boilerplate", "body"]
    assert all("\r" not in article.paragraph_text(i) for i in range(len(roles)))


LAYOUTS = {
    "wire": (
        "North Korea fires missile ahead of talks\n\n"
        "SEOUL, South Korea (AP) — North Korea fired a short-range missile into the sea on "
        "Thursday, South Korean officials said, hours before envoys were due to meet.\n\n"
        "In this Feb. 12, 2013, file photo, a man watches a TV news program in Seoul. "
        "(AP Photo/Ahn Young-joon, File)\n\n"
        "The launch came as diplomats prepared for a new round of talks.\n\n"
        "Copyright 2013 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.\n",
        ["headline", "body", "caption", "body", "boilerplate"],
    ),
    "newspaper": (
        "North Korea 'ready to talk', says envoy\n"
        "Pyongyang's man at the UN signals a thaw as Washington weighs new sanctions\n"
        "Justin Park in Seoul\n"
        "Tue 5 Mar 2013 09.12 GMT\n"
        "Kim Jong-un at a military parade in Pyongyang. Photograph: Ed Jones/AFP/Getty Images\n"
        "North Korea's envoy to the United Nations said on Monday that his country was ready "
        "to talk, but only if the US dropped what he called its hostile policy.\n",
        ["headline", "standfirst", "byline", "byline", "caption", "body"],
    ),
    "broadcaster": (
        "North Korea nuclear test: China 'firmly opposed'\n"
        "Image copyright Reuters\n"
        "Image caption The test was condemned around the world\n"
        'China has said it is "firmly opposed" to the test, and urged Pyongyang to return '
        "to talks.\n"
        "Media playback is unsupported on your device\n"
        "The foreign ministry said Beijing would work with other members of the council.\n",
        ["headline", "photo_credit", "caption", "body", "boilerplate", "body"],
    ),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_common_page_layouts(layout):
    text, expected = LAYOUTS[layout]
    article = build_article(text, published="2013-03-05", article_id=layout)
    assert [p.role for p in article.paragraphs] == expected


def test_two_line_paragraph_of_a_hard_wrapped_text_is_one_paragraph():
    wrapped = (
        "The United States and South Korea agreed last month to postpone their\n"
        "annual spring military exercises until after the Paralympics, which end\n"
        "in March, officials in Seoul said on Monday after a long meeting there.\n"
    )
    text = (
        "Olympic thaw\n\n"
        + wrapped
        + "\n“But a smile is not a policy. Nothing about the nuclear program has\n"
        "changed.”\n\nShort line\nAnother short line\n"
    )
    spans = split_paragraphs(text)
    paragraphs = [text[s:e] for s, e in spans]
    assert paragraphs[1] == wrapped.strip()
    assert paragraphs[2].startswith("“But a smile") and paragraphs[2].endswith("changed.”")
    assert paragraphs[3:] == ["Short line", "Another short line"]  # not wrapped: kept apart


@pytest.mark.parametrize(
    "line, role",
    [
        ("‘The Signal Was Everything’", "subheading"),  # a quoted heading
        ("“We will fight to the end.”", "body"),  # a one-sentence quote paragraph
        ("“We are ready,” he said", "body"),
    ],
)
def test_a_quoted_heading_is_a_subheading(line, role):
    text = (
        "Banks Wary After Macau Ruling\n\n"
        "HONG KONG — Bankers said on Monday that the ruling had changed how they deal with "
        "the North.\n\n"
        f"{line}\n\n"
        "The Treasury said the bank had handled millions of dollars for Pyongyang over many "
        "years, and that other banks had taken note of the ruling."
    )
    art = build_article(text, published="2007-03-20", article_id="t")
    assert art.paragraphs[2].role == role


def test_a_page_break_inside_a_wrapped_paragraph_is_furniture():
    wrapped = (
        "Kong Quan, a spokesman for China's Foreign Ministry, said\n"
        'Beijing "hopes all sides will keep their composure" and that the\n'
        'talks had been "a good beginning." Chinese officials had worked\n'
        "Please see KOREA on Page A4\n"
        "DAILY HERALD  |  SATURDAY, APRIL 26, 2003  |  PAGE A4\n"
        "Continued from Page A1\n"
        "for weeks to bring the two sides together in the so-called\n"
        '"Beijing format," in which China sits at the table rather than\n'
        "merely hosting it."
    )
    lede = (
        "BEIJING — North Korea's chief delegate at three-way talks here\n"
        "told his American counterpart that Pyongyang already possesses\n"
        "nuclear weapons, U.S. officials said Friday, a disclosure that\n"
        "cast a shadow over the talks."
    )
    text = f"N. Korea tells U.S. it has nuclear arms\n\n{lede}\n\n{wrapped}"
    art = build_article(text, published="2003-04-26", article_id="t")
    paras = [(p.role, text[p.start : p.end].split("\n")[0]) for p in art.paragraphs]
    assert paras[2:] == [
        ("body", "Kong Quan, a spokesman for China's Foreign Ministry, said"),
        ("boilerplate", "Please see KOREA on Page A4"),
        ("boilerplate", "DAILY HERALD  |  SATURDAY, APRIL 26, 2003  |  PAGE A4"),
        ("boilerplate", "Continued from Page A1"),
        ("body", "for weeks to bring the two sides together in the so-called"),
    ]
