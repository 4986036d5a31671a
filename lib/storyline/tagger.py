"""Part-of-speech tags from NLTK's averaged perceptron, computed several times faster.

The model is the one NLTK ships (``averaged_perceptron_tagger_eng``, found through
``NLTK_DATA``); nothing here is trained. The tags are the ones ``nltk.pos_tag`` gives for the
same tokens, only computed differently:

* the features that depend on the words alone (suffixes, neighbouring words) are looked up
  once per distinct word, in one table of every value (word, suffix, first letter) the
  model's features have, and summed for a whole article, one numpy call per template;
* the features that depend on the two previous tags are precomputed for every tag pair;
* a word in NLTK's tag dictionary gets its tag without scoring, so the others fall into
  short chains (a chain ends where two such words in a row fix the previous two tags); the
  chains of an article advance together, one token per step, so each numpy call scores a
  token in every chain at once.

Summing in a different order can change the last bits of a score, so where the two best tags
are closer than :data:`TIE_MARGIN` the token is scored again by NLTK's own code. The tags are
therefore identical to NLTK's, which ``tests/test_tagger.py`` checks on varied text.

Example:
    >>> tag_sentences([["Officials", "said", "the", "bridge", "was", "closed", "."]])
    [('NNS', 'VBD', 'DT', 'NN', 'VBD', 'VBN', '.')]
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import accumulate, chain, count, repeat

import nltk
import numpy as np

from storyline.resources import pos_tagger

#: Score gap below which the best tag is checked with NLTK's own arithmetic. Our sums differ
#: from NLTK's by rounding only (about 1e-13 for these weights), far below this margin.
TIE_MARGIN = 1e-6

_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")
# The templates of the features a token's text or its neighbours' decide (NLTK's), as columns
# of the value table: first the token's own suffix and first letter (of its text as written),
# then its place relative to the token being tagged (of the normalised text)
_VALUE_TEMPLATES = ("i suffix", "i pref1", "i word", "i-1 word", "i-1 suffix", "i-2 word",
                    "i+1 word", "i+1 suffix", "i+2 word")
#: Distinct words the tagger keeps tables for; past this it starts afresh, so a run over
#: millions of articles (whose vocabulary keeps growing) stays in bounded memory.
MAX_WORDS = 200_000
# For the templates from "i word" on: where the word is from the token being tagged, whether
# its value is the word (0) or the word's suffix (1), and the template's column (as columns,
# to index every token's neighbours at once)
_CONTEXT_SHIFTS = np.array([[0], [-1], [-1], [-2], [1], [1], [2]])
_CONTEXT_KINDS = np.array([[0], [0], [1], [0], [0], [1], [0]])
_CONTEXT_COLUMNS = np.arange(2, len(_VALUE_TEMPLATES))[:, None]


class FastTagger:
    """NLTK's perceptron model as numpy arrays; :meth:`tag_sentences` tags many sentences.

    Example:
        >>> FastTagger(pos_tagger()).tag_sentences([["He", "denied", "it", "."]])
        [('PRP', 'VBD', 'PRP', '.')]
    """

    def __init__(self, model: nltk.tag.PerceptronTagger) -> None:
        self._model = model
        weights = model.model.weights
        self._classes = sorted(model.classes)
        self._row = dict(zip(weights, count(1)))  # row 0 is zeros
        self._weights = _weight_table(weights, self._classes)
        self._tagdict = model.tagdict
        self._tags = [*_START, *self._classes]
        self._tag_names = np.array(self._tags, dtype=object)
        self._tag_id = {tag: k for k, tag in enumerate(self._tags)}
        self._tag_ids = {word: self._tag_id[tag] for word, tag in self._tagdict.items()
                         if tag in self._tag_id}
        self._pairs = self._tag_pair_scores()
        by_template = _rows_by_template(self._row)
        # "i-1 tag+i word TAG WORD": per word (index), the row of each previous tag
        word_index, self._previous_word_rows = self._previous_tag_rows(
            by_template.get("i-1 tag+i", {}))
        self._bias = self._row.get("bias", 0)
        # one id per value (word, suffix, letter) of the features of _VALUE_TEMPLATES, and
        # per id the row of its feature for each, then its "i-1 tag+i word" index: a new
        # word's features take four look-ups, where a table per template took ten
        self._value_ids, self._value_rows = _value_table(
            [*(by_template.get(t, {}) for t in _VALUE_TEMPLATES), word_index])
        self._pads = [np.array([self._value_ids.get(pad, 0), self._value_ids.get(pad[-3:], 0)])
                      for pad in (*_START, *_END)]
        self._forget_words()

    def _forget_words(self) -> None:
        """Empty the per-word tables (they refill as words are seen again)."""
        self._word_ids: dict[str, int] = {}
        self._words_table = _GrowingTable(6)
        self._normals: list[str] = []

    def _tag_pair_scores(self) -> np.ndarray:
        """Scores of "i-1 tag", "i-2 tag" and "i tag+i-2 tag" for every (previous, before),
        summed in that order, row ``previous * n + before``."""
        n, rows = len(self._tags), self._row
        previous = [rows.get(f"i-1 tag {tag}", 0) for tag in self._tags]
        before = [rows.get(f"i-2 tag {tag}", 0) for tag in self._tags]
        both = [rows.get(f"i tag+i-2 tag {p} {b}", 0) for p in self._tags for b in self._tags]
        pairs = np.zeros((n * n, len(self._classes)))
        pairs += np.repeat(self._weights[previous], n, axis=0)
        pairs += np.tile(self._weights[before], (n, 1))
        pairs += self._weights[both]
        return pairs

    def _previous_tag_rows(self, features: dict[str, int]) -> tuple[dict[str, int], np.ndarray]:
        """From the "i-1 tag+i word TAG WORD" features (``features`` maps "word TAG WORD" to
        its row): an index for each WORD (from 1), and per index the row of the feature for
        each previous tag, 0 where the model has none."""
        index: dict[str, int] = {}
        words, tags, rows = [], [], []
        for value, row in features.items():
            kind, tag, word = value.split(" ", 2)
            if kind == "word" and tag in self._tag_id:
                words.append(index.setdefault(word, len(index) + 1))
                tags.append(self._tag_id[tag])
                rows.append(row)
        table = np.zeros((len(index) + 1, len(self._tags)), dtype=np.int64)
        table[words, tags] = rows
        return index, table

    def _learn(self, words: list[str]) -> None:
        """Add distinct words not seen before to the word table: the rows of their own suffix
        and first letter, the value ids of their normalised form and its suffix, their
        tag-dictionary tag (-1 if none) and their "i-1 tag+i word" index."""
        normals = list(map(self._model.normalize, words))
        own_suffix, first_letter, normal, normal_suffix = (
            np.fromiter(map(self._value_ids.get, values, repeat(0)), dtype=np.int64,
                        count=len(words))
            for values in ([word[-3:] for word in words], [word[:1] for word in words],
                           normals, [normal[-3:] for normal in normals]))
        tags = np.fromiter(map(self._tag_ids.get, words, repeat(-1)), dtype=np.int64,
                           count=len(words))
        first = self._words_table.size
        self._words_table.append((self._value_rows[own_suffix, 0],
                                  self._value_rows[first_letter, 1], normal, normal_suffix,
                                  tags, self._value_rows[normal, -1]))
        self._word_ids.update(zip(words, range(first, first + len(words))))
        self._normals.extend(normals)

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
        """Tags of each sentence's tokens, as ``nltk.pos_tag`` would give them."""
        lengths = list(map(len, sentences))
        if not any(lengths):
            return [() for _ in sentences]
        if len(self._word_ids) > MAX_WORDS:
            self._forget_words()
        seen = self._word_ids
        flat = list(chain.from_iterable(sentences))
        self._learn([word for word in dict.fromkeys(flat) if word not in seen])
        ids = np.fromiter(map(seen.__getitem__, flat), dtype=np.int64, count=len(flat))
        own = self._words_table.array[ids]
        # every sentence takes its length plus four places: two pads before it, two after
        sizes = np.array(lengths, dtype=np.int64)
        position = np.arange(len(ids)) + np.repeat(np.arange(2, 4 * len(sizes), 4), sizes)
        ends = np.cumsum(sizes + 4)
        starts = ends - sizes - 4
        # per place, the value ids of its normalised word and of that word's suffix
        padded = np.empty((2, ends[-1]), dtype=np.int64)
        padded[:, position] = own[:, 2:4].T
        for place, pad in zip((starts, starts + 1, ends - 2, ends - 1), self._pads):
            padded[:, place] = pad[:, None]
        # the tokens to score (not in the tag dictionary), in decoding order
        free = np.flatnonzero(own[:, 4] < 0)
        order, active = _chain_order(position[free])
        free = free[order]
        at = position[free]
        # the rows of the features of _VALUE_TEMPLATES
        rows = np.empty((len(_VALUE_TEMPLATES), len(free)), dtype=np.int64)
        rows[:2] = own[free, :2].T
        rows[2:] = self._value_rows[padded[_CONTEXT_KINDS, at + _CONTEXT_SHIFTS],
                                    _CONTEXT_COLUMNS]
        # one template at a time, in place: numpy's take copies whole rows, and no array of
        # every template's rows at once is made (a third less time, the same sums)
        static = self._weights.take(rows[0], axis=0)
        static += self._weights[self._bias]
        for more in rows[1:]:
            static += self._weights.take(more, axis=0)
        # the tags, where each sentence's first pad is "-START2-" and its second "-START-"
        tags = np.empty(ends[-1], dtype=np.int64)
        tags[starts] = 1
        tags[starts + 1] = 0
        tags[position] = own[:, 4]
        close = self._decode(tags, at, active, static, own[free, 5])
        flat = tags[position]
        flat[free[close]] = -1 - flat[free[close]]
        self._check_ties(sentences, ids, lengths, flat)
        named = self._tag_names[flat].tolist()
        offsets = [0, *accumulate(lengths)]
        return [tuple(named[offsets[k]:offsets[k + 1]]) for k in range(len(sentences))]

    def _decode(self, tags: np.ndarray, at: np.ndarray, active: list[int], static: np.ndarray,
                with_previous: np.ndarray) -> np.ndarray:
        """Greedy left-to-right decoding of the tokens at ``tags[at]``, ``active[i]`` of them
        at step i, each step's previous tags being already known. ``static`` is summed
        into in place.

        Returns, per token, whether its two best tags are near a tie."""
        n_tags = len(self._tags)
        pairs = self._pairs
        by_previous = self._previous_word_rows
        weights = self._weights
        one_back, two_back = at - 1, at - 2
        done = 0
        for m in active:
            step = slice(done, done + m)
            previous = tags[one_back[step]]
            scores = static[step]
            scores += pairs.take(previous * n_tags + tags[two_back[step]], axis=0)
            scores += weights.take(by_previous[with_previous[step], previous], axis=0)
            tags[at[step]] = scores.argmax(axis=1) + 2
            done += m
        top = static.max(axis=1)
        return (static >= (top - TIE_MARGIN)[:, None]).sum(axis=1) > 1

    def _check_ties(self, sentences: Sequence[Sequence[str]], ids: np.ndarray,
                    lengths: list[int], tags: np.ndarray) -> None:
        """Rescore near ties with NLTK's code, and everything after one in its sentence."""
        if not (tags < 0).any():
            return
        normals = [self._normals[k] for k in ids.tolist()]
        at = 0
        for words, n in zip(sentences, lengths):
            own = tags[at:at + n]
            if (own < 0).any():
                first = int(np.argmax(own < 0))
                context = [*_START, *normals[at:at + n], *_END]
                for i in range(first, n):
                    previous = self._tags[own[i - 1]] if i >= 1 else _START[0]
                    before = self._tags[own[i - 2]] if i >= 2 else _START[1 - i]
                    tag = self._tagdict.get(words[i])
                    if not tag:
                        features = self._model._get_features(i, words[i], context, previous,
                                                             before)
                        tag = self._model.model.predict(features)[0]
                    own[i] = self._tag_id[tag]
            at += n

def _chain_order(places: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Decoding order of the tokens to score, and how many tokens each step decodes.
    ``places`` are their places in text order, sentences being at least five places apart.

    A token's score needs the tags of the two tokens before it. Tokens to score at most two
    places apart form a chain; the first token of a chain follows two tokens whose tags are
    known (tag dictionary or sentence start). Step i decodes the i-th token of every chain,
    so every token's previous tags are known by its step."""
    if not len(places):
        return places, []
    starts = np.ones(len(places), dtype=bool)
    starts[1:] = np.diff(places) > 2
    first = np.flatnonzero(starts)
    rank = np.arange(len(places)) - np.repeat(first, np.diff(np.append(first, len(places))))
    return np.argsort(rank, kind="stable"), np.bincount(rank).tolist()


def _weight_table(weights: dict[str, dict[str, float]], classes: list[str]) -> np.ndarray:
    """The model's weights as one array: row r + 1 for its r-th feature (row 0 stays zeros
    for the features it never saw), a column per class, 0 where a feature has no weight."""
    column = {label: k for k, label in enumerate(classes)}
    sizes = np.fromiter(map(len, weights.values()), dtype=np.int64, count=len(weights))
    total = int(sizes.sum())
    labels = map(column.__getitem__, chain.from_iterable(weights.values()))
    values = chain.from_iterable(map(dict.values, weights.values()))
    table = np.zeros((len(weights) + 1, len(classes)))
    rows = np.repeat(np.arange(1, len(weights) + 1), sizes)
    table[rows, np.fromiter(labels, dtype=np.int64, count=total)] = np.fromiter(
        values, dtype=np.float64, count=total)
    return table


def _value_table(groups: list[dict[str, int]]) -> tuple[dict[str, int], np.ndarray]:
    """An id (from 1) for every value of ``groups``, each a mapping from values to numbers
    (a template's values to their features' rows), and a table of the number of each value
    in each group: a column per group, 0 where a group does not have the value, and row 0
    (a value the model never saw) all zeros.

    Example:
        >>> _value_table([{"ing": 4, "the": 7}, {"the": 9}])
        ({'ing': 1, 'the': 2}, array([[0, 0],
               [4, 0],
               [7, 9]]))
    """
    ids = dict(zip(dict.fromkeys(chain(*groups)), count(1)))
    table = np.zeros((len(ids) + 1, len(groups)), dtype=np.int64)
    for column, numbers in enumerate(groups):
        table[np.fromiter(map(ids.__getitem__, numbers), dtype=np.int64, count=len(numbers)),
              column] = np.fromiter(numbers.values(), dtype=np.int64, count=len(numbers))
    return ids, table


def _rows_by_template(rows: dict[str, int]) -> dict[str, dict[str, int]]:
    """Feature rows grouped by template, the feature's first two words, then by the rest:
    ``{"i suffix": {"ing": 7, ...}, ...}``."""
    by_template: dict[str, dict[str, int]] = {}
    for feature, row in rows.items():
        first, _, rest = feature.partition(" ")
        second, _, value = rest.partition(" ")
        by_template.setdefault(f"{first} {second}", {})[value] = row
    return by_template


class _GrowingTable:
    """A table of integers, one row per word, that rows are added to column by column.
    Its array has room for more rows than it holds, twice as many as it last needed, so
    adding an article's new words does not copy the whole table."""

    def __init__(self, width: int) -> None:
        self.array = np.zeros((1024, width), dtype=np.int64)
        self.size = 0

    def append(self, columns: Sequence[np.ndarray]) -> None:
        """Add rows, given as one array per column."""
        end = self.size + len(columns[0])
        if end > len(self.array):
            grown = np.zeros((2 * end, self.array.shape[1]), dtype=np.int64)
            grown[:self.size] = self.array[:self.size]
            self.array = grown
        for column, values in enumerate(columns):
            self.array[self.size:end, column] = values
        self.size = end


@functools.cache
def fast_tagger() -> FastTagger:
    """The :class:`FastTagger` over NLTK's English model, built once per process."""
    return FastTagger(pos_tagger())


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """Penn Treebank tags of each sentence's tokens, identical to ``nltk.pos_tag``'s.

    Example:
        >>> tag_sentences([["Peskov", "denied", "the", "report", "."], ["No", "."]])
        [('NNP', 'VBD', 'DT', 'NN', '.'), ('DT', '.')]
    """
    return fast_tagger().tag_sentences(sentences)
