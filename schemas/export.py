"""Generate the JSON Schema files that non-Python teams read (checked in, tested for drift)."""

import json
from pathlib import Path

from pydantic import BaseModel, TypeAdapter

from schemas.alerts import Alert
from schemas.article import RawArticle
from schemas.dead_letter import DeadLetter
from schemas.events import BanEvent, CallEvent, Event, NominationEvent, TariffEvent

JSONSCHEMA_DIR = Path(__file__).parent / "jsonschema"
MODELS: dict[str, type[BaseModel] | TypeAdapter] = {
    "raw_article": RawArticle,
    "dead_letter": DeadLetter,
    "alert": Alert,
    "event": TypeAdapter(Event),
    "call_event": CallEvent,
    "tariff_event": TariffEvent,
    "ban_event": BanEvent,
    "nomination_event": NominationEvent,
}


def render_json_schemas() -> dict[str, str]:
    """File name -> JSON Schema text for every wire model."""
    out = {}
    for name, model in MODELS.items():
        schema = (model.json_schema() if isinstance(model, TypeAdapter)
                  else model.model_json_schema())
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": f"https://diplowire.dev/schemas/{name}.json", **schema}
        out[f"{name}.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return out


def write_json_schemas(folder: Path | None = None) -> list[Path]:
    """Write every schema file into `folder` (default: schemas/jsonschema)."""
    folder = folder or JSONSCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_json_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
