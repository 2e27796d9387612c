# Sourced by the environment/ scripts: where things live. Safe to source from a user shell too:
#   source environment/env.sh && jupyter kernelspec list
GAN4J_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GAN4J_HOME

# Debian's Jupyter packages are only visible to the system interpreter; a pyenv/venv python3 on PATH
# would not see them.
export GAN4J_PYTHON="${GAN4J_PYTHON:-/usr/bin/python3}"

# Project-local Jupyter directories: nothing is written to the user's ~/.jupyter or ~/.local unless
# environment/setup --user is asked for.
export JUPYTER_PATH="$GAN4J_HOME/build/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export JUPYTER_DATA_DIR="$GAN4J_HOME/build/jupyter-data"
export JUPYTER_CONFIG_DIR="$GAN4J_HOME/build/jupyter-config"
export JUPYTER_RUNTIME_DIR="$GAN4J_HOME/build/jupyter-runtime"

# Debian packages the project needs, and the Debian location of the full Fashion-MNIST.
GAN4J_DEBIAN_PACKAGES=(jupyter-notebook python3-nbclient jupyter-nbconvert jupyter-client
  python3-jupyter-kernel-test dataset-fashion-mnist jupyter-nbextension-jupyter-js-widgets)
# only for environment/test: the real-browser widget test (skipped with a message where they cannot be installed)
GAN4J_TEST_PACKAGES=(chromium chromium-driver python3-selenium)
GAN4J_KERNEL_DIST="$GAN4J_HOME/library/kernel/target/dist/lib"

# The native runtime settings of gan4j's JVMs (environment/native.env); a value already in the environment wins.
# GAN4J_NATIVE_SET lists the names set here (environment/benchmark runs PyTorch without them).
GAN4J_NATIVE_SET=()
while IFS='=' read -r gan4j_key gan4j_value; do
  case "$gan4j_key" in ''|'#'*) continue ;; esac
  if [ -z "${!gan4j_key+x}" ]; then
    export "$gan4j_key=$gan4j_value"
    GAN4J_NATIVE_SET+=("$gan4j_key")
  fi
done < "$GAN4J_HOME/environment/native.env"
unset gan4j_key gan4j_value

gan4j_log() { printf '\033[1m[gan4j]\033[0m %s\n' "$*" >&2; }
gan4j_die() { printf '\033[1;31m[gan4j] error:\033[0m %s\n' "$*" >&2; exit 1; }
