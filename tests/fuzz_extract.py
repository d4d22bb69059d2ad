"""Fuzz extraction for as long as you like: tests/test_extract_property.py with many random examples.

    .venv/bin/python tests/fuzz_extract.py --examples 100000            # both properties
    .venv/bin/python tests/fuzz_extract.py --examples 5000 -k mutated   # only the mutated seed articles

CI runs the same properties over a few hundred fixed examples; here every run draws new ones. The
first failure stops the run, and hypothesis prints the smallest article it found that fails, with a
`@reproduce_failure` line to replay it. A few examples a second on one core.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

PROPERTIES = Path(__file__).resolve().parent / "test_extract_property.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=10_000, help="examples per property (default 10000)")
    parser.add_argument("-k", dest="keyword", default="", help="run only the properties whose name has this")
    arguments = parser.parse_args()
    environment = {**os.environ, "NEWSGRAPH_FUZZ_EXAMPLES": str(arguments.examples), "NEWSGRAPH_FUZZ_RANDOM": "1"}
    command = [sys.executable, "-m", "pytest", str(PROPERTIES), "-x", "-q", "-p", "no:cacheprovider",
               "--hypothesis-show-statistics", *(["-k", arguments.keyword] if arguments.keyword else [])]
    return subprocess.run(command, env=environment, cwd=PROPERTIES.parents[1], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
