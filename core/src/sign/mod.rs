//! Signing, with the private key kept outside: [`prepare`] the bytes, let a token, a remote-signing
//! service or the [`software_signer`] sign them, then [`assemble`] the detached CMS.
//!
//! ```text
//! canonical bytes ──prepare(role, chain, signing time)──► ToBeSigned { bytes, digest }
//!                                                            │  external signer (PKCS#11, remote, software)
//!                                                            ▼
//!                                      assemble(tbs, raw signature) ──► CMS SignedData (DER)
//! ```

pub mod assemble;
pub mod prepare;
pub mod profile;
#[cfg(feature = "software-signer")]
pub mod software_signer;

pub use assemble::{assemble, AssembleError};
pub use prepare::{prepare, PrepareError, PrepareOptions, ToBeSigned};
pub use profile::{Role, UnknownRole};
#[cfg(feature = "software-signer")]
pub use software_signer::{SoftwareSigner, SoftwareSignerError};
