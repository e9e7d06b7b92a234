"""Every test runs without the user's own config file (``~/.config/cleaner/config.toml``): an empty config
folder for this process and the commands it starts, removed when the test run ends."""
import os
import tempfile

_CONFIG_HOME = tempfile.TemporaryDirectory(prefix="cleaner-tests-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME.name
