"""Files fazhi hands out: the indicator and corpus tables (XLSX, CSV) and the review sheet (DOCX).

Builders take rows or a report view (what the CLI or a service call returned) and give bytes or text; nothing
here touches the database. `labels` holds the Chinese labels of the workspace's closed sets.
"""
