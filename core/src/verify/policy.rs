//! The role policy and the other switches of verification, and the binding of a role to the record.
//!
//! A claimed role is never trusted on its own. The GVCN's and the HT's certificate names must match the
//! class teacher and the principal the record names (Unicode NFC, case-insensitive, diacritics
//! significant); the seal must be an organisation certificate of the school the record names (its common
//! name is the school's name, or one of its identifiers is the school's code). Since the seal signs the
//! record too, the school vouches for who may sign as whom.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::content::SignedContent;
use crate::pki::names::{identifier_matches, names_match, school_names_match};
use crate::pki::policy::InitialPolicies;
use crate::pki::CertInfo;
use crate::sign::Role;
use crate::Lang;

/// The switches of verification. Defaults follow design §3 and spec §7.3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyPolicy {
    /// Roles that must each have a valid signature (default: GVCN, HT, seal).
    pub required_roles: Vec<Role>,
    /// Also require a signature of every subject teacher the record names (spec §7.3, default false).
    pub require_subject_teacher_signatures: bool,
    /// Signing times must follow GVCN → HT → seal (default true).
    pub enforce_order: bool,
    /// Every signing time must be on or after the record's lock date (default true).
    pub require_after_lock: bool,
    /// Without a CRL covering the time of signing, revocation is an Error instead of Skipped
    /// (default false: parents verifying offline years later seldom have CRLs).
    pub require_revocation: bool,
    /// Without a status list, the status check is an Error instead of Skipped (default false).
    pub require_status_list: bool,
    /// A status list older than this many days is stale (default 35).
    pub status_list_max_age_days: i64,
    /// Every signature must carry a valid RFC 3161 timestamp (default false).
    pub require_timestamp: bool,
    /// CAdES-B ESS signing-certificate-v2 is required (default true).
    pub require_signing_certificate: bool,
    /// Tolerance for clocks, in seconds, when comparing a signing time with `now` or with a timestamp
    /// (default 300).
    pub clock_skew_seconds: i64,
    /// The certificate policies the signers' paths must satisfy (RFC 5280 §6.1.1; default: any policy,
    /// nothing required or inhibited; D-118). They apply to the paths of the record's and the QR
    /// stub's signers, not to timestamp authorities or CRL signers, which belong to other policies.
    pub certificate_policies: InitialPolicies,
}

impl Default for VerifyPolicy {
    fn default() -> Self {
        VerifyPolicy {
            required_roles: alloc::vec![Role::Gvcn, Role::Ht, Role::Seal],
            require_subject_teacher_signatures: false,
            enforce_order: true,
            require_after_lock: true,
            require_revocation: false,
            require_status_list: false,
            status_list_max_age_days: 35,
            require_timestamp: false,
            require_signing_certificate: true,
            clock_skew_seconds: 300,
            certificate_policies: InitialPolicies::default(),
        }
    }
}

/// Why a signature's role is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RoleError {
    /// Neither a declared role nor a role attribute.
    #[error("the signature says no role")]
    Missing,
    /// A role code hocba does not know.
    #[error("unknown role `{text}`")]
    Unknown {
        /// The text.
        text: String,
    },
    /// The declared role and the signed role attribute differ.
    #[error("the declared role `{declared}` differs from the signed role `{signed}`")]
    Conflict {
        /// Declared beside the CMS.
        declared: String,
        /// Signed inside the CMS.
        signed: String,
    },
    /// The record names nobody for this role.
    #[error("the record names no {} to bind the signature to", role.name(Lang::En).to_lowercase())]
    NotInRecord {
        /// The role.
        role: Role,
    },
    /// The certificate's name is not the name the record gives for the role.
    #[error("signed as {} by {cert_name}, but the record names {record_name}", role.name(Lang::En).to_lowercase())]
    NameMismatch {
        /// The role.
        role: Role,
        /// The certificate's name.
        cert_name: String,
        /// The record's name.
        record_name: String,
    },
    /// The seal's certificate is not the school's organisation certificate.
    #[error("the seal's certificate ({cert_name}) is not an organisation certificate of the school {school}")]
    NotTheSchool {
        /// The certificate's subject.
        cert_name: String,
        /// The school the record names.
        school: String,
    },
}

impl RoleError {
    /// Stable machine code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            RoleError::Missing => "role_not_stated",
            RoleError::Unknown { .. } => "role_unknown",
            RoleError::Conflict { .. } => "role_conflict",
            RoleError::NotInRecord { .. } => "role_not_in_record",
            RoleError::NameMismatch { .. } => "role_name_mismatch",
            RoleError::NotTheSchool { .. } => "seal_not_school",
        }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RoleError::Missing => "chữ ký không nêu vai trò người ký".into(),
            RoleError::Unknown { text } => alloc::format!("vai trò `{text}` không hợp lệ"),
            RoleError::Conflict { declared, signed } => alloc::format!(
                "vai trò khai báo `{declared}` khác với vai trò đã ký `{signed}`"
            ),
            RoleError::NotInRecord { role } => alloc::format!(
                "hồ sơ không ghi tên {} để đối chiếu chữ ký",
                role.name(Lang::Vi).to_lowercase()
            ),
            RoleError::NameMismatch {
                role,
                cert_name,
                record_name,
            } => alloc::format!(
                "ký với vai trò {} bởi {cert_name}, nhưng hồ sơ ghi {record_name}",
                role.name(Lang::Vi).to_lowercase()
            ),
            RoleError::NotTheSchool { cert_name, school } => alloc::format!(
                "chứng thư số dùng làm con dấu ({cert_name}) không phải chứng thư số tổ chức của trường {school}"
            ),
        }
    }
}

/// The role a signature claims: the signed attribute and the declared field must agree when both are
/// present.
///
/// # Errors
/// [`RoleError::Missing`], [`RoleError::Unknown`], [`RoleError::Conflict`].
pub fn claimed_role(declared: Option<&str>, signed: Option<&str>) -> Result<Role, RoleError> {
    let text = match (declared, signed) {
        (None, None) => return Err(RoleError::Missing),
        (Some(d), Some(s)) if d != s => {
            return Err(RoleError::Conflict {
                declared: d.into(),
                signed: s.into(),
            })
        }
        (Some(t), _) | (None, Some(t)) => t,
    };
    text.parse::<Role>()
        .map_err(|_| RoleError::Unknown { text: text.into() })
}

/// Is `cert` the organisation certificate of the school the record names?
#[must_use]
pub fn is_school_certificate(cert: &CertInfo, content: &SignedContent) -> bool {
    let subject = &cert.subject;
    let by_name = content.school_name.as_deref().is_some_and(|school| {
        subject
            .get("CN")
            .is_some_and(|cn| school_names_match(cn, school))
    });
    let by_code = content.school_code.as_deref().is_some_and(|code| {
        subject
            .attributes
            .iter()
            .filter(|(k, _)| {
                matches!(
                    k.as_str(),
                    "UID" | "serialNumber" | "organizationIdentifier" | "CN"
                )
            })
            .any(|(_, v)| identifier_matches(v, code))
    });
    by_name || by_code
}

/// Binds `role` to the record: the certificate must belong to the person or school the record names.
///
/// # Errors
/// [`RoleError`].
pub fn bind_role(role: Role, cert: &CertInfo, content: &SignedContent) -> Result<(), RoleError> {
    let cert_name = cert.subject.person_name().unwrap_or_default();
    let person = |record_name: Option<&str>| match record_name {
        None => Err(RoleError::NotInRecord { role }),
        Some(name) if names_match(&cert_name, name) => Ok(()),
        Some(name) => Err(RoleError::NameMismatch {
            role,
            cert_name: cert_name.clone(),
            record_name: name.to_string(),
        }),
    };
    match role {
        Role::Gvcn => person(content.class_teacher.as_deref()),
        Role::Ht => person(content.principal.as_deref()),
        Role::SubjectTeacher => {
            if content.subject_teachers.is_empty() {
                return Err(RoleError::NotInRecord { role });
            }
            if content
                .subject_teachers
                .iter()
                .any(|t| names_match(&cert_name, t))
            {
                Ok(())
            } else {
                Err(RoleError::NameMismatch {
                    role,
                    cert_name,
                    record_name: content.subject_teachers.join(", "),
                })
            }
        }
        Role::Seal => {
            if content.school_name.is_none() && content.school_code.is_none() {
                return Err(RoleError::NotInRecord { role });
            }
            if is_school_certificate(cert, content) {
                Ok(())
            } else {
                Err(RoleError::NotTheSchool {
                    cert_name: cert.subject.rfc4514(),
                    school: content
                        .school_name
                        .clone()
                        .or_else(|| content.school_code.clone())
                        .unwrap_or_default(),
                })
            }
        }
    }
}
