"""`python -m tuitrainer` is the same as the `tuitrainer` command."""

import sys

from .cli import main

sys.exit(main())
