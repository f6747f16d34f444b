using System.Diagnostics;
using System.Globalization;
using BankingBot.Dialogs.Understanding.Intents;

namespace BankingBot.Tools.IntentTraining;

/// <summary>
/// <c>bench</c>: loads the shipped model the way the bot does (from the build output) and measures it on the
/// test split: accuracy, the abstention rule's precision and coverage, single-utterance latency, and the
/// time from process start to the first recognized utterance (in fresh child processes).
/// </summary>
/// <param name="layout">Where the test split and the source model folder are.</param>
public sealed class BenchCommand(RepositoryLayout layout)
{
    /// <summary>The hidden command a child process runs to time a cold start.</summary>
    public const string FirstUtteranceCommand = "first-utterance";

    private const int WarmUpUtterances = 50;
    private const int ColdStarts = 3;

    /// <summary>Runs the command; returns the process exit code (0 when every target is met).</summary>
    public int Run()
    {
        string modelFolder = IntentClassifier.DefaultModelFolder;
        WarnIfStale(modelFolder);
        string loadBefore = LoadAverage();

        var loadClock = Stopwatch.StartNew();
        using IntentClassifier classifier = IntentClassifier.Load(modelFolder);
        double loadMs = loadClock.Elapsed.TotalMilliseconds;

        IReadOnlyList<LabelledUtterance> test = Banking77Csv.Read(layout.TestCsv);
        foreach (LabelledUtterance utterance in Banking77Csv.Read(layout.TrainCsv).Take(WarmUpUtterances))
        {
            classifier.Recognize(utterance.Text);
        }

        var latenciesMs = new double[test.Count];
        int correct = 0, answered = 0, answeredCorrect = 0, shortRankings = 0;
        int quickAnswered = 0, quickCorrect = 0;
        for (int i = 0; i < test.Count; i++)
        {
            long encodedBefore = classifier.EncodedUtterances;
            long start = Stopwatch.GetTimestamp();
            IntentPrediction prediction = classifier.Recognize(test[i].Text);
            latenciesMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            bool right = prediction.Top.Intent == test[i].Intent;
            bool quick = classifier.EncodedUtterances == encodedBefore;
            quickAnswered += quick ? 1 : 0;
            quickCorrect += quick && right ? 1 : 0;
            correct += right ? 1 : 0;
            answered += prediction.IsConfident ? 1 : 0;
            answeredCorrect += prediction.IsConfident && right ? 1 : 0;
            shortRankings += prediction.Ranked.Select(s => s.Intent).Distinct().Count() < 3 ? 1 : 0;
        }

        Array.Sort(latenciesMs);
        double accuracy = correct / (double)test.Count;
        double precision = answered == 0 ? 1 : answeredCorrect / (double)answered;
        double coverage = answered / (double)test.Count;
        double p50 = Percentile(latenciesMs, 0.50), p99 = Percentile(latenciesMs, 0.99);
        double[] coldStartsMs = Enumerable.Range(0, ColdStarts).Select(_ => TimeColdStart()).ToArray();

        Console.WriteLine($"Model folder (as the bot loads it): {modelFolder}");
        Console.WriteLine($"Test split: {Path.GetRelativePath(layout.Root, layout.TestCsv)} ({test.Count} utterances)");
        Console.WriteLine($"Accuracy:                     {accuracy:P2} ({correct}/{test.Count})");
        Console.WriteLine($"Abstention rule:              {classifier.Abstention.Measure} >= "
            + $"{classifier.Abstention.Threshold.ToString("R", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"  answered (share):           {coverage:P2} ({answered}/{test.Count})");
        Console.WriteLine($"  answered precision:         {precision:P2} ({answeredCorrect}/{answered})");
        double quickPrecision = quickAnswered == 0 ? 1 : quickCorrect / (double)quickAnswered;
        Console.WriteLine($"  by the quick model alone:   {quickAnswered / (double)test.Count:P2} "
            + $"({quickAnswered}/{test.Count}, {quickPrecision:P2} of them right; its rule "
            + $"{classifier.QuickAbstention?.Measure} >= {classifier.QuickAbstention?.Threshold:R}; the sentence "
            + $"encoder ran for the other {test.Count - quickAnswered})");
        Console.WriteLine($"Rankings with < 3 intents:    {shortRankings}");
        Console.WriteLine($"Latency per utterance (one at a time, after {WarmUpUtterances} warm-up, "
            + $"{Environment.ProcessorCount} cores, load average {loadBefore} before, {LoadAverage()} after):");
        Console.WriteLine($"  p50 {p50:F2} ms, p90 {Percentile(latenciesMs, 0.90):F2} ms, p99 {p99:F2} ms, "
            + $"max {latenciesMs[^1]:F2} ms, mean {latenciesMs.Average():F2} ms");
        Console.WriteLine($"Model load in this process:   {loadMs:F0} ms");
        Console.WriteLine($"Process start to first recognized utterance ({ColdStarts} fresh child processes): "
            + string.Join(", ", coldStartsMs.Select(ms => $"{ms:F0} ms")));
        PrintConfiguration(modelFolder, classifier.Intents.Count);

        bool met = accuracy >= 0.93 && precision >= 0.97 && coverage >= 0.85 && p99 <= 15
            && coldStartsMs.Max() <= 3000 && shortRankings == 0;
        const string Targets = "accuracy >= 93%, precision >= 97% at coverage >= 85%, p99 <= 15 ms, start <= 3 s";
        Console.WriteLine(met ? $"All targets met ({Targets})." : $"Some targets missed ({Targets}).");
        return met ? 0 : 2;
    }

    /// <summary>
    /// What a child process runs: load the shipped model, recognize one utterance, print the milliseconds
    /// since the process started (as the operating system recorded it).
    /// </summary>
    public static int RunFirstUtterance()
    {
        using IntentClassifier classifier = IntentClassifier.Load(IntentClassifier.DefaultModelFolder);
        IntentPrediction prediction = classifier.Recognize("my card hasn't arrived yet");
        TimeSpan sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine(FormattableString.Invariant($"{sinceStart.TotalMilliseconds:F1} {prediction.Top.Intent}"));
        return 0;
    }

    private static double TimeColdStart()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        start.ArgumentList.Add(FirstUtteranceCommand);
        using Process child = Process.Start(start) ?? throw new InvalidOperationException("Could not start a child.");
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return double.Parse(output.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    // Other work on the machine stretches the latency tail; say how busy it was (Linux only).
    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "unknown";

    private static double Percentile(double[] sorted, double share) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private void WarnIfStale(string modelFolder)
    {
        string quick = IntentClassifier.QuickModelFolderName;
        foreach (string file in new[] { IntentModel.ManifestFile, IntentModel.WeightsFile }
            .SelectMany(name => new[] { name, Path.Combine(quick, name) }))
        {
            byte[] shipped = File.ReadAllBytes(Path.Combine(modelFolder, file));
            byte[] source = File.ReadAllBytes(Path.Combine(layout.ModelFolder, file));
            if (!shipped.AsSpan().SequenceEqual(source))
            {
                Console.WriteLine($"WARNING: {file} in the build output differs from {layout.ModelFolder}; rebuild.");
            }
        }
    }

    private static void PrintConfiguration(string modelFolder, int intentCount)
    {
        TrainingReport report = TrainingReport.Load(modelFolder);
        TrainingSettings settings = report.Settings;
        IntentFeatureSettings features = settings.Features;
        SoftmaxTrainingOptions optimizer = settings.Optimizer;
        FinalFitReport final = report.Final;
        long modelBytes = new DirectoryInfo(modelFolder).GetFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

        Console.WriteLine("Configuration:");
        Console.WriteLine($"  text: lower-cased, NFKC, whitespace/control characters collapsed, format characters "
            + $"dropped, capped at {UtteranceText.MaxChars} chars (same in training and recognition)");
        Console.WriteLine($"  sentence embedding: {UtteranceEncoder.Name}, {features.EmbeddingDimensions} dims, "
            + $"scaled x{features.EmbeddingWeight}; punctuation split off; input cut to first and last "
            + $"{features.MaxEncoderWords / 2} words beyond {features.MaxEncoderWords}; 1 ONNX thread per call");
        Console.WriteLine($"  word n-grams 1-{features.MaxWordNgram}: {final.WordTerms} terms (df >= "
            + $"{settings.MinDocumentFrequency}), TF-IDF (sublinear), L2-normalized, scaled x{features.WordWeight}");
        Console.WriteLine($"  char n-grams {features.MinCharNgram}-{features.MaxCharNgram} inside words: "
            + $"{final.CharTerms} terms (df >= {settings.MinDocumentFrequency}), same weighting, "
            + $"x{features.CharWeight}");
        Console.WriteLine($"  model: multinomial logistic regression, {final.FeatureCount} features (embedding, "
            + $"n-grams, bias) x {intentCount} intents, float16 weights");
        Console.WriteLine($"  training: L-BFGS (history {optimizer.HistorySize}, relative tolerance "
            + $"{optimizer.RelativeTolerance:G}, max {optimizer.MaxIterations} iterations) from zero weights, "
            + $"L2 {optimizer.L2:G} (not on biases); final fit {final.Optimizer.Iterations} iterations "
            + $"({final.Optimizer.Reason}) on {final.Utterances} utterances of {report.TrainingData}");
        Console.WriteLine($"  abstention: chosen on a stratified {settings.HoldoutShare:P0} hold-out of the training "
            + $"split (seed {settings.SplitSeed}, {report.Holdout.HeldOutUtterances} utterances) aiming at "
            + $"{settings.CalibrationPrecision:P1} precision; there {report.Holdout.Chosen.Rule.Measure} >= "
            + $"{report.Holdout.Chosen.Rule.Threshold:R} answered {report.Holdout.Chosen.Coverage:P2} at "
            + $"{report.Holdout.Chosen.Precision:P2}; hold-out accuracy {report.Holdout.Accuracy:P2}");
        Console.WriteLine($"  seeds: hold-out split {settings.SplitSeed}; nothing else is random");
        Console.WriteLine($"  model folder size (with quick/): {modelBytes:N0} bytes");
    }
}
