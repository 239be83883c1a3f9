"""Text hygiene: invisible characters and compatibility forms never reach the rules, and
evidence offsets still slice the body as it was published."""

import datetime as dt

import pytest

from schemas.article import RawArticle
from services.extract import extract
from services.extract.hygiene import clean, unsupported_language


def _events(body: str):
    article = RawArticle(id="x", source="s", url="https://x.invalid/1", title="",
                         published_at=dt.datetime(2025, 3, 4, tzinfo=dt.UTC), body=body)
    return extract(article)


@pytest.mark.parametrize("glue", ["\u200b", "\u2060", "\ufeff"])
def test_a_zero_width_character_inside_a_name_is_no_spurious_participant(glue):
    body = f"Donald{glue}Trump spoke by phone with Chinese President Xi Jinping on Monday."
    (call,) = _events(body)
    assert sorted(p.name for p in call.participants) == ["Donald Trump", "Xi Jinping"]
    (evidence,) = call.evidence
    assert body[evidence.start:evidence.end].replace(glue, " ") == evidence.text


def test_bidi_controls_and_nul_are_stripped_and_offsets_map_to_the_original():
    body = ("Markets were calm.\x00 \u202eThe United States imposed tariffs of 25% on "
            "\u2066Canadian\u2069 steel on Monday.\u202c")
    (tariff,) = _events(body)
    (evidence,) = tariff.evidence
    assert not any(c in evidence.text for c in "\x00\u202e\u2066\u2069\u202c")
    original = body[evidence.start:evidence.end]
    assert original.startswith("\u202eThe United States") or original.startswith("The United")
    assert clean(original).text == evidence.text
    assert (tariff.imposer, tariff.targets, tariff.rate_percent) == ("USA", ["CAN"], 25)


def test_compatibility_forms_are_normalised():
    assert clean("ﬁve ２５％ tariffs").text == "five 25% tariffs"
    assert clean("plain text").origin is None  # ordinary text is not copied


def test_original_span_covers_characters_that_normalise_to_several():
    cleaned = clean("xﬁy")
    assert cleaned.text == "xfiy"
    assert cleaned.original_span(1, 3) == (1, 2)
    assert cleaned.original_span(0, 4) == (0, 3)


@pytest.mark.parametrize("language, body, refused", [
    ("en", "The talks went well.", False),
    ("en-GB", "The talks went well.", False),
    ("EN_us", "The talks went well.", False),
    ("en", "Café au lait in Zürich and São Paulo.", False),
    ("zh", "The talks went well.", True),
    ("fr", "Les discussions se sont bien passées.", True),
    ("en", "美国总统特朗普与中国国家主席习近平通电话。" * 5, True),
    ("en", "Президент России провёл телефонный разговор.", True),
    ("en", "1234 5678", False),
])
def test_unsupported_language_by_tag_or_script(language, body, refused):
    assert (unsupported_language(language, body) is not None) is refused
