"""The demo network of the seeds: real organisations, invented people, hours dated from today."""
