"""tidings report: one self-contained HTML file on a dyad, to read offline and to print."""
