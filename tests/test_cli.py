import json
import subprocess
import sys

from conftest import EXAMPLE
from storyline.cli import main


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storyline.cli", *args], capture_output=True,
                          text=True, check=False)


def test_analyze_json_has_checkable_offsets_and_the_expected_entities():
    result = run("analyze", str(EXAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.strip().splitlines()
    output = json.loads(line)
    text = output["article"]["text"]
    assert output["article"]["published"] == "2024-10-25"
    for table in ("sentences", "entities"):
        assert output[table], table
        for row in output[table]:
            assert text[row["start"]:row["end"]] == row["text"]
    assert not any("Advertisement" in s["text"] or "Read more at" in s["text"]
                   for s in output["sentences"])
    typed = {(e["text"], e["type"]) for e in output["entities"]}
    for person in ("Vladimir Putin", "Elon Musk", "Dmitry Peskov", "Lai Ching-te"):
        assert (person, "PERSON") in typed
    for place in ("Taiwan", "China", "Russia"):
        assert (place, "GPE") in typed


def test_several_articles_give_json_lines_and_one_bad_path_does_not_stop_the_rest(tmp_path, capsys):
    other = tmp_path / "other.txt"
    other.write_text("The mayor said the bridge would reopen.", encoding="utf-8")
    code = main(["analyze", str(EXAMPLE), str(tmp_path / "missing.txt"), str(other)])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.strip().splitlines()) == 2
    assert "missing.txt does not exist" in captured.err
    assert "other.txt has no publication date; pass --published" in captured.err


def test_unparseable_published_is_a_usage_error():
    result = run("analyze", str(EXAMPLE), "--published", "25/10/24")
    assert result.returncode == 2
    assert "published must be YYYY-MM-DD, got '25/10/24'" in result.stderr


def test_csv_format_writes_one_file_per_table(tmp_path):
    assert main(["analyze", str(EXAMPLE), "--format", "csv", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in (tmp_path / "musk-putin-starlink").iterdir())
    assert {"entities.csv", "sentences.csv"} <= set(written)


def test_analysis_warnings_are_printed_as_storyline_warnings_once(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("The mayor said on Monday that the bridge would reopen next week.",
                       encoding="utf-8")
    result = run("analyze", str(undated), "--format", "json")
    assert result.returncode == 0
    assert ("storyline: warning: " + str(undated) + " has no publication date, so 2 relative"
            in result.stderr)
    assert "StorylineWarning" not in result.stderr
    assert "has no publication date; pass --published" not in result.stderr
