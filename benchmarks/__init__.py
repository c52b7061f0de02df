"""Benchmarks for Shuttle: ``python benchmarks/run.py`` prints the table (see README)."""
