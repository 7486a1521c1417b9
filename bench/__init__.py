"""The benchmark suite behind ``make bench``: each figure next to its limit, in one table."""
