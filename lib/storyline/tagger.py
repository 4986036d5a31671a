"""Part-of-speech tags from NLTK's averaged perceptron, computed several times faster.

The model is the one NLTK ships (``averaged_perceptron_tagger_eng``, found through
``NLTK_DATA``); nothing here is trained. The tags are the ones ``nltk.pos_tag`` gives for the
same tokens, only computed differently:

* the features that depend on the words alone (suffixes, neighbouring words) are looked up
  once per distinct word and summed for a whole article with one numpy call;
* the features that depend on the two previous tags are precomputed for every tag pair;
* the sentences of an article advance together, one token position per step, so each numpy
  call scores a token in every sentence at once.

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

import nltk
import numpy as np

from storyline.resources import pos_tagger

#: Score gap below which the best tag is checked with NLTK's own arithmetic. Our sums differ
#: from NLTK's by rounding only (about 1e-13 for these weights), far below this margin.
TIE_MARGIN = 1e-6

_START = ("-START-", "-START2-")
_END = ("-END-", "-END2-")
# Features of a word by its place relative to the token being tagged (NLTK's templates).
_CONTEXT_TEMPLATES = ("i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word",
                      "i+1 suffix", "i+2 word")


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
        column = {label: k for k, label in enumerate(self._classes)}
        self._row = {feature: r + 1 for r, feature in enumerate(weights)}  # row 0 is zeros
        self._weights = np.zeros((len(weights) + 1, len(self._classes)))
        for feature, by_label in weights.items():
            row = self._weights[self._row[feature]]
            for label, weight in by_label.items():
                row[column[label]] = weight
        self._tagdict = model.tagdict
        self._tags = [*_START, *self._classes]
        tag_id = {tag: k for k, tag in enumerate(self._tags)}
        self._tag_id = tag_id
        self._pairs = self._tag_pair_scores()
        # "i-1 tag+i word TAG WORD": per word (index), the row of each previous tag
        self._word_index: dict[str, int] = {}
        by_word: list[list[int]] = [[0] * len(self._tags)]
        prefix = "i-1 tag+i word "
        for feature, row in self._row.items():
            if feature.startswith(prefix):
                tag, word = feature[len(prefix):].split(" ", 1)
                if tag in tag_id:
                    if word not in self._word_index:
                        self._word_index[word] = len(by_word)
                        by_word.append([0] * len(self._tags))
                    by_word[self._word_index[word]][tag_id[tag]] = row
        self._previous_word_rows = np.array(by_word, dtype=np.int64)
        self._bias = self._row.get("bias", 0)
        self._context_ids: dict[str, int] = {}
        self._context_list: list[tuple[int, ...]] = []
        self._context_array = np.zeros((0, len(_CONTEXT_TEMPLATES)), dtype=np.int64)
        self._word_ids: dict[str, int] = {}
        self._word_list: list[tuple[int, ...]] = []
        self._word_array = np.zeros((0, 5), dtype=np.int64)
        self._normals: list[str] = []

    def _tag_pair_scores(self) -> np.ndarray:
        """Scores of "i-1 tag", "i-2 tag" and "i tag+i-2 tag" for every (previous, before)."""
        n = len(self._tags)
        pairs = np.zeros((n * n, len(self._classes)))
        for p, previous in enumerate(self._tags):
            for q, before in enumerate(self._tags):
                for feature in (f"i-1 tag {previous}", f"i-2 tag {before}",
                                f"i tag+i-2 tag {previous} {before}"):
                    pairs[p * n + q] += self._weights[self._row.get(feature, 0)]
        return pairs

    def _context(self, normal: str) -> int:
        """Id of a normalised word in the context table (its rows for each template)."""
        number = self._context_ids.get(normal)
        if number is None:
            number = self._context_ids[normal] = len(self._context_list)
            self._context_list.append(tuple(
                self._row.get(f"{template} {normal[-3:] if 'suffix' in template else normal}",
                              0) for template in _CONTEXT_TEMPLATES))
        return number

    def _word(self, word: str) -> int:
        """Id of a token in the word table (its own suffix and first-letter rows, its
        context id, its tag-dictionary tag and its "i-1 tag+i word" index)."""
        number = self._word_ids.get(word)
        if number is None:
            normal = self._model.normalize(word)
            number = self._word_ids[word] = len(self._word_list)
            self._word_list.append((
                self._row.get(f"i suffix {word[-3:]}", 0),
                self._row.get(f"i pref1 {word[0] if word else ''}", 0),
                self._context(normal),
                self._tag_id.get(self._tagdict.get(word, ""), -1),
                self._word_index.get(normal, 0)))
            self._normals.append(normal)
        return number

    def _tables(self) -> tuple[np.ndarray, np.ndarray]:
        """The word and context tables as arrays, grown when new words were seen."""
        self._word_array = _grown(self._word_array, self._word_list)
        self._context_array = _grown(self._context_array, self._context_list)
        return self._word_array, self._context_array

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
        """Tags of each sentence's tokens, as ``nltk.pos_tag`` would give them."""
        sentences = [list(words) for words in sentences]
        lengths = np.array([len(words) for words in sentences], dtype=np.int64)
        if not lengths.sum():
            return [() for _ in sentences]
        pad = [self._context(w) for w in (*_START, *_END)]
        ids = np.array([self._word(w) for words in sentences for w in words], dtype=np.int64)
        words, contexts = self._tables()
        own = words[ids]
        # each sentence's context ids with two pads before and two after
        sentence_of = np.repeat(np.arange(len(sentences)), lengths)
        position = np.arange(len(ids)) + 2 + 4 * sentence_of
        padded = np.empty(len(ids) + 4 * len(sentences), dtype=np.int64)
        padded[position] = own[:, 2]
        base = np.cumsum(lengths) - lengths + 4 * np.arange(len(sentences))
        for place, value in zip((base, base + 1, base + 2 + lengths, base + 3 + lengths), pad):
            padded[place] = value
        static = self._weights[own[:, 0]] + self._weights[own[:, 1]]
        static += self._weights[self._bias]
        for shift, column in ((0, 0), (-1, 1), (-1, 2), (-2, 3), (1, 4), (1, 5), (2, 6)):
            static += self._weights[contexts[padded[position + shift], column]]
        tags = self._decode(lengths, static, own[:, 3], own[:, 4])
        self._check_ties(sentences, [self._normals[k] for k in ids.tolist()], lengths, tags)
        names = self._tags
        offsets = np.concatenate([[0], np.cumsum(lengths)]).tolist()
        flat = [names[t] for t in tags.tolist()]
        return [tuple(flat[offsets[k]:offsets[k + 1]]) for k in range(len(sentences))]

    def _decode(self, lengths: np.ndarray, static: np.ndarray, known: np.ndarray,
                with_previous: np.ndarray) -> np.ndarray:
        """Greedy left-to-right decoding, every sentence advancing one token per step.

        Returns tag ids per token; a near tie is marked by a negative id (``-1 - id``)."""
        n_tags = len(self._tags)
        order = np.argsort(-lengths, kind="stable")
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[order]
        sorted_lengths = lengths[order]
        tags = np.zeros(int(lengths.sum()), dtype=np.int64)
        previous = np.zeros(len(order), dtype=np.int64)  # "-START-"
        before = np.ones(len(order), dtype=np.int64)  # "-START2-"
        rows = np.arange(len(order))
        for i in range(int(sorted_lengths[0])):
            m = int(np.count_nonzero(sorted_lengths > i))
            token = starts[:m] + i
            p, b = previous[:m], before[:m]
            scores = static[token] + self._pairs[p * n_tags + b]
            scores += self._weights[self._previous_word_rows[with_previous[token], p]]
            best = scores.argmax(axis=1)
            top = scores[rows[:m], best]
            close = (scores >= (top - TIE_MARGIN)[:, None]).sum(axis=1) > 1
            chosen = np.where(known[token] >= 0, known[token], best + 2)
            tags[token] = np.where(close & (known[token] < 0), -1 - chosen, chosen)
            before[:m] = p
            previous[:m] = chosen
        return tags

    def _check_ties(self, sentences: list[list[str]], normals: list[str],
                    lengths: np.ndarray, tags: np.ndarray) -> None:
        """Rescore near ties with NLTK's code, and everything after one in its sentence."""
        if not (tags < 0).any():
            return
        at = 0
        for words, n in zip(sentences, lengths.tolist()):
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

def _grown(array: np.ndarray, rows: list[tuple[int, ...]]) -> np.ndarray:
    """``array`` with the rows of ``rows`` it does not have yet appended."""
    if len(array) == len(rows):
        return array
    return np.concatenate([array, np.array(rows[len(array):], dtype=np.int64)])


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
