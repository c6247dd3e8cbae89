"""``python -m mlpstudio`` and the ``mlpstudio`` console script."""

import sys


def main() -> int:
    from .startup import pause

    pause()  # resumed once the window is shown, or before a command runs (mlpstudio.startup)
    from .cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
