#!/usr/bin/env python3
"""Round 57's tester 13, findings 5 and 9: encrypted data other than OpenPGP
(age, Ansible Vault, sops, an encrypted private key, openssl enc) in a body,
an attachment and a zip member; and texts that only name the openers. Run
from this directory; goldens through content_golden_test (NM_UPDATE_GOLDEN=1).

cms-pem-body.eml, pkcs7-pem-attachment.eml and neg-pkcs7-certificates-body.eml
were made once, with round57_mail.mk, from OpenSSL 3 output kept as made
(its ciphertext differs on each run): `openssl cms -encrypt -outform PEM`
(-----BEGIN CMS-----), `openssl smime -encrypt -outform PEM` (-----BEGIN
PKCS7----- holding EnvelopedData) and `openssl crl2pkcs7 -nocrl` (a
certificates-only PKCS7, not encrypted: read as text)."""
import base64
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
from round57_mail import mk, zipped  # noqa: E402

RNG = random.Random(57)


def rnd(n):
    return bytes(RNG.randrange(256) for _ in range(n))


def b64(data):
    return base64.encodebytes(data).decode()


payload = rnd(300)
stanza = base64.b64encode(rnd(32)).rstrip(b'=')
age_bin = (b'age-encryption.org/v1\n-> X25519 ' + stanza + b'\n' + stanza + b'\n--- ' + stanza +
           b'\n' + payload)
age_armour = '-----BEGIN AGE ENCRYPTED FILE-----\n' + b64(age_bin) + '-----END AGE ENCRYPTED FILE-----\n'
vault = '$ANSIBLE_VAULT;1.1;AES256\n' + '\n'.join(payload.hex()[i:i + 80]
                                                 for i in range(0, 600, 80)) + '\n'
salted = b'Salted__' + rnd(8) + payload

mk('age-armour-body.eml', 'notes', 'Here it is:\n\n' + age_armour + '\nThanks, Alice\n')
mk('age-armour-attachment.eml', 'notes', 'See attached.',
   [('notes.txt.age', age_armour.encode(), 'text/plain')])
mk('age-binary-attachment.eml', 'notes', 'See attached.',
   [('notes.txt.age', age_bin, 'application/octet-stream')])
mk('age-base64-body.eml', 'notes', 'The file, base64:\n\n' + b64(age_bin) + '\nThanks\n')
mk('age-armour-in-zip.eml', 'notes', 'See attached.',
   [('notes.zip', zipped([('notes/readme.txt', b'Open with age -d.\n'),
                          ('notes/notes.txt.age', age_armour.encode())]), 'application/zip')])
mk('ansible-vault-attachment.eml', 'vars', 'See attached.',
   [('secrets.yml', vault.encode(), 'text/plain')])
mk('ansible-vault-inline-yaml.eml', 'vars', 'The vars file:\n\ndb_user: admin\ndb_password: !vault |\n'
   + ''.join('          ' + line + '\n' for line in
             ('$ANSIBLE_VAULT;1.2;AES256;prod\n' + vault.split('\n', 1)[1]).splitlines())
   + 'db_port: 5432\n')
mk('sops-yaml-attachment.eml', 'secrets', 'See attached.',
   [('secrets.enc.yaml', ('db_password: ENC[AES256_GCM,data:' + base64.b64encode(rnd(12)).decode() +
                          ',iv:' + base64.b64encode(rnd(32)).decode() + ',tag:' +
                          base64.b64encode(rnd(16)).decode() + ',type:str]\nsops:\n'
                          '    version: 3.8.1\n').encode(), 'text/plain')])
mk('encrypted-private-key-body.eml', 'key', 'The key:\n\n-----BEGIN ENCRYPTED PRIVATE KEY-----\n' +
   b64(rnd(180)) + '-----END ENCRYPTED PRIVATE KEY-----\n')
mk('openssl-enc-body.eml', 'notes', 'Here it is:\n\n' + b64(salted) + '\nThe password is the usual.\n')
mk('openssl-enc-armour-attachment.eml', 'notes', 'See attached.',
   [('notes.txt.enc', b64(salted).encode(), 'text/plain')])
mk('openssl-enc-binary-attachment.eml', 'notes', 'See attached.',
   [('notes.txt.enc', salted, 'application/octet-stream')])
# Texts that name the openers and carry no ciphertext: read as text.
mk('neg-openers-howto.eml', 'how to encrypt',
   'An age file starts with\n-----BEGIN AGE ENCRYPTED FILE-----\n(the encrypted data)\n'
   '-----END AGE ENCRYPTED FILE-----\nA vault file opens with\n$ANSIBLE_VAULT;1.1;AES256\n'
   'and then lines of hex. sops writes ENC[AES256_GCM,data:...] for each value, and\n'
   'U2FsdGVkX1 is what openssl enc -a output starts with.\n')
# h46 finding 3: a legacy PEM private key (RFC 1421 "Proc-Type: 4,ENCRYPTED",
# "DEK-Info:") is encrypted, in a body, an attachment and a zip member; the
# same key without those headers is not (read as text, as before).
def legacy_key(kind, encrypted):
    head = ('Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,' + rnd(16).hex().upper() + '\n\n'
            if encrypted else '')
    return ('-----BEGIN %s PRIVATE KEY-----\n' % kind + head + b64(rnd(180)) +
            '-----END %s PRIVATE KEY-----\n' % kind)


mk('legacy-pem-key-encrypted-body.eml', 'key', 'The key:\n\n' + legacy_key('RSA', True))
mk('legacy-pem-key-encrypted-attachment.eml', 'key', 'See attached.',
   [('server.key', legacy_key('EC', True).encode(), 'application/x-pem-file')])
mk('legacy-pem-key-encrypted-in-zip.eml', 'key', 'See attached.',
   [('keys.zip', zipped([('keys/dsa.key', legacy_key('DSA', True).encode())]), 'application/zip')])
mk('neg-legacy-pem-key-unencrypted-body.eml', 'key', 'The key:\n\n' + legacy_key('RSA', False))
