"""Configuration: every environment variable diplowire reads, in one place.

Each service builds its settings once in its entry point and passes them down; no
importable module reads the environment by itself. All variables start with `DIPLOWIRE_`.
"""

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from schemas.events import EVENT_TYPES


class KafkaSettings(BaseSettings):
    """Broker connection, topic names and topic layout shared by every service."""

    model_config = SettingsConfigDict(env_prefix="DIPLOWIRE_", extra="ignore")

    kafka_bootstrap: str | None = Field(
        None, description="Bootstrap servers `host:port,...`; unset = start the embedded broker.",
    )
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        "PLAINTEXT", description="Kafka security protocol.",
    )
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = Field(
        None, description="SASL mechanism when the protocol is SASL_*.",
    )
    kafka_sasl_username: str | None = Field(None, description="SASL user name.")
    kafka_sasl_password: SecretStr | None = Field(None, description="SASL password.")
    kafka_ssl_cafile: Path | None = Field(None, description="CA bundle for SSL.")
    kafka_ssl_certfile: Path | None = Field(None, description="Client certificate for SSL.")
    kafka_ssl_keyfile: Path | None = Field(None, description="Client key for SSL.")

    topic_raw: str = Field("news.raw", description="Raw article topic.")
    topic_dlq: str = Field("news.raw.dlq", description="Dead-letter topic.")
    topic_events_prefix: str = Field("events.", description="Event topics are prefix + type.")
    topic_alerts: str = Field("alerts", description="Alert topic.")
    topic_candidates: str = Field(
        "diplowire.events.by-story", description="Internal: events keyed by story fingerprint.")
    topic_alert_stories: str = Field(
        "diplowire.alerts.by-story", description="Internal: events keyed by story id for the alerter.")
    partitions: int = Field(4, ge=1, description="Partitions of every topic diplowire creates.")
    replication_factor: int = Field(1, ge=1, description="Replication factor of new topics.")
    metrics_host: str = Field("127.0.0.1", description="Address /metrics binds (0.0.0.0 in containers).")

    def event_topic(self, event_type: str) -> str:
        """Name of the topic for one event type."""
        return f"{self.topic_events_prefix}{event_type}"

    def all_topics(self) -> list[str]:
        """Every topic diplowire reads or writes."""
        events = [self.event_topic(t) for t in EVENT_TYPES]
        return [self.topic_raw, self.topic_dlq, *events, self.topic_alerts,
                self.topic_candidates, self.topic_alert_stories]

    def client_kwargs(self) -> dict:
        """Security options for kafka-python clients (passed through unchanged)."""
        kwargs: dict = {"security_protocol": self.kafka_security_protocol}
        if self.kafka_sasl_mechanism:
            kwargs["sasl_mechanism"] = self.kafka_sasl_mechanism
            kwargs["sasl_plain_username"] = self.kafka_sasl_username
            if self.kafka_sasl_password is not None:
                kwargs["sasl_plain_password"] = self.kafka_sasl_password.get_secret_value()
        for option in ("cafile", "certfile", "keyfile"):
            path = getattr(self, f"kafka_ssl_{option}")
            if path is not None:
                kwargs[f"ssl_{option}"] = str(path)
        return kwargs


class EmbeddedBrokerSettings(BaseSettings):
    """Where the embedded single-machine broker keeps its data and listens."""

    model_config = SettingsConfigDict(env_prefix="DIPLOWIRE_EMBEDDED_", extra="ignore")

    data_dir: Path = Field(Path(".diplowire/broker"), description="Embedded broker data dir.")
    port: int = Field(19092, description="Embedded broker Kafka port on 127.0.0.1.")


class ExtractorSettings(KafkaSettings):
    """The extractor worker."""

    extractor_group: str = Field("diplowire-extractor", description="Consumer group / app id.")
    extractor_metrics_port: int = Field(9310, description="Port of the extractor's /metrics.")
    extractor_web_port: int = Field(6066, description="Faust web port (one per worker on a host).")
    extractor_data_dir: Path = Field(Path(".diplowire/extractor"), description="Faust data dir.")
    story_window_days: int = Field(
        7, ge=0, description="Articles join a story while event dates are this close.")
    extractor_min_confidence: float = Field(
        0.0, ge=0, le=1, description="Events below this confidence are not published at all.",
    )
    extract_budget_s: float = Field(
        10.0, gt=0, description=(
            "Time one article may take in extraction; past it the article is a dead letter "
            "(`extraction_timeout`). Ordinary articles take 2-50 ms."))
    message_limit_bytes: int = Field(
        1_000_000, ge=100_000, description=(
            "Largest message the producer and broker accept (faust `producer_max_request_size`, "
            "Kafka `message.max.bytes`); dead letters are cut to fit."))


class AlerterSettings(KafkaSettings):
    """The alerter."""

    alerter_group: str = Field("diplowire-alerter", description="Consumer group / app id.")
    alerter_metrics_port: int = Field(9311, description="Port of the alerter's /metrics.")
    alerter_web_port: int = Field(6067, description="Faust web port of the alerter.")
    alerter_data_dir: Path = Field(Path(".diplowire/alerter"), description="Faust data dir.")
    rules_file: Path | None = Field(None, description="Alert rules YAML; unset = bundled rules.")
    webhook_url: str | None = Field(None, description="POST each alert here as JSON, if set.")
    webhook_timeout_s: float = Field(5.0, gt=0, description="Timeout of one webhook request.")
    webhook_retries: int = Field(3, ge=0, description="Retries after a failed webhook request.")
    webhook_max_bytes: int = Field(
        256 * 1024, ge=1024, description="Largest alert body posted; a larger one is not sent.")

    @field_validator("webhook_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        """Only http(s) with a host: no file://, gopher:// or a bare word posted to."""
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"webhook URL must be http:// or https:// with a host, not {value!r}")
        if parts.hostname == "169.254.169.254" or parts.hostname.startswith("metadata."):
            raise ValueError("webhook URL points at a cloud metadata service")
        return value.strip()


class IngestSettings(KafkaSettings):
    """The feed producer."""

    ingest_linger_ms: int = Field(20, ge=0, description="Producer batching delay.")
    ingest_batch_size: int = Field(256 * 1024, ge=1024, description="Producer batch bytes.")
