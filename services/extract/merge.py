"""Merge mention-level candidates into one event per real event per article."""

import re

from services.extract.candidate import Candidate

_STOP = frozenset("the a an of on to for and in from by with its their all app apps ban bans".split())


def _words(*texts: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    out: set[str] = set()
    for text in texts:
        out |= {w for w in re.findall(r"[a-z0-9]+", text.lower())
                if w not in _STOP and w not in ignore and len(w) > 2}
    return out


def _same_event(a: Candidate, b: Candidate, ignore: frozenset[str] = frozenset()) -> bool:
    if a.event_type != b.event_type:
        return False
    fa, fb = a.fields, b.fields
    if a.event_type == "call":
        return a.key[1] == b.key[1] and (a.event_date == b.event_date or not a.dated
                                         or not b.dated or None in (a.event_date, b.event_date))
    if a.event_type == "tariff":
        ta, tb = set(fa["targets"]), set(fb["targets"])
        # A mention with no status word joins the same pair's measure whatever its status.
        same_status = a.status == b.status or not a.explicit or not b.explicit
        return fa["imposer"] == fb["imposer"] and same_status and (ta == tb or not ta or not tb)
    if a.event_type == "ban":
        return (fa["authority"] == fb["authority"] and a.status == b.status
                and bool(_words(fa["subject"], *fa["aliases"], ignore=ignore)
                         & _words(fb["subject"], *fb["aliases"], ignore=ignore)))
    return a.key == b.key


def _joins(group: list[Candidate], cand: Candidate, ignore: frozenset[str]) -> bool:
    if cand.event_type == "tariff":
        # Every member must agree, so a vague "the duties" cannot chain two targets together.
        return all(_same_event(member, cand, ignore) for member in group)
    return any(_same_event(member, cand, ignore) for member in group)


def _vague_home(groups: list[list[Candidate]], cand: Candidate) -> list[Candidate] | None:
    """'abusing export controls': the same authority's measure reported elsewhere."""
    actor = "authority" if cand.event_type == "ban" else "imposer"
    same = [g for g in groups if g[0].event_type == cand.event_type
            and g[0].fields.get(actor) == cand.fields.get(actor)]
    return next((g for g in same if g[0].status == cand.status), same[0] if same else None)


def merge(candidates: list[Candidate], ignore: frozenset[str] = frozenset()) -> list[list[Candidate]]:
    """Group candidates that describe the same event, in order of first mention.

    A mention that names no object of its own (a ban with no subject, a tariff with no
    target) joins the same actor's measure.
    Words in `ignore` (country names and demonyms) do not make two ban subjects alike.
    """
    groups: list[list[Candidate]] = []
    for cand in sorted(candidates, key=lambda c: c.vague):
        home = _vague_home(groups, cand) if cand.vague else None
        if home is not None:
            home.append(cand)
            continue
        for group in groups:
            if _joins(group, cand, ignore):
                group.append(cand)
                break
        else:
            groups.append([cand])
    return groups
