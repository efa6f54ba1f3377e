"""Build articles.jsonl and gold.jsonl from part*.txt with the first held-out set's script
(``tests/data/quotes_unseen/build/build.py``), which this set was built with unchanged."""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.argv = [sys.argv[0], str(HERE)]
runpy.run_path(str(HERE.parents[1] / "quotes_unseen" / "build" / "build.py"), run_name="__main__")
