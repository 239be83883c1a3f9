"""A plain install works: the wheel built from what the Dockerfile copies carries every data
file, and `diplowire extract` runs from outside the source tree."""

import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import orjson
import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
ARTICLE = {"id": "a1", "source": "s", "url": "https://x.invalid/1",
           "published_at": "2025-03-04T09:00:00Z",
           "body": "Chinese President Xi Jinping spoke by phone with Joe Biden on Monday."}


def _dockerfile_copies() -> list[str]:
    """Source paths of the Dockerfile's COPY lines: exactly what an image build sees."""
    text = (ROOT / "Dockerfile").read_text()
    paths = []
    for line in re.findall(r"^COPY (.+)$", text, re.MULTILINE):
        paths.extend(line.split()[:-1])
    return paths


def test_the_wheel_from_the_docker_build_context_installs_and_extracts(tmp_path):
    context = tmp_path / "context"
    for rel in _dockerfile_copies():
        source, target = ROOT / rel, context / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(context)], check=True)
    (wheel,) = wheels.glob("diplowire-*.whl")
    # A fresh venv; its dependencies come from this one's site-packages by a plain path
    # entry, which does not run this venv's editable hook, so `services` must come from
    # the wheel.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"),
                    "install", "--quiet", "--no-deps", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "in.jsonl").write_bytes(orjson.dumps(ARTICLE) + b"\n")
    done = subprocess.run([str(venv / "bin" / "diplowire"), "extract", "--input", "in.jsonl"],
                          cwd=elsewhere, capture_output=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    (event,) = [orjson.loads(line) for line in done.stdout.splitlines()]
    assert event["event_type"] == "call"
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import services; print(services.__file__)"],
                           cwd=elsewhere, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(venv)), where.stdout
