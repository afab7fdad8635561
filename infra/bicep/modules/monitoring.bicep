// Log Analytics and Application Insights. IP masking stays on (DisableIpMasking is never set): the client
// address is zeroed at ingestion. Local (key) authentication is off: the app sends telemetry with its identity.
@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights name.')
param applicationInsightsName string

@description('Location of both.')
param location string

@description('Tags for both.')
param tags { *: string }

@minValue(30)
@maxValue(730)
@description('Days logs are kept.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    sku: {
      name: 'PerGB2018'
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

@description('Application Insights name.')
output applicationInsightsName string = applicationInsights.name
