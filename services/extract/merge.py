"""Merge mention-level candidates into one event per real event per article."""

import re

from services.extract.candidate import Candidate

_STOP = frozenset("the a an of on to for and in from by with its their all app apps ban bans".split())


def _words(*texts: str) -> set[str]:
    out: set[str] = set()
    for text in texts:
        out |= {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}
    return out


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.event_type != b.event_type:
        return False
    fa, fb = a.fields, b.fields
    if a.event_type == "call":
        return a.key[1] == b.key[1] and (a.event_date == b.event_date
                                         or None in (a.event_date, b.event_date))
    if a.event_type == "tariff":
        ta, tb = set(fa["targets"]), set(fb["targets"])
        return (fa["imposer"] == fb["imposer"] and a.status == b.status
                and (ta == tb or not ta or not tb))
    if a.event_type == "ban":
        return (fa["authority"] == fb["authority"] and a.status == b.status
                and bool(_words(fa["subject"], *fa["aliases"]) & _words(fb["subject"], *fb["aliases"])))
    return a.key == b.key


def _joins(group: list[Candidate], cand: Candidate) -> bool:
    if cand.event_type == "tariff":
        # Every member must agree, so a vague "the duties" cannot chain two targets together.
        return all(_same_event(member, cand) for member in group)
    return any(_same_event(member, cand) for member in group)


def merge(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Group candidates that describe the same event, in order of first mention."""
    groups: list[list[Candidate]] = []
    for cand in candidates:
        for group in groups:
            if _joins(group, cand):
                group.append(cand)
                break
        else:
            groups.append([cand])
    return groups
