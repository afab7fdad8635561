#!/usr/bin/env bash
# Runs the pinned Bicep CLI (restored from NuGet by infra/tools/bicep.csproj), e.g.
#   scripts/bicep.sh lint infra/bicep/main.bicep
#   scripts/bicep.sh build infra/bicep/main.bicep --stdout
# With --path, prints where the binary is instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
project="$root/infra/tools/bicep.csproj"
version=$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' "$project")
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  dotnet restore "$project" --verbosity quiet >&2
fi
[ -x "$bicep" ] || chmod +x "$bicep"
if [ "${1:-}" = "--path" ]; then
  echo "$bicep"
  exit 0
fi
export BICEP_TELEMETRY_ENABLED=false
exec "$bicep" "$@"
