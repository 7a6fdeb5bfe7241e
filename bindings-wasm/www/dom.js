// Small DOM helpers shared by the teacher and parent views.
import { t, lang } from "./i18n.js";

/** Creates an element: `attrs.text` sets its text, other attributes are set as given. */
export const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
};

/**
 * `table` in a box that scrolls sideways on a narrow phone: a focusable, named region, so that a keyboard
 * user can scroll it too (WCAG 2.1.1) and a screen reader announces what it holds.
 */
export const scrollBox = (table, name) =>
  el("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": name }, table);

/** Vietnamese decimal comma for averages ("8,3"), codes shown as the paper học bạ words them. */
export function showValue(v) {
  if (v === null || v === undefined) return "—";
  if (/^\d+(\.\d)?$/.test(v)) return lang() === "vi" ? v.replace(".", ",") : v;
  return t(`v.${v}`) ?? v;
}

/** A drop zone: calls `onFiles(files)` with the dropped files. */
export function wireDrop(zone, onFiles) {
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });
}

const VN_OFFSET_MS = 7 * 3600 * 1000; // Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving

/** An RFC 3339 time shown in Vietnam time: "10/07/2025 07:00". */
export function vietnamTime(rfc3339) {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339 ?? "—";
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** The value of a `datetime-local` field meaning Vietnam time, for an instant (default: this device's clock). */
export function vietnamFieldValue(date = new Date()) {
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** RFC 3339 text of a `datetime-local` value read as Vietnam time. */
export function fieldValueToRfc3339(value) {
  return value.length === 16 ? `${value}:00+07:00` : `${value}+07:00`;
}
