using System.Diagnostics;
using BankingBot.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Deployment;

/// <summary>
/// The deployment templates checked offline with the Bicep compiler (it type-checks every resource against
/// Azure's schemas) and against the settings the app reads.
/// </summary>
public sealed class TemplateTests
{
    private static readonly string Templates = Path.Combine(Azurite.RepositoryRoot(), "deploymentTemplates");

    [Fact]
    public async Task TemplateCompilesWithoutWarningsAndPassesTheLinter()
    {
        var build = await BicepAsync("build", Path.Combine(Templates, "main.bicep"), "--stdout");
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.True(string.IsNullOrWhiteSpace(build.Error), build.Error);
        Assert.Equal("2019-04-01", (string?)JObject.Parse(build.Output)["$schema"]?.ToString().Split('/')[^2]);

        var lint = await BicepAsync("lint", Path.Combine(Templates, "main.bicep"));
        Assert.True(lint.ExitCode == 0 && string.IsNullOrWhiteSpace(lint.Error), lint.Error + lint.Output);
    }

    [Fact]
    public async Task EveryConfigurationKeyTheAppReadsIsSetByTheTemplate()
    {
        var build = await BicepAsync("build", Path.Combine(Templates, "main.bicep"), "--stdout");
        var template = build.Output;
        var settings = JObject.Parse(await File.ReadAllTextAsync(
            Path.Combine(Azurite.RepositoryRoot(), "BankingBot", "appsettings.json")));
        var keys = settings.Descendants().OfType<JValue>()
            .Select(value => value.Path.Replace('.', ':'))
            .Where(path => !path.StartsWith("Logging", StringComparison.Ordinal) && path != "AllowedHosts")
            .Select(path => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]$", ""))
            .Distinct()
            .ToList();
        Assert.Contains("Storage:ConnectionString", keys);

        foreach (var key in keys)
        {
            var setting = key.Replace(":", "__", StringComparison.Ordinal);
            var set = template.Contains($"'{setting}", StringComparison.Ordinal)
                || template.Contains($"\"{setting}\"", StringComparison.Ordinal);
            Assert.True(set, $"The template does not set {setting}.");
        }
    }

    [Fact]
    public async Task ParameterFileGivesEveryParameterThatHasNoDefault()
    {
        var build = await BicepAsync("build", Path.Combine(Templates, "main.bicep"), "--stdout");
        var parameters = (JObject)JObject.Parse(build.Output)["parameters"]!;
        var given = (JObject)JObject.Parse(await File.ReadAllTextAsync(
            Path.Combine(Templates, "main.parameters.json")))["parameters"]!;
        foreach (var (name, definition) in parameters)
        {
            var secure = ((string?)definition!["type"])?.StartsWith("secure", StringComparison.Ordinal) == true;
            if (definition["defaultValue"] is null && !secure)
            {
                Assert.True(given.ContainsKey(name), $"main.parameters.json does not give '{name}'.");
            }
        }

        Assert.All(given.Properties(),
            p => Assert.True(parameters.ContainsKey(p.Name), $"Unknown parameter {p.Name}."));
    }

    private static async Task<(int ExitCode, string Output, string Error)> BicepAsync(params string[] arguments)
    {
        var package = Path.Combine(Azurite.RepositoryRoot(), ".nuget", "packages", "azure.bicep.commandline.linux-x64");
        var bicep = Path.Combine(package, BicepVersion(), "tools", "bicep");
        // The package holds the Linux build of the compiler, and NuGet does not keep its run bit.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(bicep, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string BicepVersion() =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Azurite.RepositoryRoot(), "Directory.Packages.props"))
            .Descendants("BicepVersion").Single().Value;
}
