"""How firmly a claim is made: hedges, denials, and which earlier claim a denial answers.

``hedged`` is true when the content or cue holds a word from ``hedges.csv`` ("may",
"potential", "reportedly"), when the cue is a belief ("officials believe"), when the source
is anonymous (``anonymous_sources.csv``: "two officials") or when no source is named.
``denial`` is true for deny cues ("denied"), phrases from ``denials.csv`` ("not true",
"absurd"), content that opens with a negation ("insisted neither ..."), and negated
content from someone an earlier claim was about ("Starlink has said it does not ...").
``answers_claim_id`` points at the earlier claim a denial most likely rejects: one whose
source the denial names ("the claims in the WSJ report"), or whose content names the
denier, or that shares most content words.

Example:
    >>> rows = [{"claim_id": 0, "source_text": "The Post", "source_resolved": "The Post",
    ...          "cue_lemma": "report", "cue_kind": "assert", "source_start": 0,
    ...          "content": "that Acme paid bribes", "quote_type": "indirect"},
    ...         {"claim_id": 1, "source_text": "Acme", "source_resolved": "Acme",
    ...          "cue_lemma": "call", "cue_kind": "describe", "source_start": 40,
    ...          "content": "the Post report absurd", "quote_type": "indirect"}]
    >>> judge_firmness(rows, "")
    >>> rows[1]["denial"], rows[1]["answers_claim_id"], rows[1]["cue_kind"]
    (True, 0, 'deny')
"""

from __future__ import annotations

import functools
import re

from storyline.lexicons import read_lexicon

NEGATION_START = re.compile(r"(?i)^(?:that\s+)?(?:neither|never|nobody|nothing|none|no|not)\b")
NEGATED = re.compile(r"(?i)\b(?:not|never|n[’']t|no longer)\b")
STOPWORDS = frozenset(re.findall(r"\S+",
    "the a an and or but of to in on at for with by from as that this these those it its is are"
    " was were be been has have had will would could should may might not no he she they them"
    " his her their who which what when where there than then also said says claims report"
    " reports"))


@functools.cache
def _pattern(lexicon: str, column: str) -> re.Pattern:
    """Any entry of the lexicon as a whole word, in any case. The look-ahead for the entries'
    first letters spares trying every entry at every word."""
    words = [w for w in sorted(read_lexicon(lexicon)[column].str.strip(), key=len, reverse=True)
             if w]
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(rf"(?<![\w-])(?=[{first}])(" + "|".join(re.escape(w) for w in words) +
                      r")(?![\w-])", re.IGNORECASE)


#: The characters other than ASCII letters that ``re.IGNORECASE`` takes for an ASCII letter
#: (dotted I, dotless i, long s, Kelvin sign; a test checks every character).
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"


@functools.cache
def _entries(lexicon: str, column: str) -> tuple[str, ...] | None:
    """The lexicon's entries lower-cased, or None if one is not ASCII (see :func:`_may_match`)."""
    words = tuple(w.lower() for w in read_lexicon(lexicon)[column].str.strip() if w)
    return words if all(w.isascii() for w in words) else None


def _may_match(lexicon: str, column: str, text: str, *,
               among: tuple[str, ...] | None = None) -> bool:
    """False when :func:`_pattern` cannot match ``text``: no entry is in it, in any case.
    ``among``, when given, holds the only entries that may be in it (:func:`_entries_in`).

    Most claims hold no hedge and no denial, and a few substring tests are quicker than the
    pattern. For ASCII entries the tests are exact unless ``text`` holds one of
    :data:`ASCII_LOOKALIKES`, which is then left to the pattern.
    """
    entries = _entries(lexicon, column)
    if entries is None or any(map(text.__contains__, ASCII_LOOKALIKES)):
        return True
    lowered = text.lower()  # map below: no generator frame per entry
    return any(map(lowered.__contains__, entries if among is None else among))


def _entries_in(lexicon: str, column: str, texts: list[str]) -> tuple[str, ...] | None:
    """The entries of :func:`_entries` found in any of ``texts`` (one article's claims), so
    that each text is tested for these few only: an ASCII entry that a text holds in lower
    case is in the lower case of all the texts joined. None when :func:`_entries` is."""
    entries = _entries(lexicon, column)
    if entries is None:
        return None
    joined = "\n".join(texts).lower()
    return tuple(entry for entry in entries if entry in joined)


@functools.cache
def _anonymous() -> frozenset[str]:
    return frozenset(read_lexicon("anonymous_sources")["word"].str.lower())


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z][a-z’'-]{2,}", text.lower())
                     if w not in STOPWORDS)


def hedges_of(row: dict, *, among: tuple[str, ...] | None = None) -> list[str]:
    """The hedges of one claim row, in a stable order (``among``: see :func:`_may_match`)."""
    found = []
    if _may_match("hedges", "word", row["content"], among=among):
        for match in _pattern("hedges", "word").finditer(row["content"]):
            word = match.group()
            if word.islower() and word not in found:
                found.append(word)
    if row["cue_kind"] == "believe" and row["cue_lemma"] not in found:
        found.insert(0, row["cue_lemma"])
    source = row["source_text"].lower().split()
    if source and source[-1] in _anonymous() and not any(
            w[:1].isupper() and w.lower() not in _anonymous()
            for w in row["source_text"].split()[1:] if len(w) > 1 and not w.endswith(".")):
        found.append("anonymous source")
    if not row["source_text"] and row["quote_type"] == "unattributed":
        found.append(row["cue_lemma"])
    return list(dict.fromkeys(found))


def judge_firmness(rows: list[dict], text: str) -> None:
    """Fill ``hedged``, ``hedges``, ``denial``, ``answers_claim_id`` (and turn ``cue_kind``
    to deny for a rejection) in claim ``rows``, in article order."""
    contents = [row["content"] for row in rows]
    hedge_words = _entries_in("hedges", "word", contents)
    denial_phrases = _entries_in("denials", "phrase", contents)
    heads = [_head(row["source_resolved"] or row["source_text"]) for row in rows]
    naming: dict[str, tuple[int, list[int]]] = {}  # see _named_in
    for index, row in enumerate(rows):
        hedges = hedges_of(row, among=hedge_words)
        row["hedged"], row["hedges"] = bool(hedges), "|".join(hedges)
        content = row["content"]
        rejects = (row["cue_kind"] == "deny" or
                   (_may_match("denials", "phrase", content, among=denial_phrases) and
                    bool(_pattern("denials", "phrase").search(content))) or
                   bool(NEGATION_START.match(content)))
        negated = not rejects and bool(NEGATED.search(" ".join(content.split()[:8])))
        # only a denial needs the earlier claims about this source: look them up for those
        about_me = _named_in(index, rows, heads, naming) if rejects or negated else []
        denial = rejects or (negated and bool(about_me))
        row["denial"] = denial
        if denial:
            if row["cue_kind"] in ("assert", "accuse", "describe"):
                row["cue_kind"] = "deny"
            answered = _answered(index, rows, heads, about_me)
            row["answers_claim_id"] = answered if answered is not None else row.get(
                "answers_claim_id")


def _has_word(text: str, word: str) -> bool:
    """``word`` occurs in ``text`` between word boundaries, as ``\\bword\\b`` finds it
    (without compiling a pattern for every name an article holds)."""
    at = text.find(word)
    while at >= 0:
        if _boundary(text, at) and _boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """A regular expression's ``\\b`` at ``i``: a word character on one side only."""
    return (i > 0 and _is_word(text[i - 1])) != (i < len(text) and _is_word(text[i]))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@functools.lru_cache(maxsize=4096)
def _head(name: str) -> str:
    words = [w for w in re.findall(r"[\w’'.-]+", name) if w[:1].isupper()]
    return words[-1] if words else ""


def _named_in(index: int, rows: list[dict], heads: list[str],
              naming: dict[str, tuple[int, list[int]]]) -> list[int]:
    """Claims before ``rows[index]``, by other sources, whose content names its source
    (``heads``: the :func:`_head` of each row's source).

    ``naming`` remembers, per head word, how many rows were checked and which of them name
    it, so a source that speaks ten times is looked for once in each content."""
    head = heads[index]
    if not head:
        return []
    checked, found = naming.get(head, (0, []))
    found = found + [i for i in range(checked, index) if _has_word(rows[i]["content"], head)]
    naming[head] = (index, found)
    return [rows[i]["claim_id"] for i in found if heads[i] != head]


def _answered(index: int, rows: list[dict], heads: list[str], about_me: list[int]) -> int | None:
    """The claim before ``rows[index]`` that this denial most likely rejects (``heads``: as
    for :func:`_named_in`)."""
    row = rows[index]
    words = _words(row["content"])
    best, best_score = None, 0.0
    for other, head in zip(rows[:index], heads):
        if other.get("denial") or other["source_text"] == row["source_text"]:
            continue
        score = len(words & _words(other["content"])) * 0.5
        if head and _has_word(row["content"], head):
            score += 3
        if other["claim_id"] in about_me:
            score += 2
        if score >= 1 and score >= best_score:
            best, best_score = other["claim_id"], score
    return best
