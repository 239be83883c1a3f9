"""Faust app options shared by the stream workers, derived from settings."""

import ssl

import faust
from faust.types import TP

from services.core.settings import KafkaSettings


def credentials(settings: KafkaSettings):
    """Faust broker credentials for the configured security protocol, or None."""
    protocol = settings.kafka_security_protocol
    context = None
    if protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(
            cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None)
        if settings.kafka_ssl_certfile:
            context.load_cert_chain(str(settings.kafka_ssl_certfile),
                                    str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None)
    if protocol.startswith("SASL"):
        password = settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else ""
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username, password=password,
            mechanism=settings.kafka_sasl_mechanism or "PLAIN", ssl_context=context)
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def app_options(settings: KafkaSettings, bootstrap: str, web_port: int, datadir: str) -> dict:
    """Keyword arguments for `faust.App` common to every diplowire worker."""
    return {
        "broker": [f"kafka://{host}" for host in bootstrap.split(",")],
        "broker_credentials": credentials(settings),
        "key_serializer": "raw",
        "value_serializer": "raw",
        "web_port": web_port,
        "web_bind": "127.0.0.1",
        "web_host": "127.0.0.1",
        "datadir": datadir,
        "topic_partitions": settings.partitions,
        "topic_replication_factor": settings.replication_factor,
        # kafka-python 3 / aiokafka defaults are too slow for tests and too lax for prod:
        # set them explicitly (see the pipeline issue).
        "broker_session_timeout": 30.0,
        "broker_heartbeat_interval": 3.0,
        "consumer_auto_offset_reset": "earliest",
        "producer_acks": -1,
        "stream_wait_empty": False,
    }


def record_lag(app: faust.App, metrics, msg) -> None:
    """Set the consumer-lag gauge for the message's partition from the broker's high watermark."""
    highwater = app.consumer.highwater(TP(msg.topic, msg.partition))
    if highwater is not None:
        metrics.consumer_lag.labels(topic=msg.topic, partition=str(msg.partition)).set(
            max(0, highwater - msg.offset - 1))


def track_readiness(app: faust.App, metrics) -> None:
    """Keep `diplowire_worker_ready` at 1 between a completed rebalance and the next one."""

    @app.on_rebalance_complete.connect
    async def _ready(sender, **kwargs) -> None:
        metrics.worker_ready.set(1)

    @app.on_partitions_revoked.connect
    async def _rebalancing(sender, *args, **kwargs) -> None:
        metrics.worker_ready.set(0)


def bytes_topic(app: faust.App, *names: str):
    """A topic (or several read as one) whose keys and values stay raw bytes: the shells
    decode them with the wire models themselves."""
    return app.topic(*names, key_type=bytes, value_type=bytes)


def bytes_table(app: faust.App, name: str, settings: KafkaSettings):
    """A changelog-backed table of raw bytes, co-partitioned with the topics diplowire creates."""
    return app.Table(name, default=None, partitions=settings.partitions,
                     key_type=bytes, value_type=bytes)
