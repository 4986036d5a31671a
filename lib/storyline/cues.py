"""Reporting words ("said", "told", "according to", "Putin's claims that") found by lexicon.

The lexicon ``data/lexicons/reporting_verbs.csv`` lists base forms (lemmas). Inflected forms
are mapped back with a few spelling rules (says, said, saying -> say; slammed -> slam;
denied -> deny) and a short table of irregular verbs, so users add one row per word.

Example:
    >>> lemma("said"), lemma("told"), lemma("slammed"), lemma("denies"), lemma("vowing")
    ('say', 'tell', 'slam', 'deny', 'vow')
    >>> [(c.lemma, c.kind) for c in find_cues(["Peskov", "has", "denied", "it"])]
    [('deny', 'deny')]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from storyline.lexicons import read_lexicon

#: Irregular past forms of verbs that report speech or thought.
IRREGULAR = {
    "said": "say", "told": "tell", "thought": "think", "wrote": "write", "written": "write",
    "found": "find", "knew": "know", "known": "know", "felt": "feel", "saw": "see",
    "seen": "see", "spoke": "speak", "spoken": "speak", "swore": "swear", "sworn": "swear",
    "shown": "show", "understood": "understand", "held": "hold", "put": "put", "taught": "teach",
    "foresaw": "foresee", "forecast": "forecast", "withdrew": "withdraw", "made": "make",
    "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "am": "be",
}
#: Words after which a reporting word is a noun ("the claims", "Putin's claims").
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this",
               "these", "those", "such", "any", "some", "recent", "new", "earlier", "'s", "’s"}
POSSESSIVES = {"'s", "’s", "his", "her", "its", "their", "our", "my", "your"}
BE = {"is", "are", "was", "were", "been", "be", "being"}
AUXILIARIES = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "did",
               "does", "do", "been", "be", "having", "'s", "’s", "'ve", "’ve", "'d", "’d"}


@dataclass(frozen=True)
class Cue:
    """A reporting word or phrase at tokens ``first`` (inclusive) to ``last`` (exclusive)."""

    first: int
    last: int
    lemma: str
    kind: str
    pos: str
    needs: str
    takes_recipient: bool


@functools.cache
def _lexicon() -> dict[tuple[str, str], dict[tuple[str, ...], tuple]]:
    """(pos group, first lemma) -> {words after the first: (lemma, kind, pos, needs,
    recipient)}."""
    table: dict[tuple[str, str], dict[tuple[str, ...], tuple]] = {}
    for row in read_lexicon("reporting_verbs").itertuples():
        words = row.lemma.lower().split()
        group = "noun" if row.pos == "noun" else "verb"
        entry = (row.lemma.lower(), row.kind, row.pos, row.needs, row.recipient == "yes")
        table.setdefault((group, words[0]), {})[tuple(words[1:])] = entry
    return table


def _known(word: str, group: str) -> bool:
    return (group, word) in _lexicon()


@functools.lru_cache(maxsize=65536)
def lemma(word: str, *, group: str = "verb") -> str:
    """The lexicon's base form of ``word`` (lower-cased), or ``word`` lower-cased if unknown.

    Tries the irregular table, then strips -s/-es/-ies/-ed/-ied/-ing (undoing a doubled final
    consonant or a dropped "e") and keeps the first candidate the lexicon lists.
    """
    word = word.lower()
    if word in IRREGULAR and group == "verb":
        return IRREGULAR[word]
    candidates = [word]
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s"):
        candidates.append(word[:-1])
    if group == "verb":
        if word.endswith("ied"):
            candidates.append(word[:-3] + "y")
        for suffix in ("ed", "ing"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                candidates += [stem, stem + "e"]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    candidates.append(stem[:-1])
    for candidate in candidates:
        if _known(candidate, group):
            return candidate
    return word


def find_cues(words: Sequence[str], tags: Sequence[str] = (), *,
              lowered: Sequence[str] | None = None) -> list[Cue]:
    """Reporting verbs, phrases and nouns among a sentence's ``words`` (token strings);
    ``lowered``, the words in lower case, when the caller has them already.

    A verb's preceding auxiliaries ("has said", "were demanding") belong to the cue. With
    part-of-speech ``tags`` a word tagged as a verb is read as one even after a determiner
    ("Some believe ..."); the tagger's nouns are not trusted ("the Times reports" is often
    tagged as a plural noun).
    """
    lowered = list(map(str.lower, words)) if lowered is None else lowered
    forms = _forms()
    cues: list[Cue] = []
    done = 0  # words before this index belong to a cue already found
    for i in [i for i, low in enumerate(lowered) if low in forms]:
        low, form = lowered[i], forms[lowered[i]]
        if i < done or form.followers is not None and (
                i + 1 >= len(lowered) or lowered[i + 1] not in form.followers):
            continue
        after_verb_cue = bool(cues) and cues[-1].last == i and cues[-1].pos == "verb"
        verb_tagged = i < len(tags) and tags[i].startswith("VB") and lowered[i - 1] not in (
            POSSESSIVES)
        nominal = i > 0 and not verb_tagged and (
            lowered[i - 1] in DETERMINERS or after_verb_cue or (
            # "the WSJ report": a known noun in its singular form after a name
            i > 1 and lowered[i - 2] in ("the", "a", "an") and words[i - 1][:1].isupper()
            and form.noun_lemma == low and _known(low, "noun")))
        found = _match(lowered, i, form.noun_phrases) if nominal else (
            (None if _noun_use(tags, i) and not (form.verb_lemma != low and _title_case(words))
             and not (i == 0 and low in ("said", "says"))
             else _match(lowered, i, form.verb_phrases)) or _match(lowered, i, form.noun_phrases))
        if found is None or found[1][2] == "verb" and (
                _noun_form(lowered, i, found[0]) or _naming(lowered, tags, i)):
            continue
        last, entry = found
        first = i
        done = last
        if entry[2] == "verb":
            while first > 0 and lowered[first - 1] in AUXILIARIES:
                first -= 1
            if _passive(lowered, first, i, last):
                continue
        cues.append(Cue(first, last, entry[0], entry[1], entry[2], entry[3], entry[4]))
    return cues


#: Verb forms that are far more often nouns ("state and local leaders", "swing states"):
#: cues only when "that", a colon or a quotation follows ("The report states that ...").
NOUN_FORMS = {"state", "states"}
#: Participles that name something ("a group called Stop Hillary") rather than report.
NAMING = {"called", "named", "dubbed", "titled", "labeled", "labelled", "nicknamed"}


def _noun_form(lowered: Sequence[str], i: int, last: int) -> bool:
    """Word ``i`` is one of :data:`NOUN_FORMS` with nothing reported after it."""
    return lowered[i] in NOUN_FORMS and last == i + 1 and (
        last >= len(lowered) or lowered[last] not in ("that", ":", '"', "“", "‘", "'"))


def _naming(lowered: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """"a group called Stop Hillary", "The program, called Safe Streets, ends": a
    participle right after a noun, or in commas after one, names a thing; nobody is
    reported."""
    if lowered[i] not in NAMING or not 1 < i < len(tags) or (
            i + 1 < len(lowered) and lowered[i + 1] in ("for", "on", "out")):
        return False
    if lowered[i - 1] == ",":
        return tags[i - 2] == "NN" and "," in lowered[i + 1:i + 8]
    return lowered[i - 1] == "so" or tags[i] == "VBN" and tags[i - 1] == "NN"


def _title_case(words: Sequence[str]) -> bool:
    """A headline in title case ("Clean Energy Could Grow, Senator Says"), where the tagger
    reads every capitalised verb as a name."""
    letters = [w for w in words if w[:1].isalpha() and len(w) > 3]
    return len(letters) >= 3 and sum(w[0].isupper() for w in letters) >= 0.8 * len(letters)


#: Tags before a word that make it a noun or adjective, not a verb ("the states", "his plan").
NOUN_CONTEXT = {"DT", "JJ", "JJR", "JJS", "PRP$", "POS", "IN", "CD"}
NOUN_CONTEXT_OR_NOUN = NOUN_CONTEXT | {"NN", "NNS"}


def _noun_use(tags: Sequence[str], i: int) -> bool:
    """The tagger says word ``i`` is a name ("United States") or a noun after a determiner
    ("a question") or a noun ("swing states"); other noun tags are not trusted ("the Times
    reports" is tagged NNS)."""
    if i >= len(tags):
        return False
    tag = tags[i]
    if tag[:2] == "NN" and i + 1 < len(tags) and tags[i + 1] in ("VBD", "VBZ", "VBP", "MD"):
        return True  # the subject of the next verb: "swing states backed"
    return tag in ("NNP", "NNPS") or (tag[:2] in ("NN", "JJ") and i > 0 and
                                       tags[i - 1] in NOUN_CONTEXT_OR_NOUN)


@functools.cache
def _heads() -> frozenset[str]:
    """Lower-cased words that can start a cue (every inflection the lemma rules undo)."""
    forms = set()
    heads = {head for _, head in _lexicon()}
    for head in heads:
        for suffix in ("", "s", "es", "d", "ed", "ing", "ies", "ied"):
            forms.add(head + suffix)
        if head.endswith("y"):
            forms.update({head[:-1] + "ies", head[:-1] + "ied"})
        if head.endswith("e"):
            forms.update({head[:-1] + "ing", head + "d"})
        forms.update({head + head[-1] + "ed", head + head[-1] + "ing"})
    forms.update(word for word, base in IRREGULAR.items() if ("verb", base) in _lexicon())
    return frozenset(w for w in forms if lemma(w) in heads or lemma(w, group="noun") in heads)


class _Form(NamedTuple):
    """What the lexicon says about one word that can start a cue (see :func:`_forms`)."""

    followers: frozenset[str] | None  # the words one of its phrases needs next, or None
    verb_lemma: str
    noun_lemma: str
    verb_phrases: tuple[tuple[tuple[str, ...], tuple], ...]  # (words after it, entry)
    noun_phrases: tuple[tuple[tuple[str, ...], tuple], ...]


@functools.cache
def _forms() -> dict[str, _Form]:
    """Each word of :func:`_heads` -> its lemmas and the lexicon's phrases that start with
    it, longest first, worked out once rather than at every occurrence in a text.

    ``followers`` is None when the word can be a cue alone, else the words one of its
    phrases needs next ("is" is a cue only in "is adamant", "is sure" ...)."""
    forms = {}
    for form in _heads():
        verb_lemma, noun_lemma = lemma(form), lemma(form, group="noun")
        verb_phrases = _longest_first(_lexicon().get(("verb", verb_lemma), {}))
        noun_phrases = _longest_first(_lexicon().get(("noun", noun_lemma), {}))
        tails = [tail for tail, _ in verb_phrases + noun_phrases]
        followers = None if not all(tails) else frozenset(tail[0] for tail in tails)
        forms[form] = _Form(followers, verb_lemma, noun_lemma, verb_phrases, noun_phrases)
    return forms


def _longest_first(phrases: dict[tuple[str, ...], tuple]) -> tuple[tuple[tuple[str, ...],
                                                                          tuple], ...]:
    return tuple(sorted(phrases.items(), key=lambda item: -len(item[0])))


def _passive(lowered: Sequence[str], first: int, head: int, last: int) -> bool:
    """"were reported to", "is expected to": a passive reporting verb names no source here
    (the unattributed rules take it), unless "by" follows."""
    passive = not BE.isdisjoint(lowered[first:head]) and not lowered[head].endswith("ing")
    return passive and (last >= len(lowered) or lowered[last] != "by")


def _match(lowered: Sequence[str], i: int,
           phrases: tuple[tuple[tuple[str, ...], tuple], ...]) -> tuple[int, tuple] | None:
    """The longest of ``phrases`` (longest first, as :func:`_forms` keeps them) whose words
    follow word ``i``: the index after its last word, and its lexicon entry."""
    for tail, entry in phrases:
        if tuple(lowered[i + 1:i + 1 + len(tail)]) == tail:
            return i + 1 + len(tail), entry
    return None
