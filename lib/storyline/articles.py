"""Read news articles from text, ``.txt``, ``.md`` (with front matter) and ``.html`` files.

An :class:`Article` holds the text exactly as read (every offset in the kit indexes it), its
metadata, and the character ranges of boilerplate ("Advertisement", "Read more at ...") that
analysis skips. Metadata comes from the arguments first, then from the file's front matter or
HTML, then from an ``articles.csv`` sidecar table beside the file or in its parent folder.

Example:
    >>> article = read_article("Advertisement\\nPutin said it was false.", published="2024-10-25")
    >>> article.published, article.boilerplate
    (datetime.date(2024, 10, 25), ((0, 13),))
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import functools
import hashlib
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.lexicons import read_lexicon

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: The bundled example article (in the repository's ``data/articles/``).
EXAMPLE_PATH = Path(__file__).resolve().parents[2] / "data" / "articles" / "musk-putin-starlink.txt"
#: Above this size an article still completes, with a warning that it will take a while.
LARGE_ARTICLE_CHARS = 1_000_000


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message names the input and the fix."""


class StorylineWarning(UserWarning):
    """Something about an input is doubtful but analysis can go on (encoding, language, size)."""


@dataclass(frozen=True)
class Article:
    """One news article: its text as read, metadata, and recognised boilerplate ranges."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    path: str | None = None
    language: str | None = None
    boilerplate: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        """Read ``published`` given as text ("2016-09-12") or a datetime as a date, so every
        function that resolves dates gets one; ``ArticleError`` naming the article if it is
        not a date.

        Example:
            >>> Article(id="a", text="It rained.", published="2016-09-12").published
            datetime.date(2016, 9, 12)
        """
        if type(self.published) is not dt.date:
            where = self.path or f"article {self.id!r}"
            object.__setattr__(self, "published", parse_published(self.published, where=where))

    def metadata(self) -> dict:
        """Metadata as JSON-ready values (dates as ISO strings), without the text."""
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "path": self.path,
            "language": self.language,
            "boilerplate": [list(span) for span in self.boilerplate],
            "warnings": list(self.warnings),
        }


def parse_published(value: object, *, where: str = "input") -> dt.date | None:
    """A publication date from ``date``/``datetime``/ISO text; ``ArticleError`` if unreadable."""
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ArticleError(
            f"published must be YYYY-MM-DD, got {text!r} for {where}"
        ) from None


def _warn(message: str, notes: list[str]) -> None:
    notes.append(message)
    warnings.warn(message, StorylineWarning, stacklevel=3)


def decode(data: bytes, *, where: str, notes: list[str]) -> str:
    """Decode bytes as UTF-8, falling back to Windows-1252 with a warning; reject binaries."""
    if not data.strip():
        raise ArticleError(f"{where} is empty: nothing to analyse")
    sample = data[:8192]
    control = sum(byte < 9 or 13 < byte < 32 for byte in sample)
    if b"\x00" in sample or control > len(sample) * 0.05:
        raise ArticleError(f"{where} looks like a binary file, not text: give a .txt, .md or .html")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        _warn(
            f"{where} is not valid UTF-8 (byte {error.start}); decoded as Windows-1252: "
            "check accented characters, or save the file as UTF-8",
            notes,
        )
        return data.decode("cp1252", errors="replace")


@functools.cache
def _boilerplate_patterns() -> tuple[re.Pattern, ...]:
    return tuple(
        re.compile(pattern, re.IGNORECASE) for pattern in read_lexicon("boilerplate")["pattern"]
    )


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of whole lines that match a boilerplate pattern (the line, no newline)."""
    spans = []
    patterns = _boilerplate_patterns()
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group().strip()
        if len(stripped) <= 200 and any(p.match(stripped) for p in patterns):
            spans.append((line.start(), line.end()))
    return tuple(spans)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)


def _front_matter(text: str) -> tuple[dict, str]:
    """Split ``key: value`` front matter off a Markdown text (a flat YAML subset)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta, text[match.end():]


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))


def _from_html(html: str, where: str) -> tuple[dict, str]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None or not (extracted.text or "").strip():
        raise ArticleError(f"{where}: found no article body in the HTML")
    meta = {
        "title": extracted.title,
        "outlet": extracted.sitename,
        "published": extracted.date,
        "url": extracted.url,
        "language": extracted.language,
    }
    return {k: v for k, v in meta.items() if v}, extracted.text


def _sidecar_metadata(path: Path) -> dict:
    """The row describing ``path`` in an ``articles.csv`` beside it or in its parent folder."""
    for folder in (path.parent, path.parent.parent):
        table = folder / "articles.csv"
        if not table.is_file():
            continue
        with table.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                listed = (folder / row.get("path", "")).resolve() if row.get("path") else None
                if listed == path.resolve() or row.get("id") == path.stem:
                    return {k: v for k, v in row.items() if v and k != "path"}
    return {}


_STOPWORDS_SAMPLE = 2000
#: NLTK stopword lists that mix English in, so they cannot tell English apart.
MIXED_STOPWORD_LISTS = {"hinglish"}


def detect_language(text: str) -> str | None:
    """Guess the language by stopword counts (NLTK's stopword lists); None for short texts.

    Example:
        >>> detect_language("Le maire a dit que le pont serait fermé pendant les travaux, "
        ...                 "et que les habitants de la ville ne seraient pas prévenus avant "
        ...                 "la fin du mois de juin.")
        'french'
    """
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())[:_STOPWORDS_SAMPLE]
    if len(words) < 20:
        return None
    languages = _stopword_languages()
    scores = dict.fromkeys(languages[None], 0)
    for word, count in collections.Counter(words).items():
        for language in languages.get(word, ()):
            scores[language] += count
    best = max(scores, key=scores.get)
    # Short function words are shared between languages: English wins near-ties.
    english = max(score for name, score in scores.items() if name.startswith("english"))
    return "en" if english >= 0.8 * scores[best] else best


@functools.cache
def _stopword_languages() -> dict[str | None, tuple[str, ...]]:
    """Each stopword of NLTK's lists -> the languages that list it, and ``None`` -> all the
    languages (mixed lists left out), so that a text's words are looked up once rather than
    its vocabulary intersected with thirty lists."""
    from storyline.resources import stopword_languages, word_list

    languages = [name for name in stopword_languages() if name not in MIXED_STOPWORD_LISTS]
    by_word: dict[str | None, list[str]] = {None: languages}
    for language in languages:
        for word in word_list("stopwords", language):
            by_word.setdefault(word, []).append(language)
    return {word: tuple(names) for word, names in by_word.items()}


def _article_id(path: Path | None, text: str) -> str:
    if path is not None:
        return path.stem
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _looks_like_path(value: str | Path) -> bool:
    if isinstance(value, Path):
        return True
    return "\n" not in value and len(value) < 1024 and (
        value.lower().endswith(ARTICLE_SUFFIXES) or Path(value).exists()
    )


def read_article(
    path_or_text: str | Path,
    *,
    published: object = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
) -> Article:
    """Read one article from a file path or from the text itself.

    Raises :class:`ArticleError` (or ``FileNotFoundError``/``IsADirectoryError``) with a
    message naming the input for empty, binary, missing or unreadable inputs; warns
    (:class:`StorylineWarning`) for doubtful encodings, non-English text and huge files.

    Example:
        >>> read_article("data/articles/musk-putin-starlink.txt").outlet
        'Daily Mail'
    """
    notes: list[str] = []
    path: Path | None = None
    meta: dict = {}
    if _looks_like_path(path_or_text):
        path = Path(path_or_text)
        where = str(path)
        if path.is_dir():
            raise IsADirectoryError(f"{where} is a folder: use read_articles() for many articles")
        if not path.exists():
            raise FileNotFoundError(f"{where} does not exist")
        text = decode(path.read_bytes(), where=where, notes=notes)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm") or _looks_like_html(text):
            meta, text = _from_html(text, where)
        elif suffix == ".md":
            meta, text = _front_matter(text)
        sidecar = _sidecar_metadata(path)
        meta = {**sidecar, **meta}
    else:
        text = str(path_or_text)
        where = "the text given"
        if not text.strip():
            raise ArticleError("the text given is empty: nothing to analyse")
        if _looks_like_html(text):
            meta, text = _from_html(text, where)
    return _build(text, path, where, meta, notes,
                  {"published": published, "outlet": outlet, "title": title, "url": url, "id": id})


def read_example() -> Article:
    """The bundled example article, with its metadata from ``data/articles.csv``.

    Example:
        >>> read_example().published
        datetime.date(2024, 10, 25)
    """
    return read_article(EXAMPLE_PATH)


def article_from_text(text: str, *, where: str = "the text given", **metadata: object) -> Article:
    """An article from its text, never treating the string as a path (see :func:`read_article`).

    Example:
        >>> article_from_text("notes.txt").text
        'notes.txt'
    """
    if not text.strip():
        raise ArticleError(f"{where} is empty: nothing to analyse")
    return _build(text, None, where, {}, [], metadata)


def _build(text: str, path: Path | None, where: str, meta: dict, notes: list[str],
           given: dict) -> Article:
    if len(text) > LARGE_ARTICLE_CHARS:
        _warn(f"{where} is {len(text):,} characters long; analysis will take a while", notes)
    language = meta.get("language") or detect_language(text)
    if language and language not in ("en", "english"):
        _warn(f"{where} does not look like English (detected {language!r}): "
              "the kit's rules are for English and will miss most of it", notes)
    merged = {**meta, **{k: v for k, v in given.items() if v not in (None, "")}}
    return Article(
        id=str(merged.get("id") or _article_id(path, text)),
        text=text,
        title=merged.get("title") or None,
        outlet=merged.get("outlet") or None,
        published=parse_published(merged.get("published"), where=where),
        url=merged.get("url") or None,
        path=str(path) if path else None,
        language=language,
        boilerplate=find_boilerplate(text),
        warnings=tuple(notes),
    )


#: Column names accepted for each field in CSV, JSONL and Parquet inputs.
FIELD_ALIASES = {
    "id": ("id", "doc", "doc_id", "article_id"),
    "text": ("text", "body", "content"),
    "outlet": ("outlet", "publisher", "source", "site"),
    "published": ("published", "date", "publication_date", "pub_date"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "path": ("path", "file"),
}


def _normalise_record(record: dict) -> dict:
    out = {}
    for field_name, names in FIELD_ALIASES.items():
        for name in names:
            value = record.get(name)
            if value is not None and value == value and value != "":
                out[field_name] = value
                break
    return out


def article_inputs(source: str | Path) -> Iterator[tuple[str, dict]]:
    """Each article of a folder, CSV or JSONL file as ``(reference, read_article kwargs)``.

    Nothing is read or parsed beyond the listing, so a caller can load each input on its own
    and record a failure without stopping the rest. A record with no text and no path yields
    kwargs without ``path_or_text``: :func:`load_input` turns it into a clear error.
    """
    source = Path(source)
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
                yield str(path), {"path": path}
        return
    if not source.exists():
        raise FileNotFoundError(f"{source} does not exist")
    suffix = source.suffix.lower()
    if suffix in ARTICLE_SUFFIXES:
        yield str(source), {"path": source}
    elif suffix == ".csv":
        with source.open(newline="", encoding="utf-8") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=2):
                yield f"{source}:{number}", _record_kwargs(record, source)
    elif suffix in (".jsonl", ".ndjson"):
        with source.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    yield f"{source}:{number}", {"error": f"line {number} is not JSON: {error}"}
                    continue
                yield f"{source}:{number}", _record_kwargs(record, source)
    elif suffix == ".parquet":
        import pyarrow.parquet as pq

        row = 0
        for batch in pq.ParquetFile(source).iter_batches(batch_size=256):
            for record in batch.to_pylist():
                row += 1
                yield f"{source}:row {row}", _record_kwargs(record, source)
    else:
        raise ArticleError(
            f"{source}: cannot read {suffix or 'files without a suffix'}; give a folder, "
            ".txt/.md/.html, .csv, .jsonl or .parquet"
        )


def _record_kwargs(record: dict, table: Path) -> dict:
    fields = _normalise_record(record)
    kwargs = {k: fields[k] for k in ("id", "outlet", "published", "title", "url") if k in fields}
    if "text" in fields:
        kwargs["text"] = str(fields["text"])
    elif "path" in fields:
        kwargs["path"] = table.parent / str(fields["path"])
    return kwargs


def load_input(reference: str, kwargs: dict) -> Article:
    """Read the article that :func:`article_inputs` described, raising a clear error."""
    if "error" in kwargs:
        raise ArticleError(f"{reference}: {kwargs['error']}")
    metadata = {k: v for k, v in kwargs.items() if k not in ("text", "path")}
    try:
        if "path" in kwargs:
            return read_article(kwargs["path"], **metadata)
        if "text" in kwargs:
            return article_from_text(kwargs["text"], where=reference, **metadata)
        raise ArticleError("the row has no text (nor a path to a file)")
    except ArticleError as error:
        message = str(error)
        raise ArticleError(message if reference in message else f"{reference}: {message}") from None


def read_articles(source: str | Path) -> Iterator[Article]:
    """Every article in a folder (``.txt``, ``.md``, ``.html``), a CSV or a JSONL file.

    CSV/JSONL records need a ``text`` (or ``path``) column; ``id``, ``outlet``
    (or ``publisher``), ``published`` (or ``date``), ``title`` and ``url`` are optional.
    A bad member raises; use ``storyline.corpus.analyze_corpus`` to collect errors instead.

    Example:
        >>> [a.id for a in read_articles("data/articles")]
        ['musk-putin-starlink']
    """
    for reference, kwargs in article_inputs(source):
        yield load_input(reference, kwargs)
