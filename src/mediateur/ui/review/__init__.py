"""The managers' Revue page: contact log and review, indicators, exports, devices, conflict log
and merges of duplicates."""
