using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>Where the data and the model live in the repository.</summary>
/// <param name="Root">The folder holding <c>BankingBot.sln</c>.</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The training split, shipped with the bot.</summary>
    public string TrainCsv => Path.Combine(Root, "Dialogs", "Knowledge", "banking77", "train.csv");

    /// <summary>The test split, kept in the tool for measuring only.</summary>
    public string TestCsv => Path.Combine(Root, "tools", "IntentTraining", "data", "test.csv");

    /// <summary>The model folder the train command writes (copied to the bot's output at build).</summary>
    public string ModelFolder => Path.Combine(Root, "Dialogs", "Knowledge", "intent-model");

    /// <summary>The quick model's folder, inside the model folder.</summary>
    public string QuickModelFolder => Path.Combine(ModelFolder, IntentClassifier.QuickModelFolderName);

    /// <summary>Finds the repository from the current directory, else from the tool's own folder.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither lies inside the repository.</exception>
    public static RepositoryLayout Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "BankingBot.sln")))
                {
                    return new RepositoryLayout(folder.FullName);
                }
            }
        }

        throw new DirectoryNotFoundException("Run this inside the BankingBot repository (no BankingBot.sln found).");
    }
}
