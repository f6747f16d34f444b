using BankingBot;
using BankingBot.Bots;
using BankingBot.DirectLine;

var builder = WebApplication.CreateBuilder(args);
bool inline;
try
{
    inline = builder.WebHost.UseInlineCompletions(builder.Configuration);
}
catch (InvalidOperationException e)
{
    // A setting no one can read: said plainly, and the bot does not start.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

builder.Services.AddBankingBot(builder.Configuration, builder.Environment);
builder.Services.AddDirectLine(builder.Configuration);

var app = builder.Build();
if (inline)
{
    app.Logger.LogInformation("Socket completions run inline ({Cores})",
        Environment.ProcessorCount == 1 ? "1 core" : $"{Environment.ProcessorCount} cores");
}

app.MapBankingBot();
app.MapWebChat();
app.MapDirectLine();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so tests can start the real app.</summary>
public partial class Program;
