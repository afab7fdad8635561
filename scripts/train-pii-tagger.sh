#!/usr/bin/env bash
# Trains the PII tagger (decision 048) on the gold sets listed in NearMiss.Tests/Pii/Data/tagger-sets.txt and writes
# the model the detector ships with, NearMiss.Core/Pii/Data/pii-tagger.bin. Run it after changing the sets, the word
# lists or the tagger's features; PiiTaggerTests fails until the model is made again.
set -euo pipefail
cd "$(dirname "$0")/.."
data=NearMiss.Tests/Pii/Data
mapfile -t sets < <(grep -v '^#' "$data/tagger-sets.txt" | grep . | sed "s|^|$data/|")
dotnet build NearMiss.Cli -c Release -v quiet -nologo
dotnet NearMiss.Cli/bin/Release/net10.0/nearmiss.dll pii train --out NearMiss.Core/Pii/Data/pii-tagger.bin "${sets[@]}"
