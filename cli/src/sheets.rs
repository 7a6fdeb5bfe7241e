//! Spreadsheet files ⇄ tables of cell texts. The meaning of the cells is the core's (`hocba_core::gradebook`).

use std::path::Path;

use anyhow::{bail, Context};
use calamine::{open_workbook_auto, Data, Reader};

/// Reads the first sheet of an .xlsx/.xls/.ods workbook, or a .csv file, into rows of cell texts with the
/// sheet's own coordinates (leading empty rows and columns kept, so "D7" means D7).
///
/// Numbers come back in their shortest round-trip decimal form: a score typed as 8.3 reads "8.3" (xlsx
/// stores IEEE doubles; for one-decimal values 0.0–10.0 this form is exact, see docs/decisions.md).
pub fn read_table(path: &Path) -> anyhow::Result<Vec<Vec<String>>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "csv" {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.with_context(|| format!("{}: not valid CSV", path.display()))?;
            rows.push(record.iter().map(String::from).collect());
        }
        return Ok(rows);
    }
    if !matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        bail!(
            "{}: expected a .xlsx, .xls, .ods or .csv file",
            path.display()
        );
    }
    let mut workbook =
        open_workbook_auto(path).with_context(|| format!("cannot open {}", path.display()))?;
    let range = workbook
        .worksheet_range_at(0)
        .with_context(|| format!("{}: no worksheet", path.display()))?
        .with_context(|| format!("{}: cannot read the first worksheet", path.display()))?;
    let (top, left) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); top];
    for row in range.rows() {
        let mut cells = vec![String::new(); left];
        cells.extend(row.iter().map(cell_text));
        rows.push(cells);
    }
    Ok(rows)
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => format!("{i}"),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        // Dates and errors in a gradebook are mistakes: keep a text the checks will refuse, cell by cell.
        Data::DateTime(dt) => format!("#date {}", dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => format!("#date {s}"),
        Data::Error(e) => format!("#error {e:?}"),
    }
}
