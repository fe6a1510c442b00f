"""Scores on the field's data sets, computed the way each data set's own metric defines them."""
