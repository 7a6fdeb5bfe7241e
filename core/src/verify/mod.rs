//! Offline verification of signed records: `verify(envelope, trust store, CRLs, status list, now,
//! policy) -> VerificationReport`. No clock, no network: every input is an argument.

pub mod adapter;
mod ber;
pub mod cms;
pub mod content;
pub mod envelope;
pub mod ess;
pub mod policy;
pub mod report;
#[allow(clippy::module_inception)] // the operation the module is named after
pub mod verify;

pub use content::{signed_content, RecordSummary, SignedContent};
pub use envelope::{parse_envelope, Envelope, EnvelopeError, EnvelopeSignature, SIGNED_FORMAT};
pub use policy::VerifyPolicy;
pub use report::{Check, CheckStatus, Verdict, VerificationReport};
pub use verify::{
    unreadable_envelope_report, verify, verify_cached, verify_envelope, verify_envelope_cached,
    verify_envelope_with_record_checks, VerifyInputs,
};
