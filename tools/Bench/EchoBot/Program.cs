using BankingBot.Bench.EchoBot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

// The stock echo bot, wired the way the SDK's project template does it: CloudAdapter over
// ConfigurationBotFrameworkAuthentication (no app id: authentication off, as for the Emulator), a shared
// IHttpClientFactory, and ConversationState over the SDK's own MemoryStorage. Nothing here changes what the
// SDK does in a turn. Two differences from the template, both in the floor's favour: the SDK's Information
// logs (three console lines a turn) are silenced, as BankingBot silences them, and there is no MVC controller.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Services.AddHttpClient();
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(provider => new CloudAdapter(
    provider.GetRequiredService<BotFrameworkAuthentication>(), provider.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddSingleton<CountingStorage>();
builder.Services.AddSingleton<IStorage>(provider => provider.GetRequiredService<CountingStorage>());
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddTransient<IBot, EchoBot>();

var app = builder.Build();
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot,
    CancellationToken cancel) => adapter.ProcessAsync(request, response, bot, cancel));

// What the load generator reads before and after a run. It changes nothing in a turn.
app.MapGet("/bench/counters", (CountingStorage storage) => Results.Json(new
{
    allocatedBytes = GC.GetTotalAllocatedBytes(),
    stateReads = storage.Reads,
    stateWrites = storage.Writes,
    gc = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
}));
app.Run();
