using BankingBot.Bots;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;
using BankingBot.Dialogs.Flows;
using BankingBot.Dialogs.Storage;
using BankingBot.Dialogs.Support;
using BankingBot.Dialogs.Understanding;
using BankingBot.Dialogs.Understanding.Intents;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace BankingBot;

/// <summary>Wires the bot: configuration, storage, services, dialogs, adapter.</summary>
public static class BotServices
{
    /// <summary>Registers everything the bot needs.</summary>
    public static IServiceCollection AddBankingBot(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var bank = configuration.GetSection("Bank").Get<BankProfile>() ?? new BankProfile();
        var knowledge = Path.Combine(AppContext.BaseDirectory, "Knowledge");

        services.AddHttpClient();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(bank);
        services.AddSingleton(new BusinessCalendar(bank));
        var levels = ServiceLevels.Load(Path.Combine(knowledge, "service-levels.json"));
        services.AddSingleton(levels);
        services.AddSingleton(
            KnowledgeBase.Load(Path.Combine(knowledge, "support-topics.json"), bank, levels.Categories));
        services.AddSingleton(Glossary.Load(Path.Combine(knowledge, "glossary.json")));
        services.AddSingleton(new SmallTalk(bank));
        services.AddSingleton(provider => LoadIntentRecognizer(Path.Combine(knowledge, "intent-model"),
            provider.GetRequiredService<ILogger<SupportDialog>>())!);
        services.AddSingleton<IDocumentStore>(_ => StorageSettings.CreateStore(configuration, environment));
        services.AddSingleton<IStorage, StateStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<HandoverQueue>();
        services.AddSingleton<ConversationLocks>();

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

        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
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
            [Job.Support] = SupportDialog.DialogId,
        };
        return new DialogSet()
            .Add(new RootDialog(bank, flows))
            .Add(new TicketDialog(desk))
            .Add(new TicketStatusDialog(desk))
            .Add(new SupportDialog(provider.GetRequiredService<KnowledgeBase>(),
                provider.GetRequiredService<Glossary>(), provider.GetRequiredService<SmallTalk>(),
                provider.GetService<IIntentRecognizer>(),
                provider.GetRequiredService<ConversationState>(), flows,
                provider.GetRequiredService<ILogger<SupportDialog>>()))
            .Add(new HandoverDialog(provider.GetRequiredService<HandoverQueue>(),
                provider.GetRequiredService<BusinessCalendar>(), provider.GetRequiredService<TimeProvider>()));
    }

    // Without a trained model (a fresh clone before the training tool has run) the bot still starts: support then
    // answers small talk and glossary questions and offers a person for everything else.
    private static IIntentRecognizer? LoadIntentRecognizer(string modelFolder, ILogger logger)
    {
        if (!File.Exists(Path.Combine(modelFolder, IntentModel.ManifestFile)))
        {
            logger.LogWarning("No intent model in {ModelFolder}; support questions will be passed to a person",
                modelFolder);
            return null;
        }

        return IntentClassifier.Load(modelFolder);
    }
}
