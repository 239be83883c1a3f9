"""Shared base for every wire model."""

from pydantic import BaseModel, ConfigDict


class WireModel(BaseModel):
    """Frozen, strict-shaped base: unknown fields are a contract violation."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)
