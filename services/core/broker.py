"""The embedded single-machine broker (noida-db's Kafka endpoint) and topic creation."""

import shutil
import socket
import subprocess
import time
from pathlib import Path

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from services.core.children import spawn, stop_all
from services.core.errors import DiplowireError
from services.core.settings import KafkaSettings


def broker_binary() -> Path:
    """Path of the static noida-db binary inside its wheel (not the forking wrapper)."""
    import noida_db

    path = Path(noida_db.__file__).parent / "noida-db"
    if not path.exists():
        raise DiplowireError(f"noida-db binary not found at {path}")
    return path


def accepts_connections(host: str, port: int, timeout: float = 0.5) -> bool:
    """True if something accepts a TCP connection on host:port now."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_for_port(host: str, port: int, timeout: float) -> None:
    """Block until something accepts TCP connections on host:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if accepts_connections(host, port):
            return
        time.sleep(0.1)
    raise DiplowireError(f"nothing listening on {host}:{port} after {timeout}s")


def require_reachable(bootstrap: str, timeout: float = 3.0) -> None:
    """Raise one clear `DiplowireError` unless some bootstrap server accepts a connection.

    Clients otherwise wait 30-60 s and end in a library traceback.
    """
    for server in bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        if port.isdigit() and accepts_connections(host.strip("[]") or "127.0.0.1", int(port),
                                                  timeout):
            return
    raise DiplowireError(
        f"no Kafka broker reachable at {bootstrap}; start one (`diplowire up` runs the embedded "
        "broker) or point DIPLOWIRE_KAFKA_BOOTSTRAP at yours")


class EmbeddedBroker:
    """Start and stop one noida-db Kafka broker on 127.0.0.1 with its own data dir."""

    def __init__(self, data_dir: Path, port: int, log_path: Path | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.port = port
        self.log_path = log_path or self.data_dir.parent / "broker.log"
        self._proc: subprocess.Popen | None = None

    @property
    def bootstrap(self) -> str:
        """Bootstrap address for clients."""
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> "EmbeddedBroker":
        """Launch the binary and wait until the Kafka port answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self._proc = spawn(
            [str(broker_binary()), "start", "--data-dir", str(self.data_dir), "--host",
             "127.0.0.1", "--only", "kafka", "--kafka-port", str(self.port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        try:
            wait_for_port("127.0.0.1", self.port, timeout)
        except DiplowireError:
            self.stop()
            raise
        return self

    @property
    def pid(self) -> int | None:
        """Process id of the running broker, if started."""
        return self._proc.pid if self._proc else None

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM, then SIGKILL after `grace` seconds."""
        stop_process(self._proc, grace)
        self._proc = None

    def wipe(self) -> None:
        """Delete the data directory (the broker must be stopped)."""
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> "EmbeddedBroker":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def stop_process(proc: subprocess.Popen | None, grace: float = 10.0) -> None:
    """Stop a child process group: SIGTERM, wait `grace`, then SIGKILL."""
    stop_all([proc], grace)


def ensure_topics(settings: KafkaSettings, bootstrap: str, timeout: float = 30.0) -> list[str]:
    """Create every diplowire topic with explicit partitions; return those created now."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000),
                             **settings.client_kwargs())
    try:
        existing = set(admin.list_topics())
        missing = [t for t in settings.all_topics() if t not in existing]
        created = []
        for topic in missing:
            try:
                admin.create_topics([NewTopic(topic, settings.partitions,
                                              settings.replication_factor)])
                created.append(topic)
            except TopicAlreadyExistsError:
                pass
        return created
    finally:
        admin.close()
