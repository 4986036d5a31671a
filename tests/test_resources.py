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
