using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Cards;

/// <summary>
/// Runs build/node/card-render.js: each card checked against the JSON schema of its version, parsed by the real
/// `adaptivecards` renderer at that version, and rendered in headless Chromium, with a PNG of each card saved
/// under the test output's artifacts/cards folder. build/test.sh installs Node packages and Chromium.
/// </summary>
internal static class CardRendering
{
    /// <summary>Where the screenshots go (inside bin/, which git ignores).</summary>
    public static string ArtifactsFolder => Path.Combine(AppContext.BaseDirectory, "artifacts", "cards");

    /// <summary>Checks and renders the cards; one result per card, by name.</summary>
    public static async Task<IReadOnlyDictionary<string, JObject>> RenderAsync(
        IEnumerable<(string Name, string Version, string Host, JObject Card)> cards)
    {
        var script = Path.Combine(RepositoryRoot(), "build", "node", "card-render.js");
        var modules = Path.Combine(RepositoryRoot(), "build", "node", "node_modules");
        Assert.True(Directory.Exists(Path.Combine(modules, "playwright-core")) &&
            Directory.Exists(Path.Combine(modules, "adaptivecards")),
            "The card tests need the Node packages in build/node: run build/test.sh (or npm install there).");
        Assert.True(File.Exists("/usr/bin/chromium"), "The card tests need Debian's chromium: run build/test.sh.");

        var input = Directory.CreateTempSubdirectory("cards-in-");
        try
        {
            foreach (var (name, version, host, card) in cards)
            {
                var item = new JObject { ["version"] = version, ["host"] = host, ["card"] = card };
                await File.WriteAllTextAsync(Path.Combine(input.FullName, name + ".json"), item.ToString());
            }

            var start = new ProcessStartInfo("node", [script, input.FullName, ArtifactsFolder])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, "card-render.js failed: " + await errors);
            var report = JObject.Parse(await output);
            return report["results"]!.Cast<JObject>().ToDictionary(r => (string)r["name"]!);
        }
        finally
        {
            input.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BankingBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BankingBot.sln not found above " + AppContext.BaseDirectory);
    }
}
