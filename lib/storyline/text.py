"""Sentences and tokens with part-of-speech tags, each with offsets into ``article.text``.

Sentences never run across a paragraph break or a boilerplate line. Within a paragraph NLTK's
Punkt splitter finds the boundaries, with extra abbreviations ("U.S.", "Sen.", "Jan.",
initials) from ``data/lexicons/abbreviations.csv``. Tokens come from one regular expression,
so their offsets are exact, and are tagged with NLTK's averaged perceptron model
(:mod:`storyline.tagger` gives NLTK's tags, faster).

Functions accept an :class:`~storyline.articles.Article` or plain text.

Example:
    >>> sentences("Sen. Jane Doe said the U.S. would act. Officials disagreed.")[["start", "end"]]
       start  end
    0      0   38
    1     39   59
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from operator import sub

import pandas as pd

from storyline.articles import Article, article_from_text
from storyline.lexicons import abbreviations, read_lexicon
from storyline.resources import first_names, sentence_splitter
from storyline.tables import make_table
from storyline.tagger import tag_sentences

SENTENCE_COLUMNS = {
    "sentence_id": "int64",
    "paragraph_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
}
"""Columns of :func:`sentences`: ids count from 0 in text order; ``text[start:end]`` is the
sentence; ``paragraph_id`` numbers the paragraph it belongs to."""

TOKEN_COLUMNS = {
    "token_id": "int64",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "pos": "string",
}
"""Columns of :func:`tokens`: ``pos`` is the Penn Treebank tag from NLTK's perceptron tagger."""


def as_article(article_or_text: Article | str) -> Article:
    """An :class:`Article` as given, or one read from plain text (never from a path)."""
    if isinstance(article_or_text, Article):
        return article_or_text
    if not isinstance(article_or_text, str):
        raise TypeError(f"expected an Article or a str, got {type(article_or_text).__name__}")
    return article_from_text(article_or_text)


# ---------------------------------------------------------------- paragraphs and sentences

def _is_hard_wrapped(lines: list[str]) -> bool:
    """True for texts wrapped at a fixed width, where a single newline is not a paragraph break."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 4 or max(lengths) > 120:
        return False
    return sum(50 <= n <= 100 for n in lengths) >= 0.6 * len(lengths)


def paragraph_spans(
    text: str, boilerplate: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph, leaving out boilerplate lines and blank lines.

    Paragraphs are separated by blank lines, and also by single newlines unless the text is
    hard-wrapped at a fixed width.
    """
    skip = set(boilerplate)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    wrapped = _is_hard_wrapped([text[s:e] for s, e in lines])
    paragraphs: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous_end = -1
    for start, end in lines:
        line = text[start:end]
        blank = not line.strip()
        if blank or (start, end) in skip:
            if current:
                paragraphs.append(current)
            current = None
        elif current and wrapped and "\n\n" not in text[previous_end:start + 1]:
            current = (current[0], end)
        else:
            if current:
                paragraphs.append(current)
            current = (start, end)
        previous_end = end
    if current:
        paragraphs.append(current)
    return [_strip(text, s, e) for s, e in paragraphs]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- tokens

_CLITIC = r"(?i:n['’]t|['’](?:s|re|ve|ll|d|m))"
_WORD = r"\w+(?:[-'’&]\w+)*"  # letters, digits, "_", maybe joined: Ching-te, O'Brien, AT&T
_WORD_END = r"(?!\w|[-'’&]\w)"  # where a word can go no further


@functools.cache
def _token_pattern() -> re.Pattern:
    """One regular expression whose every match is a token.

    A word that begins with a letter and ends in a clitic ("didn't", "Russia’s") is two
    tokens. A word that is an abbreviation from the lexicon ("Sen.", "Jan.") or an initial
    ("F.") keeps its dot.
    """
    # lookbehinds must have one width: one per abbreviation length, and one per clitic length
    by_length: dict[int, list[str]] = {}
    for abbreviation in abbreviations():
        if abbreviation.isalpha():
            by_length.setdefault(len(abbreviation), []).append(abbreviation)
    whole_word = r"(?<!\w)(?<!\w[-'’&])"
    capitals = "".join(re.escape(c) for c in map(chr, range(0x10000))
                       if c.isupper() and c.isalpha())
    dotted = "|".join(rf"(?<={whole_word}(?ai:{'|'.join(sorted(words))})\.)"
                      for words in by_length.values())
    return re.compile(
        # first, for speed, the commonest tokens, each exactly as an alternative below would
        # match it: a plain word before a space or a closing mark, one punctuation mark
        r"[A-Za-z]{2,}(?![^\s,;:!?)\]\"”])|[,;:!?()“”\"]|\.(?!\.)"
        r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"         # U.S.  a.m.  U.S.A.
        r"|\d+(?:[.,:/]\d+)+(?:st|nd|rd|th|s|%)?"  # 2,000  3.5  10/25/2024  9:30
        # a word not ending in a clitic, with its dot if an abbreviation or initial
        rf"|(?>{_WORD})(?<!(?i:['’][sdm]))(?<!(?i:n['’]t|['’](?:re|ve|ll)))"
        rf"(?:\.(?:{dotted}|(?<={whole_word}[{capitals}]\.)))?"
        rf"|[^\W\d_](?:\w|[-'’&](?=\w))*?(?={_CLITIC}{_WORD_END})"  # did(n't)  Russia(’s)
        rf"|(?<=\w){_CLITIC}{_WORD_END}"            # the clitic after it
        rf"|{_WORD}"                                # 1990's
        r"|\.{2,}|-{2,}|[^\w\s]"                  # ellipses, dashes, single punctuation
    )


def _token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(map(re.Match.span, _token_pattern().finditer(text, start, end)))


@functools.cache
def _spaced_token_pattern() -> re.Pattern:
    """A token with the whitespace before it. Every character of a text but whitespace is
    in a token, so its matches follow one another with no gap and their lengths alone give
    the offsets."""
    return re.compile(rf"\s*(?:{_token_pattern().pattern})")


def _sentence_tokens(
    text: str, sentences: list[tuple[int, int]]
) -> tuple[list[tuple[tuple[int, int], ...]], list[tuple[str, ...]]]:
    """``(start, end)`` and text of each sentence's tokens, from one pass over the whole text.

    A sentence with whitespace (or the text's edge) on both sides takes the tokens of that
    pass inside it: the pattern's lookarounds see no further than a space, so they match
    there as in the sentence alone. Any other sentence is matched on its own. The tokens of
    the whole text are kept as tuples, so a sentence's tokens are one slice of them.

    The pattern's matches are plain strings (a token and the space before it), the fewest
    Python objects per token: a group per part would add a tuple for each.
    """
    spaced = _spaced_token_pattern().findall(text)
    ends = list(accumulate(map(len, spaced)))
    words = tuple(map(str.lstrip, spaced))
    starts = list(map(sub, ends, map(len, words)))
    spans = tuple(zip(starts, ends))
    token_rows, word_rows = [], []
    for start, end in sentences:
        # the first token starting at or after the sentence, and the first ending after it
        first, last = bisect_left(starts, start), bisect_right(ends, end)
        if first < last and starts[first] == start and ends[last - 1] == end and \
                (start == 0 or text[start - 1].isspace()) and \
                (end == len(text) or text[end].isspace()):
            token_rows.append(spans[first:last])
            word_rows.append(words[first:last])
        else:
            own = _token_spans(text, start, end)
            token_rows.append(tuple(own))
            word_rows.append(tuple([text[s:e] for s, e in own]))
    return token_rows, word_rows


_TAGGER_FORMS = {"“": "``", "”": "''", '"': "''", "‘": "``", "’": "''", "'": "''"}


def tagger_form(word: str) -> str:
    """A token as the tagger's training text wrote it: Penn Treebank quote marks, and a
    straight apostrophe for the curly one ("Smith’s" -> "'s", "don’t" -> "n't")."""
    return _TAGGER_FORMS.get(word) or word.replace("’", "'")


def _tagger_forms(words: tuple[tuple[str, ...], ...]) -> list[list[str]]:
    """:func:`tagger_form` of every token, per sentence: in a sentence with a curly
    apostrophe it is straightened in every word, then a token that is a lone quote mark
    takes its Penn Treebank form."""
    get = _TAGGER_FORMS.get
    forms = []
    for sentence in words:
        if "’" in "".join(sentence):
            sentence = [word.replace("’", "'") for word in sentence]
        forms.append(list(map(get, sentence, sentence)))
    return forms


# ---------------------------------------------------------------- the parsed article

@dataclass(frozen=True)
class Parsed:
    """Sentences and tokens of one article, computed once and shared by every table."""

    sentences: tuple[tuple[int, int, int], ...]  # (paragraph_id, start, end)
    tokens: tuple[tuple[tuple[int, int], ...], ...]  # per sentence: (start, end) of each token
    words: tuple[tuple[str, ...], ...]  # per sentence: the text of each token
    _tags: dict[int, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def tags(self, sentence_id: int) -> tuple[str, ...]:
        """Part-of-speech tags of one sentence's tokens; the whole article is tagged in one
        batch on first use (see :mod:`storyline.tagger`)."""
        if not self._tags and self.tokens:
            self._tags.update(enumerate(tag_sentences(_tagger_forms(self.words))))
        return self._tags[sentence_id]


@functools.lru_cache(maxsize=64)
def parse(article: Article) -> Parsed:
    """Split an article into sentences and tokens (cached for the last 64 articles)."""
    text = article.text
    splitter = sentence_splitter()
    sentence_rows = []
    for paragraph_id, (p_start, p_end) in enumerate(paragraph_spans(text, article.boilerplate)):
        block = text[p_start:p_end]
        spans: list[tuple[int, int]] = []
        for s, e in _punkt_spans(splitter, block):
            start, end = _strip(text, p_start + s, p_start + e)
            if start >= end:
                continue
            if spans and (text[start].islower() or text[start] in ",;)" or
                          _name_goes_on(text, spans[-1][0], spans[-1][1], start)):
                # Punkt stopped after "the S.E.C." or '?”' in mid-sentence: no news sentence
                # starts in lower case ("said David Plouffe", "has questions about") or with
                # ")" ("(D-Mo.) said"), nor ends with a title or initial ("Mr. Band")
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        sentence_rows += [(paragraph_id, start, end) for start, end in spans]
    token_rows, word_rows = _sentence_tokens(text, [(s, e) for _, s, e in sentence_rows])
    return Parsed(tuple(sentence_rows), tuple(token_rows), tuple(word_rows))


@functools.cache
def _titles_pattern() -> re.Pattern:
    """The last word of a sentence Punkt ended inside a name: a title from the abbreviations
    lexicon ("Mr.", "Sen."), initials ("said J.M.", "Douglas J.") or one of the lexicon's
    other initialisms ("U.S.", which goes on only before a title: "U.S. Ambassador")."""
    table = read_lexicon("abbreviations")
    is_title = table.note.str.startswith("title")

    def either(words: pd.Series) -> str:
        return "|".join(sorted((re.escape(w.rstrip(".")) for w in words), key=len, reverse=True))

    others = either(pd.concat([table.abbreviation[~is_title], pd.Series(["I"])]))
    return re.compile(rf"(?<![\w.])(?:{either(table.abbreviation[is_title])}|"
                      rf"(?<!\bthe )(?<!\bThe )(?:(?P<other>{others})|"
                      rf"(?P<initials>[A-Z](?:\.[ \u00a0]?[A-Z]){{0,2}})))\.$")


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(read_lexicon("titles").title.str.split().str[0])


def _name_goes_on(text: str, start: int, end: int, next_start: int) -> bool:
    """The sentence ``text[start:end]`` ends inside a name, so the one at ``next_start`` is its
    rest ("Mr. Band wrote", "said J.M. Berger"), however common a word that name is (Punkt
    breaks before a capitalised word it mostly sees in lower case). A single initial counts
    only after a first name ("Douglas J. Band", not "Plan B. Opponents"), and an initialism
    only before a title ("U.N. Ambassador John Bolton", not "Washington, D.C. He said" nor
    "Neither do I. This")."""
    found = _titles_pattern().search(text, max(start, end - 12), end)
    if found is None:
        return False
    if found["other"] is not None:
        following = re.match(r"\w+", text[next_start:next_start + 30])
        return following is not None and following[0] in _title_words()
    if found["initials"] is None or len(found["initials"]) > 1:
        return True
    before = re.search(r"(\w+)\s+$", text[max(start, found.start() - 20):found.start()])
    return before is not None and before[1] in first_names()


def _punkt_spans(splitter, block: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans of a paragraph. Punkt only breaks after a sentence-ending
    character (".", "?", "!") with more text after it, so a paragraph without one is a
    single sentence, and Punkt (a third of the parsing time) is skipped."""
    ends = splitter._lang_vars.sent_end_chars
    if not any(char in block[:-1] for char in ends):
        return [(0, len(block))]
    return list(splitter.span_tokenize(block))


def sentences(article: Article | str) -> pd.DataFrame:
    """One row per sentence: ``sentence_id, paragraph_id, start, end, text``.

    Example:
        >>> sentences("Putin denied it.\\nAdvertisement\\nMusk agreed.").text.tolist()
        ['Putin denied it.', 'Musk agreed.']
    """
    article = as_article(article)
    parsed = parse(article)
    rows = (
        {"sentence_id": i, "paragraph_id": p, "start": s, "end": e, "text": article.text[s:e]}
        for i, (p, s, e) in enumerate(parsed.sentences)
    )
    return make_table(rows, SENTENCE_COLUMNS)


def tokens(article: Article | str) -> pd.DataFrame:
    """One row per token: ``token_id, sentence_id, start, end, text, pos``.

    Example:
        >>> tokens("Aides said Russia's forces didn't stop.")[["text", "pos"]].values.tolist()[2:7]
        [['Russia', 'NNP'], ["'s", 'POS'], ['forces', 'NNS'], ['did', 'VBD'], ["n't", 'RB']]
    """
    article = as_article(article)
    parsed = parse(article)
    rows = []
    for sentence_id, (spans, words) in enumerate(zip(parsed.tokens, parsed.words)):
        tags = parsed.tags(sentence_id)
        for (s, e), word, tag in zip(spans, words, tags):
            rows.append({"token_id": len(rows), "sentence_id": sentence_id, "start": s,
                         "end": e, "text": word, "pos": tag})
    return make_table(rows, TOKEN_COLUMNS)
