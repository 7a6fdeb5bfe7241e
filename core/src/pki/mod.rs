//! Public-key infrastructure at the time of signing: algorithms and key sizes, certificates and names,
//! the trust store, path building and validation, key usage, CRLs.

pub mod algorithms;
pub mod cache;
pub mod cert;
pub mod crl;
pub mod der_view;
pub mod distribution_point;
mod dn_compare;
pub mod ec_point;
pub mod key_usage;
pub mod name_constraints;
pub mod names;
#[cfg(feature = "native-crypto")]
mod native_backend;
pub mod path;
pub mod pem;
pub mod policy;
pub mod trust_store;
pub(crate) mod x509_walk;

pub use algorithms::{
    verify_raw_signature, verify_raw_signature_with, AlgorithmError, Backend, DigestAlgorithm,
    P256Key, P384Key, PublicKey, SignatureScheme,
};
#[cfg(feature = "std")]
pub use cache::SharedPathCache;
pub use cache::{NoPathCache, PathCache};
pub use cert::{CertInfo, CertificateError};
pub use crl::{CertStatus, CrlError, CrlInfo};
pub use distribution_point::{CrlScope, DistributionPoint, ReasonSet};
pub(crate) use dn_compare::name_key;
pub use key_usage::{KeyUsageError, Usage};
pub use path::{build_path, build_path_cached, build_path_with, CertPath, PathError};
pub use trust_store::{TrustStore, TrustStoreError};
