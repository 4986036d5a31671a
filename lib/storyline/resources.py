"""Find the NLTK data the kit needs, fetch it where possible, and load models once.

NLTK looks in the folders named by the ``NLTK_DATA`` environment variable and in its usual
places (``~/nltk_data``, ``/usr/share/nltk_data``, ...). Where a resource is missing the kit
tries ``nltk.download`` once; where that fails (no internet) it stops with
:class:`MissingNLTKData`, which names the missing resources and the command that fetches them.

Example:
    >>> from storyline.resources import missing_resources
    >>> missing_resources()
    []
"""

from __future__ import annotations

import functools
import json
import math
import os
from itertools import chain

import nltk

from storyline.punkt import FastPunkt

#: NLTK package name -> the path ``nltk.data.find`` looks up to check it is installed.
REQUIRED: dict[str, str] = {
    "punkt_tab": "tokenizers/punkt_tab/english/",
    "averaged_perceptron_tagger_eng": "taggers/averaged_perceptron_tagger_eng/",
    "words": "corpora/words",
    "names": "corpora/names",
    "gazetteers": "corpora/gazetteers",
    "stopwords": "corpora/stopwords",
}

FETCH_COMMAND = "storyline setup   (or: python -m nltk.downloader " + " ".join(REQUIRED) + ")"


class MissingNLTKData(RuntimeError):
    """Raised when NLTK resources are missing and cannot be downloaded."""


def _installed(path: str) -> bool:
    for candidate in (path, path.rstrip("/") + ".zip"):
        try:
            nltk.data.find(candidate)
            return True
        except LookupError:
            continue
    return False


def missing_resources() -> list[str]:
    """Names of the required NLTK packages that cannot be found on this machine."""
    return [name for name, path in REQUIRED.items() if not _installed(path)]


def ensure_nltk_data(*, download: bool = True, quiet: bool = True) -> None:
    """Make sure every required NLTK resource is installed, downloading what is missing.

    Raises :class:`MissingNLTKData` naming the missing resources, the folders searched and
    the command that fetches them, when they are absent and cannot be downloaded.
    """
    missing = missing_resources()
    if missing and download:
        for name in missing:
            try:
                nltk.download(name, quiet=quiet, raise_on_error=True)
            except Exception:  # noqa: BLE001 - any network or disk failure means "not fetched"
                pass
        missing = missing_resources()
    if missing:
        searched = os.pathsep.join(str(p) for p in nltk.data.path)
        raise MissingNLTKData(
            f"NLTK data missing: {', '.join(missing)}. Searched: {searched}. "
            f"Fetch it on a machine with internet with: {FETCH_COMMAND}; "
            "or point NLTK_DATA at a folder that holds it."
        )


_checked = False


def _require() -> None:
    global _checked
    if not _checked:
        ensure_nltk_data()
        _checked = True


@functools.cache
def sentence_splitter() -> nltk.tokenize.PunktTokenizer:
    """The English Punkt sentence splitter, loaded once per process, with extra abbreviations."""
    from storyline.lexicons import abbreviations

    _require()
    splitter = FastPunkt("english")
    splitter._params.abbrev_types.update(abbreviations())
    return splitter


@functools.cache
def pos_tagger() -> nltk.tag.PerceptronTagger:
    """NLTK's averaged perceptron tagger for English, loaded once per process.

    The model is the same as ``nltk.tag.PerceptronTagger(lang="eng")``'s, read by
    :func:`read_perceptron` in about 70% of the CPU time (every corpus run pays it)."""
    _require()
    tagger = nltk.tag.PerceptronTagger(load=False)
    folder = nltk.data.find("taggers/averaged_perceptron_tagger_eng/")
    tagger.decode_json_params(read_perceptron(folder, tagger.param_files("eng")))
    return tagger


def read_perceptron(folder: nltk.data.PathPointer,
                    files: tuple[str, str, str]) -> tuple[dict, dict, list]:
    """The weights, tag dictionary and classes of a perceptron tagger, from its three JSON
    ``files`` in ``folder`` (a directory or a zip file NLTK found).

    NLTK's own reader also bounds the files' size and nesting and walks every parsed value
    for NaN or infinity, which adds about 40% to the parse. These are NLTK's own files, found
    where NLTK finds them, so here the standard library's parser reads them, and only the
    weights, the one place a number belongs, are checked to be finite: a tag model with an
    infinite weight would tag by it alone.

    Example:
        >>> folder = nltk.data.find("taggers/averaged_perceptron_tagger_eng/")
        >>> weights, tagdict, classes = read_perceptron(
        ...     folder, nltk.tag.PerceptronTagger(load=False).param_files("eng"))
        >>> tagdict["said"], len(classes)
        ('VBD', 45)
    """
    weights, tagdict, classes = (json.loads(_read_bytes(folder, name)) for name in files)
    numbers = chain.from_iterable(map(dict.values, weights.values()))
    if not all(map(math.isfinite, numbers)):
        raise ValueError(f"{folder}: the tagger's weights hold a NaN or infinite number")
    return weights, tagdict, classes


def _read_bytes(folder: nltk.data.PathPointer, name: str) -> bytes:
    with folder.join(name).open() as stream:
        return stream.read()


@functools.cache
def word_list(corpus: str, fileid: str) -> frozenset[str]:
    """Words of an NLTK word-list corpus (``names``, ``gazetteers``, ``stopwords``, ``words``).

    The same words as ``reader.words(fileid)``, the non-blank lines, read without NLTK's line
    tokenizer, which takes most of the time for the 236,000 lines of ``words``.

    Example:
        >>> "Ann Arbor" in word_list("gazetteers", "uscities.txt")
        True
    """
    _require()
    reader = getattr(nltk.corpus, corpus)
    return frozenset(filter(str.strip, reader.raw(fileid).splitlines()))


@functools.cache
def stopword_languages() -> tuple[str, ...]:
    """Languages that NLTK's ``stopwords`` corpus has a list for.

    Example:
        >>> "english" in stopword_languages()
        True
    """
    _require()
    return tuple(nltk.corpus.stopwords.fileids())


@functools.cache
def first_names() -> frozenset[str]:
    """First names of NLTK's ``names`` corpus, male and female.

    Example:
        >>> "Douglas" in first_names()
        True
    """
    return word_list("names", "male.txt") | word_list("names", "female.txt")


def main() -> None:
    """Entry point of ``storyline setup``: fetch missing NLTK data, report what is there."""
    ensure_nltk_data(quiet=False)
    print("NLTK data present:", ", ".join(REQUIRED))


if __name__ == "__main__":
    main()
