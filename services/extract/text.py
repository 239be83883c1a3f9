"""Sentence splitting with exact character offsets into the article body."""

import re
from dataclasses import dataclass

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt",
    "sgt", "adm", "prof", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "e.g",
    "i.e", "a.m", "p.m", "h.e", "h.h", "h.m", "excl", "incl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "ft", "approx",
})
# A "sentence" longer than this (a body without punctuation, a table, a hostile input) is
# cut at whitespace into pieces of at most this size, so that the work per sentence, and so
# per article, stays linear in its length. Real sentences are far shorter.
MAX_SENTENCE_CHARS = 1500
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+|\n+")
_LAST_TOKEN = re.compile(r"(\S+?)[.!?…]+[\"'”’)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and where it sits in the body: `body[start:end] == text`."""

    index: int
    start: int
    end: int
    text: str


def _is_abbreviation(chunk: str) -> bool:
    match = _LAST_TOKEN.search(chunk)
    if not match:
        return False
    token = match.group(1).lstrip("(\"'“‘").lower()
    # "J." initials and known abbreviations do not end a sentence.
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def split_sentences(body: str) -> list[Sentence]:
    """Split `body` into sentences; newlines always end one."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(body):
        end = match.end()
        if "\n" not in match.group(0):
            nxt = body[end:end + 1]
            if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘('"):
                continue
            if _is_abbreviation(body[start:match.end()]):
                continue
        _append(sentences, body, start, match.start() + len(match.group(0).rstrip()))
        start = end
    _append(sentences, body, start, len(body))
    return sentences


def _append(out: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end:
        while start < end and body[start].isspace():
            start += 1
        stop = end
        if stop - start > MAX_SENTENCE_CHARS:
            cut = body.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
            stop = cut if cut > start else start + MAX_SENTENCE_CHARS
        piece_end = stop
        while piece_end > start and body[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            out.append(Sentence(len(out), start, piece_end, body[start:piece_end]))
        start = stop
