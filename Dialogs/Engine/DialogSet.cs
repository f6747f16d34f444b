namespace BankingBot.Dialogs.Engine;

/// <summary>The dialogs a bot knows, by id. Component dialogs bring their own dialogs with them.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> dialogs = new(StringComparer.Ordinal);

    /// <summary>Registers a dialog and, for a component, every dialog it groups.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already registered.");
        }

        if (dialog is ComponentDialog component)
        {
            foreach (var child in component.Dialogs)
            {
                Add(child);
            }
        }

        return this;
    }

    /// <summary>The dialog with this id, or null.</summary>
    public Dialog? Find(string id) => dialogs.GetValueOrDefault(id);
}
