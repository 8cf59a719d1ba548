"""``python -m kit``: see ``kit.cli``."""

import sys

from .cli import main

sys.exit(main())
