"""Corroboration across outlets: the claims, sources and events several articles share.

:func:`claim_groups` links claims of different articles, published within days of each
other, whose contents share most of their stemmed content words (candidates come from an
index of adjacent word pairs, so the work grows about linearly with the number of claims).
:func:`corroborate` sums each group up: which outlets carry it, who published first, which
sources are named, which articles relay another outlet ("the Post reports") rather than
their own sources, and whether any article carries a denial. This is how ten stories turn
out to be one anonymous-sourced report relayed ten times. :func:`recurring_sources` finds
one named source across many articles; :func:`merge_timelines` makes one chronology.

Each function takes the result of :func:`storyline.analyze_corpus` (or a dict of its tables).

Example:
    >>> from storyline import analyze_corpus
    >>> texts = [
    ...     {"id": "a1", "outlet": "Gazette", "published": "2024-03-01",
    ...      "text": "The dam will be closed for repairs until the end of June, "
    ...              "two engineers told the Gazette."},
    ...     {"id": "b1", "outlet": "Courier", "published": "2024-03-02",
    ...      "text": "The dam will be closed for repairs until the end of June, "
    ...              "the Gazette reported."}]
    >>> groups = corroborate(analyze_corpus(texts, progress=False))
    >>> groups[["outlets", "earliest_outlet", "relayed_by", "anonymous_only"]]
                  outlets earliest_outlet relayed_by  anonymous_only
    0  [Gazette, Courier]         Gazette       [b1]            True
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping

import pandas as pd

from storyline.attribution import is_share, medium_phrases, name_parts
from storyline.claims import OBJECT_KINDS
from storyline.lexicons import name_index
from storyline.similarity import (
    content_stems,
    figures,
    group_pairs,
    looks_like_name,
    name_words,
    near_duplicate_pairs,
    overlap,
    plain_stems,
    shared_key_pairs,
    star_groups,
    word_shingles,
)
from storyline.similarity import words as text_words
from storyline.tables import make_table

MEMBER_COLUMNS = {
    "group_id": "int64",
    "article_id": "string",
    "outlet": "string",
    "published": "datetime64[s]",
    "claim_id": "int64",
    "content": "string",
    "content_start": "int64",
    "content_end": "int64",
    "source_text": "string",
    "source_start": "int64",
    "source_end": "int64",
    "source_name": "string",
    "source_type": "string",
    "relayed_from": "string",
    "denial": "bool",
    "answered": "bool",
    "similarity": "float64",
    "boilerplate": "bool",
}
"""Columns of :func:`claim_groups`, one row per claim in a group: ``content_start`` and
``content_end`` (and the source's) are offsets into that article's text. ``source_name``
and ``source_type`` come from the ``sources`` table; ``relayed_from`` names another outlet
the article credits for the claim (its source, the outlet its source told, the outlet whose
poll or interview its sentence names, the same for an earlier claim of the poll or
interview it goes on with, or the source of the claim it is nested in), empty when the
article relies on its own sources;
``denial`` is true when the claim is itself a denial ("the owners denied that ..."),
``answered`` when a denial later in its article rejects it;
``similarity`` is the best Jaccard similarity of the claim's stemmed content words to
another member from a different article that it matches; ``boilerplate`` is true when one
outlet prints the same content in at least :data:`BOILERPLATE_ARTICLES` articles spread over
more than ``within_days`` (an editor's note, a stock background line), not news relayed."""

GROUP_COLUMNS = {
    "group_id": "int64",
    "text": "string",
    "n_articles": "int64",
    "n_outlets": "int64",
    "outlets": "object",
    "article_ids": "object",
    "earliest_published": "datetime64[s]",
    "earliest_outlet": "string",
    "earliest_article_id": "string",
    "sources": "object",
    "named_sources": "object",
    "anonymous_only": "bool",
    "relayed_by": "object",
    "relayed_from": "object",
    "own_sources_in": "object",
    "denied": "bool",
    "denied_in": "object",
    "boilerplate": "bool",
    "members": "object",
}
"""Columns of :func:`corroborate`, one row per group, most outlets first. ``text`` is the
claim as the earliest article worded it; ``outlets`` and ``article_ids`` in order of
publication; ``sources`` every source name given, ``named_sources`` those with a proper
name, ``anonymous_only`` true when no article names a source other than an outlet;
``relayed_by`` the articles crediting another outlet (``relayed_from``), ``own_sources_in``
the others; ``denied_in`` the articles where a member claim is answered by a denial, or is
a denial of what other members assert (when every member is a denial, the group is one
denial relayed: not denied, and its sources are the deniers); ``boilerplate`` is true when
every member is one outlet's stock line (see :data:`MEMBER_COLUMNS`); ``members`` lists
``[article_id, claim_id, content_start, content_end]``."""

#: Claims whose content has fewer words than this are too generic to match across outlets.
MIN_WORDS = 6
#: Jaccard similarity of stemmed content words at which two claims are one text copied.
NEAR_COPY = 0.9
#: Content one outlet prints in this many articles, over weeks, is its boilerplate.
BOILERPLATE_ARTICLES = 3


def _table(result: Mapping | object, name: str) -> pd.DataFrame:
    return result[name]


@functools.lru_cache(maxsize=4096)
def canonical_outlet(name: object) -> str:
    """An outlet's lexicon name ("WSJ" -> "The Wall Street Journal"), else the name as given
    without a leading "the". A corpus's short id for an outlet ("wash-post") is read as the
    one name whose words it abbreviates (:func:`outlet_from_id`).

    Example:
        >>> canonical_outlet("the Post"), canonical_outlet("nyt"), canonical_outlet("the Gazette")
        ('The Washington Post', 'The New York Times', 'Gazette')
    """
    if name is None or name is pd.NA or (isinstance(name, float) and name != name):
        return ""
    text = str(name).strip()
    bare = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    index = name_index("outlets")
    for key in (text, bare, re.sub(r"[-_]+", " ", text)):
        if key.lower() in index:
            return index[key.lower()]
    return outlet_from_id(text) or bare


@functools.cache
def outlet_from_id(identifier: str) -> str:
    """The outlet a corpus's id names, when its parts begin the words of exactly one name or
    alias in the outlets lexicon, one part per word: corpora often label outlets so
    ("wash-post", "huff_post"), and an article must not count as relaying its own outlet.
    An id with one part, or that fits no name or several, gives "".

    Example:
        >>> outlet_from_id("wash-post"), outlet_from_id("huff-post"), outlet_from_id("ny-daily")
        ('The Washington Post', 'HuffPost', '')
    """
    parts = [part for part in re.split(r"[-_]+", identifier.lower()) if part]
    if len(parts) < 2 or " " in identifier.strip():
        return ""
    found = {outlet for alias, outlet in name_index("outlets").items()
             if len(words := re.sub(r"^the\s+", "", alias).split()) == len(parts)
             and all(map(str.startswith, words, parts))}
    return found.pop() if len(found) == 1 else ""


def _members(result) -> pd.DataFrame:
    """Every claim long enough to compare, with its article, source and relay facts."""
    claims = _table(result, "claims")
    articles = _table(result, "articles")[["article_id", "outlet", "published"]]
    sources = _table(result, "sources")[["article_id", "source_id", "name", "source_type",
                                         "named"]]
    frame = claims.merge(articles, on="article_id", how="left")
    frame = frame.merge(sources.rename(columns={"name": "source_name"}),
                        on=["article_id", "source_id"], how="left")
    for column in ("source_name", "source_type", "recipient"):
        frame[column] = frame[column].fillna("")
    frame["own"] = frame["outlet"].map(canonical_outlet).fillna("")
    outlets = _outlet_names() | set(frame["own"])  # the lexicon's and the corpus's own
    frame["outlet_source"] = [
        outlet if kind == "outlet" or outlet in outlets else _published_by(text, outlets)
        for outlet, kind, text in zip(frame["source_name"].map(canonical_outlet),
                                      frame["source_type"], frame["source_text"].fillna(""))]
    told = [outlet if outlet in outlets else "" for outlet in map(canonical_outlet,
                                                                  frame["recipient"])]
    frame["voice"] = [name_words(name) for name in frame.source_name]
    sentences = _sentence_texts(_optional_table(result, "sentences"))
    credited = _carried(frame, [t or c for t, c in zip(
        told, _credited(frame, sentences, outlets))], sentences)
    by_claim = dict(zip(zip(frame.article_id, frame.claim_id),
                        [o or c for o, c in zip(frame.outlet_source, credited)]))
    parent = [by_claim.get((a, p), "") if p is not pd.NA else ""
              for a, p in zip(frame.article_id, frame.parent_claim_id)]
    frame["relayed_from"] = [
        next((o for o in (own_source, medium, outer) if o and o != own), "")
        for own_source, medium, outer, own in zip(frame.outlet_source, credited, parent,
                                                  frame.own)]
    frame["speaker"] = [voice if kind in ("person", "other") and (
                            named is True or looks_like_name(name)) else frozenset()
                        for voice, name, kind, named in zip(
                            frame.voice, frame.source_name, frame.source_type,
                            frame.named.astype(object))]
    frame["target"] = [_is_target(kind, quote, text) for kind, quote, text in zip(
        frame.cue_kind, frame.quote_type, frame.content.fillna(""))]
    answered = claims.loc[claims.denial & claims.answers_claim_id.notna(),
                          ["article_id", "answers_claim_id"]]
    denied = set(zip(answered.article_id, answered.answers_claim_id.astype("int64")))
    frame["answered"] = [(a, c) in denied for a, c in zip(frame.article_id, frame.claim_id)]
    frame["denial"] = frame.denial.astype(bool)
    return frame


def _optional_table(result: Mapping | object, name: str) -> pd.DataFrame | None:
    try:
        return _table(result, name)
    except KeyError:
        return None


def _outlet_in(name: str, outlets: set[str]) -> str:
    """The first outlet ``name`` names, whole or in part ("Wall Street Journal/NBC News" ->
    The Wall Street Journal), else ""."""
    return next((outlet for outlet in map(canonical_outlet, name_parts(name))
                 if outlet in outlets), "")


def _published_by(source: str, outlets: set[str]) -> str:
    """The outlet whose poll, interview or report a claim's source is ("A Gazette poll",
    "a report by the Gazette"), else ""."""
    return next((outlet for _, (start, end) in medium_phrases(source, reports=True)
                 if (outlet := _outlet_in(source[start:end], outlets))), "")


def _sentence_texts(sentences: pd.DataFrame | None) -> dict[tuple, tuple[int, str]]:
    """(article_id, sentence_id) -> (start, text) of each sentence; empty without the table."""
    if sentences is None:
        return {}
    return dict(zip(zip(sentences.article_id, sentences.sentence_id),
                    zip(sentences.start, sentences.text)))


def _credited(frame: pd.DataFrame, sentences: dict[tuple, tuple[int, str]],
              outlets: set[str]) -> list[str]:
    """For each claim, the outlet whose poll or interview its sentence credits
    (:func:`storyline.attribution.medium_phrases`): "In a poll conducted by the Gazette, 41
    percent said ...", "..., she said in an interview with the Gazette", "A Gazette poll
    found ...". The phrase must lie outside the claim's content, with no other claim's cue
    between it and the claim's cue, else ""."""
    credited = [""] * len(frame)
    rows = defaultdict(list)  # (article, sentence) -> row numbers of its claims
    for k, key in enumerate(zip(frame.article_id, frame.sentence_id)):
        rows[key].append(k)
    cues = list(zip(frame.cue_start, frame.cue_end))
    contents = list(zip(frame.content_start, frame.content_end))
    for key, members in rows.items():
        start, text = sentences.get(key, (0, ""))
        for (first, last), (name_start, name_end) in medium_phrases(text):
            outlet = _outlet_in(text[name_start:name_end], outlets)
            if not outlet:
                continue
            first, last = first + start, last + start
            for k in members:
                low, high = min(first, cues[k][0]), max(last, cues[k][1])
                if not contents[k][0] <= first < contents[k][1] and not any(
                        low < cues[m][0] < high for m in members if m != k):
                    credited[k] = outlet
    return credited


#: Words that may stand outside a claim's source, cue and content in a sentence that adds
#: nothing about where or when it was said ('"...," Lee said.', "Lee also said ...").
BARE_WORDS = {"also", "and", "but", "then", "further"}


def _bare(frame: pd.DataFrame, k: int, sentences: dict[tuple, tuple[int, str]]) -> bool:
    """Claim ``k``'s sentence holds nothing but its source, cue and content (and
    :data:`BARE_WORDS`): no scene, date or medium of its own."""
    start, text = sentences.get((frame.article_id.iat[k], frame.sentence_id.iat[k]), (0, ""))
    if not text:
        return False
    kept = list(text)
    for column in ("source", "cue", "content"):
        first, last = frame[f"{column}_start"].iat[k], frame[f"{column}_end"].iat[k]
        if first >= 0:
            kept[max(first - start, 0):max(last - start, 0)] = \
                " " * len(kept[max(first - start, 0):max(last - start, 0)])
    return set(text_words("".join(kept).lower())) <= BARE_WORDS


def _carried(frame: pd.DataFrame, credited: list[str],
             sentences: dict[tuple, tuple[int, str]]) -> list[str]:
    """``credited`` with each credit carried on to the next claims of its article that go on
    with the same interview or poll, within two sentences: a quotation barely attributed to
    the same source (the same row of the sources table, or a name word in common: '"...,"
    Mayor Jo Lee said in an interview with the Gazette. "...," Lee said.'), or a
    share of people after a share of people ("In a Gazette poll, 41 percent said ... .
    Asked about ..., 30 percent said ...")."""
    carried = list(credited)
    shares = [is_share(text) for text in frame.source_text.fillna("")]
    quoted = frame.quote_type.isin(["direct", "mixed"]).tolist()
    articles, sentence_ids = frame.article_id.tolist(), frame.sentence_id.tolist()
    sources = frame.source_id.astype(object).tolist()
    nested = frame.parent_claim_id.notna().tolist()
    voices = frame.voice.tolist()
    previous = None
    for k, source in enumerate(sources):
        if previous is not None and not carried[k] and carried[previous] and \
                articles[previous] == articles[k] and \
                0 <= sentence_ids[k] - sentence_ids[previous] <= 2:
            same = source is not pd.NA and sources[previous] is not pd.NA and \
                source == sources[previous] or bool(voices[k] & voices[previous])
            if shares[k] and shares[previous] or same and quoted[k] and \
                    _bare(frame, k, sentences):
                carried[k] = carried[previous]
        if not nested[k]:
            previous = k
    return carried


def _is_target(cue_kind: str, quote_type: str, content: str) -> bool:
    """Whether a claim's content is the thing its source acts on rather than a statement:
    the object of "condemned", "called for", "backed" ("the union condemned [the governor's
    plan to close schools]"), neither quoted nor a that-clause."""
    return cue_kind in OBJECT_KINDS and quote_type == "indirect" \
        and not content.lower().startswith("that ")


def _other_speakers(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two claims are put in the mouths of different named people (no name word in
    common: "Hillary Clinton" and "Clinton" are one, "Graham" and "Trump" two)."""
    return bool(first) and bool(second) and not first & second


def _outlet_names() -> set[str]:
    return set(name_index("outlets").values())


def claim_groups(result, *, threshold: float = 0.4, containment: float = 0.8,
                 min_shared: int = 5, min_plain: int = 2, within_days: int | None = 7,
                 min_words: int = MIN_WORDS, max_bucket: int = 50,
                 other_speaker: float = 0.6, split_figures: bool = True) -> pd.DataFrame:
    """Claims of different articles that report the same thing, one row per member claim
    (columns :data:`MEMBER_COLUMNS`), grouped by ``group_id``.

    Each claim's content becomes its set of stemmed content words
    (:func:`storyline.similarity.content_stems`), so "officials said the plant will close"
    meets "the plant would be closed, officials say". Two claims match when they share at
    least ``min_shared`` of them and either their Jaccard similarity is at least
    ``threshold`` or, sharing one word more, the shorter one is contained in the longer at
    ``containment`` (a short quote inside a long one); at least ``min_plain`` of the shared
    words are plain words (:func:`storyline.similarity.plain_stems`: not names or titles, so
    two mentions of one "presidential nominee Tim Kaine" are not one report); and, when both
    articles are dated, they were published at most ``within_days`` apart (``None``: any
    time). When the two claims come from different named people (no word of their names in
    common), their Jaccard similarity must reach ``other_speaker``: the same topic words in
    another person's mouth are mostly another statement ("Graham: Obama oversells the
    successes against the Islamic State, also known as ISIS" against "Trump: bomb the
    Islamic State, also known as ISIS"), while a near copy is one quote one article credits
    to someone else; a source written as a name ("Pence") counts as named even when the
    sources table did not mark it. A claim whose content is the object of its cue rather than
    a statement ("the union condemned [the governor's plan to close schools]", "called for
    [a ban on imports]") matches only a claim by a source with a name word in common, or a
    near copy (Jaccard at least :data:`NEAR_COPY`): two groups condemning one plan are two
    acts, not one report. With ``split_figures``, two contents that both give figures
    (:func:`storyline.similarity.figures`: numbers in digits, fractions in words) but none
    in common are two findings ("65 percent of Republicans back the ban" against "about
    three-quarters of Republican voters back the ban", two polls); a paraphrase that rounds
    a figure ("6 in 10" for "nearly two-thirds") is split too, so turn it off for polls
    reported in other words. Candidates are the claims sharing two adjacent content words
    (within a window of that many days) that at most ``max_bucket`` claims use, so the work
    grows about linearly with the corpus.
    Every member of a group matches the group's centre, the claim with most matches (a chain
    of matches can drift from one statement to another); groups are kept when they span two
    articles. Claims nested in another claim's content are left out: their parent stands
    for them; so are claims with the same content as an earlier claim of their article
    (one quote with two cues, "said ... added").

    Example:
        >>> from storyline import analyze_corpus
        >>> texts = [{"id": "a", "text": "Mayor Jo Ames said the toll bridge will reopen "
        ...           "to cars in May."},
        ...          {"id": "b", "text": "The toll bridge would be reopened to cars in May, "
        ...           "Mayor Jo Ames said."}]
        >>> claim_groups(analyze_corpus(texts, progress=False))[["article_id", "content"]]
          article_id                                           content
        0          a        the toll bridge will reopen to cars in May
        1          b  The toll bridge would be reopened to cars in May
    """
    frame = _members(result)
    top = frame.parent_claim_id.isna()  # a nested claim is part of its parent's content
    top &= ~frame.duplicated(["article_id", "content_start", "content_end"])  # one per span
    stems = [content_stems(text) if keep and len(str(text).split()) >= min_words else []
             for text, keep in zip(frame["content"].fillna(""), top)]
    sets = [set(s) for s in stems]
    plains = [plain_stems(text) if words else set()
              for text, words in zip(frame["content"].fillna(""), stems)]
    days = _day_numbers(frame["published"])
    numbers = [figures(text) if words else frozenset()
               for text, words in zip(frame["content"].fillna(""), stems)]
    speakers, voices, targets = (frame[c].tolist() for c in ("speaker", "voice", "target"))
    pairs = []
    for i, j in shared_key_pairs(_keys(stems, days, within_days), max_bucket=max_bucket):
        if frame.article_id.iat[i] == frame.article_id.iat[j]:
            continue
        if within_days is not None and days[i] is not None and days[j] is not None \
                and abs(days[i] - days[j]) > within_days:
            continue
        shared, similarity, contained = overlap(sets[i], sets[j])
        if shared < min_shared or (similarity < threshold and (
                shared == min_shared or contained < containment)):
            continue
        if len(plains[i] & plains[j]) < min_plain:
            continue  # names and titles only
        if similarity < other_speaker and _other_speakers(speakers[i], speakers[j]):
            continue  # the same topic in another person's mouth
        if (targets[i] or targets[j]) and not voices[i] & voices[j] \
                and similarity < NEAR_COPY:
            continue  # two sources acting on one thing
        if split_figures and numbers[i] and numbers[j] and not numbers[i] & numbers[j]:
            continue  # two findings: "65 percent back the ban" against "three-quarters do"
        pairs.append((i, j, similarity))
    groups = star_groups(len(frame), sorted(pairs))
    best: dict[int, float] = {}
    for i, j, similarity in pairs:
        if groups[i] == groups[j]:
            best[i] = max(best.get(i, 0.0), similarity)
            best[j] = max(best.get(j, 0.0), similarity)
    frame["group_id"] = groups
    frame["boilerplate"] = _boilerplate(frame, stems, days, within_days or 7)
    frame["similarity"] = [best.get(k, 0.0) for k in range(len(frame))]
    frame = frame[frame.group_id >= 0]
    spans = frame.groupby("group_id")["article_id"].transform("nunique")
    frame = frame[spans >= 2].sort_values(["group_id", "published", "article_id", "claim_id"],
                                          na_position="last")
    numbering = {old: new for new, old in enumerate(dict.fromkeys(frame.group_id))}
    frame = frame.assign(group_id=frame.group_id.map(numbering))
    return make_table(frame.to_dict("records"), MEMBER_COLUMNS)


def _boilerplate(frame: pd.DataFrame, stems: list[list[str]], days: list[int | None],
                 span: int) -> list[bool]:
    """Whether each claim's content words recur in :data:`BOILERPLATE_ARTICLES` articles of
    its outlet published more than ``span`` days apart."""
    seen: defaultdict[tuple, dict[str, int | None]] = defaultdict(dict)
    keys = []
    for outlet, article_id, words, day in zip(frame["outlet"], frame["article_id"], stems, days):
        key = (outlet, frozenset(words)) if words and isinstance(outlet, str) else None
        keys.append(key)
        if key is not None:
            seen[key][article_id] = day
    stock = set()
    for key, articles in seen.items():
        dated = [d for d in articles.values() if d is not None]
        if len(articles) >= BOILERPLATE_ARTICLES and dated and max(dated) - min(dated) > span:
            stock.add(key)
    return [key in stock for key in keys]


def _day_numbers(published: pd.Series) -> list[int | None]:
    dates = pd.to_datetime(published, errors="coerce")
    return [None if pd.isna(d) else int(d.value // 86_400_000_000_000) for d in dates]


def _keys(stems: list[list[str]], days: list[int | None],
          within_days: int | None) -> list[set]:
    """Each claim's adjacent content-word pairs, tagged with the time slots it falls in:
    claims at most ``within_days`` apart share a slot, so the bucket limit applies to a
    window of time rather than to the whole corpus. Undated claims share a slot of their own.
    """
    keys = []
    for words, day in zip(stems, days):
        bigrams = {f"{a} {b}" for a, b in zip(words, words[1:])}
        if within_days is None or day is None:
            slots = [None]
        else:
            slot = day // max(within_days, 1)
            slots = [slot, slot + 1]
        keys.append({(bigram, s) for bigram in bigrams for s in slots})
    return keys


def corroborate(result, *, min_outlets: int = 1, **options) -> pd.DataFrame:
    """Claim groups across articles (see :func:`claim_groups`, which takes the same keyword
    ``options``), one row per group with the outlets, first publication, sources, relays and
    denials (:data:`GROUP_COLUMNS`); ``min_outlets=2`` keeps only the groups that several
    outlets carry (one outlet's copies and follow-ups aside).

    Example:
        >>> from storyline import analyze_corpus
        >>> texts = [{"id": "a", "outlet": "Gazette", "text": "Officials said the mine "
        ...           "had been closed since March because of flooding."},
        ...          {"id": "b", "outlet": "Courier", "text": "The mine had been closed "
        ...           "since March because of flooding, the Gazette reported. The owners "
        ...           "denied that the mine had been closed since March because of flooding."}]
        >>> corroborate(analyze_corpus(texts, progress=False))[["n_articles", "denied_in"]]
           n_articles denied_in
        0           2       [b]
    """
    members = claim_groups(result, **options)
    rows = [_group_row(group_id, group) for group_id, group in members.groupby("group_id")
            if group.outlet.dropna().nunique() >= min_outlets]
    table = make_table(rows, GROUP_COLUMNS)
    table = table.sort_values(["n_outlets", "n_articles", "earliest_published"],
                              ascending=[False, False, True], kind="stable")
    return table.reset_index(drop=True)


def _group_row(group_id: int, group: pd.DataFrame) -> dict:
    first = group.iloc[0]  # members are sorted by publication
    per_article = group.groupby("article_id", sort=False)
    relayed = per_article["relayed_from"].agg(lambda v: next((o for o in v if o), ""))
    names = [n for n in dict.fromkeys(group.source_name) if n]
    claimed = group[~group.denial]  # who backs the claim, not who denies it
    relayed_denial = claimed.empty  # every member denies something: one denial, relayed
    if relayed_denial:
        claimed = group
    denying = group.answered if relayed_denial else group.answered | group.denial
    named = list(dict.fromkeys(n for n, kind, relayed in zip(
        claimed.source_name, claimed.source_type, claimed.relayed_from)
        if n and kind not in ("anonymous", "outlet", "other") and canonical_outlet(n) != relayed))
    return {
        "group_id": group_id, "text": first.content,
        "n_articles": group.article_id.nunique(),
        "n_outlets": group.outlet.dropna().nunique(),
        "outlets": list(dict.fromkeys(group.outlet.dropna())),
        "article_ids": list(dict.fromkeys(group.article_id)),
        "earliest_published": first.published, "earliest_outlet": first.outlet,
        "earliest_article_id": first.article_id,
        "sources": names, "named_sources": named, "anonymous_only": not named,
        "relayed_by": [a for a, o in relayed.items() if o],
        "relayed_from": list(dict.fromkeys(o for o in relayed if o)),
        "own_sources_in": [a for a, o in relayed.items() if not o],
        "denied": bool(denying.any()),
        "denied_in": list(dict.fromkeys(group.article_id[denying])),
        "boilerplate": bool(group.boilerplate.all()),
        "members": [[a, int(c), int(s), int(e)] for a, c, s, e in zip(
            group.article_id, group.claim_id, group.content_start, group.content_end)],
    }


RECURRING_COLUMNS = {
    "source": "string",
    "source_type": "string",
    "n_articles": "int64",
    "n_outlets": "int64",
    "outlets": "object",
    "article_ids": "object",
    "names": "object",
    "n_claims": "int64",
    "n_denials": "int64",
    "n_hedged": "int64",
    "first_published": "datetime64[s]",
    "members": "object",
}
"""Columns of :func:`recurring_sources`, one row per named source, most outlets first:
``source`` is its fullest name, ``names`` every way the articles write it; the counts add up
the claims made by the source in all articles; ``members`` lists ``[article_id, source_id,
start, end]`` (the source's fullest mention in each article)."""


def _source_key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^the\s+", "", name.strip().lower()))


def recurring_sources(result, *, min_articles: int = 2) -> pd.DataFrame:
    """Named sources seen in at least ``min_articles`` articles (:data:`RECURRING_COLUMNS`).

    Names match across articles when they agree after dropping case and a leading "the";
    a surname alone ("Peskov") joins the one full name in the corpus that ends with it.

    Example:
        >>> from storyline import analyze_corpus
        >>> texts = [{"id": "a", "outlet": "Gazette", "text": "Mayor Jo Ames said the bridge "
        ...           "would reopen. Ames added that tolls would rise."},
        ...          {"id": "b", "outlet": "Courier", "text": "Tolls will rise, Ames said."}]
        >>> recurring_sources(analyze_corpus(texts, progress=False))[
        ...     ["source", "n_articles", "outlets", "n_claims"]]
            source  n_articles             outlets  n_claims
        0  Jo Ames           2  [Gazette, Courier]         3
    """
    sources = _table(result, "sources")
    articles = _table(result, "articles")[["article_id", "outlet", "published"]]
    frame = sources[sources.named.fillna(False).astype(bool)].merge(articles, on="article_id",
                                                                     how="left")
    frame = frame.assign(key=frame["name"].fillna("").map(_source_key))
    frame = frame[frame.key != ""]
    full = {}
    for key, kind in zip(frame.key, frame.source_type):
        if " " in key and kind == "person":
            full.setdefault(key.rsplit(" ", 1)[1], set()).add(key)
    frame["key"] = [next(iter(full[k])) if " " not in k and len(full.get(k, ())) == 1 else k
                    for k in frame.key]
    frame = frame.sort_values(["published", "article_id"], na_position="last", kind="stable")
    rows = []
    for _, group in frame.groupby("key", sort=False):
        if group.article_id.nunique() < min_articles:
            continue
        names = list(dict.fromkeys(group["name"]))
        rows.append({
            "source": max(names, key=len),
            "source_type": group.source_type.mode().iat[0],
            "n_articles": group.article_id.nunique(),
            "n_outlets": group.outlet.dropna().nunique(),
            "outlets": list(dict.fromkeys(group.outlet.dropna())),
            "article_ids": list(dict.fromkeys(group.article_id)),
            "names": names,
            "n_claims": int(group.n_claims.sum()), "n_denials": int(group.n_denials.sum()),
            "n_hedged": int(group.n_hedged.sum()),
            "first_published": group.published.min(),
            "members": [[a, int(s), int(b), int(e)] for a, s, b, e in zip(
                group.article_id, group.source_id, group.start, group.end)],
        })
    table = make_table(rows, RECURRING_COLUMNS)
    return table.sort_values(["n_outlets", "n_articles", "n_claims"], ascending=False,
                             kind="stable").reset_index(drop=True)


MERGED_TIMELINE_COLUMNS = {
    "event_group": "int64",
    "value": "string",
    "interval_start": "datetime64[s]",
    "interval_end": "datetime64[s]",
    "precision": "string",
    "text": "string",
    "n_articles": "int64",
    "n_outlets": "int64",
    "article_ids": "object",
    "outlets": "object",
    "sources": "object",
    "first_reported": "datetime64[s]",
    "members": "object",
}
"""Columns of :func:`merge_timelines`, one row per event, in time order (undated ends last):
``value`` and the interval are the event's time; ``text`` the event as the first article
to report it wrote it; ``sources`` who the articles say reported it; ``first_reported`` the
earliest publication date among them; ``members`` lists ``[article_id, event_id, start,
end]``, the event's clause in each article."""


def merge_timelines(result, *, threshold: float = 0.3) -> pd.DataFrame:
    """One chronology across articles (:data:`MERGED_TIMELINE_COLUMNS`): events of the
    articles' ``timeline`` tables with the same time value and similar words (Jaccard of
    content words at least ``threshold``) become one row, with every article reporting it.

    Example:
        >>> from storyline import analyze_corpus
        >>> texts = [{"id": "a", "published": "2024-06-03",
        ...           "text": "The mill closed in 1998. The port reopened in May."},
        ...          {"id": "b", "published": "2024-06-04",
        ...           "text": "Workers recall that the old mill closed in 1998."}]
        >>> merge_timelines(analyze_corpus(texts, progress=False))[
        ...     ["value", "text", "article_ids"]]
             value                       text article_ids
        0     1998   The mill closed in 1998.      [a, b]
        1  2024-05  The port reopened in May.         [a]
    """
    from storyline.resources import word_list

    timeline = _table(result, "timeline")
    articles = _table(result, "articles")[["article_id", "outlet", "published"]]
    events = timeline[timeline.kind == "event"].merge(articles, on="article_id", how="left")
    events = events.sort_values(["published", "article_id", "event_id"], na_position="last",
                                kind="stable").reset_index(drop=True)
    stop = word_list("stopwords", "english")
    sets = [{w for w in word_shingles(text, 1) if w not in stop} for text in events.text]
    values = events["value"].fillna("").tolist()
    ids = events.article_id.tolist()
    pairs = [(i, j, s) for i, j, s in near_duplicate_pairs(sets, threshold=threshold)
             if ids[i] != ids[j] and values[i] == values[j]]
    groups = group_pairs(len(events), pairs)
    alone = iter(range(max(groups, default=-1) + 1, max(groups, default=-1) + 1 + len(events)))
    events["event_group"] = [g if g >= 0 else next(alone) for g in groups]
    rows = []
    for group_id, group in events.groupby("event_group", sort=False):
        first = group.iloc[0]
        rows.append({
            "event_group": group_id, "value": first.value,
            "interval_start": group.interval_start.min(), "interval_end": group.interval_end.max(),
            "precision": first.precision, "text": first.text,
            "n_articles": group.article_id.nunique(), "n_outlets": group.outlet.dropna().nunique(),
            "article_ids": list(dict.fromkeys(group.article_id)),
            "outlets": list(dict.fromkeys(group.outlet.dropna())),
            "sources": [s for s in dict.fromkeys(group.source_text.fillna("")) if s],
            "first_reported": group.published.min(),
            "members": [[a, int(e), int(s), int(t)] for a, e, s, t in zip(
                group.article_id, group.event_id, group.start, group.end)],
        })
    table = make_table(rows, MERGED_TIMELINE_COLUMNS)
    table = table.sort_values(["interval_start", "interval_end", "first_reported"],
                              na_position="last", kind="stable").reset_index(drop=True)
    return table.assign(event_group=range(len(table)))
