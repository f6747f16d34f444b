using System.Globalization;
using System.Text.RegularExpressions;
using BankingBot.Dialogs.Banking;
using BankingBot.Dialogs.Engine;

namespace BankingBot.Dialogs.Support;

/// <summary>The kinds of message that are not a banking question but still deserve an answer.</summary>
public enum SmallTalkKind
{
    /// <summary>"Hi", "good morning", "how are you?".</summary>
    Greeting,

    /// <summary>"Thanks", "cheers".</summary>
    Thanks,

    /// <summary>"Bye", "that's all".</summary>
    Goodbye,

    /// <summary>"Are you a bot?", "am I talking to a human?".</summary>
    BotOrHuman,

    /// <summary>Abuse aimed at the bot or the bank.</summary>
    Insult,

    /// <summary>A message with no text at all.</summary>
    Empty,

    /// <summary>Emoji or punctuation only, no words.</summary>
    NoWords,

    /// <summary>Longer than the bot reads.</summary>
    TooLong,

    /// <summary>Weather, jokes, sport and other things a bank's assistant does not do.</summary>
    OutOfScope,

    /// <summary>Written in a language other than English.</summary>
    OtherLanguage,
}

/// <summary>What the bot says to a small-talk message.</summary>
public sealed record SmallTalkAnswer(SmallTalkKind Kind, string Text);

/// <summary>
/// Recognises small talk and answers it. Whole-message phrases (greetings, thanks, goodbyes) only count when the
/// message is nothing else, so "hi, my card was stolen" is still a banking question. The phrases and replies are
/// the tables below; the language check is in <see cref="OtherLanguages"/>.
/// </summary>
public sealed partial class SmallTalk(BankProfile bank)
{
    /// <summary>The longest message the bot reads, in characters.</summary>
    public const int MaxMessageLength = 1000;

    private const string WhatICanDo = "I can answer questions about your cards, payments, transfers and account, " +
        "explain banking terms, open a support ticket or check on one.";

    private static readonly (SmallTalkKind Kind, string[] Phrases, string Reply)[] Phrases =
    [
        (SmallTalkKind.Greeting, ["hi", "hello", "hey", "hiya", "howdy", "yo", "hi there", "hello there", "hey there",
            "good morning", "good afternoon", "good evening", "morning", "afternoon", "evening", "greetings",
            "hi again", "hello again", "hey bot", "hi bot", "hello bot"],
            "Hello! " + WhatICanDo + " What would you like to ask?"),
        (SmallTalkKind.Greeting, ["how are you", "how are you doing", "how's it going", "hows it going", "you ok",
            "how are things", "what's up", "whats up", "sup"],
            "I'm doing well, thanks for asking. What can I help you with today?"),
        (SmallTalkKind.Thanks, ["thanks", "thank you", "thx", "ty", "cheers", "thanks a lot", "thank you very much",
            "thanks so much", "thank you so much", "many thanks", "much appreciated", "that helps", "that helped",
            "that's helpful", "great thanks", "perfect thanks", "ok thanks", "ok thank you", "brilliant thanks",
            "thanks for your help", "thank you for your help", "thanks for the help", "great", "perfect", "brilliant"],
            "You're welcome! If there's anything else, just ask."),
        (SmallTalkKind.Goodbye, ["bye", "goodbye", "bye bye", "see you", "see ya", "cya", "that's all",
            "that is all", "thats all", "nothing else", "no that's all", "that's everything", "i'm done", "im done",
            "have a nice day", "have a good day", "good night", "ok bye", "thanks bye", "thank you bye",
            "thanks goodbye", "thank you goodbye", "no thanks bye", "all good bye"],
            "Goodbye, and thank you for chatting with {BankName}. I'm here whenever you need me."),
    ];

    private static readonly (string Pattern, string Opener)[] OffTopics =
    [
        (@"\b(weather|forecast|raining|sunny|snowing|umbrella)\b", "I can't tell you about the weather, I'm afraid."),
        (@"\b(jokes?|funny|make me laugh|riddle)\b", "Telling jokes isn't one of my talents, I'm afraid."),
        (@"\b(football|soccer|cricket|rugby|tennis|basketball|baseball|golf|formula 1|premier league|world cup|" +
            @"olympics|who won)\b", "I don't follow sport, I'm afraid."),
        (@"\b(movies?|films?|songs?|music|netflix|tv shows?|recipes?|cooking|restaurants?)\b",
            "I can't help with films, music or food, I'm afraid."),
        (@"\b(capital of|president|prime minister|elections?|politics|horoscope|meaning of life|" +
            @"favou?rite colou?r|marry me|date me|girlfriend|boyfriend)\b", "That's not something I can help with."),
    ];

    private static readonly Regex[] OffTopicPatterns = OffTopics
        .Select(t => new Regex(t.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToArray();

    /// <summary>The answer to a small-talk message, or null when the message is something else.</summary>
    public SmallTalkAnswer? Answer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Say(SmallTalkKind.Empty, "Your message reached me empty. What would you like to ask?");
        }

        if (text.Length > MaxMessageLength)
        {
            return Say(SmallTalkKind.TooLong, string.Format(CultureInfo.GetCultureInfo("en-GB"),
                "That message is {0:N0} characters long, and I can read up to {1:N0} at a time. Could you send a " +
                "shorter version with just the main question?", text.Length, MaxMessageLength));
        }

        if (!text.Any(char.IsLetterOrDigit))
        {
            return Say(SmallTalkKind.NoWords, "I can't read emoji or symbols on their own, I'm afraid. Could you " +
                "tell me in a few words what you need?");
        }

        if (OtherLanguages.Detect(text) is { } language)
        {
            var apology = language.Apology is null ? string.Empty : " " + language.Apology;
            return Say(SmallTalkKind.OtherLanguage, "Sorry, I can only chat in English for now. Please write your " +
                "question in English, or call us on {SupportPhone}." + apology);
        }

        var normalized = ChoiceRecognizer.Normalize(text);
        if (normalized.Count(c => c == ' ') < 10 && BotOrHuman().IsMatch(normalized))
        {
            return Say(SmallTalkKind.BotOrHuman, "I'm {BankName}'s automated assistant: a computer program, not a " +
                "person. " + WhatICanDo + " If you'd rather talk to a person, just say \"talk to a person\".");
        }

        var said = Polite(normalized);
        if (Phrases.FirstOrDefault(p => p.Phrases.Contains(said)) is { Reply: not null } phrase)
        {
            return Say(phrase.Kind, phrase.Reply);
        }

        var banking = BankingWords().IsMatch(said);
        if (Insult().IsMatch(said) && !banking)
        {
            return Say(SmallTalkKind.Insult, "I'm sorry this hasn't gone well. I'd like to help put it right: tell " +
                "me what you need in a few words, or I can pass you to a colleague.");
        }

        var offTopic = Array.FindIndex(OffTopicPatterns, p => p.IsMatch(said));
        return offTopic < 0 || banking ? null : Say(SmallTalkKind.OutOfScope,
            $"{OffTopics[offTopic].Opener} I'm {{BankName}}'s banking assistant, so I stick to banking. {WhatICanDo}");
    }

    private SmallTalkAnswer Say(SmallTalkKind kind, string text) => new(kind, bank.Fill(text));

    private static string Polite(string said) => PoliteEdges().Replace(said, string.Empty).Trim();

    [GeneratedRegex(@"^(?:(?:ok|okay|oh|well|right|alright|great|cool|lovely|awesome|nice) )+|" +
        @"(?: (?:bot|mate|again|then|so much|a lot|very much|for that|for helping))+$")]
    private static partial Regex PoliteEdges();

    [GeneratedRegex(@"\b(?:are|r) (?:you|u) (?:an? )?(?:real |actual |live )?(?:bot|robot|human|person|machine|ai|" +
        @"computer|chatbot|chat bot|program|real|automated)\b|\b(?:am i|is this|is that) (?:talking |speaking |" +
        @"chatting )?(?:to |with )?(?:an? )?(?:real |actual |live )?(?:bot|robot|human|person|machine|ai|computer|" +
        @"chatbot|automated)\b|^(?:who|what) are (?:you|u)$|^(?:is )?(?:this|it) (?:a )?(?:bot|human)$")]
    private static partial Regex BotOrHuman();

    [GeneratedRegex(@"\b(?:stupid|idiots?|idiotic|useless|dumb|morons?|pathetic|rubbish|garbage|trash|crap|crappy|" +
        @"shit|shitty|fuck\w*|fck|suck|sucks|hate you|incompetent|worthless|clueless|shut up|piece of junk|" +
        @"waste of time|terrible|awful|worst)\b")]
    private static partial Regex Insult();

    [GeneratedRegex(@"\b(?:cards?|accounts?|payments?|pay|paid|transfer\w*|money|loans?|balance|top ?ups?|atm|cash|" +
        @"pin|fees?|charge\w*|refund\w*|transactions?|deposit\w*|withdr\w*|mortgage|saving\w*|overdraft|statement|" +
        @"exchange|currenc\w*|cheques?|debit|credit|iban|interest|app|login|password|passcode|verif\w*|identity|" +
        @"euros?|dollars?|pounds?|ticket)\b")]
    private static partial Regex BankingWords();
}

/// <summary>A language the customer wrote in, and a line in it saying the bot speaks English only.</summary>
public sealed record OtherLanguage(string Name, string? Apology);

/// <summary>
/// Tells a message in another language from English: mostly letters of another script (Cyrillic, Arabic, Chinese
/// and so on), or several common words of Spanish, French, German, Italian, Portuguese or Dutch outnumbering
/// English ones. Words that are also English ("me", "no", "die", "per", "favor") are left out of the lists. A mixed or
/// very short message may be missed; it then goes on to the other checks, which do no harm.
/// </summary>
public static partial class OtherLanguages
{
    private static readonly OtherLanguage Unknown = new("unknown", null);

    private static readonly (OtherLanguage Language, HashSet<string> Words, string Letters)[] Latin =
    [
        (new("Spanish", "Lo siento, de momento solo puedo hablar en inglés."),
            ["hola", "gracias", "por", "quiero", "necesito", "tengo", "mi", "tarjeta", "cuenta", "dinero",
                "qué", "que", "cómo", "el", "los", "las", "una", "para", "pero", "está", "estoy", "perdí",
                "perdido",
                "puedo", "ayuda", "buenos", "días", "dónde", "donde", "banco", "pago", "transferencia", "usted",
                "de", "del", "mis", "robada", "olvidé"], "ñ¿¡"),
        (new("French", "Désolé, pour l'instant je ne parle qu'anglais."),
            ["bonjour", "bonsoir", "salut", "merci", "je", "suis", "les", "des", "une", "pour", "avec",
                "ma", "mes", "pas", "qui", "vous", "nous", "carte", "compte", "argent", "perdu", "oui",
                "aide", "besoin", "comment", "pourquoi", "où", "virement", "banque", "bancaire", "ne", "j'ai",
                "c'est", "du", "et", "au"], "çœèêàù"),
        (new("German", "Entschuldigung, ich kann im Moment nur Englisch."),
            ["guten", "danke", "bitte", "ich", "und", "der", "das", "nicht", "ist", "mein", "meine",
                "meinen", "habe", "ein", "eine", "karte", "konto", "geld", "verloren", "wie", "kann", "können", "sie",
                "mir", "mich", "zu", "auf", "mit", "überweisung", "hilfe"], "ßäöü"),
        (new("Italian", "Mi dispiace, per ora parlo solo inglese."),
            ["ciao", "grazie", "buongiorno", "il", "di", "che", "sono", "mia", "mio", "carta", "conto", "soldi",
                "perso", "aiuto", "ho", "della", "questa", "posso", "bonifico", "vorrei"], "ìò"),
        (new("Portuguese", "Desculpe, por enquanto só falo inglês."),
            ["olá", "obrigado", "obrigada", "não", "nao", "meu", "minha", "cartão", "cartao", "conta", "dinheiro",
                "você", "voce", "perdi", "preciso", "ajuda", "bom", "dia", "quero", "uma", "transferência"], "ãõ"),
        (new("Dutch", "Sorry, ik spreek voorlopig alleen Engels."),
            ["ik", "het", "een", "niet", "mijn", "kaart", "rekening", "geld", "bedankt", "alsjeblieft",
                "goedemorgen", "kwijt", "heb", "graag", "betaling", "overschrijving"], "ĳ"),
    ];

    private static readonly HashSet<string> English =
    [
        "the", "i", "my", "you", "is", "to", "a", "and", "what", "how", "do", "can", "have", "card", "account",
        "money", "it", "of", "in", "for", "not", "please", "hello", "hi", "thanks", "with", "this", "me", "was",
        "why", "where", "when", "lost", "need", "want", "help", "bank", "payment", "transfer", "has", "been", "your",
    ];

    private static readonly HashSet<string> GreetingsAlone =
        ["hola", "gracias", "bonjour", "bonsoir", "merci", "danke", "ciao", "grazie", "buongiorno", "olá", "obrigado",
            "obrigada", "bedankt", "goedemorgen"];

    /// <summary>The language of a message not written in English, or null for English (or unsure).</summary>
    public static OtherLanguage? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = text.Where(char.IsLetter).ToList();
        if (letters.Count > 0 && letters.Count(IsOtherScript) * 2 >= letters.Count)
        {
            return Unknown;
        }

        var words = Words().Matches(text.ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToList();
        if (words.Count == 1 && GreetingsAlone.Contains(words[0]))
        {
            return Latin.First(l => l.Words.Contains(words[0])).Language;
        }

        var english = words.Count(English.Contains);
        var best = Latin.Select(l => (l.Language, Score: words.Count(l.Words.Contains)
                + (text.Any(c => l.Letters.Contains(char.ToLowerInvariant(c))) ? 1 : 0)))
            .MaxBy(l => l.Score);
        return best.Score >= 2 && best.Score > english ? best.Language : null;
    }

    private static bool IsOtherScript(char c) => c > '\u024F' && c is not (>= '\u1E00' and <= '\u1EFF');

    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?")]
    private static partial Regex Words();
}
