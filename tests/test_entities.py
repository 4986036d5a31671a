from storyline import entities


def test_example_people_and_places_are_typed(example):
    table = entities(example)
    typed = dict(zip(table.text, table.type))
    for person in ("Vladimir Putin", "Elon Musk", "Dmitry Peskov", "Lai Ching-te"):
        assert typed[person] == "PERSON", person
    for place in ("Taiwan", "China", "Russia"):
        assert typed[place] == "GPE", place
    assert typed["Wall Street Journal"] == "OUTLET"
    for row in table.itertuples():
        assert example.text[row.start:row.end] == row.text


def test_surnames_take_the_type_and_canonical_name_of_the_full_name():
    table = entities("Gov. Gavin Newsom spoke in Sacramento. Later, Newsom left for Mexico.")
    rows = table[table.text == "Newsom"]
    assert rows.type.item() == "PERSON"
    assert rows.canonical.item() == "Gavin Newsom"
    assert table[table.text == "Mexico"].type.item() == "GPE"


def test_organisation_words_acronyms_and_outlets_are_recognised():
    table = entities("The Senate Judiciary Committee asked the FBI, Reuters reported.")
    typed = dict(zip(table.text, table.type))
    assert typed["Senate Judiciary Committee"] == "ORGANIZATION"
    assert typed["FBI"] == "ORGANIZATION"
    assert typed["Reuters"] == "OUTLET"


def test_sentence_initial_common_words_are_not_entities():
    table = entities("Former officials met Angela Merkel. Later they left Berlin.")
    assert "Former" not in table.text.tolist()
    assert "Later" not in table.text.tolist()
    assert table[table.text == "Angela Merkel"].type.item() == "PERSON"


def test_dates_headlines_and_party_labels_do_not_make_people():
    table = entities("Republican Donald Trump spoke on Friday about the Clean Power Plan.")
    typed = dict(zip(table.text, table.type))
    assert typed["Donald Trump"] == "PERSON"
    assert "Friday" not in typed
    assert typed["Clean Power Plan"] != "PERSON"
    headline = entities("Lindsey Graham Slams Plan As Voters Head To Polls")
    assert headline[headline.type == "PERSON"].text.tolist() == ["Lindsey Graham"]


def test_lexicon_names_are_whole_words_not_parts_of_longer_ones():
    table = entities("Officials in Russia and the Kremlin denied it; DeRussia, U.S.Kremlin "
                     "and Russiagate did not count.")
    assert [(row.text, row.type) for row in table.itertuples() if row.text in
            ("Russia", "Kremlin")] == [("Russia", "GPE"), ("Kremlin", "ORGANIZATION")]


def test_connectors_join_the_capitalised_words_of_one_name():
    table = entities("Protesters met Ahmed bin Salman outside the Museum of Modern Art and the "
                     "offices of Procter & Gamble, then the Friends of The Earth on Friday.")
    assert table.text.tolist() == ["Ahmed bin Salman", "Museum of Modern Art",
                                   "Procter & Gamble", "Friends of The Earth"]
