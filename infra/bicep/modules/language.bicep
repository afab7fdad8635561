// Optional Azure AI Language account (PII entity recognition). Keys are disabled: callers use Entra ID.
// Sending report text to it means the text leaves the app's own boundary; see docs/deploy.md.
@description('Account name; also its custom subdomain.')
param name string

@description('Location of the account.')
param location string

@description('Tags for the account.')
param tags { *: string }

resource account 'Microsoft.CognitiveServices/accounts@2026-07-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: 'S'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

@description('Endpoint of the account.')
output endpoint string = account.properties.endpoint
