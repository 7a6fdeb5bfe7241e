//! The QR verification stub on a printed record (design §3): `HB1:` + Base45( zlib( COSE_Sign1 ) ),
//! signed by the school seal (ES256 or PS256) over a small CBOR claim set — record id, SHA-256 of the
//! canonical record, school code, school year, status-list index, issue time. Scanning it tells,
//! offline, that the school issued a record with this digest; with the full record at hand, that the
//! printout stands for exactly that record. The format is written down in `docs/qr.md`.
//!
//! ```text
//! record ──QrClaims::for_record──► claims ──prepare_stub(seal cert)──► Sig_structure ──token/software──►
//!        signature ──assemble_stub──► "HB1:…"      "HB1:…" ──verify_stub(inputs)──► QrReport (to_json)
//! ```
//!
//! Every layer has a limit: text length, Base45 length, inflated size, CBOR depth and item count.

pub mod base45;
pub mod cbor_limits;
pub mod claims;
pub mod codec;
pub mod cose;
pub mod error;
pub mod issue;
pub mod report;
pub mod verify;

pub use claims::{ClaimsError, QrClaims};
pub use codec::{decode_stub, kid_of, DecodedStub, QrAlgorithm, MAX_STUB_BYTES, PREFIX};
pub use error::{StubDecodeError, StubIssueError};
#[cfg(feature = "software-signer")]
pub use issue::sign_stub;
pub use issue::{assemble_stub, prepare_stub, IssuedStub, StubToBeSigned};
pub use report::{QrReport, QrSigner, StubFacts, QR_REPORT_FORMAT};
pub use verify::{verify_stub, verify_stub_in, QrVerifyInputs};
