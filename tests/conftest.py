"""Every test runs without the user's own config file (``~/.config/cleaner/config.toml``): an empty config
folder for this process and the commands it starts."""
import os
import tempfile

os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cleaner-tests-config-")
