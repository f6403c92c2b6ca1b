"""A real Dask cluster on 127.0.0.1 for the scale tests: one ``dask-scheduler`` and two
``dask-worker`` processes on random ports, torn down after the module."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

START_TIMEOUT = 120
ROOT = Path(__file__).resolve().parents[2]
PACKAGE_PARENT = ROOT / "build" / "pkgroot"  # where tests/conftest.py exposes the package "dataterra"
SUPPORT = ROOT / "tests" / "support"


def worker_environment():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(PACKAGE_PARENT), str(SUPPORT), env.get("PYTHONPATH", "")])
    env["DASK_DISTRIBUTED__ADMIN__TICK__LIMIT"] = "60s"  # a loaded machine: no spurious warnings
    return env


def start(command, log_path):
    log = open(log_path, "wb")  # noqa: SIM115 - closed by stop()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=worker_environment(),
                               start_new_session=True)
    process.log = log
    return process


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    process.log.close()


def wait_for_workers(address, count):
    from distributed import Client

    with Client(address, timeout=START_TIMEOUT, set_as_default=False) as client:
        client.wait_for_workers(count, timeout=START_TIMEOUT)


class Cluster:
    def __init__(self, folder):
        self.folder = folder
        self.processes = []
        scheduler_file = folder / "scheduler.json"
        self.scheduler = start([sys.executable, shutil.which("dask-scheduler"), "--host", "127.0.0.1", "--port", "0",
                                "--dashboard-address", ":0", "--scheduler-file", str(scheduler_file)],
                               folder / "scheduler.log")
        self.processes.append(self.scheduler)
        deadline = time.monotonic() + START_TIMEOUT
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            if time.monotonic() > deadline or self.scheduler.poll() is not None:
                raise RuntimeError((folder / "scheduler.log").read_text())
            time.sleep(0.2)
        import json

        self.address = json.loads(scheduler_file.read_text())["address"]
        for number in range(2):
            self.add_worker(f"worker{number}")
        wait_for_workers(self.address, 2)

    def add_worker(self, name, nanny=True):
        command = [sys.executable, shutil.which("dask-worker"), self.address, "--nthreads", "1", "--host", "127.0.0.1",
                   "--dashboard-address", ":0", "--name", name]
        if not nanny:
            command.append("--no-nanny")
        process = start(command, self.folder / f"{name}.log")
        self.processes.append(process)
        return process

    def logs(self):
        return "".join(path.read_text(errors="replace") for path in self.folder.glob("*.log"))

    def close(self):
        for process in reversed(self.processes):
            stop(process)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not shutil.which("dask-scheduler") or not shutil.which("dask-worker"):
        pytest.skip("dask-scheduler / dask-worker not installed (python3-distributed)")
    running = Cluster(tmp_path_factory.mktemp("dask_cluster"))
    yield running
    running.close()
