"""Score the kit's tables against hand-made gold annotations.

Gold files (``<article id>.gold.yaml``, one per article) are written by hand from the
annotation rules in ``tests/gold/README.md``. A gold file looks like this::

    article: csm-2013-diplomacy-hope      # the id in catalog.csv
    published: 2013-04-09                 # optional, for the reader (the catalog date counts)
    persons:                              # canonical name + surface forms seen in the text
      - name: John Kerry
        aliases: [Kerry, Mr. Kerry, Secretary of State John Kerry]
    countries:
      - name: North Korea
        aliases: [Pyongyang, the North, North Korean]
    organizations:
      - name: RAND Corp.
        aliases: [RAND]
    quotes:                               # text = the words inside the quotation marks
      - speaker: Andrew Scobell
        text: He’s got to be concerned about his internal control.
    reported:                             # text = the content clause of a reported claim
      - speaker: Andrew Scobell
        cue: says
        text: China, though, is reluctant to pressure Pyongyang in ways that ...
    dates:
      - text: later this week
        value: 2013-W15
    not_claims:                           # optional: scare quotes, titles (documentation)
      - text: pivot
    sources:                              # optional: other phrases for an unnamed speaker
      - name: one of the diplomats
        aliases: [Two diplomats familiar with the negotiations]

Every ``text`` (and every alias) must be copied exactly from the article; white space may
differ (a long quote may be folded over several YAML lines). When a text occurs more than once,
add ``occurrence: 2`` (1-based) to point at the right one.

Matching (see ``tests/gold/README.md`` for the reasons):

* quotes: same words up to punctuation, case, quote-mark style and white space, *and* the right
  speaker (the gold speaker, one of its aliases, a surname / part of the full name, or for an
  organization or country a phrase containing its canonical name or an alias of 4+ letters). A
  predicted quote that joins consecutive gold quotes of the same speaker (a quote split around
  its attribution, or two quoted fragments) counts as finding all of them.
* reported: content clauses equal up to punctuation, or token Jaccard >= 0.6, or one inside
  the other when the shorter has at least half the tokens of the longer. Speaker not required.
* dates: same expression (normalized, leading "on/in/at/..." ignored) and the same calendar
  interval (``2016-W04`` equals ``2016-01-25/2016-01-31``). Predicted rows flagged vague are
  not scored (vague references are not dates).
* persons and organizations: the predicted actor name equals the gold name or an alias (persons
  also: the same first and last word, "Hillary Clinton" for "Hillary Rodham Clinton");
  countries: the predicted name equals the canonical gold name. A second predicted row that
  matches an already-matched gold actor counts as a false positive.

``tp`` counts gold rows found, ``fn`` gold rows missed, ``fp`` predicted rows that match nothing
(or only something already matched). precision = (predicted - fp) / predicted,
recall = tp / gold.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import KitError

GOLD_SUFFIX = ".gold.yaml"
SCORED_TABLES = ("quotes", "reported", "dates", "persons", "countries", "organizations")
METRIC_COLUMNS = ["table", "gold", "predicted", "tp", "fp", "fn", "precision", "recall", "f1"]
MISS_COLUMNS = ["article", "table", "error", "text", "speaker", "value", "note"]

_ACTOR_TABLES = {"persons": "person", "countries": "country", "organizations": "organization"}
_KNOWN_KEYS = {
    "article",
    "published",
    "persons",
    "countries",
    "organizations",
    "quotes",
    "reported",
    "dates",
    "not_claims",
    "sources",
    "notes",
}


# -- gold data ------------------------------------------------------------------------------
@dataclass
class GoldActor:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class GoldItem:
    """A quote, reported claim, date or non-claim located in the article text."""

    text: str
    start: int
    end: int
    speaker: str = ""
    cue: str = ""
    value: str = ""


@dataclass
class GoldArticle:
    article: str
    path: Path
    persons: list[GoldActor] = field(default_factory=list)
    countries: list[GoldActor] = field(default_factory=list)
    organizations: list[GoldActor] = field(default_factory=list)
    quotes: list[GoldItem] = field(default_factory=list)
    reported: list[GoldItem] = field(default_factory=list)
    dates: list[GoldItem] = field(default_factory=list)
    not_claims: list[GoldItem] = field(default_factory=list)
    sources: list[GoldActor] = field(default_factory=list)

    def actors(self) -> list[GoldActor]:
        return [*self.persons, *self.countries, *self.organizations]

    def speaker_names(self, speaker: str) -> tuple[list[str], str]:
        """All accepted names of a gold speaker and its kind ('unnamed' if not a listed actor)."""
        key = _tokens(speaker)
        for actor in [*self.actors(), *self.sources]:
            if any(_tokens(n) == key for n in actor.names):
                return actor.names, actor.kind
        return [speaker], "unnamed"


# -- text normalization -----------------------------------------------------------------------
_QUOTE_MARKS = str.maketrans(
    {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032`\u00b4"}
) | str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_DETERMINERS = {"a", "an", "the"}
_DATE_LEAD = {"on", "in", "at", "during", "by", "since", "from", "until", "of", "over", "the"}


def _tokens(text: str) -> tuple[str, ...]:
    """Casefolded word tokens: quote marks unified, punctuation and white space ignored."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTE_MARKS).casefold()
    text = text.replace(".", "")  # "U.S." = "US", "U.N." = "UN", "Mr." = "Mr"
    cleaned = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return tuple(cleaned.split())


def _date_tokens(text: str) -> tuple[str, ...]:
    toks = list(_tokens(text))
    while len(toks) > 1 and toks[0] in _DATE_LEAD:
        toks.pop(0)
    if len(toks) > 1 and toks[-1] == "s":
        toks.pop()  # "Monday’s talks": the possessive is not part of the expression
    return tuple(toks)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def same_quote(predicted: str, gold: str) -> bool:
    """Quote contents equal up to punctuation, case, quote-mark style and white space."""
    return bool(_tokens(gold)) and _tokens(predicted) == _tokens(gold)


def same_clause(predicted: str, gold: str) -> bool:
    """Reported content clauses match: equal, Jaccard >= 0.6, or one inside the other (>= half)."""
    p, g = _tokens(predicted), _tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    sp, sg = set(p), set(g)
    if len(sp & sg) / len(sp | sg) >= 0.6:
        return True
    short, long = (p, g) if len(p) <= len(g) else (g, p)
    return len(short) * 2 >= len(long) and _contains(long, short)


def same_speaker(predicted: str, names: Iterable[str], kind: str) -> bool:
    """A predicted speaker matches a gold speaker's name, an alias, or (persons) part of it."""
    p = _tokens(predicted)
    if not p:
        return False
    names = [_tokens(n) for n in names if _tokens(n)]
    if p in names:
        return True
    if kind == "person":
        full = names[0]
        # A surname ("Kerry"), a full name with a title ("Secretary John Kerry"), "Mr. Scobell".
        return set(p) <= set(full) or _contains(p, full) or p[-1] == full[-1]
    if kind in ("organization", "country"):
        # "the official Korean Central News Agency", "North Korea's KCNA news agency" name the
        # agency: the canonical name, or an alias of four letters or more, inside the phrase.
        return any(_contains(p, n) for i, n in enumerate(names) if i == 0 or len("".join(n)) >= 4)
    if kind == "unnamed":
        strip = [_strip_determiners(n) for n in names]
        q = _strip_determiners(p)
        for g in strip:
            short, long = (q, g) if len(q) <= len(g) else (g, q)
            if q == g or (len(short) >= 2 and _contains(long, short)):
                return True
    return False


def _strip_determiners(toks: tuple[str, ...]) -> tuple[str, ...]:
    return toks[1:] if len(toks) > 1 and toks[0] in _DETERMINERS else toks


# -- date values as calendar intervals ----------------------------------------------------------
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$", re.IGNORECASE)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_DECADE = re.compile(r"^(\d{3})X?$", re.IGNORECASE)
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$", re.IGNORECASE)
#: TIMEX3 seasons as (first month, last month) in the northern hemisphere; winter runs into
#: the next year ("2018-WI" = December 2018 to February 2019).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def date_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a TIMEX3-style value (``A/B`` spans A's start to B's end)."""
    value = str(value).strip()
    if "/" in value:
        left, _, right = value.partition("/")
        a, b = date_interval(left), date_interval(right)
        return (a[0], b[1]) if a and b else None
    try:
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _WEEK.match(value):
            y, w = int(m[1]), int(m[2])
            if m[3]:
                return dt.date.fromisocalendar(y, w, 6), dt.date.fromisocalendar(y, w, 7)
            return dt.date.fromisocalendar(y, w, 1), dt.date.fromisocalendar(y, w, 7)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            first = dt.date(y, 3 * q - 2, 1)
            last = dt.date(y + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
            return first, last
        if m := _SEASON.match(value):
            y = int(m[1])
            first_month, last_month = _SEASON_MONTHS[m[2].upper()]
            end_y, end_m = y + (last_month - 1) // 12, (last_month - 1) % 12 + 1
            nxt = dt.date(end_y + (end_m == 12), end_m % 12 + 1, 1)
            return dt.date(y, first_month, 1), nxt - dt.timedelta(days=1)
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    except ValueError:
        return None
    return None


def same_date_value(predicted: str, gold: str) -> bool:
    """Values name the same calendar interval (unknown formats: same string, ignoring case)."""
    a, b = date_interval(predicted), date_interval(gold)
    if a is not None and b is not None:
        return a == b
    return str(predicted).strip().casefold() == str(gold).strip().casefold()


# -- reading gold files -------------------------------------------------------------------------
def gold_path(gold_dir: str | Path, article_id: str) -> Path:
    return Path(gold_dir) / f"{article_id}{GOLD_SUFFIX}"


def load_gold(path: str | Path, text: str) -> GoldArticle:
    """Read one gold file and locate every text in ``text`` (the article), or raise KitError."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KitError(f"{path}: no such gold file.") from None
    except UnicodeDecodeError:
        raise KitError(f"{path}: not UTF-8 text. Re-save the gold file as UTF-8.") from None
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise KitError(
            f"{path}: not valid YAML{line}: {getattr(err, 'problem', err)}. Texts with a colon "
            "or starting with a quote mark need quoting: text: 'He said: \"no\"'."
        ) from None
    if not isinstance(data, dict):
        raise KitError(
            f"{path}: a gold file must be a YAML mapping with keys such as "
            "'article:', 'persons:', 'quotes:' (see tests/gold/README.md)."
        )
    unknown = sorted(set(map(str, data)) - _KNOWN_KEYS)
    if unknown:
        raise KitError(
            f"{path}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_KNOWN_KEYS))}."
        )
    if not data.get("article"):
        raise KitError(f"{path}: missing 'article:' (the article id from catalog.csv).")
    gold = GoldArticle(article=str(data["article"]), path=path)
    reader = _GoldReader(path, text)
    for table, kind in _ACTOR_TABLES.items():
        setattr(
            gold,
            table,
            [reader.actor(e, table, kind, i) for i, e in enumerate(_list(data, table, path))],
        )
    gold.sources = [
        reader.actor(e, "sources", "unnamed", i) for i, e in enumerate(_list(data, "sources", path))
    ]
    gold.quotes = [
        reader.item(e, "quotes", i, needs=("text", "speaker"))
        for i, e in enumerate(_list(data, "quotes", path))
    ]
    gold.reported = [
        reader.item(e, "reported", i, needs=("text", "speaker"))
        for i, e in enumerate(_list(data, "reported", path))
    ]
    gold.dates = [
        reader.item(e, "dates", i, needs=("text", "value"))
        for i, e in enumerate(_list(data, "dates", path))
    ]
    gold.not_claims = [
        reader.item(e, "not_claims", i, needs=("text",))
        for i, e in enumerate(_list(data, "not_claims", path))
    ]
    for i, d in enumerate(gold.dates):
        if date_interval(d.value) is None:
            raise KitError(
                f"{path}: dates entry {i + 1} ({d.text!r}): value {d.value!r} is not a date value; "
                "use YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Www-WE or A/B (e.g. 1950/1953)."
            )
    return gold


def _list(data: dict, key: str, path: Path) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise KitError(f"{path}: '{key}:' must be a list (one '- ' entry per line).")
    return value


class _GoldReader:
    """Checks gold entries and finds their offsets in the article."""

    def __init__(self, path: Path, text: str):
        self.path, self.text = path, text

    def actor(self, entry, table: str, kind: str, i: int) -> GoldActor:
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not entry.get("name"):
            raise KitError(
                f"{self.path}: {table} entry {i + 1} needs a 'name:' (or is a plain name string)."
            )
        aliases = entry.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(";") if a.strip()]
        if not isinstance(aliases, list):
            raise KitError(
                f"{self.path}: {table} entry {entry['name']!r}: 'aliases:' must be a list."
            )
        for alias in aliases:
            self.locate(str(alias), 1, f"{table} entry {entry['name']!r}, alias")
        return GoldActor(str(entry["name"]), kind, [str(a) for a in aliases])

    def item(self, entry, table: str, i: int, needs: tuple[str, ...]) -> GoldItem:
        if isinstance(entry, str) and needs == ("text",):
            entry = {"text": entry}
        if not isinstance(entry, dict):
            raise KitError(f"{self.path}: {table} entry {i + 1} must be a mapping ('text: ...').")
        missing = [k for k in needs if entry.get(k) in (None, "")]
        if missing:
            raise KitError(
                f"{self.path}: {table} entry {i + 1} is missing {', '.join(missing)} "
                f"(each entry needs {', '.join(needs)})."
            )
        value = entry.get("value", "")
        if isinstance(value, dt.date):  # YAML reads an unquoted 2016-01-27 as a date
            value = value.isoformat()
        occurrence = entry.get("occurrence", 1)
        if not isinstance(occurrence, int) or occurrence < 1:
            raise KitError(f"{self.path}: {table} entry {i + 1}: occurrence must be 1, 2, 3, ...")
        text = str(entry["text"])
        start, end = self.locate(text, occurrence, f"{table} entry {i + 1}")
        cue = str(entry.get("cue") or "")
        if cue:
            self.locate(cue, 1, f"{table} entry {i + 1}, cue")
        return GoldItem(
            text=self.text[start:end],
            start=start,
            end=end,
            speaker=str(entry.get("speaker") or ""),
            cue=cue,
            value=str(value),
        )

    def locate(self, wanted: str, occurrence: int, what: str) -> tuple[int, int]:
        """Offsets of the n-th occurrence; white space in ``wanted`` matches any white space."""
        pattern = r"\s+".join(re.escape(w) for w in wanted.split())
        hits = [m.span() for m in re.finditer(pattern, self.text)] if pattern else []
        if len(hits) >= occurrence:
            return hits[occurrence - 1]
        hint = ""
        if not hits:
            loose = _tokens(wanted)
            if loose and _contains(_tokens(self.text), loose):
                hint = (
                    " The words are there but the punctuation differs: copy the text from the "
                    "article (curly ’ “ ” versus straight ' \" quote marks, dashes)."
                )
        else:
            hint = f" It occurs only {len(hits)} time(s); fix 'occurrence:'."
        raise KitError(f"{self.path}: {what}: {wanted!r} is not in the article text.{hint}")


def load_gold_dir(gold_dir: str | Path, texts: dict[str, str]) -> dict[str, GoldArticle]:
    """Gold for every article id in ``texts`` that has a gold file in ``gold_dir``."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise KitError(f"{gold_dir}: no such folder of gold files (*{GOLD_SUFFIX}).")
    found = {}
    for article_id, text in texts.items():
        path = gold_path(gold_dir, article_id)
        if path.exists():
            gold = load_gold(path, text)
            if gold.article != article_id:
                raise KitError(
                    f"{path}: says 'article: {gold.article}' but its file name is for "
                    f"{article_id!r}; make them agree."
                )
            found[article_id] = gold
    if not found:
        raise KitError(
            f"{gold_dir}: no gold files for these articles ({', '.join(texts)}). Name them "
            f"<article id>{GOLD_SUFFIX}, e.g. {next(iter(texts), 'my-article')}{GOLD_SUFFIX}; "
            "the format is described in tests/gold/README.md and in kit/evaluate.py."
        )
    return found


# -- matching -----------------------------------------------------------------------------------
@dataclass
class _Result:
    """Outcome for one table of one article."""

    gold: int = 0
    predicted: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[dict] = field(default_factory=list)


def _one_to_one(
    preds: list[dict],
    golds: list,
    passes: list[Callable],
    pairs: dict[int, int] | None = None,
    used: set[int] | None = None,
) -> tuple[dict, set]:
    """Greedy one-to-one matching, strictest test first; returns {pred index: gold index}
    (continuing from ``pairs`` and ``used`` when given)."""
    pairs = {} if pairs is None else pairs
    used = set() if used is None else used
    for test in passes:
        for pi, p in enumerate(preds):
            if pi in pairs:
                continue
            for gi, g in enumerate(golds):
                if gi not in used and test(p, g):
                    pairs[pi] = gi
                    used.add(gi)
                    break
    return pairs, used


def _rows(table: pd.DataFrame, article: str, mask=None) -> list[dict]:
    if table is None or not len(table):
        return []
    sub = table[table["article"] == article]
    if mask is not None:
        sub = sub[mask(sub)]
    return sub.to_dict("records")


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _score_quotes(gold: GoldArticle, preds: list[dict]) -> _Result:
    res = _Result(gold=len(gold.quotes), predicted=len(preds))
    speakers = [gold.speaker_names(g.speaker) for g in gold.quotes]

    def right(p, gi):
        names, kind = speakers[gi]
        return same_speaker(_text(p.get("speaker")), names, kind)

    idx = list(range(len(gold.quotes)))
    pairs, used = _one_to_one(
        preds,
        idx,
        [lambda p, gi: same_quote(_text(p.get("text")), gold.quotes[gi].text) and right(p, gi)],
    )
    matched_preds = set(pairs)
    # A predicted quote joining consecutive gold quotes of the same speaker finds all of them.
    for pi, p in enumerate(preds):
        if pi in matched_preds:
            continue
        run = _joined_run(_tokens(_text(p.get("text"))), gold.quotes, used)
        if run and all(right(p, gi) for gi in run):
            matched_preds.add(pi)
            used.update(run)
    res.tp = len(used)
    res.fn = res.gold - res.tp
    res.fp = res.predicted - len(matched_preds)
    for pi, p in enumerate(preds):
        if pi not in matched_preds:
            note = ""
            for gi, g in enumerate(gold.quotes):
                if same_quote(_text(p.get("text")), g.text):
                    note = "found twice" if right(p, gi) else f"wrong speaker (gold: {g.speaker})"
                    break
            else:
                if any(same_quote(_text(p.get("text")), t.text) for t in gold.not_claims):
                    note = "not a claim (scare quote, title or nickname)"
            res.misses.append(
                _miss(gold, "quotes", "fp", p.get("text"), p.get("speaker"), note=note)
            )
    for gi, g in enumerate(gold.quotes):
        if gi not in used:
            res.misses.append(_miss(gold, "quotes", "fn", g.text, g.speaker))
    return res


def _joined_run(p: tuple[str, ...], quotes: list[GoldItem], used: set[int]) -> list[int] | None:
    """Indices of >= 2 consecutive unmatched gold quotes that ``p`` starts with, ends with and
    contains in order (the words between them, e.g. "he said", are allowed)."""
    order = sorted((i for i in range(len(quotes)) if i not in used), key=lambda i: quotes[i].start)
    toks = {i: _tokens(quotes[i].text) for i in order}
    for a in range(len(order)):
        first = toks[order[a]]
        if not first or p[: len(first)] != first:
            continue
        pos = len(first)
        for b in range(a + 1, len(order)):
            nxt = toks[order[b]]
            found = next(
                (k for k in range(pos, len(p) - len(nxt) + 1) if p[k : k + len(nxt)] == nxt), None
            )
            if found is None:
                break
            pos = found + len(nxt)
            if pos == len(p):
                return order[a : b + 1]
    return None


def _score_reported(gold: GoldArticle, preds: list[dict]) -> _Result:
    res = _Result(gold=len(gold.reported), predicted=len(preds))
    pairs, used = _one_to_one(
        preds, gold.reported, [lambda p, g: same_quote(_text(p.get("text")), g.text)]
    )
    _match_coordinated(preds, gold.reported, pairs, used)
    _one_to_one(
        preds,
        gold.reported,
        [lambda p, g: same_clause(_text(p.get("text")), g.text)],
        pairs,
        used,
    )
    _fill(res, gold, "reported", preds, pairs, used, gold.reported)
    return res


_COORD = (("and", "that"), ("but", "that"), ("or", "that"))


def _coordinated(whole: tuple[str, ...], parts: list[tuple[str, ...]]) -> bool:
    """``whole`` is two clauses joined by "and that" / "but that" / "or that", each matching
    its part as reported clauses match (``same_clause``)."""
    first, second = parts
    for k in range(1, len(whole) - 2):
        if whole[k : k + 2] in _COORD and (
            same_clause(" ".join(whole[:k]), " ".join(first))
            and same_clause(" ".join(whole[k + 2 :]), " ".join(second))
        ):
            return True
    return False


def _match_coordinated(preds, golds, pairs: dict, used: set) -> None:
    """ "said A and that B" may be annotated as one clause or two (the rules do not say): a
    row on one side matches two consecutive unmatched rows on the other that it joins."""
    free_p = sorted(
        (i for i in range(len(preds)) if i not in pairs), key=lambda i: preds[i]["start"]
    )
    free_g = sorted((i for i in range(len(golds)) if i not in used), key=lambda i: golds[i].start)
    ptoks = {i: _tokens(_text(preds[i].get("text"))) for i in free_p}
    gtoks = {i: _tokens(golds[i].text) for i in free_g}
    for gi in free_g:  # gold joined, predicted split
        for a, b in zip(free_p, free_p[1:], strict=False):
            if a not in pairs and b not in pairs and _coordinated(gtoks[gi], [ptoks[a], ptoks[b]]):
                pairs[a] = pairs[b] = gi
                used.add(gi)
                break
    for pi in free_p:  # predicted joined, gold split
        if pi in pairs:
            continue
        for a, b in zip(free_g, free_g[1:], strict=False):
            if a not in used and b not in used and _coordinated(ptoks[pi], [gtoks[a], gtoks[b]]):
                pairs[pi] = a
                used.update((a, b))
                break


def _score_dates(gold: GoldArticle, preds: list[dict]) -> _Result:
    res = _Result(gold=len(gold.dates), predicted=len(preds))

    def test(p, g):
        return _date_tokens(_text(p.get("text"))) == _date_tokens(g.text) and same_date_value(
            _text(p.get("value")), g.value
        )

    pairs, used = _one_to_one(preds, gold.dates, [test])
    res.tp = len(used)
    res.fn = res.gold - res.tp
    res.fp = res.predicted - len(pairs)
    for pi, p in enumerate(preds):
        if pi not in pairs:
            same_text = [
                g for g in gold.dates if _date_tokens(_text(p.get("text"))) == _date_tokens(g.text)
            ]
            if any(test(p, g) for g in same_text):
                note = "found twice (or part of a longer gold expression)"
            elif same_text:
                note = f"wrong value (gold: {same_text[0].value})"
            else:
                note = ""
            res.misses.append(
                _miss(gold, "dates", "fp", p.get("text"), value=p.get("value"), note=note)
            )
    for gi, g in enumerate(gold.dates):
        if gi not in used:
            res.misses.append(_miss(gold, "dates", "fn", g.text, value=g.value))
    return res


def _score_actors(gold: GoldArticle, table: str, preds: list[dict]) -> _Result:
    golds: list[GoldActor] = getattr(gold, table)
    res = _Result(gold=len(golds), predicted=len(preds))
    if table == "countries":
        passes = [lambda p, g: _tokens(_text(p.get("actor"))) == _tokens(g.name)]
    else:
        passes = [
            lambda p, g: _tokens(_text(p.get("actor"))) == _tokens(g.name),
            lambda p, g: _tokens(_text(p.get("actor"))) in {_tokens(n) for n in g.aliases},
        ]
        if table == "persons":
            passes.append(lambda p, g: _same_first_and_last(_tokens(_text(p.get("actor"))), g.name))
        else:  # "The New York Times" = "New York Times", "the Security Council" = "Security Council"
            passes.append(
                lambda p, g: (
                    _no_the(_tokens(_text(p.get("actor"))))
                    in {_no_the(_tokens(n)) for n in g.names}
                )
            )
    pairs, used = _one_to_one(preds, golds, passes)
    res.tp = len(used)
    res.fn = res.gold - res.tp
    res.fp = res.predicted - len(pairs)
    for pi, p in enumerate(preds):
        if pi not in pairs:
            dup = any(
                any(_tokens(_text(p.get("actor"))) == _tokens(n) for n in g.names) for g in golds
            )
            note = "listed twice (duplicate actor)" if dup else ""
            res.misses.append(_miss(gold, table, "fp", p.get("actor"), note=note))
    for gi, g in enumerate(golds):
        if gi not in used:
            res.misses.append(_miss(gold, table, "fn", g.name, note="; ".join(g.aliases)))
    return res


def _no_the(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tokens[1:] if tokens[:1] == ("the",) else tokens


def _same_first_and_last(p: tuple[str, ...], name: str) -> bool:
    """'Hillary Clinton' for 'Hillary Rodham Clinton': same first and last word, a subset."""
    g = _tokens(name)
    return len(p) >= 2 and p[0] == g[0] and p[-1] == g[-1] and set(p) <= set(g)


def _fill(res, gold, table, preds, pairs, used, golds) -> None:
    res.tp = len(used)
    res.fn = res.gold - res.tp
    res.fp = res.predicted - len(pairs)
    for pi, p in enumerate(preds):
        if pi not in pairs:
            res.misses.append(_miss(gold, table, "fp", p.get("text"), p.get("speaker")))
    for gi, g in enumerate(golds):
        if gi not in used:
            res.misses.append(_miss(gold, table, "fn", g.text, g.speaker))


def _miss(gold, table, error, text, speaker="", value="", note="") -> dict:
    return {
        "article": gold.article,
        "table": table,
        "error": error,
        "text": _text(text),
        "speaker": _text(speaker),
        "value": _text(value),
        "note": note,
    }


def score_article(gold: GoldArticle, tables: dict[str, pd.DataFrame]) -> dict[str, _Result]:
    """Score one article's predicted ``actors``, ``claims`` and ``dates`` tables against gold."""
    a = gold.article
    claims = tables.get("claims")
    dates = tables.get("dates")
    actors = tables.get("actors")
    results = {
        "quotes": _score_quotes(gold, _rows(claims, a, lambda d: d["kind"] == "quote")),
        "reported": _score_reported(gold, _rows(claims, a, lambda d: d["kind"] == "reported")),
        "dates": _score_dates(
            gold, _rows(dates, a, lambda d: ~d["vague"].fillna(False).astype(bool))
        ),
    }
    for table, kind in _ACTOR_TABLES.items():
        results[table] = _score_actors(
            gold, table, _rows(actors, a, lambda d, k=kind: d["kind"] == k)
        )
    return results


# -- public API ---------------------------------------------------------------------------------
def _metrics_row(table: str, r: _Result, **extra) -> dict:
    matched_pred = r.predicted - r.fp
    precision = matched_pred / r.predicted if r.predicted else (1.0 if r.gold == 0 else 0.0)
    recall = r.tp / r.gold if r.gold else (1.0 if r.predicted == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        **extra,
        "table": table,
        "gold": r.gold,
        "predicted": r.predicted,
        "tp": r.tp,
        "fp": r.fp,
        "fn": r.fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def score(
    golds: Iterable[GoldArticle], tables: dict[str, pd.DataFrame], by_article: bool = False
) -> pd.DataFrame:
    """Metrics per table (summed over articles), or per article and table with ``by_article``."""
    per_article = {g.article: score_article(g, tables) for g in golds}
    rows = []
    if by_article:
        for article, results in per_article.items():
            rows += [_metrics_row(t, results[t], article=article) for t in SCORED_TABLES]
        return pd.DataFrame(rows, columns=["article", *METRIC_COLUMNS])
    for t in SCORED_TABLES:
        total = _Result()
        for results in per_article.values():
            r = results[t]
            total.gold += r.gold
            total.predicted += r.predicted
            total.tp += r.tp
            total.fp += r.fp
            total.fn += r.fn
        rows.append(_metrics_row(t, total))
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


def score_misses(golds: Iterable[GoldArticle], tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every false negative ('fn', a gold row not found) and false positive ('fp')."""
    rows = []
    for g in golds:
        for r in score_article(g, tables).values():
            rows += r.misses
    return pd.DataFrame(rows, columns=MISS_COLUMNS)


def _corpus_gold(corpus, gold_dir) -> list[GoldArticle]:
    texts = {i: corpus.text(i) for i in corpus.ids}
    return list(load_gold_dir(gold_dir, texts).values())


def _corpus_tables(corpus) -> dict[str, pd.DataFrame]:
    return {"actors": corpus.actors, "claims": corpus.claims, "dates": corpus.dates}


def evaluate(corpus, gold_dir: str | Path, by_article: bool = False) -> pd.DataFrame:
    """Precision, recall and F1 of ``corpus``'s tables against the gold files in ``gold_dir``.

    One row per table (quotes, reported, dates, persons, countries, organizations); with
    ``by_article=True`` one row per article and table. Articles without a gold file are skipped.
    """
    return score(_corpus_gold(corpus, gold_dir), _corpus_tables(corpus), by_article=by_article)


def misses(corpus, gold_dir: str | Path) -> pd.DataFrame:
    """The rows behind the metrics: gold rows missed (fn) and predicted rows not in gold (fp)."""
    return score_misses(_corpus_gold(corpus, gold_dir), _corpus_tables(corpus))


def format_metrics(metrics: pd.DataFrame) -> str:
    """The metrics table as aligned plain text."""
    return metrics.to_string(index=False, float_format=lambda x: f"{x:.3f}")


def cli_main(folder: str | Path, gold: str | Path | None = None, details: bool = False) -> int:
    """``python -m kit eval DIR [--gold GOLD_DIR] [--details]``: print metrics (and misses)."""
    from .corpus import Corpus, load_folder

    folder = Path(folder)
    if not folder.is_dir():
        raise KitError(f"{folder}: no such folder. Give the folder that holds catalog.csv.")
    corpus = Corpus(load_folder(folder))
    golds = _corpus_gold(corpus, gold if gold is not None else folder)
    tables = _corpus_tables(corpus)
    skipped = [i for i in corpus.ids if i not in {g.article for g in golds}]
    print(f"Scored {len(golds)} article(s) against gold in {gold or folder}")
    if skipped:
        print(f"(no gold file, not scored: {', '.join(skipped)})")
    print(format_metrics(score(golds, tables)))
    if details:
        found = score_misses(golds, tables)
        print(f"\n{len(found)} miss(es): fn = in gold but not found, fp = found but not in gold")
        for m in found.itertuples():
            extra = "".join(
                f" [{label}: {v}]"
                for label, v in (("speaker", m.speaker), ("value", m.value), ("note", m.note))
                if v
            )
            print(f"  {m.article}  {m.table:<13} {m.error}  {m.text!r}{extra}")
    return 0
