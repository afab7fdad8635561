#!/usr/bin/env sh
# After `azd provision`: creates the app's keys in Key Vault if they are not there yet, from random bytes that
# go straight from openssl to Key Vault (never into azd's .env file, a parameter or a log). Existing keys are
# kept: replacing the sealing or receipt key would make every stored report unreadable.
set -eu

vault="${AZURE_KEY_VAULT_NAME:?run through azd: AZURE_KEY_VAULT_NAME is an output of infra/bicep/main.bicep}"

# The deployer's Key Vault Secrets Officer role can take a minute to reach the vault.
attempt=0
until az keyvault secret list --vault-name "$vault" --maxresults 1 --query '[].id' -o none 2>/dev/null; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 20 ]; then
    echo "postprovision: no access to Key Vault $vault (is AZURE_PRINCIPAL_ID your object id?)" >&2
    exit 1
  fi
  sleep 15
done

for name in nearmiss-keys-sealing nearmiss-keys-receipt nearmiss-keys-signing; do
  if az keyvault secret show --vault-name "$vault" --name "$name" --query id -o none 2>/dev/null; then
    echo "postprovision: $name kept"
  else
    openssl rand -base64 32 | tr -d '\n' |
      az keyvault secret set --vault-name "$vault" --name "$name" --file /dev/stdin \
        --content-type 'base64; 32 bytes' --query id -o none
    echo "postprovision: $name created"
  fi
done

if ! az keyvault secret show --vault-name "$vault" --name nearmiss-email-sendgridapikey --query id -o none 2>/dev/null; then
  echo "postprovision: no SendGrid key yet; e-mail fails until you store one:" >&2
  echo "  az keyvault secret set --vault-name $vault --name nearmiss-email-sendgridapikey --file <file holding the key>" >&2
fi
