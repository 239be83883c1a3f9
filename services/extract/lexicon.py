"""Load and validate the data files under `data/`: countries, people, triggers, positions.

Every file is checked by a pydantic model with `extra="forbid"` when it is loaded, so a
typo stops start-up with a readable error instead of silently matching nothing.
"""

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

DATA_DIR = Path(__file__).parent / "data"
RoleKind = Literal[
    "head_of_state", "head_of_government", "foreign_minister", "trade_minister",
    "finance_minister", "defence_minister", "deputy", "envoy", "other",
]


NAME_STOPWORDS = frozenset(
    word for line in (DATA_DIR / "name_stopwords.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#") for word in line.split()
)


class LexiconError(ValueError):
    """A data file that does not validate."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad regular expression {value!r}: {exc}") from exc
    return value


class CountryEntry(_Strict):
    """One country or international body and the strings that name it."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    body: bool = False
    names: list[str] = Field(min_length=1)
    demonyms: list[str] = []
    metonyms: list[str] = []


class Role(_Strict):
    """An office held between two dates."""

    role: str
    kind: RoleKind
    country: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None

    def held_on(self, day: dt.date) -> bool:
        """Whether the office was held on `day`."""
        return self.from_ <= day and (self.to is None or day < self.to)


class PersonEntry(_Strict):
    """A known official."""

    name: str
    country: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: list[str] = []
    # False where the surname alone is an everyday word or a very common name ("Major",
    # "Brown"): only the full name and "Title Surname" then name the person.
    bare_surname: bool = True
    roles: list[Role] = []


class TriggerRule(_Strict):
    """A trigger pattern for one event type."""

    id: str
    pattern: str
    weight: float = Field(ge=0, le=1)
    _ok = field_validator("pattern")(_check_regex)


class StatusCue(_Strict):
    """A status and the words that signal it."""

    status: str
    pattern: str
    strong: bool = False
    mood: bool = False
    _ok = field_validator("pattern")(_check_regex)


class TypeTriggers(_Strict):
    """Triggers, exclusions and status cues of one event type."""

    gate: list[str] = Field(min_length=1)
    triggers: list[TriggerRule] = Field(min_length=1)
    exclude: list[str] = []
    # "sentence": an exclusion match rules the whole sentence out (sports bans); "trigger":
    # it only cancels the trigger it overlaps ("calls for" beside "spoke by phone").
    exclude_scope: Literal["sentence", "trigger"] = "sentence"
    status: list[StatusCue] = Field(min_length=1)

    @field_validator("exclude")
    @classmethod
    def _excludes_compile(cls, values: list[str]) -> list[str]:
        return [_check_regex(v) for v in values]


class PositionEntry(_Strict):
    """A post that nominations fill."""

    name: str
    patterns: list[str] = Field(min_length=1)
    ambassador: bool = False
    country: str | None = None

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, values: list[str]) -> list[str]:
        return [_check_regex(v) for v in values]


def _load_yaml(path: Path) -> object:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)



def _load_list(path: Path, model: type[BaseModel]) -> list:
    raw = _load_yaml(path)
    if not isinstance(raw, list):
        raise LexiconError(f"{path}: expected a list of entries")
    entries = []
    for number, item in enumerate(raw, 1):
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            raise LexiconError(f"{path}: entry {number}: {exc}") from exc
    return entries


def _load_people(data_dir: Path) -> list[PersonEntry]:
    """`people.yaml` plus every file under `people/`; entries naming one person are merged."""
    paths = [data_dir / "people.yaml", *sorted((data_dir / "people").glob("*.yaml"))]
    merged: dict[tuple[str, str], PersonEntry] = {}
    for path in (p for p in paths if p.exists()):
        for entry in _load_list(path, PersonEntry):
            key = (entry.name, entry.country)
            if key in merged:
                old = merged[key]
                entry = old.model_copy(update={
                    "aliases": list(dict.fromkeys([*old.aliases, *entry.aliases])),
                    "roles": [*old.roles, *(r for r in entry.roles if r not in old.roles)]})
            merged[key] = entry
    return list(merged.values())


class EntityEntry(_Strict):
    """A company, app or technology that bans name, with its home country."""

    name: str
    country: str | None = Field(pattern=r"^[A-Z]{3}$")
    kind: Literal["app", "company", "technology", "product"]
    aliases: list[str] = []


class Lexicon(_Strict):
    """All data files, validated."""

    countries: list[CountryEntry]
    people: list[PersonEntry]
    entities: list[EntityEntry]
    triggers: dict[Literal["call", "tariff", "ban", "nomination"], TypeTriggers]
    positions: list[PositionEntry]


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read and validate every data file in `data_dir`."""
    raw_triggers = _load_yaml(data_dir / "triggers.yaml")
    try:
        return Lexicon(
            countries=_load_list(data_dir / "countries.yaml", CountryEntry),
            people=_load_people(data_dir),
            entities=_load_list(data_dir / "entities.yaml", EntityEntry),
            triggers=raw_triggers,
            positions=_load_list(data_dir / "positions.yaml", PositionEntry),
        )
    except ValidationError as exc:
        raise LexiconError(f"{data_dir}: {exc}") from exc


@cache
def default_lexicon() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    return load_lexicon()
