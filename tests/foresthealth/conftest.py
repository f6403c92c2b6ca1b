"""Fixtures of the forest-health tests: the shared THEIA series written back to its folder
layout from tests/data/foresthealth/series.npz, and the detection runs A and B on it."""
import json
from pathlib import Path

import numpy as np
import pytest

from dataterra.foresthealth.core import detection, series
from dataterra.foresthealth.core.synthetic import write_theia_series

DATA = Path(__file__).resolve().parent.parent / "data" / "foresthealth"


@pytest.fixture(scope="session")
def shared_series(tmp_path_factory):
    """The 60 × 60 px, 165-date series of ../shared/data/fordead/series/study_area."""
    data = np.load(DATA / "series.npz")
    folder = tmp_path_factory.mktemp("fordead_series") / "study_area"
    return write_theia_series(folder, [str(n) for n in data["names"]], data["bands10"], data["bands20"],
                              data["clm"], data["geotransform"], int(data["epsg"]))


@pytest.fixture(scope="session")
def fordead_data():
    """tests/data/foresthealth: fordead's reference outputs and the series they come from."""
    return DATA


def reference_run(run):
    return json.loads((DATA / f"ref_{run}_run.json").read_text())["parameters"]


def options_of(parameters):
    """The plugin's options for a fordead run's parameters (fordead's defaults for the rest)."""
    return series.IndexOptions(
        vi=parameters["vi"], mask_formula=parameters["formula_mask"], soil_detection=parameters["soil_detection"],
        apply_source_mask=parameters["apply_source_mask"], cloud_limit=parameters["lim_perc_cloud"],
        start_date=parameters["start_date_train"])


def settings_of(parameters):
    return detection.Settings(
        nb_min_date=parameters["nb_min_date"], min_last_date_training=parameters["min_last_date_training"],
        max_last_date_training=parameters["max_last_date_training"],
        threshold_anomaly=parameters["threshold_anomaly"], max_nb_stress_periods=parameters["max_nb_stress_periods"],
        stress_index_mode=parameters["stress_index_mode"])


class Recorder:
    """Keeps each date's mask and anomalies of a run (whole window, assembled from blocks)."""

    def __init__(self, shape):
        self.shape = shape
        self.masks, self.anomalies = {}, {}

    def __call__(self, date_index, date, block, vi, mask, anomaly):
        self.masks.setdefault(date, np.zeros(self.shape, bool))[block.row:block.row + block.height,
                                                                block.col:block.col + block.width] = mask
        if anomaly is not None:
            self.anomalies.setdefault(date, np.zeros(self.shape, bool))[
                block.row:block.row + block.height, block.col:block.col + block.width] = anomaly


def run_reference(series_folder, out, run, block_size=512, until=None, **changes):
    parameters = reference_run(run)
    options = options_of(parameters)
    for key, value in changes.items():
        setattr(options, key, value)
    recorder = Recorder((60, 60))
    plan = series.run(series_folder, out, options, settings_of(parameters), block_size=block_size, on_date=recorder,
                      until=until)
    return plan, recorder


@pytest.fixture(scope="session")
def reference_runner():
    """``run_reference(series_folder, out, "A" or "B", block_size, **option_changes)``."""
    return run_reference


@pytest.fixture(scope="session")
def run_a(shared_series, tmp_path_factory):
    out = tmp_path_factory.mktemp("run_a") / "state"
    plan, recorder = run_reference(shared_series, out, "A", block_size=25)  # several blocks on purpose
    return out, plan, recorder


@pytest.fixture(scope="session")
def run_b(shared_series, tmp_path_factory):
    out = tmp_path_factory.mktemp("run_b") / "state"
    plan, recorder = run_reference(shared_series, out, "B", block_size=25)
    return out, plan, recorder
