//! `hocba verify`: verify signed records offline and say, in Vietnamese or English, what holds.
//!
//! Exit codes: 0 valid, 1 invalid, 3 indeterminate (could not decide), 2 usage error.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context};
use clap::Args;
use hocba_core::pki::SharedPathCache;
use hocba_core::sign::Role;
use hocba_core::verify::envelope::ENVELOPE_LIMITS;
use hocba_core::verify::report::TimeSource;
use hocba_core::verify::{verify_cached, Verdict, VerificationReport};
use hocba_core::Lang;

use crate::signing_input::read_input;
use crate::verification_args::{mark, PolicyArgs, TrustDataArgs};
use crate::{Format, LangArg, EXIT_INDETERMINATE, EXIT_INVALID, EXIT_OK};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    trust: TrustDataArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Language of messages.
    #[arg(long, value_enum, default_value = "vi")]
    lang: LangArg,
    #[command(flatten)]
    policy: PolicyArgs,
    /// A signed envelope (`hocba.signed/1`), `-`, or a directory of them (`*.json`).
    input: PathBuf,
}

fn inputs_of(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

pub fn run(args: &VerifyArgs) -> anyhow::Result<u8> {
    let lang: Lang = args.lang.into();
    let data = args.trust.load()?;
    let policy = args.policy.policy()?;
    let inputs = data.inputs(&policy);
    let files = inputs_of(&args.input)?;
    if files.is_empty() {
        return Err(anyhow!("no .json file in {}", args.input.display()));
    }
    // Records of one school share their signers: each certificate link is checked once (same reports).
    let cache = SharedPathCache::default();
    let mut reports = Vec::new();
    for f in &files {
        let bytes = read_input(f, ENVELOPE_LIMITS.max_bytes)?;
        reports.push((f, verify_cached(&bytes, &inputs, &cache)));
    }
    match args.format {
        Format::Json => {
            let value = if args.input.is_dir() {
                serde_json::Value::Array(
                    reports
                        .iter()
                        .map(|(f, r)| {
                            let mut v = r.to_json(lang);
                            if let Some(o) = v.as_object_mut() {
                                o.insert("file".into(), f.display().to_string().into());
                            }
                            v
                        })
                        .collect(),
                )
            } else {
                reports[0].1.to_json(lang)
            };
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        Format::Text => {
            for (i, (f, r)) in reports.iter().enumerate() {
                if reports.len() > 1 {
                    if i > 0 {
                        println!();
                    }
                    println!("== {} ==", f.display());
                }
                print!("{}", render_text(r, lang));
            }
        }
    }
    let worst = if reports.iter().any(|(_, r)| r.verdict == Verdict::Invalid) {
        EXIT_INVALID
    } else if reports
        .iter()
        .any(|(_, r)| r.verdict == Verdict::Indeterminate)
    {
        EXIT_INDETERMINATE
    } else {
        EXIT_OK
    };
    Ok(worst)
}

/// The report for people: verdict first, then the record, the signers, the trust data, every check.
pub fn render_text(r: &VerificationReport, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {}",
        lang.pick("Kết quả kiểm tra học bạ số", "Digital school record check"),
        r.verdict.text(lang)
    );
    let _ = writeln!(
        s,
        "{}",
        match (r.verdict, lang) {
            (Verdict::Valid, Lang::Vi) => "Hồ sơ đúng như nhà trường đã ký và cấp; mọi kiểm tra bắt buộc đều đạt.",
            (Verdict::Valid, Lang::En) => "The record is exactly as the school signed and issued it; every required check holds.",
            (Verdict::Invalid, Lang::Vi) => "Không được tin vào hồ sơ này: có kiểm tra không đạt (xem dấu ✗ bên dưới).",
            (Verdict::Invalid, Lang::En) => "Do not rely on this record: a check fails (see ✗ below).",
            (Verdict::Indeterminate, Lang::Vi) => "Chưa kết luận được: thiếu hoặc không dùng được dữ liệu cần thiết (xem dấu ? bên dưới).",
            (Verdict::Indeterminate, Lang::En) => "No conclusion yet: some needed data is missing or unusable (see ? below).",
        }
    );
    match &r.record {
        Some(rec) => {
            let _ = writeln!(s, "\n{}", lang.pick("Hồ sơ", "Record"));
            let mut line = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    let _ = writeln!(s, "  {k}: {v}");
                }
            };
            line(lang.pick("Mã hồ sơ", "Record id"), rec.record_id.clone());
            line(lang.pick("Học sinh", "Student"), rec.student_name.clone());
            line(
                lang.pick("Mã học sinh", "Student id"),
                rec.student_id.clone(),
            );
            line(
                lang.pick("Lớp", "Class"),
                match (&rec.class, rec.grade) {
                    (Some(c), _) => Some(c.clone()),
                    (None, Some(g)) => Some(g.to_string()),
                    _ => None,
                },
            );
            line(lang.pick("Năm học", "School year"), rec.school_year.clone());
            line(lang.pick("Trường", "School"), rec.school_name.clone());
        }
        None => {
            let _ = writeln!(
                s,
                "\n{}",
                lang.pick(
                    "Nội dung hồ sơ không được hiển thị vì chữ ký hoặc giá trị băm không đúng.",
                    "The record's content is not shown because a signature or digest does not hold."
                )
            );
        }
    }
    if !r.signers.is_empty() {
        let _ = writeln!(s, "\n{}", lang.pick("Người ký", "Signers"));
        for sg in &r.signers {
            let role = sg
                .role
                .as_deref()
                .and_then(|c| c.parse::<Role>().ok())
                .map_or_else(
                    || sg.role.clone().unwrap_or_else(|| "?".into()),
                    |r| r.name(lang).to_string(),
                );
            let mut line = format!(
                "  {}. {role}: {}",
                sg.index + 1,
                sg.name.as_deref().unwrap_or("?")
            );
            if let Some(o) = &sg.organisation {
                let _ = write!(line, " ({o})");
            }
            if let Some(t) = sg.signing_time {
                let src = match (sg.time_source, lang) {
                    (Some(TimeSource::Timestamp), Lang::Vi) => "dấu thời gian",
                    (Some(TimeSource::Timestamp), Lang::En) => "timestamp",
                    (_, Lang::Vi) => "người ký khai báo",
                    (_, Lang::En) => "stated by the signer",
                };
                let _ = write!(
                    line,
                    ", {} {} ({src})",
                    lang.pick("ký lúc", "signed"),
                    t.to_vietnam_local()
                );
            }
            let _ = write!(
                line,
                " — {}",
                if sg.valid {
                    lang.pick("hợp lệ", "valid")
                } else {
                    lang.pick("có vấn đề", "not valid")
                }
            );
            let _ = writeln!(s, "{line}");
        }
    }
    let _ = writeln!(
        s,
        "\n{}",
        lang.pick("Dữ liệu dùng để kiểm tra", "Data used")
    );
    let _ = writeln!(
        s,
        "  {}: {}",
        lang.pick("Thời điểm kiểm tra", "Time of verification"),
        r.now.to_vietnam_local()
    );
    let _ = writeln!(
        s,
        "  {}: {}",
        lang.pick("Chứng thư gốc tin cậy", "Trusted roots"),
        r.trust.anchors.join("; ")
    );
    if let Some(t) = r.trust.as_of {
        let _ = writeln!(
            s,
            "  {}: {}",
            lang.pick("Danh sách tin cậy cập nhật", "Trust list updated"),
            t.to_vietnam_local()
        );
    }
    if r.trust.crls.is_empty() {
        let _ = writeln!(s, "  CRL: {}", lang.pick("không có", "none"));
    }
    for c in &r.trust.crls {
        let _ = writeln!(
            s,
            "  CRL: {} ({} {})",
            c.issuer,
            lang.pick("lập ngày", "issued"),
            c.this_update.to_vietnam_local()
        );
    }
    match &r.status_list {
        Some(sl) => {
            let _ = writeln!(
                s,
                "  {}: {} ({} {}, {} {})",
                lang.pick("Danh sách trạng thái", "Status list"),
                sl.school_code,
                lang.pick("lập", "issued"),
                sl.issued_at.to_vietnam_local(),
                sl.age_days,
                lang.pick("ngày trước", "days ago")
            );
        }
        None => {
            let _ = writeln!(
                s,
                "  {}: {}",
                lang.pick("Danh sách trạng thái", "Status list"),
                lang.pick("không có", "none")
            );
        }
    }
    if let Some(d) = &r.digest {
        let _ = writeln!(s, "  SHA-256: {d}");
    }
    let _ = writeln!(s, "\n{}", lang.pick("Chi tiết kiểm tra", "Checks"));
    for c in &r.checks {
        let _ = writeln!(
            s,
            "  {} {} [{}] {}: {}",
            mark(c.status),
            c.status.text(lang),
            c.code,
            c.id,
            c.message(lang)
        );
    }
    s
}
