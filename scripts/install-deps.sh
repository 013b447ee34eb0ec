#!/usr/bin/env bash
# Installs what the build and tests need, only what is missing: Debian packages (sudo when not
# root), then redis-py, pinned, in a virtualenv at .build/pyenv for the client tests.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(librocksdb-dev libuv1-dev pkg-config redis-server redis-tools python3 python3-venv)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: missing ${missing[*]}, and not root without sudo" >&2
    exit 1
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Tests/IntegrationTests/RedisPyProcessTests.swift expects exactly this version. Debian's own
# python3 makes the venv, so a python on PATH from elsewhere (pyenv) cannot change the result.
redis_py_version=5.0.8
pyenv=.build/pyenv
if ! "$pyenv/bin/python" -c "import redis, sys; sys.exit(redis.__version__ != '$redis_py_version')" 2>/dev/null; then
  echo "install-deps: installing redis-py $redis_py_version in $pyenv" >&2
  rm -rf "$pyenv"
  /usr/bin/python3 -m venv "$pyenv"
  "$pyenv/bin/pip" install --quiet --disable-pip-version-check "redis==$redis_py_version"
fi
