// The one identity the Function App runs as: storage, Key Vault references, Application Insights.
@description('Name of the user-assigned managed identity.')
param name string

@description('Location of the identity.')
param location string

@description('Tags for the identity.')
param tags { *: string }

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id, as NearMissStorage__clientId and AzureWebJobsStorage__clientId name it.')
output clientId string = identity.properties.clientId

@description('Principal (object) id, for role assignments.')
output principalId string = identity.properties.principalId
