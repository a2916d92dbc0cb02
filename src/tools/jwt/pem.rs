//! Reading a public key in PEM: the base64 between `-----BEGIN …-----` and `-----END …-----`
//! is DER, and a `PUBLIC KEY` is an X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7):
//! `SEQUENCE { SEQUENCE { algorithm OID, parameters }, BIT STRING key }`. This file reads just
//! enough DER to find which kind of key it is and the key bytes `jsonwebtoken` wants: PKCS#1
//! for RSA, the SEC1 point for EC, the raw 32 bytes for Ed25519.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// rsaEncryption, 1.2.840.113549.1.1.1 (RFC 8017 appendix C).
const RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// RSASSA-PSS, 1.2.840.113549.1.1.10: the same RSA key, restricted to PSS signatures.
const RSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
/// id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480); the curve is the parameter.
const EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/// prime256v1 (P-256), 1.2.840.10045.3.1.7.
const P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
/// secp384r1 (P-384), 1.3.132.0.34.
const P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
/// Ed25519, 1.3.101.112 (RFC 8410).
const ED25519: &[u8] = &[0x2b, 0x65, 0x70];

/// A public key read from PEM.
#[derive(Debug, PartialEq, Eq)]
pub enum PublicKey {
    /// PKCS#1 `RSAPublicKey` DER, and the modulus size in bits.
    Rsa { pkcs1: Vec<u8>, bits: usize },
    /// The SEC1 point, and the curve's name (`P-256`, `P-384`).
    Ec { point: Vec<u8>, curve: &'static str },
    /// The 32 key bytes.
    Ed25519(Vec<u8>),
}

/// Why a PEM text is not a public key we can use (`tools.jwt.key_error.<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PemError {
    /// No `-----BEGIN …-----` … `-----END …-----`, or the base64 or DER inside is broken.
    Unreadable,
    /// A private key: a verifier needs only the public half, and the private one must never
    /// be pasted anywhere.
    Private,
    /// A certificate: the key is inside it (`openssl x509 -pubkey -noout` prints it).
    Certificate,
    /// A key kind or curve `jsonwebtoken` cannot verify with.
    Unsupported,
}

impl PemError {
    pub fn code(self) -> &'static str {
        match self {
            PemError::Unreadable => "pem_unreadable",
            PemError::Private => "pem_private",
            PemError::Certificate => "pem_certificate",
            PemError::Unsupported => "pem_unsupported",
        }
    }
}

/// Reads the first PEM block of `text`.
pub fn parse(text: &str) -> Result<PublicKey, PemError> {
    let (label, der) = block(text).ok_or(PemError::Unreadable)?;
    match label {
        "PUBLIC KEY" => spki(&der),
        // PKCS#1 (`openssl rsa -RSAPublicKey_out`): already what the verifier wants.
        "RSA PUBLIC KEY" => rsa(der),
        "CERTIFICATE" => Err(PemError::Certificate),
        l if l.contains("PRIVATE KEY") => Err(PemError::Private),
        _ => Err(PemError::Unsupported),
    }
}

/// The label and the decoded DER of the first `BEGIN`/`END` pair.
fn block(text: &str) -> Option<(&str, Vec<u8>)> {
    let start = text.find("-----BEGIN ")? + "-----BEGIN ".len();
    let label_end = start + text[start..].find("-----")?;
    let label = &text[start..label_end];
    let body_start = label_end + "-----".len();
    let end = body_start + text[body_start..].find("-----END ")?;
    let body: String = text[body_start..end]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    Some((label, STANDARD.decode(body).ok()?))
}

/// One DER element: its tag, its contents and what follows it.
fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        // Long form: the low bits say how many length bytes follow (4 is plenty for a key).
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, &b| acc << 8 | usize::from(b));
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| (tag, &rest[..len], &rest[len..]))
}

/// Expects an element with `tag`; returns its contents and the rest.
fn expect(tag: u8, input: &[u8]) -> Option<(&[u8], &[u8])> {
    let (got, contents, rest) = element(input)?;
    (got == tag).then_some((contents, rest))
}

const SEQUENCE: u8 = 0x30;
const OID: u8 = 0x06;
const BIT_STRING: u8 = 0x03;
const INTEGER: u8 = 0x02;

fn spki(der: &[u8]) -> Result<PublicKey, PemError> {
    let read = || -> Option<(&[u8], &[u8], &[u8])> {
        let (info, _) = expect(SEQUENCE, der)?;
        let (algorithm, rest) = expect(SEQUENCE, info)?;
        let (oid, parameters) = expect(OID, algorithm)?;
        let (bits, _) = expect(BIT_STRING, rest)?;
        // The first byte of a BIT STRING counts unused bits: 0 for a key.
        let (&0, key) = bits.split_first()? else {
            return None;
        };
        Some((oid, parameters, key))
    };
    let (oid, parameters, key) = read().ok_or(PemError::Unreadable)?;
    match oid {
        RSA | RSA_PSS => rsa(key.to_vec()),
        EC => {
            let curve = match expect(OID, parameters).map(|(curve, _)| curve) {
                Some(P256) => "P-256",
                Some(P384) => "P-384",
                _ => return Err(PemError::Unsupported),
            };
            Ok(PublicKey::Ec {
                point: key.to_vec(),
                curve,
            })
        }
        ED25519 if key.len() == 32 => Ok(PublicKey::Ed25519(key.to_vec())),
        _ => Err(PemError::Unsupported),
    }
}

/// Checks a PKCS#1 `RSAPublicKey` (`SEQUENCE { INTEGER n, INTEGER e }`) and measures `n`.
fn rsa(pkcs1: Vec<u8>) -> Result<PublicKey, PemError> {
    let bits = {
        let (key, _) = expect(SEQUENCE, &pkcs1).ok_or(PemError::Unreadable)?;
        let (n, rest) = expect(INTEGER, key).ok_or(PemError::Unreadable)?;
        expect(INTEGER, rest).ok_or(PemError::Unreadable)?;
        // A leading zero byte only keeps the integer positive.
        let n = n.strip_prefix(&[0]).unwrap_or(n);
        n.len() * 8
    };
    Ok(PublicKey::Rsa { pkcs1, bits })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EC_PEM: &str = include_str!("../../../tests/fixtures/jwt/es256-public.pem");
    const RSA_PEM: &str = include_str!("../../../tests/fixtures/jwt/rs256-public.pem");
    const RSA_PKCS1: &str = include_str!("../../../tests/fixtures/jwt/rs256-public.pkcs1.pem");
    const ED_PEM: &str = include_str!("../../../tests/fixtures/jwt/eddsa-public.pem");

    #[test]
    fn public_keys_of_each_kind_are_read() {
        let Ok(PublicKey::Rsa { pkcs1, bits }) = parse(RSA_PEM) else {
            panic!("RSA SPKI")
        };
        assert_eq!(bits, 2048);
        assert_eq!(
            parse(RSA_PKCS1),
            Ok(PublicKey::Rsa { pkcs1, bits }),
            "the same key as PKCS#1"
        );
        assert!(matches!(
            parse(EC_PEM),
            Ok(PublicKey::Ec { ref point, curve: "P-256" }) if point.len() == 65
        ));
        assert!(matches!(parse(ED_PEM), Ok(PublicKey::Ed25519(k)) if k.len() == 32));
    }

    #[test]
    fn private_keys_certificates_and_junk_are_refused() {
        let private =
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----";
        assert_eq!(parse(private), Err(PemError::Private));
        let cert = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----";
        assert_eq!(parse(cert), Err(PemError::Certificate));
        for junk in [
            "",
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
        ] {
            assert_eq!(parse(junk), Err(PemError::Unreadable), "{junk:?}");
        }
        let odd = "-----BEGIN ü-----\n-----END ü-----";
        assert_eq!(parse(odd), Err(PemError::Unsupported));
    }
}
