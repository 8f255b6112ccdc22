#!/usr/bin/env bash
# Makes the certificate the portal encrypts its Data Protection keys with at rest (docs/operations.md,
# "Data Protection keys"; docs/adr/0064): a self-signed RSA certificate with its private key, as a PKCS#12 file.
#   DATAPROTECTION_CERT_PASSWORD=... bash scripts/dataprotection-cert.sh [OUT.pfx]
# Default output: secrets/dataprotection.pfx (git-ignored), which both compose files mount as a secret. Keep the
# file and its password in the secret store: without them the stored keys cannot be read (everyone signs in again).
set -euo pipefail
out="${1:-$(dirname "$0")/../secrets/dataprotection.pfx}"
: "${DATAPROTECTION_CERT_PASSWORD:?set DATAPROTECTION_CERT_PASSWORD to the password for the .pfx file}"
if [ -e "$out" ]; then
  echo "$out exists; not overwritten (the keys it protects would become unreadable)" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes -subj "/CN=partnership-portal data protection" \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$out" -passout env:DATAPROTECTION_CERT_PASSWORD
chmod 600 "$out"
echo "wrote $out"
