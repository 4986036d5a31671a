"""Claims: who claimed what, with which words, how firmly. One row per attribution.

Rules over words and lexicons, no parser: a reporting cue (``reporting_verbs.csv``) is found
first; the words around it decide the pattern, and the pattern says where the source and the
content are:

* source, cue, content: "Officials said (that) ...", "Two officials told the WSJ that ...",
  "Dmitry Peskov, spokesperson for the Kremlin, insisted ..." (an appositive stays in the
  source), "officials, who say that ..." (source "who");
* content, source, cue: "..., the WSJ reports." and the inverted "..., said Peskov.";
  a quotation split around the cue ("'A,' he said. 'B.'") is one claim;
* "according to X" at either end of the sentence; "X said:" with the quotation after it,
  even paragraphs later; "'...' ― Name" under a quotation;
* nominal cues ("Putin's claims that ...", "allegations by X that ...");
* unattributed claims with no source: "were reported to", "it is understood that",
  "reportedly", "allegedly", "the plan seems to work" (``unattributed_cues.csv``).

Each row says how firmly: ``hedged``/``hedges`` (``hedges.csv``, belief cues, anonymous
sources from ``anonymous_sources.csv``, unattributed claims) and ``denial`` (deny cues,
phrases from ``denials.csv``, negated content by someone an earlier claim was about);
``answers_claim_id`` links a denial to the earlier claim it rejects.

Absent spans (no source, no recipient) have ``-1`` offsets and an empty string, so
``text[start:end] == string`` holds only when ``start >= 0``; see :data:`CLAIM_COLUMNS`.

Example:
    >>> table = claims("Rivers are rising, officials said. Mayor Jo Ames denied it was unsafe.")
    >>> table[["source_text", "cue", "content", "denial"]]
         source_text     cue            content  denial
    0      officials    said  Rivers are rising   False
    1  Mayor Jo Ames  denied      it was unsafe    True
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from storyline.articles import Article
from storyline.attribution import (
    ADJUNCT_START,
    CLOSERS,
    FINITE_TAGS,
    Sentence,
    as_clause,
    clause_end,
    content_after,
    content_before,
    dash_source,
    has_right_content,
    inverted_source,
    middle_content_end,
    recipient_after,
    scene_only,
    shared_subject,
    source_after_phrase,
    source_before,
    strip_final,
)
from storyline.cues import AUXILIARIES, Cue, find_cues
from storyline.firmness import judge_firmness
from storyline.lexicons import read_lexicon
from storyline.quotes import Quote, overlapping, quote_spans
from storyline.resolve import resolve_sources
from storyline.tables import make_table
from storyline.text import as_article, parse

CLAIM_COLUMNS = {
    "claim_id": "int64",
    "sentence_id": "int64",
    "source_text": "string",
    "source_start": "int64",
    "source_end": "int64",
    "source_resolved": "string",
    "cue": "string",
    "cue_start": "int64",
    "cue_end": "int64",
    "cue_lemma": "string",
    "cue_kind": "string",
    "content": "string",
    "content_start": "int64",
    "content_end": "int64",
    "quote_type": "string",
    "hedged": "bool",
    "hedges": "string",
    "denial": "bool",
    "recipient": "string",
    "recipient_start": "int64",
    "recipient_end": "int64",
    "parent_claim_id": "Int64",
    "answers_claim_id": "Int64",
    "unbalanced_quote": "bool",
    "pattern": "string",
    "confidence": "float64",
    "source_id": "Int64",
}
"""Columns of :func:`claims`. Offsets are half-open into ``article.text``; a missing source
or recipient has start and end ``-1`` and an empty string. ``quote_type`` is direct (all in
quotation marks), mixed (partly quoted), indirect or unattributed (no source: "reportedly").
``source_resolved`` names who a pronoun or surname stands for ("he" -> "Dmitry Peskov").
``cue_kind`` is the lexicon kind (assert, believe, deny, accuse, warn, demand, promise,
cite, ...), turned to deny when the content rejects something ("slammed ... as false").
``hedges`` lists the hedging words found, ``|``-separated. ``parent_claim_id`` is the claim
whose content holds this one (nested attribution); ``answers_claim_id`` the earlier claim a
denial rejects; both are ``<NA>`` when absent. ``unbalanced_quote`` flags content touching a
quotation that never closes. ``pattern`` names the rule that found the row and
``confidence`` (0-1) is that rule's rough reliability. ``source_id`` is the claim's row in
:func:`storyline.sources` (``<NA>`` when no source is named)."""

#: Kinds of cue whose content, unless a that-clause, is an object that ends with its clause
#: ("criticized the plan as a "crazy system" during a stop in Flint").
OBJECT_KINDS = {"accuse", "demand", "describe", "support", "oppose", "promise", "deny"}

CONFIDENCE = {"source-cue-content": 0.85, "content-source-cue": 0.8, "inverted": 0.85,
              "according-to": 0.85, "as-clause": 0.75, "colon": 0.7, "dash": 0.6, "nominal": 0.6,
              "passive": 0.6, "impersonal": 0.6, "adverb": 0.5, "seeming": 0.4}


@dataclass
class _Claim:
    sentence_id: int
    cue: tuple[int, int]
    lemma: str
    kind: str
    content: tuple[int, int]
    pattern: str
    source: tuple[int, int] = (-1, -1)
    recipient: tuple[int, int] = (-1, -1)
    extra: dict = field(default_factory=dict)


@functools.cache
def _unattributed() -> dict[str, frozenset[str]]:
    table = read_lexicon("unattributed_cues")
    forms = {form: frozenset(table.loc[table.form == form, "word"].str.lower())
             for form in ("passive", "impersonal", "adverb", "seeming")}
    return {**forms, "any": frozenset().union(*forms.values())}


def _sentence_claims(sentence: Sentence, cues: list[Cue], quotes: list[Quote]) -> list[_Claim]:
    """Claims whose cue lies in one sentence (``cues``, as :func:`find_cues` finds them), by
    the first pattern that fits each cue."""
    found: list[_Claim] = []
    taken = -1  # tokens before this index already belong to a claim's source or cue
    for cue in cues:
        if cue.first < taken or sentence.in_quote(cue.first):
            continue
        claim = _verb_claim(sentence, cue, quotes) if cue.pos == "verb" else (
            _phrase_claim(sentence, cue) if cue.pos == "phrase" else _nominal_claim(sentence, cue))
        if claim is not None:
            found.append(claim)
            taken = cue.last
    _trim_contents(sentence, found)
    found += _unattributed_claims(sentence, quotes, found)
    return found


def _trim_contents(sentence: Sentence, found: list[_Claim]) -> None:
    """Content after a cue ends where the sentence attributes again: "..., according to the
    Post" or "..., and Musk has branded ..." starts another claim, not more content."""
    text = sentence.text
    for claim in found:
        if claim.pattern != "source-cue-content":
            continue
        for other in found:
            shared = 0 <= other.source[0] < claim.content[0]  # "X said ... and warned ..."
            left = other.cue[0] if shared or other.source[0] < 0 else min(other.cue[0],
                                                                          other.source[0])
            if not claim.content[0] < left < claim.content[1] or other.cue[0] <= claim.cue[0]:
                continue
            between = text[claim.content[0]:left]
            trailing = other.pattern in ("according-to", "content-source-cue", "inverted")
            joined = re.search(r"(?:,\s*(?:and|but)|;)\s*$", between) or (
                shared and re.search(r"(?:\s(?:and|but)(?:\s+\w+ly)?|,)\s*$", between))
            if trailing or joined:
                end = claim.content[0] + (joined.start() if joined else len(between))
                claim.content = strip_final(text, (claim.content[0], end))


def _verb_claim(sentence: Sentence, cue: Cue, quotes: list[Quote]) -> _Claim | None:
    cue_span = sentence.span(cue.first, cue.last)
    recipient, after = recipient_after(sentence, cue.last) if cue.takes_recipient else (
        (-1, -1), cue.last)
    if cue.needs in ("to", "object"):  # "declined to comment", "endorsed Cruz": after only
        source = source_before(sentence, cue.first) or shared_subject(sentence, cue.first)
        if source is None or not has_right_content(sentence, after, needs=cue.needs):
            return None
        return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind,
                      content_after(sentence, after, quotes, needs=cue.needs),
                      "source-cue-content", sentence.span(*source), sentence.span(*recipient))
    before = source_before(sentence, cue.first)
    opening = before is not None and _opens_clause(sentence, before[0]) and \
        sentence.words[cue.first - 1] == "," and has_right_content(sentence, after,
                                                                 needs=cue.needs)
    inverted = None if opening or cue.takes_recipient and not _after_quotation(
        sentence, cue.first) else inverted_source(sentence, cue.first, cue.last)
    if inverted is not None:
        content = content_before(sentence, cue.first, quotes)
        if content is not None:
            return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind, content,
                          "inverted", sentence.span(*inverted), sentence.span(*recipient))
    trailing = source_before(sentence, cue.first, trailing=True)
    if trailing is not None and sentence.words[trailing[0] - 1] in CLOSERS and \
            not scene_only(sentence, trailing[0]):
        content = content_before(sentence, trailing[0], quotes)
        if content is not None:  # '"...," Obama said on Saturday at a dinner in Washington.'
            return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind, content,
                          "content-source-cue", sentence.span(*trailing),
                          sentence.span(*recipient))
    aside = before
    content = as_clause(sentence, aside, after) if aside else None
    if content is not None:
        return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind, content,
                      "as-clause", sentence.span(*aside), sentence.span(*recipient))
    if has_right_content(sentence, after, needs=cue.needs):
        participle = sentence.tag(cue.first) == "VBG" and sentence.words[cue.first - 1] == ","
        source = (shared_subject(sentence, cue.first) or aside) if participle else (
            aside or shared_subject(sentence, cue.first))
        if source is not None:
            content = content_after(sentence, after, quotes, needs=cue.needs or (
                "object" if cue.kind in OBJECT_KINDS else ""))
            return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind, content,
                          "source-cue-content", sentence.span(*source),
                          sentence.span(*recipient))
    if cue.first == 0:  # 'Said Ellis: "I don't get the sense ..."'
        name = inverted_source(sentence, cue.first, cue.last, opening=True)
        if name is not None and name[1] < len(sentence.words) and \
                sentence.words[name[1]] == ":":
            return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind,
                          content_after(sentence, name[1], quotes), "inverted",
                          sentence.span(*name))
    previous = _quote_just_before(sentence, quotes)
    if previous is not None:  # '"Why now?" | Clinton said.' split after the question mark
        name = (before if before is not None and before[0] == 0 else None) or (
            inverted_source(sentence, cue.first, cue.last, opening=True)
            if cue.first == 0 else None)
        if name is not None and not has_right_content(sentence, after, needs=cue.needs):
            return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind,
                          (previous.start, previous.end), "content-source-cue",
                          sentence.span(*name), sentence.span(*recipient))
    if trailing is None:
        return None
    content = content_before(sentence, trailing[0], quotes)
    if content is None:
        return None
    end = middle_content_end(sentence, after, content[1])
    if end == content[1] and scene_only(sentence, trailing[0]):
        return None  # "During the debate, Trump attacked ...": no content before the source
    content = (content[0], end)
    return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind, content,
                  "content-source-cue", sentence.span(*trailing), sentence.span(*recipient))


def _after_quotation(sentence: Sentence, k: int) -> bool:
    """Token ``k`` follows a closing quotation mark, perhaps with a comma between: only there
    does a cue that names who was told come before its speaker ('"Why?" asked Lee'); elsewhere
    the name after it is the one told ("Ramos, 58, told AFP")."""
    words = sentence.words
    return k > 0 and (words[k - 1] in CLOSERS or k > 1 and words[k - 1] == "," and
                      words[k - 2] in CLOSERS)


def _opens_clause(sentence: Sentence, first: int) -> bool:
    """Token ``first`` opens the main clause: "Smith, a spokesman, said ..." or "In a
    statement, Smith, a spokesman, said ..." (an introductory phrase has no verb)."""
    if first <= 1:
        return True
    lowered = sentence.lowered
    return sentence.words[first - 1] == "," and lowered[0] in ADJUNCT_START | {
        "but", "and", "yet", "still", "so"} and not any(
        sentence.tag(m)[:3] in FINITE_TAGS or sentence.in_quote(m)
        for m in range(first - 1))


def _quote_just_before(sentence: Sentence, quotes: list[Quote]) -> Quote | None:
    """A quotation ending just before this sentence, in the same paragraph (only the last
    quotation ending before it can: any other has that one in between)."""
    before = bisect.bisect_right(quotes, sentence.start, key=lambda quote: quote.end)
    quote = quotes[before - 1] if before else None
    if quote is not None and quote.balanced and \
            not sentence.text[quote.end:sentence.start].strip(" \t\u00a0"):
        return quote
    return None


def _phrase_claim(sentence: Sentence, cue: Cue) -> _Claim | None:
    """"According to X, ..." or "..., according to X"."""
    source = source_after_phrase(sentence, cue.last)
    if source is None:
        return None
    cue_span = sentence.span(cue.first, cue.last)
    if cue.first == 0 or (cue.first == 1 and not sentence.words[0].isalnum()):
        if source[1] >= len(sentence.words) or sentence.words[source[1]] != ",":
            return None
        content = sentence.span(source[1] + 1, len(sentence.words))
    else:
        content = content_before(sentence, cue.first, [])
    if content is None or content[1] <= content[0]:
        return None
    return _Claim(sentence.sentence_id, cue_span, cue.lemma, cue.kind, strip_final(
        sentence.text, content), "according-to", sentence.span(*source))


def _nominal_claim(sentence: Sentence, cue: Cue) -> _Claim | None:
    """"Putin's claims that ...", "allegations by X that ..."; otherwise no claim."""
    words = sentence.lowered
    after = cue.last
    source: tuple[int, int] | None = None
    if after + 1 < len(words) and words[after] in ("by", "from"):
        end = after + 1
        while end < len(words) and words[end] not in ("that", ",", ":") and end - after < 8:
            end += 1
        source, after = (after + 1, end), end
    if after >= len(words) or words[after] != "that":
        return None
    if source is None and cue.first > 0:
        before = words[cue.first - 1]
        if before in ("his", "her", "its", "their", "our", "my"):
            source = (cue.first - 1, cue.first)
        elif before in ("'s", "’s") and cue.first > 1:
            start = cue.first - 1
            while start > 0 and sentence.words[start - 1][:1].isupper():
                start -= 1
            source = (start, cue.first - 1) if start < cue.first - 1 else None
    content = sentence.span(after, len(words))
    claim = _Claim(sentence.sentence_id, sentence.span(cue.first, cue.last), cue.lemma,
                   cue.kind, strip_final(sentence.text, content), "nominal")
    if source is not None:
        claim.source = sentence.span(*source)
    return claim


def _unattributed_claims(sentence: Sentence, quotes: list[Quote],
                         found: list[_Claim]) -> list[_Claim]:
    """"Russian forces were reported to ...", "it is understood that ...", "reportedly"."""
    words = sentence.lowered
    lexicon = _unattributed()
    if lexicon["any"].isdisjoint(words):
        return []
    claims_here: list[_Claim] = []
    covered = [c.content for c in found]
    for i, word in enumerate(words):
        if word not in lexicon["any"] or any(s <= sentence.tokens[i][0] < e for s, e in covered):
            continue
        if word in lexicon["adverb"] and not sentence.in_quote(i):
            start = 1 if words[0] in ("but", "and", "yet", "so") else 0
            content = strip_final(sentence.text, sentence.span(start, len(words)))
            claims_here.append(_Claim(sentence.sentence_id, sentence.span(i, i + 1), word,
                                      "assert", content, "adverb"))
        elif word in lexicon["passive"] and i > 0 and i + 1 < len(words) and \
                words[i - 1] in ("is", "are", "was", "were", "been", "be") and \
                words[i + 1] == "to":
            first = i - 1
            subject = source_before(sentence, first)
            start = subject[0] if subject else 0
            if start == first:
                continue
            cue_span = sentence.span(first, i + 2)
            if start > 0 and words[start - 1] == "it":
                continue
            content = strip_final(sentence.text, sentence.span(start, len(words)))
            claims_here.append(_Claim(sentence.sentence_id, cue_span, word, "assert",
                                      content, "passive"))
        elif word in lexicon["impersonal"] and i >= 2 and words[i - 2] == "it" and \
                words[i - 1] in ("is", "was", "been") and i + 1 < len(words) and \
                words[i + 1] == "that":
            content = content_after(sentence, i + 1, quotes)
            claims_here.append(_Claim(sentence.sentence_id, sentence.span(i - 2, i + 1),
                                      word, "assert", content, "impersonal"))
        elif word in lexicon["seeming"] and not sentence.in_quote(i):
            content = _seeming_content(sentence, i)
            if content is not None:
                claims_here.append(_Claim(sentence.sentence_id, sentence.span(i, i + 1),
                                          word, "believe", content, "seeming"))
    return claims_here


#: Tags of the word after "seemed"/"appeared" that make it a judgement ("seemed lost",
#: "appeared headed for defeat", "seems likely"), not a place or time ("appeared on TV").
SEEMING_TAGS = {"JJ", "JJR", "VBN"}


def _seeming_content(sentence: Sentence, i: int) -> tuple[int, int] | None:
    """Content of the seeming verb at token ``i``: "the plan seems to work" -> the whole
    clause; "it seems (that) ..." -> what follows; None when no judgement follows
    ("she appeared on TV")."""
    words, n = sentence.lowered, len(sentence.words)
    if i + 1 >= n:
        return None
    after = i + 1
    if words[after] == "to" and after + 1 < n and sentence.tag(after + 1) == "VB":
        pass
    elif words[after] == "that" or sentence.tag(after) in SEEMING_TAGS or (
            sentence.tag(after) == "RB" and after + 1 < n and
            sentence.tag(after + 1) in SEEMING_TAGS):
        if words[i - 1:i] == ["it"]:  # "it seems likely that ..."
            return strip_final(sentence.text, sentence.span(after, clause_end(sentence, after)))
    else:
        return None
    first = i
    while first > 0 and sentence.tag(first - 1) in ("RB", "MD") or \
            first > 0 and words[first - 1] in AUXILIARIES:
        first -= 1
    if first == 0:
        return None  # "Seems like ...": no subject
    subject = source_before(sentence, first)
    start = subject[0] if subject else 0
    if words[start] in ("but", "and", "yet", "so"):
        start += 1
    return strip_final(sentence.text, sentence.span(start, clause_end(sentence, i)))


def _quote_claims(sentences: Sequence[tuple[int, int, int]], text: str, quotes: list[Quote],
                  found: list[_Claim]) -> list[_Claim]:
    """Quotations signed with a dash ("'...' ― Name") that no claim in ``found`` holds;
    ``sentences`` are (paragraph id, start, end), as :func:`storyline.text.parse` gives them."""
    extra = []
    for quote in quotes:
        signed = dash_source(text, quote.end)
        if signed is not None and not any(c.content[0] <= quote.start < c.content[1]
                                          for c in found):
            cue, source = signed
            sentence_id = next((i for i, (_, start, end) in enumerate(sentences)
                                if start <= quote.start < end), 0)
            extra.append(_Claim(sentence_id, cue, "―", "assert", (quote.start, quote.end),
                                "dash", source))
    return extra


_SPEAKER = re.compile(r"[\"“'‘]?((?:[A-Z][\w.’'-]*)(?:[ \u00a0][A-Z][\w.’'-]*){0,3}):[ \u00a0]+"
                      r"(?=[\"“‘'A-Z0-9])")
_NOT_SPEAKERS = {"update", "updated", "watch", "related", "photo", "photos", "video", "note",
                 "editor", "source", "sources", "read", "more", "see", "also", "q", "a",
                 "correction", "clarification", "disclosure", "advertisement", "transcript"}


def _speaker_claims(text: str, paragraphs: list[tuple[int, int, int]],
                    found: list[_Claim]) -> list[_Claim]:
    """A paragraph or headline that opens with a name and a colon: "Pence: Flowers won't be
    at the debate", transcripts ("WALLACE: Let's start ..."). The name is the source, the
    colon the cue and the rest of the paragraph the content."""
    extra = []
    for sentence_id, start, end in paragraphs:
        match = _SPEAKER.match(text, start, end)
        if match is None or set(match.group(1).lower().replace(".", " ").split()) & \
                _NOT_SPEAKERS or any(start <= c.cue[0] < match.end() for c in found):
            continue
        content = strip_final(text, (match.end(), end))
        if content[1] - content[0] < 10:
            continue
        extra.append(_Claim(sentence_id, (match.end(1), match.end(1) + 1), ":", "assert",
                            content, "colon", match.span(1)))
    return extra


def _extend_quoted(claims_found: list[_Claim], quotes: list[Quote], text: str) -> None:
    """A quotation that follows a quoted claim in the same paragraph, with no cue of its own,
    continues that claim ("'A,' he said. 'B.'"): its content grows to cover it."""
    for claim in claims_found:
        if not _is_quoted(text, claim.content):
            continue
        for quote in quotes:
            if quote.start < claim.content[1]:
                continue
            gap = re.sub(r",\s+(?:but|and)\s*$", ",", text[claim.content[1]:quote.start])
            if "\n" in gap or len(gap) > 250 or (gap.strip() and gap.rstrip()[-1] not in ".,:!?"):
                break
            if any(other is not claim and (claim.content[1] <= other.cue[0] < quote.start or
                                           other.content[0] < quote.end <= other.content[1])
                   for other in claims_found):
                break
            claim.content = (claim.content[0], quote.end)


def _is_quoted(text: str, span: tuple[int, int]) -> bool:
    inner = text[span[0]:span[1]]
    return bool(inner) and (inner[0] in "“‘\"«'" or inner[-1] in "”’\"»'")


_NOT_LETTER = re.compile(r"\W")
_BETWEEN_QUOTES = re.compile(r"[”’\"»']([^“‘\"«']*)[“‘\"«']")  # '"A," he said. "B."'


def _letters(text: str) -> int:
    """Letters, digits and underscores in ``text`` (what ``\\w`` matches)."""
    return len(text) - len(_NOT_LETTER.findall(text))


def _quote_type(text: str, claim: _Claim, quotes: list[Quote]) -> tuple[str, bool]:
    """direct, mixed or indirect, and whether an unclosed quotation touches the content.

    Words of the claim's own source and cue inside the content ("'A,' he said. 'B.'") do
    not make a direct quotation mixed."""
    start, end = claim.content
    inside = overlapping(quotes, start, end)
    unbalanced = any(not q.balanced for q in inside)
    if not inside:
        return "indirect", unbalanced
    outside, at = 0, start  # letters of the content outside the quotations
    for quote in inside:
        outside += _letters(text[at:max(quote.start, start)])
        at = min(quote.end, end)
    outside += _letters(text[at:end])
    own = sum(_letters(text[s:e]) for s, e in (claim.source, claim.cue) if start <= s < end)
    if own:
        own = max(own, sum(map(_letters, _BETWEEN_QUOTES.findall(text[start:end]))))
    return ("direct" if outside - own <= 2 else "mixed"), unbalanced


def claims(article: Article | str) -> pd.DataFrame:
    """Every attribution in ``article``: source, cue and content with offsets, and how firm.

    Columns:
        See :data:`CLAIM_COLUMNS`: claim_id, sentence_id, source_text, source_start,
        source_end, source_resolved, cue, cue_start, cue_end, cue_lemma, cue_kind, content,
        content_start, content_end, quote_type, hedged, hedges, denial, recipient,
        recipient_start, recipient_end, parent_claim_id, answers_claim_id,
        unbalanced_quote, pattern, confidence, source_id.

    Example:
        >>> row = claims("Two officials told the Journal that talks had stalled.").iloc[0]
        >>> row.source_text, row.cue, row.recipient, row.content
        ('Two officials', 'told', 'the Journal', 'that talks had stalled')
        >>> bool(row.hedged), row.hedges
        (True, 'anonymous source')
    """
    from storyline.sources import claim_source_ids  # sources are built from these rows

    article = as_article(article)
    rows = [{**row, "source_id": source_id}
            for row, source_id in zip(_claim_rows(article), claim_source_ids(article))]
    return make_table(rows, CLAIM_COLUMNS)


@functools.lru_cache(maxsize=64)
def _claim_rows(article: Article) -> tuple[dict, ...]:
    """The claims of one article as plain rows, cached: sources, profiles and timelines all
    start here, so the rows must never be changed (copy one before editing it)."""
    text = article.text
    parsed = parse(article)
    quotes = quote_spans(text)
    unattributed = _unattributed()["any"]
    found: list[_Claim] = []
    for i, (_, start, end) in enumerate(parsed.sentences):
        words, tags = parsed.words[i], parsed.tags(i)
        lowered = list(map(str.lower, words))
        cues = find_cues(words, tags, lowered=lowered)
        if cues or not unattributed.isdisjoint(lowered):  # else no claim: most sentences
            sentence = Sentence.build(text, i, start, end, parsed.tokens[i], quotes, tags,
                                      words=words, lowered=lowered)
            found += _sentence_claims(sentence, cues, quotes)
    found += _quote_claims(parsed.sentences, text, quotes, found)
    paragraphs: dict[int, tuple[int, int, int]] = {}
    for sentence_id, (paragraph_id, start, end) in enumerate(parsed.sentences):
        first = paragraphs.setdefault(paragraph_id, (sentence_id, start, end))
        paragraphs[paragraph_id] = (first[0], first[1], end)
    found += _speaker_claims(text, list(paragraphs.values()), found)
    found.sort(key=lambda c: (c.cue[0], c.content[0]))
    _extend_quoted(found, quotes, text)
    found = _drop_reported_stances(found)
    rows = [_row(i, claim, text, quotes) for i, claim in enumerate(found)]
    _link(rows)
    resolve_sources(rows, text)
    judge_firmness(rows, text)
    return tuple(rows)


#: Kinds of cue that report a stance (belief, wish, plan, support, demand, accusation), not
#: speech: inside another claim's content they are part of what that claim reports.
STANCE_KINDS = frozenset({"believe", "want", "plan", "support", "oppose", "promise", "show",
                          "demand", "describe", "accuse", "refuse"})


def _drop_reported_stances(found: list[_Claim]) -> list[_Claim]:
    """Without the stance claims whose cue lies in what an earlier cue introduces: "Rubio said
    he would support Trump" is one claim, Rubio's, not also a claim that he supports Trump.
    Speech inside content stays a claim of its own ("officials, who say that ..."), and so
    does a stance that a later cue attributes ("X demanded Y, according to the Post").
    ``found`` is in cue order, so only the claims before one can hold it."""
    return [claim for index, claim in enumerate(found) if claim.kind not in STANCE_KINDS or
            not any(other.cue[0] < claim.cue[0] and
                    other.content[0] <= claim.cue[0] < other.content[1]
                    for other in found[:index])]


def _row(claim_id: int, claim: _Claim, text: str, quotes: list[Quote]) -> dict:
    (s_start, s_end), (r_start, r_end) = claim.source, claim.recipient
    quote_type, unbalanced = _quote_type(text, claim, quotes)
    if s_start < 0 and claim.pattern in ("passive", "impersonal", "adverb", "nominal",
                                         "seeming"):
        quote_type = "unattributed"
    return {
        "claim_id": claim_id, "sentence_id": claim.sentence_id,
        "source_text": text[s_start:s_end] if s_start >= 0 else "",
        "source_start": s_start, "source_end": s_end, "source_resolved": "",
        "cue": text[claim.cue[0]:claim.cue[1]], "cue_start": claim.cue[0],
        "cue_end": claim.cue[1], "cue_lemma": claim.lemma, "cue_kind": claim.kind,
        "content": text[claim.content[0]:claim.content[1]],
        "content_start": claim.content[0], "content_end": claim.content[1],
        "quote_type": quote_type, "hedged": False, "hedges": "", "denial": False,
        "recipient": text[r_start:r_end] if r_start >= 0 else "",
        "recipient_start": r_start, "recipient_end": r_end,
        "parent_claim_id": pd.NA, "answers_claim_id": pd.NA,
        "unbalanced_quote": unbalanced, "pattern": claim.pattern,
        "confidence": CONFIDENCE[claim.pattern], "source_id": pd.NA,
    }


def _link(rows: list[dict]) -> None:
    """Nested attribution: a claim whose cue lies in another's content is its child (of the
    shortest such content, the first one on a tie)."""
    spans = [(row["content_start"], row["content_end"]) for row in rows]
    for row in rows:
        cue, length = row["cue_start"], row["content_end"] - row["content_start"]
        holders = [(end - start, index) for index, (start, end) in enumerate(spans)
                   if start <= cue < end and end - start > length]
        if holders:
            row["parent_claim_id"] = rows[min(holders)[1]]["claim_id"]
