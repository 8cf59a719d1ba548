"""Make every kernel the tests start (nbval, nbclient) import this checkout's ``kit``.

Kernels inherit the environment: with the repository first on PYTHONPATH, a stray
``pip install -e`` of another copy cannot change what the notebooks compute.
"""

import os
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [ROOT, *[p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != ROOT]]
)
