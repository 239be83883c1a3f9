"""`diplowire up --once`: the one-command run starts everything and shows events."""

import signal
import subprocess
import sys
import time

import pytest

from services.core.children import alive
from tests.integration.conftest import free_port, worker_env

pytestmark = pytest.mark.integration


def test_up_runs_the_sample_feed_end_to_end(tmp_path):
    env = {**worker_env(tmp_path), "DIPLOWIRE_EMBEDDED_PORT": str(free_port()),
           "DIPLOWIRE_EMBEDDED_DATA_DIR": str(tmp_path / "broker")}
    env.pop("DIPLOWIRE_KAFKA_BOOTSTRAP", None)
    done = subprocess.run([sys.executable, "-m", "services.cli", "up", "--once",
                           "--timeout", "90"], env=env, capture_output=True, text=True,
                          timeout=150)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "EVENT call" in done.stdout and "ALERT [" in done.stdout
    assert "received" in done.stdout and "stopping" in done.stdout


def _wait_for(path, text: str, proc, timeout: float = 120.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = path.read_text()
        if text in out:
            return out
        assert proc.poll() is None, out
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not seen: {path.read_text()[-2000:]}")


def test_up_owns_its_children_refuses_a_second_run_and_names_a_replay(tmp_path):
    env = {**worker_env(tmp_path), "DIPLOWIRE_EMBEDDED_PORT": str(free_port()),
           "DIPLOWIRE_EMBEDDED_DATA_DIR": str(tmp_path / "broker")}
    env.pop("DIPLOWIRE_KAFKA_BOOTSTRAP", None)
    log = tmp_path / "up.log"
    with log.open("w") as out:
        first = subprocess.Popen([sys.executable, "-m", "services.cli", "up"], env=env,
                                 stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(log, "ingested", first)
        pids = [int(p) for p in (tmp_path / "up.pid").read_text().split()]
        assert len([p for p in pids if p]) == 4 and all(alive(p) for p in pids if p)
        # A second run beside it says what runs and how to stop it, and starts nothing.
        second = subprocess.run([sys.executable, "-m", "services.cli", "up", "--once"], env=env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert "still running" in second.stderr and f"kill -TERM {first.pid}" in second.stderr
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=40)
    finally:
        if first.poll() is None:
            first.kill()
    deadline = time.monotonic() + 15
    while any(alive(p) for p in pids if p) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in pids if p and alive(p)], "children outlived `up`"
    assert "stopping..." in log.read_text()
    # The broker kept the first run's articles: the next run says its events are replays.
    again = subprocess.run([sys.executable, "-m", "services.cli", "up", "--once",
                            "--timeout", "90"], env=env, capture_output=True, text=True,
                           timeout=150)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert "already holds" in again.stdout and "--fresh" in again.stdout
