"""The extractor's faust app: a thin shell around `handler.handle`."""

import time

import faust

from services.core.faust_config import app_options
from services.core.metrics import Metrics
from services.core.settings import ExtractorSettings
from services.extractor.handler import handle


def create_app(settings: ExtractorSettings, bootstrap: str, metrics: Metrics) -> faust.App:
    """Build the extractor app: one agent on the raw topic."""
    app = faust.App(settings.extractor_group, **app_options(
        settings, bootstrap, settings.extractor_web_port, str(settings.extractor_data_dir)))
    raw = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)
    outputs = {name: app.topic(name, key_type=bytes, value_type=bytes)
               for name in settings.all_topics()}

    @app.agent(raw)
    async def extractor(stream):
        metrics.worker_up.set(1)
        async for event in stream.events():
            msg = event.message
            for out in handle(msg.key, msg.value, msg.topic, msg.partition, msg.offset,
                              settings, metrics, settings.extractor_min_confidence):
                delivery = await outputs[out.topic].send(key=out.key, value=out.value)
                await delivery
                if out.event_type:
                    metrics.events_emitted.labels(event_type=out.event_type).inc()
                    metrics.pipeline_latency.labels(event_type=out.event_type).observe(
                        max(0.0, time.time() - msg.timestamp))

    return app
