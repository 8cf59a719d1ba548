"""Instant feedback for the self-study exercises, in words.

A student writes an answer and runs ``check("ex3.q2", answer)``; the kit says whether
it is right, gives a hint after a second wrong try, and shows an explanation once the
answer is right. ``ask("ex1.q3")`` is the same as a small widget (multiple choice or a
text box). ``progress()`` summarizes what has been answered in this kernel; nothing is
written to disk unless the student calls ``save_progress()``.

Questions live in ``kit/data/exercises.yaml``. A fixed question stores only salted
SHA-256 hashes of its normalized accepted answers (so the answers are not readable in
the kit or in the student notebooks); a data question names one of the functions in
``COMPUTED`` below, which computes the answer from the Corpus at check time, so it stays
right when a teacher adds articles.

Checking never raises: an empty answer (``...``, ``None``, ``""``) is "not answered
yet", and an answer of the wrong type gets a message saying what was expected.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import numbers
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from .data_files import read_yaml
from .display import StaticFallback, escape
from .errors import KitError

QUESTIONS_FILE = "exercises.yaml"
REPO_ROOT = Path(__file__).resolve().parent.parent
KINDS = ("choice", "text", "number", "date", "names", "sort", "judged")
NOT_ANSWERED = "not answered yet"


# -- questions ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Question:
    """One exercise question as read from ``exercises.yaml``."""

    id: str
    exercise: str
    prompt: str
    kind: str
    hint: str = ""
    explanation: str = ""
    choices: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    item_sources: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    answer_sha256: tuple[str, ...] = ()
    item_sha256: tuple[str, ...] = ()
    compute: str = ""
    params: dict = field(default_factory=dict, hash=False, compare=False)
    tolerance: float = 0.0

    @property
    def computed(self) -> bool:
        return bool(self.compute)


@cache
def _bank() -> tuple[str, dict[str, dict], dict[str, Question]]:
    data = read_yaml(QUESTIONS_FILE)
    if not isinstance(data, dict) or "questions" not in data or "salt" not in data:
        raise KitError(
            f"kit/data/{QUESTIONS_FILE}: expected 'salt:', 'exercises:' and 'questions:' keys."
        )
    exercises = {str(k): dict(v or {}) for k, v in (data.get("exercises") or {}).items()}
    questions: dict[str, Question] = {}
    for i, entry in enumerate(data["questions"]):
        q = _question(entry, i)
        if q.id in questions:
            raise KitError(f"kit/data/{QUESTIONS_FILE}: question id {q.id!r} appears twice.")
        questions[q.id] = q
    return str(data["salt"]), exercises, questions


def _question(entry: dict, i: int) -> Question:
    where = f"kit/data/{QUESTIONS_FILE}, question #{i + 1}"
    if not isinstance(entry, dict) or "id" not in entry:
        raise KitError(f"{where}: every question needs an 'id:' like ex1.q1.")
    qid = str(entry["id"])
    kind = str(entry.get("kind", ""))
    if kind not in KINDS:
        raise KitError(f"{where} ({qid}): kind must be one of {', '.join(KINDS)}, not {kind!r}.")
    q = Question(
        id=qid,
        exercise=qid.split(".")[0],
        prompt=str(entry.get("prompt", "")).strip(),
        kind=kind,
        hint=str(entry.get("hint", "")).strip(),
        explanation=str(entry.get("explanation", "")).strip(),
        choices=tuple(str(c) for c in entry.get("choices") or ()),
        items=tuple(_item_text(c) for c in entry.get("items") or ()),
        item_sources=tuple(_item_source(c) for c in entry.get("items") or ()),
        categories=tuple(str(c) for c in entry.get("categories") or ()),
        answer_sha256=tuple(str(h) for h in _as_list(entry.get("answer_sha256"))),
        item_sha256=tuple(str(h) for h in entry.get("item_sha256") or ()),
        compute=str(entry.get("compute") or ""),
        params=dict(entry.get("params") or {}),
        tolerance=float(entry.get("tolerance") or 0.0),
    )
    if q.compute and q.compute not in COMPUTED:
        raise KitError(f"{where} ({qid}): compute: {q.compute!r} is not a function in kit.checks.")
    if q.kind == "sort" and len(q.item_sha256) != len(q.items):
        raise KitError(f"{where} ({qid}): a sort question needs one item_sha256 per item.")
    return q


def _item_text(item) -> str:
    return str(item.get("text", "") if isinstance(item, dict) else item).strip()


def _item_source(item) -> str:
    return str(item.get("source", "") if isinstance(item, dict) else "")


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def question(qid: str) -> Question:
    """The question with id ``qid`` (a clear KitError if there is none)."""
    _, _, questions = _bank()
    try:
        return questions[qid]
    except KeyError:
        raise KitError(
            f"no exercise question {qid!r}; ids look like 'ex1.q1' (see kit/data/{QUESTIONS_FILE})."
        ) from None


def questions(exercise: str | None = None) -> list[Question]:
    """All questions, or those of one exercise (e.g. ``"ex3"``), in file order."""
    _, _, qs = _bank()
    return [q for q in qs.values() if exercise is None or q.exercise == exercise]


def exercise_title(exercise: str) -> str:
    _, exercises, _ = _bank()
    return str(exercises.get(exercise, {}).get("title", exercise))


# -- normalizing and hashing --------------------------------------------------------------------
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalize_text(value: object) -> str:
    """Case, accents of quote marks, punctuation and spacing ignored: 'Kim Jong-un.' -> 'kim jong un'."""
    text = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES).casefold()
    text = text.replace("'s ", " ").replace("'", "")
    return " ".join(re.findall(r"\w+", text))


def salt() -> str:
    """The salt of exercises.yaml (teachers need it to hash the answer of a new question)."""
    return _bank()[0]


def answer_hash(qid: str, normalized: str) -> str:
    """Salted SHA-256 of a normalized answer (what exercises.yaml stores)."""
    salt, _, _ = _bank()
    return salted_sha256(salt, qid, normalized)


def salted_sha256(salt: str, qid: str, normalized: str) -> str:
    """SHA-256 of ``salt|qid|normalized``: the same answer hashes differently per question."""
    return hashlib.sha256(f"{salt}|{qid}|{normalized}".encode()).hexdigest()


def hash_for(qid: str, answer: object) -> str:
    """The hash a teacher puts in exercises.yaml for a new answer to question ``qid``.

    The question must already be in the file (its kind decides how the answer is normalized).
    """
    q = question(qid)
    norm = _normalize(q, answer)
    if norm is None:
        raise KitError(f"{qid}: cannot read {answer!r} as a {q.kind} answer.")
    return answer_hash(qid, norm if isinstance(norm, str) else "|".join(sorted(norm)))


def item_hash(qid: str, index: int, category: str) -> str:
    """Salted hash for item ``index`` (0-based) of a sort question."""
    return answer_hash(f"{qid}#{index}", normalize_text(category))


class _WrongType(Exception):
    def __init__(self, expected: str):
        self.expected = expected


def _is_empty(answer: object) -> bool:
    if answer is None or answer is ...:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, dict | list | tuple | set | frozenset):
        return len(answer) == 0
    if isinstance(answer, pd.Series | pd.DataFrame | pd.Index):
        return answer.empty
    return False


def _scalar(answer: object) -> object:
    """A one-element Series/list/array becomes its element (students often compute those)."""
    if isinstance(answer, pd.DataFrame) and answer.shape == (1, 1):
        return answer.iat[0, 0]
    if isinstance(answer, pd.Series | pd.Index | list | tuple) and len(answer) == 1:
        return list(answer)[0]
    if hasattr(answer, "item") and getattr(answer, "shape", None) == ():
        return answer.item()
    return answer


def _normalize(q: Question, answer: object):
    """The normalized answer (a string, or a frozenset for names), or raise _WrongType."""
    kind = q.kind
    if kind == "number":
        return _number(answer)
    if kind == "date":
        return _date(answer)
    if kind == "names":
        return _names(answer)
    if kind == "choice":
        return _choice(q, answer)
    value = _scalar(answer)
    if not isinstance(value, str | int | float):
        raise _WrongType('a short piece of text in quotes, like "Kerry"')
    return normalize_text(value)


def _number(answer: object) -> str:
    value = _scalar(answer)
    if isinstance(value, bool):
        raise _WrongType("a number, like 21")
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            raise _WrongType("a number, like 21 (not text)") from None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _WrongType("a number, like 21") from None
    if math.isnan(number):
        raise _WrongType("a number (this is NaN: the calculation found nothing)")
    return _format_number(number)


def _format_number(number: float) -> str:
    return str(int(round(number))) if abs(number - round(number)) < 1e-9 else f"{number:.2f}"


def _date(answer: object) -> str:
    value = _scalar(answer)
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10]).isoformat()
        except ValueError:
            raise _WrongType('a date written YYYY-MM-DD, like "2016-01-27"') from None
    raise _WrongType('a date, like "2016-01-27" or datetime.date(2016, 1, 27)')


def _names(answer: object) -> frozenset[str]:
    if isinstance(answer, str):
        parts: Iterable = re.split(r"[,;\n]", answer)
    elif isinstance(answer, pd.DataFrame):
        raise _WrongType("a list of names (pick one column of the table, e.g. df['actor'])")
    elif isinstance(answer, Iterable) and not isinstance(answer, bytes | dict):
        parts = list(answer)
    else:
        raise _WrongType('a list of names, like ["China", "Japan"]')
    if not all(isinstance(p, str) for p in parts):
        raise _WrongType('a list of names written as text, like ["China", "Japan"]')
    return frozenset(n for n in (normalize_text(p) for p in parts) if n)


def _choice(q: Question, answer: object) -> str:
    value = _scalar(answer)
    if not isinstance(value, str):
        raise _WrongType('the letter of one choice in quotes, like "b"')
    text = value.strip().strip("().").strip()
    letters = "abcdefghij"[: len(q.choices)]
    if len(text) == 1 and text.casefold() in letters:
        return text.casefold()
    norm = normalize_text(text)
    for letter, choice in zip(letters, q.choices, strict=False):
        if norm == normalize_text(choice):
            return letter
    raise _WrongType(f'one of the letters {", ".join(letters)} (in quotes, like "{letters[0]}")')


# -- checking -----------------------------------------------------------------------------------
@dataclass
class _Record:
    tries: int = 0
    wrong: int = 0
    correct: bool = False


_STATE: dict[str, _Record] = {}
_CORPUS: list = []


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says: ``status`` is 'correct', 'incorrect', 'not answered' or 'unreadable'."""

    question: str
    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.correct


def use_corpus(corpus):
    """Check data questions against ``corpus`` (e.g. a folder with a teacher's new articles)."""
    _CORPUS[:] = [corpus]
    return corpus


def _corpus():
    if not _CORPUS:
        from .corpus import load_corpus

        _CORPUS.append(load_corpus())
    return _CORPUS[0]


def check(qid: str, answer: object = ..., corpus=None) -> Feedback:
    """Say in words whether ``answer`` is right for question ``qid``. Never raises."""
    try:
        q = question(qid)
    except KitError as err:
        return Feedback(qid, "unreadable", str(err))
    if _is_empty(answer):
        return Feedback(
            qid,
            "not answered",
            f"{qid}: {NOT_ANSWERED}. Replace the ... with your answer and run the cell again.",
        )
    record = _STATE.setdefault(qid, _Record())
    try:
        ok, detail = _judge(q, answer, corpus if corpus is not None else None)
    except _WrongType as wrong:
        return Feedback(
            qid,
            "unreadable",
            f"{qid}: I could not read that answer; I expected "
            f"{wrong.expected}. Your answer was {_describe(answer)}. Try again.",
        )
    except KitError as err:
        return Feedback(qid, "unreadable", f"{qid}: this question cannot be checked here: {err}")
    record.tries += 1
    if ok:
        record.correct = True
        text = f"{qid}: Correct!{_join(detail)}"
        if q.explanation:
            text += f"\nWhy: {q.explanation}"
        return Feedback(qid, "correct", text)
    record.wrong += 1
    text = f"{qid}: Not quite.{_join(detail)}"
    if record.wrong == 1:
        text += " Have another look and try again."
    else:
        text += f"\nHint: {q.hint}" if q.hint else " Try again."
    if record.wrong >= 3 and q.explanation and not q.computed:
        text += f"\nExplanation: {q.explanation}"
    return Feedback(qid, "incorrect", text)


def _join(detail: str) -> str:
    return f" {detail}" if detail else ""


def _describe(answer: object) -> str:
    name = type(answer).__name__
    text = repr(answer)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{text} (a {name})"


def _judge(q: Question, answer: object, corpus) -> tuple[bool, str]:
    if q.kind == "sort":
        return _judge_sort(q, answer)
    if q.kind == "judged":
        return COMPUTED[q.compute](corpus if corpus is not None else _corpus(), answer, **q.params)
    given = _normalize(q, answer)
    if not q.computed and not q.answer_sha256:
        raise KitError(
            f"no answer is stored for it yet: add answer_sha256 (kit.checks.hash_for) "
            f"in kit/data/{QUESTIONS_FILE}"
        )
    if not q.computed:
        flat = given if isinstance(given, str) else "|".join(sorted(given))
        return answer_hash(q.id, flat) in q.answer_sha256, ""
    expected = _computed(q, corpus if corpus is not None else _corpus())
    return _compare(q, given, expected)


def _computed(q: Question, corpus) -> Accepted:
    params = dict(q.params)
    article = params.get("article")
    if article and article not in corpus.ids:
        raise KitError(
            f"this question is about the article {article!r}, which is not in the corpus "
            f"({', '.join(corpus.ids)})"
        )
    return COMPUTED[q.compute](corpus, **params)


def _compare(q: Question, given, expected: Accepted) -> tuple[bool, str]:
    if expected.empty:
        raise KitError(
            "the kit's tables hold nothing to compute the answer from "
            f"({expected.why or 'the table is empty'})."
        )
    kind = q.kind
    if kind == "names":
        want = expected.names
        if given == want:
            return True, ""
        missing, extra = len(want - given), len(given - want)
        parts = []
        if missing:
            parts.append(f"{missing} name(s) missing")
        if extra:
            parts.append(f"{extra} name(s) that should not be there")
        return False, f"You have {len(given & want)} of {len(want)} right; " + " and ".join(
            parts
        ) + "."
    if kind == "number" and q.tolerance:
        return any(abs(float(given) - float(v)) <= q.tolerance for v in expected.values), ""
    return given in expected.values, ""


def _judge_sort(q: Question, answer: object) -> tuple[bool, str]:
    if isinstance(answer, dict):
        try:
            labels = [answer[k] for k in sorted(answer)]
        except TypeError:
            raise _WrongType("a list of labels, one per statement") from None
    elif isinstance(answer, list | tuple | pd.Series):
        labels = list(answer)
    else:
        raise _WrongType(f"a list of labels, one per statement, e.g. {list(q.categories)[:2]}")
    if len(labels) != len(q.items):
        raise _WrongType(f"{len(q.items)} labels, one per statement (you gave {len(labels)})")
    allowed = {normalize_text(c) for c in q.categories}
    norm = [normalize_text(x) if isinstance(x, str) else "" for x in labels]
    bad = [labels[i] for i, n in enumerate(norm) if n not in allowed]
    if bad:
        raise _WrongType(f"labels from {', '.join(q.categories)} (not {bad[0]!r})")
    right = [
        item_hash(q.id, i, n) == h for i, (n, h) in enumerate(zip(norm, q.item_sha256, strict=True))
    ]
    if all(right):
        return True, f"All {len(right)} statements sorted correctly."
    wrong = [str(i + 1) for i, r in enumerate(right) if not r]
    return False, (
        f"{sum(right)} of {len(right)} right; look again at statement(s) {', '.join(wrong)}."
    )


# -- computed answers ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Accepted:
    """Accepted normalized answers for a data question (several when there is a tie)."""

    values: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    why: str = ""

    @property
    def empty(self) -> bool:
        return not self.values and not self.names


def _one_of(values: Iterable, kind: str = "text", why: str = "") -> Accepted:
    out: set[str] = set()
    for v in values:
        if kind == "number":
            out.add(_format_number(float(v)))
        elif kind == "date":
            out.add(_date(v))
        else:
            out.add(normalize_text(v))
            if kind == "person":  # a surname alone is fine: "Scobell" for "Andrew Scobell"
                words = normalize_text(v).split()
                if len(words) > 1:
                    out.add(words[-1])
    return Accepted(values=frozenset(out), why=why)


def _rows(df: pd.DataFrame, article: str | None) -> pd.DataFrame:
    return df if article is None else df[df["article"] == article]


def _top(counts: pd.Series) -> list[str]:
    if counts.empty:
        return []
    return [str(k) for k, v in counts.items() if v == counts.max()]


def count_paragraphs(corpus, article: str, role: str | None = None) -> Accepted:
    """How many paragraphs (of one role, e.g. 'body') an article has."""
    rows = _rows(corpus.paragraphs, article)
    if role:
        rows = rows[rows["role"] == role]
    return _one_of([len(rows)], "number", why=f"no paragraphs for {article}")


def article_with_most(corpus, table: str = "sentences", role: str | None = None) -> Accepted:
    """The article id(s) with the most rows in ``table``."""
    df = getattr(corpus, table)
    if role:
        df = df[df["role"] == role]
    return _one_of(_top(df.groupby("article").size()), why=f"the {table} table is empty")


def paragraph_role(corpus, article: str, text: str) -> Accepted:
    """The role the kit gives the paragraph whose text is ``text``."""
    rows = _rows(corpus.paragraphs, article)
    rows = rows[rows["text"].map(normalize_text) == normalize_text(text)]
    return _one_of(rows["role"], why=f"no paragraph {text!r} in {article}")


def count_actors(corpus, article: str | None = None, kind: str | None = None) -> Accepted:
    """How many distinct actors (of one kind: person, country, organization) an article names."""
    rows = _rows(corpus.actors, article)
    if kind:
        rows = rows[rows["kind"] == kind]
    if not len(corpus.actors):
        return Accepted(why="the actors table is empty")
    return _one_of([rows["actor"].nunique()], "number")


def most_mentioned(corpus, article: str, kind: str = "person") -> Accepted:
    """The actor(s) of ``kind`` with the most mentions in an article."""
    rows = _rows(corpus.actors, article)
    rows = rows[rows["kind"] == kind]
    counts = rows.groupby("actor")["mentions"].sum()
    return _one_of(
        _top(counts), "person" if kind == "person" else "text", why=f"no {kind} actors in {article}"
    )


def shared_actors(corpus, kind: str = "country") -> Accepted:
    """Actors of ``kind`` named in every article of the corpus."""
    rows = corpus.actors[corpus.actors["kind"] == kind]
    if rows.empty:
        return Accepted(why=f"no {kind} actors")
    sets = [set(g["actor"]) for _, g in rows.groupby("article")]
    common = set.intersection(*sets) if len(sets) == len(corpus) else set()
    return Accepted(names=frozenset(normalize_text(n) for n in common), why="no shared actors")


def top_speaker(corpus, article: str, claim_kind: str | None = "quote") -> Accepted:
    """The speaker(s) with the most claims (of one kind: quote or reported) in an article."""
    rows = _rows(corpus.claims, article)
    if claim_kind:
        rows = rows[rows["kind"] == claim_kind]
    rows = rows[rows["speaker"].fillna("").astype(str).str.len() > 0]
    return _one_of(
        _top(rows.groupby("speaker").size()),
        "person",
        why=f"no {claim_kind or ''} claims with a speaker in {article}",
    )


def count_claims(corpus, article: str | None = None, claim_kind: str | None = None) -> Accepted:
    """How many claims (of one kind) an article has."""
    if not len(corpus.claims):
        return Accepted(why="the claims table is empty")
    rows = _rows(corpus.claims, article)
    if claim_kind:
        rows = rows[rows["kind"] == claim_kind]
    return _one_of([len(rows)], "number")


def count_speakers(corpus, article: str | None = None) -> Accepted:
    """How many different speakers an article quotes or reports."""
    if not len(corpus.claims):
        return Accepted(why="the claims table is empty")
    rows = _rows(corpus.claims, article)
    speakers = rows["speaker"].dropna().astype(str)
    return _one_of([speakers[speakers.str.len() > 0].nunique()], "number")


def article_with_more_speakers(corpus) -> Accepted:
    """The article id(s) whose claims have the most different speakers."""
    rows = corpus.claims.dropna(subset=["speaker"])
    return _one_of(
        _top(rows.groupby("article")["speaker"].nunique()), why="the claims table is empty"
    )


def top_cue(corpus, article: str | None = None) -> Accepted:
    """The most common reporting verb (claims.cue, case ignored) in an article."""
    rows = _rows(corpus.claims, article)
    cues = rows["cue"].dropna().astype(str).str.casefold()
    cues = cues[cues.str.len() > 0]
    return _one_of(_top(cues.value_counts()), why=f"no reporting verbs in {article}")


def _events() -> pd.DataFrame:
    """Background events that happened on one day (kit.timeline.background_events), with 'day'."""
    from .timeline import background_events

    df = background_events()
    df = df[df["start"] == df["end"]].copy()
    df["day"] = df["start"]
    return df


def _published(corpus, article: str) -> dt.date:
    rows = corpus.articles[corpus.articles["article"] == article]
    if rows.empty:
        raise KitError(f"no article {article!r} in this corpus")
    return dt.date.fromisoformat(str(rows["published"].iloc[0])[:10])


def _date_in_article(corpus, article: str, text: str | None) -> dt.date:
    """The day a date expression in the article refers to (its TIMEX3 value), else publication."""
    if not text:
        return _published(corpus, article)
    rows = _rows(corpus.dates, article)
    rows = rows[rows["text"].map(normalize_text) == normalize_text(text)]
    days = [v for v in rows["value"].astype(str) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)]
    if not days:
        raise KitError(f"the dates table has no day for {text!r} in {article}")
    return dt.date.fromisoformat(days[0])


def days_since_event(
    corpus, article: str, event_kind: str, date_text: str | None = None
) -> Accepted:
    """Days from the last background event of ``event_kind`` before a date in the article."""
    day = _date_in_article(corpus, article, date_text)
    events = _events()
    before = events[(events["kind"] == event_kind) & (events["day"] <= day)]
    if before.empty:
        return Accepted(why=f"no {event_kind} before {day}")
    return _one_of([(day - before["day"].max()).days], "number")


def count_events_before(corpus, article: str, event_kind: str) -> Accepted:
    """How many background events of ``event_kind`` happened before an article was published."""
    day = _published(corpus, article)
    events = _events()
    return _one_of([int(((events["kind"] == event_kind) & (events["day"] < day)).sum())], "number")


def count_events_between_articles(corpus, event_kind: str) -> Accepted:
    """How many background events of ``event_kind`` fall between the first and last article."""
    days = [dt.date.fromisoformat(str(d)[:10]) for d in corpus.articles["published"]]
    if len(days) < 2:
        return Accepted(why="fewer than two articles")
    events = _events()
    between = (
        (events["kind"] == event_kind) & (events["day"] > min(days)) & (events["day"] < max(days))
    )
    return _one_of([int(between.sum())], "number")


def date_of(corpus, article: str, text: str) -> Accepted:
    """The calendar day (YYYY-MM-DD) the kit gives a date expression in an article."""
    return _one_of([_date_in_article(corpus, article, text)], "date")


def days_between_articles(corpus) -> Accepted:
    """Days between the first and the last article's publication."""
    days = pd.to_datetime(corpus.articles["published"])
    return _one_of([(days.max() - days.min()).days], "number", why="no articles")


# -- incentives and choices (lessons 5 and 6) ---------------------------------------------------------
def _views():
    from .incentives import load_incentives

    return load_incentives()


def _options():
    from .policy import load_options

    return load_options()


def _country_view(country: str):
    views = _views()
    if country not in views:
        raise KitError(f"no country {country!r} in kit/data/incentives.yaml")
    return views[country]


def count_incentive_items(corpus, country: str, category: str) -> Accepted:
    """How many incentives of one category (goal, fear, lever, constraint) a country has."""
    return _one_of([len(_country_view(country).by_category(category))], "number")


def country_with_most_evidence(corpus, kind: str = "article") -> Accepted:
    """The country (or countries) with the most evidence rows of ``kind`` (article/background)."""
    from .incentives import evidence_table

    table = evidence_table(_views(), corpus)
    return _one_of(_top(table[table["kind"] == kind].groupby("country").size()))


def _item_or_option_names(pairs: Iterable[tuple[str, str]]) -> set[str]:
    return {name for pair in pairs for name in pair}


def preferred_option(corpus, country: str) -> Accepted:
    """The option(s) a country prefers with its default weights (id or label accepted)."""
    from .policy import option_totals, preferred_options

    spec = _options()[country]
    best = preferred_options(option_totals(spec, spec.default_weights))
    return _one_of(_item_or_option_names((b, spec.option(b).label) for b in best))


def option_total(corpus, country: str, option: str) -> Accepted:
    """One option's weighted total with the country's default weights."""
    from .policy import option_totals

    spec = _options()[country]
    return _one_of([option_totals(spec, spec.default_weights)[option]], "number")


def game_weights(spec, country: str, changes: dict | None = None) -> dict[str, int]:
    """A player's weights in a game: its default weights (3 where none is given), then ``changes``."""
    from .policy import DEFAULT_WEIGHT

    options = _options()
    defaults = options[country].default_weights if country in options else {}
    weights = {item: defaults.get(item, DEFAULT_WEIGHT) for item in spec.items(country)}
    weights.update(changes or {})
    return weights


def _game(game: str):
    from .policy import load_games

    games = load_games()
    if game not in games:
        raise KitError(f"no game {game!r} in kit/data/policy_options.yaml")
    return games[game]


def _equilibria(spec, changes: dict[str, dict] | None = None):
    from .policy import payoff_matrices, pure_nash_equilibria

    changes = changes or {}
    A, B = payoff_matrices(
        spec,
        game_weights(spec, spec.row, changes.get(spec.row)),
        game_weights(spec, spec.col, changes.get(spec.col)),
    )
    return A, B, pure_nash_equilibria(A, B)


def equilibrium_move(corpus, game: str, player: str = "col") -> Accepted:
    """The move (id or label) one player makes in the game's equilibria with default weights."""
    spec = _game(game)
    _, _, eq = _equilibria(spec)
    moves = spec.col_moves if player == "col" else spec.row_moves
    picked = [moves[j if player == "col" else i] for i, j in eq]
    return _one_of(
        _item_or_option_names((m.id, m.label) for m in picked),
        why="this game has no pure-strategy equilibrium",
    )


def _pick_item(view, name: object, what: str):
    if not isinstance(name, str):
        raise _WrongType(f"{what} as text: an id like {view.items[0].id!r} or its label")
    for item in view.items:
        if normalize_text(name) in (normalize_text(item.id), normalize_text(item.label)):
            return item
    ids = ", ".join(it.id for it in view.items)
    raise _WrongType(f"{what} of {view.country}: one of {ids}")


def _evidence_rows(corpus, answer: dict) -> tuple[pd.DataFrame, list[int]]:
    from .incentives import evidence_table

    rows = answer.get("evidence")
    if isinstance(rows, numbers.Integral) and not isinstance(rows, bool):
        rows = [rows]
    if (
        not isinstance(rows, list | tuple)
        or not rows
        or not all(isinstance(r, int) and not isinstance(r, bool) for r in rows)
    ):
        raise _WrongType('"evidence": a list of row numbers of the evidence table, like [21]')
    return evidence_table(_views(), corpus), list(rows)


def _check_evidence(
    table: pd.DataFrame, rows: list[int], country: str, items: set[str]
) -> list[str]:
    """Problems with the evidence rows (empty list when every row supports one of ``items``)."""
    problems = []
    for r in rows:
        if r not in table.index:
            problems.append(f"there is no row {r} (rows go from 0 to {len(table) - 1})")
            continue
        row = table.loc[r]
        if row["country"] != country or row["item"] not in items:
            problems.append(
                f"row {r} is evidence for {row['country']} / {row['item']}, not for "
                f"{country} / {' or '.join(sorted(items))}"
            )
    return problems


def _need_dict(answer: object, keys: tuple[str, ...], example: str) -> dict:
    if not isinstance(answer, dict) or not all(k in answer for k in keys):
        raise _WrongType(f"a dict with the keys {', '.join(keys)}, like {example}")
    return answer


def judge_hurt_incentive(
    corpus, answer: object, country: str, option: str, category: str
) -> tuple[bool, str]:
    """Judged: an incentive of ``category`` that ``option`` hurts, with evidence rows for it."""
    answer = _need_dict(
        answer, ("incentive", "evidence"), '{"incentive": "some-id", "evidence": [12]}'
    )
    view = _country_view(country)
    item = _pick_item(view, answer["incentive"], "an incentive")
    table, rows = _evidence_rows(corpus, answer)
    notes = []
    ok = True
    if item.category != category:
        ok = False
        notes.append(f"{item.id} is one of {country}'s {item.category}s, not a {category}.")
    score = _options()[country].scores.get(item.id, {}).get(option)
    label = _options()[country].option(option).label
    if score is None or score >= 0:
        ok = False
        how = "has no score for it" if score is None else f"scores {score} on it"
        notes.append(f"In the policy table, '{label}' does not hurt {item.id} (it {how}).")
    elif ok:
        notes.append(f"Yes: '{label}' hurts {item.id} (score {score}).")
    problems = _check_evidence(table, rows, country, {item.id})
    if problems:
        ok = False
        notes.append("Evidence: " + "; ".join(problems) + ".")
    elif ok:
        notes.append(f"Your evidence row(s) {', '.join(map(str, rows))} back it up.")
    return ok, " ".join(notes)


def judge_policy_case(corpus, answer: object, served: int = 2) -> tuple[bool, str]:
    """Judged: a country's option, ``served`` incentives it serves (score > 0), evidence for each."""
    answer = _need_dict(
        answer,
        ("country", "option", "incentives", "evidence"),
        '{"country": "China", "option": "push-talks", "incentives": ["a", "b"], "evidence": [1, 2]}',
    )
    options = _options()
    country = answer["country"]
    if not isinstance(country, str) or country not in options:
        raise _WrongType(f'"country": one of {", ".join(options)}')
    spec = options[country]
    opt = (
        next(
            (
                o
                for o in spec.options
                if normalize_text(answer["option"])
                in (normalize_text(o.id), normalize_text(o.label))
            ),
            None,
        )
        if isinstance(answer["option"], str)
        else None
    )
    if opt is None:
        raise _WrongType(f'"option": one of {", ".join(o.id for o in spec.options)}')
    names = answer["incentives"]
    if isinstance(names, str) or not isinstance(names, list | tuple):
        raise _WrongType('"incentives": a list of incentive ids, like ["stability", "no-refugees"]')
    view = _country_view(country)
    items = [_pick_item(view, n, "an incentive") for n in names]
    table, rows = _evidence_rows(corpus, answer)
    notes, ok = [], True
    if len({it.id for it in items}) < served:
        ok = False
        notes.append(f"Name {served} different incentives.")
    for it in items:
        score = spec.scores.get(it.id, {}).get(opt.id)
        if score is None or score <= 0:
            ok = False
            how = "has no score for it" if score is None else f"scores {score} on it"
            notes.append(f"'{opt.label}' does not serve {it.id} (it {how}).")
    problems = _check_evidence(table, rows, country, {it.id for it in items})
    if problems:
        ok = False
        notes.append("Evidence: " + "; ".join(problems) + ".")
    covered = set(table.loc[[r for r in rows if r in table.index], "item"])
    missing = [it.id for it in items if it.id not in covered]
    if missing:
        ok = False
        notes.append(f"Give at least one evidence row for {', '.join(missing)}.")
    if ok:
        notes.append(
            f"A supported case: '{opt.label}' serves {' and '.join(it.id for it in items)}, "
            "and your evidence rows show why those matter to " + country + "."
        )
    return ok, " ".join(notes)


def _weights_answer(answer: object, allowed: Iterable[str], country: str) -> dict[str, int]:
    from .policy import WEIGHT_MAX, WEIGHT_MIN

    allowed = list(allowed)
    if not isinstance(answer, dict) or not answer:
        raise _WrongType(f'a dict of weights for {country}, like {{"{allowed[0]}": 5}}')
    out = {}
    for key, value in answer.items():
        if key not in allowed:
            raise _WrongType(
                f"weights for {country}'s incentives only: {', '.join(allowed)} (not {key!r})"
            )
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Integral)
            or not WEIGHT_MIN <= value <= WEIGHT_MAX
        ):
            raise _WrongType(
                f"whole-number weights from {WEIGHT_MIN} to {WEIGHT_MAX} ({key!r} was {value!r})"
            )
        out[key] = int(value)
    return out


def judge_weights_prefer(corpus, answer: object, country: str, option: str) -> tuple[bool, str]:
    """Judged: weights (changes to the defaults) under which ``country`` prefers ``option``."""
    from .policy import explain_preference, option_totals, preferred_options

    spec = _options()[country]
    weights = {**spec.default_weights, **_weights_answer(answer, spec.scores, country)}
    best = preferred_options(option_totals(spec, weights))
    labels = {it.id: it.label for it in _country_view(country).items}
    sentence = explain_preference(spec, weights, labels)
    return best == [option], sentence


def judge_game_move(corpus, answer: object, game: str, country: str, move: str) -> tuple[bool, str]:
    """Judged: weights for ``country`` that put ``move`` into a pure-strategy equilibrium."""
    from .policy import explain_equilibria

    spec = _game(game)
    changes = _weights_answer(answer, spec.items(country), country)
    A, B, eq = _equilibria(spec, {country: changes})
    moves = spec.col_moves if country == spec.col else spec.row_moves
    index = [m.id for m in moves].index(move)
    hit = any((j if country == spec.col else i) == index for i, j in eq)
    return hit, explain_equilibria(spec, A, B)


def delegation_brief(country: str) -> str:
    """A one-page role-play brief for one delegation, generated from incentives.yaml and
    policy_options.yaml (its own view first, then goals, fears, levers, constraints, options,
    and what its critics will say), so it changes when a teacher edits those files."""
    from .incentives import CATEGORY_TITLES
    from .policy import option_totals, preferred_options

    view = _country_view(country)
    lines = [f"DELEGATION BRIEF: {country}", "", "Your position, as your leaders state it:"]
    lines.append(f"  {view.own_view}")
    first = view.own_evidence[0] if view.own_evidence else None
    if first is not None and first.quote:
        lines.append(f"  Evidence ({first.article}): {' '.join(first.quote.split())}")
    elif first is not None:
        lines.append(f"  Evidence: {first.background} (source: {first.source})")
    for category, title in CATEGORY_TITLES.items():
        items = view.by_category(category)
        if items:
            lines += ["", f"{title}:"]
            lines += [f"  - {it.label}: {it.statement}" for it in items]
    options = _options().get(country)
    if options is not None:
        best = preferred_options(option_totals(options, options.default_weights))
        lines += ["", "Your options:"]
        lines += [f"  - {o.label}: {o.description}" for o in options.options]
        lines.append(
            "  With the kit's default weights your analysts lean towards: "
            + " / ".join(options.option(b).label for b in best)
            + ". You may argue for another option - say which incentives you weigh more."
        )
    if view.criticism:
        lines += ["", "Be ready to answer your critics:"]
        lines += [f"  - {c.statement}" for c in view.criticism]
    return "\n".join(lines)


def delegation_briefs() -> dict[str, str]:
    """Briefs for every country in incentives.yaml (the role-play in the teacher's guide)."""
    return {country: delegation_brief(country) for country in _views()}


COMPUTED: dict[str, Callable] = {
    f.__name__: f
    for f in (
        count_paragraphs,
        article_with_most,
        paragraph_role,
        count_actors,
        most_mentioned,
        shared_actors,
        top_speaker,
        count_claims,
        count_speakers,
        article_with_more_speakers,
        top_cue,
        days_since_event,
        count_events_before,
        count_events_between_articles,
        date_of,
        days_between_articles,
        count_incentive_items,
        country_with_most_evidence,
        preferred_option,
        option_total,
        equilibrium_move,
        judge_hurt_incentive,
        judge_policy_case,
        judge_weights_prefer,
        judge_game_move,
    )
}


def expected_answer(qid: str, corpus=None) -> Accepted:
    """The accepted answers of a data question, computed now (for teachers and tests)."""
    q = question(qid)
    if not q.computed or q.kind == "judged":
        raise KitError(f"{qid} is not a data question; its answer is stored only as a hash.")
    return _computed(q, corpus if corpus is not None else _corpus())


# -- progress -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Progress:
    """A summary of this kernel's answers: ``table`` has one row per exercise."""

    table: pd.DataFrame
    detail: pd.DataFrame

    def __repr__(self) -> str:
        if self.table.empty:
            return "No answers checked yet in this notebook."
        lines = ["Progress (this notebook session)", ""]
        lines.append(self.table.to_string(index=False))
        lines += ["", self.detail.to_string(index=False)]
        return "\n".join(lines)


def progress(exercise: str | None = None) -> Progress:
    """Questions answered and correct per exercise, for the exercises used in this kernel."""
    if exercise:
        names = [exercise]
    else:
        names = sorted({qid.split(".")[0] for qid in _STATE}, key=_exercise_order)
    rows, detail = [], []
    for name in names:
        qs = questions(name)
        recs = [_STATE.get(q.id) for q in qs]
        answered = sum(1 for r in recs if r and r.tries)
        correct = sum(1 for r in recs if r and r.correct)
        rows.append(
            {"exercise": name, "questions": len(qs), "answered": answered, "correct": correct}
        )
        for q, r in zip(qs, recs, strict=True):
            detail.append(
                {
                    "question": q.id,
                    "answered": "yes" if r and r.tries else "no",
                    "correct": "yes" if r and r.correct else "no",
                    "tries": r.tries if r else 0,
                }
            )
    return Progress(pd.DataFrame(rows), pd.DataFrame(detail))


def _exercise_order(name: str) -> tuple[int, str]:
    digits = re.sub(r"\D", "", name)
    return (int(digits) if digits else 99, name)


def reset_progress() -> None:
    """Forget every answer checked in this kernel (tests and a fresh start use it)."""
    _STATE.clear()


PROGRESS_FILE = "korea_kit_progress.json"


def _inside_repo(path: Path) -> bool:
    return path == REPO_ROOT or REPO_ROOT in path.parents


def default_progress_path() -> Path:
    """Where ``save_progress`` writes by default: the home folder, or the temp folder when the
    home folder is the kit's own folder (as on Binder, which clones the kit into home)."""
    home = Path.home().resolve() / PROGRESS_FILE
    return home if not _inside_repo(home) else Path(tempfile.gettempdir()) / PROGRESS_FILE


def save_progress(path: str | Path | None = None, student: str = "") -> Path | None:
    """Write the progress summary as JSON, only when the student asks (default: home folder).

    Refuses to write inside the kit's repository, so running the notebooks never changes it.
    """
    target = (Path(path).expanduser() if path else default_progress_path()).resolve()
    if _inside_repo(target):
        print(
            f"Not saved: {target.name} would be inside the kit's folder. Choose a path in "
            "your home folder, e.g. save_progress('~/my_progress.json')."
        )
        return None
    summary = progress()
    payload = {
        "student": student,
        "saved": dt.datetime.now().isoformat(timespec="seconds"),
        "exercises": summary.table.to_dict(orient="records"),
        "questions": summary.detail.to_dict(orient="records"),
    }
    target.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"Progress saved to {target}")
    if path is None and target.parent != Path.home().resolve():
        print(
            "(Your home folder is the kit's own folder here, so the file went to the temp "
            "folder. To hand in your progress, show your teacher the table from progress().)"
        )
    return target


# -- answer widget --------------------------------------------------------------------------------
class AnswerBox(StaticFallback, widgets.VBox):
    """The question, its choices (or a text box), a Check button and the feedback in words."""

    def __init__(self, q: Question):
        self.question = q
        self.title = f"Question {q.id}"
        self.prompt = widgets.HTML(f"<b>{escape(q.id)}</b> {escape(q.prompt)}")
        if q.kind == "choice":
            self.answer = widgets.RadioButtons(
                options=[
                    (f"({letter}) {c}", letter)
                    for letter, c in zip("abcdefghij", q.choices, strict=False)
                ],
                value=None,
                layout=widgets.Layout(width="auto"),
            )
        else:
            self.answer = widgets.Text(placeholder="type your answer here")
        self.check_button = widgets.Button(description="Check", button_style="primary")
        self.output = widgets.Output()
        self.feedback: Feedback | None = None
        self.check_button.on_click(lambda _button: self.submit())
        super().__init__([self.prompt, self.answer, self.check_button, self.output])

    def submit(self) -> Feedback:
        """Check the current answer and show the feedback below the button."""
        value = self.answer.value
        self.feedback = check(self.question.id, ... if value is None else value)
        self.output.outputs = ()
        self.output.append_stdout(self.feedback.message + "\n")
        return self.feedback

    def static_html(self) -> str:
        q = self.question
        parts = [f"<p><b>{escape(q.id)}</b> {escape(q.prompt)}</p>"]
        if q.choices:
            parts.append(
                '<ol type="a">' + "".join(f"<li>{escape(c)}</li>" for c in q.choices) + "</ol>"
            )
        parts.append(
            f"<p>To answer without the widget, run <code>check(&quot;{escape(q.id)}&quot;, "
            "&quot;your answer&quot;)</code>.</p>"
        )
        return "".join(parts)


def ask(qid: str) -> AnswerBox:
    """A small answer box for one question: choices (or a text box), a Check button, feedback."""
    return AnswerBox(question(qid))
