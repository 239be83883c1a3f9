"""Story-level deduplication, pure: fingerprints and the story state machine.

A story is one real-world event as reported by any number of articles. Its fingerprint is
the event type plus normalised key arguments; articles whose events share a fingerprint
within a window (default 7 days by event date) join the same story. The streaming story
stage keeps `StoryState` in a faust Table; batch mode calls `new_story` per event.
"""

import datetime as dt
import hashlib
import re

from schemas.events import BanEvent, CallEvent, Event, NominationEvent, TariffEvent
from schemas.stories import MAX_ARTICLES_PER_STORY, MAX_SOURCES_PER_STORY, StoryState

_CONTENT = re.compile(r"[A-Za-z][A-Za-z0-9-]{3,}")
_STOP = frozenset("that with from their which these those about into over under".split())


def fingerprint(event: Event) -> str:
    """Type plus normalised key arguments: equal for the same event told by two outlets."""
    if isinstance(event, CallEvent):
        countries = sorted({p.country for p in event.participants if p.country})
        return f"call|{','.join(countries)}|{event.event_date or ''}"
    if isinstance(event, TariffEvent):
        return f"tariff|{event.imposer}|{','.join(sorted(event.targets))}"
    if isinstance(event, BanEvent):
        return f"ban|{event.authority}|{_subject_key(event)}"
    if isinstance(event, NominationEvent):
        surname = event.nominee.name.split()[-1].lower()
        return f"nomination|{surname}|{event.country or ''}"
    raise TypeError(f"no fingerprint for {type(event).__name__}")


def _subject_key(event: BanEvent) -> str:
    names = {w.lower() for text in (event.subject, *event.aliases)
             for w in _CONTENT.findall(text) if w[0].isupper()}
    if names:
        return ",".join(sorted(names))
    words = [w.lower() for w in _CONTENT.findall(event.subject) if w.lower() not in _STOP]
    return ",".join(sorted(words[:2]))


def story_id(fp: str, first_event_id: str) -> str:
    """Deterministic story id from its fingerprint and the event that opened it."""
    return hashlib.sha256(f"{fp}|{first_event_id}".encode()).hexdigest()[:32]


def _day(event: Event) -> dt.date:
    return event.event_date or event.published_at.date()


def new_story(event: Event) -> StoryState:
    """The state of a story opened by `event`."""
    fp = fingerprint(event)
    return StoryState(
        story_id=story_id(fp, event.event_id), fingerprint=fp,
        first_seen_at=event.published_at, last_date=_day(event), status=event.status,
        statuses=[event.status], mentions=1, sources=[event.source],
        article_ids=[event.article_id], event_ids=[event.event_id])


def observe(state: StoryState | None, event: Event, window_days: int) -> tuple[StoryState, Event]:
    """Fold `event` into its story; return the new state and the event annotated with it.

    Outside the window (by event date) a new story starts. An event already seen (a replay
    after a restart) changes nothing. `mentions` counts distinct articles; a status the story
    never had is a status change.
    """
    if state is None or abs((_day(event) - state.last_date).days) > window_days:
        state = new_story(event)
        return state, annotate(event, state, None)
    if event.event_id in state.event_ids:
        return state, annotate(event, state, None)
    changed = event.status not in state.statuses
    new_article = event.article_id not in state.article_ids
    state = state.model_copy(update={
        "last_date": max(state.last_date, _day(event)),
        "status": event.status if changed else state.status,
        "statuses": state.statuses + [event.status] if changed else state.statuses,
        "mentions": state.mentions + new_article,
        "sources": (state.sources + [event.source] if event.source not in state.sources
                    else state.sources)[:MAX_SOURCES_PER_STORY],
        "article_ids": (state.article_ids + [event.article_id] * new_article)[-MAX_ARTICLES_PER_STORY:],
        "event_ids": (state.event_ids + [event.event_id])[-MAX_ARTICLES_PER_STORY:],
    })
    return state, annotate(event, state, state.statuses[-2] if changed else None)


def annotate(event: Event, state: StoryState, previous_status: str | None) -> Event:
    """The event with its story fields set from `state`."""
    return event.model_copy(update={
        "story_id": state.story_id, "first_seen_at": state.first_seen_at,
        "mentions": state.mentions, "sources": list(state.sources),
        "status_change": previous_status is not None, "previous_status": previous_status,
    })
