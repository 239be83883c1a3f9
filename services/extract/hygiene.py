"""Text hygiene before extraction: Unicode normalised, invisible characters gone, offsets kept.

Feeds carry zero-width spaces inside names ("Donald\u200bTrump"), bidi controls and NUL
bytes. Extraction reads the cleaned text; `Cleaned.original_span` maps a span of it back
to the body as published, so evidence offsets always slice the original exactly.
"""

import re
import unicodedata
from dataclasses import dataclass

# Zero-width and joiner characters, bidi embeddings, overrides and isolates, the BOM, NUL
# and the other C0 controls except tab and newlines.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]")
_NAME_GLUE = re.compile("(?<=\\w)[\u200b\u2060\ufeff](?=\\w)")  # "Donald\u200bTrump": a space
LATIN_SHARE = 0.5  # below this share of Latin letters, a body is not English
_SCRIPT_SAMPLE = 4_000  # characters looked at to tell the script
_ENGLISH = re.compile(r"^en(?:[-_][A-Za-z0-9]{1,8})*$", re.IGNORECASE)


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and, when it differs from the original, where each character came from."""

    text: str
    origin: tuple[int, ...] | None = None  # origin[i]: index in the original of text[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that `text[start:end]` was cleaned from."""
        if self.origin is None:
            return start, end
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else self.origin[-1] + 1
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def clean(text: str) -> Cleaned:
    """NFKC-normalise `text` and drop invisible characters; unchanged text costs one scan."""
    if _INVISIBLE.search(text) is None and unicodedata.is_normalized("NFKC", text):
        return Cleaned(text)
    text_glued = _NAME_GLUE.sub(" ", text)  # same length: offsets still line up
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text_glued):
        if " " <= char < "\x7f" or char in "\t\n\r":
            out.append(char)
            origin.append(index)
            continue
        if _INVISIBLE.match(char):
            continue
        for piece in unicodedata.normalize("NFKC", char):
            out.append(piece)
            origin.append(index)
    return Cleaned("".join(out), tuple(origin))


def unsupported_language(language: str, body: str) -> str | None:
    """Why an article is not English text, or None: its tag, or the script of its body."""
    if not _ENGLISH.match(language):
        return f"language {language!r} is not supported (English only)"
    letters = [c for c in body[:_SCRIPT_SAMPLE] if c.isalpha()]
    if not letters:
        return None
    latin = sum(1 for c in letters if c < "\u0250")  # Basic Latin to Latin Extended-B
    if latin / len(letters) < LATIN_SHARE:
        return (f"body is {100 - 100 * latin // len(letters)}% non-Latin letters; "
                "only English is supported")
    return None
