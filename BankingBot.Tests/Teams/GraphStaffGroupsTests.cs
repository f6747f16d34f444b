using System.Collections.Concurrent;
using BankingBot.Teams;
using BankingBot.Tests.Conversations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// Staff by group, asked of a stand-in for Microsoft Graph and its token endpoint on a loopback port.
/// </summary>
public sealed class GraphStaffGroupsTests : IAsyncLifetime
{
    private const string StaffGroup = "7d0c5e2a-0000-4000-8000-000000000001";
    private readonly ConcurrentQueue<string> calls = new();
    private readonly HashSet<string> members = ["megan-object-id"];
    private WebApplication graph = null!;
    private bool graphDown;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        graph = builder.Build();
        graph.MapPost("/tenant-1/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            calls.Enqueue($"token {form["client_id"]} {form["scope"]}");
            return Results.Json(new { access_token = "graph-token", expires_in = 3600 });
        });
        graph.MapPost("/v1.0/users/{id}/checkMemberGroups", async (string id, HttpRequest request) =>
        {
            calls.Enqueue($"check {id} {request.Headers.Authorization}");
            if (graphDown)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var asked = (JArray)JObject.Parse(await new StreamReader(request.Body).ReadToEndAsync())["groupIds"]!;
            var found = members.Contains(id) ? asked.Select(g => g.ToString()).ToArray() : [];
            return Results.Json(new { value = found });
        });
        await graph.StartAsync();
    }

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task AMemberOfAStaffGroupIsStaffAndAnOtherUserIsNot()
    {
        using var http = new HttpClient();
        var groups = Groups(http);

        Assert.True(await groups.IsMemberAsync("tenant-1", "megan-object-id", [StaffGroup], default));
        Assert.False(await groups.IsMemberAsync("tenant-1", "customer-object-id", [StaffGroup], default));
        Assert.Contains("token bot-app-id https://graph.microsoft.com/.default", calls);
        Assert.Contains("check megan-object-id Bearer graph-token", calls);
    }

    [Fact]
    public async Task AnAnswerIsKeptForAWhileSoNotEveryTurnAsksGraph()
    {
        using var http = new HttpClient();
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var groups = Groups(http, clock);

        await groups.IsMemberAsync("tenant-1", "megan-object-id", [StaffGroup], default);
        await groups.IsMemberAsync("tenant-1", "megan-object-id", [StaffGroup], default);
        Assert.Single(calls, call => call.StartsWith("check", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromMinutes(11));
        await groups.IsMemberAsync("tenant-1", "megan-object-id", [StaffGroup], default);
        Assert.Equal(2, calls.Count(call => call.StartsWith("check", StringComparison.Ordinal)));
        Assert.Single(calls, call => call.StartsWith("token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenGraphCannotAnswerNobodyIsStaffByGroup()
    {
        using var http = new HttpClient();
        graphDown = true;

        Assert.False(await Groups(http).IsMemberAsync("tenant-1", "megan-object-id", [StaffGroup], default));
    }

    private GraphStaffGroups Groups(HttpClient http, TimeProvider? clock = null)
    {
        var address = graph.Urls.First();
        var settings = new GraphSettings
        {
            Endpoint = $"{address}/v1.0",
            TokenEndpoint = address + "/{tenant}/oauth2/v2.0/token",
        };
        return new GraphStaffGroups(http, settings, "bot-app-id", "not-a-real-secret", clock ?? TimeProvider.System,
            NullLogger<GraphStaffGroups>.Instance);
    }
}
