#!/bin/sh
# Starts Arena from this folder: the day's data stays in ./data, tablets on the venue network reach this machine on
# port 5080, and the admin page opens in the browser. Ctrl+C stops it; everything acknowledged is already on disk.
# Extra arguments are passed on, e.g. ./start-arena.sh --Arena:Https self-signed
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1
exec "$here/Arena.Silo" --urls http://0.0.0.0:5080 --Arena:DataDir "$here/data" --Arena:OpenBrowser true "$@"
