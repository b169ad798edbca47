"""Multi-step flows of the desktop app (first run, unlock), as plain classes without Qt.

The widgets only render a flow's current step and call its methods; the blocking parts (key
derivation, creating or opening a vault) are handed out as jobs that the widgets run on the task
runner's worker. Nothing here imports PySide6, so the flows are tested on their own.
"""
