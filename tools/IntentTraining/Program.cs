using BankingBot.Tools.IntentTraining;

// Trains and measures the bot's in-process intent recognizer. See the README next to this file.
string command = args.Length > 0 ? args[0] : string.Empty;
if (command == BenchCommand.FirstUtteranceCommand)
{
    return BenchCommand.RunFirstUtterance();
}

RepositoryLayout layout = RepositoryLayout.Find();
return command switch
{
    "train" => new TrainCommand(layout, TrainingSettings.Shipped).Run(),
    "bench" => new BenchCommand(layout).Run(),
    "tune" => new TuneCommand(layout, args[1..]).Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: IntentTraining train | bench | tune [variant ...]");
    return 1;
}
