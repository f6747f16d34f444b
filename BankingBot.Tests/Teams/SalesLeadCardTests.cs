using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Staff;
using BankingBot.Dialogs.Storage;
using BankingBot.Dialogs.Understanding;
using BankingBot.Teams;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// New leads reach the sales channel in Teams as cards with their insights; staff claim, mark contacted or
/// disqualify with a reason, and the card changes in place for everyone, with who did what in the lead's audit.
/// </summary>
public sealed class SalesLeadCardTests : IAsyncLifetime
{
    private const string Sales = "19:sales@thread.tacv2";
    private readonly MemoryDocumentStore store = new();
    private TeamsStandIn teams = null!;

    public async Task InitializeAsync() => teams = await TeamsStandIn.StartAsync();

    public async Task DisposeAsync() => await teams.DisposeAsync();

    [Fact]
    public async Task ANewLeadIsPostedOnceWithItsInsights()
    {
        var staff = TeamsChat.Open(store, serviceUrl: teams.ServiceUrl);
        var lead = await CaptureLeadAsync(staff);

        await staff.Bot.Get<StaffChannelDelivery>().DeliverAsync(default);
        await staff.Bot.Get<StaffChannelDelivery>().DeliverAsync(default);

        var card = Assert.Single(teams.In(Sales));
        var text = TeamsStandIn.Text(card);
        Assert.Contains("New lead: Mortgage", text);
        Assert.Contains("Score " + lead.Score, text);
        Assert.Contains("sam@example.test", card.ToString());
        Assert.Contains("First home", text);
        Assert.Contains("Claim", card.ToString());
        Assert.Equal("Action.Execute", (string?)card.SelectToken("attachments[0].content.actions[0].type"));
        var followUp = await staff.Bot.Get<LeadDesk>().FollowUps.FindAsync(lead.Id);
        Assert.Equal(("posted", "msg-1"), (followUp!.Card, followUp.CardActivityId));
    }

    [Fact]
    public async Task TwoInstancesDeliveringAtOnceFromOneStorePostTheCardOnce()
    {
        var first = TeamsChat.Open(store, serviceUrl: teams.ServiceUrl);
        var second = TeamsChat.Open(store, serviceUrl: teams.ServiceUrl);
        var lead = await CaptureLeadAsync(first);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? first : second).Bot.Get<StaffChannelDelivery>().DeliverAsync(default)));

        Assert.Single(teams.In(Sales));
        var notice = await store.ReadAsync("lead-events/" + lead.Id);
        Assert.Equal("delivered", (string?)notice!.Content["status"]);
    }

    [Fact]
    public async Task StaffClaimMarkContactedAndDisqualifyAndTheCardChangesForEveryone()
    {
        var megan = TeamsChat.Open(store, channelThread: Sales + ";messageid=msg-1", serviceUrl: teams.ServiceUrl);
        var lead = await CaptureLeadAsync(megan);
        await megan.Bot.Get<StaffChannelDelivery>().DeliverAsync(default);
        var posted = (JObject)teams.In(Sales)[0].SelectToken("attachments[0].content")!;
        var claim = (JObject)posted.SelectToken("actions[?(@.title == 'Claim')].data")!;

        var (claimed, _) = await megan.InvokeAsync(claim);
        Assert.Contains("claimed by Megan Bowen", TeamsChat.SaidBy(claimed!));
        Assert.DoesNotContain("[Claim]", TeamsChat.SaidBy(claimed!));
        var update = teams.Updated.Last();
        Assert.Equal("msg-1", update.Id);
        Assert.Contains("claimed by Megan Bowen", update.Activity.ToString());

        // Another employee, in their own chat with the bot, types the claim: Megan was first.
        var adele = TeamsChat.Open(store, objectId: TeamsChat.OtherStaffObjectId, name: "Adele Vance",
            serviceUrl: teams.ServiceUrl);
        Assert.Contains("Megan Bowen has already claimed this lead.", await adele.SayAsync($"lead {lead.Id} claim"));

        var (contacted, _) = await megan.InvokeAsync((JObject)claimed!.SelectToken(
            "actions[?(@.title == 'Mark contacted')].data")!);
        Assert.Contains("contacted by Megan Bowen", TeamsChat.SaidBy(contacted!));

        var disqualify = (JObject)contacted!.SelectToken("actions[?(@.title == 'Disqualify')].data")!;
        var (noReason, _) = await megan.InvokeAsync(disqualify);
        Assert.Contains("Please give a reason", TeamsChat.SaidBy(noReason!));
        var withReason = (JObject)disqualify.DeepClone();
        withReason["reason"] = "Already has a mortgage offer elsewhere";
        var (disqualified, _) = await megan.InvokeAsync(withReason);
        Assert.Contains("disqualified by Megan Bowen: Already has a mortgage offer elsewhere",
            TeamsChat.SaidBy(disqualified!));
        Assert.Null(disqualified!["actions"]);

        var stored = await megan.Bot.Get<LeadBook>().FindAsync(lead.Id);
        Assert.Equal("lost", stored!.Status);
        Assert.Equal(["claimed", "contacted", "disqualified"], stored.Audit
            .Where(a => a.Actor == "staff:" + TeamsChat.StaffObjectId).Select(a => a.Change));
    }

    private static async Task<Lead> CaptureLeadAsync(TeamsChat chat)
    {
        var now = chat.Bot.Clock.GetUtcNow();
        var lead = new Lead
        {
            CreatedAt = now, UpdatedAt = now, Channel = "webchat", Customer = "customer-hash", Product = "mortgage",
            Purpose = "First home", Amount = new Money(250000, "GBP"), Timeline = new LeadTimeline("next spring", null),
            Consent = true, Score = 72, Temperature = LeadTemperature.Hot, Reasons = ["large amount (+30)"],
            Contact = new LeadContact("Sam Taylor", "sam@example.test", "020 7946 0018", now.AddDays(1),
                "Europe/London"),
            Summary = "Mortgage for: First home.",
        };
        var (stored, _) = await chat.Bot.Get<LeadBook>().CaptureAsync(lead, Guid.NewGuid().ToString("N"));
        await chat.Bot.Get<ILeadEvents>().RaiseNewLeadAsync(stored);
        return stored;
    }
}
