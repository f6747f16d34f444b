using BankingBot.Cards;
using Newtonsoft.Json.Linq;

namespace BankingBot.Tests.Cards;

/// <summary>
/// Test data for every card template, as the bot fills it in. Anything a customer or a colleague could have
/// typed carries <see cref="Typed"/>: Markdown, HTML and template syntax that must come out exactly as typed.
/// </summary>
internal static class TemplateSamples
{
    /// <summary>Text a customer might type, which must be shown literally.</summary>
    public const string Typed = "**Sam** _Taylor_ [click](http://example.test) <b>hi</b> ${title} &amp;";

    /// <summary>The data for one template.</summary>
    public static JObject For(string template) => template switch
    {
        "question" => Question("Which account is it about?", "Current account", "Savings account"),
        "welcome-menu" => Question("Hello, and welcome to Northwind Bank! I'm the bank's automated assistant.",
            "Ask a question", "Our products", "Report a problem", "Check a ticket", "Give feedback"),
        "did-you-mean" => With(Question("I'm not quite sure what you mean. Did you mean one of these?",
            "Card not arrived", "Card payment declined", "None of these"), "hint", "You can also ask in other words."),
        "support-answer" => With(With(Question("Cards usually arrive within 5 working days.", "Open a ticket",
            "Talk to a person"), "answer", "Cards usually arrive within 5 working days. " + Typed), "topic",
            "Card delivery"),
        "glossary-entry" => new JObject
        {
            ["term"] = "APR (annual percentage rate)", ["definition"] = "The yearly cost of borrowing, fees included.",
            ["example"] = "A loan at 5% APR costs about 5 in a year for every 100 borrowed.",
            ["buttons"] = new JArray(),
        },
        "lead-question" => With(Question("How much would you like to borrow?", "Up to 10k", "10k to 50k"),
            "product", "Personal loan"),
        "summary" => Summary("Your data has been deleted", Fact("Tickets", "2"), Fact("Leads", "1")),
        "lead-summary" => With(Summary("Thanks, " + Typed + "! Here's what I've passed on", Fact("Product", "Mortgage"),
            Fact("For", Typed), Fact("Best time to call", "Thursday 3 December, 18:00 (America/New_York)")),
            "reference", "LD-7Q2M-4KXA"),
        "ticket-form" => Form(),
        "ticket-confirmation" => Summary("Your ticket number is TK-4K7Q-2MXA", Fact("About", "A payment"),
            Fact("Urgency", "Quite urgent"), Fact("An engineer answers by", "Wednesday 2 December, 14:00")),
        "ticket-status" => With(Summary("Ticket TK-4K7Q-2MXA", Fact("Status", "InProgress"),
            Fact("Wednesday 2 December, 10:00", "Ticket opened."), Fact("Wednesday 2 December, 11:30", Typed)),
            "status", "In progress"),
        "feedback-rating" => Question("How would you rate this chat, from 1 (very poor) to 5 (excellent)?",
            "1", "2", "3", "4", "5"),
        "feedback-comment" => Question("Thank you! Is there anything you'd like to tell us?", "No, thanks"),
        "handover-notice" => new JObject
        {
            ["text"] = "I've asked a colleague to take over. Someone from our team will join this chat shortly.",
            ["requestNumber"] = "HO-2MXA-4K7Q", ["answerFrom"] = "Monday 7 December, 09:00",
        },
        "staff-new-lead" => With(With(With(With(Summary("", Fact("Name", Typed), Fact("E-mail", "sam@example.test"),
            Fact("Phone", "020 7946 0018")), "product", "Mortgage"), "score", "72"), "reference", "LD-7Q2M-4KXA"),
            "summary", "Wants a mortgage for a first home. " + Typed),
        "staff-ticket-queue" => new JObject
        {
            ["title"] = "Tickets waiting (2)",
            ["tickets"] = new JArray(
                Ticket("TK-4K7Q-2MXA", "Payments", "Quite urgent", "Open", "Wed 2 Dec, 14:00"),
                Ticket("TK-9PQR-7ZZA", "Cards", "Normal", "In progress", "Thu 3 Dec, 10:00")),
        },
        "staff-ticket-detail" => With(With(With(
            Summary("", Fact("About", "A payment"), Fact("Urgency", "Quite urgent")),
            "number", "TK-4K7Q-2MXA"), "status", "Open"), "description", Typed)
            .Also("history", new JArray(
                new JObject { ["at"] = "Wed 2 Dec, 10:00", ["note"] = "Ticket opened." },
                new JObject { ["at"] = "Wed 2 Dec, 11:30", ["note"] = Typed })),
        _ => throw new ArgumentException($"No sample data for template '{template}'.", nameof(template)),
    };

    private static JObject Question(string text, params string[] choices) => new()
    {
        ["text"] = text,
        ["promptId"] = "a1b2c3d4e5f6",
        ["buttons"] = new JArray(choices.Select(c => new JObject
        {
            ["title"] = ReplyRenderer.ShortTitle(c),
            ["data"] = CardAnswer.Data("a1b2c3d4e5f6", c.ToLowerInvariant()),
            ["associatedInputs"] = "auto",
        })),
    };

    private static JObject Summary(string title, params JObject[] facts) => new()
    {
        ["title"] = title, ["facts"] = new JArray(facts), ["footer"] = "Keep the number. " + Typed,
        ["buttons"] = new JArray(),
    };

    private static JObject Form() => new()
    {
        ["heading"] = "Report a problem",
        ["question"] = "I'll open a support ticket. What is it about?",
        ["fields"] = new JArray(
            new JObject { ["name"] = "description", ["label"] = "What happened, and when?", ["kind"] = "text",
                ["placeholder"] = "", ["maxLength"] = 2000, ["choices"] = new JArray() },
            new JObject { ["name"] = "urgency", ["label"] = "How urgent is it?", ["kind"] = "choice",
                ["placeholder"] = "Choose…", ["maxLength"] = 2000, ["choices"] = new JArray(
                    new JObject { ["title"] = "Normal", ["value"] = "normal" },
                    new JObject { ["title"] = "Very urgent", ["value"] = "urgent" }) },
            new JObject { ["name"] = "updates", ["label"] = "Shall I let you know here when it changes?",
                ["kind"] = "yesno", ["placeholder"] = "", ["maxLength"] = 2000, ["choices"] = new JArray() }),
        ["buttons"] = Question("x", "A card", "A payment", "Something else")["buttons"],
    };

    private static JObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JObject Ticket(string number, string category, string urgency, string status, string answerBy) =>
        new()
        {
            ["number"] = number, ["category"] = category, ["urgency"] = urgency, ["status"] = status,
            ["answerBy"] = answerBy,
        };

    private static JObject With(JObject data, string name, string value) => data.Also(name, value);

    private static JObject Also(this JObject data, string name, JToken value)
    {
        data[name] = value;
        return data;
    }
}
