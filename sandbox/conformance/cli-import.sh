#!/usr/bin/env bash
# Importing key material with the AWS CLI and OpenSSL, step by step as the KMS developer guide's
# "Importing key material" procedure shows it: create a key with no key material, download the
# wrapping public key and import token, encrypt the key material, import it; then use the key.
# Part 1 imports a 256-bit symmetric key (RSAES_OAEP_SHA_256); part 2 an RSA private key
# (RSA_AES_KEY_WRAP_SHA_256: an AES key wrapped with RSA-OAEP, the key material with AES key wrap).
set -euo pipefail
: "${ENDPOINT:?set ENDPOINT to the sandbox URL}"
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_DEFAULT_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_PROFILE
kms() { aws kms --endpoint-url "$ENDPOINT" "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# --- Part 1: symmetric encryption key --------------------------------------------------------
# Step 1: create a KMS key with no key material.
key_id=$(kms create-key --origin EXTERNAL --query KeyMetadata.KeyId --output text)
state=$(kms describe-key --key-id "$key_id" --query KeyMetadata.KeyState --output text)
[ "$state" = PendingImport ] || { echo "new EXTERNAL key is $state, not PendingImport" >&2; exit 1; }

# Step 2: download the wrapping public key and import token, and base64 decode them into
# WrappingPublicKey.bin and ImportToken.bin. (The public key and token of one response belong
# together, so both are saved from the same call.)
download_parameters() { # key id, wrapping algorithm, wrapping key spec
  read -r public_key import_token < <(kms get-parameters-for-import --key-id "$1" \
    --wrapping-algorithm "$2" --wrapping-key-spec "$3" \
    --query '[PublicKey, ImportToken]' --output text)
  printf '%s' "$public_key" >PublicKey.b64
  printf '%s' "$import_token" >ImportToken.b64
  openssl enc -d -base64 -A -in PublicKey.b64 -out WrappingPublicKey.bin
  openssl enc -d -base64 -A -in ImportToken.b64 -out ImportToken.bin
}
download_parameters "$key_id" RSAES_OAEP_SHA_256 RSA_2048

# Step 3: generate key material and encrypt it with the wrapping public key.
openssl rand -out PlaintextKeyMaterial.bin 32
openssl pkeyutl \
  -encrypt \
  -in PlaintextKeyMaterial.bin \
  -out EncryptedKeyMaterial.bin \
  -inkey WrappingPublicKey.bin \
  -keyform DER \
  -pubin \
  -pkeyopt rsa_padding_mode:oaep \
  -pkeyopt rsa_oaep_md:sha256 \
  -pkeyopt rsa_mgf1_md:sha256

# Step 4: import the key material, expiring in 30 days.
valid_to=$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)
kms import-key-material --key-id "$key_id" \
  --encrypted-key-material fileb://EncryptedKeyMaterial.bin \
  --import-token fileb://ImportToken.bin \
  --expiration-model KEY_MATERIAL_EXPIRES \
  --valid-to "$valid_to" >imported.json

read -r state model < <(kms describe-key --key-id "$key_id" \
  --query '[KeyMetadata.KeyState, KeyMetadata.ExpirationModel]' --output text)
[ "$state" = Enabled ] || { echo "after import the key is $state, not Enabled" >&2; exit 1; }
[ "$model" = KEY_MATERIAL_EXPIRES ] || { echo "ExpirationModel is $model" >&2; exit 1; }

printf 'sealed under imported key material\n' >secret.txt
kms encrypt --key-id "$key_id" --plaintext fileb://secret.txt \
  --query CiphertextBlob --output text | base64 --decode >secret.bin
kms decrypt --ciphertext-blob fileb://secret.bin \
  --query Plaintext --output text | base64 --decode >roundtrip.txt
cmp secret.txt roundtrip.txt

# --- Part 2: RSA private key with RSA_AES_KEY_WRAP_SHA_256 (OpenSSL 3) -------------------------
rsa_key=$(kms create-key --origin EXTERNAL --key-spec RSA_2048 --key-usage ENCRYPT_DECRYPT \
  --query KeyMetadata.KeyId --output text)
download_parameters "$rsa_key" RSA_AES_KEY_WRAP_SHA_256 RSA_3072

openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:2048 2>/dev/null \
  | openssl pkcs8 -topk8 -outform der -nocrypt >RSA_2048_PrivateKey.der
openssl rand -out aes-key.bin 32
openssl enc -id-aes256-wrap-pad \
  -K "$(xxd -p <aes-key.bin | tr -d '\n')" \
  -iv A65959A6 \
  -in RSA_2048_PrivateKey.der \
  -out key-material-wrapped.bin
openssl pkeyutl \
  -encrypt \
  -in aes-key.bin \
  -out aes-key-wrapped.bin \
  -inkey WrappingPublicKey.bin \
  -keyform DER \
  -pubin \
  -pkeyopt rsa_padding_mode:oaep \
  -pkeyopt rsa_oaep_md:sha256 \
  -pkeyopt rsa_mgf1_md:sha256
cat aes-key-wrapped.bin key-material-wrapped.bin >EncryptedKeyMaterial.bin

kms import-key-material --key-id "$rsa_key" \
  --encrypted-key-material fileb://EncryptedKeyMaterial.bin \
  --import-token fileb://ImportToken.bin \
  --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE >/dev/null

# KMS derives the public key from the imported private key ...
kms get-public-key --key-id "$rsa_key" --query PublicKey --output text | base64 --decode >kms-public.der
openssl pkey -inform DER -in RSA_2048_PrivateKey.der -pubout -outform DER -out own-public.der
cmp kms-public.der own-public.der
# ... and what KMS encrypts under it, the imported private key decrypts.
kms encrypt --key-id "$rsa_key" --plaintext fileb://secret.txt --encryption-algorithm RSAES_OAEP_SHA_256 \
  --query CiphertextBlob --output text | base64 --decode >rsa-secret.bin
openssl pkeyutl -decrypt -inkey RSA_2048_PrivateKey.der -keyform DER -in rsa-secret.bin \
  -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256 \
  -out rsa-roundtrip.txt
cmp secret.txt rsa-roundtrip.txt

echo 'import walk-through complete'
