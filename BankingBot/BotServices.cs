using System.Collections.Concurrent;
using BankingBot.Bots;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Feedback;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Leads;
using BankingBot.Dialogs.Records;
using BankingBot.Dialogs.Storage;
using BankingBot.Dialogs.Support;
using BankingBot.Dialogs.Understanding;
using BankingBot.Dialogs.Understanding.Intents;
using BankingBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace BankingBot;

/// <summary>Wires the bot: configuration, storage, services, dialogs, adapter.</summary>
public static class BotServices
{
    private static readonly ConcurrentDictionary<string, Lazy<IntentClassifier>> IntentRecognizers = new();

    /// <summary>Registers everything the bot needs.</summary>
    public static IServiceCollection AddBankingBot(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var bank = configuration.GetSection("Bank").Get<BankProfile>() ?? new BankProfile();
        var knowledge = Path.Combine(AppContext.BaseDirectory, "Knowledge");

        // Replies to the channel, Graph and token requests give up after this long (the SDK's HttpClient waited
        // 100 s; Teams itself waits 15 s for a bot's answer). A reply is tried up to three times (TurnOutbox).
        var outgoingTimeout = configuration.GetValue("OutgoingRequestTimeout", TimeSpan.FromSeconds(15));
        services.AddHttpClient();
        services.ConfigureHttpClientDefaults(client =>
            client.ConfigureHttpClient(http => http.Timeout = outgoingTimeout));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(bank);
        services.AddSingleton(new BusinessCalendar(bank));
        var levels = ServiceLevels.Load(Path.Combine(knowledge, "service-levels.json"));
        services.AddSingleton(levels);
        services.AddSingleton(
            KnowledgeBase.Load(Path.Combine(knowledge, "support-topics.json"), bank, levels.Categories));
        services.AddSingleton(Glossary.Load(Path.Combine(knowledge, "glossary.json")));
        services.AddSingleton(new SmallTalk(bank));
        if (LoadIntentRecognizer(Path.Combine(knowledge, "intent-model")) is { } recognizer)
        {
            services.AddSingleton(recognizer);
        }

        services.AddSingleton<IDocumentStore>(_ => BenchEndpoints.CountedWhenBenchmarked(
            StorageSettings.CreateStore(configuration, environment), configuration));
        services.AddSingleton<IStorage, StateStorage>();
        services.AddSingleton<ConversationState, TurnConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<HandoverQueue>();
        var leadProducts = LeadProducts.Load(Path.Combine(knowledge, "lead-products.json"));
        services.AddSingleton(leadProducts);
        services.AddSingleton(LeadScoring.Load(Path.Combine(knowledge, "lead-scoring.json"), leadProducts));
        services.AddSingleton<LeadBook>();
        services.AddSingleton<SalesInbox>();
        services.AddSingleton<ILeadEvents>(provider => provider.GetRequiredService<SalesInbox>());
        services.AddSingleton(configuration.GetSection("Bank:Feedback").Get<FeedbackSettings>()
            ?? new FeedbackSettings());
        services.AddSingleton<FeedbackLog>();
        services.AddSingleton<CustomerData>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<DirectLine.PageWelcome>();
        services.AddTeamsStaff(configuration);

        services.AddSingleton(provider => new DialogEngineOptions
        {
            HandoverDialogId = HandoverDialog.DialogId,
            BankTimeZone = bank.Zone,
            TimeProvider = provider.GetRequiredService<TimeProvider>(),
            Aside = (dc, text, cancel) => dc.FindDialog(SupportDialog.DialogId) is SupportDialog support
                ? support.AnswerAsideAsync(dc, text, cancel)
                : Task.FromResult(false),
        });
        services.AddSingleton(provider => CreateDialogs(provider, bank));
        services.AddSingleton(provider => new DialogRunner(provider.GetRequiredService<DialogSet>(),
            RootDialog.DialogId, provider.GetRequiredService<ConversationState>(),
            provider.GetRequiredService<DialogEngineOptions>()));

        services.AddSingleton<BotFrameworkAuthentication>(provider => new SharedContractsAuthentication(
            ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(provider)));
        services.AddSingleton<BankAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<BankAdapter>());
        services.AddSingleton<IBot, BankBot>();
        return services;
    }

    private static DialogSet CreateDialogs(IServiceProvider provider, BankProfile bank)
    {
        var desk = provider.GetRequiredService<TicketDesk>();
        var flows = new Dictionary<Job, string>
        {
            [Job.OpenTicket] = TicketDialog.DialogId,
            [Job.TicketStatus] = TicketStatusDialog.DialogId,
            [Job.Handover] = HandoverDialog.DialogId,
            [Job.Lead] = LeadDialog.DialogId,
            [Job.Feedback] = FeedbackDialog.DialogId,
            [Job.DeleteMyData] = DeleteMyDataDialog.DialogId,
            [Job.Support] = SupportDialog.DialogId,
        };
        return new DialogSet()
            .Add(new RootDialog(bank, flows))
            .Add(new TicketDialog(desk))
            .Add(new TicketStatusDialog(desk))
            .Add(ActivatorUtilities.CreateInstance<LeadDialog>(provider))
            .Add(ActivatorUtilities.CreateInstance<FeedbackDialog>(provider))
            .Add(ActivatorUtilities.CreateInstance<DeleteMyDataDialog>(provider))
            .Add(new SupportDialog(provider.GetRequiredService<KnowledgeBase>(),
                provider.GetRequiredService<Glossary>(), provider.GetRequiredService<SmallTalk>(),
                provider.GetService<IIntentRecognizer>(),
                provider.GetRequiredService<ConversationState>(), flows,
                provider.GetRequiredService<ILogger<SupportDialog>>()))
            .Add(new HandoverDialog(provider.GetRequiredService<HandoverQueue>(),
                provider.GetRequiredService<BusinessCalendar>(), provider.GetRequiredService<TimeProvider>()));
    }

    // The classifier is immutable and thread-safe, and loading its sentence encoder takes about a second, so one
    // instance per model folder serves the whole process (every test host included); it lives as long as the
    // process. The model is shipped in the repository; a deployment that lost it still answers small talk and the
    // glossary, offers a person for everything else, and says so in the log.
    private static IIntentRecognizer? LoadIntentRecognizer(string modelFolder) =>
        File.Exists(Path.Combine(modelFolder, IntentModel.ManifestFile))
            ? IntentRecognizers.GetOrAdd(modelFolder, folder => new(() => IntentClassifier.Load(folder))).Value
            : null;
}
