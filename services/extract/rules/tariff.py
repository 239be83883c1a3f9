"""Tariffs: a government imposing, threatening, changing or lifting duties on imports."""

import re
from collections import Counter
from dataclasses import replace

from services.extract.actors import Mention
from services.extract.candidate import Candidate
from services.extract.context import ArticleContext
from services.extract.rules.common import (
    after_preposition,
    clause_bounds,
    in_condition,
    is_antecedent,
    is_hypothetical,
    is_object_mention,
    pick_subject,
    previous_subject,
    rate_near,
    status_cue,
)
from services.extract.text import Sentence

_GOODS = re.compile(
    r"^(?:-made|-built|-origin|-grown)?\s*(?:goods|imports?|products|exports?|steel|aluminium|aluminum|"
    r"cars|vehicles|EVs|electric|barley|wine|beef|soybeans?|agricultural|farm|lumber|timber|dairy|"
    r"solar|chips|semiconductors|made|-made|shipments|items|produce|pork|chicken|energy|oil|gas)",
    re.I,
)
_PRE_TARGET = re.compile(
    r"\b(?:on|against|from|targeting|originating in|made in|produced in|manufactured in)\s+"
    r"(?:imports? from\s+|goods from\s+)?(?:the\s+)?$", re.I)
_TARGET_PREP = re.compile(r"\b(?:on|against|from|targeting|at|for|to|originating in|made in)\b[^.;]{0,60}$", re.I)
_VERDICT = re.compile(r"\s+(?:were|are|was|is|would be|will be|have been|had been)\s+[\"“]?[a-z]", re.I)
_SAID = re.compile(r"\b(?:said|says|called|described)\b(?:\s+that)?\s+(?:the|these|those|such)\s+(?:\w+\s+)?$", re.I)
_COMMENTARY = re.compile(r"\b(?:economists?|analysts?|experts?|critics?|observers?|commentators?)\b", re.I)
_MEASURE = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|lev(?:y|ies)|surtax(?:es)?|surcharges?)\b", re.I)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she)\b")
_PRONOUN = re.compile(r"^\s*(?:[-–—]\s*)?(?:he|she|they|it)\b", re.I)
_TRADE = re.compile(r"import|export|goods|trade|dut(?:y|ies)|levy|levies|retaliat|countermeasure|customs|products|steel|aluminium|aluminum", re.I)
_FOR_A_TIME = re.compile(
    r"\bfor (?:an? |the )?(?:initial |first |further |another |next )?(?:\d+|one|two|three|six|nine|"
    r"twelve|thirty|sixty|ninety|a few) (?:days|weeks|months)\b|\btemporar(?:y|ily)\b|\buntil further notice\b",
    re.I)
_HOME_GOVERNMENT = re.compile(
    r"\b(?:the|its) (?:federal |central |national )?(?:government|cabinet|(?:finance|commerce|trade|"
    r"economy) ministry|ministry of (?:finance|commerce|trade)|customs authority|authorities)\b", re.I)
_BY = re.compile(r"\bby (?:the )?$", re.I)
_RETALIATION = re.compile(r"retaliat|counter-?measure|reciprocal|in response|hit back|counter-tariff|dollar-for-dollar", re.I)
_PRODUCTS = re.compile(
    r"\b(steel|aluminium|aluminum|cars|autos|vehicles|electric vehicles|EVs|barley|wine|beef|"
    r"soybeans|lumber|timber|dairy|solar panels|chips|semiconductors|pork|chicken|energy|oil|"
    r"gas|coffee|whisky|bourbon|motorcycles|jeans|agricultural products|washing machines)\b",
    re.I,
)


def find(ctx: ArticleContext, sentence: Sentence, hit: re.Match, rule: str, weight: float) -> list[Candidate]:
    """A tariff candidate with imposer, targets, rate and status, or nothing."""
    text = sentence.text
    if in_condition(text, hit.start()):
        return []
    start, end = clause_bounds(text, hit.start())
    # Targets and action words belong to the nearest tariff word: "an additional 10% tariff
    # on China, and a 25% tariff on Canada" holds two measures.
    words = [m.span() for m in _MEASURE.finditer(text)]
    seg_start = max([e for s, e in words if e <= hit.start()], default=0)
    seg_end = min([s for s, e in words if s >= hit.end()], default=len(text))
    end = min(end, seg_end)
    mentions = [m for m in ctx.mentions(sentence)
                if start <= m.start - sentence.start < end and m.iso3
                and m.iso3 not in ctx.compiled.actors.bodies]
    imposer, targets = _roles(ctx, mentions, text, sentence.start, hit.start(), seg_start)
    if _VERDICT.match(text[hit.end():hit.end() + 25]) and _SAID.search(text[start:hit.start()]):
        imposer = None  # "Trudeau said the tariffs were unacceptable": a verdict, not a measure
    if imposer is None and (_PRONOUN.match(text[start:hit.start()])
                            or _PERSON_PRONOUN.search(text[start:hit.start()])):
        imposer = previous_subject(ctx, sentence)
    if imposer is None and _HOME_GOVERNMENT.search(text[start:hit.start()]):
        # "after the government imposed a duty": the government the article is about
        home = ctx.main_country()
        imposer = home if home not in targets else None
    if imposer is None and not targets:
        return []
    targets = [t for t in targets if t != imposer]
    if not targets and not _TRADE.search(text):
        return []  # "fixed tariffs on the market": a price plan, not a trade measure
    confidence = weight if not is_hypothetical(text) else weight * 0.4
    status, explicit = status_cue(ctx, "tariff", text, hit.start(), hit.span(),
                                  (seg_start, seg_end))
    if status == "lifted" and _FOR_A_TIME.search(text):
        status = "paused"  # "will cut its levy from 40% to 5% for six months": a pause
    if explicit:
        confidence = min(0.95, confidence + 0.05)  # a mention with a status cue says more
    fields = {
        "imposer": imposer,
        "targets": targets,
        "rate_percent": rate_near(text, hit.start()),
        "products": sorted({p.lower() for p in _PRODUCTS.findall(text)}),
        "retaliation": bool(_RETALIATION.search(text)),
    }
    # One event per imposer-target pair: alerting consumers subscribe per country pair.
    context_actor = previous_subject(ctx, sentence) if imposer is None else None
    return [Candidate("tariff", ("tariff", imposer, (target,) if target else (), status),
                      status, {**fields, "targets": [target] if target else []},
                      sentence, rule, confidence, context_actor=context_actor,
                      vague=target is None and not explicit and fields["rate_percent"] is None
                      and _is_remention(text, hit, start, end),
                      definite=bool(_DEFINITE.search(text[max(start, hit.start() - 30):hit.start()])),
                      explicit=explicit)
            for target in (targets or [None])]




_TRIGGER_WORDS = frozenset(
    "tariff tariffs duty duties levy levies surtax surtaxes surcharge surcharges countermeasures".split())
_ADJACENT = re.compile(r"^(?:'s|’s)?\s+(?:[a-z0-9%.$-]+\s+){0,3}$")


_DEFINITE = re.compile(r"\b(?:the|its|their|his|her|these|those|such|that)\s+(?:[\w%.$-]+\s+){0,2}$", re.I)
_GLOBAL = re.compile(r"\b(?:all|global|worldwide|every|any|countries|nations|reciprocal)\b", re.I)


def _is_remention(text: str, hit: re.Match, start: int, end: int) -> bool:
    """'the duties', 'its tariffs': a measure told before, not a new one on all countries."""
    return bool(_DEFINITE.search(text[max(start, hit.start() - 30):hit.start()])) \
        and not _GLOBAL.search(text[start:end])


def _roles(ctx: ArticleContext, mentions: list[Mention], text: str, offset: int,
           anchor: int, seg_start: int = 0) -> tuple[str | None, list[str]]:
    """Split mentions into the imposer (subject side) and targets (object side).

    'U.S. tariffs' names the imposer right before the trigger; a demonym before a noun
    ('Chinese goods') or a mention after a preposition ('imports from China') is a target;
    otherwise the first mention before the trigger is the subject.
    """
    subjects: list[Mention] = []
    adjacent: str | None = None
    targets: list[str] = []
    previous_was_target = False
    by_imposer: str | None = None
    for m in mentions:
        rel_start, rel_end = m.start - offset, m.end - offset
        coordinated = previous_was_target and re.search(
            r"(?:,|\band|\bor)\s*$", text[max(0, rel_start - 6):rel_start])
        obj = is_object_mention(ctx, text, m, offset, _TRIGGER_WORDS)
        oblique = after_preposition(text, m, offset)
        previous_was_target = False
        if rel_start > anchor:
            if _BY.search(text[max(0, rel_start - 10):rel_start]):
                by_imposer = by_imposer or m.iso3
            elif _TARGET_PREP.search(text[anchor:rel_start]) or obj or coordinated:
                targets.append(m.iso3)
                previous_was_target = True
            continue
        if _ADJACENT.match(text[rel_end:anchor]) and not obj:
            adjacent = m.iso3
        elif obj or coordinated or (oblique and _PRE_TARGET.search(text[max(0, rel_start - 25):rel_start])):
            if rel_start >= seg_start:  # targets of an earlier tariff word are not this one's
                targets.append(m.iso3)
                previous_was_target = True
        elif oblique and not is_antecedent(text, m, offset):
            continue  # "her counterpart of the United States": neither imposer nor target
        else:
            subjects.append(m)
    chosen = pick_subject(text, subjects, offset, anchor)
    imposer = by_imposer or (chosen.iso3 if chosen else None)
    return adjacent or imposer, list(dict.fromkeys(targets))


def resolve_orphans(candidates: list[Candidate]) -> list[Candidate]:
    """Fill what a sentence left implicit from the rest of the article.

    'An additional 10% tariff on Chinese imports took effect' names no imposer: it is the
    article's main imposer (the most frequent one not among the targets). 'Beijing will
    take countermeasures' names no target: it answers the article's main other imposer.
    """
    tariffs = [c for c in candidates if c.event_type == "tariff"]
    imposers = Counter(c.fields["imposer"] for c in tariffs if c.fields["imposer"])
    last_targets: dict[str, list[str]] = {}
    out = []
    for cand in candidates:
        if cand.event_type != "tariff":
            out.append(cand)
            continue
        fields = cand.fields
        if fields["imposer"] and fields["targets"]:
            last_targets[fields["imposer"]] = fields["targets"]
        elif fields["imposer"] in last_targets and cand.definite:
            # "raised those duties to 35%": the measure named before, on the same target
            cand = _with(cand, targets=last_targets[fields["imposer"]])
            fields = cand.fields
        if fields["imposer"] is None:
            if _COMMENTARY.search(cand.sentence.text):
                continue  # "economists warned that sweeping tariffs would...": no measure
            main = next((i for i, _ in imposers.most_common() if i not in fields["targets"]), None)
            if main is None and cand.context_actor not in (None, *fields["targets"]):
                main = cand.context_actor  # "Ottawa chose retaliation. A 30% surtax will apply"
            if main is None:
                continue
            cand = _with(cand, imposer=main)
            cand.confidence = round(cand.confidence - 0.1, 3)
        elif fields["retaliation"] and not fields["targets"]:
            other = next((i for i, _ in imposers.most_common() if i != fields["imposer"]), None)
            if other is not None:
                cand = _with(cand, targets=[other])
        out.append(cand)
    return out


def _with(cand: Candidate, **changes) -> Candidate:
    fields = {**cand.fields, **changes}
    key = ("tariff", fields["imposer"], tuple(fields["targets"]), cand.status)
    return replace(cand, fields=fields, key=key,
                   vague=cand.vague and not fields["targets"])
