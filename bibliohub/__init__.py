"""BiblioHub: the shared, self-hosted workspace of a library network."""
