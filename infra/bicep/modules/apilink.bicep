// Links the Function App to the static site as its backend, so https://<site>/api/... reaches the functions
// on the site's own origin: no CORS, and the form's relative /api calls work unchanged.
@description('Static Web App name.')
param staticSiteName string

@description('Function App name.')
param functionAppName string

@description('Region of the Function App.')
param location string

resource staticSite 'Microsoft.Web/staticSites@2025-03-01' existing = {
  name: staticSiteName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2025-03-01' = {
  parent: staticSite
  name: 'api'
  properties: {
    backendResourceId: functionApp.id
    region: location
  }
}
