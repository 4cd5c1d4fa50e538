"""The national-scale benchmark: a network generator and a load driver for the pages."""
