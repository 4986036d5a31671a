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
