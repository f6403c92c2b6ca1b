"""Per-pixel harmonic model and dieback detection over one block, date by date.

Model (fordead): VI(t) = c1 + c2 sin(2πt/T) + c3 cos(2πt/T) + c4 sin(4πt/T) + c5 cos(4πt/T),
t = days since 2015-01-01, T = 365.25 days, fitted by least squares on the valid training
dates. The normal equations AᵀA c = Aᵀy are accumulated date by date (15 + 5 numbers and a
count per pixel), so memory does not grow with the number of dates.

Training rule: a pixel starts detecting at the first date on or after
``min_last_date_training`` at which it has more than ``nb_min_date`` valid dates (that date
included), at the latest ``max_last_date_training``; it is trained on the dates before. A
pixel that never qualifies has no model ("insufficient coverage").

Detection, per valid date: anomaly when sign × (VI − prediction) > threshold (strict).
Three successive anomalies confirm dieback (dated at the first), three successive normal
dates bring the pixel back to healthy; masked dates change nothing. Stress periods run
from the first anomaly of a confirmed series to the return to health; each accumulates
the differences (weighted 1, 2, 3 … in "weighted_mean" mode) and its number of dates.
"""
from dataclasses import dataclass, fields

import numpy as np

EPOCH = np.datetime64("2015-01-01")
PERIOD_DAYS = 365.25
N_COEFFS = 5
_UPPER = [(i, j) for i in range(N_COEFFS) for j in range(i, N_COEFFS)]  # the 15 entries of AᵀA


def days_since_epoch(date: str) -> int:
    return int((np.datetime64(date) - EPOCH).astype(int))


def harmonic_terms(date: str) -> np.ndarray:
    """The 5 regressors of a date, computed as fordead does (same operation order)."""
    t = days_since_epoch(date)
    return np.array([1, np.sin(2 * np.pi * t / 365.25), np.cos(2 * np.pi * t / 365.25),
                     np.sin(2 * 2 * np.pi * t / 365.25), np.cos(2 * 2 * np.pi * t / 365.25)])


def predict(coeffs: np.ndarray, terms: np.ndarray) -> np.ndarray:
    """c·a summed coefficient by coefficient from 0, as fordead's ``sum()`` does."""
    total = 0
    for k in range(N_COEFFS):
        total = total + coeffs[k] * terms[k]
    return total


def solve_normal_equations(ata: np.ndarray, atb: np.ndarray) -> np.ndarray:
    """(5, n) coefficients from (15, n) upper AᵀA entries and (5, n) Aᵀy.

    AᵀA is symmetric positive definite: a Cholesky factorisation vectorised over the pixels
    (a few dozen array operations instead of one LAPACK call per pixel).
    """
    full = [[None] * N_COEFFS for _ in range(N_COEFFS)]
    for k, (i, j) in enumerate(_UPPER):
        full[i][j] = full[j][i] = ata[k]
    lower = [[None] * N_COEFFS for _ in range(N_COEFFS)]
    with np.errstate(invalid="ignore", divide="ignore"):
        for j in range(N_COEFFS):
            diagonal = full[j][j] - sum(lower[j][k] ** 2 for k in range(j))
            lower[j][j] = np.sqrt(diagonal)
            for i in range(j + 1, N_COEFFS):
                lower[i][j] = (full[i][j] - sum(lower[i][k] * lower[j][k] for k in range(j))) / lower[j][j]
        y = []
        for i in range(N_COEFFS):
            y.append((atb[i] - sum(lower[i][k] * y[k] for k in range(i))) / lower[i][i])
        x = [None] * N_COEFFS
        for i in reversed(range(N_COEFFS)):
            x[i] = (y[i] - sum(lower[k][i] * x[k] for k in range(i + 1, N_COEFFS))) / lower[i][i]
    return np.array(x)


@dataclass
class Settings:
    """Detection parameters (fordead's names and defaults of its tutorial)."""

    nb_min_date: int = 10
    min_last_date_training: str = "2018-01-01"
    max_last_date_training: str = "2018-06-01"
    threshold_anomaly: float = 0.16
    max_nb_stress_periods: int = 5
    stress_index_mode: str = "weighted_mean"  # or "mean"
    sign: int = 1  # +1 when the index rises with dieback (CRSWIR), −1 when it falls


@dataclass
class BlockState:
    """Everything a block carries from one date to the next (saved between runs)."""

    n_valid: np.ndarray  # uint16: valid training dates so far
    ata: np.ndarray  # (15, h, w) float64
    atb: np.ndarray  # (5, h, w) float64
    phase: np.ndarray  # uint8: 0 training, 1 detecting, 2 no model (insufficient coverage)
    first_detection: np.ndarray  # uint16: index of the first detection date (0 = none)
    coeffs: np.ndarray  # (5, h, w) float64, NaN without model
    state: np.ndarray  # bool: dieback
    count: np.ndarray  # uint8: successive dates contradicting the state
    first_date: np.ndarray  # uint16: index of the first anomaly of the last state change
    first_date_unconfirmed: np.ndarray  # uint16
    nb_periods: np.ndarray  # uint8: closed stress periods
    dates: np.ndarray  # (2·max+1, h, w) uint16: indices of the state changes
    cum_diff: np.ndarray  # (max+1, h, w) float64
    nb_dates: np.ndarray  # (max+1, h, w) uint16

    @classmethod
    def empty(cls, shape, max_nb_stress_periods):
        h, w = shape
        periods = max_nb_stress_periods + 1
        return cls(
            n_valid=np.zeros(shape, np.uint16), ata=np.zeros((15, h, w)), atb=np.zeros((N_COEFFS, h, w)),
            phase=np.zeros(shape, np.uint8), first_detection=np.zeros(shape, np.uint16),
            coeffs=np.full((N_COEFFS, h, w), np.nan), state=np.zeros(shape, bool), count=np.zeros(shape, np.uint8),
            first_date=np.zeros(shape, np.uint16), first_date_unconfirmed=np.zeros(shape, np.uint16),
            nb_periods=np.zeros(shape, np.uint8), dates=np.zeros((2 * periods - 1, h, w), np.uint16),
            cum_diff=np.zeros((periods, h, w)), nb_dates=np.zeros((periods, h, w), np.uint16))

    def arrays(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def forget_finished_training(block: BlockState):
    """Zero the training sums of the pixels whose training is over (a model, or none): only
    pixels still training (phase 0) ever use them again. The state then compresses and travels
    in a fraction of the size."""
    finished = block.phase != 0
    block.ata[:, finished] = 0.0
    block.atb[:, finished] = 0.0


def train_step(block: BlockState, valid, vi, terms, date_index, may_start: bool, nb_min_date):
    """One date of the training phase; pixels that qualify get their model and start detecting.

    ``may_start``: the date is on or after the first date allowed to start detection.
    """
    training = block.phase == 0
    if not training.any():
        return
    count = block.n_valid + valid
    if may_start:
        starting = training & (count > nb_min_date)
        if starting.any():
            _start_detection(block, starting, date_index)
            training &= ~starting
    take = training & valid
    if take.any():
        # one regressor product at a time: the temporaries stay in the processor's cache
        weights, scratch = take.astype(np.float64), np.empty(take.shape)
        for k, (i, j) in enumerate(_UPPER):
            block.ata[k] += np.multiply(weights, terms[i] * terms[j], out=scratch)
        values = np.where(take, vi, 0.0)
        for i in range(N_COEFFS):
            block.atb[i] += np.multiply(values, terms[i], out=scratch)
        block.n_valid += take


def end_training(block: BlockState):
    """After ``max_last_date_training``: pixels still training have no model."""
    block.phase[block.phase == 0] = 2


def _start_detection(block, starting, date_index):
    block.phase[starting] = 1
    block.first_detection[starting] = date_index
    enough = starting & (block.n_valid > N_COEFFS)  # fordead leaves NaN with 5 dates or fewer
    if enough.any():
        block.coeffs[:, enough] = solve_normal_equations(block.ata[:, enough], block.atb[:, enough])


def detect_step(block: BlockState, masked, vi, terms, date_index, settings: Settings):
    """One detection date: anomalies, dieback state, stress periods (fordead's rules)."""
    detecting = block.phase == 1
    valid = detecting & ~masked
    with np.errstate(invalid="ignore"):
        difference = (vi - predict(block.coeffs, terms)) * settings.sign
        anomaly = valid & (difference > settings.threshold_anomaly)
    contradicts = valid & (anomaly != block.state)
    block.count = np.where(contradicts, block.count + 1, block.count).astype(np.uint8)
    block.count[valid & ~contradicts] = 0
    changing = block.count == 3
    block.state ^= changing
    block.first_date[changing] = block.first_date_unconfirmed[changing]
    block.count[changing] = 0
    block.first_date_unconfirmed[valid & (block.count == 1)] = date_index
    _stress_step(block, changing, valid, np.where(valid, difference, 0.0), settings)
    return anomaly


def _stress_step(block, changing, valid, difference, settings):
    """fordead's save_stress, on the pixels whose current period changes."""
    block.nb_periods += changing & ~block.state
    periods = block.cum_diff.shape[0]
    index = np.minimum(block.nb_periods, periods - 1).astype(np.intp)
    current_dates = np.take_along_axis(block.nb_dates, index[None], 0)[0]
    resting = (block.count == 0) & ~block.state
    # resting pixels with an empty current period stay as they are
    update = (block.nb_periods < periods) & (~resting | (current_dates != 0))
    if update.any():
        rows, cols = np.nonzero(update)
        period, rest = index[rows, cols], resting[rows, cols]
        nb_dates = np.where(rest, 0, current_dates[rows, cols] + valid[rows, cols]).astype(np.uint16)
        weight = nb_dates if settings.stress_index_mode == "weighted_mean" else 1
        cum_diff = np.where(rest, 0.0, block.cum_diff[period, rows, cols] + difference[rows, cols] * weight)
        block.nb_dates[period, rows, cols] = nb_dates
        block.cum_diff[period, rows, cols] = cum_diff
    change = block.nb_periods.astype(np.intp) * 2 + block.state  # 1-based number of this change
    write = changing & (change <= block.dates.shape[0])
    if write.any():
        rows, cols = np.nonzero(write)
        block.dates[change[rows, cols] - 1, rows, cols] = block.first_date[rows, cols]


def stress_index(cum_diff, nb_dates, mode):
    """Mean (or weighted mean: weights 1 … n summing to n(n+1)/2) of a period's differences."""
    with np.errstate(invalid="ignore", divide="ignore"):
        if mode == "weighted_mean":
            return cum_diff / (nb_dates * (nb_dates.astype(np.float64) + 1) / 2)
        return cum_diff / nb_dates


def current_period(block: BlockState, max_nb_stress_periods):
    """Index (0-based) of the period the confidence index reads, clamped as fordead does."""
    nb = block.nb_periods.astype(np.intp)
    return np.where(nb <= max_nb_stress_periods, nb, max_nb_stress_periods - 1)


def confidence(block: BlockState, settings: Settings):
    """(confidence index, number of dates) of the current period of each pixel."""
    index = current_period(block, settings.max_nb_stress_periods)
    rows, cols = np.indices(index.shape)
    nb_dates = block.nb_dates[index, rows, cols]
    return stress_index(block.cum_diff[index, rows, cols], nb_dates, settings.stress_index_mode), nb_dates


def confidence_class(index, nb_dates, thresholds):
    """Class number 0 … len(thresholds) by thresholds; a period of exactly 3 dates is class 0."""
    classes = np.digitize(index, np.asarray(thresholds, float)).astype(np.uint8)
    classes[nb_dates == 3] = 0
    return classes
