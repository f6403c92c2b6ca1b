"""Block work in process, on a local Dask cluster and on a real scheduler with two workers:
the same results, cancel, lost workers, credentials never in clear, Dask missing."""
import functools
import hashlib
import logging
import os
import signal
import sys
import time
import threading
import warnings

import numpy as np
import pytest
from osgeo import gdal

from dataterra.biodivmap.core import diversity, spectral, synthetic
from dataterra.fragscape.core.raster_mesh import effective_mesh_size_raster
from dataterra.rasterblocks import Cancelled, DataTerraError
from dataterra.rasterblocks import execution
from dataterra.rasterblocks.execution import GdalCredentials, SchedulerError, map_blocks, parse_scheduler
from scale_blocks import config_digest, filled, slow_square

SECRET = "s3cr3t-Hx9QvZ2-never-in-clear"


def read(path):
    return gdal.Open(str(path)).ReadAsArray()


def run(scheduler, blocks, function=functools.partial(slow_square, 0.0), **options):
    out = []
    map_blocks(function, blocks, lambda block, result: out.append((block, result)), scheduler, **options)
    return out


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scale_scene")
    truth = synthetic.write_synthetic_scene(folder / "scene.tif", 160, 150, seed=3)
    truth["folder"] = folder
    return truth


@pytest.fixture(scope="module")
def reference(scene):
    """In-process outputs: spectral species (fixed seed), PCA, mask and alpha diversity."""
    return maps(scene, "", "inprocess")


def maps(scene, scheduler, name):
    folder = scene["folder"]
    paths = {key: str(folder / f"{name}_{key}.tif") for key in ("species", "pca", "mask", "alpha")}
    spectral.spectral_species(scene["path"], paths["species"], None, paths["pca"], paths["mask"], n_clusters=6,
                              n_iter=3, n_components=3, seed=11, block=64, scheduler=scheduler)
    diversity.alpha_diversity(paths["species"], paths["alpha"], window=5, scheduler=scheduler)
    return {key: read(path) for key, path in paths.items()}


@pytest.fixture(scope="module")
def landscape(tmp_path_factory, geotiff):
    """A 300 × 260 random habitat raster (blocks of 64 px: patches cross block edges) and
    reporting units of irregular shapes, ids 1..7."""
    folder = tmp_path_factory.mktemp("scale_landscape")
    rng = np.random.default_rng(4)
    habitat = (rng.random((260, 300)) < 0.55).astype(np.uint8)
    habitat[:5] = 255  # nodata rows
    rows, cols = np.mgrid[0:260, 0:300]
    zones = ((rows * 7 + cols * 3 + (rows * cols) % 11) // 150 % 7 + 1).astype(np.int32)
    return (geotiff(folder / "habitat.tif", habitat, nodata=255), geotiff(folder / "zones.tif", zones))


def mesh(landscape, scheduler, method="CUT"):
    habitat, zones = landscape
    result = effective_mesh_size_raster(habitat, [1], method, 8, zones, block=64, scheduler=scheduler)
    return result.whole, {zone: metrics for zone, metrics in sorted(result.zones.items())}


def assert_identical(result, reference):
    for key in reference:
        assert result[key].dtype == reference[key].dtype
        np.testing.assert_array_equal(result[key], reference[key], err_msg=key)  # bit for bit (NaN = NaN)


# ---------------------------------------------------------------------------- in process


def test_in_process_combines_in_block_order_and_reports_progress():
    fractions = []
    assert run("", [3, 1, 2], progress=fractions.append) == [(3, 9), (1, 1), (2, 4)]
    assert fractions == pytest.approx([1 / 3, 2 / 3, 1.0])


def test_in_process_cancel_stops_before_the_next_block():
    calls = []
    with pytest.raises(Cancelled):
        map_blocks(calls.append, [1, 2, 3], lambda block, result: None, None, is_cancelled=lambda: len(calls) == 2)
    assert calls == [1, 2]


def test_in_process_does_not_import_dask(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # any import of distributed would now fail
    monkeypatch.setitem(sys.modules, "dask", None)
    assert run(None, [4]) == [(4, 16)]


@pytest.mark.parametrize("text, parsed", [("", ("inprocess", None)), ("  ", ("inprocess", None)),
                                          ("local:2", ("local", 2)), ("tcp://10.0.0.1:8786", ("remote",
                                                                                             "tcp://10.0.0.1:8786"))])
def test_scheduler_strings(text, parsed):
    assert parse_scheduler(text) == parsed


@pytest.mark.parametrize("text", ["local:0", "local:two", "http://host:8786", "8786"])
def test_malformed_scheduler_is_refused_with_the_accepted_forms(text):
    with pytest.raises(SchedulerError, match="local:N"):
        parse_scheduler(text)


def test_dask_missing_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    assert not execution.dask_available()
    with pytest.raises(SchedulerError) as raised:
        run("local:2", [1])
    assert "python3-distributed" in str(raised.value) and "pip install" in str(raised.value)


def test_credentials_repr_hides_the_values():
    credentials = GdalCredentials({"AWS_SECRET_ACCESS_KEY": SECRET})
    assert SECRET not in repr(credentials) and SECRET not in str(credentials)
    assert "AWS_SECRET_ACCESS_KEY" in repr(credentials)


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(execution, "WORKER_START_TIMEOUT", 2)
    with pytest.raises(SchedulerError, match="Cannot reach the Dask scheduler tcp://127.0.0.1:9"):
        run("tcp://127.0.0.1:9", [1])


# ---------------------------------------------------------------------------- local cluster


def test_local_cluster_gives_the_in_process_maps_bit_for_bit(scene, reference):
    assert_identical(maps(scene, "local:2", "local"), reference)


def test_local_cluster_gives_the_in_process_mesh_sizes(landscape):
    whole, zones = mesh(landscape, "local:2")
    assert (whole, zones) == mesh(landscape, "")  # float sums in the same order: exactly equal
    assert len(zones) == 7 and whole.meff > 0


def test_local_cluster_starts_python_workers_when_the_executable_is_qgis(monkeypatch, tmp_path):
    import multiprocessing.spawn

    qgis = str(tmp_path / "qgis")  # inside QGIS sys.executable is the qgis program, not Python
    previous = multiprocessing.spawn.get_executable()
    monkeypatch.setattr(sys, "executable", qgis)
    multiprocessing.set_executable(qgis)
    try:
        assert run("local:1", [5, 6]) == [(5, 25), (6, 36)]  # a worker spawned with qgis would never start
        assert os.fsdecode(multiprocessing.spawn.get_executable()) == qgis  # QGIS's setting is given back after the run
    finally:
        multiprocessing.set_executable(previous)


def test_local_workers_keep_glibc_dynamic_mmap_threshold_but_one_thread():
    """Dask sets MALLOC_TRIM_THRESHOLD_ in its workers, which turns off glibc's dynamic mmap
    threshold (10-20 % slower diversity strips): the local cluster leaves it out, keeps
    Dask's one BLAS/OpenMP thread per worker, and leaves Dask's configuration as it was."""
    import dask

    before = dask.config.get("distributed.nanny.pre-spawn-environ")
    with execution.dask_client("local", 1) as client:
        environments = client.run(lambda: {name: os.environ.get(name)
                                           for name in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")})
    assert list(environments.values()) == [{"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}]
    assert dask.config.get("distributed.nanny.pre-spawn-environ") == before


def test_this_process_keeps_its_thread_settings(monkeypatch):
    """Dask's nanny writes OMP_NUM_THREADS=1 (and the BLAS limits) into the starting process's
    environment for its workers: the local cluster gives QGIS's environment back, during the run
    once the workers have started and after it. A variable the user set is kept (Dask gives it
    to the workers too)."""
    names = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")
    monkeypatch.setenv("MKL_NUM_THREADS", "3")
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        monkeypatch.delenv(name, raising=False)
    with execution.dask_client("local", 1) as client:
        during = [os.environ.get(name) for name in names]
        workers = client.run(lambda: [os.environ.get(name) for name in names])
    after = [os.environ.get(name) for name in names]
    assert list(workers.values()) == [["1", "3", "1"]]
    assert during == after == [None, "3", None]


def test_two_local_clusters_at_once_take_no_fixed_port():
    """Each local cluster's scheduler serves HTTP on a free loopback port: two at once (a kept
    cluster and a run in qgis_process, two QGIS windows) used to fight for 8787."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with execution.dask_client("local", 1) as first, execution.dask_client("local", 1) as second:
            assert [first.submit(pow, 2, 5).result(), second.submit(pow, 3, 3).result()] == [32, 27]
            ports = [client.scheduler_info()["services"]["dashboard"] for client in (first, second)]
    assert not [warning for warning in caught if "already in use" in str(warning.message)]
    assert 8787 not in ports and ports[0] != ports[1]


def test_local_workers_are_not_woken_by_the_profiler():
    """A local cluster's workers run without Dask's statistical profiler (its thread samples
    every 10 ms) and with its other chores spaced out: they took the core from the blocks
    (8 % slower dieback detection). The launching process's configuration is given back."""
    import dask

    keys = ("distributed.worker.profile.enabled", "distributed.admin.tick.interval",
            "distributed.admin.system-monitor.interval", "distributed.comm.compression")
    before = [dask.config.get(key) for key in keys]
    with execution.dask_client("local", 1) as client:
        workers = client.run(lambda: ([dask.config.get(key) for key in keys],
                                      sorted(thread.name for thread in threading.enumerate())))
    [(settings, threads)] = workers.values()
    assert settings == [False, "1s", "2s", None]
    assert "Profile" not in threads and "MainThread" in threads
    assert before == [True, "20ms", "500ms", "auto"] == [dask.config.get(key) for key in keys]


# ---------------------------------------------------------------------------- real scheduler + 2 workers


def test_two_workers_give_the_in_process_mesh_sizes(landscape, cluster):
    for method in ("CUT", "CBC"):
        assert mesh(landscape, cluster.address, method) == mesh(landscape, "", method)


def test_two_workers_give_the_in_process_maps_bit_for_bit(scene, reference, cluster):
    assert_identical(maps(scene, cluster.address, "remote"), reference)


def test_an_error_on_a_worker_is_the_same_error_here(cluster, tmp_path):
    missing = str(tmp_path / "missing.tif")
    with pytest.raises(DataTerraError) as raised:  # raised on a worker, same type and values here
        map_blocks(functools.partial(spectral_failing_block, missing), [1, 2], lambda *_: None, cluster.address)
    assert raised.value.values == {"path": missing}
    assert "Raster file not found" in str(raised.value)


def spectral_failing_block(path, block):
    from dataterra.rasterblocks import open_raster

    return open_raster(path)


def test_results_slower_to_send_than_the_cancel_polling_arrive_whole(cluster, monkeypatch):
    """Each block sends back 4 MB, and cancelling is checked every millisecond: waiting for a
    block must not interrupt its transfer (a result() with a timeout did, and later blocks then
    came back as None)."""
    monkeypatch.setattr(execution, "POLL_SECONDS", 0.001)
    out = run(cluster.address, list(range(12)), functools.partial(filled, 500_000))
    assert [block for block, _ in out] == list(range(12))
    for block, values in out:
        assert values is not None and values.shape == (500_000,) and values.min() == values.max() == block


def test_cancel_cancels_the_cluster_futures(cluster):
    done = []
    with pytest.raises(Cancelled):
        map_blocks(functools.partial(slow_square, 0.5), list(range(40)), lambda block, result: done.append(block),
                   cluster.address, is_cancelled=lambda: len(done) >= 2)
    assert len(done) == 2
    from distributed import Client

    with Client(cluster.address, set_as_default=False) as client:  # nothing of the run stays queued
        left = client.run_on_scheduler(lambda dask_scheduler: [
            key for key, task in dask_scheduler.tasks.items() if "slow_square" in str(key)
            and task.state in ("waiting", "processing", "queued", "no-worker")])
    assert left == []


def test_credentials_reach_the_workers_but_never_a_task_or_a_log(cluster, caplog):
    from distributed import Client

    seen_tasks = []

    def inspect_running_tasks(block, result):
        if block == 0:  # the other blocks are still queued or running: dump their task specs
            with Client(cluster.address, set_as_default=False) as client:
                seen_tasks.append(client.run_on_scheduler(_task_specs))

    results = []
    gdal.SetConfigOption("AWS_SECRET_ACCESS_KEY", SECRET)
    try:
        with caplog.at_level(logging.DEBUG):
            map_blocks(functools.partial(config_digest_slow, "AWS_SECRET_ACCESS_KEY"), list(range(6)),
                       lambda block, result: (inspect_running_tasks(block, result), results.append(result)),
                       cluster.address)
    finally:
        gdal.SetConfigOption("AWS_SECRET_ACCESS_KEY", None)
    expected = hashlib.sha256(SECRET.encode()).hexdigest()
    assert [digest for _, digest in results] == [expected] * 6  # every worker that ran a block had it
    assert seen_tasks and seen_tasks[0][0] > 0  # tasks were there to inspect
    assert SECRET.encode() not in seen_tasks[0][1]
    assert SECRET not in caplog.text
    assert SECRET not in cluster.logs()
    with Client(cluster.address, set_as_default=False) as client:  # forgotten after the run
        assert set(client.run(gdal.GetConfigOption, "AWS_SECRET_ACCESS_KEY").values()) == {None}
        assert execution.CREDENTIALS_PLUGIN not in client.run_on_scheduler(
            lambda dask_scheduler: list(dask_scheduler.worker_plugins))


def config_digest_slow(name, block):

    time.sleep(0.3)
    return config_digest(name, block)


def _task_specs(dask_scheduler):
    """(number of tasks, every task's key and serialised spec) on the scheduler."""
    import pickle

    dump = b""
    for key, task in dask_scheduler.tasks.items():
        dump += str(key).encode() + pickle.dumps(task.run_spec)
    return len(dask_scheduler.tasks), dump


def test_a_worker_killed_mid_run_is_replaced_and_the_result_is_complete(cluster):
    victim = cluster.add_worker("victim", nanny=False)
    from distributed import Client

    with Client(cluster.address, set_as_default=False) as client:
        client.wait_for_workers(3, timeout=120)
    results = []
    killed = threading.Event()

    def collect(block, result):
        results.append((block, result))
        if len(results) == 3 and not killed.is_set():
            os.killpg(victim.pid, signal.SIGKILL)  # the victim still holds blocks: they are recomputed
            killed.set()

    blocks = list(range(24))
    map_blocks(functools.partial(slow_square, 0.3), blocks, collect, cluster.address)
    assert killed.is_set() and victim.wait(10) is not None
    assert results == [(b, b * b) for b in blocks]


def test_a_block_that_kills_every_worker_fails_the_run_with_a_clear_message(cluster):
    from scale_blocks import die

    with pytest.raises(SchedulerError, match="Dask workers died repeatedly while computing block 1"):
        map_blocks(die, [0], lambda *_: None, cluster.address)


def test_cancelled_cluster_run_leaves_nothing_under_the_output_names(scene, cluster, tmp_path):
    model = spectral.fit_model(scene["path"], n_clusters=6, n_iter=3, n_components=3, seed=11)
    calls = []
    with pytest.raises(Cancelled):
        spectral.apply_model(model, scene["path"], str(tmp_path / "species.tif"), str(tmp_path / "pca.tif"),
                             block=32, scheduler=cluster.address, progress=calls.append,
                             is_cancelled=lambda: len(calls) >= 2)
    assert len(calls) == 2 and calls[-1] < 1.0  # cancelled after two blocks were written, before the last
    assert list(tmp_path.iterdir()) == []  # neither the outputs nor their temporary files
