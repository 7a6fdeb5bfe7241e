// The shared comparison of an assessment with a vector's `expected` object (tests/vectors/README.md),
// ported line by line from `assessment_view` / `compare_expected` in tests/src/lib.rs.
package hocba.testing

import java.io.File

@Suppress("UNCHECKED_CAST")
private fun get(v: Any?, key: String): Any? = (v as? Map<String, Any?>)?.get(key)

fun assessmentView(a: Any?): Map<String, Any?> {
    val view = LinkedHashMap<String, Any?>()
    view["regime"] = get(get(a, "ruleset"), "regime")
    get(a, "tt22")?.let { t ->
        val subjects = LinkedHashMap<String, Any?>()
        for (s in (get(t, "subjects") as? List<*>).orEmpty()) {
            subjects[get(s, "subject") as String] = listOf("hk1", "hk2", "year", "retest").associateWith { get(s, it) }
        }
        view["subjects"] = subjects
        val learning = LinkedHashMap<String, Any?>()
        for (term in listOf("hk1", "hk2", "year", "year_after_retest")) {
            val o = get(get(t, "learning"), term)
            learning[term] = get(o, "level")
            learning["${term}_computed"] = get(o, "computed")
            learning["${term}_adjusted_for"] = get(o, "adjusted_for")
            learning["${term}_by_principal"] = get(o, "by_principal") == true
        }
        view["learning"] = learning
        view["conduct_year"] = get(get(t, "conduct"), "year")
        view["conduct_after_summer_training"] = get(get(t, "conduct"), "after_summer_training")
        val promotion = get(t, "promotion")
        view["promotion"] = get(promotion, "status")
        view["promotion_reason"] = get(promotion, "reason")
        view["retest_subjects"] = get(promotion, "retest_subjects") ?: emptyList<Any?>()
        view["title"] = get(t, "title")
        view["completion"] = get(t, "completion")
    }
    get(a, "tt27")?.let { p ->
        for (k in listOf("result", "completion", "programme_completed", "title")) view[k] = get(p, k)
        val tests = LinkedHashMap<String, Any?>()
        for (s in (get(p, "subjects") as? List<*>).orEmpty()) {
            tests[get(s, "subject") as String] =
                listOf("ghk1", "chk1", "ghk2", "cn").associateWith { get(get(get(get(s, "marks"), it), "test"), "score") }
        }
        view["tests"] = tests
    }
    return view
}

private fun compareAt(path: String, key: String, expected: Any?, actual: Any?, out: MutableList<String>) {
    when {
        expected is Map<*, *> -> {
            if (actual !is Map<*, *>) { out.add("$path: expected an object, got ${show(actual)}"); return }
            for ((k, ev) in expected) {
                if (!actual.containsKey(k)) out.add("$path.$k: not in the output view (unknown key, subject or regime section)")
                else compareAt("$path.$k", k as String, ev, actual[k], out)
            }
        }
        expected is List<*> && key == "retest_subjects" -> {
            val a = (actual as? List<*>)?.map(::show)?.sorted()
            if (a != expected.map(::show).sorted()) out.add("$path: expected ${show(expected)}, got ${show(actual)}")
        }
        show(expected) != show(actual) -> out.add("$path: expected ${show(expected)}, got ${show(actual)}")
    }
}

/** Every mismatch between `expected` and an assessment, one line each (empty when they agree). */
fun compareExpected(expected: Map<*, *>, assessment: Any?): List<String> {
    val out = ArrayList<String>()
    val view = assessmentView(assessment)
    for ((k, ev) in expected) {
        if (k == "trace_includes") {
            val trace = (get(assessment, "trace") as? List<*>).orEmpty()
            for (want in ev as List<*>) {
                val fields = want as Map<*, *>
                if (trace.none { step -> fields.all { (f, v) -> show(get(step, f as String)) == show(v) } }) {
                    out.add("expected.trace_includes: no trace step matches ${show(want)}")
                }
            }
            continue
        }
        if (!view.containsKey(k)) out.add("expected.$k: not in the output view (unknown key, subject or regime section)")
        else compareAt("expected.$k", k as String, ev, view[k], out)
    }
    return out
}

/** Every vector of tests/vectors/<folder>, parsed, sorted by file name. */
fun loadVectors(vectorsDir: File, folder: String): List<Map<*, *>> =
    File(vectorsDir, folder).listFiles { f -> f.name.endsWith(".json") }!!
        .sortedBy { it.name }
        .map { parseJson(it.readText()) as Map<*, *> }
