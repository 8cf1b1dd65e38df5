#!/usr/bin/env bash
# Self-contained releases: ./publish.sh [RID ...] (default: win-x64 linux-x64 osx-arm64) writes one folder per
# platform, artifacts/arena-<RID>/, that runs without the .NET SDK or Node.js, and a zip of it beside. Each folder
# holds the program, the runtime, the pages with the SignalR client, and the platform's start script
# (Start Arena.cmd / start-arena.sh / Start Arena.command). Building it needs the SDK and npm, as any build does.
set -euo pipefail
cd "$(dirname "$0")"
rids=("$@")
[ ${#rids[@]} -eq 0 ] && rids=(win-x64 linux-x64 osx-arm64)
for rid in "${rids[@]}"; do
  [ -f "silo/Properties/PublishProfiles/$rid.pubxml" ] || { echo "publish.sh: no profile for $rid (silo/Properties/PublishProfiles)" >&2; exit 2; }
  out="artifacts/arena-$rid"
  rm -rf "$out" "$out.zip"
  dotnet publish silo/Arena.Silo.csproj -p:PublishProfile="$rid" -nologo -v quiet -clp:ErrorsOnly
  if [ "${ARENA_PUBLISH_ZIP:-1}" = 1 ] && command -v zip >/dev/null; then
    (cd artifacts && zip -qr "arena-$rid.zip" "arena-$rid")
  fi
  echo "publish.sh: $out ($(du -sh "$out" | cut -f1))"
done
