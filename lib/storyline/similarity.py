"""Near-duplicate texts among many, without comparing every pair.

Texts become sets of word shingles; MinHash signatures put similar sets in the same
locality-sensitive hashing buckets, so only candidates are compared, with their exact
Jaccard similarity. The work grows about linearly with the number of texts.
For paraphrases (the same report in other words), :func:`content_stems` keeps the stemmed
content words of a text and :func:`shared_key_pairs` proposes the texts that share a rare
key, such as a pair of adjacent content words, to be compared with :func:`overlap`.

Example:
    >>> sets = [word_shingles(t, 2) for t in ["Rivers rose fast in May", "rivers rose fast",
    ...                                       "Taxes will rise"]]
    >>> [(i, j, round(s, 2)) for i, j, s in near_duplicate_pairs(sets, threshold=0.4)]
    [(0, 1, 0.5)]
    >>> group_pairs(3, [(0, 1, 0.5)])
    [0, 0, -1]
"""

from __future__ import annotations

import functools
import itertools
import re
import zlib
from collections import defaultdict
from collections.abc import Hashable, Iterable

import numpy as np
from nltk.stem import PorterStemmer

_PRIME = (1 << 61) - 1
_BATCH = 2000  # sets hashed at once: bounds the (shingles x num_perm) matrix
_STAR = 50
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes kept inside ("don't"), punctuation dropped."""
    return [w.replace("’", "'") for w in _WORD.findall(str(text).lower())]


def word_shingles(text: str, size: int = 3) -> set[str]:
    """The set of ``size``-word sequences of ``text`` (the whole text when it is shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[k:k + size]) for k in range(len(tokens) - size + 1)}


@functools.cache
def _stopwords() -> frozenset[str]:
    from storyline.resources import word_list

    return word_list("stopwords", "english") | {"'s", "s"}


_stem = functools.lru_cache(maxsize=65536)(PorterStemmer().stem)


def content_stems(text: str) -> list[str]:
    """The content words of ``text`` in order, lower-cased and stemmed (Porter), without
    stop words or one-letter words: the words two wordings of one report share.

    Example:
        >>> content_stems("The senators were denied a vote on the bridges.")
        ['senat', 'deni', 'vote', 'bridg']
    """
    stop = _stopwords()
    return [_stem(w) for w in words(text) if len(w) > 1 and w not in stop]


@functools.cache
def _title_stems() -> frozenset[str]:
    from storyline.lexicons import read_lexicon

    titles = read_lexicon("titles")["title"]
    return frozenset(_stem(w) for title in titles for w in words(title))


def plain_stems(text: str) -> set[str]:
    """The stems of :func:`content_stems` that come from lower-case words other than titles
    ("nominee", "spokesman"): what a statement says beyond the names it mentions. Two
    mentions of "Democratic vice presidential nominee Tim Kaine" share six content words
    but only one plain one.

    Example:
        >>> sorted(plain_stems("Democratic vice presidential nominee Tim Kaine voted no"))
        ['presidenti', 'vote']
    """
    stop, titles = _stopwords(), _title_stems()
    stems = (_stem(w.lower().replace("’", "'")) for w in _WORD.findall(str(text))
             if w[:1].islower() and len(w) > 1 and w.lower() not in stop)
    return {stem for stem in stems if stem not in titles}


_FIGURE = re.compile(r"(?i)\d[\d,]*(?:\.\d+)?|"
                     r"\b(?:(?:one|two|three|four|a)[- ])?(?:half|thirds?|quarters?|fifths?)\b")


def figures(text: str) -> frozenset[str]:
    """The figures of ``text``: numbers written in digits (without thousands commas) and
    fractions in words ("two-thirds", "half"), lower-cased with a space for a hyphen.

    Example:
        >>> sorted(figures("Some 1,200 voters, or two-thirds, said 4.5 was fair"))
        ['1200', '4.5', 'two thirds']
    """
    return frozenset(match.replace(",", "").replace("-", " ").lower()
                     for match in _FIGURE.findall(str(text)))


def name_words(name: str) -> frozenset[str]:
    """The lower-cased words of a person's name that tell people apart: no titles, no stop
    words, no initials.

    Example:
        >>> sorted(name_words("Sen. Lindsey Graham")), sorted(name_words("Sanders of Vermont"))
        (['graham', 'lindsey'], ['sanders', 'vermont'])
    """
    stop, titles = _stopwords(), _title_stems()
    return frozenset(w for w in words(name) if len(w) > 1 and w not in stop
                     and _stem(w) not in titles)


def looks_like_name(text: str) -> bool:
    """Whether every word of ``text`` is capitalised and none is a stop word, as in a
    person's name ("Pence", "Jo Ames") but not "The Latest" or "They".

    Example:
        >>> looks_like_name("Pence"), looks_like_name("The Latest"), looks_like_name("aides")
        (True, False, False)
    """
    tokens = str(text).split()
    return bool(tokens) and all(t[:1].isupper() and t.lower() not in _stopwords()
                                for t in tokens)


def overlap(first: set, second: set) -> tuple[int, float, float]:
    """``(shared, jaccard, containment)`` of two sets: the number of shared elements, their
    share of all elements, and their share of the smaller set (how much of a short text the
    long one contains).

    Example:
        >>> overlap({"a", "b", "c", "d"}, {"a", "b", "c", "d", "e", "f", "g", "h"})
        (4, 0.5, 1.0)
    """
    shared = len(first & second)
    smaller = min(len(first), len(second))
    union = len(first) + len(second) - shared
    return shared, shared / union if union else 0.0, shared / smaller if smaller else 0.0


def shared_key_pairs(keys: Iterable[Iterable[Hashable]], *,
                     max_bucket: int = 50) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of items that share at least one key held by at most
    ``max_bucket`` items: an inverted index whose common keys are skipped, so the work is at
    most ``max_bucket`` comparisons per key an item holds, linear in the number of items.

    Example:
        >>> sorted(shared_key_pairs([{"x", "y"}, {"y"}, {"z"}, {"x"}], max_bucket=2))
        [(0, 1), (0, 3)]
    """
    index: defaultdict[Hashable, list[int]] = defaultdict(list)
    for item, held in enumerate(keys):
        for key in set(held):
            index[key].append(item)
    pairs: set[tuple[int, int]] = set()
    for items in index.values():
        if 1 < len(items) <= max_bucket:
            pairs.update(itertools.combinations(items, 2))
    return pairs


def jaccard(first: set, second: set) -> float:
    """Shared elements over all elements of two sets (0 for two empty sets)."""
    return overlap(first, second)[1]


def minhash_signatures(sets: list[set[str]], *, num_perm: int = 128,
                       seed: int = 1) -> np.ndarray:
    """MinHash signatures, one row of ``num_perm`` values per set, computed with numpy.

    Each element is hashed once (CRC-32) and put through ``num_perm`` random
    multiply-shift maps (``(a * x + b) >> 32`` in 64-bit arithmetic); a signature keeps the
    minimum of each map. Empty sets get all-maximum rows."""
    rng = np.random.RandomState(seed)
    scale = rng.randint(1, _PRIME, size=num_perm, dtype=np.uint64) * np.uint64(8) | np.uint64(1)
    shift = rng.randint(0, _PRIME, size=num_perm, dtype=np.uint64) * np.uint64(8)
    signatures = np.full((len(sets), num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    for first in range(0, len(sets), _BATCH):
        batch = [k for k in range(first, min(first + _BATCH, len(sets))) if sets[k]]
        if not batch:
            continue
        hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for k in batch for w in sets[k]),
                             dtype=np.uint64)
        starts = np.cumsum([0] + [len(sets[k]) for k in batch[:-1]])
        with np.errstate(over="ignore"):  # the maps wrap around 2**64 on purpose
            values = (hashes[:, None] * scale + shift) >> np.uint64(32)
        signatures[batch] = np.minimum.reduceat(values, starts, axis=0)
    return signatures


def near_duplicate_pairs(sets: list[set[str]], *, threshold: float = 0.5,
                         num_perm: int = 128) -> list[tuple[int, int, float]]:
    """``(i, j, similarity)`` for the pairs ``i < j`` with Jaccard similarity at least
    ``threshold``, among the candidates locality-sensitive hashing proposes (a pair just
    above the threshold is missed now and then); empty sets are never paired.

    Signatures are cut into bands (as many, and as wide, as datasketch's ``MinHashLSH``
    chooses for the threshold); sets sharing a whole band are candidates, then compared
    exactly. A bucket of more than ``_STAR`` sets links each to its first set only."""
    bands, width = _banding(threshold, num_perm)
    signatures = minhash_signatures(sets, num_perm=num_perm)
    present = np.array([k for k, s in enumerate(sets) if s], dtype=np.int64)
    candidates: set[tuple[int, int]] = set()
    mix = np.random.RandomState(2).randint(1, _PRIME, size=width, dtype=np.uint64) | 1
    for band in range(bands):
        rows = signatures[present, band * width:(band + 1) * width]
        with np.errstate(over="ignore"):  # one 64-bit key per band; a collision only adds
            keys = (rows * mix).sum(axis=1, dtype=np.uint64)  # a candidate, checked below
        _, bucket = np.unique(keys, return_inverse=True)
        order = np.argsort(bucket, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(bucket[order]) != 0])
        sizes = np.diff(np.r_[starts, len(order)])
        shared = present[order]
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            members = shared[start:start + size].tolist()
            if len(members) > _STAR:
                candidates.update((members[0], m) for m in members[1:])
            else:
                candidates.update((i, j) for n, i in enumerate(members) for j in members[n + 1:])
    pairs = [(i, j, jaccard(sets[i], sets[j])) for i, j in candidates]
    return sorted(pair for pair in pairs if pair[2] >= threshold)


@functools.cache
def _banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """Number and width of LSH bands for ``threshold``, as datasketch's MinHashLSH picks them
    (balancing missed pairs against false candidates)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def star_groups(n: int, pairs: list[tuple[int, int, float]]) -> list[int]:
    """Groups of ``n`` items in which every member is linked to the group's centre, so a chain
    a-b-c-d cannot join a and d, which may say different things. The item with most links
    becomes a centre and takes its free neighbours, then the next, and so on. A group id per
    item, numbered by first member; -1 for items in no group of two or more.

    Example:
        >>> star_groups(5, [(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.5), (3, 4, 0.5)])
        [0, 0, 0, 1, 1]
        >>> group_pairs(5, [(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.5), (3, 4, 0.5)])
        [0, 0, 0, 0, 0]
    """
    neighbours: defaultdict[int, set[int]] = defaultdict(set)
    for i, j, _ in pairs:
        neighbours[i].add(j)
        neighbours[j].add(i)
    centre = [-1] * n
    for item in sorted(neighbours, key=lambda k: (-len(neighbours[k]), k)):
        if centre[item] >= 0:
            continue
        free = [k for k in neighbours[item] if centre[k] < 0]
        if free:
            for k in (item, *free):
                centre[k] = item
    numbers: dict[int, int] = {}
    return [numbers.setdefault(c, len(numbers)) if c >= 0 else -1 for c in centre]


def group_pairs(n: int, pairs: list[tuple[int, int, float]]) -> list[int]:
    """Connected groups of ``n`` items linked by ``pairs``: a group id per item, numbered by
    first member, and -1 for items linked to nothing."""
    parent = list(range(n))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, j, _ in pairs:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    linked = {k for i, j, _ in pairs for k in (i, j)}
    numbers: dict[int, int] = {}
    return [numbers.setdefault(root(k), len(numbers)) if k in linked else -1 for k in range(n)]
