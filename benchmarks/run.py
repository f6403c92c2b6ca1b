"""`make bench`: run every ``benchmarks/bench_*.py`` in its own process (so each measures
its own peak memory) and collect their Markdown tables into build/bench/results.md."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    sections, failed = [], []
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        if only not in script.stem:
            continue
        print(f"== {script.stem}", flush=True)
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        print(done.stdout, flush=True)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            failed.append(script.stem)
        sections.append(f"## {script.stem}\n\n{done.stdout}")
    (out / "results.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"Results: {out / 'results.md'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
