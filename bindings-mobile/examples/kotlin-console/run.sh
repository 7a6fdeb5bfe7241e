#!/usr/bin/env bash
# Compiles and runs the Kotlin console example against the generated bindings and the debug library
# (run bindings-mobile/scripts/generate.sh first), on the demo bundle examples/signed/. Arguments: sample
# names to run (default: valid and tampered). The output is checked in CI by scripts/test.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mobile="$(cd "$here/../.." && pwd)"
root="$(cd "$mobile/.." && pwd)"
kotlinc="$mobile/kotlin/node_modules/kotlin-compiler/bin/kotlinc"
jna=/usr/share/java/jna.jar
build="$mobile/kotlin/build"
mkdir -p "$build"
# The JSON reader of the test harness stands in for the app's JSON library.
"$kotlinc" -nowarn -cp "$jna" -include-runtime -d "$build/example.jar" \
  "$mobile/generated/uniffi/hocba_mobile/hocba_mobile.kt" "$root/tests/kotlin/Json.kt" "$here"/src/*.kt
[ $# -gt 0 ] || set -- valid tampered
java -Djna.library.path="$mobile/generated" -cp "$build/example.jar:$jna" hocba.example.MainKt \
  "$root/examples/signed" "$@"
