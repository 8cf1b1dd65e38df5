#!/bin/sh
# macOS: double-click opens this in Terminal and starts Arena from this folder (see start-arena.sh).
exec "$(dirname "$0")/start-arena.sh" "$@"
