"""The extractor's faust app: a thin shell around `handler.handle` and the story stage.

Agent `extractor`: news.raw -> extract() -> events keyed by story fingerprint (or the DLQ).
Agent `stories`: keeps a Table of stories (recovered from its changelog on restart), annotates
each event with its story and publishes it on `events.<type>` keyed by event_id.
"""

import time

import faust

from schemas.events import EventAdapter
from schemas.stories import StoryState
from services.core.codec import encode
from services.core.faust_config import (
    app_options,
    bytes_table,
    bytes_topic,
    record_lag,
    track_readiness,
)
from services.core.metrics import Metrics
from services.core.settings import ExtractorSettings
from services.extract.stories import observe
from services.extractor.handler import delivered, handle


def create_app(settings: ExtractorSettings, bootstrap: str, metrics: Metrics) -> faust.App:
    """Build the extractor app: extraction agent, story agent and the stories table."""
    app = faust.App(settings.extractor_group, **app_options(
        settings, bootstrap, settings.extractor_web_port, str(settings.extractor_data_dir)))
    raw = bytes_topic(app, settings.topic_raw)
    candidates = bytes_topic(app, settings.topic_candidates)
    outputs = {name: bytes_topic(app, name) for name in settings.all_topics()}
    stories = bytes_table(app, "stories", settings)
    track_readiness(app, metrics)

    @app.agent(raw)
    async def extractor(stream):
        metrics.worker_up.set(1)
        async for event in stream.events():
            msg = event.message
            record_lag(app, metrics, msg)
            for out in handle(msg.key, msg.value, msg.topic, msg.partition, msg.offset,
                              settings, metrics, settings.extractor_min_confidence):
                # Keep the raw message's timestamp so latency is measured end to end.
                await (await outputs[out.topic].send(key=out.key, value=out.value,
                                                     timestamp=msg.timestamp))
                delivered(out, metrics)

    @app.agent(candidates)
    async def story_stage(stream):
        async for event in stream.events():
            msg = event.message
            record_lag(app, metrics, msg)
            await _publish_story_event(msg, stories, outputs, settings, metrics)

    return app


async def _publish_story_event(msg, stories, outputs, settings, metrics) -> None:
    event = EventAdapter.validate_json(msg.value)
    known = stories.get(msg.key)
    state = StoryState.model_validate_json(known) if known else None
    new_state, annotated = observe(state, event, settings.story_window_days)
    kind = event.event_type
    if state is None or new_state.story_id != state.story_id:
        metrics.stories_opened.labels(event_type=kind).inc()
    elif new_state.event_ids == state.event_ids:
        metrics.replayed_events.inc()
    else:
        metrics.story_mentions.labels(event_type=kind).inc()
    if annotated.status_change:
        metrics.status_changes.labels(event_type=kind).inc()
    stories[msg.key] = encode(new_state)
    await (await outputs[settings.event_topic(kind)].send(
        key=annotated.event_id.encode(), value=encode(annotated)))
    metrics.events_emitted.labels(event_type=kind).inc()
    metrics.pipeline_latency.labels(event_type=kind).observe(max(0.0, time.time() - msg.timestamp))
