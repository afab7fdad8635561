// Names shared between modules.

@export()
@description('Key Vault secret names, by purpose.')
type SecretNames = {
  sealing: string
  receipt: string
  signing: string
  sendGrid: string
}

@export()
@description('The Key Vault secrets the app reads through Key Vault references.')
var secretNames SecretNames = {
  sealing: 'nearmiss-keys-sealing'
  receipt: 'nearmiss-keys-receipt'
  signing: 'nearmiss-keys-signing'
  sendGrid: 'nearmiss-email-sendgridapikey'
}
