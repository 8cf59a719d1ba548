"""Temporal expressions, normalized against the publication date.

Every date expression contains an anchor word (a month or weekday name, a year, "week",
"ago", "now", ...). One fast regular expression finds the anchors; around each, one compiled
alternation of the forms that anchor can belong to (built from the word lists in
``kit/data/date_words.yaml``) is tried at the few places where an expression can start. Each
match outside boilerplate paragraphs is turned into a TIMEX3-style value with cheap date
arithmetic. Words such as "Tuesday" or "March 7" are read against the publication date, looking
back for past events and ahead when the nearest tense cue in the sentence looks ahead ("will",
"upcoming", "is expected to").

Values and kinds (the ``kind`` column says what sort of expression it is):

========  =====================================  ==================================
kind      value                                   examples
========  =====================================  ==================================
date      YYYY-MM-DD                              Jan. 6, 2016 · 6 January · Christmas Day
weekday   YYYY-MM-DD                              Tuesday · last Friday · Tuesday night
relative  YYYY-MM-DD, YYYY-MM or YYYY             yesterday · two days ago · last month
week      YYYY-Www (ISO week)                     last week · later this week
weekend   YYYY-Www-WE                             this weekend · over the weekend
month     YYYY-MM                                 April 2012 · in March
year      YYYY                                    in 2006 · early 2015
season    YYYY-SP / SU / FA / WI                  last summer · the spring of 2012
range     A/B                                     1950-53 · from 2003 to 2008 · the past week
decade    YYY (the first three digits)            the 1990s
vague     "" (and vague=True)                     now · recently · in the coming days
========  =====================================  ==================================

Durations ("four hours", "for three years", "decades"), ages, counts and money are
not dates and give no row.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ..article import Article
from ..data_files import read_yaml
from ..errors import KitError
from ..schema import frame
from .wrapped import restore_text, scan_view

DATA_FILE = "date_words.yaml"

_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"  # ("5:30" is a time; "July 5: ..." a date)
_SP = r"[^\S\n]+"  # spaces (also no-break spaces), but never a line break
_DASH = r"[-\u2013\u2014]"
_APOS = "['\u2019]"
# not part of money, a number or a code ("$2016", "1,2016", "KN-2016"), but "mid-2016" is fine
_YEAR_BEFORE = r"(?:(?<=[Mm]id[-\u2013])|(?<![\w$\u20ac\u00a3\u00a5#.,/\-\u2013]))"
_YEAR_AFTER = r"(?![\w%\u2013]|[.,/-]\d)"
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class _Lexicon:
    """The word lists of ``date_words.yaml`` in the shapes the extractor uses."""

    month_number: dict[str, int]  # "January" / "Jan." -> 1
    ambiguous_months: frozenset[str]
    month_context: frozenset[str]
    weekday_number: dict[str, int]  # "Monday" / "Mon." -> 0
    weekday_names: tuple[str, ...]
    weekday_abbreviations: tuple[str, ...]
    month_names: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    day_parts: tuple[str, ...]
    relative_days: dict[str, int]
    unit_shifts: dict[str, int]
    modifiers: tuple[str, ...]
    seasons: dict[str, str]
    number_words: dict[str, int]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    present_cues: tuple[str, ...]
    not_past_ed: frozenset[str]
    vague: tuple[str, ...]
    holidays: dict[str, tuple[int, int]]  # "Christmas Day" -> (12, 25)
    not_year_after: frozenset[str]
    not_year_before: frozenset[str]
    weekday_names_after: frozenset[str]  # "Sunday Times": a name, not a day
    weekday_names_before: frozenset[str]  # "Bloody Sunday", "Good Friday"
    event_nouns: frozenset[str] = frozenset()  # "the Feb. 13 agreement": a date naming an event


def _norm(phrase: str) -> str:
    return " ".join(str(phrase).lower().split())


def _month_day_pair(value, where: str) -> tuple[int, int]:
    try:
        month, day = (int(x) for x in str(value).split("-"))
        dt.date(2000, month, day)
    except ValueError:
        raise KitError(
            f'{where}: holiday date {value!r} is not MM-DD; write it like "12-25".'
        ) from None
    return month, day


@cache
def lexicon() -> _Lexicon:
    """The date words, read once from ``kit/data/date_words.yaml`` and checked."""
    raw = read_yaml(DATA_FILE)
    where = f"kit/data/{DATA_FILE}"
    needed = [
        "months",
        "weekdays",
        "relative_days",
        "unit_shifts",
        "future_cues",
        "past_cues",
        "vague",
    ]
    if not isinstance(raw, dict) or any(k not in raw for k in needed):
        missing = [k for k in needed if not isinstance(raw, dict) or k not in raw]
        raise KitError(f"{where}: missing section(s) {', '.join(missing)}; restore them.")
    months = raw["months"]
    weekdays = raw["weekdays"]
    if len(months) != 12 or len(weekdays) != 7:
        raise KitError(f"{where}: 'months' needs 12 entries and 'weekdays' 7, in calendar order.")
    month_number: dict[str, int] = {}
    month_abbr: list[str] = []
    for i, (name, abbrs) in enumerate(months.items(), start=1):
        month_number[str(name)] = i
        for a in abbrs or []:
            month_number[str(a)] = i
            month_number[str(a).rstrip(".")] = i
            month_abbr.append(str(a))
    weekday_number: dict[str, int] = {}
    weekday_abbr: list[str] = []
    for i, (name, abbrs) in enumerate(weekdays.items()):
        weekday_number[str(name)] = i
        for a in abbrs or []:
            weekday_number[str(a)] = i
            weekday_number[str(a).rstrip(".")] = i
            weekday_abbr.append(str(a))

    def words(key: str) -> tuple[str, ...]:
        return tuple(_norm(w) for w in raw.get(key) or [])

    return _Lexicon(
        month_number=month_number,
        ambiguous_months=frozenset(str(m) for m in raw.get("ambiguous_months") or []),
        month_context=frozenset(words("month_context_before")),
        weekday_number=weekday_number,
        weekday_names=tuple(str(w) for w in weekdays),
        weekday_abbreviations=tuple(weekday_abbr),
        month_names=tuple(str(m) for m in months),
        month_abbreviations=tuple(month_abbr),
        day_parts=words("day_parts"),
        relative_days={_norm(k): int(v) for k, v in raw["relative_days"].items()},
        unit_shifts={_norm(k): int(v) for k, v in raw["unit_shifts"].items()},
        modifiers=words("modifiers"),
        seasons={_norm(k): str(v) for k, v in (raw.get("seasons") or {}).items()},
        number_words={_norm(k): int(v) for k, v in (raw.get("number_words") or {}).items()},
        future_cues=words("future_cues"),
        past_cues=words("past_cues"),
        present_cues=words("present_cues"),
        not_past_ed=frozenset(words("not_past_ed")),
        vague=words("vague"),
        holidays={
            " ".join(str(k).replace("\u2019", "'").split()): _month_day_pair(v, where)
            for k, v in (raw.get("holidays") or {}).items()
        },
        not_year_after=frozenset(words("not_year_after")),
        not_year_before=frozenset(words("not_year_before")),
        weekday_names_after=frozenset(words("not_weekday_after")),
        event_nouns=frozenset(words("event_nouns")),
        weekday_names_before=frozenset(words("not_weekday_before")),
    )


# -- the pattern ---------------------------------------------------------------------------


def _alt(phrases, flexible_space: bool = True) -> str:
    """An alternation of phrases, longest first, with any run of spaces between words."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts = [re.escape(w) for w in p.split()]
        out.append(_SP.join(parts) if flexible_space else re.escape(p))
    return "(?:" + "|".join(out) + ")"


def _word_alt(phrases) -> str:
    """Like ``_alt`` but each phrase must start and end on a word boundary where it is a word."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = _SP.join(re.escape(w) for w in p.split())
        lead = r"\b" if p[0].isalnum() else ""
        tail = r"\b" if p[-1].isalnum() else ""
        out.append(lead + body + tail)
    return "(?:" + "|".join(out) + ")"


@cache
def _alternatives() -> dict[str, str]:
    """One regular expression per form of date expression, keyed by a short name."""
    lx = lexicon()
    # "Jan." or, beside a day number, "Jan" (British style drops the dot)
    undotted = tuple(a.rstrip(".") for a in lx.month_abbreviations)
    month_any = _alt(lx.month_names + lx.month_abbreviations + undotted)
    month_full = _alt(lx.month_names)
    weekday = _alt(lx.weekday_names)
    # before a date, "Wed., Jan. 27" or, in page time stamps, "Wed January 27, 2016"
    weekday_undotted = tuple(a.rstrip(".") for a in lx.weekday_abbreviations)
    weekday_any = _alt(lx.weekday_names + lx.weekday_abbreviations + weekday_undotted)
    mod = "(?i:" + _alt(m for m in lx.modifiers if m != "mid") + ")"
    mod_or_mid = rf"(?:{mod}{_SP}|(?i:mid){_DASH}?)"
    shift = "(?i:" + _alt(lx.unit_shifts) + ")"
    season = "(?i:" + _alt(lx.seasons) + ")"
    number = "(?i:" + _alt(lx.number_words) + r"|\d{1,3})"
    parts = _alt(lx.day_parts)
    year = rf"{_YEAR_BEFORE}{_YEAR}{_YEAR_AFTER}"
    year_start = rf"{_YEAR_BEFORE}{_YEAR}"
    wd_prefix = rf"(?:(?P<{{p}}_wd>{weekday_any}),?{_SP})?"

    alternatives = {
        "iso": rf"\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b",
        # Month Day[-Day][, Year]: "Jan. 6", "January 6, 2016", "Wed., Jan. 27", "April 6-7"
        "md": (
            wd_prefix.format(p="md")
            + rf"(?P<md_mod>{mod_or_mid})?(?P<md_mon>{month_any}){_SP}(?P<md_day>{_DAY})"
            + rf"(?:\s*(?:{_DASH}|(?:to|through|and){_SP})\s*(?P<md_day2>{_DAY}))?"
            + rf"(?:,?{_SP}(?P<md_year>{year})|{_SP}(?P<md_shift>(?i:last|this|next)){_SP}year\b)?"
            + r"(?![\d,]\d)"
        ),
        # Day Month [Year]: "6 January 2016", "6th of January"
        "dm": (
            wd_prefix.format(p="dm")
            + rf"\b(?P<dm_day>{_DAY})(?:{_SP}of)?{_SP}(?P<dm_mon>{month_any})(?!\w)"
            + rf"(?:,?{_SP}(?P<dm_year>{year})|{_SP}(?P<dm_shift>(?i:last|this|next)){_SP}year\b)?"
        ),
        # Month Year: "April 2012", "early March 2013", "September of 2017"
        "my": (
            rf"(?P<my_mod>{mod_or_mid})?(?P<my_mon>{month_any}),?{_SP}(?:of{_SP})?"
            rf"(?:(?P<my_year>{year})|(?P<my_shift>(?i:last|this|next)){_SP}year\b)"
        ),
        # Year ranges: "1950-53", "1950–1953", "from 2003 to 2008", "between 2003 and 2008"
        "yr": (
            rf"(?:(?P<yr_between>(?i:between)){_SP}(?P<yr_a1>{year_start}){_SP}and{_SP}"
            rf"|(?:(?i:from){_SP})?(?P<yr_a2>{year_start})"
            rf"(?:\s*{_DASH}\s*|{_SP}(?:to|until|through|till){_SP}))"
            rf"(?P<yr_b>{_YEAR}|\d\d)(?![\w%]|[.,]\d)"
        ),
        # Decades: "the 1990s", "the early 2000s", "the '90s"
        "dec": (
            rf"(?:(?i:the){_SP})?(?:(?P<dec_mod>(?i:early|mid|late)){_DASH}?(?:{_SP})?)?"
            rf"(?:\b(?P<dec_d>(?:1[89]|20)\d)0{_APOS}?s|{_APOS}(?P<dec_d2>\d)0s)\b"
        ),
        # Seasons: "last summer", "this spring", "the summer of 2017", "spring 2012"
        "se": (
            rf"(?:(?P<se_mod>{mod}){_SP})?(?:(?P<se_shift>{shift}){_SP}|(?i:the){_SP})?"
            rf"(?P<se_name>\b{season})\b(?:{_SP}(?:of{_SP})?(?P<se_year>{year}))?"
        ),
        # Bare years: "in 2006", "early 2015", "mid-2017"
        "y": rf"(?P<y_mod>{mod_or_mid})?(?P<y_num>{year})",
        # Weekdays: "Tuesday", "last Friday", "Tuesday night", "early Wednesday"
        "wd": (
            rf"(?:(?P<wd_shift>{shift}){_SP}|(?P<wd_mod>{mod}){_SP})?"
            rf"\b(?P<wd_name>{weekday})\b(?:{_SP}(?P<wd_part>{parts})\b)?"
        ),
        # One day: "yesterday", "tonight", "last night"
        "rd": rf"(?i:(?:(?:earlier|later|early|late){_SP})?" + _word_alt(lx.relative_days) + ")",
        # Weeks, weekends, months, years: "last week", "earlier this month", "late last year"
        "ru": (
            rf"(?i:(?:(?P<ru_mod>{_alt(lx.modifiers)}){_SP}(?:in{_SP})?)?(?:the{_SP})?"
            rf"\b(?P<ru_shift>{_alt(lx.unit_shifts)}){_SP}(?P<ru_unit>weekend|week|month|year)\b)"
        ),
        "ru2": (
            rf"(?i:(?P<ru2_mod>earlier|later|early|late){_SP}in{_SP}the{_SP}"
            rf"(?P<ru2_unit>week|month|year)\b)"
        ),
        "we": r"(?i:\bthe" + _SP + r"weekend\b)",
        # "two days ago", "a year ago"
        "ago": (rf"(?i:\b(?P<ago_n>{number}){_SP}(?P<ago_unit>day|week|month|year)s?{_SP}ago\b)"),
        # vague phrases, unless a unit follows ("in the past" but not "in the past year")
        "vague": "(?i:" + _word_alt(lx.vague) + rf"(?!{_SP}(?:week|weekend|month|year)s?\b))",
        # Holidays on a fixed day: "Christmas Day", "New Year's Day"
        "hol": (
            r"\b(?P<hol_name>"
            + "|".join(
                _SP.join(re.escape(w).replace("'", _APOS) for w in h.split())
                for h in sorted(lx.holidays, key=len, reverse=True)
            )
            + rf")\b(?:,?{_SP}(?P<hol_year>{year}))?"
            if lx.holidays
            else "(?!)"
        ),
        # a bare month name, checked against its context in code: "in March", "January's"
        "mon": (
            rf"(?:(?P<mon_shift>(?i:last|next|this|past|coming)){_SP}|(?P<mon_mod>{mod_or_mid}))?"
            rf"\b(?P<mon_name>{month_full})\b"
        ),
    }
    return alternatives


#: Which forms to try around each kind of anchor word, in order of preference.
_FAMILIES = {
    "month": ("md", "dm", "my", "mon"),
    "weekday": ("wd",),
    "number": ("iso", "yr", "dec", "y"),
    "day": ("rd",),
    "unit": ("vague", "ru", "ru2", "we"),
    "season": ("se",),
    "ago": ("vague", "ago"),
    "vague": ("vague",),
    "holiday": ("hol",),
}


@cache
def _family_pattern(families: frozenset[str]) -> re.Pattern[str]:
    """The alternation of every form that an anchor of these kinds can belong to."""
    alternatives = _alternatives()
    names: list[str] = []
    for family in _FAMILIES:
        if family in families:
            names += [n for n in _FAMILIES[family] if n not in names]
    # Vague phrases first where they start at the same place as a date ("its last year").
    names.sort(key=lambda n: n != "vague")
    return re.compile("|".join(f"(?P<{n}>{alternatives[n]})" for n in names))


@dataclass(frozen=True)
class _AnchorIndex:
    """Anchor words: every date expression contains one (a month or weekday name, a year,
    "week", "ago", "now", ...). One fast regular expression finds them, and the full patterns
    are only tried at the few places around them where an expression can start."""

    after_space: re.Pattern[str]  # finds anchor words (group "anchor") after a space
    after_other: re.Pattern[str]  # ... after a line break, a bracket, a quote mark or a dash
    first: re.Pattern[str]  # an anchor word at the start of the text
    kinds: dict[str, frozenset[str]]  # anchor word (as matched, or lower case) -> kinds
    starters: frozenset[str]  # lower-case words an expression may start with
    inner: frozenset[str]  # other words that may stand between a starter and the anchor


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by first letters, so that the regex engine
    rejects most positions after one character comparison."""
    groups: dict[str, list[str]] = {}
    ends_here = False
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(w[1:])
        else:
            ends_here = True
    if not groups:
        return ""
    body = "|".join(re.escape(ch) + _trie(rest) for ch, rest in sorted(groups.items()))
    return f"(?:{body})" + ("?" if ends_here else "")


def _last_word(phrase: str) -> str:
    return phrase.split()[-1]


@cache
def _anchor_index() -> _AnchorIndex:
    lx = lexicon()
    kinds: dict[str, set[str]] = {}

    def add(word: str, kind: str, capitalised: bool) -> None:
        forms = [word] if capitalised else [word.lower(), word[:1].upper() + word[1:].lower()]
        for form in forms:
            kinds.setdefault(form, set()).add(kind)

    for name in lx.month_names + lx.month_abbreviations:
        add(name, "month", True)
        add(name.rstrip("."), "month", True)
    for name in lx.weekday_names:
        add(name, "weekday", True)
    for phrase in lx.relative_days:
        add(_last_word(phrase), "day", False)
    for unit in ("week", "weekend", "month", "year"):
        add(unit, "unit", False)
    for word in lx.seasons:
        add(word, "season", False)
    add("ago", "ago", False)
    for phrase in lx.vague:
        add(_last_word(phrase), "vague", False)
    for name in lx.holidays:
        add(_last_word(name), "holiday", True)
    # An anchor is matched with the character before it (a space, a bracket, a quote, a dash):
    # a pattern that starts with a set of characters lets the regex engine skip quickly to
    # the next candidate, which is several times faster than starting with \\b.
    words = _trie(sorted(kinds))
    word = rf"(?:{words}(?![\w]|(?<=\.)\w)|1[89]\d\d(?!\d)|20\d\d(?!\d)|2100(?!\d)|{_APOS}\d0s\b)"
    # Most words follow a plain space: a pattern that starts with a literal is searched fastest.
    after_space = re.compile(rf" (?P<anchor>{word})")
    after_other = re.compile(
        rf"[\t\n\r\f\v\u00a0\u2000-\u200b\u202f(\[\u201c\"'\u2018\u2014\u2013/-](?P<anchor>{word})"
    )
    first = re.compile(rf"(?P<anchor>{word})")  # an anchor at the very start of the text
    starters = {"the", "in", "from", "between", "of", "mid"}
    groups = (lx.modifiers, lx.unit_shifts, lx.relative_days, lx.vague, lx.number_words)
    for group in groups:
        starters.update(phrase.split()[0] for phrase in group)
    starters.update(name.split()[0].lower() for name in lx.holidays)
    starters.update(w.lower().rstrip(".") for w in lx.weekday_names + lx.weekday_abbreviations)
    starters.update(w.lower().rstrip(".") for w in lx.month_names + lx.month_abbreviations)
    inner = {"of", "in", "the", "and", "to", "through", "until", "till", "half", "end", "first"}
    inner.update(u + s for u in ("day", "week", "month", "year") for s in ("", "s"))
    for group in (lx.modifiers, lx.relative_days, lx.vague, [h.lower() for h in lx.holidays]):
        for phrase in group:
            inner.update(phrase.split())
            inner.update(phrase.replace("'", "\u2019").split())
    return _AnchorIndex(
        after_space=after_space,
        after_other=after_other,
        first=first,
        inner=frozenset(inner - starters),
        kinds={w: frozenset(k) for w, k in kinds.items()},
        starters=frozenset(starters),
    )


_NUMBER_KIND = frozenset(("number",))
_LOOKBACK_WORDS = 6  # at most this many words of an expression before its anchor
_PUNCT = ",;:()[]\"'\u201c\u2018\u2014\u2013-"


def _candidate_starts(
    text: str, lo: int, anchor: int, starters: frozenset[str], inner: frozenset[str]
) -> list[int]:
    """Where an expression around ``anchor`` may start: going back word by word while the
    words can belong to a date expression ("the end of last"), every word that can open one
    ("the", "last", "early", "from", "6"), then the anchor itself. Earliest first."""
    starts = [anchor]
    pos = anchor
    for _ in range(_LOOKBACK_WORDS):
        j = text.rfind(" ", lo, pos - 1) + 1
        if j == 0:
            j = lo
        if j >= pos:
            break
        raw = text[j:pos]
        word = raw.strip().strip(_PUNCT).rstrip(".").lower()
        if not word:
            break
        if word in starters or word[0].isdigit():
            starts.append(j + len(raw) - len(raw.lstrip().lstrip(_PUNCT)))
        elif word not in inner:
            break
        if j == lo or raw.lstrip().startswith(("(", "\u201c", '"')):
            break
        pos = j
    starts.reverse()
    return starts


def _anchor_start(m: re.Match[str]) -> int:
    return m.start("anchor")


def _find_dates(article: Article) -> list[tuple[re.Match[str], str, str]]:
    """(match, value, kind) of every date expression outside boilerplate paragraphs, without
    overlaps: where two overlap, the one starting first (then the longest) wins. A match never
    crosses a paragraph; a match that turns out not to be a date ("Resolution 2094") is
    dropped and the next possible start is tried."""
    resolve = _Resolver(article)
    text = article.text
    paragraphs = article.paragraphs
    if not paragraphs:
        return []
    index = _anchor_index()
    found: list[tuple[re.Match[str], str, str]] = []
    at_start = index.first.match(text)
    anchors = [at_start] if at_start else []
    anchors += index.after_space.finditer(text)
    anchors += index.after_other.finditer(text)
    anchors.sort(key=_anchor_start)
    for a in anchors:
        anchor = a.start("anchor")
        word = a.group("anchor")
        kinds = _NUMBER_KIND if word[-1].isdigit() or word[-1] == "s" and word[-2] == "0" else None
        if kinds is None:
            kinds = index.kinds.get(word)
            if kinds is None:
                continue  # e.g. "MAY" in capitals
        p = paragraphs[article.paragraph_at(anchor)]
        if p.role == "boilerplate" or anchor >= p.end:
            continue
        pattern = _family_pattern(kinds)
        for start in _candidate_starts(text, p.start, anchor, index.starters, index.inner):
            m = pattern.match(text, start, p.end)
            if m is None or m.end() <= anchor:
                continue
            resolved = resolve(m)
            if resolved is not None:
                found.append((m, *resolved))
                break
    found.sort(key=lambda f: (f[0].start(), -f[0].end()))
    chosen: list[tuple[re.Match[str], str, str]] = []
    for f in found:
        if chosen and f[0].start() < chosen[-1][0].end():
            continue
        chosen.append(f)
    return chosen


# -- tense -----------------------------------------------------------------------------------

_CLAUSE_PENALTY = 60  # characters added to a cue's distance per clause break in between
_CLAUSE_BREAKS = ",;()\u2013\u2014"


_PASSIVE = frozenset(("be", "been", "being", "is", "are", "am"))
#: Present-tense cues that are nouns too ("the end", "a visit", "the start", "his return").
_NOUN_TOO = frozenset(
    "end ends close closes start starts visit visits return returns run runs "
    "head heads hold holds take takes".split()
)
#: Followed by "to", these are no tense cues: "close to the border", "open to talks", "next to".
_NOT_CUES_BEFORE_TO = frozenset(("close", "open", "next"))
#: Before one of these, a past-looking word is a verb's base form ("will last until"): no tense.
_MODALS = frozenset("will would shall should can could may might must to".split())
_DETERMINERS = frozenset(
    "a an the his her its their our my your this that these those some any no every each "
    "another".split()
)


def _adjective_position(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """An "-ed" word just after a determiner or a possessive ("his usual televised speech",
    "Korea's repeated threats") describes a noun; it says nothing about tense."""
    for _, _, word in tokens[max(0, i - 2) : i]:
        if word in _DETERMINERS or word.endswith("'s"):
            return True
    return False


_NEXT_TO = re.compile(r"[ \u00a0]+(?:(?:on|until|till|through|by|in|since|from)[ \u00a0]+)?$")


def _next_to(text: str, end: int, date_start: int) -> bool:
    """Only a space and maybe a preposition between a word and the date ("run until Wednesday")."""
    return 0 < date_start - end <= 10 and _NEXT_TO.match(text, end, date_start) is not None


def _breaks(text: str, lo: int, hi: int) -> int:
    """Clause breaks between two points: punctuation, and "and"/"but" joining two clauses."""
    n = sum(text.count(ch, lo, hi) for ch in _CLAUSE_BREAKS)
    return n + text.count(" and ", lo, hi) + text.count(" but ", lo, hi)


_HEADLINE_TO = re.compile(r"\bto[ \u00a0]+[a-z]{2,}\b[^,;:.\n]{0,40}$")
#: a direction that no nearness overrules: "until December 31" is never a date gone by
_AHEAD_FOR_SURE = 2
_UNTIL_BEFORE = re.compile(r"\b(?:[Uu]ntil|[Tt]ill)[ \u00a0]+$")
_BY_BEFORE = re.compile(r"\b(?:[Bb]y|no[ \u00a0]+later[ \u00a0]+than)[ \u00a0]+$")
_CLOSES_CAPTION = re.compile(
    r"[ \u00a0]*[.)]?[ \u00a0]*(?:[(\[][^()\[\]\n]{0,60}[)\]][ \u00a0]*)?$", re.M
)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]+$")
_NOUN_AFTER = re.compile(r"[ \u00a0]+([a-z\-]+)(?:[ \u00a0]+([a-z]+))?\b")
_HAD_BEFORE = re.compile(
    r"\b(?:had|was|were)\b"
)  # "had ... by June", "was being cleared by Monday"
_SINCE_BEFORE = re.compile(r"\b[Ss]ince[ \u00a0]+(?:(?:early|late|mid)[ \u00a0-]*)?$")
_SUBORDINATE = re.compile(r"[ \u00a0](?:that|which|who|when)[ \u00a0]")
_TENSE_WINDOW = 150  # characters each side of a date in which tense cues are looked for
_TOKEN_LOWER = re.compile(r"[a-z]+(?:'[a-z]+)?")


@cache
def _cues() -> tuple[dict[str, list[tuple[tuple[str, ...], int]]], frozenset[str]]:
    """Tense cue phrases by first word: {"is": [(("is", "expected", "to"), 2), (("is",), 1)]}.
    Signs: +2 looks ahead, -2 looks back, +1 present tense (looks ahead only if nothing else)."""
    lx = lexicon()
    by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrases, sign in ((lx.future_cues, 2), (lx.past_cues, -2), (lx.present_cues, 1)):
        for phrase in phrases:
            words = tuple(phrase.replace("\u2019", "'").split())
            by_first.setdefault(words[0], []).append((words, sign))
    for options in by_first.values():
        options.sort(key=lambda o: len(o[0]), reverse=True)
    return by_first, lx.not_past_ed


def _tense(
    text: str, sent_start: int, sent_end: int, start: int, end: int, weak: bool = True
) -> int:
    """+1 if the tense cue nearest to ``text[start:end]`` in its sentence looks ahead ("will",
    "upcoming", "is expected to"), -1 if it looks back ("said", "arrived"), else 0; with
    ``weak``, a present-tense verb looks ahead too, counted as half again as far away.

    Nearest means fewest characters away, counting a cue after the date double (the verb a
    date belongs to usually comes first) and adding a penalty for each comma, semicolon,
    bracket or dash in between (the cue is then in another clause)."""
    by_first, not_past_ed = _cues()
    lo = max(sent_start, start - _TENSE_WINDOW)
    hi = min(sent_end, end + _TENSE_WINDOW)
    window = text[lo:hi].lower().replace("\u2019", "'")
    tokens = [(m.start() + lo, m.end() + lo, m.group()) for m in _TOKEN_LOWER.finditer(window)]
    best_dist = None
    best = 0
    for i, (t_start, t_end, word) in enumerate(tokens):
        hit = None
        if "'" in word:  # contractions: "we'll", "won't"
            if word.endswith("'ll") or word == "won't":
                hit = (2, t_end)
        for words, sign in by_first.get(word, ()):
            n = len(words)
            if tuple(t[2] for t in tokens[i : i + n]) == words:
                hit = (sign, tokens[i + n - 1][1])
                break
        if hit is None and len(word) > 3 and word.endswith("ed") and word not in not_past_ed:
            if text[t_start].islower() and (
                _next_to(text, t_end, start) or not _adjective_position(tokens, i)
            ):  # "a deal announced Wednesday": the date's own verb, whatever stands before
                hit = (-2, t_end)
        if hit is None:
            continue
        sign, hit_end = hit
        if (
            sign == 1
            and word in _NOUN_TOO
            and not _next_to(text, hit_end, start)
            and _adjective_position(tokens, i)
            and not tokens[i - 1][2].endswith("s")
        ):
            continue  # "the abrupt end of the summit", "his visit": a noun, not a present verb
        if word in _NOT_CUES_BEFORE_TO and i + 1 < len(tokens) and tokens[i + 1][2] == "to":
            continue  # "close to the border, on May 4": an adjective
        if sign == 1 and i and tokens[i - 1][2] == "to":
            continue  # "giving them until noon to leave": an infinitive has no tense
        if sign == -2 and i and tokens[i - 1][2] in _PASSIVE:
            continue  # "will be held": the tense is in the auxiliary, not the participle
        if sign == -2 and i and (tokens[i - 1][2] in _MODALS or tokens[i - 1][2].endswith("'ll")):
            continue  # "will last until 29 December": "last" is a verb here, not a past marker
        if hit_end > start and t_start < end:
            continue  # a word of the expression itself ("next" in "next Monday")
        if hit_end <= start:
            dist = start - hit_end + _CLAUSE_PENALTY * _breaks(text, hit_end, start)
            if _next_to(text, hit_end, start):
                dist = 0  # "announced on Thursday will take place": the date's own verb
        else:
            dist = 2 * (t_start - end) + _CLAUSE_PENALTY * _breaks(text, end, t_start)
            if _SUBORDINATE.search(text, end, t_start):
                dist += _CLAUSE_PENALTY  # "declared on Tuesday that it would ...": another clause
        if sign == 1:
            # the date's own present-tense verb counts even where the present is weak
            # ("whose term ends in February")
            if (weak or _next_to(text, hit_end, start)) and (
                best_dist is None or 1.5 * dist < best_dist
            ):
                best_dist, best = 1.5 * dist, 1
        elif best_dist is None or dist < best_dist:
            best_dist, best = dist, sign // 2
    return best


# -- resolution ------------------------------------------------------------------------------


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _weekday_date(published: dt.date, weekday: int, shift: str, direction: int) -> dt.date:
    """The date of a weekday: the latest one up to publication, or the next one when the
    sentence looks ahead; "last"/"next" force the side and never give the publication day."""
    back = (published.weekday() - weekday) % 7  # days back to the latest such weekday
    ahead = (weekday - published.weekday()) % 7
    if shift in ("last", "past"):
        return published - dt.timedelta(days=back or 7)
    if shift in ("next", "coming"):
        return published + dt.timedelta(days=ahead or 7)
    if back == 0:
        return published
    if direction > 0 or (shift == "this" and direction == 0):
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


#: Paragraph roles written in the present tense about the past ("Kerry arrives in Beijing").
_PRESENT_IS_PAST = frozenset(("headline", "standfirst", "caption", "subheading"))
_NEAR_DAYS = 7
_FAR_DAYS = 180


def _month_day(
    published: dt.date, month: int, day: int, direction: int, weekday: int | None = None
) -> dt.date | None:
    """A month and day without a year: the closest such date to publication, looking back
    for past events and ahead for future ones (and on ``weekday`` when one is named)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        candidates = [c for c in candidates if c.weekday() == weekday] or candidates
    if not candidates:
        return None

    def distance(c: dt.date) -> int:
        return abs((c - published).days)

    closest = min(candidates, key=lambda c: (distance(c), c > published))
    if direction:
        side = [c for c in candidates if (c <= published if direction < 0 else c >= published)]
        preferred = min(side, key=distance) if side else closest
        # The tense decides, unless the other side is days away and this side months away
        # ("the test came two days before his birthday, 8 January"), or the other side is
        # within two months and this side most of a year away: a day and month with no year
        # is seldom about a date most of a year off when the other side is within three months
        # ("tested missiles on 4 July and 28 July, and experts now believe ...", written on
        # 10 August; "the Dec. 19 presidential election", written in October).
        near, far = distance(closest), distance(preferred)
        if direction == _AHEAD_FOR_SURE or not (
            (near <= _NEAR_DAYS and far > _FAR_DAYS) or (near <= 92 and far > 240)
        ):
            return preferred
    return closest


def _bare_month(published: dt.date, month: int, shift: str, direction: int) -> str:
    """A month without a year: the nearest one on or before publication, or on or after it
    when the sentence looks ahead; "last"/"next" exclude the publication month."""
    year = published.year
    back = (published.month - month) % 12  # months back to the latest such month
    if shift == "this":
        pass
    elif shift in ("last", "past", "previous"):
        # "last July" written in August is a year ago: the month just gone is "last month"
        year = year if month < published.month and back > 2 else year - 1
    elif shift in ("next", "coming"):
        year = year if month > published.month else year + 1
    elif direction == _AHEAD_FOR_SURE or (direction > 0 and not (0 < back <= 4 and 12 - back >= 8)):
        year = year if month >= published.month else year + 1
    else:
        # looking back, or "will take over next month ... became chief in November" written in
        # February: a month a few months back, not most of a year ahead
        year = year if month <= published.month else year - 1
    return f"{year:04d}-{month:02d}"


def _weekend(published: dt.date, shift: int | None, direction: int) -> str:
    """ISO week of a weekend. "This weekend" in a past-tense sentence written on a weekday
    is the weekend just before; otherwise the weekend of the publication week."""
    if shift is None or shift == 0:
        on_weekend = published.weekday() >= 5
        look_back = direction < 0 if shift == 0 else direction <= 0
        if look_back and not on_weekend:
            return _iso_week(published - dt.timedelta(days=7)) + "-WE"
        return _iso_week(published) + "-WE"
    return _iso_week(published + dt.timedelta(days=7 * shift)) + "-WE"


def _unit_value(published: dt.date, unit: str, shift: int) -> tuple[str, str]:
    if unit == "week":
        return _iso_week(published + dt.timedelta(days=7 * shift)), "week"
    if unit == "month":
        year, month = _add_months(published, shift)
        return f"{year:04d}-{month:02d}", "relative"
    return f"{published.year + shift:04d}", "relative"


def _season(published: dt.date, code: str, shift: int | None, year: str | None) -> str:
    """A season as TIMEX3 ``YYYY-SP|SU|FA|WI``; a winter belongs to the year of its December,
    so "this winter" written in January 2016 is 2015-WI."""
    if year:
        return f"{year}-{code}"
    start = _SEASON_START[code]
    month = published.month + (12 if code == "WI" and published.month <= 2 else 0)
    current = published.year - (1 if month > 12 else 0)  # the cycle we are in
    if shift and shift < 0:
        current = current if month >= start + 3 else current - 1
    elif shift and shift > 0:
        current = current if month < start else current + 1
    return f"{current:04d}-{code}"


def _two_digit_end(first: int, end: str) -> int:
    if len(end) == 4:
        return int(end)
    return first // 100 * 100 + int(end)


def _words_before(text: str, start: int, limit: int = 24) -> str:
    """The word just before ``start`` (lower case, without punctuation), or ''."""
    chunk = text[max(0, start - limit) : start].rstrip()
    if not chunk:
        return ""
    if chunk.endswith(("'s", "\u2019s")):
        return "'s"
    words = re.findall(r"[\w.]+$", chunk)
    return words[0].lower().rstrip(".") if words else ""


def _word_after(text: str, end: int, limit: int = 24) -> str:
    m = re.match(r"[^\S\n]+([\w%]+)", text[end : end + limit])
    return m.group(1) if m else ""


class _Resolver:
    """Turns one regex match into (value, kind), or None when it is not a date after all."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.published = article.published
        self.lx = lexicon()

    def direction(self, m: re.Match[str], present_looks_ahead: bool = True) -> int:
        """Does the sentence around ``m`` look ahead (+1), back (-1) or neither (0)?
        Present tense looks ahead ("officials meet on Tuesday") except in headlines and photo
        captions, which describe the past in the present tense, and when ``present_looks_ahead``
        is off."""
        a = self.article
        if a.sentences:
            s = a.sentences[a.sentence_at(m.start())]
            lo, hi = s.start, max(s.end, m.end())
        else:
            lo, hi = 0, len(self.text)
        if _SINCE_BEFORE.search(self.text, max(0, m.start() - 12), m.start()):
            return -1  # "held since March": always the past
        if _BY_BEFORE.search(
            self.text, max(0, m.start() - 20), m.start()
        ) and not _HAD_BEFORE.search(self.text, max(lo, m.start() - 80), m.start()):
            return 1  # "declare all its programs by Dec. 31": a deadline (not "had ... by June")
        if _UNTIL_BEFORE.search(self.text, max(0, m.start() - 10), m.start()):
            # "the embargo runs until June 30": an end still ahead, unless the sentence is
            # about the past ("had stayed shut until March")
            tense = _tense(self.text, lo, hi, m.start(), m.end(), False)
            return -1 if tense < 0 else _AHEAD_FOR_SURE
        if a.role_at(m.start()) == "caption" and _CLOSES_CAPTION.match(self.text, m.end()):
            return -1  # "..., where the leaders will meet, on Wednesday. (Yonhap)": the photo's day
        noun = (
            _NOUN_AFTER.match(self.text, m.end())
            if _THE_BEFORE.search(self.text, max(0, m.start() - 5), m.start())
            else None
        )
        if noun and (noun.group(1) in self.lx.event_nouns or noun.group(2) in self.lx.event_nouns):
            # "Under the Feb. 13 agreement, North Korea is to receive ...": a date naming an
            # event takes no tense from the sentence around it
            return 0
        if a.role_at(m.start()) in ("headline", "standfirst") and _HEADLINE_TO.search(
            self.text, max(lo, m.start() - 60), m.start()
        ):
            return 1  # a headline's "to" + verb is its future: "parents to speak Thursday"
        weak = present_looks_ahead and a.role_at(m.start()) not in _PRESENT_IS_PAST
        return _tense(self.text, lo, hi, m.start(), m.end(), weak)

    def __call__(self, m: re.Match[str]) -> tuple[str, str] | None:
        return getattr(self, "_" + m.lastgroup)(m)

    # explicit dates ----------------------------------------------------------------
    def _iso(self, m):
        try:
            day = dt.date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
        except ValueError:
            return None
        return day.isoformat(), "date"

    def _calendar_date(self, m, prefix: str, day2: str | None = None):
        lx = self.lx
        month = lx.month_number[" ".join(m[prefix + "_mon"].split())]
        day = int(re.match(r"\d+", m[prefix + "_day"]).group())
        year = m[prefix + "_year"]
        if m[prefix + "_shift"]:  # "12 December last year"
            year = str(self.published.year + self.lx.unit_shifts[m[prefix + "_shift"].lower()])
        if year:
            try:
                first = dt.date(int(year), month, day)
            except ValueError:
                return None
        else:
            weekday = lx.weekday_number.get(m[prefix + "_wd"] or "")
            first = _month_day(self.published, month, day, self.direction(m), weekday)
            if first is None:
                return None
        if day2:
            last_day = int(re.match(r"\d+", day2).group())
            if last_day <= day:
                return None
            try:
                last = first.replace(day=last_day)
            except ValueError:
                return None
            return f"{first.isoformat()}/{last.isoformat()}", "range"
        return first.isoformat(), "date"

    def _md(self, m):
        return self._calendar_date(m, "md", m["md_day2"])

    def _dm(self, m):
        return self._calendar_date(m, "dm")

    def _my(self, m):
        month = self.lx.month_number[" ".join(m["my_mon"].split())]
        if m["my_year"]:
            return f"{m['my_year']}-{month:02d}", "month"
        year = self.published.year + self.lx.unit_shifts[m["my_shift"].lower()]
        return f"{year:04d}-{month:02d}", "month"

    def _yr(self, m):
        first = int(m["yr_a1"] or m["yr_a2"])
        last = _two_digit_end(first, m["yr_b"])
        if last <= first or last - first > 100:
            return None
        return f"{first:04d}/{last:04d}", "range"

    def _dec(self, m):
        if m["dec_d"]:
            return m["dec_d"], "decade"
        return f"19{m['dec_d2']}", "decade"

    def _y(self, m):
        before = _words_before(self.text, m.start())
        after = _word_after(self.text, m.end()).lower()
        if before in self.lx.not_year_before or after in self.lx.not_year_after:
            return None
        return m["y_num"], "year"

    def _mon(self, m):
        name = m["mon_name"]
        before = _words_before(self.text, m.start())
        shift = (m["mon_shift"] or "").lower()
        if before in ("and", "or"):  # "between March and May", not "April Smith and June Lee"
            before = "" if self._month_before(m.start()) is None else "in"
        has_context = bool(m["mon_mod"] or shift) or before in self.lx.month_context
        if name in self.lx.ambiguous_months and not has_context:
            tail = self.text[m.end() : m.end() + 2]
            if not tail.startswith(("'s", "\u2019s")):
                return None
        if not has_context:
            nxt = _word_after(self.text, m.end())
            if nxt[:1].isupper():
                return None  # "June Smith", "March Madness"
        direction = self.direction(m, present_looks_ahead=False)
        return _bare_month(self.published, self.lx.month_number[name], shift, direction), "month"

    def _month_before(self, start: int) -> int | None:
        """The month named by the word two words before ``start`` ("March and May"), if any."""
        words = self.text[max(0, start - 30) : start].split()
        if len(words) < 2:
            return None
        return self.lx.month_number.get(words[-2].rstrip(",.")) if words[-2][:1].isupper() else None

    # relative expressions --------------------------------------------------------------
    def _wd(self, m):
        if not m["wd_shift"] and not m["wd_mod"]:
            after = "" if m["wd_part"] else _word_after(self.text, m.end()).lower()
            before = _words_before(self.text, m.start())
            if after in self.lx.weekday_names_after or before in self.lx.weekday_names_before:
                return None  # a name: "the Sunday Times", "Bloody Sunday"
        weekday = self.lx.weekday_number[m["wd_name"]]
        shift = ""
        if m["wd_shift"]:
            shift = ("last", "this", "next")[self.lx.unit_shifts[_norm(m["wd_shift"])] + 1]
        day = _weekday_date(self.published, weekday, shift, self.direction(m))
        return day.isoformat(), "weekday"

    def _rd(self, m):
        words = _norm(m.group()).split()
        if words[0] in ("earlier", "later", "early", "late") and len(words) > 1:
            words = words[1:]  # "later today"
        days = self.lx.relative_days[" ".join(words)]
        return (self.published + dt.timedelta(days=days)).isoformat(), "relative"

    def _ru(self, m):
        shift = self.lx.unit_shifts[_norm(m["ru_shift"])]
        unit = m["ru_unit"].lower()
        if _norm(m["ru_shift"]) == "past" and unit != "weekend":
            # "the past week": the span that ends at publication, not the calendar unit before
            p = self.published
            if unit == "week":
                first = p - dt.timedelta(days=7)
            elif unit == "month":
                year, month = _add_months(p, -1)
                first = dt.date(year, month, min(p.day, calendar.monthrange(year, month)[1]))
            else:
                first = p.replace(year=p.year - 1, day=28 if (p.month, p.day) == (2, 29) else p.day)
            return f"{first.isoformat()}/{p.isoformat()}", "range"
        if unit == "weekend":
            return _weekend(self.published, shift, self.direction(m) if shift == 0 else 0), (
                "weekend"
            )
        return _unit_value(self.published, unit, shift)

    def _ru2(self, m):
        return _unit_value(self.published, m["ru2_unit"].lower(), 0)

    def _we(self, m):
        return _weekend(self.published, None, self.direction(m)), "weekend"

    def _ago(self, m):
        raw = m["ago_n"].lower()
        n = int(raw) if raw.isdigit() else self.lx.number_words[_norm(raw)]
        unit = m["ago_unit"].lower()
        if unit in ("day", "week"):
            days = n * (7 if unit == "week" else 1)
            return (self.published - dt.timedelta(days=days)).isoformat(), "relative"
        if unit == "month":
            year, month = _add_months(self.published, -n)
            return f"{year:04d}-{month:02d}", "relative"
        return f"{self.published.year - n:04d}", "relative"

    def _se(self, m):
        shift_word = m["se_shift"]
        year = m["se_year"]
        if not shift_word and not year:
            return None  # "the summer" alone says nothing about which one
        shift = self.lx.unit_shifts[_norm(shift_word)] if shift_word else None
        code = self.lx.seasons[m["se_name"].lower()]
        return _season(self.published, code, shift, year), "season"

    def _hol(self, m):
        month, day = self.lx.holidays[" ".join(m["hol_name"].replace("\u2019", "'").split())]
        if m["hol_year"]:
            return dt.date(int(m["hol_year"]), month, day).isoformat(), "date"
        found = _month_day(self.published, month, day, self.direction(m))
        return (found.isoformat(), "date") if found else None

    def _vague(self, m):
        return "", "vague"


# -- compound and anchored expressions ---------------------------------------------------------

_OF_WEEK = re.compile(rf"{_SP}of{_SP}$")
_AGO_THIS = re.compile(rf"{_SP}$")
_RECURRING = re.compile(rf"\b(?:every|each){_SP}$", re.IGNORECASE)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d\d)$")
_UNIT_DAYS = {"day": 1, "week": 7}


@cache
def _anchored_regex() -> re.Pattern[str]:
    """ "a day earlier", "two weeks later", "earlier in the day", "the previous day": a shift
    from another day the story has named (or from publication)."""
    numbers = _alt(sorted(lexicon().number_words, key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?P<n>{numbers}|\d{{1,2}}){_SP}(?P<unit>days?|weeks?){_SP}(?P<dir>earlier|later|before)"
        rf"|(?P<same>(?:earlier|later){_SP}(?:in{_SP}the|that){_SP}day)"
        rf"|the{_SP}(?P<prev>previous|preceding|following|next){_SP}day)\b",
        re.IGNORECASE,
    )


_ANCHORED_HINTS = ("earlier", "Earlier", "later", "Later", "before", " day")


def _anchored_matches(text: str) -> list[re.Match[str]]:
    """Matches of ``_anchored_regex`` found from its key words with ``str.find`` (a full regex
    scan of every article costs more than the rest of the dates extractor)."""
    rx = _anchored_regex()
    found: dict[int, re.Match[str]] = {}
    for hint in _ANCHORED_HINTS:
        at = text.find(hint)
        while at >= 0:
            m = rx.search(text, max(0, at - 24), at + 30)
            while m is not None and m.end() <= at:
                m = rx.search(text, m.end(), at + 30)
            if m is not None and m.start() <= at < m.end():
                found[m.start()] = m
            at = text.find(hint, at + 1)
    return [found[k] for k in sorted(found)]


def _anchor_day(rows: list[dict], article: Article, pos: int) -> dt.date:
    """The day a relative phrase counts from: the last day-precise date named before it in the
    same or the previous paragraph (the story's current day), else the publication date."""
    para = article.paragraph_at(pos)
    for r in reversed(rows):
        if r["end"] > pos:
            continue
        if article.paragraph_at(r["start"]) < para - 1:
            break
        if _DAY_VALUE.match(r["value"]):
            return dt.date.fromisoformat(r["value"])
    return article.published


def _compounds(article: Article, rows: list[dict]) -> list[dict]:
    """Join and add what the single-expression patterns miss: "Monday of last week" (the Monday
    of that week), "a year ago this month" (that month a year back), "a day earlier" (counted
    from the story's day, see ``_anchor_day``); drop recurring dates ("every January 1")."""
    text = article.text
    out: list[dict] = []
    for r in rows:
        prev = out[-1] if out else None
        gap = text[prev["end"] : r["start"]] if prev else ""
        week = _WEEK_VALUE.match(r["value"])
        if prev and week and prev["kind"] == "weekday" and _OF_WEEK.match(gap):
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
            day = monday + dt.timedelta(days=dt.date.fromisoformat(prev["value"]).weekday())
            prev.update(text=text[prev["start"] : r["end"]], value=day.isoformat(), end=r["end"])
            continue
        if (
            prev
            and prev["kind"] == "relative"
            and prev["text"].lower().endswith("ago")
            and re.fullmatch(r"[0-9]{4}", prev["value"])
            and r["text"].lower().split() == ["this", "month"]
            and _AGO_THIS.fullmatch(gap)
        ):
            value = f"{prev['value']}-{article.published.month:02d}"
            prev.update(text=text[prev["start"] : r["end"]], value=value, end=r["end"])
            continue
        if _RECURRING.search(text, max(0, r["start"] - 8), r["start"]):
            continue
        out.append(r)
    taken = [(r["start"], r["end"]) for r in out]
    added = []
    for m in _anchored_matches(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        p = article.paragraphs[article.paragraph_at(m.start())]
        if p.role == "boilerplate":
            continue
        day = _anchor_day(out, article, m.start())
        if m["n"]:
            raw = m["n"].lower()
            n = int(raw) if raw.isdigit() else lexicon().number_words[_norm(raw)]
            days = n * _UNIT_DAYS[m["unit"].lower().rstrip("s")]
            sign = 1 if m["dir"].lower() == "later" else -1
            value = day + dt.timedelta(days=sign * days)
        elif m["prev"]:
            sign = -1 if m["prev"].lower() in ("previous", "preceding") else 1
            value = day + dt.timedelta(days=sign)
        else:
            value = day
        added.append(
            {
                "article": article.id,
                "text": m.group(),
                "value": value.isoformat(),
                "kind": "relative",
                "vague": False,
                "start": m.start(),
                "end": m.end(),
                "sentence": article.sentence_at(m.start()),
            }
        )
    if added:
        out = sorted(out + added, key=lambda r: r["start"])
    return out


def date_rows(article: Article) -> list[dict]:
    """The rows of the dates table for one article (outside boilerplate paragraphs)."""
    view = scan_view(article)  # a hard-wrapped text is read with its line breaks as spaces
    rows = _compounds(view, _plain_rows(view))
    return rows if view is article else restore_text(article, rows)


def _plain_rows(article: Article) -> list[dict]:
    return [
        {
            "article": article.id,
            "text": m.group(),
            "value": value,
            "kind": kind,
            "vague": kind == "vague",
            "start": m.start(),
            "end": m.end(),
            "sentence": article.sentence_at(m.start()),
        }
        for m, value, kind in _find_dates(article)
    ]


def extract_dates(article: Article) -> pd.DataFrame:
    """One row per date expression outside boilerplate, with a TIMEX3-style value."""
    return frame("dates", date_rows(article))
