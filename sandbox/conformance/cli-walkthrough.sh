#!/usr/bin/env bash
# The key-rotation walk-through an operator follows, with the real AWS CLI against the sandbox:
# encrypt under alias/my-key, point the alias at a new key, re-encrypt, disable the old key; the old
# ciphertext then fails with DisabledException and the new one decrypts.
set -euo pipefail
: "${ENDPOINT:?set ENDPOINT to the sandbox URL}"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_PROFILE
kms() { aws kms --endpoint-url "$ENDPOINT" "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'card 4111-1111-1111-1111, exp 12/30\n' >"$work/secret.txt"

old_key=$(kms create-key --description 'walk-through: old key' --query KeyMetadata.KeyId --output text)
kms create-alias --alias-name alias/my-key --target-key-id "$old_key"

kms encrypt --key-id alias/my-key --plaintext "fileb://$work/secret.txt" \
  --encryption-context purpose=walkthrough,team=payments \
  --query CiphertextBlob --output text | base64 --decode >"$work/old.bin"

new_key=$(kms create-key --description 'walk-through: new key' --query KeyMetadata.KeyId --output text)
kms update-alias --alias-name alias/my-key --target-key-id "$new_key"
target=$(kms list-aliases --key-id "$new_key" --query 'Aliases[0].AliasName' --output text)
[ "$target" = alias/my-key ] || { echo "alias/my-key does not point at the new key" >&2; exit 1; }

kms re-encrypt --ciphertext-blob "fileb://$work/old.bin" \
  --source-encryption-context purpose=walkthrough,team=payments \
  --destination-key-id alias/my-key \
  --destination-encryption-context purpose=walkthrough,team=payments \
  --query CiphertextBlob --output text | base64 --decode >"$work/new.bin"

kms disable-key --key-id "$old_key"

if kms decrypt --ciphertext-blob "fileb://$work/old.bin" \
  --encryption-context purpose=walkthrough,team=payments 2>"$work/old.err" >/dev/null; then
  echo "the old ciphertext still decrypted after its key was disabled" >&2
  exit 1
fi
grep -q DisabledException "$work/old.err" || { cat "$work/old.err" >&2; exit 1; }

kms decrypt --ciphertext-blob "fileb://$work/new.bin" \
  --encryption-context purpose=walkthrough,team=payments \
  --query Plaintext --output text | base64 --decode >"$work/roundtrip.txt"
cmp "$work/secret.txt" "$work/roundtrip.txt"

decrypted_by=$(kms decrypt --ciphertext-blob "fileb://$work/new.bin" \
  --encryption-context purpose=walkthrough,team=payments --query KeyId --output text)
[ "$decrypted_by" = "arn:aws:kms:us-east-1:111122223333:key/$new_key" ] || {
  echo "decrypted by $decrypted_by, expected the new key" >&2
  exit 1
}
echo "walk-through complete: old key $old_key disabled, data now under $new_key"
