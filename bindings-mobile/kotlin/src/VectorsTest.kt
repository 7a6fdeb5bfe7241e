// The shared vectors and the boundary's failure modes, from Kotlin on the JVM through the uniffi bindings.
// A tiny runner (no test framework to download): each check prints ok / FAILED, the last line is the
// plain "N passed, N failed" summary, and the exit code is 1 when anything failed.
package hocba.mobile.test

import hocba.testing.compareExpected
import hocba.testing.loadVectors
import hocba.testing.parseJson
import hocba.testing.show
import java.io.File
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import uniffi.hocba_mobile.HocbaException
import uniffi.hocba_mobile.Language
import uniffi.hocba_mobile.assessJson
import uniffi.hocba_mobile.rulesVersion

lateinit var root: File

fun inputBytes(v: Map<*, *>): ByteArray =
    ((v["input_text"] as? String) ?: show(v["input"])).toByteArray(Charsets.UTF_8)

fun configBytes(v: Map<*, *>): ByteArray? = (v["config"] as? Map<*, *>)?.takeIf { it.isNotEmpty() }?.let { show(it).toByteArray() }

fun native(input: ByteArray, config: ByteArray?): Any? {
    val args = mutableListOf(File(root, "target/debug/hocba").path, "assess", "--format", "json", "-")
    if (config != null) {
        val f = File.createTempFile("hocba-kt-config", ".json").apply { writeBytes(config); deleteOnExit() }
        args.addAll(2, listOf("--config", f.path))
    }
    val p = ProcessBuilder(args).redirectErrorStream(false).start()
    p.outputStream.use { it.write(input) }
    val out = p.inputStream.readBytes().toString(Charsets.UTF_8)
    val err = p.errorStream.readBytes().toString(Charsets.UTF_8)
    check(p.waitFor() in 0..1 && out.isNotEmpty()) { "native hocba failed: $err" }
    return parseJson(out)
}

@Suppress("UNCHECKED_CAST")
fun field(v: Any?, k: String): Any? = (v as Map<String, Any?>)[k]

fun rulesVersionIsSemver() {
    check(Regex("^\\d+\\.\\d+\\.\\d+").containsMatchIn(rulesVersion())) { rulesVersion() }
}

fun assessmentVectorsMatchExpectedAndNative() {
    val vectors = loadVectors(File(root, "tests/vectors"), "assess")
    check(vectors.size >= 60) { "only ${vectors.size} vectors" }
    val failures = ArrayList<String>()
    for (v in vectors) {
        val out = parseJson(assessJson(inputBytes(v), configBytes(v), Language.VI))
        val mismatches = compareExpected(v["expected"] as Map<*, *>, field(out, "assessment"))
        if (mismatches.isNotEmpty()) failures.add("${v["id"]}: $mismatches")
        if (show(field(native(inputBytes(v), configBytes(v)), "assessment")) != show(field(out, "assessment"))) {
            failures.add("${v["id"]}: differs from native")
        }
    }
    check(failures.isEmpty()) { failures.joinToString("\n") }
}

fun errorVectorsGiveTheSameCodes() {
    val failures = ArrayList<String>()
    for (v in loadVectors(File(root, "tests/vectors"), "assess-errors")) {
        val want = (v["expected_errors"] as List<*>).map { field(it, "code") as String }
        try {
            assessJson(inputBytes(v), configBytes(v), Language.EN)
            failures.add("${v["id"]}: accepted")
        } catch (e: HocbaException.InvalidInput) {
            val got = e.problems.map { it.substringBefore(' ') }
            if (got != want || e.code != want[0]) failures.add("${v["id"]}: expected $want, got $got")
        }
    }
    check(failures.isEmpty()) { failures.joinToString("\n") }
}

fun badBytesAreTypedErrorsNotCrashes() {
    val blobs = listOf(
        ByteArray(0),
        byteArrayOf(0xff.toByte(), 0xfe.toByte(), 0, 0x41),        // invalid UTF-8
        "garbage {[".toByteArray(),
        ByteArray(20 * 1024 * 1024) { (it % 251).toByte() },        // a 20 MB blob
    )
    for (b in blobs) {
        try {
            assessJson(b, null, Language.VI)
            error("a ${b.size}-byte blob was accepted")
        } catch (e: HocbaException.InvalidInput) {
            check(e.code in setOf("empty_input", "json_syntax", "input_too_large")) { e.code }
        }
    }
}

fun concurrentCallsFromManyThreads() {
    val input = File(root, "examples/student-tt22-grade10.json").readBytes()
    val expected = assessJson(input, null, Language.VI)
    val pool = Executors.newFixedThreadPool(8)
    try {
        val results = pool.invokeAll((1..64).map { Callable { assessJson(input, null, Language.VI) } })
        check(results.all { it.get() == expected }) { "a concurrent result differs" }
    } finally {
        pool.shutdown()
    }
}

fun main(args: Array<String>) {
    root = File(args.getOrElse(0) { "." }).canonicalFile
    val checks = listOf(
        "rules version" to ::rulesVersionIsSemver,
        "assessment vectors: expected values, identical to native" to ::assessmentVectorsMatchExpectedAndNative,
        "error vectors: same codes" to ::errorVectorsGiveTheSameCodes,
        "bad bytes: typed errors, no crash" to ::badBytesAreTypedErrorsNotCrashes,
        "64 concurrent calls from 8 threads" to ::concurrentCallsFromManyThreads,
    )
    var failed = 0
    for ((name, check) in checks) {
        try {
            check()
            println("ok - $name")
        } catch (e: Throwable) {
            failed++
            println("FAILED - $name: ${e.message}")
        }
    }
    println("kotlin: ${checks.size - failed} passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}
