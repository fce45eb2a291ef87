// DER files that carry no text of the message: an X.509 certificate
// (RFC 5280 4.1; ".cer", ".crt", ".der" sent as application/pkix-cert,
// RFC 2585) and a CMS SignedData with no encapsulated content (RFC 5652
// 5.1, 5.2: a detached signature; a signed jar's META-INF/*.RSA, *.DSA,
// *.EC, JAR File Specification "Signed JAR File"; an Apple Wallet pass's
// "signature" member). Both are names, keys and signatures over other
// bytes: read, nothing to scan, as a ".p7s" is (content_sniff.h). Held as
// "a binary file of no format", a certificate sent to a partner was held
// (round 57b's tester 13, finding 6). EnvelopedData and SignedData with
// content are neither: the first stays encrypted, the second is walked
// (walk_cms.cc). Parsed with OpenSSL, as cms_content.h is. Pure.
#ifndef NEARMISS_CONTENT_CERTIFICATE_DER_H_
#define NEARMISS_CONTENT_CERTIFICATE_DER_H_

#include <string_view>

namespace nearmiss::content {

// Whether `bytes` (the whole file) is a DER X.509 certificate: parsed by
// OpenSSL to its last byte, nothing after it.
bool IsDerCertificate(std::string_view bytes);

// Whether `bytes` (the whole file) is a CMS SignedData without content.
bool IsDetachedCmsSignature(std::string_view bytes);

}  // namespace nearmiss::content

#endif  // NEARMISS_CONTENT_CERTIFICATE_DER_H_
