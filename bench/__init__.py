"""Benchmarks (not tests): each module measures one area against DESIGN.md §10's budgets."""
