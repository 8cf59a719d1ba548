"""Knowledge from ``kit/data`` turned into fast lookups, built once per process.

Countries, organizations, office-holders and "not an actor" phrases become one
gazetteer: a dict from surface form to what it names, plus a single trie-shaped
regex that finds the longest known form at each place in a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..data_files import read_csv, read_lines

SP = "[ \u00a0]"  # a space inside a name: plain or non-breaking


@dataclass(frozen=True)
class Entry:
    """What a surface form names: kind is country/organization/person/block."""

    kind: str
    canonical: str
    form: str  # name | capital | adjective | alias | block


@dataclass(frozen=True)
class Officeholder:
    name: str
    country: str
    office: str
    first: int
    last: int
    gender: str = ""  # "m", "f" or "" (unknown)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def name_key(name: str) -> str:
    """Identity key of a person's name: case, hyphens, dots and spacing ignored."""
    return " ".join(re.sub(r"[-.\u2010\u2011]", " ", name).lower().split())


@cache
def east_asian_surnames() -> frozenset[str]:
    return frozenset(read_lines("east_asian_surnames.txt"))


@cache
def not_names() -> frozenset[str]:
    return frozenset(read_lines("not_names.txt"))


def korean_variants(name: str) -> list[str]:
    """'Kim Jong Un' -> also 'Kim Jong-un', 'Kim Jong-Un' (and the reverse)."""
    parts = name.replace("-", " ").split()
    if len(parts) != 3 or parts[0] not in east_asian_surnames():
        return [name]
    sur, g1, g2 = parts
    forms = {
        f"{sur} {g1.capitalize()} {g2.capitalize()}",
        f"{sur} {g1.capitalize()}-{g2.lower()}",
        f"{sur} {g1.capitalize()}-{g2.capitalize()}",
        name,
    }
    return sorted(forms)


@cache
def officeholders() -> tuple[Officeholder, ...]:
    out = []
    for row in read_csv("officeholders.csv"):
        years = row.get("years", "")
        m = re.match(r"(\d{4})\s*-\s*(\d{4})", years)
        first, last = (int(m.group(1)), int(m.group(2))) if m else (0, 9999)
        gender = (row.get("gender") or "").strip().lower()
        out.append(Officeholder(row["name"], row["country"], row["office"], first, last, gender))
    return tuple(out)


@cache
def officeholder_index() -> tuple[dict[str, Officeholder], dict[str, list[Officeholder]]]:
    """(full-name key -> office-holder, bare surname -> office-holders using it)."""
    by_key: dict[str, Officeholder] = {}
    by_surname: dict[str, list[Officeholder]] = {}
    holders = {h.name: h for h in officeholders()}
    for row in read_csv("officeholders.csv"):
        h = holders[row["name"]]
        for form in [row["name"], *_split(row["aliases"])]:
            bare = re.sub(r"^(?:Mr|Mrs|Ms|Dr|President)\.?\s+", "", form)
            if " " in bare:
                for variant in korean_variants(bare):
                    by_key.setdefault(name_key(variant), h)
            elif h not in by_surname.setdefault(bare, []):  # "President Bush" and "Bush": once
                by_surname[bare].append(h)
    return by_key, by_surname


@cache
def given_name_genders() -> dict[str, str]:
    """Given name -> "m"/"f" (given_names.csv): a clue for "he"/"she" when nothing else tells."""
    return {r["name"].strip(): r["gender"].strip().lower() for r in read_csv("given_names.csv")}


@cache
def countries() -> dict[str, dict[str, str]]:
    return {row["canonical"]: row for row in read_csv("countries.csv")}


@cache
def organizations() -> dict[str, dict[str, str]]:
    return {row["canonical"]: row for row in read_csv("organizations.csv")}


def _adjective_forms(adj: str) -> list[str]:
    if re.search(r"(?:s|sh|ch|ese|x|z)$", adj):
        return [adj]
    return [adj, adj + "s"]


@cache
def gazetteer() -> dict[str, Entry]:
    """Every known surface form -> Entry (longer, more specific lists win on clashes)."""
    table: dict[str, Entry] = {}
    for row in countries().values():
        canon = row["canonical"]
        for form in [canon, *_split(row["aliases"])]:
            table[form] = Entry("country", canon, "name")
        for cap in _split(row["capital"]):
            table.setdefault(cap, Entry("country", canon, "capital"))
        for adj in _split(row["adjectives"]):
            for form in _adjective_forms(adj):
                table.setdefault(form, Entry("country", canon, "adjective"))
    for row in organizations().values():
        canon = row["canonical"]
        for form in [canon, *_split(row["aliases"])]:
            table[form] = Entry("organization", canon, "name")
            if form.startswith("The ") and " " in form[4:]:
                # "New York Times" for "The New York Times"; but "Hill" alone is not "The Hill"
                table[form[4:]] = Entry("organization", canon, "name")
    by_key, _ = officeholder_index()
    for row in read_csv("officeholders.csv"):
        for form in [row["name"], *_split(row["aliases"])]:
            if " " in form and not form.startswith(("Mr", "Mrs", "Ms", "President")):
                for variant in korean_variants(form):
                    table[variant] = Entry("person", by_key[name_key(variant)].name, "name")
    for phrase in read_lines("not_actors.txt"):
        table[phrase] = Entry("block", "", "block")
    return table


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first, without a huge flat alternation."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@cache
def gazetteer_regex() -> re.Pattern[str]:
    forms = [f.replace(" ", "\0") for f in gazetteer()]
    pattern = trie_regex(forms).replace("\\\x00", SP).replace("\x00", SP)
    # no look-behind here (it slows the scan down); callers check the character before a match
    return re.compile(rf"(?:{pattern})(?![\w]|[’']\w\w)")


def gazetteer_lookup(surface: str) -> Entry | None:
    return gazetteer().get(surface.replace("\u00a0", " "))


@cache
def person_titles() -> tuple[str, ...]:
    return tuple(sorted(read_lines("person_titles.txt"), key=len, reverse=True))


@cache
def title_before_regex() -> re.Pattern[str]:
    """A title (with an optional country word before it) ending right before a name."""
    titles = trie_regex([t.replace(" ", "\0") for t in person_titles()])
    titles = titles.replace("\\\x00", SP).replace("\x00", SP)
    return re.compile(rf"(?<![\w])(?P<title>{titles}){SP}+$")


@cache
def title_prefix_regex() -> re.Pattern[str]:
    """A title at the start of a capitalized run ("Cabinet Secretary Hiroyuki Hosoda")."""
    titles = trie_regex([t.replace(" ", "\0") for t in person_titles()])
    titles = titles.replace("\\\x00", SP).replace("\x00", SP)
    return re.compile(rf"(?P<title>{titles}){SP}+(?=[A-Z])")


@cache
def reporting_cues() -> dict[str, str]:
    """cue (lower case) -> speech | cognition."""
    out = {}
    for line in read_lines("reporting_verbs.txt"):
        cue, _, kind = line.partition("|")
        out[cue.strip().lower()] = kind.strip() or "speech"
    return out


#: Present-tense cues that, capitalized, are more often nouns ("United States", "Reports").
_NOT_TITLE_CASE_CUES = frozenset(
    "states reports notes calls comments remarks hopes fears concerns warnings claims".split()
)


def title_case_cues() -> list[str]:
    """One-word present-tense cues that a Title Case headline capitalizes ("Says", "Urges")."""
    return [
        c
        for c in reporting_cues()
        if " " not in c and c.endswith("s") and c not in _NOT_TITLE_CASE_CUES
    ]


@cache
def cue_regex() -> re.Pattern[str]:
    cues = list(reporting_cues())
    cues += [c[0].upper() + c[1:] for c in cues if c.startswith("according")]
    # Title Case headlines: "North Korea Says It Has Nuclear Weapons", "Kerry Urges China ..."
    cues += [c[0].upper() + c[1:] for c in title_case_cues()]
    # "call off the drills", "called back its envoy": a phrasal verb, not speech
    phrasal = [c for c in cues if c in _PHRASAL_HEADS]
    alt = trie_regex([c.replace(" ", "\0") for c in cues if c not in _PHRASAL_HEADS])
    alt = alt.replace("\x00", SP + "+")
    if phrasal:
        alt += rf"|(?:{'|'.join(phrasal)})(?!{SP}+(?:off|back)\b)"
    # otherwise case-sensitive: "State Department" and "Reports" in a headline are not cues
    return re.compile(rf"(?<![\w\-])(?:{alt})(?![\w\-])")


#: cue words that a particle turns into another verb ("call off", "called back")
_PHRASAL_HEADS = frozenset(("call", "calls", "called", "calling"))


@cache
def source_nouns() -> frozenset[str]:
    return frozenset(read_lines("source_nouns.txt"))
