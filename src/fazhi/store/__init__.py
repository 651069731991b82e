"""The review workspace's storage: models, migrations, and the service every page and API call uses."""
