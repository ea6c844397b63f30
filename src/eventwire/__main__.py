"""`python -m eventwire`: the command line, for a checkout run without installing it."""

from eventwire.cli import main

if __name__ == "__main__":
    main()
