"""Table models of the lists (one per list, each with its `Col` enum), over frozen rows read by
ops; sorting and filtering happen in proxies."""
