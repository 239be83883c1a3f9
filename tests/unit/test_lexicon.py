import datetime as dt
import shutil

import pytest

from services.extract.actors import default_index
from services.extract.lexicon import DATA_DIR, LexiconError, load_lexicon


def test_bundled_lexicon_validates():
    lexicon = load_lexicon()
    assert {"USA", "CHN", "EUU", "RUS"} <= {c.iso3 for c in lexicon.countries}
    assert set(lexicon.triggers) == {"call", "tariff", "ban", "nomination"}


def test_bad_lexicon_file_stops_loading(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "people.yaml").write_text("- {name: X, country: usa}\n")
    with pytest.raises(LexiconError, match="people.yaml"):
        load_lexicon(tmp_path)


@pytest.mark.parametrize("text, name, country", [
    ("President Xi said", "Xi Jinping", "CHN"),
    ("Mr. Xi said", "Xi Jinping", "CHN"),
    ("the Chinese leader said", "Xi Jinping", "CHN"),
    ("Zelenskiy said", "Volodymyr Zelenskyy", "UKR"),
    ("Zelensky said", "Volodymyr Zelenskyy", "UKR"),
    ("Marco·Rubio said", "Marco Rubio", "USA"),
    ("the President of the Russian Federation said", "Vladimir Putin", "RUS"),
])
def test_actor_aliases_resolve_to_one_person(text, name, country):
    people = [m for m in default_index().find(text, dt.date(2025, 3, 1)) if m.kind == "person"]
    assert (people[0].name, people[0].iso3) == (name, country)


def test_office_resolves_by_date():
    index = default_index()
    before = index.find("the U.S. president said", dt.date(2022, 1, 1))
    after = index.find("the U.S. president said", dt.date(2025, 6, 1))
    assert [m.name for m in before if m.kind == "person"] == ["Joe Biden"]
    assert [m.name for m in after if m.kind == "person"] == ["Donald Trump"]


@pytest.mark.parametrize("text, iso3", [
    ("Beijing said", "CHN"), ("the Kremlin said", "RUS"), ("the White House said", "USA"),
    ("Brussels said", "EUU"), ("Britain said", "GBR"), ("U.S. officials", "USA"),
])
def test_metonyms_and_names_map_to_iso3(text, iso3):
    assert default_index().find(text, dt.date(2025, 1, 1))[0].iso3 == iso3


def test_common_word_surnames_need_a_title():
    assert default_index().find("In May the talks began", dt.date(2019, 1, 1)) == []


def test_people_files_merge_roles_of_one_person(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "people" / "extra.yaml").write_text(
        "- {name: Donald Trump, country: USA, aliases: [The Donald], roles: "
        "[{role: Businessman, kind: other, from: 1971-01-01, to: 2017-01-20}]}\n")
    trump = [p for p in load_lexicon(tmp_path).people if p.name == "Donald Trump"]
    assert len(trump) == 1
    assert "The Donald" in trump[0].aliases
    assert {r.role for r in trump[0].roles} >= {"President", "Businessman"}
