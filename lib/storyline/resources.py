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
import os

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
    """NLTK's averaged perceptron tagger for English, loaded once per process."""
    _require()
    return nltk.tag.PerceptronTagger(lang="eng")


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
