"""A benchmark of the build against plain Pelican on synthetic content; see run.py."""
