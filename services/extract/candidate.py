"""A mention-level finding before merging: one rule, one sentence."""

import datetime as dt
from dataclasses import dataclass

from services.extract.text import Sentence


@dataclass
class Candidate:
    """One event mention found by a rule in one sentence."""

    event_type: str
    key: tuple
    status: str
    fields: dict
    sentence: Sentence
    rule: str
    confidence: float
    event_date: dt.date | None = None
    vague: bool = False  # names no object of its own: a re-mention of an earlier measure
    definite: bool = False  # "those duties", "the ban": refers back to a measure told before
    explicit: bool = True  # the status came from a cue word, not the type's default
    dated: bool = True  # the event date came from the text, not the publication date
    context_actor: str | None = None  # the actor the previous sentences open with
