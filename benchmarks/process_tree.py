"""Memory of a process and of its process tree, read from Linux /proc (no psutil needed).

* :func:`peak_mb` / :func:`status_kb`: a process's own peak (``VmHWM``) or resident memory
  (``VmRSS``). ``VmHWM`` and not ``ru_maxrss``: Linux carries ``ru_maxrss`` over fork + exec, so
  a child (a Dask worker, a ``python -c`` run) would report the peak of the process it was
  forked from (e.g. the benchmark's GDAL write cache).
* :func:`tree_pids` / :func:`tree_rss_mb`: a process and all its descendants (Dask nannies and
  workers, GRASS modules run by QGIS Processing, ...), and their summed resident memory.
* :class:`TreeWatch`: a thread sampling a tree every N seconds while something runs: the peak
  of its summed RSS and each member's own peak with its command line.
* :func:`run_watched`: run a command in a child process under a :class:`TreeWatch`.

Benchmark helper, imported by the ``bench_*.py`` scripts (and by the code strings they run
in child processes, which put this folder on ``sys.path``).
"""
import os
import subprocess
import threading
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def status_kb(pid="self", field="VmHWM"):
    """A memory field (``VmHWM``, ``VmRSS``, ...) of /proc/PID/status in kB; 0 when the process
    is gone or has no memory left (a zombie)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def peak_mb(pid="self"):
    """Peak resident memory (VmHWM) of one process in MB (of this one by default)."""
    return status_kb(pid, "VmHWM") / 1024.0


def parent_pids():
    """{pid: parent pid} of every process now running."""
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                # the command name in parentheses may hold spaces and parentheses: split after the last one
                stat = Path(f"/proc/{name}/stat").read_text(encoding="ascii", errors="replace")
                parents[int(name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):  # ended meanwhile
                continue
    return parents


def tree_pids(root):
    """``root`` and all its descendants now running, parents before their children; [] when
    ``root`` has ended."""
    parents = parent_pids()
    if root not in parents:
        return []
    children = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    tree = [root]
    for pid in tree:  # grows while it is walked: breadth first
        tree.extend(sorted(children.get(pid, ())))
    return tree


def tree_rss_mb(root):
    """Summed resident memory (VmRSS) of ``root`` and all its descendants in MB."""
    return sum(status_kb(pid, "VmRSS") for pid in tree_pids(root)) / 1024.0


def process_name(pid):
    """The kernel's name of ``pid`` (its program's file name, 15 characters at most); "" when it has ended."""
    try:
        return Path(f"/proc/{pid}/comm").read_text(errors="replace").rstrip("\n")
    except OSError:
        return ""


def command_line(pid):
    """The command line of ``pid`` as a list of words; [] when it has ended (or is a zombie)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [word.decode(errors="replace") for word in raw.split(b"\0")[:-1]]


class TreeWatch(threading.Thread):
    """``with TreeWatch(pid, every) as watch: ...``: samples the process tree of ``pid`` at once,
    then every ``every`` seconds until the block ends. Afterwards ``watch.peak_mb`` is the
    largest summed RSS seen and ``watch.processes`` holds, for each process seen,
    ``{"pid", "root", "name", "command", "peak_mb"}`` (its own peak, VmHWM), largest peak first.

    Sampling misses what lives shorter than ``every``: the tree's peak is a lower bound, each
    process's own peak is exact if it was seen at least once near its end."""

    def __init__(self, root, every):
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.peak_mb, self._seen, self._done = 0.0, {}, threading.Event()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self._done.set()
        self.join()

    def run(self):
        self.sample()
        while not self._done.wait(self.every):
            self.sample()

    def sample(self):
        total = 0
        for pid in tree_pids(self.root):
            total += status_kb(pid, "VmRSS")
            if pid not in self._seen:
                command = command_line(pid)
                if not command:  # ended meanwhile: nothing to name it by
                    continue
                self._seen[pid] = {"pid": pid, "root": pid == self.root, "name": process_name(pid),
                                   "command": command, "peak_mb": 0.0}
            member = self._seen[pid]
            member["peak_mb"] = max(member["peak_mb"], peak_mb(pid))  # 0 once ended: the max keeps the last
        self.peak_mb = max(self.peak_mb, total / 1024.0)

    @property
    def processes(self):
        return sorted(self._seen.values(), key=lambda member: -member["peak_mb"])


def run_watched(command, every=None, **popen):
    """Run ``command`` (``subprocess.Popen`` arguments in ``popen``), its tree sampled every
    ``every`` seconds by a :class:`TreeWatch` (none when ``every`` is None), and wait for it; an
    interruption kills it. Returns (``subprocess.CompletedProcess``, the watch or None)."""
    process = subprocess.Popen(command, **popen)
    watch = TreeWatch(process.pid, every) if every else None
    if watch:
        watch.start()
    try:
        stdout, stderr = process.communicate()
    except BaseException:  # interrupted: do not leave the child running
        process.kill()
        process.wait()
        raise
    finally:
        if watch:
            watch.stop()
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), watch
