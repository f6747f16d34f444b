using BankingBot;
using BankingBot.Bots;
using BankingBot.DirectLine;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBankingBot(builder.Configuration, builder.Environment);
builder.Services.AddDirectLine(builder.Configuration);

var app = builder.Build();
app.MapBankingBot();
app.MapWebChat();
app.MapDirectLine();
app.Run();

/// <summary>The web host's entry point; public so tests can start the real app.</summary>
public partial class Program;
