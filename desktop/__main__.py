"""`python -m desktop` behaves like the `cunwu` command."""

import sys

from desktop.cli import main

sys.exit(main())
