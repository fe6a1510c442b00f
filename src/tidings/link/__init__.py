"""Reports linked across the store: near-duplicate report families, event clusters, dyad series."""
