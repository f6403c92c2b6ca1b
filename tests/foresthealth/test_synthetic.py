"""Detection on seeded synthetic series (foresthealth.core.synthetic): clouds, shadows, gaps,
irregular dates and zones whose dieback starts at known dates."""
import numpy as np
import pytest

from dataterra.foresthealth.core import detection, export, series, synthetic


@pytest.fixture(scope="module")
def synthetic_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    truth = synthetic.synthetic_series(folder / "products", size=40, seed=3)
    state = folder / "state"
    plan = series.run(truth["folder"], state, series.IndexOptions(apply_source_mask=True), detection.Settings(),
                      block_size=16)
    return truth, plan, export.results(state, np.ones((40, 40), bool)), state


def test_cloudy_dates_dropped_and_gap_respected(synthetic_run):
    truth, plan, _, _ = synthetic_run
    assert sorted(plan.dropped) == sorted(truth["cloudy_dates"])
    assert truth["cloudy_dates"], "the seed should give some cloudy dates"
    assert plan.dates == [d for d in truth["dates"] if d not in truth["cloudy_dates"]]
    assert not [d for d in plan.dates if "2017-05-01" <= d <= "2017-07-15"]
    steps = np.diff([np.datetime64(d) for d in plan.dates]).astype(int)
    assert len(set(steps)) > 3  # irregular revisits


def test_onsets_found_and_healthy_pixels_left_alone(synthetic_run):
    truth, plan, res, _ = synthetic_run
    onset = truth["onset"]
    dieback = onset >= 0
    assert res.sufficient.all()
    assert res.state[dieback].all()
    assert not res.state[~dieback].any()
    days = np.array([detection.days_since_epoch(d) for d in plan.dates])
    detected = days[res.first_date]
    # the rise (0.35 over 60 days) passes the 0.16 threshold 27.4 days after the onset (± noise):
    # the first anomaly is the first kept date after that, or the next when a cloud hides it
    for start in np.unique(onset[dieback]):
        zone = onset == start
        after = days[days >= start + 60 * 0.16 / 0.35 - 5]
        assert set(detected[zone]) <= set(after[:3]), (start, sorted(set(detected[zone])), after[:3])
        assert np.median(detected[zone]) <= after[1]


def test_model_recovers_the_seasonal_cycle(synthetic_run):
    _, _, _, state = synthetic_run
    from osgeo import gdal
    coeffs = gdal.Open(str(state / "coeffs.tif")).ReadAsArray()
    # the generator's cycle: 0.06 cos(2πt/T) + 0.01 sin(4πt/T) around a base of 0.60 … 0.64
    assert np.all((coeffs[0] > 0.585) & (coeffs[0] < 0.655))
    assert np.median(coeffs[2]) == pytest.approx(0.06, abs=0.01)
    assert np.median(coeffs[3]) == pytest.approx(0.01, abs=0.005)
    assert np.median(np.abs(coeffs[1])) < 0.01 and np.median(np.abs(coeffs[4])) < 0.01


def test_confidence_of_confirmed_dieback(synthetic_run):
    _, _, res, _ = synthetic_run
    # a 0.35 rise against a 0.16 threshold: weighted-mean stress indices well above the threshold
    assert res.confidence_index[res.state].min() > 0.2
