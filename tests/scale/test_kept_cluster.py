"""A local cluster kept between runs (the QGIS plugin): the next run reuses its workers, a
failed run or an idle period closes it, and without keeping each run has its own cluster."""
import functools
import os
import time

import pytest

from dataterra.rasterblocks import execution
from dataterra.rasterblocks.execution import close_local_clusters, keep_local_clusters, map_blocks
from scale_blocks import fail_on, has_module, worker_pid


def pids(scheduler, blocks=(1, 2)):
    out = []
    map_blocks(worker_pid, list(blocks), lambda block, result: out.append(result[1]), scheduler)
    return set(out)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(condition, seconds=30.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture
def keeping():
    keep_local_clusters(True)
    yield
    keep_local_clusters(False)
    assert execution.kept_local_cluster_addresses() == {}


def test_without_keeping_each_run_has_its_own_workers_closed_after_it():
    first = pids("local:1")
    assert first and first.isdisjoint(pids("local:1"))
    assert not any(alive(pid) for pid in first)


def test_a_kept_cluster_serves_the_next_run_until_it_is_closed(keeping):
    first = pids("local:1")
    assert len(first) == 1 and os.getpid() not in first
    assert pids("local:1") == first  # the same worker process: no start-up, modules already imported
    assert list(execution.kept_local_cluster_addresses()) == [1]
    close_local_clusters()
    assert execution.kept_local_cluster_addresses() == {}
    assert wait_until(lambda: not any(alive(pid) for pid in first))
    assert pids("local:1").isdisjoint(first)  # a new cluster after closing


def test_each_worker_count_has_its_own_kept_cluster(keeping):
    one, two = pids("local:1"), pids("local:2", range(8))
    assert len(one) == 1 and len(two) <= 2 and one.isdisjoint(two)
    assert sorted(execution.kept_local_cluster_addresses()) == [1, 2]
    assert pids("local:1") == one


def test_a_failed_run_closes_the_kept_cluster(keeping):
    first = pids("local:1")
    with pytest.raises(ValueError, match="block 2 is bad"):
        map_blocks(functools.partial(fail_on, 2), [1, 2, 3], lambda *_: None, "local:1")
    assert execution.kept_local_cluster_addresses() == {}
    assert wait_until(lambda: not any(alive(pid) for pid in first))
    assert pids("local:1").isdisjoint(first)


def test_an_idle_kept_cluster_is_closed(keeping, monkeypatch):
    monkeypatch.setattr(execution, "KEEP_SECONDS", 0.5)
    first = pids("local:1")
    assert wait_until(lambda: execution.kept_local_cluster_addresses() == {})
    assert wait_until(lambda: not any(alive(pid) for pid in first))


def test_turning_keeping_off_closes_the_kept_clusters():
    keep_local_clusters(True)
    first = pids("local:1")
    keep_local_clusters(False)
    assert execution.kept_local_cluster_addresses() == {}
    assert wait_until(lambda: not any(alive(pid) for pid in first))


def test_a_kept_cluster_imports_the_cores_when_it_starts():
    """The plugin's kept cluster imports its cores on the workers at start-up: the first block
    of each algorithm does not pay the imports ("wave" stands for a module no block imports)."""
    def imported(scheduler):
        out = []
        map_blocks(functools.partial(has_module, "wave"), [1, 2], lambda block, result: out.append(result[1]),
                   scheduler)
        return out

    assert imported("local:1") == [False, False]  # a cluster per run: nothing preloaded
    keep_local_clusters(True, preload=["wave", "no_such_module_dataterra"])  # one that fails is skipped
    try:
        assert imported("local:1") == [True, True]
    finally:
        keep_local_clusters(False)


def test_the_modules_preloaded_on_workers_exist():
    import importlib.util

    modules = execution.worker_modules()
    assert modules[0] == "dataterra.biodivmap.core.spectral" and len(modules) == 5
    assert all(importlib.util.find_spec(name) is not None for name in modules)
