"""Story dedup and alert-once logic (pure)."""

import datetime as dt

from services.alerter.app import decide
from services.alerter.rules import Rule
from services.extract import extract
from services.extract.stories import fingerprint, observe
from tests.helpers import article

NOW = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def tariff(body: str, id: str, published: str = "2025-03-01T10:00:00+00:00", source="A"):
    a = article(body, published, id=id).model_copy(update={"source": source})
    (event,) = [e for e in extract(a) if e.event_type == "tariff"]
    return event


def test_two_outlets_one_story_and_a_status_change():
    first = tariff("President Donald Trump threatened 25% tariffs on Mexican goods.", "a1")
    second = tariff("Trump threatened tariffs of 25% on imports from Mexico on Friday.", "a2",
                    source="B")
    third = tariff("The United States imposed 25% tariffs on Mexican goods.", "a3",
                   "2025-03-04T10:00:00+00:00")
    assert fingerprint(first) == fingerprint(second) == fingerprint(third) == "tariff|USA|MEX"
    state, e1 = observe(None, first, 7)
    state, e2 = observe(state, second, 7)
    state, e3 = observe(state, third, 7)
    assert e1.story_id == e2.story_id == e3.story_id
    assert (e2.mentions, e2.sources, e2.status_change) == (2, ["A", "B"], False)
    assert (e3.mentions, e3.status_change, e3.previous_status) == (3, True, "threatened")


def test_replay_changes_nothing_and_the_window_opens_a_new_story():
    first = tariff("President Donald Trump threatened 25% tariffs on Mexican goods.", "a1")
    state, e1 = observe(None, first, 7)
    replay_state, replayed = observe(state, first, 7)
    assert replay_state == state and replayed.mentions == 1
    late = tariff("President Donald Trump threatened 25% tariffs on Mexican goods.", "a9",
                  "2025-04-01T10:00:00+00:00")
    _, e_late = observe(state, late, 7)
    assert e_late.story_id != e1.story_id and e_late.mentions == 1


def test_alerts_fire_once_per_story_again_on_status_change_and_on_mentions():
    rules = [Rule(id="any", severity="info"),
             Rule(id="busy", severity="warning", mentions_at_least=2),
             Rule(id="every", severity="info", once_per_story=False)]
    first = tariff("President Donald Trump threatened 25% tariffs on Mexican goods.", "a1")
    second = tariff("Trump threatened tariffs of 25% on imports from Mexico.", "a2", source="B")
    third = tariff("The United States imposed 25% tariffs on Mexican goods.", "a3")
    story, alert_state, seen = None, None, []
    for event in (first, second, third):
        story, annotated = observe(story, event, 7)
        alert_state, alerts = decide(annotated, rules, alert_state, NOW)
        seen.append(sorted((a.rule_id, a.reason.split(":")[0]) for a in alerts))
    assert seen[0] == [("any", "new"), ("every", "event")]
    assert seen[1] == [("busy", "mentions"), ("every", "event")]
    assert seen[2] == [("any", "status"), ("every", "event")]
    _, again = decide(annotated, rules, alert_state, NOW)
    assert again == []
