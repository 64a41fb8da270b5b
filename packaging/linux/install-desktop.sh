#!/bin/sh
# Install netdesk's desktop integration: the .desktop entry, the AppStream metainfo and the
# icon, so that menus, docks and software centres show netdesk with its name and icon and offer
# it for vCard files.
#
# Where it installs (first match wins):
#   PREFIX=/usr/local   -> $PREFIX/share/...            (system-style, e.g. for distro packages)
#   XDG_DATA_HOME=DIR   -> DIR/...
#   default             -> $HOME/.local/share/...
# DESTDIR=/stage is prepended to every path (staged installs; caches are not refreshed then).
# NETDESK_EXEC=/abs/path/netdesk rewrites Exec= for a netdesk that is not on the session PATH
# (e.g. a virtualenv or pipx install).
#
# Usage: install-desktop.sh [--uninstall]
set -eu

APP_ID="io.github.netdesk.Netdesk"
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
ROOT=$(CDPATH='' cd -- "$HERE/../.." && pwd)

if [ -n "${PREFIX:-}" ]; then
    DATA_DIR="$PREFIX/share"
elif [ -n "${XDG_DATA_HOME:-}" ]; then
    DATA_DIR="$XDG_DATA_HOME"
else
    DATA_DIR="${HOME:?HOME is not set}/.local/share"
fi
DEST="${DESTDIR:-}$DATA_DIR"

APPS_DIR="$DEST/applications"
METAINFO_DIR="$DEST/metainfo"
ICONS_DIR="$DEST/icons/hicolor"
DESKTOP_FILE="$APPS_DIR/$APP_ID.desktop"
METAINFO_FILE="$METAINFO_DIR/$APP_ID.metainfo.xml"
ICON_FILE="$ICONS_DIR/scalable/apps/$APP_ID.svg"
SYMBOLIC_FILE="$ICONS_DIR/symbolic/apps/$APP_ID-symbolic.svg"

refresh_caches() {
    # Only for a live install: a staged tree (DESTDIR) is refreshed by the package manager.
    [ -z "${DESTDIR:-}" ] || return 0
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$APPS_DIR" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$ICONS_DIR" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DESKTOP_FILE" "$METAINFO_FILE" "$ICON_FILE" "$SYMBOLIC_FILE"
    refresh_caches
    echo "Removed netdesk desktop integration from $DEST"
    exit 0
elif [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

mkdir -p "$APPS_DIR" "$METAINFO_DIR" "$ICONS_DIR/scalable/apps"

if [ -n "${NETDESK_EXEC:-}" ]; then
    # Quote the path as the Desktop Entry spec asks, so spaces survive.
    sed "s|^Exec=netdesk |Exec=\"$NETDESK_EXEC\" |" "$HERE/$APP_ID.desktop" > "$DESKTOP_FILE"
    chmod 644 "$DESKTOP_FILE"
else
    install -m 644 "$HERE/$APP_ID.desktop" "$DESKTOP_FILE"
fi
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$METAINFO_FILE"
install -m 644 "$ROOT/resources/netdesk.svg" "$ICON_FILE"
if [ -f "$ROOT/resources/netdesk-symbolic.svg" ]; then
    mkdir -p "$ICONS_DIR/symbolic/apps"
    install -m 644 "$ROOT/resources/netdesk-symbolic.svg" "$SYMBOLIC_FILE"
fi

refresh_caches
echo "Installed netdesk desktop integration into $DEST"
