"""Entry script of the frozen programs: the same as the `cunwu` console script.

PyInstaller needs a script file; `desktop.cli:main` (pyproject.toml
`[project.scripts]`) is the entry point, as for `python -m desktop`.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
