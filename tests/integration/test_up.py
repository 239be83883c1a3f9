"""`diplowire up --once`: the one-command run starts everything and shows events."""

import subprocess
import sys

import pytest

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
