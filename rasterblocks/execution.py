"""Where block-wise work runs: in this process, or on a Dask cluster.

A core says what one block computes (``function(block) -> result``, a module-level function
or a :func:`functools.partial` of one, reading its input from paths, never from open
datasets) and how results combine (``combine(block, result)``, called here, in the order of
the blocks, e.g. to write a window of the output). :func:`map_blocks` decides where
``function`` runs from one ``scheduler`` string:

* ``None`` or ``""``: in this process, one block after the other (no Dask import);
* ``"local:N"``: a Dask ``LocalCluster`` of N single-threaded worker processes, closed after
  the run, or kept for the next runs when :func:`keep_local_clusters` is on (the QGIS plugin:
  a chain of algorithms pays the start-up once);
* ``"tcp://host:port"`` (or ``tls://``): an existing Dask scheduler. Its workers read the
  inputs themselves: paths on a shared file system, or GDAL URLs (``/vsicurl/``,
  ``/vsis3/``). The GDAL credential options set in this process (:data:`CREDENTIAL_OPTIONS`)
  are given to each worker once, by a worker plugin (:class:`GdalCredentials`), never in a
  task: they do not appear in task graphs, and their ``repr`` hides the values.

Results are identical on every path: ``function`` is the same code on the same block, and
``combine`` runs in block order. At most ``2 × workers + 2`` blocks are in flight, so the
memory of this process stays bounded by the block size. A worker lost mid-run is replaced
by the scheduler, which recomputes its blocks on another worker (Dask's
``allowed-failures``, 3); when a block kills its workers every time the run fails with a
:class:`DataTerraError`. Cancelling cancels every pending future.
"""
import atexit
import contextlib
import importlib.util
import os
import shutil
import sys
import threading
from collections import deque

from .errors import QT_TRANSLATE_NOOP, DataTerraError, check_cancel

# GDAL configuration options that carry credentials or say where an object store is
CREDENTIAL_OPTIONS = (
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_S3_ENDPOINT", "AWS_REGION",
    "AWS_DEFAULT_REGION", "AWS_HTTPS", "AWS_VIRTUAL_HOSTING", "AWS_NO_SIGN_REQUEST", "GDAL_HTTP_USERPWD",
    "GDAL_HTTP_AUTH", "GDAL_HTTP_HEADERS", "GDAL_HTTP_BEARER", "GS_SECRET_ACCESS_KEY", "GS_ACCESS_KEY_ID",
    "AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_ACCESS_KEY", "SWIFT_AUTH_TOKEN",
)
INSTALL_HINT = QT_TRANSLATE_NOOP(
    "DataTerraError", "Running on a Dask cluster needs the Python packages dask and distributed, which are not "
    "installed. Install them (Debian/Ubuntu: sudo apt install python3-distributed; elsewhere: python3 -m pip "
    "install \"dask[distributed]\") and restart QGIS, or leave the Dask scheduler empty to run in this process.")
LOCAL_PREFIX = "local:"
REMOTE_PREFIXES = ("tcp://", "tls://")
CREDENTIALS_PLUGIN = "dataterra-gdal-credentials"
WORKER_START_TIMEOUT = 120  # seconds for a local cluster to start or a scheduler to answer
POLL_SECONDS = 0.2  # how often cancelling is checked while a block is computed
KEEP_SECONDS = 600.0  # a kept local cluster unused this long is closed (its workers hold memory)


class SchedulerError(DataTerraError):
    """A Dask scheduler that cannot be used (missing package, bad address, lost workers)."""


def dask_available() -> bool:
    """True when dask.distributed can be imported."""
    try:
        return importlib.util.find_spec("distributed") is not None and importlib.util.find_spec("dask") is not None
    except (ImportError, ValueError):
        return False


def parse_scheduler(scheduler):
    """``(kind, value)`` of a scheduler string: ``("inprocess", None)``, ``("local", workers)``
    or ``("remote", address)``; a malformed string is refused with the accepted forms."""
    text = (scheduler or "").strip()
    if not text:
        return "inprocess", None
    if text.startswith(LOCAL_PREFIX):
        count = text[len(LOCAL_PREFIX):]
        if count.isdigit() and int(count) >= 1:
            return "local", int(count)
    elif text.startswith(REMOTE_PREFIXES) and len(text) > 6:
        return "remote", text
    raise SchedulerError(QT_TRANSLATE_NOOP("DataTerraError", "Unknown Dask scheduler {scheduler!r}: leave it empty "
                                           "to run in this process, or give local:N (N worker processes on this "
                                           "computer) or the address of a scheduler, tcp://host:port."),
                         scheduler=text)


def map_blocks(function, blocks, combine, scheduler=None, progress=None, is_cancelled=None):
    """Compute ``function(block)`` for every block and pass each result to
    ``combine(block, result)`` in the order of ``blocks``.

    Parameters
    ----------
    function : callable
        What one block computes; must be picklable for a Dask scheduler.
    blocks : iterable
        Picklable descriptions of the blocks (windows, strips).
    combine : callable(block, result)
        Called in this process, in block order.
    scheduler : str, optional
        Where ``function`` runs (module doc); None or "" = in this process.
    progress : callable(fraction), optional
    is_cancelled : callable() -> bool, optional
        Checked between blocks; raises :class:`Cancelled`.
    """
    blocks = list(blocks)
    with contextlib.closing(imap_blocks(function, blocks, scheduler, is_cancelled)) as results:
        for number, (block, result) in enumerate(results):
            combine(block, result)
            del result  # not held while the next result arrives: one block's results can be large
            if progress is not None:
                progress((number + 1) / len(blocks))


def imap_blocks(function, blocks, scheduler=None, is_cancelled=None):
    """Yield ``(block, function(block))`` in the order of ``blocks``, computed where
    ``scheduler`` says; on a cluster the next blocks are computed while the caller uses one.

    Close the generator (``contextlib.closing``) when stopping early: pending blocks are
    cancelled and a local cluster is shut down.
    """
    kind, value = parse_scheduler(scheduler)
    if kind == "inprocess":
        for block in blocks:
            check_cancel(is_cancelled)
            yield block, function(block)
        return
    shared = _shared_client(scheduler)
    if shared is not None:
        yield from _results_from_cluster(shared, function, list(blocks), is_cancelled)
        return
    with dask_client(kind, value) as client:
        yield from _results_from_cluster(client, function, list(blocks), is_cancelled)


_SHARED = threading.local()  # (scheduler, client) of the enclosing sharing_one_cluster, per thread


@contextlib.contextmanager
def sharing_one_cluster(scheduler):
    """Within the block, every map on ``scheduler`` goes through one client: a core that maps
    several passes (the species count, then the windows) starts a local cluster, connects and
    registers the credentials once, not once per pass."""
    kind, value = parse_scheduler(scheduler)
    if kind == "inprocess" or _shared_client(scheduler) is not None:
        yield
        return
    with dask_client(kind, value) as client:
        _SHARED.run = (scheduler, client)
        try:
            yield
        finally:
            _SHARED.run = None


def _shared_client(scheduler):
    run = getattr(_SHARED, "run", None)
    return run[1] if run is not None and run[0] == scheduler else None


def _results_from_cluster(client, function, blocks, is_cancelled):
    from distributed.scheduler import KilledWorker

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = 2 * workers + 2
    pending = deque()
    submitted = 0
    try:
        for done, block in enumerate(blocks):
            while submitted < len(blocks) and len(pending) < window:
                # pure=False: a block is computed for this run even if an identical key exists
                pending.append(client.submit(function, blocks[submitted], pure=False))
                submitted += 1
            _wait_for(pending[0], is_cancelled)
            try:
                # fetched without a timeout: Future.result(timeout) interrupted in the middle of the
                # transfer leaves the client's shared gather cancelled, and a later result() of
                # another block then returns None (distributed 2022.12, loaded machine)
                result = pending[0].result()
            except KilledWorker as exc:
                raise SchedulerError(QT_TRANSLATE_NOOP(
                    "DataTerraError", "Dask workers died repeatedly while computing block {block} ({exc}): "
                    "nothing was written. Check the workers' memory limit and logs, or use smaller blocks."),
                    block=done + 1, exc=exc) from None
            pending.popleft()
            yield block, result
            result = None  # the caller has used it: not held while the next one arrives
    finally:
        if pending:
            client.cancel(list(pending), force=True)


def _wait_for(future, is_cancelled):
    """Return when ``future`` is finished (computed, failed or lost for good), checking for a
    cancel every :data:`POLL_SECONDS`; waiting moves no data."""
    check_cancel(is_cancelled)
    if future.done():
        return
    finished = threading.Event()
    future.add_done_callback(lambda _: finished.set())
    while not finished.wait(POLL_SECONDS):
        check_cancel(is_cancelled)


@contextlib.contextmanager
def dask_client(kind, value):
    """A ``distributed.Client`` on a new local cluster or an existing scheduler, closed after
    use; the GDAL credential options are registered on its workers."""
    if not dask_available():
        raise SchedulerError(INSTALL_HINT)
    from distributed import Client

    with contextlib.ExitStack() as stack:
        if kind == "local":
            give_back_environment = stack.enter_context(_this_process_environment_kept())
            stack.enter_context(_python_for_workers())  # for the whole run: a lost worker is restarted
            stack.enter_context(_local_cluster_config())
            address = stack.enter_context(_local_cluster(value))
            give_back_environment()  # now, and again after the run (a lost worker restarted meanwhile)
        else:
            address = value
        try:
            client = stack.enter_context(Client(address, timeout=WORKER_START_TIMEOUT, set_as_default=False))
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(QT_TRANSLATE_NOOP("DataTerraError", "Cannot reach the Dask scheduler {address} "
                                                   "({exc}). Check the address and that the scheduler runs."),
                                 address=value, exc=exc) from None
        if kind == "remote":
            _check_workers_import(client)
        credentials = GdalCredentials.from_this_process()
        if credentials.options:
            client.register_worker_plugin(credentials.plugin(), name=CREDENTIALS_PLUGIN)
            # removed after the run: the scheduler and the workers forget the credentials
            stack.callback(client.unregister_worker_plugin, CREDENTIALS_PLUGIN)
        yield client


def _start_local_cluster(workers):
    from distributed import LocalCluster

    # no dashboard; the scheduler's HTTP server (Dask always starts one) on any free loopback port:
    # on its default 8787 a second cluster warned that the port was in use
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}, silence_logs=40, host="127.0.0.1")


@contextlib.contextmanager
def _local_cluster(workers):
    """A local cluster of ``workers`` processes for one run: a new one closed after the run,
    or, when :func:`keep_local_clusters` is on, the kept one (started if needed)."""
    if not _KEPT.keeping:
        with _start_local_cluster(workers) as cluster:
            yield cluster
        return
    kept = _KEPT.acquire(workers)
    failed = True
    try:
        yield kept.cluster
        failed = False
    finally:
        # a failed or cancelled run may leave blocks running on the workers: the next run starts afresh
        _KEPT.release(kept, discard=failed)


class _KeptCluster:
    def __init__(self, workers, cluster):
        self.workers, self.cluster = workers, cluster
        self.users, self.discard, self.timer = 0, False, None

    def healthy(self):
        try:
            return (not self.discard and str(self.cluster.status.name) == "running"
                    and len(self.cluster.scheduler_info.get("workers", {})) == self.workers)
        except Exception:  # noqa: BLE001 (a cluster in any broken state is replaced)
            return False


class _KeptClusters:
    """Local clusters kept between runs (QGIS desktop): a chain of algorithms pays the
    cluster's start-up and the workers' imports once. One per worker count; closed after
    :data:`KEEP_SECONDS` unused, after a failed or cancelled run, and by
    :func:`close_local_clusters` (plugin unload, end of the process)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.keeping = False
        self.preload = ()
        self.clusters = {}
        self.exit_hook = False

    def acquire(self, workers):
        stale = None
        with self.lock:
            kept = self.clusters.get(workers)
            if kept is not None and not kept.healthy():
                stale, kept = self.clusters.pop(workers), None
                stale.discard = True
            if kept is None:
                kept = self.clusters[workers] = _KeptCluster(workers, _start_local_cluster(workers))
                _import_on_workers(kept.cluster, self.preload)
                if not self.exit_hook:
                    atexit.register(close_local_clusters)
                    self.exit_hook = True
            if kept.timer is not None:
                kept.timer.cancel()
                kept.timer = None
            kept.users += 1
        if stale is not None and stale.users == 0:
            _close_quietly(stale.cluster)
        return kept

    def release(self, kept, discard=False):
        with self.lock:
            kept.users -= 1
            kept.discard = kept.discard or discard or not self.keeping
            if kept.users > 0:
                return
            if not kept.discard:
                kept.timer = threading.Timer(KEEP_SECONDS, self.close_idle, (kept,))
                kept.timer.daemon = True
                kept.timer.start()
                return
            if self.clusters.get(kept.workers) is kept:
                del self.clusters[kept.workers]
        _close_quietly(kept.cluster)

    def close_idle(self, kept):
        with self.lock:
            if kept.users or self.clusters.get(kept.workers) is not kept:
                return
            del self.clusters[kept.workers]
        _close_quietly(kept.cluster)

    def close_all(self):
        with self.lock:
            idle = [kept for kept in self.clusters.values() if kept.users == 0]
            for kept in self.clusters.values():
                kept.discard = True  # a cluster in use is closed when its run ends
                if kept.timer is not None:
                    kept.timer.cancel()
            self.clusters.clear()
        for kept in idle:
            _close_quietly(kept.cluster)


def _import_on_workers(cluster, modules):
    """Import ``modules`` on the workers of a new kept cluster: later runs find them loaded
    (a module that cannot be imported there is left to the first block, which reports it)."""
    if not modules:
        return
    from distributed import Client

    with contextlib.suppress(Exception), Client(cluster, set_as_default=False) as client:
        client.run(_import_quietly, list(modules))


def _import_quietly(modules):
    for module in modules:
        with contextlib.suppress(ImportError):
            importlib.import_module(module)


def _close_quietly(cluster):
    with contextlib.suppress(Exception):
        cluster.close()


_KEPT = _KeptClusters()


def keep_local_clusters(keep=True, preload=()):
    """Keep ``local:N`` clusters between runs (``True``: what the QGIS plugin does) or start
    one per run (``False``, the default; the kept ones are closed). ``preload``: modules the
    workers of a kept cluster import when it starts (the cores a chain will run)."""
    _KEPT.keeping = bool(keep)
    _KEPT.preload = tuple(preload)
    if not keep:
        close_local_clusters()


def keeping_local_clusters():
    """Whether ``local:N`` clusters are kept between runs (:func:`keep_local_clusters`)."""
    return _KEPT.keeping


def close_local_clusters():
    """Close every kept local cluster (one in use is closed at the end of its run)."""
    _KEPT.close_all()


def kept_local_cluster_addresses():
    """Scheduler addresses of the kept local clusters (for tests and diagnostics)."""
    with _KEPT.lock:
        return {workers: kept.cluster.scheduler_address for workers, kept in _KEPT.clusters.items()}


# Dask's periodic chores of its worker processes (the statistical profiler every 10 ms, the event
# loop's tick every 20 ms, the system monitor every 0.5 s) wake a worker's main thread, which then
# takes the GIL and the core from the block being computed; on a local cluster nobody reads the
# profiles (no dashboard), and lz4 on loopback only costs CPU. Measured, dieback detection on
# 2 workers of 2 cores: 6.3 s instead of 6.8 s.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.comm.compression": None,
}


def _local_cluster_config():
    """Dask's configuration for a local cluster and its client: :data:`LOCAL_CLUSTER_CONFIG`,
    and the workers' environment without MALLOC_TRIM_THRESHOLD_: set from the environment,
    glibc's trim threshold turns off its dynamic mmap threshold, so every large numpy temporary
    is mapped and faulted in again (measured: 10 to 20 % more CPU time on the diversity strips)."""
    import dask

    environment = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environment.pop("MALLOC_TRIM_THRESHOLD_", None)
    return dask.config.set({**LOCAL_CLUSTER_CONFIG, "distributed.nanny.pre-spawn-environ": environment})


@contextlib.contextmanager
def _this_process_environment_kept():
    """Yield a function that gives this process's environment back as it was, called on exit too.

    Dask's nanny writes its workers' pre-spawn variables (``OMP_NUM_THREADS=1`` and the other
    thread limits) into the environment of the process that starts them, and leaves them
    there: QGIS, the in-process runs after the first cluster (scikit-learn's OpenMP reads it
    when it starts: labelling went from 1.65 cores to one) and every program QGIS starts
    afterwards would be limited to one thread."""
    import dask

    names = set(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    saved = {name: os.environ.get(name) for name in names}

    def give_back():
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    try:
        yield give_back
    finally:
        give_back()


@contextlib.contextmanager
def _python_for_workers():
    """Start worker processes with a Python interpreter: inside QGIS ``sys.executable`` is
    the qgis program, which multiprocessing's spawn would start instead."""
    import multiprocessing.spawn

    name = os.path.basename(sys.executable or "").lower()
    python = None if name.startswith("python") else _python_beside(sys.exec_prefix)
    if python is None:
        yield
        return
    previous = multiprocessing.spawn.get_executable()
    multiprocessing.set_executable(python)
    try:
        yield
    finally:
        multiprocessing.set_executable(previous)


def _python_beside(prefix):
    """The Python interpreter of the installation at ``prefix`` (QGIS's own), else the PATH's."""
    for candidate in (os.path.join(prefix, "bin", "python3"), os.path.join(prefix, "python.exe"),
                      os.path.join(prefix, "python3.exe")):
        if os.path.isfile(candidate):
            return candidate
    return shutil.which("python3") or shutil.which("python")


def _package_name():
    return __name__.split(".")[0]


def worker_modules():
    """The plugin's cores that run on Dask workers, and scikit-learn's module that labelling
    imports on first use: what a kept cluster's workers import when it starts."""
    package = _package_name()
    return tuple(f"{package}.{module}" for module in (
        "biodivmap.core.spectral", "biodivmap.core.diversity", "foresthealth.core.series",
        "fragscape.core.raster_mesh")) + ("sklearn.metrics",)


def _importable(package):
    return importlib.util.find_spec(package) is not None


def _check_workers_import(client):
    package = _package_name()
    answers = client.run(_importable, package)
    missing = [worker for worker, ok in answers.items() if not ok]
    if not answers or missing:
        raise SchedulerError(QT_TRANSLATE_NOOP("DataTerraError", "The Dask workers {workers} cannot import the "
                                               "plugin's package {package!r}: add the folder that contains it to "
                                               "their PYTHONPATH (see docs/scale.md)."),
                             workers=", ".join(missing) or "(none)", package=package)


class GdalCredentials:
    """GDAL configuration options (credentials, object-store endpoints) for the workers.

    The values never appear in clear in a ``repr``, a log line or a task: the options are
    sent once per worker by a worker plugin, which sets them with ``gdal.SetConfigOption``
    before any block runs.
    """

    def __init__(self, options):
        self.options = dict(options)

    @classmethod
    def from_this_process(cls, names=CREDENTIAL_OPTIONS):
        from osgeo import gdal

        found = {}
        for name in names:
            value = gdal.GetConfigOption(name)
            if value:
                found[name] = value
        return cls(found)

    def __repr__(self):
        return f"GdalCredentials({', '.join(sorted(self.options))}: values hidden)"

    __str__ = __repr__

    def apply(self, remove=False):
        """Set the options in this process's GDAL (unset them when ``remove``)."""
        from osgeo import gdal

        for name, value in self.options.items():
            gdal.SetConfigOption(name, None if remove else value)

    def plugin(self):
        """A distributed ``WorkerPlugin`` applying these options on every worker."""
        from distributed.diagnostics.plugin import WorkerPlugin

        credentials = self

        class _GdalCredentialsPlugin(WorkerPlugin):
            name = CREDENTIALS_PLUGIN

            def __init__(self):
                self.credentials = credentials

            def __repr__(self):
                return repr(self.credentials)

            def setup(self, worker):
                self.credentials.apply()

            def teardown(self, worker):
                self.credentials.apply(remove=True)

        return _GdalCredentialsPlugin()


__all__ = ["CREDENTIAL_OPTIONS", "GdalCredentials", "INSTALL_HINT", "SchedulerError", "close_local_clusters",
           "dask_available", "imap_blocks", "keep_local_clusters", "keeping_local_clusters", "map_blocks",
           "parse_scheduler", "sharing_one_cluster", "worker_modules"]
