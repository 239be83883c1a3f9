"""Nominations to posts of the EU, intergovernmental bodies, central banks and ministries,
and the roles around them: nominator, predecessor, own title. Sentences written for these
tests."""

import pytest

from services.extract import extract
from tests.helpers import article


def picks(body: str, when: str = "2024-07-01T12:00:00+00:00") -> dict:
    return {e.nominee.name: e for e in extract(article(body, when))
            if e.event_type == "nomination"}


@pytest.mark.parametrize("body, name, post_word, country", [
    ("EU leaders picked Danish economist Mette Lund as the next ECB president.", "Mette Lund",
     "European Central Bank", "EUU"),
    ("Finance ministers chose Pedro Alves to run the European Investment Bank.", "Pedro Alves",
     "European Investment Bank", "EUU"),
    ("Hungary put forward Janos Kertesz as its commissioner-designate on Monday.",
     "Janos Kertesz", "European Commissioner", "EUU"),
    ("The board selected Amara Okafor as the next IMF managing director.", "Amara Okafor",
     "IMF", None),
    ("Members appointed Lina Haddad as director-general of the World Trade Organization.",
     "Lina Haddad", "WTO", None),
    ("The cabinet named Tomas Berg governor of the central bank on Friday.", "Tomas Berg",
     "Central Bank Governor", None),
    ("President Ruto nominated Amina Wekesa as interior minister.", "Amina Wekesa",
     "Interior Minister", None),
])
def test_posts_beyond_washington(body, name, post_word, country):
    got = picks(body)
    assert set(got) == {name}
    assert post_word in got[name].position
    if country:
        assert got[name].country == country


def test_a_head_of_government_right_after_the_verb_is_the_pick():
    got = picks("Leaders chose Estonian Prime Minister Kaja Kallas as the bloc's next foreign "
                "policy chief.")
    assert set(got) == {"Kaja Kallas"}
    assert got["Kaja Kallas"].position.startswith("High Representative")


def test_the_predecessor_and_the_nominator_are_not_nominees():
    got = picks("Lagarde was nominated by EU leaders to succeed Mario Draghi as ECB president.",
                "2019-07-03T12:00:00+00:00")
    assert "Mario Draghi" not in got
    got = picks("Israeli Prime Minister Benjamin Netanyahu named Yechiel Leiter as Israel's next "
                "ambassador to the United States.", "2024-11-10T12:00:00+00:00")
    assert set(got) == {"Yechiel Leiter"}
    assert "United States" in got["Yechiel Leiter"].position


def test_each_pick_in_a_list_takes_the_status_of_its_own_verb():
    got = picks("Leaders agreed to nominate Anna Weber for a second term as president of the "
                "European Commission, elected Paulo Ramos as the next president of the "
                "European Council, and chose Ines Kask as the bloc's next foreign policy chief.")
    assert {n: e.status for n, e in got.items()} == {
        "Anna Weber": "nominated", "Paulo Ramos": "confirmed", "Ines Kask": "nominated"}


def test_institutions_and_place_names_in_capitals_are_not_people():
    got = picks("BUENOS AIRES, Oct 30 - The European Commission appointed Lucia Brandt as "
                "trade commissioner.")
    assert set(got) == {"Lucia Brandt"}
    got = picks("Pete Hegseth was confirmed as U.S. defense secretary late on Friday.",
                "2025-01-25T12:00:00+00:00")
    assert set(got) == {"Pete Hegseth"} and got["Pete Hegseth"].status == "confirmed"


def test_a_title_with_a_confirmation_is_the_post_confirmed():
    got = picks("They join Secretary of State Marco Rubio, confirmed 99-0 on Monday.",
                "2025-01-25T12:00:00+00:00")
    assert got["Marco Rubio"].status == "confirmed"
    assert picks("Trade Minister Simon Birmingham said the talks went well.") == {}


def test_a_portfolio_named_by_its_title_alone_follows_its_nominee():
    got = picks("President Ruto picked former governor Amani Wekesa for Mining and Blue Economy "
                "and Joseph Otieno for Energy and Petroleum.", "2024-07-25T12:00:00+00:00")
    assert {n: e.position for n, e in got.items()} == {
        "Amani Wekesa": "Mining and Blue Economy", "Joseph Otieno": "Energy and Petroleum"}
    assert {e.country for e in got.values()} == {"KEN"}
    assert picks("The film left with one statuette from eight nominations, for Anna Berg and "
                 "Tom Berg's ballad.") == {}


@pytest.mark.parametrize("body, name, post_word", [
    ("The International Monetary Fund's board on Friday selected Amara Okafor, a Ghanaian "
     "economist, as its next managing director.", "Amara Okafor", "IMF"),
    ("World Trade Organization members appointed Lina Haddad as the body's director-general.",
     "Lina Haddad", "WTO"),
    ("Euro zone leaders chose Mette Lund as the ECB's next president.", "Mette Lund",
     "European Central Bank"),
    ("Members appointed former Lebanese finance minister Lina Haddad as director-general of "
     "the WTO.", "Lina Haddad", "WTO"),
])
def test_a_post_named_relative_to_the_organisation_filling_it(body, name, post_word):
    assert post_word in picks(body)[name].position


@pytest.mark.parametrize("body", [
    "The company appointed John Hale as its chief executive on Monday.",
    "The board picked Jane Doe as the IMF's first deputy managing director.",
])
def test_a_relative_post_of_an_organisation_outside_the_lexicon_is_no_nomination(body):
    assert picks(body) == {}


@pytest.mark.parametrize("body, name", [
    ("Jens Stoltenberg will not take up the post of governor of Norges Bank, the finance "
     "ministry said.", "Jens Stoltenberg"),
    ("Former minister Anna Berg turned down the post of finance minister on Monday.",
     "Anna Berg"),
    ("Mark Lowe declined the post of foreign minister, citing family reasons.", "Mark Lowe"),
])
def test_declining_a_post_is_a_withdrawal_even_by_a_serving_head(body, name):
    assert picks(body, "2022-03-24T12:00:00+00:00")[name].status == "withdrawn"


@pytest.mark.parametrize("body", [
    "The nominee said she would not take up residence in the capital.",
    "He declined the invitation to the summit on Monday.",
])
def test_declining_what_is_no_post_is_no_withdrawal(body):
    assert picks(body) == {}


def test_the_head_whose_nominee_withdrew_is_not_the_one_withdrawing():
    found = picks("Lena Park, who replaced Tom Reed as Trump's nominee for labor secretary after "
                  "the former senator withdrew in May, awaits a committee vote.",
                  "2025-06-01T12:00:00+00:00")
    assert "Donald Trump" not in found


@pytest.mark.parametrize("body, name", [
    ('The president said he would nominate retired General Jim Mattis, whom he called "Mad '
     'Dog," as defense secretary.', "Jim Mattis"),
    ('The premier named Ana Ruiz, known to colleagues as "Iron Ana," as foreign minister.',
     "Ana Ruiz"),
])
def test_a_quoted_nickname_is_not_the_nominee(body, name):
    assert list(picks(body, "2016-12-03T12:00:00+00:00")) == [name]
