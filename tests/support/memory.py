"""Peak resident memory growth of the test process while a block runs (Qt's allocations
included, which tracemalloc cannot see): /proc/self/statm sampled every 2 ms."""
import os
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def resident_bytes():
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE


class PeakGrowth:
    """``with PeakGrowth() as peak: ...`` then ``peak.bytes``: the largest RSS seen during
    the block minus the RSS at its start."""

    def __enter__(self):
        self.start = self.peak = resident_bytes()
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, resident_bytes())
            time.sleep(0.002)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()
        self.peak = max(self.peak, resident_bytes())

    @property
    def bytes(self):
        return self.peak - self.start
