"""Corpus runs: every input analysed or in errors, Parquet written as it goes, resume, engines."""

from __future__ import annotations

import csv
import gc
import sys
import threading

import pandas as pd
import pytest

from conftest import EXAMPLE
from storyline import analyze_corpus, read_article, read_corpus
from storyline.analysis import analyze
from storyline.chunks import WORKER_GC_THRESHOLDS
from storyline.cli import main
from storyline.engines import _pool_context, models_frozen, run_local
from storyline.partitions import frame_from_arrow, frames_to_arrow

STORIES = {
    "harbour.txt": "The harbour will close for repairs next week, port officials said on Monday. "
                   "Fishermen told the Gazette that they had not been warned.",
    "school.md": "---\noutlet: Valley News\npublished: 2023-05-02\n---\n"
                 "The school board approved the budget, its chair Ana Ruiz said. "
                 "Parents denied that they had been consulted.",
    "storm.txt": "A storm is expected to reach the coast on Friday, according to forecasters.",
}


def write_stories(folder, names=tuple(STORIES)):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(STORIES[name], encoding="utf-8")
    return folder


def test_broken_members_end_in_errors_or_with_a_warning_and_all_others_are_analysed(tmp_path):
    files = write_stories(tmp_path / "files")
    (files / "empty.txt").write_text("   \n", encoding="utf-8")
    (files / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (files / "latin1.txt").write_bytes("Le café a fermé, a déclaré le maire. The mayor said "
                                       "the café would reopen in June.".encode("latin-1"))
    paragraph = "The council said the road would reopen soon, officials told reporters. " * 14
    (files / "huge.txt").write_text((paragraph + "\n\n") * 5100, encoding="utf-8")
    table = tmp_path / "articles.csv"
    with table.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "path", "text", "outlet", "published"])
        for name in [*STORIES, "empty.txt", "binary.txt", "latin1.txt", "huge.txt"]:
            writer.writerow([name.split(".")[0], f"files/{name}", "", "", ""])
        writer.writerow(["no-text", "", "", "Gazette", "2024-01-02"])
        writer.writerow(["bad-date", "", "The minister said taxes would rise.", "Gazette",
                         "2024-02-30"])

    result = analyze_corpus(table, workers=2, progress=False)

    errors = result.errors.set_index("article_id")
    assert set(errors.index) == {"empty", "binary", "huge", "no-text"}
    assert "is empty" in errors.loc["empty", "message"]
    assert "binary" in errors.loc["binary", "message"]
    assert "max_chars" in errors.loc["huge", "message"]
    assert "no text" in errors.loc["no-text", "message"]
    assert errors.loc["no-text", "reference"] == f"{table}:{len(STORIES) + 6}"
    articles = result.articles.set_index("article_id")
    assert set(articles.index) == {"harbour", "school", "storm", "latin1", "bad-date"}
    assert "not valid UTF-8" in articles.loc["latin1", "warnings"]
    assert "2024-02-30" in articles.loc["bad-date", "warnings"]
    assert pd.isna(articles.loc["bad-date", "published"])
    assert articles.loc["school", "outlet"] == "Valley News"
    assert sorted([*result.articles.position, *result.errors.position]) == list(range(9))
    assert set(result.claims.article_id) >= {"harbour", "school", "storm", "bad-date"}


def test_tables_are_the_single_article_tables_with_an_article_id(tmp_path):
    result = analyze_corpus([read_article(EXAMPLE), STORIES["harbour.txt"]], workers=1,
                            progress=False, out=tmp_path / "out")
    expected = analyze(read_article(EXAMPLE))
    back = read_corpus(tmp_path / "out")
    assert back.names == result.names == ("articles", *expected, "errors")
    for name, frame in expected.items():
        rows = back[name][back[name].article_id == "musk-putin-starlink"]
        if "article_id" not in frame:
            rows = rows.drop(columns="article_id")
        pd.testing.assert_frame_equal(rows.reset_index(drop=True), frame.reset_index(drop=True))
    assert back.articles.n_claims.tolist() == [len(expected["claims"]), 2]


def article_frame(rows):
    """A small table as the kit's functions make them: declared, nullable dtypes."""
    return pd.DataFrame({
        "claim_id": pd.array([r[0] for r in rows], dtype="int64"),
        "parent": pd.array([r[1] for r in rows], dtype="Int64"),
        "source": pd.array([r[2] for r in rows], dtype="string"),
        "share": pd.array([r[3] for r in rows], dtype="float64"),
        "denial": pd.array([r[4] for r in rows], dtype="bool"),
        "day": pd.Series([r[5] for r in rows], dtype="datetime64[s]"),
        "aliases": pd.Series([r[6] for r in rows], dtype=object),
    })


def test_one_tables_frames_of_several_articles_become_one_arrow_table_with_their_ids():
    frames = [
        article_frame([(0, None, "the mayor", 0.5, True, "2024-03-01", ["Mayor Ruiz"]),
                       (1, 0, None, float("nan"), False, None, [])]),
        article_frame([]),
        article_frame([(0, None, "a spokesman", 1.0, False, "2023-12-31", None)]),
    ]

    table = frames_to_arrow(frames, ["harbour", "storm", "school"])

    assert table.column("article_id").to_pylist() == ["harbour", "harbour", "school"]
    expected = pd.concat([frame.assign(article_id=pd.array([name] * len(frame), dtype="string"))
                          for name, frame in zip(["harbour", "storm", "school"], frames)],
                         ignore_index=True)
    expected = expected[["article_id", *frames[0].columns]]
    pd.testing.assert_frame_equal(frame_from_arrow(table), expected)


def test_frames_whose_dtypes_differ_are_joined_as_pandas_would_join_them():
    frames = [pd.DataFrame({"n": pd.array([1], dtype="int64")}),
              pd.DataFrame({"n": pd.array([2.5], dtype="float64")})]

    back = frame_from_arrow(frames_to_arrow(frames, ["a", "b"]))

    assert back.n.dtype == "float64" and back.n.tolist() == [1.0, 2.5]
    assert back.article_id.tolist() == ["a", "b"]


def test_a_rerun_skips_done_articles_and_resumes_an_interrupted_run(tmp_path):
    folder = write_stories(tmp_path / "in", ["harbour.txt", "storm.txt"])
    out = tmp_path / "out"
    first = analyze_corpus(folder, workers=1, progress=False, out=out)
    assert (first.analysed, first.skipped) == (2, 0)
    again = analyze_corpus(folder, workers=1, progress=False, out=out)
    assert (again.analysed, again.skipped) == (0, 2)

    write_stories(folder, ["school.md"])
    (folder / "late.txt").write_text("The ferry was late again, passengers said.")
    orphan = out / "claims" / "part-009-00000.parquet"  # as left by a run cut off mid-write
    orphan.write_bytes((out / "claims" / "part-001-00000.parquet").read_bytes())
    resumed = analyze_corpus(folder, workers=2, chunk_size=1, progress=False, out=out)
    assert (resumed.analysed, resumed.skipped) == (2, 2)
    assert not orphan.exists()
    back = read_corpus(out)
    assert sorted(back.articles.article_id) == ["harbour", "late", "school", "storm"]
    assert back.summary()["total_articles"] == 4
    order = back.articles.article_id.tolist()
    assert back.claims.article_id.map(order.index).is_monotonic_increasing


def test_reused_article_ids_are_renamed_with_a_warning():
    texts = [{"id": "a", "text": STORIES["storm.txt"]}, {"id": "a", "text": "It rained."}]
    result = analyze_corpus(texts, workers=1, progress=False)
    assert result.articles.article_id.tolist() == ["a", "a~1"]
    assert "renamed 'a~1'" in result.articles.warnings[1]
    assert set(result.sentences.article_id) == {"a", "a~1"}


def test_dask_engine_on_a_two_worker_cluster_gives_the_local_tables(tmp_path):
    dask = pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    folder = write_stories(tmp_path / "in")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    local = analyze_corpus(folder, workers=1, progress=False, chunk_size=2)
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_dask = analyze_corpus(folder, engine="dask", client=client, progress=False,
                                 chunk_size=2, out=tmp_path / "out")
        thresholds = client.run(gc.get_threshold)  # set by the warm-up plugin
    assert (on_dask.analysed, on_dask.failed) == (3, 1)
    assert list(thresholds.values()) == [WORKER_GC_THRESHOLDS] * 2
    for name in local.names:
        pd.testing.assert_frame_equal(on_dask[name], local[name], obj=name)


def test_dask_engine_starts_and_stops_its_own_cluster_without_a_client():
    pytest.importorskip("distributed")
    texts = [STORIES["storm.txt"], "", STORIES["harbour.txt"]]
    on_dask = analyze_corpus(texts, engine="dask", workers=1, progress=False, chunk_size=1)
    local = analyze_corpus(texts, workers=1, progress=False, chunk_size=1)
    for name in local.names:
        pd.testing.assert_frame_equal(on_dask[name], local[name], obj=name)


def test_cli_summarises_and_exits_0_1_or_2(tmp_path, capsys):
    folder = write_stories(tmp_path / "in", ["storm.txt"])
    out = str(tmp_path / "out")
    assert main(["corpus", str(folder), "--out", out, "--workers", "1", "--no-progress"]) == 0
    assert "analysed 1 articles, 0 errors, 0 already done" in capsys.readouterr().out
    (folder / "empty.txt").write_text("", encoding="utf-8")
    assert main(["corpus", str(folder), "--out", out, "--workers", "1", "--no-progress"]) == 1
    captured = capsys.readouterr()
    assert "1 already done" in captured.out and "empty.txt is empty" in captured.err
    assert main(["corpus", str(tmp_path / "missing"), "--out", out]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["corpus", str(folder), "--out", out, "--scheduler", "tcp://x:8786"]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["corpus", str(folder)])
    assert usage.value.code == 2


def test_a_run_in_this_process_leaves_the_garbage_collector_as_it_found_it():
    assert gc.get_freeze_count() == 0
    callers = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    try:
        result = analyze_corpus([STORIES["storm.txt"]], workers=1, progress=False)
        assert gc.get_threshold() == (900, 11, 12)
    finally:
        gc.set_threshold(*callers)
    assert result.analysed == 1
    assert gc.get_freeze_count() == 0


def collector_settings(chunk: list) -> tuple:
    """What a worker's garbage collector is set to (a chunk's work, for the test below)."""
    return gc.get_threshold(), gc.get_freeze_count() > 0


class Kept:
    """A sink that keeps what each chunk's work returned."""

    def __init__(self) -> None:
        self.results = []

    def add(self, result, n_items: int) -> None:
        self.results.append(result)


@pytest.mark.parametrize("workers", [1, 2])
def test_chunks_run_with_the_workers_collector_thresholds_and_the_models_frozen(workers):
    assert WORKER_GC_THRESHOLDS[0] > gc.get_threshold()[0]
    sink = Kept()
    run_local(iter([[1], [2], [3]]), collector_settings, workers, sink)
    assert sink.results == [(WORKER_GC_THRESHOLDS, True)] * 3


def test_freezing_for_a_run_is_undone_after_and_leaves_a_callers_own_freeze_alone():
    with models_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()  # the caller's own freeze: its count can only fall, as frozen objects die
    try:
        with models_frozen():
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_pool_workers_fork_from_this_process_only_while_no_other_thread_runs():
    if threading.active_count() == 1:  # earlier tests may have left a Dask thread behind
        assert _pool_context().get_start_method() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert _pool_context().get_start_method() != "fork"
    finally:
        release.set()
        other.join()
