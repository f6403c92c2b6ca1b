"""Block functions the Dask tests send to workers (importable there: tests/support is on the
workers' PYTHONPATH)."""
import hashlib
import time

from osgeo import gdal


def slow_square(seconds, block):
    """block² after ``seconds``: long enough to kill a worker or cancel while blocks run."""
    time.sleep(seconds)
    return block * block


def config_digest(name, block):
    """(block, SHA-256 of the GDAL option ``name`` on the worker): proves the worker got the
    credential without sending it back in clear."""
    value = gdal.GetConfigOption(name) or ""
    return block, hashlib.sha256(value.encode()).hexdigest()


def die(block):
    """Kill the worker process that runs this block (a crash, an out-of-memory kill)."""
    import os

    os._exit(1)


def filled(values, block):
    """``values`` float64 numbers, all equal to ``block``: a result that takes time to send back."""
    import numpy as np

    return np.full(values, float(block))


def worker_pid(block):
    """(block, the pid of the process that computed it)."""
    import os

    return block, os.getpid()


def fail_on(bad, block):
    """block, or a ValueError for the block ``bad``."""
    if block == bad:
        raise ValueError(f"block {block} is bad")
    return block


def has_module(name, block):
    """(block, whether the module ``name`` is imported in the process that computed it)."""
    import sys

    return block, name in sys.modules
