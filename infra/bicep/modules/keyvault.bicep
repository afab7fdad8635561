// Key Vault in RBAC mode holding the app's secrets. A secret is written only when its parameter is given, so
// re-provisioning never replaces a key that is already there; the app reads each through a versionless Key
// Vault reference, so a new version is picked up without changing app settings.
import { secretNames } from 'names.bicep'

@description('Key Vault name (3-24 characters).')
param name string

@description('Location of the vault.')
param location string

@description('Tags for the vault.')
param tags { *: string }

@secure()
@description('Sealing key (32 bytes, base64) or empty.')
param sealingKey string

@secure()
@description('Receipt HMAC key (32 bytes, base64) or empty.')
param receiptKey string

@secure()
@description('Token signing key (32 bytes, base64) or empty.')
param signingKey string

@secure()
@description('SendGrid API key or empty.')
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sealing 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(sealingKey)) {
  parent: vault
  name: secretNames.sealing
  properties: {
    value: sealingKey
    contentType: 'base64; 32 bytes'
  }
}

resource receipt 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(receiptKey)) {
  parent: vault
  name: secretNames.receipt
  properties: {
    value: receiptKey
    contentType: 'base64; 32 bytes'
  }
}

resource signing 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(signingKey)) {
  parent: vault
  name: secretNames.signing
  properties: {
    value: signingKey
    contentType: 'base64; 32 bytes'
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: secretNames.sendGrid
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

@description('Vault name.')
output name string = vault.name

@description('Vault URI, ending in a slash.')
output uri string = vault.properties.vaultUri
