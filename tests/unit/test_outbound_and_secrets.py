"""Outbound calls go only where they should, secrets never reach logs, and a missing broker
is one clear line."""

import asyncio
import logging
import socket
import subprocess
import sys

import pytest
from aiohttp import web
from pydantic import ValidationError

from services.alerter.notify import WebhookNotifier
from services.core.redact import redact_secrets, stop_redacting
from services.core.settings import AlerterSettings


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x.invalid/", "not a url",
                                 "http://169.254.169.254/latest/meta-data", "https:///nohost"])
def test_webhook_urls_other_than_http_with_a_host_are_refused_at_start_up(url):
    with pytest.raises(ValidationError, match="webhook"):
        AlerterSettings(webhook_url=url)


def test_an_http_webhook_url_is_accepted():
    assert AlerterSettings(webhook_url=" https://hooks.example.com/a ").webhook_url == \
        "https://hooks.example.com/a"


def _serve(routes):
    async def run():
        app = web.Application()
        hits = []

        async def target(request):
            hits.append(await request.read())
            return web.Response(status=200)

        app.router.add_post("/target", target)
        for path, handler in routes.items():
            app.router.add_post(path, handler)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        return runner, port, hits
    return run()


def test_a_redirect_is_a_failed_delivery_and_is_not_followed():
    async def scenario():
        async def moved(request):
            raise web.HTTPTemporaryRedirect(f"http://127.0.0.1:{request.url.port}/target")
        runner, port, hits = await _serve({"/hook": moved})
        try:
            notifier = WebhookNotifier(f"http://127.0.0.1:{port}/hook", 2.0, 0)
            delivered = await notifier.send(b'{"alert": 1}')
            ok = await WebhookNotifier(f"http://127.0.0.1:{port}/target", 2.0, 0).send(b"{}")
        finally:
            await runner.cleanup()
        return delivered, ok, hits
    delivered, ok, hits = asyncio.run(scenario())
    assert delivered is False and ok is True
    assert hits == [b"{}"]  # the redirect target got only the direct post


def test_an_alert_over_the_size_cap_is_not_posted():
    notifier = WebhookNotifier("http://127.0.0.1:9/never", 1.0, 0, max_bytes=1024)
    assert asyncio.run(notifier.send(b"x" * 2048)) is False


def test_sasl_bytes_and_the_password_never_reach_a_log_at_debug(caplog):
    redact_secrets(["s3cret-PW"])
    try:
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("aiokafka.conn").debug(
                "Request to %s:%d %d: %s", "b", 9092, 7,
                "SaslAuthenticateRequest_v1(sasl_auth_bytes=b'user\\x00user\\x00s3cret-PW')")
            logging.getLogger("faust.worker").warning("password is %s", "s3cret-PW")
            logging.getLogger("x").info("ordinary %s", "line")
    finally:
        stop_redacting()
    text = caplog.text
    assert "s3cret-PW" not in text and "user\\x00user" not in text
    assert text.count("<redacted>") == 2 and "ordinary line" in text


def test_ingest_without_a_broker_fails_fast_with_one_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a"}\n')
    done = subprocess.run([sys.executable, "-m", "services.cli", "ingest", str(feed)],
                          env={"DIPLOWIRE_KAFKA_BOOTSTRAP": f"127.0.0.1:{port}",
                               "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"127.0.0.1:{port}" in lines[0] and "DIPLOWIRE_KAFKA_BOOTSTRAP" in lines[0]
