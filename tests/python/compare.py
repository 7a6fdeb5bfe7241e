"""The shared comparison of an assessment with a vector's `expected` object (tests/vectors/README.md),
ported line by line from `assessment_view` / `compare_expected` in tests/src/lib.rs."""

import json
from pathlib import Path


def _get(v, key):
    return v.get(key) if isinstance(v, dict) else None


def assessment_view(a):
    view = {"regime": _get(_get(a, "ruleset"), "regime")}
    t = _get(a, "tt22")
    if t is not None:
        view["subjects"] = {
            s["subject"]: {k: _get(s, k) for k in ("hk1", "hk2", "year", "retest")} for s in _get(t, "subjects") or []
        }
        learning = {}
        for term in ("hk1", "hk2", "year", "year_after_retest"):
            o = _get(_get(t, "learning"), term)
            learning[term] = _get(o, "level")
            learning[f"{term}_computed"] = _get(o, "computed")
            learning[f"{term}_adjusted_for"] = _get(o, "adjusted_for")
            learning[f"{term}_by_principal"] = _get(o, "by_principal") is True
        view["learning"] = learning
        view["conduct_year"] = _get(_get(t, "conduct"), "year")
        view["conduct_after_summer_training"] = _get(_get(t, "conduct"), "after_summer_training")
        promotion = _get(t, "promotion")
        view["promotion"] = _get(promotion, "status")
        view["promotion_reason"] = _get(promotion, "reason")
        view["retest_subjects"] = _get(promotion, "retest_subjects") or []
        view["title"] = _get(t, "title")
        view["completion"] = _get(t, "completion")
    p = _get(a, "tt27")
    if p is not None:
        for k in ("result", "completion", "programme_completed", "title"):
            view[k] = _get(p, k)
        view["tests"] = {
            s["subject"]: {pt: _get(_get(_get(_get(s, "marks"), pt), "test"), "score") for pt in ("ghk1", "chk1", "ghk2", "cn")}
            for s in _get(p, "subjects") or []
        }
    return view


def _show(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def _compare_at(path, key, expected, actual, out):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            out.append(f"{path}: expected an object, got {_show(actual)}")
            return
        for k, ev in expected.items():
            if k not in actual:
                out.append(f"{path}.{k}: not in the output view (unknown key, subject or regime section)")
            else:
                _compare_at(f"{path}.{k}", k, ev, actual[k], out)
    elif isinstance(expected, list) and key == "retest_subjects":
        if not isinstance(actual, list) or sorted(map(_show, expected)) != sorted(map(_show, actual)):
            out.append(f"{path}: expected {_show(expected)}, got {_show(actual)}")
    elif _show(expected) != _show(actual):
        out.append(f"{path}: expected {_show(expected)}, got {_show(actual)}")


def compare_expected(expected, assessment):
    """Every mismatch between `expected` and an assessment, one line each (empty when they agree)."""
    out = []
    view = assessment_view(assessment)
    for k, ev in expected.items():
        if k == "trace_includes":
            trace = _get(assessment, "trace") or []
            for want in ev:
                if not any(all(_show(_get(step, f)) == _show(v) for f, v in want.items()) for step in trace):
                    out.append(f"expected.trace_includes: no trace step matches {_show(want)}")
            continue
        if k not in view:
            out.append(f"expected.{k}: not in the output view (unknown key, subject or regime section)")
        else:
            _compare_at(f"expected.{k}", k, ev, view[k], out)
    return out


def load_vectors(folder):
    """Every vector of tests/vectors/<folder>, parsed, sorted by file name."""
    root = Path(__file__).resolve().parent.parent / "vectors" / folder
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.json"))]


def vector_input_bytes(v):
    return (v["input_text"] if "input_text" in v else json.dumps(v["input"], ensure_ascii=False)).encode("utf-8")
