// The static site (web/) on Azure Static Web Apps. Standard, because only Standard can route /api to the
// Function App on the same origin (a linked backend, see apilink.bicep).
@description('Static Web App name.')
param name string

@description('Location (Static Web Apps regions only).')
param location string

@description('Tags (azd-service-name: web).')
param tags { *: string }

resource site 'Microsoft.Web/staticSites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

@description('Static Web App name.')
output name string = site.name

@description('Host name the site answers on.')
output defaultHostname string = site.properties.defaultHostname
