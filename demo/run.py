"""`make demo`: run every demo step headless on the bundled Clermontais sample data.

Each ``demo/step_*.py`` defines ``TITLE`` and ``run(ctx)``; steps run in file-name order,
each writing into its own sub-folder of the output folder, which is printed at the end.
"""
import argparse
import importlib.util
import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "demo"))
import bootstrap  # noqa: E402  (makes `import dataterra` work and starts QGIS)


@dataclass
class DemoContext:
    """What a step gets: where to write, the sample data, Processing feedback, a logger."""

    output: Path
    sample: dict
    feedback: object
    shared: dict = field(default_factory=dict)  # results a later step may reuse

    def log(self, message):
        print(f"    {message}", flush=True)


def load_steps():
    steps = []
    for path in sorted((ROOT / "demo").glob("step_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        steps.append((path.stem, module))
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="build/demo")
    parser.add_argument("--only", help="run only the steps whose name contains this text")
    args = parser.parse_args()
    output = Path(args.output).resolve()
    output.mkdir(parents=True, exist_ok=True)
    bootstrap.start_qgis()
    from qgis.core import QgsProcessingFeedback

    shared, failures = {}, []
    for name, module in load_steps():
        if args.only and args.only not in name:
            continue
        print(f"== {module.TITLE}", flush=True)
        step_dir = output / name.removeprefix("step_")
        step_dir.mkdir(exist_ok=True)
        ctx = DemoContext(step_dir, bootstrap.SAMPLE, QgsProcessingFeedback(), shared)
        started = time.perf_counter()
        try:
            written = module.run(ctx) or []
        except Exception:  # noqa: BLE001 - report every failing step, then fail
            traceback.print_exc()
            failures.append(name)
            continue
        for path in written:
            print(f"    wrote {Path(path).relative_to(output)}")
        print(f"    ({time.perf_counter() - started:.1f} s)")
    print(f"\nDemo outputs are in: {output}")
    if failures:
        print("Failed steps: " + ", ".join(failures), file=sys.stderr)
        sys.exit(1)
    os._exit(0)  # skip QGIS's slow teardown


if __name__ == "__main__":
    main()
