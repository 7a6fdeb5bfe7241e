#!/usr/bin/env bash
# Compiles the generated Kotlin bindings with the Kotlin tests (kotlinc from the npm package
# kotlin-compiler, Debian's JDK and JNA) and runs them on the JVM against the debug library: the assessment
# vectors (VectorsTest.kt) and the lookup API (VerifyTest.kt).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
kotlinc="$here/kotlin/node_modules/kotlin-compiler/bin/kotlinc"
jna=/usr/share/java/jna.jar
build="$here/kotlin/build"
mkdir -p "$build"
"$kotlinc" -nowarn -cp "$jna" -include-runtime -d "$build/tests.jar" \
  "$here/generated/uniffi/hocba_mobile/hocba_mobile.kt" "$root"/tests/kotlin/*.kt "$here"/kotlin/src/*.kt
run() { java -Djna.library.path="$here/generated" -cp "$build/tests.jar:$jna" "$@" "$root"; }
run hocba.mobile.test.VectorsTestKt
run hocba.mobile.test.VerifyTestKt
