// What the parent lookup app does, as a JVM console program: load the demo trust store once (anchors,
// CRLs, the school's status list), verify signed records at a given time, and show the verdict and the
// record in Vietnamese. Run by ../run.sh; see bindings-mobile/README.md.
//
// The app decides where the time comes from (here the time each sample is meant to be checked at, from
// samples.json; an app uses the phone's clock, `VerificationTime.UnixSeconds(System.currentTimeMillis() / 1000)`).
package hocba.example

import hocba.testing.parseJson
import java.io.File
import uniffi.hocba_mobile.CheckStatus
import uniffi.hocba_mobile.HocbaException
import uniffi.hocba_mobile.Language
import uniffi.hocba_mobile.RecordDisplay
import uniffi.hocba_mobile.TrustStore
import uniffi.hocba_mobile.VerificationResult
import uniffi.hocba_mobile.VerificationTime

fun mark(s: CheckStatus): String = when (s) {
    CheckStatus.VALID -> "✓"
    CheckStatus.INVALID -> "✗"
    CheckStatus.SKIPPED -> "–"
    CheckStatus.ERROR -> "?"
}

fun printSummary(d: RecordDisplay) {
    for (f in listOf(d.studentName, d.dateOfBirth, d.className, d.school, d.schoolYear)) {
        println("  ${f.label}: ${f.value}")
    }
    println()
    val widths = d.subjectColumns.indices.map { i ->
        maxOf(d.subjectColumns[i].length, d.subjects.maxOfOrNull { if (i == 0) it.name.length else it.cells[i - 1].length } ?: 0)
    }
    fun row(cells: List<String>) = println("  " + cells.mapIndexed { i, c -> c.padEnd(widths[i]) }.joinToString(" │ ").trimEnd())
    row(d.subjectColumns)
    for (s in d.subjects) row(listOf(s.name) + s.cells)
    println()
    for (f in listOfNotNull(d.learning, d.conduct, d.promotion, d.programmeCompleted, d.title, d.absences)) {
        println("  ${f.label}: ${f.value}")
    }
    if (d.awards.isNotEmpty()) println("  Khen thưởng: ${d.awards.joinToString("; ")}")
}

fun printResult(r: VerificationResult) {
    println("Kết quả kiểm tra học bạ số: ${r.verdictText}")
    val d = r.display
    if (d != null) {
        printSummary(d)
    } else {
        println("  Nội dung hồ sơ không được hiển thị vì chữ ký, giá trị băm hoặc trạng thái không cho phép tin cậy.")
    }
    println("  Người ký:")
    for (s in r.signers) {
        println("    ${s.index + 1u}. ${s.roleName ?: s.role ?: "?"}: ${s.name ?: "?"} — ${if (s.valid) "hợp lệ" else "có vấn đề"}")
    }
    val failing = r.checks.filter { it.status == CheckStatus.INVALID || it.status == CheckStatus.ERROR }
    println("  Kiểm tra không đạt: ${if (failing.isEmpty()) "không có (${r.checks.size} kiểm tra đều đạt hoặc không áp dụng)" else failing.size}")
    failing.forEach { println("    ${mark(it.status)} [${it.code}] ${it.id}: ${it.message}") }
    println("  Thời điểm kiểm tra: ${r.now}")
}

fun main(args: Array<String>) {
    val dir = File(args.getOrElse(0) { "examples/signed" })
    val wanted = args.drop(1).toSet()
    val samples = parseJson(File(dir, "samples.json").readText()) as Map<*, *>
    val anchors = (samples["trust"] as List<*>).map { File(dir, it as String).readBytes() }
    var mismatches = 0
    for (s in samples["samples"] as List<*>) {
        s as Map<*, *>
        val name = s["name"] as String
        if (wanted.isNotEmpty() && name !in wanted) continue
        val crls = (s["crls"] as List<*>).map { File(dir, it as String).readBytes() }
        val statusList = (s["status_list"] as String?)?.let { File(dir, it).readBytes() }
        println("== $name: ${(s["description"] as Map<*, *>)["vi"]} ==")
        try {
            // Built once per trust configuration and shared; an app keeps it for its lifetime.
            TrustStore(anchors, crls, statusList).use { store ->
                val envelope = File(dir, s["envelope"] as String).readBytes()
                val r = store.verify(envelope, VerificationTime.Rfc3339(s["now"] as String), Language.VI)
                printResult(r)
                // The QR stub printed on the paper copy, checked against the record it should stand for.
                val stub = File(dir, "$name.stub.txt")
                if (stub.exists()) {
                    val q = store.verifyQr(stub.readText(), envelope, VerificationTime.Rfc3339(s["now"] as String), Language.VI)
                    println("Mã QR trên bản in: ${q.verdictText}")
                }
                if (r.verdict.name.lowercase() != s["expected_verdict"]) {
                    mismatches++
                    println("  !! expected ${s["expected_verdict"]}")
                }
            }
        } catch (e: HocbaException) {
            mismatches++
            println("  error: $e")
        }
        println()
    }
    if (mismatches > 0) kotlin.system.exitProcess(1)
}
