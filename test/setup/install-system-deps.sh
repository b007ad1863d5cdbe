#!/usr/bin/env bash
# Installs the Debian packages the test suite drives (real browsers and what they need, Redis and
# nginx for the scale-out tests, openssl for TLS certificates), only when something is missing.
# Needs root (or sudo) and apt; on other systems it names what to install.
set -euo pipefail

packages=(chromium firefox-esr webkit2gtk-driver xvfb xauth pulseaudio pulseaudio-utils redis-server nginx openssl)
commands=(chromium firefox-esr WebKitWebDriver Xvfb xauth pulseaudio pactl redis-server nginx openssl)

missing=()
for i in "${!commands[@]}"; do
  command -v "${commands[$i]}" >/dev/null 2>&1 || missing+=("${packages[$i]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Tapedeck's browser tests need these Debian packages (or your system's equivalents): ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} …"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
