"""The extraction core on our own short articles (written for these tests)."""

import pytest

from services.extract import extract
from tests.helpers import article


def only(events, kind):
    return [e for e in events if e.event_type == kind]


def test_call_between_leaders_with_date_and_merged_mentions():
    body = ("German Chancellor Olaf Scholz held a phone call with Chinese President Xi Jinping "
            "on Tuesday, Berlin said.\nThe two leaders discussed trade.\n"
            "Scholz told Xi in the call that market access mattered, the readout said.")
    events = extract(article(body, "2022-11-03T10:00:00+00:00"))
    calls = only(events, "call")
    assert len(calls) == 1
    names = {p.name for p in calls[0].participants}
    assert names == {"Olaf Scholz", "Xi Jinping"}
    assert str(calls[0].event_date) == "2022-11-01"
    assert calls[0].cameo == "041" and calls[0].plover == "CONSULT"


def test_in_person_meeting_and_calls_for_are_not_calls():
    body = ("Prime Minister Narendra Modi met President Joe Biden at the White House on Friday.\n"
            "Activists called for a ceasefire and renewed calls for talks with Russia.")
    assert only(extract(article(body)), "call") == []


def test_evidence_slices_the_body_exactly_and_ids_are_deterministic():
    body = ("Beijing slapped duties of 80.5% on Australian barley on Monday.\n"
            "Canberra said it would appeal to the WTO.")
    first, second = extract(article(body)), extract(article(body))
    assert [e.event_id for e in first] == [e.event_id for e in second]
    for event in first:
        for ev in event.evidence:
            assert body[ev.start:ev.end] == ev.text


def test_tariff_imposer_targets_rate_and_status():
    body = "Beijing slapped duties of 80.5% on Australian barley on Monday, the ministry said."
    (tariff,) = only(extract(article(body)), "tariff")
    assert (tariff.imposer, tariff.targets, tariff.rate_percent, tariff.status) == (
        "CHN", ["AUS"], 80.5, "imposed")


@pytest.mark.parametrize("sentence, status", [
    ("President Donald Trump threatened to impose 25% tariffs on Mexican goods.", "threatened"),
    ("The United States paused its 25% tariffs on Canadian goods for 30 days.", "paused"),
    ("China lifted its tariffs on Australian barley.", "lifted"),
    ("Canada announced retaliatory tariffs of 25% on U.S. goods.", "announced"),
    ("Washington raised tariffs on Chinese goods from 10% to 25%.", "increased"),
])
def test_tariff_status_words(sentence, status):
    tariffs = only(extract(article(sentence)), "tariff")
    assert [t.status for t in tariffs] == [status]


def test_tariff_rate_from_a_to_b_takes_the_new_rate():
    (tariff,) = only(extract(article(
        "Washington raised tariffs on Chinese goods from 10% to 25%.")), "tariff")
    assert tariff.rate_percent == 25


@pytest.mark.parametrize("body", [
    "Household electricity tariffs will rise 10% in October, the regulator said.",
    "If tariffs were imposed on coffee, Americans would pay more every morning.",
])
def test_tariff_negatives(body):
    assert only(extract(article(body)), "tariff") == [] or all(
        e.confidence < 0.5 for e in only(extract(article(body)), "tariff"))


def test_app_ban_with_foreign_party():
    body = "India banned TikTok and WeChat on Monday, citing national security."
    (ban,) = only(extract(article(body)), "ban")
    assert ban.authority == "IND" and "TikTok" in ban.subject + " ".join(ban.aliases)
    assert ban.status == "enacted"


def test_court_upholding_a_ban():
    body = "The Supreme Court upheld the U.S. law banning TikTok on Friday."
    (ban,) = only(extract(article(body)), "ban")
    assert (ban.authority, ban.status) == ("USA", "upheld")


@pytest.mark.parametrize("body", [
    "France will ban smoking on beaches and in parks from July 1.",
    "The skater was banned for four years for doping by the Court of Arbitration for Sport.",
    "More companies are banning phones from meetings, a survey of managers found.",
])
def test_domestic_sports_and_workplace_bans_are_not_events(body):
    assert only(extract(article(body)), "ban") == []


def test_nomination_with_position_country_and_status():
    body = "President-elect Donald Trump on Wednesday picked Marco Rubio as secretary of state."
    (nom,) = only(extract(article(body, "2024-11-13T22:00:00+00:00")), "nomination")
    assert nom.nominee.name == "Marco Rubio"
    assert (nom.position, nom.country, nom.status) == ("Secretary of State", "USA", "nominated")


@pytest.mark.parametrize("sentence, status", [
    ("The Senate confirmed Eric Garcetti as ambassador to India on Wednesday.", "confirmed"),
    ("Matt Gaetz withdrew his name from consideration for attorney general.", "withdrawn"),
])
def test_nomination_statuses(sentence, status):
    (nom,) = only(extract(article(sentence, "2024-11-22T10:00:00+00:00")), "nomination")
    assert nom.status == status


def test_nomination_pending_confirmation_is_still_nominated():
    body = ("President Donald Trump nominated Helen Carvalho, a former deputy secretary of "
            "state, as ambassador to the United Nations. She would serve if confirmed by the Senate.")
    (nom,) = only(extract(article(body, "2025-11-04T12:00:00+00:00")), "nomination")
    assert nom.status == "nominated"
    assert nom.position == "Ambassador to the United Nations"


def test_film_award_nominations_are_not_events():
    body = "The actress was nominated for best actress at the Academy Awards on Tuesday."
    assert only(extract(article(body)), "nomination") == []


def test_article_without_triggers_is_empty():
    assert extract(article("Stocks rose on Tuesday as oil prices fell.")) == []


def test_tariff_one_event_per_target_and_pronoun_subject():
    body = ("President Donald Trump spoke to reporters on Friday.\n"
            "He threatened to impose 25% tariffs on imports from Canada and Mexico.")
    tariffs = only(extract(article(body)), "tariff")
    assert sorted((t.imposer, tuple(t.targets), t.status) for t in tariffs) == [
        ("USA", ("CAN",), "threatened"), ("USA", ("MEX",), "threatened")]


def test_tariff_price_plans_are_not_trade_measures():
    body = "China Energy said some fixed tariffs now on the market could save households money."
    assert only(extract(article(body)), "tariff") == []


def test_ban_authority_is_not_the_demonym_of_what_is_banned():
    body = ("Beijing announced new measures on Tuesday.\n"
            "The commerce ministry put 15 American companies on its export-control list.")
    bans = only(extract(article(body)), "ban")
    assert [b.authority for b in bans] == ["CHN"]


def test_ban_status_after_a_before_clause_and_entity_subject():
    body = ("Donald Trump discussed TikTok shortly before the Supreme Court upheld a law "
            "banning the app.")
    (ban,) = only(extract(article(body, "2025-01-17T21:00:00+00:00")), "ban")
    assert (ban.authority, ban.status, ban.subject) == ("USA", "upheld", "TikTok")


@pytest.mark.parametrize("sentence, status", [
    ("The European Union will apply duties of up to 20% on bicycles imported from Vietnam "
     "from Friday, the Commission said.", "imposed"),
    ("Norway said it would retaliate with duties on American whiskey.", "announced"),
    ("Thai rice can once again enter Japan without punitive duties from Saturday.", "lifted"),
    ("The extra Japanese levy on South Korean steel doubles to 30%.", "increased"),
])
def test_tariff_status_patterns_in_wire_copy(sentence, status):
    assert [t.status for t in only(extract(article(sentence)), "tariff")] == [status]


def test_ban_authority_after_a_criticism_verb_and_owner_alias():
    body = ("Beijing criticized the Biden administration for introducing export controls on "
            "advanced chips.\nThe U.S. law bans the app unless its Chinese owner ByteDance "
            "sells it.")
    bans = only(extract(article(body, "2025-01-17T21:00:00+00:00")), "ban")
    assert {(b.authority, b.subject) for b in bans} == {
        ("USA", "advanced chips"), ("USA", "TikTok")}


def test_court_ruling_outweighs_the_word_bill():
    body = "Donald Trump spoke before the Supreme Court upheld a bill banning TikTok."
    (ban,) = only(extract(article(body, "2025-01-17T21:00:00+00:00")), "ban")
    assert (ban.authority, ban.status, ban.subject) == ("USA", "upheld", "TikTok")


def test_nominee_names_skip_titles_places_and_organisations():
    body = ("The Senate confirmed former Denver Mayor Alma Reyes as ambassador to Mexico on "
            "Tuesday.\nReyes, a former partner at the Holloway Group chief office, thanked "
            "senators on Truth Social.")
    noms = only(extract(article(body, "2025-05-07T12:00:00+00:00")), "nomination")
    assert [(n.nominee.name, n.position, n.status) for n in noms] == [
        ("Alma Reyes", "Ambassador to Mexico", "confirmed")]


def test_a_holders_title_is_not_a_nomination():
    body = ("Trade Minister Ana Costa said on Tuesday that the government rejected the "
            "findings and would appeal.")
    assert only(extract(article(body)), "nomination") == []


def test_call_readout_with_bare_office_and_coreference():
    body = ("Ottawa, 4 June 2025\nPrime Minister spoke today by telephone with President "
            "Emmanuel Macron of France.\nThe two leaders discussed trade.")
    (call,) = only(extract(article(body, "2025-06-04T18:00:00+00:00")), "call")
    assert {(p.name, p.country) for p in call.participants} == {
        ("Mark Carney", "CAN"), ("Emmanuel Macron", "FRA")}


def test_the_two_spoke_refers_to_the_people_named_before():
    body = ("Macron has kept talking to Vladimir Putin.\nOn Feb. 20 the two spoke by phone for "
            "two hours, and Paris floated a summit between Putin and U.S. President Joe Biden.")
    (call,) = only(extract(article(body, "2022-09-12T08:00:00+00:00")), "call")
    assert {p.name for p in call.participants} == {"Emmanuel Macron", "Vladimir Putin"}
    assert str(call.event_date) == "2022-02-20"


def test_a_vice_president_is_not_the_president():
    body = ("Wang Wen-tao held a video call with the Executive Vice President of the European "
            "Commission on Friday.")
    calls = only(extract(article(body, "2024-06-23T08:00:00+00:00")), "call")
    assert all(p.name != "Ursula von der Leyen" for c in calls for p in c.participants)


def test_tariff_rate_carries_to_later_mentions_and_conditions_are_not_measures():
    body = ("Japan imposed 30% tariffs on South Korean steel on Monday.\n"
            "Exporters said the tariffs would hurt shipbuilders.\n"
            "Japan warned that if Seoul puts a retaliatory tariff on Japan, its levy will "
            "immediately rise.")
    tariffs = only(extract(article(body)), "tariff")
    assert all(t.rate_percent == 30 for t in tariffs if t.imposer == "JPN")
    assert not [t for t in tariffs if t.imposer == "KOR"]


def test_future_tariffs_promised_by_a_leader_are_threats():
    body = "Trump said tariffs on goods from the European Union would definitely happen."
    (tariff,) = only(extract(article(body)), "tariff")
    assert (tariff.imposer, tariff.targets, tariff.status) == ("USA", ["EUU"], "threatened")


@pytest.mark.parametrize("body, authority, words", [
    ("Japan suspended pork imports from two large Danish plants on Friday.", "JPN", "pork"),
    ("The decision follows Indonesia's suspension last week of palm oil exports to India.",
     "IDN", "palm"),
    ("Canberra signed an order barring U.S. firms from buying telecoms gear from Chinese "
     "suppliers.", "AUS", "telecoms"),
    ("Its customs agency suspends rice purchases from two U.S. exporters and halts all imports "
     "of American apples.", None, "apples"),
])
def test_import_halts_and_bars(body, authority, words):
    bans = only(extract(article("Seoul announced new measures.\n" + body)), "ban")
    assert any(words in b.subject for b in bans)
    if authority:
        assert all(b.authority == authority for b in bans)
    else:
        assert all(b.authority == "KOR" for b in bans)


def test_tariff_targets_stop_at_the_next_tariff_and_threats_govern_actions():
    body = ("On Monday Trump said he would impose an additional 10% tariff on all goods from "
            "China, and a 25% tariff on everything from Canada and Mexico.")
    got = sorted((t.targets[0], t.rate_percent, t.status)
                 for t in only(extract(article(body)), "tariff"))
    assert got == [("CAN", 25, "threatened"), ("CHN", 10, "threatened"),
                   ("MEX", 25, "threatened")]


def test_tariff_status_cues_stay_in_their_clause():
    body = ("The Government of Canada announced countermeasures on imports from the United "
            "States, in response to the U.S. tariffs on Canadian steel.")
    got = {(t.imposer, tuple(t.targets), t.status) for t in only(extract(article(body)), "tariff")}
    assert ("CAN", ("USA",), "announced") in got
    assert ("USA", ("CAN",), "imposed") in got


def test_ban_list_placements_remention_and_school_phone_bans():
    body = ("Japan's trade ministry put 12 Chinese companies on its export-control list on "
            "Friday and halts all imports of Chinese drones.\n"
            "Beijing accused Tokyo of abusing export controls to hobble Chinese firms.")
    bans = only(extract(article(body)), "ban")
    assert sorted(b.subject for b in bans) == ["12 Chinese companies", "all imports of Chinese drones"]
    assert all(b.authority == "JPN" for b in bans)
    assert len(bans[0].evidence) + len(bans[1].evidence) == 3  # the accusation joined one
    school = "Italy passed a law barring pupils from using mobile phones in primary schools."
    assert only(extract(article(school)), "ban") == []


def test_implicit_imposer_and_target_come_from_the_article():
    body = ("President Donald Trump imposed 25% tariffs on Canadian steel on Monday.\n"
            "An additional 10% tariff on all Chinese imports took effect on Tuesday.\n"
            "Beijing said it would take countermeasures.")
    got = {(t.imposer, tuple(t.targets)) for t in only(extract(article(body)), "tariff")}
    assert got == {("USA", ("CAN",)), ("USA", ("CHN",)), ("CHN", ("USA",))}


def test_goods_originating_in_a_country_are_its_exports():
    body = ("The European Commission decided to levy countervailing duties of up to 38% on "
            "electric vehicles originating in China.")
    (tariff,) = only(extract(article(body)), "tariff")
    assert (tariff.imposer, tariff.targets, tariff.rate_percent) == ("EUU", ["CHN"], 38)


def test_nomination_lists_posts_and_normalised_destinations():
    body = ("- 9:40 p.m. - More staffing: Ana Ruiz, a former State Department official, will "
            "be principal deputy national security adviser, and Omar Haddad returns to the "
            "White House as senior director for counterterrorism.\n"
            "With his choice of former Ohio senator Tom Blake as ambassador to Beijing, "
            "President-elect Donald Trump has filled the post.")
    noms = {n.nominee.name: n.position
            for n in only(extract(article(body, "2024-12-06T11:00:00+00:00")), "nomination")}
    assert noms == {"Ana Ruiz": "Principal Deputy National Security Adviser",
                    "Omar Haddad": "Senior Director for Counterterrorism",
                    "Tom Blake": "Ambassador to China"}


@pytest.mark.parametrize("body, expected", [
    ("The Commission decided to levy countervailing duties on e-bikes originating in "
     "Vietnam from Friday.", {("EUU", ("VNM",), "imposed")}),
    ("Canada's policy is milder than that of the United States, which announced it would "
     "triple its tariff on Chinese solar panels.", {("USA", ("CHN",), "increased")}),
    ("During the campaign he floated duties of 60% on Chinese imports.\n"
     "Economists warned that sweeping tariffs on Mexico would raise prices.",
     {("USA", ("CHN",), "threatened")}),
])
def test_tariff_subjects_and_statuses_in_analysis_copy(body, expected):
    body = "President Donald Trump spoke on Monday.\n" + body
    got = {(t.imposer, tuple(t.targets), t.status) for t in only(extract(article(body)), "tariff")}
    assert got == expected


def test_a_warning_governs_the_clause_it_introduces():
    body = ("Trump warned on Friday that if Ottawa keeps its levy on dairy, the American "
            "tariff on Canada will immediately increase.")
    got = {(t.imposer, tuple(t.targets), t.status) for t in only(extract(article(body)), "tariff")}
    assert got == {("USA", ("CAN",), "threatened")}
