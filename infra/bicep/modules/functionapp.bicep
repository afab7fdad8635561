// The Function App on the Flex Consumption plan, running as the user-assigned identity. Storage is reached by
// identity (no connection strings), secrets through Key Vault references, telemetry with Entra ID auth.
import { secretNames } from 'names.bicep'

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Location of the plan and the app.')
param location string

@description('Tags for the plan and the app (the app carries azd-service-name).')
param tags { *: string }

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account with the tables, queues and deployment container.')
param storageAccountName string

@description('Blob container of the deployment package.')
param deploymentContainerName string

@description('Application Insights name.')
param applicationInsightsName string

@description('Key Vault URI, ending in a slash.')
param keyVaultUri string

@description('.NET version of the isolated worker.')
param dotnetVersion string

@description('Upper bound on instances.')
param maximumInstanceCount int

@description('Memory of one instance, in MB.')
param instanceMemoryMB int

@description('Address of the static site, where e-mailed links point (NearMiss:PublicBaseUrl).')
param publicBaseUrl string

@description('Sender address of notification e-mail.')
param emailFrom string

@description('Staff addresses, comma separated.')
param staffEmails string

@description('NCRONTAB of the reviewer reminder timer.')
param reminderSchedule string

@description('NCRONTAB of the weekly staff trend summary.')
param trendSummarySchedule string

@description('NCRONTAB of the monthly agency analyses.')
param agencyAnalysisSchedule string
@description('NCRONTAB of the weekly library digest timer.')
param digestSchedule string

@description('NCRONTAB of the orphan sweep.')
param orphanSweepSchedule string

@description('NCRONTAB of the retention purge.')
param purgeSchedule string

@description('NCRONTAB of the timer that deletes the bookkeeping of sent notifications.')
param forgetSentSchedule string

@description('Whether the per-address rate limits are on.')
param rateLimitsEnabled bool

@description('Endpoint of the Azure AI Language account for the second PII opinion, or empty for none.')
param languageEndpoint string

@description('Trusted proxies appending to X-Forwarded-For before the functions.')
param rateLimitForwardedFor int

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

// A versionless reference follows the latest version of the secret (picked up within a day, or at restart).
var keyVaultReference = 'SecretUri=${keyVaultUri}secrets/'

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// Every setting the code reads; NearMiss.Tests/Infra compares these names with the options classes.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    NearMissStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    NearMissStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    NearMissStorage__credential: 'managedidentity'
    NearMissStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    NearMiss__Keys__Sealing: '@Microsoft.KeyVault(${keyVaultReference}${secretNames.sealing})'
    NearMiss__Keys__Receipt: '@Microsoft.KeyVault(${keyVaultReference}${secretNames.receipt})'
    NearMiss__Keys__Signing: '@Microsoft.KeyVault(${keyVaultReference}${secretNames.signing})'
    NearMiss__Email__SendGridApiKey: '@Microsoft.KeyVault(${keyVaultReference}${secretNames.sendGrid})'
    NearMiss__Email__From: emailFrom
    NearMiss__PublicBaseUrl: publicBaseUrl
    NearMiss__Staff__Emails: staffEmails
    NearMiss__Review__ReminderSchedule: reminderSchedule
    NearMiss__Trends__SummarySchedule: trendSummarySchedule
    NearMiss__Trends__AgencySchedule: agencyAnalysisSchedule
    NearMiss__Trends__Threshold: '5'
    NearMiss__Library__DigestSchedule: digestSchedule
    NearMiss__Intake__OrphanSweepSchedule: orphanSweepSchedule
    NearMiss__Review__PurgeSchedule: purgeSchedule
    NearMiss__Email__ForgetSentSchedule: forgetSentSchedule
    // Per-address limits, counted in each instance's memory (docs/decisions/008-rate-limits.md).
    NearMiss__RateLimits__Enabled: string(rateLimitsEnabled)
    NearMiss__RateLimits__ForwardedFor: string(rateLimitForwardedFor)
    NearMiss__RateLimits__SubmissionPermits: '30'
    NearMiss__RateLimits__SubmissionWindowMinutes: '60'
    NearMiss__RateLimits__LookupPermits: '60'
    NearMiss__RateLimits__LookupWindowMinutes: '10'
    NearMiss__RateLimits__SignInPermits: '20'
    NearMiss__RateLimits__SignInWindowMinutes: '15'
    NearMiss__ResponseFloor__LookupMilliseconds: '300'
    NearMiss__ResponseFloor__SignInMilliseconds: '1000'
    // Originals left without a case are queued for their scan again (docs/decisions/010-orphaned-submissions.md).
    NearMiss__Intake__OrphanAge: '00:10:00'
    NearMiss__Intake__OrphanLookBack: '2.00:00:00'
    // The batch window a submission's time hides in (docs/decisions/011-batch-window.md).
    NearMiss__Privacy__BatchInterval: '06:00:00'
    // The optional second PII opinion, called with the app's identity (docs/decisions/025-language-second-opinion.md).
    NearMiss__Pii__Language__Endpoint: languageEndpoint
    NearMiss__Pii__Language__ClientId: identityClientId
    NearMiss__Pii__Language__ApiVersion: '2023-04-01'
    NearMiss__Pii__Language__MinConfidence: '0.6'
    NearMiss__Pii__Language__Timeout: '00:00:15'
    NearMiss__Pii__Language__RetryDelay: '00:00:00.5'
  }
}

@description('Function App name.')
output name string = site.name

@description('Default host name of the Function App.')
output defaultHostname string = site.properties.defaultHostName
