"""The performance benchmark of the portal: ``make bench``, described in docs/performance.md."""
