"""The extraction core: `extract(article) -> list[Event]`, pure and Kafka-free.

The body is cleaned first (`hygiene`: NFKC, no invisible characters; evidence offsets still
slice the original). A fast trigger gate picks the sentences worth analysing; per-type rules
(wired in `rules.RULES`) turn them into candidates; `merge` folds mentions of one real event
into one event with every evidence sentence. No I/O, no environment; the clock is read only
to keep an optional time budget.
"""

import hashlib
import re
import time
from dataclasses import dataclass, field

from pydantic import ValidationError

from schemas.article import RawArticle
from schemas.events import Event, EventAdapter, Evidence
from services.extract.candidate import Candidate
from services.extract.context import Compiled, build_context, default_compiled, tokens
from services.extract.dates import resolve
from services.extract.hygiene import Cleaned, clean
from services.extract.merge import merge
from services.extract.rules import ARTICLE_PASSES, RULES
from services.extract.stories import annotate, new_story
from services.extract.tree import conditional, negated

EXTRACTOR_VERSION = "0.1.0"
# Events below this confidence are dropped in batch mode (`diplowire extract`) and kept,
# with their confidence, on the topics, where alert rules filter on it. Writers'
# hypotheticals (x0.4) and background events dated years before publication (x0.6) fall
# under it.
DEFAULT_MIN_CONFIDENCE = 0.5
BACKGROUND_FACTOR = 0.6
# An article yields a few dozen candidate mentions at most; a body stuffed with trigger words
# would yield thousands, and merging is quadratic in them. Past this many the rest of the
# article is not read for events, and the cut is reported as a dropped candidate.
MAX_CANDIDATES = 300
MAX_ANALYSED_SENTENCES = 800  # sentences the gate lets through; a long report has ~200
MAX_HITS_PER_SENTENCE = 12  # trigger matches of one type tried in one sentence
# What one article may put on the topics: a syndicated wire repeats a sentence a few times,
# a stuffed body thousands. The cuts are reported as dropped candidates.
MAX_EVIDENCE_PER_EVENT = 25
MAX_EVENTS_PER_ARTICLE = 100
_BACKGROUND = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Ff]rom) (?:early |late |mid-)?((?:19|20)\d{2})\b")
STATUS_ORDER = {"nomination": ("withdrawn", "rejected", "confirmed", "nominated")}
CODES = {
    ("call", None): ("041", "CONSULT"),
    ("tariff", "threatened"): ("1312", "THREATEN"),
    ("tariff", "paused"): ("085", "CONCEDE"),
    ("tariff", "lifted"): ("085", "CONCEDE"),
    ("tariff", None): ("163", "SANCTION"),
    ("ban", "threatened"): ("1312", "THREATEN"),
    ("ban", "lifted"): ("085", "CONCEDE"),
    ("ban", "struck_down"): ("085", "CONCEDE"),
    ("ban", None): ("163", "SANCTION"),
    ("nomination", None): (None, None),
}

__all__ = ["DEFAULT_MIN_CONFIDENCE", "EXTRACTOR_VERSION", "BudgetExceeded", "Dropped",
           "Extraction", "analyse", "extract"]


class BudgetExceeded(Exception):
    """Extraction of one article ran past its time budget."""


@dataclass(frozen=True)
class Dropped:
    """A candidate event that failed the contract: dropped, the article's other events kept."""

    event_type: str
    rule: str
    error: str


@dataclass(frozen=True)
class Extraction:
    """What one article yields: valid events, and the candidates dropped on the way."""

    events: list[Event]
    dropped: list[Dropped] = field(default_factory=list)


def extract(article: RawArticle, compiled: Compiled | None = None,
            gated: bool = True) -> list[Event]:
    """All diplomatic events asserted by one article; `[]` when there are none.

    `gated=False` is the benchmark baseline: no trigger gate, so every sentence gets the full
    analysis (actors, dates) before the rules look for triggers. The events are the same.
    """
    return analyse(article, compiled, gated).events


def analyse(article: RawArticle, compiled: Compiled | None = None,
            gated: bool = True, budget_s: float | None = None) -> Extraction:
    """`extract`, plus the candidates that failed validation (for the shells to count).

    With `budget_s`, raises `BudgetExceeded` once the article has taken longer than that.
    """
    compiled = compiled or default_compiled()
    body, title = clean(article.body), clean(article.title)
    if body.origin is not None or title.origin is not None:
        article = article.model_copy(update={"body": body.text, "title": title.text})
    if gated and compiled.gate.isdisjoint(tokens(article.body)):
        return Extraction([])
    if budget_s is not None:
        compiled.parser()  # loading the model (once per process) is start-up, not this article
    deadline = None if budget_s is None else time.monotonic() + budget_s
    found = _analyse(article, compiled, gated, deadline)
    if body.origin is None:
        return found
    return Extraction([_in_original(e, body) for e in found.events], found.dropped)


def _in_original(event: Event, body: Cleaned) -> Event:
    """The event with evidence offsets mapped from the cleaned body back to the original."""
    evidence = [e.model_copy(update=dict(zip(("start", "end"), body.original_span(e.start, e.end))))
                for e in event.evidence]
    return event.model_copy(update={"evidence": evidence})


def _analyse(article: RawArticle, compiled: Compiled, gated: bool,
             deadline: float | None) -> Extraction:
    ctx = build_context(article, compiled)
    candidates: list[Candidate] = []
    truncated: list[Dropped] = []
    read = 0
    for sentence in ctx.sentences:
        if deadline is not None and time.monotonic() > deadline:
            raise BudgetExceeded(f"still reading at character {sentence.start} of "
                                 f"{len(article.body)}")
        if len(candidates) >= MAX_CANDIDATES or read >= MAX_ANALYSED_SENTENCES:
            truncated.append(Dropped("*", "article_limit", (
                f"over {MAX_CANDIDATES} candidates or {MAX_ANALYSED_SENTENCES} analysed "
                f"sentences; read up to character {sentence.start}")))
            break
        words = tokens(sentence.text)
        if not gated:
            ctx.mentions(sentence)
            resolve(sentence.text, ctx.reference)
        analysed = False
        for kind, triggers in compiled.triggers.items():
            if gated and compiled.gates[kind].isdisjoint(words):
                continue
            analysed = True
            exclude, vetoes = compiled.excludes[kind], []
            if exclude is not None:
                if compiled.exclude_scopes[kind] == "trigger":
                    vetoes = [m.span() for m in exclude.finditer(sentence.text)]
                elif exclude.search(sentence.text):
                    continue
            found = _sentence_candidates(ctx, sentence, kind, triggers, vetoes)
            if found and _is_old(sentence.text, article):
                for cand in found:  # "In 2017 the department imposed...": background
                    cand.confidence = round(cand.confidence * BACKGROUND_FACTOR, 3)
            candidates.extend(found)
        read += analysed
    for article_pass in ARTICLE_PASSES.values():
        candidates = article_pass(candidates)
    groups = merge(candidates, compiled.place_words)
    built, dropped = [], truncated
    if len(groups) > MAX_EVENTS_PER_ARTICLE:
        dropped.append(Dropped("*", "event_limit", (
            f"{len(groups)} events; the first {MAX_EVENTS_PER_ARTICLE} are kept")))
        groups = groups[:MAX_EVENTS_PER_ARTICLE]
    for group in groups:
        sentences = len({c.sentence.start for c in group})
        if sentences > MAX_EVIDENCE_PER_EVENT:
            dropped.append(Dropped(group[0].event_type, "evidence_limit", (
                f"{sentences} evidence sentences; the first {MAX_EVIDENCE_PER_EVENT} are kept")))
        try:
            built.append(_build(article, group))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"][1:])
            dropped.append(Dropped(group[0].event_type, group[0].rule, f"{where}: {first['msg']}"))
    events = _propagate_rates(built)
    # Batch mode: every event opens its own story; the streaming story stage joins them.
    return Extraction([annotate(e, new_story(e), None) for e in events], dropped)


def _is_old(text: str, article: RawArticle) -> bool:
    """A sentence that opens with a past year ('In 2017 the department imposed ...')."""
    match = _BACKGROUND.search(text[:40])
    return match is not None and int(match.group(1)) < article.published_at.year


def _sentence_candidates(ctx, sentence, kind, triggers, vetoes=()) -> list[Candidate]:
    """Run the type's rule at every trigger hit; each hit is tried once, strongest rule first.

    A hit overlapping a veto (an exclusion of trigger scope: "calls for") is no trigger.
    """
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = list(vetoes)
    tried = 0
    for rule_id, weight, pattern in triggers:
        for hit in pattern.finditer(sentence.text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            taken.append((hit.start(), hit.end()))
            tried += 1
            if tried > MAX_HITS_PER_SENTENCE:
                return found  # a run of trigger words, not prose
            if _inside_name(ctx, sentence, hit):
                continue  # "Ban Ki-moon", "Mr Trump's aide Bill Call": a name, not a trigger
            doc = ctx.parse(sentence)
            negative_trigger = " not " in f" {hit.group(0)} "  # "will not take up": by design
            if not negative_trigger and negated(doc, hit.start()) or conditional(doc, hit.start()):
                continue  # "said it would not retaliate", "whether he will apply tariffs"
            found.extend(RULES[kind](ctx, sentence, hit, rule_id, weight))
    return found


def _inside_name(ctx, sentence, hit) -> bool:
    start, end = sentence.start + hit.start(), sentence.start + hit.end()
    return any(m.kind == "person" and m.name and m.start <= start and end <= m.end
               for m in ctx.mentions(sentence))


def _build(article: RawArticle, group: list[Candidate]) -> Event:
    # Mentions that name a target say more than vague re-mentions ("the duties").
    specific = [c for c in group if c.event_type != "tariff" or c.fields["targets"]] or group
    specific = [c for c in specific if c.explicit] or specific  # a status word beats a default
    best = max(specific, key=lambda c: c.confidence)
    kind = best.event_type
    fields = dict(best.fields)
    status = _status(kind, group, best)
    if kind == "tariff":
        fields["targets"] = sorted({t for c in group for t in c.fields["targets"]})
        fields["rate_percent"] = next((c.fields["rate_percent"] for c in group
                                       if c.fields["rate_percent"] is not None), None)
        fields["retaliation"] = any(c.fields["retaliation"] for c in group)
    elif kind == "ban":
        fields["aliases"] = sorted({a for c in group for a in c.fields["aliases"]}
                                   - {fields["subject"]})
    elif kind == "call":
        fields["participants"] = _union_participants(group)
    cameo, plover = CODES.get((kind, status)) or CODES[(kind, None)]
    evidence = []
    for cand in group:
        if len(evidence) == MAX_EVIDENCE_PER_EVENT:
            break
        if all(e.start != cand.sentence.start for e in evidence):
            s = cand.sentence
            evidence.append(Evidence(text=s.text, start=s.start, end=s.end, rule=cand.rule))
    confidence = min(0.99, best.confidence + 0.05 * (len(evidence) - 1))
    identity = "|".join(str(part) for part in best.key)
    event_id = hashlib.sha256(f"{article.id}|{identity}|{status}".encode()).hexdigest()[:32]
    # A date the text gives beats the publication date another mention fell back on.
    event_date = next((c.event_date for c in group if c.dated), best.event_date)
    return EventAdapter.validate_python({
        "event_type": kind, "event_id": event_id, "article_id": article.id,
        "source": article.source, "url": article.url, "published_at": article.published_at,
        "event_date": event_date, "status": status, "confidence": round(confidence, 3),
        "evidence": evidence, "extractor_version": EXTRACTOR_VERSION, "cameo": cameo,
        "plover": plover, "story_id": "pending", "first_seen_at": article.published_at,
        **fields,
    })


def _propagate_rates(events: list[Event]) -> list[Event]:
    """'the tariffs' with no rate: the rate the article gave for the same imposer and target."""
    rated = [e for e in events if e.event_type == "tariff" and e.rate_percent is not None]
    out = []
    for event in events:
        if event.event_type == "tariff" and event.rate_percent is None:
            same = next((r for r in rated if r.imposer == event.imposer and (
                set(r.targets) & set(event.targets) or not event.targets)), None)
            if same is not None:
                event = event.model_copy(update={"rate_percent": same.rate_percent})
        out.append(event)
    return out


def _status(kind: str, group: list[Candidate], best: Candidate) -> str:
    order = STATUS_ORDER.get(kind)
    if not order:
        return best.status
    present = {c.status for c in group}
    return next(s for s in order if s in present)


def _union_participants(group: list[Candidate]) -> list[dict]:
    parties: list[dict] = []
    for cand in group:
        for p in cand.fields["participants"]:
            if p["name"] is None and any(q["country"] == p["country"] for q in parties):
                continue
            same = next((q for q in parties if p["name"] is not None
                         and q["name"] == p["name"]), None)
            if same is None:
                parties = [q for q in parties if not (q["name"] is None and q["country"] == p["country"])]
                parties.append(p)
    return parties

