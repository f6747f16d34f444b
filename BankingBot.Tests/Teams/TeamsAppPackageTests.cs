using System.Diagnostics;
using System.IO.Compression;
using BankingBot.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Teams;

/// <summary>
/// The Teams app package under deploymentTemplates/teams-app: the manifest's limits, the icons Teams asks for
/// (a 192x192 colour icon, a 32x32 white-on-transparent outline), and the documented command that fills in the
/// bot's app id and zips the three files.
/// </summary>
public sealed class TeamsAppPackageTests
{
    private static readonly string Folder = Path.Combine(Azurite.RepositoryRoot(), "deploymentTemplates", "teams-app");

    [Fact]
    public void TheManifestNamesTheBotByAPlaceholderAndKeepsTeamsLimits()
    {
        var manifest = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));

        Assert.Equal("1.17", (string?)manifest["manifestVersion"]);
        Assert.True(Guid.TryParse((string?)manifest["id"], out _));
        Assert.Equal("{{BOT_APP_ID}}", (string?)manifest.SelectToken("bots[0].botId"));
        Assert.Equal(["personal", "team", "groupChat"], manifest.SelectToken("bots[0].scopes")!.Values<string>());
        Assert.InRange(((string?)manifest.SelectToken("name.short"))!.Length, 1, 30);
        Assert.InRange(((string?)manifest.SelectToken("description.short"))!.Length, 1, 80);
        Assert.All(manifest.SelectTokens("bots[0].commandLists[*].commands[*]"), command =>
        {
            Assert.InRange(((string?)command["title"])!.Length, 1, 32);
            Assert.InRange(((string?)command["description"])!.Length, 1, 128);
        });
    }

    [Fact]
    public void TheIconsHaveTheSizesTeamsAsksForAndTheOutlineIsWhiteOnTransparent()
    {
        var (colorSize, colorPixels) = ReadPng(Path.Combine(Folder, "color.png"));
        var (outlineSize, outlinePixels) = ReadPng(Path.Combine(Folder, "outline.png"));

        Assert.Equal(192, colorSize);
        Assert.All(colorPixels, p => Assert.Equal(255, p.A));
        Assert.Equal(32, outlineSize);
        Assert.All(outlinePixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255)));
        Assert.Contains(outlinePixels, p => p.A == 255);
        Assert.Contains(outlinePixels, p => p.A == 0);
    }

    [Fact]
    public async Task ThePackageCommandFillsInTheBotIdAndZipsTheThreeFilesFlat()
    {
        var output = Path.Combine(Path.GetTempPath(), $"teams-app-{Guid.NewGuid():N}.zip");
        const string AppId = "7a0e5b0c-8d4e-4b7c-9f3a-2c1d0e9f8a7b";
        try
        {
            Assert.Equal(0, await RunAsync("bash", Path.Combine(Folder, "package.sh"), AppId, output));

            using var zip = ZipFile.OpenRead(output);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifest = JObject.Parse(await reader.ReadToEndAsync());
            Assert.Equal(AppId, (string?)manifest.SelectToken("bots[0].botId"));
            Assert.DoesNotContain("{{", manifest.ToString(), StringComparison.Ordinal);
            Assert.NotEqual(0, await RunAsync("bash", Path.Combine(Folder, "package.sh"), "not-a-guid", output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    // Reads an 8-bit RGBA PNG without filters beyond "none" (as the icon script writes it): size and pixels.
    private static (int Size, List<(byte R, byte G, byte B, byte A)> Pixels) ReadPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Equal(width, height);
        Assert.Equal((8, 6), (bytes[24], bytes[25]));
        using var data = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4) == "IDAT")
            {
                data.Write(bytes, at + 8, length);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var pixels = new List<(byte, byte, byte, byte)>();
        for (var row = 0; row < height; row++)
        {
            var start = row * (1 + width * 4);
            Assert.Equal(0, raw[start]);
            for (var x = 0; x < width; x++)
            {
                var p = start + 1 + x * 4;
                pixels.Add((raw[p], raw[p + 1], raw[p + 2], raw[p + 3]));
            }
        }

        return (width, pixels);
    }
}
