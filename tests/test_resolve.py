"""Who a pronoun or surname source stands for (storyline.resolve), on hand-written sentences."""

import re

from storyline.resolve import _mentions, _Names, resolve_sources


def resolved(text: str, *sources: str) -> list[str]:
    """``source_resolved`` of claim rows whose sources are ``sources``, each found at its
    first occurrence after the previous one's ("he" twice is two rows)."""
    rows, start = [], 0
    for source in sources:
        start = re.compile(rf"\b{source}\b").search(text, start).start()
        rows.append({"source_text": source, "source_start": start})
        start += len(source)
    resolve_sources(rows, text)
    return [row["source_resolved"] for row in rows]


def last_surname(text: str, surname: str) -> str:
    """What the last ``surname`` of ``text``, as a claim's source, stands for."""
    rows = [{"source_text": surname, "source_start": text.rindex(surname)}]
    resolve_sources(rows, text)
    return rows[0]["source_resolved"]


def test_she_is_the_subject_of_the_previous_sentence_not_its_object():
    text = ("On a radio show on Monday, Dana Whitfield criticised police officer Karen Lowe "
            "for the arrest.\n\n“This should never happen again,” she said.")
    assert resolved(text, "she") == ["Dana Whitfield"]


def test_in_the_pronouns_own_sentence_the_nearest_person_wins():
    text = "Mayor Robin Tate praised Judge Leslie Orr after she said the ruling would stand."
    assert resolved(text, "she") == ["Judge Leslie Orr"]


def test_he_skips_a_woman_the_names_lexicon_knows():
    text = ("Vice President Kofi Mensah will address the assembly. Mensah will argue that "
            "Joan Pike is ready.\n\n“Nobody is better prepared,” he will say.")
    assert resolved(text, "he") == ["Vice President Kofi Mensah"]


def test_a_surname_mention_is_the_person_named_in_full_before():
    text = ("President Kofi Mensah met Leslie Pike in Accra. Mensah, who has led the talks, "
            "thanked Pike.\n\n“We are close,” he said.")
    assert resolved(text, "he") == ["President Kofi Mensah"]


def test_gender_read_from_a_pronoun_after_the_name():
    text = ("Robin Hale said her agency would act. Robin Hale then met Kevin Moss. "
            "“It went well,” he said.")
    names = _Names.of(text)
    assert names.gender("Robin Hale") == "female"
    assert resolved(text, "he") == ["Kevin Moss"]


def test_gender_in_context_stops_at_and():
    assert _Names.of("Robin Park said his son left.").gender("Robin Park") == "male"
    assert _Names.of("Robin Park and his son left.").gender("Robin Park") == ""


def test_a_first_name_that_is_a_city_is_no_person():
    text = "Governor Dan Reyes toured Cleveland, where he said the plant would reopen."
    assert resolved(text, "he") == ["Governor Dan Reyes"]


def test_names_inside_a_quotation_are_not_its_speaker():
    text = ("Governor Tom Reed spoke on Friday.\n\n“Leslie Quinn has no plan for the "
            "schools,” he said.")
    assert resolved(text, "he") == ["Governor Tom Reed"]


def test_a_full_stop_after_a_title_does_not_end_the_sentence():
    text = ("Rita Moss praised Govs. Jane Hill and Ann Cole on Monday.\n\n"
            "“They kept their word,” she said.")
    assert resolved(text, "she") == ["Rita Moss"]


def test_surname_shared_by_two_people_goes_to_the_one_named_most():
    text = ("Senator Ellen Carver opened her campaign in Dayton. Ellen Carver promised lower "
            "fares.\n\nHer husband, former Lieutenant Governor Bill Carver, did not attend.\n\n"
            "Carver said the state needed new trains.")
    assert last_surname(text, "Carver") == "Senator Ellen Carver"


def test_surname_goes_to_the_person_named_in_full_in_the_same_paragraph():
    text = ("Senator Ellen Carver opened her campaign in Dayton. Ellen Carver promised lower "
            "fares.\n\nHer husband, former Governor Bill Carver, spoke next. Carver said the "
            "state needed new trains.")
    assert last_surname(text, "Carver") == "Governor Bill Carver"


def test_headline_runs_split_at_common_words():
    text = "Mayor Slams Ruth Okafor Over Budget Cuts\n\nOkafor defended the plan."
    assert _mentions(text) == [(0, "Mayor"), (12, "Ruth Okafor"), (42, "Okafor")]
    assert last_surname(text, "Okafor") == "Ruth Okafor"


def test_a_run_in_running_text_is_not_split():
    text = "The New Jersey Transit Authority said fares would rise."
    assert _mentions(text) == [(4, "New Jersey Transit Authority")]


def test_a_middle_initial_stays_inside_the_name():
    text = "Secretary of State Ann B. Rowe met the envoy.\n\nRowe said talks would resume."
    assert (0, "Secretary of State Ann B. Rowe") in _mentions(text)
    assert last_surname(text, "Rowe") == "Secretary of State Ann B. Rowe"


def test_a_doubled_apostrophe_quote_starts_a_sentence():
    text = ("Mayor Dale Hunt met Gov. Robin Tate on Monday. ''We must not rush,'' he said.")
    assert resolved(text, "he") == ["Mayor Dale Hunt"]


def test_a_pronoun_right_after_a_mention_tells_its_gender_when_the_name_does_not():
    # "Leslie" is both a man's and a woman's name; the pronouns after "Tran" are mixed (a
    # husband's "he ... his" counted with her), but "Tran sharpened her attack" is a woman
    text = ("Leslie Tran spoke first at the hearing. Later, Tran said as he introduced his "
            "wife that the vote mattered.\n\nTran sharpened her attack on the mayor, Dale "
            "Cole. He has criticised the budget for months.")
    assert resolved(text, "He") == ["Dale Cole"]
