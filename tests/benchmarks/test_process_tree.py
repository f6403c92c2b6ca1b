"""benchmarks/process_tree.py: the memory it reads from /proc is what child processes really
allocated (bytes written, so resident), summed over a tree, and ended processes read as 0."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import process_tree  # noqa: E402

MB = 2**20
# a bare Python interpreter holds ~10 MB resident; the bound leaves room for a loaded machine's libc arenas
BASE_MB = 40

# allocates and writes ARGV[1] MB (bytes * n writes every byte: all resident), then says so and
# waits for a line on stdin
HOLDER = """
import sys
held = b"x" * (int(sys.argv[1]) * 2**20)
print("ready", flush=True)
sys.stdin.readline()
"""

# starts two HOLDERs of ARGV[1] MB each, says "ready" once both hold their memory, waits for a
# line on stdin (or ARGV[2] seconds) and passes it on to both
PARENT_OF_TWO = f"""
import subprocess, sys, time
holders = [subprocess.Popen([sys.executable, "-c", {HOLDER!r}, sys.argv[1]], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True) for _ in range(2)]
for holder in holders:
    holder.stdout.readline()
print("ready", flush=True)
if len(sys.argv) > 2:
    time.sleep(float(sys.argv[2]))
else:
    sys.stdin.readline()
for holder in holders:
    holder.communicate("go\\n", timeout=10)
"""


def started(script, megabytes):
    process = subprocess.Popen([sys.executable, "-c", script, str(megabytes)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    return process


def ended(process):
    process.communicate("go\n", timeout=10)
    assert process.returncode == 0


def test_a_child_holding_200_mb_peaks_at_200_mb_plus_the_interpreter():
    process = started(HOLDER, 200)
    try:
        peak, rss = process_tree.peak_mb(process.pid), process_tree.status_kb(process.pid, "VmRSS") / 1024
    finally:
        ended(process)
    assert 200 <= peak < 200 + BASE_MB
    assert 200 <= rss <= peak


def test_peak_of_this_process_is_its_own_vmhwm():
    before = process_tree.peak_mb()
    held = b"x" * (300 * MB)  # more than pytest and QGIS hold: raises this process's peak
    after = process_tree.peak_mb()
    del held
    assert after >= 300
    assert after >= before


def test_a_tree_of_two_children_sums_both_and_lists_them_under_their_parent():
    parent = started(PARENT_OF_TWO, 100)
    try:
        pids = process_tree.tree_pids(parent.pid)
        total = process_tree.tree_rss_mb(parent.pid)
        children = [process_tree.peak_mb(pid) for pid in pids[1:]]
    finally:
        ended(parent)
    assert pids[0] == parent.pid and len(pids) == 3
    assert all(100 <= peak < 100 + BASE_MB for peak in children)
    # both holders and the parent interpreter, each with its own base
    assert 200 <= total < 200 + 3 * BASE_MB


def test_watch_records_the_tree_peak_and_each_process_with_its_command():
    # the parent holds its children 0.3 s: the watch samples every 0.05 s
    done, watch = process_tree.run_watched([sys.executable, "-c", PARENT_OF_TWO, "100", "0.3"], every=0.05,
                                           stdout=subprocess.PIPE, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ready"
    assert 200 <= watch.peak_mb < 200 + 3 * BASE_MB
    processes = watch.processes
    assert len(processes) == 3
    holders, root = processes[:2], processes[2]  # largest peak first
    assert root["root"] and root["pid"] == watch.root and root["peak_mb"] < BASE_MB
    assert not any(holder["root"] for holder in holders)
    assert all(member["name"] == Path(sys.executable).name for member in processes)  # the file exec'd
    assert all(100 <= holder["peak_mb"] < 100 + BASE_MB and holder["command"][-1] == "100" for holder in holders)


def test_an_ended_process_reads_as_empty_and_zero():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    assert process_tree.tree_pids(process.pid) == []
    assert process_tree.tree_rss_mb(process.pid) == 0
    assert process_tree.peak_mb(process.pid) == 0
    assert process_tree.command_line(process.pid) == []
    assert process_tree.process_name(process.pid) == ""


def test_a_zombie_has_no_memory_and_no_command():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    watch = process_tree.TreeWatch(process.pid, 0.01)
    os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)  # ended, not yet reaped: a zombie
    assert process_tree.tree_pids(process.pid) == [process.pid]
    assert process_tree.status_kb(process.pid, "VmRSS") == 0
    watch.sample()
    assert watch.peak_mb == 0 and watch.processes == []
    process.wait()


def test_watching_a_process_that_ends_at_once_and_one_that_fails():
    done, watch = process_tree.run_watched([sys.executable, "-c", "raise SystemExit(3)"], every=0.01)
    assert done.returncode == 3
    assert watch.peak_mb < BASE_MB
    done, watch = process_tree.run_watched([sys.executable, "-c", "print(1)"], stdout=subprocess.PIPE, text=True)
    assert done.stdout == "1\n" and watch is None


@pytest.mark.parametrize("name", ["a b", "a) (b"])
def test_a_command_name_with_spaces_and_parentheses_keeps_its_parent(name, tmp_path):
    # /proc/PID/stat shows the name in parentheses: the parent pid is read after the last one
    program = tmp_path / name
    program.symlink_to(sys.executable)
    process = subprocess.Popen([str(program), "-c", "import sys; sys.stdin.readline()"], stdin=subprocess.PIPE,
                               text=True)
    try:
        for _ in range(100):  # the exec that renames it may still be under way
            if process_tree.command_line(process.pid)[:1] == [str(program)]:
                break
            time.sleep(0.01)
        assert process.pid in process_tree.tree_pids(os.getpid())
        assert process_tree.parent_pids()[process.pid] == os.getpid()
        assert process_tree.process_name(process.pid) == name
    finally:
        process.communicate("\n", timeout=10)
