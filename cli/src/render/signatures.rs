//! What a signature block shows about each signature of an envelope: who (certificate subject CN), in
//! which role (declared beside the CMS or signed inside it, read with the verifier's own rule), and when
//! (the signed signing-time). Nothing here is verified: the printout says so and points to `hocba verify`
//! and the QR code.

use hocba_core::sign::Role;
use hocba_core::time::UnixTime;
use hocba_core::verify::cms::read_cms;
use hocba_core::verify::policy::claimed_role;
use hocba_core::verify::EnvelopeSignature;

/// One signature as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureView {
    /// The role, when the declared and signed roles agree on one hocba knows.
    pub role: Option<Role>,
    /// The signer's name (subject CN, else surname + given name, else the whole subject).
    pub signer: Option<String>,
    /// The signer's organisation (subject O), when the certificate names one.
    pub organisation: Option<String>,
    /// The signing-time attribute.
    pub signed_at: Option<UnixTime>,
    /// Why the signature could not be read (its code), when it could not.
    pub unreadable: Option<String>,
}

/// Reads what can be printed from each signature, in envelope order.
pub fn views(signatures: &[EnvelopeSignature]) -> Vec<SignatureView> {
    signatures.iter().map(view).collect()
}

fn view(sig: &EnvelopeSignature) -> SignatureView {
    let der = match &sig.cms {
        Ok(der) => der,
        Err(_) => return unreadable(sig, "cms_base64"),
    };
    let facts = match read_cms(der) {
        Ok(f) => f,
        Err(e) => return unreadable(sig, e.code()),
    };
    let subject = &facts.signer_cert.subject;
    SignatureView {
        role: claimed_role(
            sig.declared_role.as_deref(),
            facts.role_attribute.as_deref(),
        )
        .ok(),
        signer: Some(
            subject
                .person_name()
                .unwrap_or_else(|| facts.signer_cert.display_name()),
        ),
        organisation: subject.get("O").map(str::to_string),
        signed_at: facts.signing_time,
        unreadable: None,
    }
}

fn unreadable(sig: &EnvelopeSignature, code: &str) -> SignatureView {
    SignatureView {
        role: sig.declared_role.as_deref().and_then(|r| r.parse().ok()),
        signer: None,
        organisation: None,
        signed_at: None,
        unreadable: Some(code.to_string()),
    }
}
