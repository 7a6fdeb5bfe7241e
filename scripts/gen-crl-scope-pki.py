#!/usr/bin/env python3
"""Generates tests/pki/crl-scopes: CRLs partitioned by reason and an indirect CRL (decisions D-115).

    root ─┬─ ca              "CA trường" (issues the signers, publishes two reason-partitioned CRLs)
          └─ crl-authority   "Cơ quan CRL" (publishes an indirect CRL for the signers of ca)

    signer                 cRLDistributionPoints                               revoked          expected
    partition-ok           keys.crl {keyCompromise, cACompromise} + other.crl  —                valid
                           {every other reason}
    partition-revoked      the same                                            keyCompromise,   revoked
                                                                               on keys.crl
    partition-superseded   the same                                            superseded,      revoked
                                                                               on other.crl
    partition-uncovered    keys.crl {keyCompromise, cACompromise} only         —                no CRL for
                                                                                                the rest
    indirect-ok            authority.crl, cRLIssuer "Cơ quan CRL"              —                valid
    indirect-revoked       the same                                            keyCompromise,   revoked
                                                                               under a
                                                                               certificateIssuer
    indirect-unnamed       authority.crl, no cRLIssuer                         —                no CRL (not
                                                                                                the CA's)
    hold-released          keys.crl + other.crl, as partition-ok               on hold on       valid (the
                                                                               ca-other-old.crl hold was
                                                                               only             released)

crls/ holds ca-keys.crl, ca-other.crl (issuingDistributionPoint with onlySomeReasons), ca-other-old.crl
(the same partition five days earlier, with hold-released on hold: the newer one no longer lists it,
which releases the hold, D-116), authority.crl
(issuingDistributionPoint indirectCRL; its entries name their issuers by certificateIssuer) and root.crl (the
root's, empty). trust/ holds the root and the CRL authority (an intermediate a verifier is given so that
it can check the indirect CRL's signer). keys/NAME.pem and chains/NAME.pem are each signer's key and
certificate with CA trường's, for the CLI's sign-then-verify test, which also asks `openssl verify
-crl_check_all -extended_crl` for its verdict on each.

Certificates are valid 2026-01-01 to 2036-01-01; the CRLs are issued 2027-06-15 (next 2027-12-31) and
the revocations dated 2027-05-01, so that a record signed on 2027-06-01 sees them. P-256 keys, TEST ONLY:
they are public and must never sign anything real. Needs the `cryptography` package (Debian's
python3-cryptography or pip's).
"""

import datetime
import pathlib
import shutil

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "pki" / "crl-scopes"
BASE = "http://crl.example.vn/"
NOT_BEFORE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2036, 1, 1, tzinfo=datetime.timezone.utc)
CRL_ISSUED = datetime.datetime(2027, 6, 15, tzinfo=datetime.timezone.utc)
CRL_NEXT = datetime.datetime(2027, 12, 31, tzinfo=datetime.timezone.utc)
REVOKED_ON = datetime.datetime(2027, 5, 1, tzinfo=datetime.timezone.utc)

R = x509.ReasonFlags
KEY_REASONS = frozenset({R.key_compromise, R.ca_compromise})
OTHER_REASONS = frozenset(
    {
        R.affiliation_changed,
        R.superseded,
        R.cessation_of_operation,
        R.certificate_hold,
        R.privilege_withdrawn,
        R.aa_compromise,
    }
)


def name(cn):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "hocba test"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def uri(file):
    return x509.UniformResourceIdentifier(BASE + file)


class Party:
    """A key and its certificate."""

    serial = 1

    def __init__(self, cn, issuer=None, ca=False, crl_signer=False, points=None):
        self.name = name(cn)
        self.key = ec.generate_private_key(ec.SECP256R1())
        Party.serial += 1
        signer = issuer or self
        b = (
            x509.CertificateBuilder()
            .subject_name(self.name)
            .issuer_name(signer.name)
            .public_key(self.key.public_key())
            .serial_number(Party.serial)
            .not_valid_before(NOT_BEFORE)
            .not_valid_after(NOT_AFTER)
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=not ca,
                    content_commitment=not ca,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=ca,
                    crl_sign=ca or crl_signer,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False
            )
        )
        if issuer is not None:
            b = b.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
                critical=False,
            )
        if points:
            b = b.add_extension(x509.CRLDistributionPoints(points), critical=False)
        self.cert = b.sign(signer.key, hashes.SHA256())

    def pem(self):
        return self.cert.public_bytes(serialization.Encoding.PEM)


def point(file, reasons=None, crl_issuer=None):
    return x509.DistributionPoint(
        full_name=[uri(file)],
        relative_name=None,
        reasons=reasons,
        crl_issuer=[x509.DirectoryName(crl_issuer.name)] if crl_issuer else None,
    )


def crl(issuer, entries, idp=None, issued=CRL_ISSUED, number=2):
    """A CRL signed by `issuer`: entries are (party, reason, certificate issuer or None)."""
    b = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.name)
        .last_update(issued)
        .next_update(CRL_NEXT)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    )
    if idp is not None:
        b = b.add_extension(idp, critical=True)
    for party, reason, cert_issuer in entries:
        e = (
            x509.RevokedCertificateBuilder()
            .serial_number(party.cert.serial_number)
            .revocation_date(REVOKED_ON)
            .add_extension(x509.CRLReason(reason), critical=False)
        )
        if cert_issuer is not None:
            e = e.add_extension(
                x509.CertificateIssuer([x509.DirectoryName(cert_issuer.name)]), critical=True
            )
        b = b.add_revoked_certificate(e.build())
    return b.sign(issuer.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)


def idp(file, reasons=None, indirect=False):
    return x509.IssuingDistributionPoint(
        full_name=[uri(file)],
        relative_name=None,
        only_contains_user_certs=False,
        only_contains_ca_certs=False,
        only_some_reasons=reasons,
        indirect_crl=indirect,
        only_contains_attribute_certs=False,
    )


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    for sub in ("keys", "chains", "crls", "trust"):
        (OUT / sub).mkdir(parents=True)
    root = Party("hocba CRL scopes test root", ca=True)
    ca = Party("CA trường", issuer=root, ca=True)
    authority = Party("Cơ quan CRL", issuer=root, crl_signer=True)
    partitioned = [point("keys.crl", KEY_REASONS), point("other.crl", OTHER_REASONS)]
    indirect = [point("authority.crl", crl_issuer=authority)]
    signers = {
        "partition-ok": Party("Nguyễn Thị Lan", issuer=ca, points=partitioned),
        "partition-revoked": Party("Trần Văn Minh", issuer=ca, points=partitioned),
        "partition-superseded": Party("Lê Văn Hùng", issuer=ca, points=partitioned),
        "partition-uncovered": Party(
            "Phạm Thị Hoa", issuer=ca, points=[point("keys.crl", KEY_REASONS)]
        ),
        "indirect-ok": Party("Đỗ Văn Nam", issuer=ca, points=indirect),
        "indirect-revoked": Party("Vũ Thị Mai", issuer=ca, points=indirect),
        "indirect-unnamed": Party("Hoàng Văn Đức", issuer=ca, points=[point("authority.crl")]),
        "hold-released": Party("Bùi Thị Thu", issuer=ca, points=partitioned),
    }
    for file, party in [("root.pem", root), ("ca.pem", ca), ("crl-authority.pem", authority)]:
        (OUT / file).write_bytes(party.pem())
    (OUT / "trust" / "root.pem").write_bytes(root.pem())
    (OUT / "trust" / "crl-authority.pem").write_bytes(authority.pem())
    for who, party in signers.items():
        (OUT / f"{who}.pem").write_bytes(party.pem())
        (OUT / "keys" / f"{who}.pem").write_bytes(
            party.key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        (OUT / "chains" / f"{who}.pem").write_bytes(party.pem() + ca.pem())
    crls = {
        "root.crl": crl(root, []),
        "ca-keys.crl": crl(
            ca,
            [(signers["partition-revoked"], R.key_compromise, None)],
            idp("keys.crl", KEY_REASONS),
        ),
        "ca-other.crl": crl(
            ca,
            [(signers["partition-superseded"], R.superseded, None)],
            idp("other.crl", OTHER_REASONS),
        ),
        # The same partition five days earlier, with hold-released on hold (certificateHold).
        "ca-other-old.crl": crl(
            ca,
            [
                (signers["partition-superseded"], R.superseded, None),
                (signers["hold-released"], R.certificate_hold, None),
            ],
            idp("other.crl", OTHER_REASONS),
            issued=CRL_ISSUED - datetime.timedelta(days=5),
            number=1,
        ),
        # Entries of two issuers: indirect-ok's serial as the root's (another certificate, which must
        # not revoke indirect-ok), then CA trường's, whose certificateIssuer carries over to the entry
        # of indirect-revoked after it (RFC 5280 §5.3.3).
        "authority.crl": crl(
            authority,
            [
                (signers["indirect-ok"], R.key_compromise, root),
                (signers["partition-revoked"], R.key_compromise, ca),
                (signers["indirect-revoked"], R.key_compromise, None),
            ],
            idp("authority.crl", indirect=True),
        ),
    }
    for file, pem in crls.items():
        (OUT / "crls" / file).write_bytes(pem)
    print(f"wrote {len(signers) + 3} certificates and {len(crls)} CRLs to {OUT}")


if __name__ == "__main__":
    main()
