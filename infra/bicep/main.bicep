// NearMiss on Azure: a resource group holding a Flex Consumption Function App, its storage (tables and
// queues, identity only), Key Vault for the secrets, monitoring, the static site and, optionally, an Azure AI
// Language account. Local modules only, so `bicep build` works offline.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; part of every resource name and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Primary location for all resources.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Location of the Static Web App (the service is offered in a few regions only).')
@allowed([
  'centralus'
  'eastus2'
  'eastasia'
  'westeurope'
  'westus2'
])
param staticSiteLocation string = 'westeurope'

@description('Object id of the person or pipeline running the deployment: may manage Key Vault secrets. Empty: no grant.')
param principalId string = ''

@description('Kind of principal that principalId names.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('.NET version of the isolated worker.')
param dotnetVersion string = '10.0'

@minValue(40)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances.')
param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
@description('Memory of one Flex Consumption instance, in MB.')
param instanceMemoryMB int = 2048

@description('Sender address of notification e-mail (NearMiss:Email:From); the domain must be verified in SendGrid.')
param emailFrom string

@description('Staff addresses, comma separated (NearMiss:Staff:Emails): told of urgent hazards at once.')
param staffEmails string = ''

@description('NCRONTAB (with seconds, UTC) of the reviewer reminder timer (NearMiss:Review:ReminderSchedule).')
param reminderSchedule string = '0 0 8 * * 1-5'

@description('NCRONTAB (with seconds, UTC) of the weekly staff trend summary (NearMiss:Trends:SummarySchedule).')
param trendSummarySchedule string = '0 0 7 * * 1'

@description('NCRONTAB (with seconds, UTC) of the monthly agency analyses (NearMiss:Trends:AgencySchedule).')
param agencyAnalysisSchedule string = '0 0 7 2 * *'
@description('NCRONTAB (with seconds, UTC) of the weekly library digest timer (NearMiss:Library:DigestSchedule).')
param digestSchedule string = '0 0 7 * * 1'

@description('NCRONTAB (with seconds, UTC) of the orphan sweep that queues stored reports without a case again (NearMiss:Intake:OrphanSweepSchedule).')
param orphanSweepSchedule string = '0 20 * * * *'

@description('NCRONTAB (with seconds, UTC) of the retention purge (NearMiss:Review:PurgeSchedule).')
param purgeSchedule string = '0 30 3 * * *'

@description('NCRONTAB (with seconds, UTC) of the timer that deletes the bookkeeping of sent notifications (NearMiss:Email:ForgetSentSchedule).')
param forgetSentSchedule string = '0 40 * * * *'

@description('Per-address limits on submissions, receipt lookups and sign-ins (NearMiss:RateLimits:Enabled); false only for load tests.')
param rateLimitsEnabled bool = true

@description('Trusted proxies appending to X-Forwarded-For before the functions (NearMiss:RateLimits:ForwardedFor): 1, the Functions host. See docs/decisions/008-rate-limits.md.')
@minValue(0)
@maxValue(5)
param rateLimitForwardedFor int = 1

@description('Create an Azure AI Language account whose PII detection joins the local detector on each new report (off by default).')
param deployLanguage bool = false

@secure()
@description('Optional: 32 random bytes in base64 to store as the sealing key. Empty: keep what Key Vault holds.')
param sealingKey string = ''

@secure()
@description('Optional: 32 random bytes in base64 to store as the receipt key. Empty: keep what Key Vault holds.')
param receiptKey string = ''

@secure()
@description('Optional: 32 random bytes in base64 to store as the token signing key. Empty: keep what Key Vault holds.')
param signingKey string = ''

@secure()
@description('Optional: the SendGrid API key to store. Empty: keep what Key Vault holds.')
param sendGridApiKey string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  workspace: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  language: '${abbrs.cognitiveServicesTextAnalytics}${resourceToken}'
  staticSite: '${abbrs.webStaticSites}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}api-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

// The names must match NearMiss.Core/Storage/StorageNames.cs; NearMiss.Tests/Infra checks that they do.
module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(names.functionApp, 32)}-${take(resourceToken, 7)}'
    tableNames: [
      'submissions'
      'published'
      'audit'
      'reviewers'
      'signins'
      'notificationlog'
      'readers'
      'readersignins'
      'readerdomains'
      'aggregates'
      'aggregateevents'
      'agencies'
      'readersubscriptions'
      'readerdigests'
      'libraryfeatured'
    ]
    queueNames: [
      'pii-scan'
      'pii-scan-poison'
      'notifications'
      'notifications-poison'
      'reporter-replies'
      'reporter-replies-poison'
      'signin-links'
      'signin-links-poison'
    ]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sealingKey: sealingKey
    receiptKey: receiptKey
    signingKey: signingKey
    sendGridApiKey: sendGridApiKey
  }
}

module language 'modules/language.bicep' = if (deployLanguage) {
  name: 'language'
  scope: rg
  params: {
    name: names.language
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    languageAccountName: deployLanguage ? names.language : ''
    identityName: names.identity
    principalId: principalId
    principalType: principalType
  }
  dependsOn: [
    identity
    storage
    keyVault
    monitoring
    language
  ]
}

module staticSite 'modules/staticsite.bicep' = {
  name: 'staticsite'
  scope: rg
  params: {
    name: names.staticSite
    location: staticSiteLocation
    tags: union(tags, { 'azd-service-name': 'web' })
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: names.applicationInsights
    keyVaultUri: keyVault.outputs.uri
    dotnetVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    publicBaseUrl: 'https://${staticSite.outputs.defaultHostname}'
    emailFrom: emailFrom
    staffEmails: staffEmails
    reminderSchedule: reminderSchedule
    trendSummarySchedule: trendSummarySchedule
    agencyAnalysisSchedule: agencyAnalysisSchedule
    digestSchedule: digestSchedule
    orphanSweepSchedule: orphanSweepSchedule
    purgeSchedule: purgeSchedule
    forgetSentSchedule: forgetSentSchedule
    languageEndpoint: deployLanguage ? language!.outputs.endpoint : ''
    rateLimitsEnabled: rateLimitsEnabled
    rateLimitForwardedFor: rateLimitForwardedFor
  }
  dependsOn: [
    monitoring
    rbac
  ]
}

// /api on the static site's origin goes to the Function App: the form calls /api/... relative to itself.
module apiLink 'modules/apilink.bicep' = {
  name: 'apilink'
  scope: rg
  params: {
    staticSiteName: names.staticSite
    functionAppName: names.functionApp
    location: location
  }
  dependsOn: [
    staticSite
    functionApp
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output NEARMISS_PUBLIC_URL string = 'https://${staticSite.outputs.defaultHostname}'
output NEARMISS_LANGUAGE_ENDPOINT string = deployLanguage ? language!.outputs.endpoint : ''
