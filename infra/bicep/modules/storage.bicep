// One storage account for the app's tables and queues and the Functions host (AzureWebJobsStorage and the
// deployment package). No account keys: every caller authenticates with Microsoft Entra ID.
@description('Storage account name (3-24 lowercase letters and digits).')
param name string

@description('Location of the account.')
param location string

@description('Tags for the account.')
param tags { *: string }

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Tables the app uses (NearMiss.Core StorageNames.Tables).')
param tableNames string[]

@description('Queues the app uses, poison queues included (NearMiss.Core StorageNames.Queues).')
param queueNames string[]

@description('Replication: zone-redundant where the region offers it is worth the small premium for reports.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string = 'Standard_LRS'

resource account 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for table in tableNames: {
    parent: tableService
    name: table
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

@description('Account name.')
output name string = account.name

@description('Name of the deployment package container.')
output deploymentContainerName string = deploymentContainer.name
