"""Ban families beyond the word 'ban': closures, visas and entry, trade halts, sanctions on
companies; coordinated and possessive authorities. Sentences written for these tests."""

import pytest

from services.extract import extract
from tests.helpers import article


def bans(body: str) -> list:
    return [e for e in extract(article(body)) if e.event_type == "ban"]


@pytest.mark.parametrize("body, authority, word, kind", [
    ("Turkey on Monday shut its airspace to Armenian aircraft.", "TUR", "airspace", "travel"),
    ("Kenya closed its land border with Somalia on Friday, citing smuggling.", "KEN", "border",
     "travel"),
    ("Ghana suspended the issuing of visas to Nigerian traders last week.", "GHA", "visas",
     "travel"),
    ("Washington announced a proclamation restricting entry by nationals of Iran and Libya.",
     "USA", "entry", "travel"),
    ("Vietnam halted all trade with Cambodia after the dispute.", "VNM", "trade", "other"),
    ("Canada imposed sanctions on three Iranian shipping companies on Tuesday.", "CAN",
     "companies", "sanctions"),
])
def test_closures_visas_entry_trade_and_sanctions_are_bans(body, authority, word, kind):
    (ban,) = bans(body)
    assert ban.authority == authority and ban.ban_kind == kind
    assert word in ban.subject.lower()
    assert ban.status == "enacted"


@pytest.mark.parametrize("body", [
    "Police closed the border crossing for two hours after a shooting.",
    "Georgia closed its border with Armenia because of heavy flooding.",
    "The European Union imposed sanctions on five Russian officials.",
    "The airline suspended flights to Doha from Tuesday.",
    "The law, which allows import restrictions on security grounds, dates from 1962.",
])
def test_security_closures_sanctions_on_people_and_powers_are_not_bans(body):
    assert bans(body) == []


def test_revoking_visas_enacts_a_ban_rather_than_lifting_one():
    (ban,) = bans("India revoked all visas issued to Pakistani nationals with effect from May 1.")
    assert (ban.authority, ban.status) == ("IND", "enacted")
    assert ban.subject == "all visas issued to Pakistani nationals"


def test_coordinated_governments_are_one_authority_each():
    got = bans("Latvia, Lithuania and Estonia banned imports of Russian timber on Friday.")
    assert sorted(b.authority for b in got) == ["EST", "LTU", "LVA"]
    assert {b.subject for b in got} == {"imports of Russian timber"}


def test_possessive_country_owns_the_measure_even_after_a_preposition():
    (ban,) = bans("Exporters braced for South Korea's curbs on exports of Japanese steel, "
                  "officials said.")
    assert ban.authority == "KOR"
    (ban,) = bans("Slovakia's ban on Ukrainian wheat runs until the end of the year.")
    assert (ban.authority, ban.subject) == ("SVK", "Ukrainian wheat")


def test_actor_of_a_subordinate_clause_is_not_the_authority():
    (ban,) = bans("After Japan's prime minister visited Taipei, Beijing suspended imports of "
                  "Taiwanese pineapples.")
    assert ban.authority == "CHN"


def test_a_trigger_word_inside_a_name_is_no_trigger():
    assert bans("Guterres will succeed Ban Ki-moon of South Korea on January 1.") == []


def test_telephoned_is_a_call_without_other_phone_words():
    from services.extract import extract as run
    body = ("U.S. Secretary of State Warren Christopher telephoned Russian Foreign Minister "
            "Andrei Kozyrev on Tuesday.")
    (call,) = [e for e in run(article(body, "1995-03-01T12:00:00+00:00"))
               if e.event_type == "call"]
    assert {(p.name, p.country) for p in call.participants} == {
        ("Warren Christopher", "USA"), ("Andrei Kozyrev", "RUS")}


@pytest.mark.parametrize("body, authority, word, status", [
    ("The Nigerian government suspended Twitter indefinitely on Friday.", "NGA", "Twitter",
     "enacted"),
    ("Brazil's Supreme Court ordered the suspension of YouTube across the country.", "BRA",
     "YouTube", "enacted"),
    ("Russia blocked access to Instagram on Monday.", "RUS", "Instagram", "enacted"),
    ("Australia told agencies to remove DeepSeek products from official systems and devices.",
     "AUS", "DeepSeek", "enacted"),
    ("Nigeria lifted the suspension of Twitter on Thursday.", "NGA", "Twitter", "lifted"),
    ("A regional court ruled that Ghana's suspension of Facebook violated the rights of its "
     "citizens.", "GHA", "Facebook", "struck_down"),
])
def test_a_platform_blocked_suspended_or_removed_from_devices_is_an_app_ban(
        body, authority, word, status):
    (ban,) = bans(body)
    assert (ban.authority, ban.ban_kind, ban.status) == (authority, "app", status)
    assert word in ban.subject


@pytest.mark.parametrize("body", [
    "The Trump administration blocked a consensus on the nomination.",
    "Twitter suspended the account of the Nigerian president.",
    "Police blocked the road to the stadium on Sunday.",
    "The firm shut down its Chinese website after the audit.",
    "Officials asked staff to delete old emails from their phones.",
])
def test_blocking_or_suspending_what_is_no_platform_is_no_ban(body):
    assert bans(body) == []
