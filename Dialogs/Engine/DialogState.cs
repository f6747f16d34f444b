using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BankingBot.Dialogs.Engine;

/// <summary>The dialog stack of one conversation, persisted in conversation state between turns.</summary>
public sealed class DialogState
{
    /// <summary>Active dialogs, the bottom first and the one talking to the customer last.</summary>
    [JsonProperty("stack")]
    public List<DialogInstance> Stack { get; set; } = [];
}

/// <summary>One dialog on the stack, with the state it keeps between turns.</summary>
public sealed class DialogInstance
{
    /// <summary>The id of the registered dialog.</summary>
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    /// <summary>The dialog's own state, as plain JSON so that it survives any storage.</summary>
    [JsonProperty("state")]
    public JObject State { get; set; } = [];

    /// <summary>Reads a value the dialog stored, or the default when it is missing.</summary>
    public T? Get<T>(string key) => State.TryGetValue(key, out var token) && token.Type != JTokenType.Null
        ? token.ToObject<T>()
        : default;

    /// <summary>Stores a value for later turns.</summary>
    public void Set<T>(string key, T value) =>
        State[key] = value is null ? JValue.CreateNull() : JToken.FromObject(value);
}
