"""Reports over the local store: the programme's indicators and the CSV/XLSX exports."""
