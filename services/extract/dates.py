"""Resolve date expressions in a sentence against the article's reference date."""

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")), start=1)
    for name in names
}
_MONTH_NAME = "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True))
_MONTH = r"(?P<month>" + _MONTH_NAME + r")\.?"
_PATTERNS = (
    ("month_day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b")),
    ("day_month", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?\b")),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")),
    ("weekday", re.compile(r"\b(?:on |last |late on |early on |this |(?:late |early )?)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)),
    ("ordinal", re.compile(r"\bon the (?P<day>\d{1,2})(?:st|nd|rd|th)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b|\blast night\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier (?:today|in the day))\b", re.I)),
)
_VAGUE = re.compile(
    r"\b(?:last|previous|past) (?:week|month|year)|\bin (?:19|20)\d{2}\b|\b(?:weeks|months|years) (?:ago|earlier|before)\b"
    r"|\bearlier this (?:week|month|year)|\bsince (?:19|20)\d{2}\b",
    re.I,
)
_DATELINE = re.compile(
    r"^[A-Z][^\W\d_]*(?:[ /'-][A-Z][^\W\d_]*){0,3},?\s+(?:\(\w+\)\s+)?"
    r"(?:" + _MONTH + r"\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("?P<month>", "?P<month2>") + r")(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?"
    r"(?:\s*\([^)]{1,60}\))?\s*(?:\.?[-–—]+)?\s*")


def dateline(body: str, published: dt.date) -> tuple[dt.date | None, int]:
    """The date of a dateline ('OTTAWA, May 31 (Wire) -', 'Brasília, 9 of April of 2025.-')
    and where the text after it starts; (None, 0) without one."""
    match = _DATELINE.match(body[:120])
    if not match:
        return None, 0
    month = (match.group("month") or match.group("month2")).lower().rstrip(".")
    day = int(match.group("day") or match.group("day2"))
    year = int(match.group("year")) if match.group("year") else None
    return _month_day(MONTHS[month], day, year, published), match.end()


def resolve(sentence: str, reference: dt.date, anchor: int | None = None,
            reach: int = 45) -> tuple[dt.date | None, bool]:
    """The date a sentence refers to and whether it was explicit; (None, True) if vague.

    With `anchor` (the trigger's offset), a vague phrase ('in 2021', 'last week') only
    counts when it stands within `reach` characters of it: 'his first call since leaving
    office in 2021' is still today's call.
    """
    for kind, pattern in _PATTERNS:
        match = pattern.search(sentence)
        if match:
            day = _resolve_match(kind, match, reference)
            if day is not None:
                return day, True
    for match in _VAGUE.finditer(sentence):
        if anchor is None or min(abs(match.start() - anchor), abs(match.end() - anchor)) <= reach:
            return None, True
    return None, False


def _resolve_match(kind: str, match: re.Match, ref: dt.date) -> dt.date | None:
    groups = match.groupdict()
    try:
        if kind in ("month_day", "day_month"):
            year = int(groups["year"]) if groups.get("year") else None
            return _month_day(MONTHS[groups["month"].lower()], int(groups["day"]), year, ref)
        if kind == "iso":
            return dt.date(int(groups["year"]), int(groups["mon"]), int(groups["day"]))
        if kind == "weekday":
            back = (ref.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
            return ref - dt.timedelta(days=back)
        if kind == "ordinal":
            day = dt.date(ref.year, ref.month, int(groups["day"]))
            if day > ref:
                previous = ref.replace(day=1) - dt.timedelta(days=1)
                day = previous.replace(day=int(groups["day"]))
            return day
    except (ValueError, OverflowError):
        return None  # no such day, or one before year 1
    if kind == "yesterday":
        return ref - dt.timedelta(days=1) if ref > dt.date.min else None
    return ref


def _month_day(month: int, day: int, year: int | None, ref: dt.date) -> dt.date | None:
    try:
        if year is not None:
            return dt.date(year, month, day)
        candidate = dt.date(ref.year, month, day)
    except ValueError:
        return None
    # A bare "December 28" in a January article is last year's.
    if candidate - ref > dt.timedelta(days=31):
        if ref.year == dt.MINYEAR:
            return None  # an article dated in year 1 has no year before it
        try:
            candidate = candidate.replace(year=ref.year - 1)
        except ValueError:  # February 29 of a leap year, a year later
            return None
    return candidate


# "put off the tariff until July 9", "effective Friday, August 1": a deadline or a start date,
# not the day something happened.
_DEADLINE = re.compile(
    r"\b(?:until|till|by|before|deadline of|no later than|starting(?: on)?|from|effective)\s+"
    r"(?:(?:" + "|".join(w.title() for w in WEEKDAYS) + r"),?\s+)?"
    r"(?:(?:" + _MONTH_NAME + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH_NAME + r"))\b(?:,?\s+\d{4})?")


def mask_deadlines(text: str) -> str:
    """`text` with its deadline dates blanked out, offsets kept, for `resolve`."""
    return _DEADLINE.sub(lambda m: " " * len(m.group(0)), text)
