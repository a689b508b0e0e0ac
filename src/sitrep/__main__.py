"""`python -m sitrep ...` runs the command-line interface, like the `sitrep` script."""
from sitrep.cli import app

app(prog_name="sitrep")
