"""Calls: phone or video calls between officials of two or more countries or bodies."""

import re

from services.extract.actors import Mention
from services.extract.candidate import Candidate
from services.extract.context import ArticleContext
from services.extract.dates import resolve
from services.extract.rules.common import status_of
from services.extract.text import Sentence

_IN_PERSON = re.compile(r"\b(?:met|meeting|summit|visit(?:ed|s)?|in person|sidelines|face-to-face|talks in)\b", re.I)
_WEAK_RULES = {"call.speaks_with", "call.call_with", "call.phoned"}
_COREFERENCE = re.compile(r"\b(?:the two|both) (?:leaders|men|presidents|ministers|sides)\b|\bthe leaders\b", re.I)


def find(ctx: ArticleContext, sentence: Sentence, hit: re.Match, rule: str, weight: float) -> list[Candidate]:
    """A call candidate when the sentence names parties from two or more countries."""
    text = sentence.text
    if rule in _WEAK_RULES and _IN_PERSON.search(text):
        return []
    parties = _participants(ctx.mentions(sentence), text, sentence.start)
    confidence = weight
    if len({p["country"] for p in parties if p["country"]}) < 2 and _COREFERENCE.search(text):
        parties = _merge_parties(parties, _participants(ctx.title_mentions(), ctx.article.title, 0))
        confidence -= 0.15
    countries = {p["country"] for p in parties if p["country"]}
    if len(parties) < 2 or len(countries) < 2:
        return []
    day, explicit = resolve(text, ctx.reference)
    if not explicit:
        day = ctx.reference
    status = status_of(ctx, "call", text, hit.start())
    medium = "video" if "video" in hit.group(0).lower() or "virtual" in hit.group(0).lower() else "phone"
    key = ("call", tuple(sorted(countries)), day)
    return [Candidate("call", key, status, {"participants": parties, "medium": medium},
                      sentence, rule, confidence, day)]


def _participants(mentions: list[Mention], text: str, offset: int) -> list[dict]:
    parties: list[dict] = []
    for i, m in enumerate(mentions):
        if m.kind != "person":
            continue
        country = m.iso3 or _country_before(mentions, i, text, offset)
        if any(p["name"] == m.name for p in parties):
            continue
        parties.append({"name": m.name, "country": country, "role": m.role})
    named = {p["country"] for p in parties}
    for m in mentions:
        # An office named only by its country ("the Mexican side") stays a party.
        if m.kind == "country" and m.iso3 not in named and _is_party_reference(text, m, offset):
            parties.append({"name": None, "country": m.iso3, "role": None})
            named.add(m.iso3)
    return parties


def _country_before(mentions: list[Mention], index: int, text: str, offset: int) -> str | None:
    """'Chilean Foreign Minister Ana Perez': the country named just before a person."""
    if index == 0:
        return None
    prev = mentions[index - 1]
    gap = text[prev.end - offset:mentions[index].start - offset]
    if prev.kind == "country" and len(gap) < 40:
        return prev.iso3
    return None


def _is_party_reference(text: str, mention: Mention, offset: int) -> bool:
    after = text[mention.end - offset:mention.end - offset + 30].lower()
    return bool(re.match(r"(?:'s)? (?:counterpart|side|leader|president|prime minister|premier|chancellor|foreign minister|minister)", after))


def _merge_parties(first: list[dict], second: list[dict]) -> list[dict]:
    merged = list(first)
    for party in second:
        if not any(p["name"] == party["name"] and p["country"] == party["country"] for p in merged):
            merged.append(party)
    return merged
