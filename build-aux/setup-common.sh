#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared set-up for build-aux/run and build-aux/test: installs the Debian 12
# packages that are missing (with sudo when not root), then configures and
# builds. Sourced, not run.

GLOSS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

GLOSS_BUILD_PACKAGES=(
  gcc pkg-config meson ninja-build gettext python3
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libsqlite3-dev libjson-glib-dev libsoup-3.0-dev glib-networking libpq-dev
  libsecret-1-dev
  libpoppler-glib-dev
  desktop-file-utils appstream fonts-dejavu-core librsvg2-common
)
GLOSS_TEST_PACKAGES=(xvfb xauth dbus libxml2-utils groff-base poppler-utils openssl
  at-spi2-core python3-pyatspi gir1.2-atspi-2.0 postgresql-15 gnome-keyring xdotool)

gloss_missing_packages () {
  local pkg missing=()
  for pkg in "$@"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]}"
}

gloss_install_packages () {
  local missing sudo=()
  missing=$(gloss_missing_packages "$@")
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "Gloss needs these Debian packages: $missing" >&2
    return 1
  fi
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing missing packages: $missing"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# gloss_build DIR [MESON_OPTION...]: configure once, then build.
gloss_build () {
  local dir=$1
  shift
  if [ ! -f "$GLOSS_TOP/$dir/build.ninja" ]; then
    meson setup "$GLOSS_TOP/$dir" "$GLOSS_TOP" "$@" || return 1
  else
    meson configure "$GLOSS_TOP/$dir" "$@" >/dev/null || return 1
  fi
  meson compile -C "$GLOSS_TOP/$dir"
}
