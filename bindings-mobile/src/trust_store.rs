//! The trust store of the lookup app: trust anchors (and intermediates), CRLs and a school's status list,
//! read once and shared. Immutable after construction, so one instance serves any number of threads at
//! once without locks (`Arc` on the foreign side; the core's store is plain shared data).

use std::sync::Arc;

use hocba_core::pki::{CrlInfo, TrustStore as CoreTrustStore};
use hocba_core::status::{parse_status_document, StatusDocument, StatusListError};
use hocba_core::verify::{verify, VerifyInputs};
use hocba_core::Lang;

use crate::display::RecordDisplay;
use crate::policy::VerificationPolicy;
use crate::time::VerificationTime;
use crate::verification::{result_of, VerificationResult};
use crate::{HocbaError, Language};

/// Largest certificate or CRL accepted (as the CLI: a national CRL can be several megabytes).
pub const MAX_TRUST_ITEM_BYTES: usize = 16 * 1024 * 1024;
/// Most certificates or CRLs in one store.
pub const MAX_TRUST_ITEMS: usize = 1000;

/// Trust anchors, CRLs and an optional status list, ready to verify records.
#[derive(Debug, uniffi::Object)]
pub struct TrustStore {
    store: Arc<CoreTrustStore>,
    crls: Arc<Vec<CrlInfo>>,
    /// The status list, or why it cannot be read: like the CLI, a status list that cannot be read is a
    /// failed `status` check of each report, not an error here.
    status_list: Option<Result<StatusDocument, StatusListError>>,
}

fn check_count(what: &str, n: usize) -> Result<(), HocbaError> {
    if n > MAX_TRUST_ITEMS {
        return Err(HocbaError::InputTooLarge {
            code: "too_many_items".into(),
            detail: format!("{n} {what}, at most {MAX_TRUST_ITEMS}"),
            size: n as u64,
            limit: MAX_TRUST_ITEMS as u64,
        });
    }
    Ok(())
}

fn check_size(item: &str, bytes: &[u8]) -> Result<(), HocbaError> {
    if bytes.len() > MAX_TRUST_ITEM_BYTES {
        return Err(HocbaError::too_large(
            item,
            bytes.len(),
            MAX_TRUST_ITEM_BYTES,
            Lang::En,
        ));
    }
    Ok(())
}

fn read_status_list(bytes: Option<Vec<u8>>) -> Option<Result<StatusDocument, StatusListError>> {
    bytes.map(|b| parse_status_document(&b))
}

impl TrustStore {
    pub(crate) fn core_store(&self) -> &CoreTrustStore {
        &self.store
    }

    pub(crate) fn crls(&self) -> &[CrlInfo] {
        &self.crls
    }

    pub(crate) fn status_list(&self) -> Option<&Result<StatusDocument, StatusListError>> {
        self.status_list.as_ref()
    }
}

#[uniffi::export]
impl TrustStore {
    /// Builds the store once. `anchors`: certificate files (PEM, possibly several certificates, or DER);
    /// self-signed ones become trust anchors, the others intermediates that only help build paths and
    /// check CRL signers (a CA's renewed key, an indirect CRL's authority).
    /// `crls`: CRL files (PEM or DER). `status_list`: the school's signed `hocba.status-list/1`, if the app
    /// has it.
    ///
    /// # Errors
    /// [`HocbaError::BadTrustData`] for a certificate or CRL that cannot be read or no trust anchor at all;
    /// [`HocbaError::InputTooLarge`] beyond 16 MiB per item or 1000 items.
    #[uniffi::constructor]
    pub fn new(
        anchors: Vec<Vec<u8>>,
        crls: Vec<Vec<u8>>,
        status_list: Option<Vec<u8>>,
    ) -> Result<Arc<Self>, HocbaError> {
        check_count("certificates", anchors.len())?;
        check_count("CRLs", crls.len())?;
        let mut store = CoreTrustStore::new();
        for (i, bytes) in anchors.iter().enumerate() {
            let item = format!("anchors[{i}]");
            check_size(&item, bytes)?;
            store
                .add_file(&item, bytes)
                .map_err(|e| HocbaError::BadTrustData {
                    code: e.code().into(),
                    detail: e.to_string(),
                    item: item.clone(),
                })?;
        }
        let store = store.finish().map_err(|e| HocbaError::BadTrustData {
            code: e.code().into(),
            detail: e.to_string(),
            item: "anchors".into(),
        })?;
        let crls = crls
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                let item = format!("crls[{i}]");
                check_size(&item, bytes)?;
                CrlInfo::from_bytes(bytes).map_err(|e| HocbaError::BadTrustData {
                    code: e.code().into(),
                    detail: e.to_string(),
                    item,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Arc::new(TrustStore {
            store: Arc::new(store),
            crls: Arc::new(crls),
            status_list: read_status_list(status_list),
        }))
    }

    /// The same anchors and CRLs (shared, not copied) with another status list: one store per school's
    /// list without reading the certificates again.
    #[must_use]
    pub fn with_status_list(&self, status_list: Option<Vec<u8>>) -> Arc<TrustStore> {
        Arc::new(TrustStore {
            store: Arc::clone(&self.store),
            crls: Arc::clone(&self.crls),
            status_list: read_status_list(status_list),
        })
    }

    /// The trust anchors' names, for a settings screen.
    #[must_use]
    pub fn anchor_names(&self) -> Vec<String> {
        self.store
            .anchors()
            .iter()
            .map(|c| c.display_name())
            .collect()
    }

    /// Verifies a signed record (`hocba.signed/1` bytes) at `now` with the default policy. Bytes that are
    /// not an envelope give a result whose `format` check is invalid, exactly as the CLI reports them.
    ///
    /// # Errors
    /// [`HocbaError::BadTime`] only: every problem of the envelope is a check of the result.
    pub fn verify(
        &self,
        envelope: Vec<u8>,
        now: VerificationTime,
        language: Language,
    ) -> Result<VerificationResult, HocbaError> {
        self.verify_with_policy(envelope, now, language, VerificationPolicy::default())
    }

    /// [`TrustStore::verify`] with the verifier's `policy`: revocation, status list or timestamps
    /// required, the status list's maximum age, the certificate policies the signers' paths must satisfy.
    ///
    /// # Errors
    /// [`HocbaError::BadTime`]; [`HocbaError::InvalidInput`] `policy_option_invalid` for a policy that
    /// cannot be used (an empty `acceptable_policies`, an entry that is not a dotted OID).
    pub fn verify_with_policy(
        &self,
        envelope: Vec<u8>,
        now: VerificationTime,
        language: Language,
        policy: VerificationPolicy,
    ) -> Result<VerificationResult, HocbaError> {
        let lang: Lang = language.into();
        let now = now.resolve(lang)?;
        let policy = policy.to_core(lang)?;
        let report = verify(
            &envelope,
            &VerifyInputs {
                store: &self.store,
                crls: &self.crls,
                status_list: self.status_list.as_ref(),
                now,
                policy: &policy,
            },
        );
        // The payload is shown only when the core says it may be (signatures and digest hold).
        let display: Option<RecordDisplay> = report.record.as_ref().and_then(|_| {
            hocba_core::display::display_bytes(&envelope, lang)
                .ok()
                .map(Into::into)
        });
        Ok(result_of(&report, display, lang))
    }
}
