// BankingBot on Azure: an App Service plan that scales out, the web app on .NET 10, shared Blob Storage for
// state and records, and an Azure Bot registration with the Web Chat / Direct Line, Teams and Facebook
// channels. Deploy with: az deployment group create -g <group> -f main.bicep -p main.parameters.json

@description('Base name of every resource; letters and digits, 3 to 18 characters.')
@minLength(3)
@maxLength(18)
param baseName string

@description('Azure region of the resources.')
param location string = resourceGroup().location

@description('App Service plan size; S1 or larger supports autoscale.')
@allowed([ 'S1', 'S2', 'S3', 'P1v3', 'P2v3', 'P3v3' ])
param planSku string = 'P1v3'

@description('Instances when load is low, and at most when it is high.')
@minValue(1)
param minimumInstances int = 2

@maxValue(30)
param maximumInstances int = 10

@description('The bot\'s Microsoft Entra app registration (client) id.')
param microsoftAppId string

@description('The app registration\'s client secret.')
@secure()
param microsoftAppPassword string

@description('MultiTenant or SingleTenant.')
@allowed([ 'MultiTenant', 'SingleTenant' ])
param microsoftAppType string = 'SingleTenant'

@description('The tenant of a single-tenant app registration.')
param microsoftAppTenantId string = subscription().tenantId

@description('The bank as customers know it.')
param bankName string
param bankAppName string
param bankSupportPhone string
param bankSupportEmail string
param bankWebsite string

@description('The bank\'s IANA time zone, for business hours.')
param bankTimeZone string = 'Europe/London'
param businessOpens string = '09:00'
param businessCloses string = '17:30'

@description('Days the bank is closed besides weekends (yyyy-MM-dd).')
param holidays array = []

@description('Staff in Teams: the bank\'s tenant, and the Microsoft Entra object ids of employees.')
param staffTenantId string = subscription().tenantId
param staffUserIds array = []

@description('Staff groups: members are found through Microsoft Graph (the app needs GroupMember.Read.All).')
param staffGroupIds array = []

@description('The Teams channels for new leads and hand-overs (conversation ids); empty posts nothing.')
param salesChannelId string = ''
param serviceChannelId string = ''

@description('The Teams service URL of the bank\'s region, as Teams sends it to the bot.')
param teamsServiceUrl string = 'https://smba.trafficmanager.net/emea/'

@description('How long a hand-over request waits for an employee before it becomes a ticket.')
param handoverAcceptWithin string = '00:10:00'

@description('Facebook page id for Messenger; leave empty to deploy without the Facebook channel.')
param facebookPageId string = ''

@secure()
param facebookPageAccessToken string = ''
param facebookAppId string = ''

@secure()
param facebookAppSecret string = ''

var names = {
  plan: '${baseName}-plan'
  site: '${baseName}-app'
  bot: '${baseName}-bot'
  storage: toLower(take('${replace(baseName, '-', '')}store', 24))
}
var container = 'bankingbot'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: { name: planSku, capacity: minimumInstances }
  properties: { reserved: true }
}

// The key reaches the app as a setting; a bank would rather reference a Key Vault secret or use the app's managed
// identity, which the bot's BlobDocumentStore does not support yet (it takes a connection string).
var storageKey = storage.listKeys().keys[0].value
var storageConnection = join([
  'DefaultEndpointsProtocol=https'
  'AccountName=${storage.name}'
  'AccountKey=${storageKey}'
  'EndpointSuffix=${environment().suffixes.storage}'
], ';')

var baseSettings = [
  { name: 'MicrosoftAppId', value: microsoftAppId }
  { name: 'MicrosoftAppPassword', value: microsoftAppPassword }
  { name: 'MicrosoftAppType', value: microsoftAppType }
  { name: 'MicrosoftAppTenantId', value: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : '' }
  // A channel, Graph or token service that does not answer holds a turn at most this long per attempt.
  { name: 'OutgoingRequestTimeout', value: '00:00:15' }
  { name: 'Storage__Kind', value: 'Blob' }
  { name: 'Storage__ConnectionString', value: storageConnection }
  { name: 'Storage__Container', value: container }
  { name: 'Storage__Folder', value: 'App_Data' }
  { name: 'Bank__Name', value: bankName }
  { name: 'Bank__AppName', value: bankAppName }
  { name: 'Bank__SupportPhone', value: bankSupportPhone }
  { name: 'Bank__SupportEmail', value: bankSupportEmail }
  { name: 'Bank__Website', value: bankWebsite }
  { name: 'Bank__TimeZone', value: bankTimeZone }
  { name: 'Bank__BusinessHours__Opens', value: businessOpens }
  { name: 'Bank__BusinessHours__Closes', value: businessCloses }
  // The web chat page gets short-lived tokens from the bot, which exchanges this secret with Direct Line.
  { name: 'DirectLine__Secret', value: directLine.listChannelWithKeys().properties.properties.sites[0].key }
  { name: 'DirectLine__TokenService', value: 'https://directline.botframework.com/v3/directline/tokens/generate' }
  { name: 'DirectLine__TokenLifetime', value: '00:30:00' }
  { name: 'DirectLine__IdleTimeout', value: '01:00:00' }
  { name: 'DirectLine__SweepInterval', value: '00:01:00' }
  { name: 'DirectLine__MaxActivitiesPerConversation', value: '500' }
  { name: 'DirectLine__MaxConversations', value: '10000' }
]
var holidaySettings = [for (day, i) in holidays: { name: 'Bank__Holidays__${i}', value: day }]
var teamsSettings = [
  { name: 'Staff__TenantId', value: staffTenantId }
  { name: 'Staff__Graph__Endpoint', value: '${environment().graph}v1.0' }
  { name: 'Staff__Graph__TokenEndpoint', value: '${environment().authentication.loginEndpoint}{tenant}/oauth2/v2.0/token' }
  { name: 'Staff__Graph__CacheFor', value: '00:10:00' }
  { name: 'Teams__SalesChannel__ConversationId', value: salesChannelId }
  { name: 'Teams__SalesChannel__ServiceUrl', value: teamsServiceUrl }
  { name: 'Teams__SalesChannel__TenantId', value: staffTenantId }
  { name: 'Teams__ServiceChannel__ConversationId', value: serviceChannelId }
  { name: 'Teams__ServiceChannel__ServiceUrl', value: teamsServiceUrl }
  { name: 'Teams__ServiceChannel__TenantId', value: staffTenantId }
  { name: 'Teams__HandoverAcceptWithin', value: handoverAcceptWithin }
  { name: 'Teams__DeliveryInterval', value: '00:00:10' }
]
var staffUserSettings = [for (id, i) in staffUserIds: { name: 'Staff__UserIds__${i}', value: id }]
var staffGroupSettings = [for (id, i) in staffGroupIds: { name: 'Staff__GroupIds__${i}', value: id }]
var allSettings = concat(baseSettings, holidaySettings, teamsSettings, staffUserSettings, staffGroupSettings)

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      webSocketsEnabled: true
    }
  }
}

// The settings go on after the bot's channels exist, because one of them is the Direct Line key.
resource siteSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: toObject(allSettings, setting => setting.name, setting => setting.value)
}

resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${names.plan}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: plan.id
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(minimumInstances)
          maximum: string(maximumInstances)
          default: string(minimumInstances)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT5M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: 65
            }
            scaleAction: { direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricResourceUri: plan.id
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: 25
            }
            scaleAction: { direction: 'Decrease', type: 'ChangeCount', value: '1', cooldown: 'PT10M' }
          }
        ]
      }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: bankName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'SingleTenant' ? microsoftAppTenantId : null
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [ { siteName: 'Website', isEnabled: true, isWebchatPreviewEnabled: true } ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Website'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: [ bankWebsite ]
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource facebook 'Microsoft.BotService/botServices/channels@2022-09-15' = if (!empty(facebookPageId)) {
  parent: bot
  name: 'FacebookChannel'
  location: 'global'
  properties: {
    channelName: 'FacebookChannel'
    properties: {
      isEnabled: true
      appId: facebookAppId
      appSecret: facebookAppSecret
      pages: [ { id: facebookPageId, accessToken: facebookPageAccessToken } ]
    }
  }
}

output botEndpoint string = bot.properties.endpoint
output webAppHostName string = site.properties.defaultHostName
output storageAccount string = storage.name
