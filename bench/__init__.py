"""Benchmarks: each module prints measured figures (``python -m bench.<name>``)."""
