#!/bin/sh
# Validate netdesk's desktop entry and AppStream metainfo with the freedesktop tools.
# Needs Debian packages: desktop-file-utils (desktop-file-validate), appstream (appstreamcli).
# Exits non-zero when a tool is missing or a file does not validate.
set -u

APP_ID="io.github.netdesk.Netdesk"
HERE=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
status=0

for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "validate.sh: $tool not found (apt-get install desktop-file-utils appstream)" >&2
        exit 127
    fi
done

echo "== desktop-file-validate $APP_ID.desktop"
if ! desktop-file-validate "$HERE/$APP_ID.desktop"; then
    status=1
fi

echo "== appstreamcli validate --no-net $APP_ID.metainfo.xml"
if ! appstreamcli validate --no-net "$HERE/$APP_ID.metainfo.xml"; then
    status=1
fi

if [ "$status" -eq 0 ]; then
    echo "validate.sh: OK"
else
    echo "validate.sh: FAILED" >&2
fi
exit "$status"
