using BankingBot;
using BankingBot.Bots;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBankingBot(builder.Configuration, builder.Environment);

var app = builder.Build();
app.MapBankingBot();
app.Run();

/// <summary>The web host's entry point; public so tests can start the real app.</summary>
public partial class Program;
