import os
import subprocess
import sys

import nltk
import pytest

from storyline import resources


def test_all_required_nltk_data_is_found_here():
    assert resources.missing_resources() == []


def test_missing_data_stops_with_the_names_and_the_fetch_command(monkeypatch, tmp_path):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    with pytest.raises(resources.MissingNLTKData) as error:
        resources.ensure_nltk_data(download=False)
    message = str(error.value)
    for name in resources.REQUIRED:
        assert name in message
    assert "storyline setup" in message
    assert str(tmp_path) in message


def test_models_are_loaded_once_per_process():
    assert resources.pos_tagger() is resources.pos_tagger()
    assert resources.sentence_splitter() is resources.sentence_splitter()


def test_reading_an_article_without_nltk_data_names_what_is_missing(tmp_path):
    # A fresh process (nothing loaded yet) on a machine with no NLTK data and no network.
    script = (
        "import nltk\n"
        "def offline(*args, **kwargs):\n"
        "    raise OSError('no network')\n"
        "nltk.download = offline\n"
        "from storyline import article_from_text\n"
        "article_from_text('The minister said on Monday that the talks would go on. ' * 5)\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "MissingNLTKData" in run.stderr
    assert "stopwords" in run.stderr and "storyline setup" in run.stderr


def test_the_tagger_model_is_the_one_nltks_own_loader_reads():
    ours, nltks = resources.pos_tagger(), nltk.tag.PerceptronTagger(lang="eng")
    assert list(ours.model.weights.items()) == list(nltks.model.weights.items())
    assert ours.tagdict == nltks.tagdict
    assert ours.classes == ours.model.classes == nltks.classes
    assert ours.tag("The minister denied it .".split()) == \
        nltks.tag("The minister denied it .".split())


def write_perceptron(monkeypatch, root, weights: str) -> tuple[object, tuple[str, str, str]]:
    """A perceptron model in a data folder NLTK searches: where NLTK found it, its files."""
    folder = root / "taggers" / "perceptron_test"
    folder.mkdir(parents=True)
    files = ("m.weights.json", "m.tagdict.json", "m.classes.json")
    for name, text in zip(files, (weights, '{"the": "DT"}', '["DT", "NN"]')):
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(nltk.data, "path", [str(root)])
    return nltk.data.find("taggers/perceptron_test/"), files


def test_a_perceptron_model_is_read_from_its_three_json_files(monkeypatch, tmp_path):
    found, files = write_perceptron(monkeypatch, tmp_path, '{"bias": {"DT": 0.5, "NN": -1}}')
    weights, tagdict, classes = resources.read_perceptron(found, files)
    assert weights == {"bias": {"DT": 0.5, "NN": -1}}
    assert tagdict == {"the": "DT"} and classes == ["DT", "NN"]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_a_perceptron_model_with_a_weight_that_is_not_finite_is_refused(monkeypatch, tmp_path,
                                                                        number):
    weights = '{"bias": {"DT": 0.5}, "i word x": {"NN": ' + number + '}}'
    found, files = write_perceptron(monkeypatch, tmp_path, weights)
    with pytest.raises(ValueError, match="NaN or infinite"):
        resources.read_perceptron(found, files)
