// The lookup API from Kotlin on the JVM: the shared verification vectors (expected checks and the native
// report), one TrustStore shared by many threads, the verifier's policy, and bad input across the boundary. Same tiny runner as
// VectorsTest.kt: "ok"/"FAILED" per check, a summary line, exit code 1 on any failure.
package hocba.mobile.test

import hocba.testing.parseJson
import java.io.File
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import uniffi.hocba_mobile.CheckStatus
import uniffi.hocba_mobile.HocbaException
import uniffi.hocba_mobile.Language
import uniffi.hocba_mobile.TrustStore
import uniffi.hocba_mobile.Verdict
import uniffi.hocba_mobile.VerificationPolicy
import uniffi.hocba_mobile.VerificationResult
import uniffi.hocba_mobile.VerificationTime
import uniffi.hocba_mobile.displaySummary

lateinit var repo: File
val tests: File get() = File(repo, "tests")

/** JSON text of a parsed value, with every control character escaped (strings may hold new lines). */
fun jsonText(v: Any?): String = when (v) {
    null -> "null"
    is String -> buildString {
        append('"')
        for (c in v) when {
            c == '"' -> append("\\\"")
            c == '\\' -> append("\\\\")
            c < ' ' -> append("\\u%04x".format(c.code))
            else -> append(c)
        }
        append('"')
    }
    is Map<*, *> -> v.entries.joinToString(",", "{", "}") { jsonText(it.key) + ":" + jsonText(it.value) }
    is List<*> -> v.joinToString(",", "[", "]") { jsonText(it) }
    else -> v.toString()
}

class VerifyVector(val id: String, val input: Map<*, *>, val expected: Map<*, *>) {
    val now: String get() = input["now"] as String
    val envelope: ByteArray
        get() = ((input["envelope_text"] as? String) ?: jsonText(input["envelope"])).toByteArray(Charsets.UTF_8)
    val trustDir: File get() = File(tests, input["trust"] as String)
    val crlFiles: List<File> get() = (input["crls"] as List<*>).map { File(tests, it as String) }
    val statusList: ByteArray? get() = input["status_list"]?.let { jsonText(it).toByteArray(Charsets.UTF_8) }

    fun store(): TrustStore = TrustStore(
        trustDir.listFiles()!!.sortedBy { it.name }.map { it.readBytes() },
        crlFiles.map { it.readBytes() },
        statusList,
    )
}

fun verifyVectors(): List<VerifyVector> =
    File(tests, "vectors/verify").listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }.map {
        val v = parseJson(it.readText()) as Map<*, *>
        VerifyVector(v["id"] as String, v["input"] as Map<*, *>, v["expected"] as Map<*, *>)
    }

fun vector(id: String): VerifyVector = verifyVectors().first { it.id == id }

fun statusName(s: CheckStatus): String = s.name.lowercase()

fun nativeReport(v: VerifyVector, lang: String): Any? {
    val env = File.createTempFile("hocba-kt-envelope", ".json").apply { writeBytes(v.envelope); deleteOnExit() }
    val args = mutableListOf(
        File(repo, "target/debug/hocba").path, "verify", "--trust", v.trustDir.path, "--at", v.now,
        "--format", "json", "--lang", lang,
    )
    v.crlFiles.forEach { args += listOf("--crl", it.path) }
    v.statusList?.let { sl ->
        val f = File.createTempFile("hocba-kt-status", ".json").apply { writeBytes(sl); deleteOnExit() }
        args += listOf("--status", f.path)
    }
    args += env.path
    val p = ProcessBuilder(args).start()
    val out = p.inputStream.readBytes().toString(Charsets.UTF_8)
    p.errorStream.readBytes()
    p.waitFor()
    @Suppress("UNCHECKED_CAST")
    val report = parseJson(out) as MutableMap<String, Any?>
    // The only difference allowed: the CLI names the trust directory it read.
    (report["trust"] as? MutableMap<*, *>)?.remove("source")
    return report
}

fun sharedVectorsGiveTheExpectedChecksAndTheNativeReport() {
    val vectors = verifyVectors()
    check(vectors.size >= 30) { "only ${vectors.size} vectors" }
    val failures = ArrayList<String>()
    for (v in vectors) {
        val r = v.store().use { it.verify(v.envelope, VerificationTime.Rfc3339(v.now), Language.EN) }
        val got = r.checks.map { mapOf("id" to it.id, "status" to statusName(it.status), "code" to it.code) }
        if (r.verdict.name.lowercase() != v.expected["verdict"] || got != v.expected["checks"]) {
            failures.add("${v.id}: ${r.verdict} $got")
        }
        if (parseJson(r.reportJson) != nativeReport(v, "en")) failures.add("${v.id}: differs from native")
        if ((r.display != null) != ((parseJson(r.reportJson) as Map<*, *>).containsKey("record"))) {
            failures.add("${v.id}: display of an untrusted payload")
        }
    }
    check(failures.isEmpty()) { failures.joinToString("\n") }
}

fun vietnameseReportOfTheValidRecord() {
    val v = vector("valid-full")
    val r = v.store().use { it.verify(v.envelope, VerificationTime.UnixSeconds(1752105600L), Language.VI) }
    check(r.verdict == Verdict.VALID && r.verdictText == "HỢP LỆ") { r.verdictText }
    check(parseJson(r.reportJson) == nativeReport(v, "vi")) { "differs from native" }
    check(r.signers.map { it.roleName } == listOf("Giáo viên chủ nhiệm", "Hiệu trưởng", "Nhà trường (chữ ký số tổ chức)")) {
        r.signers.toString()
    }
    val d = r.display ?: error("no display for a valid record")
    check(d.studentName.value == "Nguyễn Thị Minh Anh" && d.dateOfBirth.value == "14/03/2009") { d.toString() }
    check(d.subjects.first { it.code == "toan" }.cells == listOf("9,3", "9,3", "9,3")) { d.subjects.toString() }
}

fun oneStoreSharedByEightThreads() {
    val ids = listOf("valid-full", "payload-changed-after-signing", "unknown-root", "revoked-after-signing")
    val base = vector("valid-full")
    val envelopes = ids.map { vector(it).envelope }
    val now = VerificationTime.Rfc3339(base.now)
    base.store().use { store ->
        val expected = envelopes.map { store.verify(it, now, Language.VI) }
        check(expected.map { it.verdict }.distinct().size == 2) { "the mix should hold valid and invalid records" }
        val pool = Executors.newFixedThreadPool(8)
        try {
            val workers = java.util.concurrent.ConcurrentHashMap.newKeySet<String>()
            val jobs = (0 until 200).map { i ->
                Callable {
                    workers.add(Thread.currentThread().name)
                    Pair(i % envelopes.size, store.verify(envelopes[i % envelopes.size], now, Language.VI))
                }
            }
            val results = pool.invokeAll(jobs).map { it.get() }
            val differing = results.count { (k, r: VerificationResult) -> r != expected[k] }
            check(results.size == 200 && differing == 0) { "$differing of ${results.size} concurrent results differ" }
            check(workers.size == 8) { "only ${workers.size} threads took part" }
        } finally {
            pool.shutdown()
            pool.awaitTermination(1, TimeUnit.MINUTES)
        }
    }
}

fun badEnvelopesAreInvalidFormatChecks() {
    val v = vector("valid-full")
    v.store().use { store ->
        val cases = listOf(
            ByteArray(0) to "empty_input",
            byteArrayOf(0xff.toByte(), 0xfe.toByte(), 0, 0x41) to "json_syntax",
            "garbage {[".toByteArray() to "json_syntax",
            ByteArray(20 * 1024 * 1024) { (it % 251).toByte() } to "input_too_large",
        )
        for ((bytes, code) in cases) {
            val r = store.verify(bytes, VerificationTime.Rfc3339(v.now), Language.EN)
            check(r.verdict == Verdict.INVALID && r.checks.map { it.id to it.code } == listOf("format" to code)) {
                "${bytes.size} bytes: ${r.checks}"
            }
            check(r.display == null) { "display of garbage" }
        }
    }
}

fun displaySummaryRefusesBadBytesWithTypedErrors() {
    val cases = listOf(
        ByteArray(0) to "empty_input",
        byteArrayOf(0xff.toByte(), 0xfe.toByte(), 0, 0x41) to "not_utf8",
        "garbage {[".toByteArray() to "json_syntax",
        "{\"format\":\"hocba.record/1\"}".toByteArray() to "record_shape",
    )
    for ((bytes, code) in cases) {
        try {
            displaySummary(bytes, Language.VI)
            error("${bytes.size} bytes accepted")
        } catch (e: HocbaException.InvalidInput) {
            check(e.code == code) { "${e.code} != $code" }
        }
    }
    try {
        displaySummary(ByteArray(20 * 1024 * 1024), Language.VI)
        error("20 MB accepted")
    } catch (e: HocbaException.InputTooLarge) {
        check(e.code == "input_too_large" && e.limit == 4UL * 1024UL * 1024UL) { e.toString() }
    }
}

fun badTrustDataAndBadTimeAreTypedErrors() {
    val root = File(tests, "pki/trust/root-gov.pem").readBytes()
    val badPem = "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n".toByteArray()
    val cases = listOf(
        Triple(listOf(badPem), listOf<ByteArray>(), "anchors[0]"),
        Triple(listOf(root, byteArrayOf(0xff.toByte(), 0xfe.toByte())), listOf(), "anchors[1]"),
        Triple(listOf(), listOf(), "anchors"),
        Triple(listOf(root), listOf("garbage".toByteArray()), "crls[0]"),
    )
    for ((anchors, crls, item) in cases) {
        try {
            TrustStore(anchors, crls, null).close()
            error("$item accepted")
        } catch (e: HocbaException.BadTrustData) {
            check(e.item == item && e.code.isNotEmpty()) { "${e.item} ${e.code}" }
        }
    }
    val v = vector("valid-full")
    v.store().use { store ->
        val times = listOf(
            VerificationTime.Rfc3339("hôm qua") to "time_malformed",
            VerificationTime.Rfc3339("") to "time_malformed",
            VerificationTime.UnixSeconds(-1L) to "time_out_of_range",
            VerificationTime.UnixSeconds(Long.MAX_VALUE) to "time_out_of_range",
        )
        for ((t, code) in times) {
            try {
                store.verify(v.envelope, t, Language.VI)
                error("$t accepted")
            } catch (e: HocbaException.BadTime) {
                check(e.code == code) { "${e.code} != $code" }
            }
        }
    }
}

fun qrStubOfThePrintedRecord() {
    val dir = File(repo, "examples/signed")
    val crls = File(dir, "crl").listFiles()!!.sortedBy { it.name }.map { it.readBytes() }
    val anchors = File(dir, "trust").listFiles()!!.sortedBy { it.name }.map { it.readBytes() }
    TrustStore(anchors, crls, File(dir, "valid.status.json").readBytes()).use { store ->
        val now = VerificationTime.Rfc3339("2025-07-10T00:00:00Z")
        val stub = File(dir, "valid.stub.txt").readText()
        val alone = store.verifyQr(stub, null, now, Language.VI)
        check(alone.verdict == Verdict.VALID && alone.claims?.schoolCode == "79000701" && alone.display == null) {
            alone.checks.toString()
        }
        val withRecord = store.verifyQr(stub, File(dir, "valid.json").readBytes(), now, Language.VI)
        check(withRecord.verdict == Verdict.VALID && withRecord.display?.studentName?.value == "Nguyễn Thị Minh Anh") {
            withRecord.checks.toString()
        }
        val other = store.verifyQr(stub, File(dir, "tampered.json").readBytes(), now, Language.VI)
        check(other.verdict == Verdict.INVALID && other.display == null) { other.checks.toString() }
        for (garbage in listOf("", "HB1:", "xin chào", "HB1:" + "A".repeat(100_000))) {
            val r = store.verifyQr(garbage, null, now, Language.EN)
            check(r.verdict == Verdict.INVALID && r.claims == null) { "${garbage.take(10)}: ${r.checks}" }
        }
    }
}

/** The demo store and record of examples/signed (samples.json's "valid"): certificates that name no
 * certificate policy, signatures without timestamps. */
fun demoStore(): Triple<TrustStore, ByteArray, VerificationTime> {
    val dir = File(repo, "examples/signed")
    val samples = parseJson(File(dir, "samples.json").readText()) as Map<*, *>
    val s = (samples["samples"] as List<*>).map { it as Map<*, *> }.first { it["name"] == "valid" }
    val store = TrustStore(
        (samples["trust"] as List<*>).map { File(dir, it as String).readBytes() },
        (s["crls"] as List<*>).map { File(dir, it as String).readBytes() },
        File(dir, s["status_list"] as String).readBytes(),
    )
    return Triple(store, File(dir, s["envelope"] as String).readBytes(), VerificationTime.Rfc3339(s["now"] as String))
}

fun verificationPolicyOfTheVerifier() {
    val (store, envelope, now) = demoStore()
    store.use {
        fun verify(p: VerificationPolicy) = store.verifyWithPolicy(envelope, now, Language.EN, p)
        fun failing(r: VerificationResult) = r.checks.filter { it.status != CheckStatus.VALID }.map { it.id to it.code }
        check(VerificationPolicy() == VerificationPolicy(false, false, false, 35u, null, false, false, false)) {
            "generated defaults: ${VerificationPolicy()}"
        }
        val default = verify(VerificationPolicy())
        check(default.verdict == Verdict.VALID) { failing(default).toString() }
        check(default == store.verify(envelope, now, Language.EN)) { "verify differs from the default policy" }

        val explicit = verify(VerificationPolicy(explicitPolicy = true))
        val path = explicit.checks.first { it.id == "signatures[0].path" }
        check(explicit.verdict == Verdict.INVALID && path.status == CheckStatus.INVALID && path.code == "policy_not_acceptable") {
            "${explicit.verdict} ${failing(explicit)}"
        }
        val acceptable = verify(VerificationPolicy(acceptablePolicies = listOf("2.16.704.1.1")))
        check(acceptable.verdict == Verdict.VALID) { failing(acceptable).toString() }
        val timestamps = verify(VerificationPolicy(requireTimestamp = true))
        check(timestamps.verdict != Verdict.VALID && timestamps.checks.count { it.code == "timestamp_absent" } == 3) {
            "${timestamps.verdict} ${failing(timestamps)}"
        }

        val stub = File(repo, "examples/signed/valid.stub.txt").readText()
        val qr = store.verifyQrWithPolicy(stub, null, now, Language.EN, VerificationPolicy(explicitPolicy = true))
        check(qr.verdict == Verdict.INVALID && qr.checks.any { it.id == "path" && it.code == "policy_not_acceptable" }) {
            qr.checks.toString()
        }
        check(store.verifyQrWithPolicy(stub, null, now, Language.EN, VerificationPolicy()) == store.verifyQr(stub, null, now, Language.EN)) {
            "verifyQr differs from the default policy"
        }

        for ((oids, lang) in listOf(listOf("vnpt-ca") to Language.VI, listOf("2.16.704.1.1", "vnpt-ca") to Language.EN, listOf<String>() to Language.EN)) {
            try {
                store.verifyWithPolicy(envelope, now, lang, VerificationPolicy(acceptablePolicies = oids))
                error("$oids accepted")
            } catch (e: HocbaException.InvalidInput) {
                check(e.code == "policy_option_invalid" && e.problems.size == 1) { "$oids: ${e.code} ${e.problems}" }
                check(oids.isEmpty() || e.detail.contains("`vnpt-ca`")) { e.detail }
            }
        }
    }
}

fun main(args: Array<String>) {
    repo = File(args.getOrElse(0) { "." }).canonicalFile
    val checks = listOf(
        "verification vectors: expected checks, identical to native" to ::sharedVectorsGiveTheExpectedChecksAndTheNativeReport,
        "valid record: Vietnamese report and summary" to ::vietnameseReportOfTheValidRecord,
        "one TrustStore, 8 threads, 200 verifications" to ::oneStoreSharedByEightThreads,
        "verify: garbage, empty, invalid UTF-8, 20 MB → invalid format check" to ::badEnvelopesAreInvalidFormatChecks,
        "displaySummary: bad bytes → typed errors" to ::displaySummaryRefusesBadBytesWithTypedErrors,
        "bad PEM, bad CRL, no anchor, bad time → typed errors" to ::badTrustDataAndBadTimeAreTypedErrors,
        "QR stub: alone, with its record, with another record, garbage" to ::qrStubOfThePrintedRecord,
        "VerificationPolicy: defaults, explicit policy, acceptable OID, timestamps, malformed OID" to ::verificationPolicyOfTheVerifier,
    )
    var failed = 0
    for ((name, check) in checks) {
        val start = System.nanoTime()
        try {
            check()
            println("ok - $name (${(System.nanoTime() - start) / 1_000_000} ms)")
        } catch (e: Throwable) {
            failed++
            println("FAILED - $name: ${e.message}")
        }
    }
    println("kotlin verify: ${checks.size - failed} passed, $failed failed")
    if (failed > 0) kotlin.system.exitProcess(1)
}
