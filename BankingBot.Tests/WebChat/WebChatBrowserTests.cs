using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace BankingBot.Tests.WebChat;

/// <summary>
/// The web chat page in headless Chromium, through the official Web Chat UI, against the real app and its own
/// Direct Line: each test is a visitor's conversation, with screenshots in artifacts/webchat.
/// </summary>
public sealed class WebChatBrowserTests(BrowserBot bot) : IClassFixture<BrowserBot>
{
    [Fact]
    public async Task SupportQuestionIsAnsweredAndABankingWordExplained()
    {
        var facts = await bot.RunAsync("support");

        Assert.True((bool)facts["passed"]!);
    }

    [Fact]
    public async Task VisitorOnTheMortgagePageIsOfferedAMortgageAndTheLeadRemembersThePage()
    {
        await bot.RunAsync("lead");

        var leads = await new LeadBook(Store(), NullLogger<LeadBook>.Instance).AllAsync().ToListAsync();
        var lead = Assert.Single(leads, l => l.SourcePage == "/mortgages/first-home");
        Assert.Equal("mortgage", lead.Product);
        Assert.Equal("webchat", lead.Channel);
        Assert.False(lead.Consent);
    }

    [Fact]
    public async Task TicketIsOpenedWithButtonsAndItsStatusShownByNumber()
    {
        var facts = await bot.RunAsync("ticket");

        Assert.Matches("^TK-[A-Z0-9]{4}-[A-Z0-9]{4}$", (string)facts["ticket"]!);
    }

    [Fact]
    public async Task FeedbackIsGivenByClickingARating()
    {
        await bot.RunAsync("feedback");

        var entries = await new RecordBook<FeedbackEntry>(Store(), "feedback").AllAsync().ToListAsync();
        var entry = Assert.Single(entries, e => e.Rating == 4);
        Assert.Equal((4, null, 9, "webchat"), (entry.Rating, entry.Comment, entry.Recommendation, entry.Channel));
    }

    [Fact]
    public async Task ReloadingThePageContinuesTheSameConversation()
    {
        var facts = await bot.RunAsync("reload");

        Assert.NotEmpty((string)facts["conversationId"]!);
    }

    [Fact]
    public async Task SecondVisitorSeesNothingOfTheFirstAndCannotReadTheirConversation()
    {
        var facts = await bot.RunAsync("isolation");

        Assert.Equal(403, (int)facts["crossConversationStatus"]!);
    }

    private FileDocumentStore Store() => new(bot.DataFolder);
}
