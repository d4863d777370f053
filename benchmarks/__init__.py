"""Benchmarks (not tests): synthetic registers and timed runs, printed as figures."""
